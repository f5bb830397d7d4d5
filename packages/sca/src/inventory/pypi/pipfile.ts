import type { Package } from '../../types.js';
import { asRecord, asString, coveringLockfile, declaredPackage, type ManifestParser } from '../common/model.js';
import { parseToml, TomlLines } from '../common/toml.js';
import { lowestPep440 } from './pep508.js';

export const pipfile: ManifestParser = {
  kind: 'Pipfile',
  ecosystem: 'PyPI',
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['Pipfile.lock']),
  parse(file, ctx) {
    const toml = parseToml(file);
    const lines = new TomlLines(file.text);
    const out: Package[] = [];
    for (const [section, scope] of [
      ['packages', 'runtime'],
      ['dev-packages', 'dev'],
    ] as const) {
      for (const [name, value] of Object.entries(asRecord(toml[section]))) {
        const line = lines.keyLine(section, name) ?? lines.headerLine(section) ?? 1;
        const table = asRecord(value);
        const spec = typeof value === 'string' ? value : asString(table.version);
        if (spec === undefined) {
          ctx.note(`line ${line}: ${name} is a git, path or URL dependency, not a registry package: skipped`);
          continue;
        }
        const low = spec.trim() === '*' ? { version: '', exact: false } : lowestPep440(spec);
        out.push(declaredPackage('PyPI', file, { name, ...low, scope, location: { file: file.path, line }, spec }));
      }
    }
    return out;
  },
};
