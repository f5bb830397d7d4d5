import type { Package } from '../../types.js';
import { coveringLockfile, declaredPackage, type ManifestParser } from '../common/model.js';
import { lowestOfRange } from '../common/semver-lowest.js';
import { cargoDeclared } from './cargo-declared.js';

/** Cargo's requirement syntax: a bare version is a caret requirement; "," is AND. */
function lowestCargo(spec: string): { version: string; exact: boolean } {
  const s = spec.trim();
  if (/^=\s*\d/.test(s)) return lowestOfRange(s.replace(/^=\s*/, ''));
  const range = s
    .split(',')
    .map((part) => (/^\d/.test(part.trim()) ? `^${part.trim()}` : part.trim()))
    .join(' ');
  return { version: lowestOfRange(range).version, exact: false };
}

export const cargoToml: ManifestParser = {
  kind: 'Cargo.toml',
  ecosystem: 'crates.io',
  // a workspace's Cargo.lock sits in its root folder and covers every member
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['Cargo.lock'], () => true),
  parse(file, ctx) {
    const out: Package[] = [];
    for (const d of cargoDeclared(file).deps) {
      if (d.inherited) continue;
      if (!d.spec) {
        ctx.note(`line ${d.location.line}: ${d.name} is a git or path dependency without a version: skipped`);
        continue;
      }
      const low = lowestCargo(d.spec);
      out.push(declaredPackage('crates.io', file, { ...d, ...low }));
    }
    return out;
  },
};
