export type Ecosystem = 'npm' | 'PyPI' | 'Go' | 'Maven' | 'Packagist' | 'RubyGems' | 'crates.io' | 'NuGet';
export interface ManifestFile { path: string; text: string }
export interface Location { file: string; line: number }
export interface Package {
  ecosystem: Ecosystem; name: string; version: string; purl: string;
  direct: boolean; scope: 'runtime' | 'dev' | 'optional' | 'peer' | 'test' | 'provided' | 'unknown';
  unresolved?: true; declared?: string; path: string[]; location: Location; declaredAt?: Location;
  manifest: string; vendored?: true;
}
/** A file, or part of one, that could not be read: its packages are missing, so the inventory is partial. */
export interface ManifestProblem { file: string; message: string }
/** A remark about a file that was read (a line skipped as not a registry package, a version not resolved): nothing unread. */
export interface ManifestNote { file: string; message: string }
export interface InventoryResult { packages: Package[]; manifests: { file: string; kind: string; packages: number }[]; problems: ManifestProblem[]; notes: ManifestNote[] }
