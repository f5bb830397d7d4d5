import type { ManifestFile, Package } from '../../types.js';
import { baseName, coveringLockfile, declaredPackage, dirOf, type ManifestParser, type ParseContext } from '../common/model.js';
import { lowestNuget, nugetReferences } from './project-xml.js';

const CENTRAL = 'directory.packages.props';

/** The nearest Directory.Packages.props at or above the project's folder, among the files given. */
function centralVersions(file: ManifestFile, ctx: ParseContext): { file: string; versions: Map<string, string> } | undefined {
  const byDir = new Map<string, ManifestFile>();
  for (const f of ctx.files.values()) if (baseName(f.path).toLowerCase() === CENTRAL) byDir.set(dirOf(f.path), f);
  for (let dir: string | undefined = dirOf(file.path); dir !== undefined; dir = dir === '' ? undefined : dirOf(dir)) {
    const props = byDir.get(dir);
    if (!props) continue;
    try {
      const versions = new Map(nugetReferences(props, ['PackageVersion']).map((r) => [r.name.toLowerCase(), r.spec]));
      return { file: props.path, versions };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** SDK-style project files: PackageReference items, versions from Directory.Packages.props when managed centrally. */
export const projectFile: ManifestParser = {
  kind: '*.csproj',
  ecosystem: 'NuGet',
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['packages.lock.json']),
  parse(file, ctx) {
    const central = centralVersions(file, ctx);
    const out: Package[] = [];
    for (const ref of nugetReferences(file, ['PackageReference'])) {
      const spec = ref.spec || central?.versions.get(ref.name.toLowerCase()) || '';
      if (!spec) ctx.note(`line ${ref.location.line}: no version for ${ref.name}${central ? ` in ${central.file}` : ' (no Directory.Packages.props given)'}`);
      out.push(declaredPackage('NuGet', file, { ...ref, spec, ...lowestNuget(spec) }));
    }
    return out;
  },
};

/** Directory.Packages.props read alone: when no project below it is given, its versions are what is known. */
export const centralPackages: ManifestParser = {
  kind: 'Directory.Packages.props',
  ecosystem: 'NuGet',
  supersededBy(file, ctx) {
    const dir = dirOf(file.path);
    for (const path of ctx.files.keys()) {
      const inside = dir === '' || path.startsWith(`${dir}/`);
      if (inside && (/\.(?:cs|fs|vb)proj$/i.test(path) || baseName(path) === 'packages.lock.json')) return path;
    }
    return undefined;
  },
  parse(file) {
    return nugetReferences(file, ['PackageVersion']).map((ref) => declaredPackage('NuGet', file, { ...ref, ...lowestNuget(ref.spec) }));
  },
};
