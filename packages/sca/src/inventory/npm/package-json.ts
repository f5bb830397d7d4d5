import type { ManifestFile, Package } from '../../types.js';
import { dirOf, isRecord, makePackage, parseJson, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';
import { declaredDependencies } from './declared.js';
import { lowestMatch } from './ranges.js';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

export const packageJson: ManifestParser = {
  kind: 'package.json',
  ecosystem: 'npm',
  matches: (base) => base === 'package.json',
  supersededBy(file, ctx) {
    const dir = dirOf(file.path);
    // A lockfile beside the manifest, or one in an ancestor folder that lists this folder
    // as a workspace, already holds the installed versions.
    for (const [path, other] of ctx.files) {
      const base = path.slice(path.lastIndexOf('/') + 1);
      if (!LOCKFILES.includes(base)) continue;
      const lockDir = dirOf(path);
      if (lockDir === dir) return path;
      const inside = lockDir === '' || dir.startsWith(`${lockDir}/`);
      if (!inside) continue;
      const rel = lockDir === '' ? dir : dir.slice(lockDir.length + 1);
      if (rel && other.text.includes(rel)) return path;
    }
    return undefined;
  },
  parse(file: ManifestFile, ctx: ParseContext): Package[] {
    const json = parseJson(file);
    if (!isRecord(json)) throw new ManifestError('not a package.json object');
    const out: Package[] = [];
    for (const dep of declaredDependencies(file)) {
      const match = lowestMatch(dep.spec);
      if (match.notRegistry !== undefined) {
        if (!/^(?:workspace:|link:|file:|portal:)/.test(match.notRegistry)) {
          ctx.note(`line ${dep.location.line}: ${dep.name} comes from "${dep.spec}", not a registry: skipped`);
        }
        continue;
      }
      out.push(
        makePackage({
          ecosystem: 'npm',
          name: match.name ?? dep.name,
          version: match.version ?? '',
          direct: true,
          scope: dep.scope,
          location: dep.location,
          manifest: file.path,
          declared: dep.spec,
          unresolved: !match.exact,
        }),
      );
    }
    return out;
  },
};
