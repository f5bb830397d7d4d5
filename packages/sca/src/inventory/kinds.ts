/** Every manifest format the inventory reads, by the name of its file (vendored-js: a JavaScript library copied in). */
export const MANIFEST_KINDS = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'pnpm-lock.yaml',
  'yarn.lock',
  'package.json',
  'requirements.txt',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'pyproject.toml',
  'Pipfile',
  'go.mod',
  'pom.xml',
  'gradle.lockfile',
  'composer.lock',
  'composer.json',
  'Gemfile.lock',
  'Gemfile',
  'Cargo.lock',
  'Cargo.toml',
  'packages.lock.json',
  'vendored-js',
] as const;

export type ManifestKind = (typeof MANIFEST_KINDS)[number];
