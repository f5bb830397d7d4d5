import type { Package } from '../../types.js';
import { declaredPackage, sibling, type ManifestParser } from '../common/model.js';
import { parseToml } from '../common/toml.js';
import { pyprojectDeclared } from './pyproject-declared.js';

// the lockfiles that record a pyproject.toml's dependencies (and are read here)
const LOCKFILES = ['poetry.lock', 'uv.lock'];

export const pyprojectToml: ManifestParser = {
  kind: 'pyproject.toml',
  ecosystem: 'PyPI',
  supersededBy: (file, ctx) => LOCKFILES.map((l) => sibling(ctx, file, l)?.path).find((p) => p !== undefined),
  parse(file, ctx) {
    const out: Package[] = [];
    for (const d of pyprojectDeclared(file, parseToml(file))) {
      if (!d.lowest) {
        ctx.note(`line ${d.location.line}: ${d.name} is a URL, path or VCS dependency, not a registry package: skipped`);
        continue;
      }
      out.push(declaredPackage('PyPI', file, { ...d, ...d.lowest }));
    }
    return out;
  },
};
