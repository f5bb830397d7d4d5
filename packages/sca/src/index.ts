// @pipewarden/sca: manifests and lockfiles in, SARIF out. See README.md and docs/sca.md.
export type { Ecosystem, InventoryResult, Location, ManifestFile, ManifestNote, ManifestProblem, Package } from './types.js';
export { ECOSYSTEMS, normalizeName } from './ecosystems.js';
export { manifestKind, readInventory } from './inventory/index.js';
export { analyzeDependencies, analyzeInventory, ecosystemsOf, openAdvisories, type AdvisoryDatabase } from './analyze.js';
export { AdvisoryIndex } from './osv/advisory-index.js';
export { readAdvisoryDir, readAdvisoryZip, AdvisorySourceError, type AdvisoryProblem, type ReadAdvisories } from './osv/read.js';
export { advisoryOf, type Advisory } from './osv/record.js';
export { matchPackages, type Match, type MatchOutcome, type PackageMatches } from './match/match.js';
export { versionOrder, type VersionOrder } from './versions/index.js';
export { satisfiesDeclared } from './versions/declared.js';
export { VERSION } from './version.js';
export { cyclonedxOf } from './sbom.js';
