import type { ManifestFile, Package } from '../../types.js';
import { coveringLockfile, declaredPackage, dirOf, isRecord, parseJson, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';
import { declaredDependencies, declaresWorkspaces } from './declared.js';
import { lowestMatch } from './ranges.js';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock'];

export const packageJson: ManifestParser = {
  kind: 'package.json',
  ecosystem: 'npm',
  // a lockfile in an ancestor folder covers this one when it lists the folder (npm, pnpm,
  // Berry) or when the package.json beside it declares workspaces (yarn 1 lists none)
  supersededBy: (file, ctx) =>
    coveringLockfile(file, ctx, LOCKFILES, (lock, rel) => lock.text.includes(rel) || declaresWorkspaces(ctx, dirOf(lock.path))),
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
      const name = match.name ?? dep.name;
      out.push(declaredPackage('npm', file, { ...dep, name, version: match.version ?? '', exact: match.exact === true }));
    }
    return out;
  },
};
