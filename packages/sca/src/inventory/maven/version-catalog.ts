import type { Location, ManifestFile } from '../../types.js';
import { asRecord, asString, baseName, declaredPackage, dirOf, type ManifestParser, type ParseContext } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';
import { lowestGradle } from './gradle-versions.js';

export interface CatalogLibrary {
  alias: string;
  module: string;
  /** the version as declared ("" when the catalog leaves it to a platform) */
  version: string;
  location: Location;
}

/** The version of a catalog entry: a string, `version.ref`, or a rich version table. */
function versionOf(entry: Record<string, unknown>, versions: Record<string, unknown>): string {
  const v = entry.version;
  if (typeof v === 'string') return v;
  const table = asRecord(v);
  const ref = asString(table.ref);
  const resolved = ref !== undefined ? versions[ref] : table;
  if (typeof resolved === 'string') return resolved;
  const rich = asRecord(resolved);
  return asString(rich.strictly) ?? asString(rich.require) ?? asString(rich.prefer) ?? '';
}

/** The libraries of a Gradle version catalog (gradle/libs.versions.toml). */
export function catalogLibraries(file: ManifestFile): CatalogLibrary[] {
  const toml = parseToml(file);
  const lines = new TomlLines(file.text);
  const versions = asRecord(toml.versions);
  const out: CatalogLibrary[] = [];
  for (const [alias, raw] of Object.entries(asRecord(toml.libraries))) {
    const line = lines.keyLine('libraries', alias) ?? lines.headerLine('libraries') ?? 1;
    const location = { file: file.path, line };
    if (typeof raw === 'string') {
      const [group, name, version = ''] = raw.split(':');
      if (group && name) out.push({ alias, module: `${group}:${name}`, version, location });
      continue;
    }
    const entry = asRecord(raw);
    const module = asString(entry.module) ?? (entry.group && entry.name ? `${String(entry.group)}:${String(entry.name)}` : undefined);
    if (module) out.push({ alias, module, version: versionOf(entry, versions), location });
  }
  return out;
}

/** The catalog a build script in `dir` uses: gradle/libs.versions.toml of its folder or an ancestor. */
export function catalogFor(ctx: ParseContext, dir: string): Map<string, CatalogLibrary> {
  for (let d: string | undefined = dir; d !== undefined; d = d === '' ? undefined : dirOf(d)) {
    const file = ctx.files.get(d ? `${d}/gradle/libs.versions.toml` : 'gradle/libs.versions.toml');
    if (!file) continue;
    try {
      // build scripts name an alias "log4j-core" as libs.log4j.core
      return new Map(catalogLibraries(file).map((l) => [l.alias.replace(/[-_]/g, '.').toLowerCase(), l]));
    } catch {
      return new Map();
    }
  }
  return new Map();
}

const BUILD_SCRIPT = /^build\.gradle(?:\.kts)?$/;

export const versionCatalog: ManifestParser = {
  kind: 'libs.versions.toml',
  ecosystem: 'Maven',
  // the build scripts say which of the catalog's libraries are used; alone, the catalog is what is known
  supersededBy(file, ctx) {
    const root = dirOf(dirOf(file.path));
    for (const path of ctx.files.keys()) {
      if (!BUILD_SCRIPT.test(baseName(path)) && baseName(path) !== 'gradle.lockfile') continue;
      if (root === '' || path.startsWith(`${root}/`)) return path;
    }
    return undefined;
  },
  parse(file) {
    return catalogLibraries(file).map((l) =>
      declaredPackage('Maven', file, { name: l.module, ...lowestGradle(l.version), scope: 'unknown', location: l.location, spec: l.version }),
    );
  },
};
