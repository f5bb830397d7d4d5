import type { ManifestFile, Package } from '../../types.js';
import { jsonKeyLines, keyPath } from '../common/json-positions.js';
import {
  asRecord,
  asString,
  isRecord,
  makePackage,
  ManifestError,
  parseJson,
  sibling,
  type ManifestParser,
  type ParseContext,
} from '../common/model.js';
import { parseToml } from '../common/toml.js';
import { norm } from './lock-roots.js';

/** Pipfile.lock: flat "default" and "develop" sections; the Pipfile beside it says which are direct. */
function readPipfileLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const json = parseJson(file);
  if (!isRecord(json)) throw new ManifestError('not a Pipfile.lock object');
  const lines = jsonKeyLines(file.text);
  const pipfile = sibling(ctx, file, 'Pipfile');
  let direct: Set<string> | undefined;
  if (pipfile) {
    try {
      const toml = parseToml(pipfile);
      direct = new Set([...Object.keys(asRecord(toml.packages)), ...Object.keys(asRecord(toml['dev-packages']))].map(norm));
    } catch {
      direct = undefined;
    }
  }
  const out: Package[] = [];
  for (const [section, scope] of [
    ['default', 'runtime'],
    ['develop', 'dev'],
  ] as const) {
    for (const [name, raw] of Object.entries(asRecord(json[section]))) {
      const version = asString(asRecord(raw).version)?.replace(/^===?/, '');
      if (!version) continue;
      out.push(
        makePackage({
          ecosystem: 'PyPI',
          name,
          version,
          // the lock is flat: only the Pipfile can say which entries were asked for
          direct: direct ? direct.has(norm(name)) : false,
          scope,
          location: { file: file.path, line: lines.get(keyPath(section, name)) ?? 1 },
          manifest: file.path,
        }),
      );
    }
  }
  return out;
}

export const pipfileLock: ManifestParser = {
  kind: 'Pipfile.lock',
  ecosystem: 'PyPI',
  parse: readPipfileLock,
};
