// @pipewarden/sca/files: which files are manifests and the engine's version, without loading the engine (its
// parsers, YAML, TOML, version orders and advisory readers): a caller that only plans a scan imports this, and
// the engine itself when it runs.
export { manifestKind } from './inventory/file-kinds.js';
export { MANIFEST_KINDS, type ManifestKind } from './inventory/kinds.js';
export { VERSION } from './version.js';
