import type { Package } from '../../types.js';
import { jsonKeyLines, keyPath } from '../common/json-positions.js';
import { asRecord, coveringLockfile, declaredPackage, isRecord, ManifestError, parseJson, type ManifestParser } from '../common/model.js';
import { lowestOfRange } from '../common/semver-lowest.js';

const PLATFORM = /^(?:php(?:-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(?:-plugin-api|-runtime-api)?)$/i;

/** Composer's constraint syntax in node-semver's: "," and " " are AND, "|" and "||" OR, stability flags dropped. */
function toSemverRange(constraint: string): string {
  return constraint
    .replace(/@(?:dev|alpha|beta|RC|stable)\b/gi, '')
    .split(/\s*\|\|?\s*/)
    .map((alt) => alt.replace(/\s*,\s*/g, ' ').replace(/\bv(?=\d)/g, ''))
    .join(' || ');
}

export const composerJson: ManifestParser = {
  kind: 'composer.json',
  ecosystem: 'Packagist',
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['composer.lock']),
  parse(file, ctx) {
    const json = parseJson(file);
    if (!isRecord(json)) throw new ManifestError('not a composer.json object');
    const lines = jsonKeyLines(file.text);
    const out: Package[] = [];
    for (const [section, scope] of [
      ['require', 'runtime'],
      ['require-dev', 'dev'],
    ] as const) {
      for (const [name, raw] of Object.entries(asRecord(json[section]))) {
        if (PLATFORM.test(name) || typeof raw !== 'string') continue;
        const line = lines.get(keyPath(section, name)) ?? 1;
        if (/^dev-|#/.test(raw.trim())) {
          ctx.note(`line ${line}: ${name} is required as the branch "${raw}", not a release: skipped`);
          continue;
        }
        const low = lowestOfRange(toSemverRange(raw));
        out.push(declaredPackage('Packagist', file, { name, ...low, scope, location: { file: file.path, line }, spec: raw }));
      }
    }
    return out;
  },
};
