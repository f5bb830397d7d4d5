import type { Package } from '../../types.js';
import { coveringLockfile, declaredPackage, type ManifestParser } from '../common/model.js';
import { lowestNuget, nugetReferences } from './project-xml.js';

/** packages.config: the legacy list of a .NET Framework project, one exact version per package. */
export const packagesConfig: ManifestParser = {
  kind: 'packages.config',
  ecosystem: 'NuGet',
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['packages.lock.json']),
  parse(file) {
    const out: Package[] = [];
    for (const ref of nugetReferences(file, ['package'])) {
      out.push(declaredPackage('NuGet', file, { ...ref, ...lowestNuget(ref.spec) }));
    }
    return out;
  },
};
