import type { Location, ManifestFile, Package } from '../../types.js';
import { asRecord, asString } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';

export interface CargoDeclared {
  /** the crate's registry name (`package = "…"` renames are followed) */
  name: string;
  spec: string;
  /** false for git and path dependencies */
  registry: boolean;
  scope: Package['scope'];
  location: Location;
  /** `workspace = true`: the version is the workspace's, declared in its root Cargo.toml */
  inherited?: true;
}

const SECTIONS: [string, Package['scope']][] = [
  ['dependencies', 'runtime'],
  ['build-dependencies', 'dev'],
  ['dev-dependencies', 'dev'],
];

/** The package name and the dependencies a Cargo.toml declares, target-specific tables included. */
export function cargoDeclared(file: ManifestFile): { name?: string; deps: CargoDeclared[] } {
  const json = parseToml(file);
  const lines = new TomlLines(file.text);
  const deps: CargoDeclared[] = [];
  const tables: [string, unknown, Package['scope']][] = SECTIONS.map(([s, scope]) => [s, json[s], scope]);
  for (const [target, def] of Object.entries(asRecord(json.target))) {
    for (const [s, scope] of SECTIONS) tables.push([`target.${target}.${s}`, asRecord(def)[s], scope]);
  }
  tables.push(['workspace.dependencies', asRecord(json.workspace).dependencies, 'runtime']);
  for (const [header, table, scope] of tables) {
    for (const [key, value] of Object.entries(asRecord(table))) {
      const v = asRecord(value);
      const spec = typeof value === 'string' ? value : (asString(v.version) ?? '');
      const line = lines.keyLine(header, key) ?? lines.headerLine(header) ?? lines.headerLine(`${header}.${key}`) ?? 1;
      deps.push({
        name: asString(v.package) ?? key,
        spec,
        registry: typeof value === 'string' || (!('git' in v) && !('path' in v) && v.workspace !== true),
        scope: v.optional === true && scope === 'runtime' ? 'optional' : scope,
        location: { file: file.path, line },
        ...(v.workspace === true ? { inherited: true as const } : {}),
      });
    }
  }
  return { name: asString(asRecord(json.package).name), deps };
}
