import type { Package } from '../../types.js';
import { coveringLockfile, declaredPackage, type ManifestParser } from '../common/model.js';
import { gemfileDeclarations } from './gemfile-declared.js';

/** The lowest version RubyGems requirements ("~> 2.0", ">= 1.10, < 2") admit, when inclusive. */
function lowestGem(requirements: string[]): { version: string; exact: boolean } {
  let lowest = '';
  for (const r of requirements) {
    const m = /^\s*(~>|>=|=|!=|<=|<|>)?\s*([0-9][\w.]*)\s*$/.exec(r);
    if (!m) continue;
    const op = m[1] ?? '=';
    if (op === '=') return { version: m[2] ?? '', exact: true };
    if (op === '~>' || op === '>=') lowest = m[2] ?? '';
  }
  return { version: lowest, exact: false };
}

export const gemfile: ManifestParser = {
  kind: 'Gemfile',
  ecosystem: 'RubyGems',
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['Gemfile.lock', 'gems.locked']),
  parse(file, ctx) {
    const out: Package[] = [];
    for (const [name, d] of gemfileDeclarations(file)) {
      if (d.source) {
        ctx.note(`line ${d.line}: ${name} comes from ${d.source}, not a gem server: skipped`);
        continue;
      }
      const low = lowestGem(d.requirements);
      const location = { file: file.path, line: d.line };
      out.push(declaredPackage('RubyGems', file, { name, ...low, scope: d.scope, location, spec: d.requirements.join(', ') }));
    }
    return out;
  },
};
