export type {
  Ecosystem,
  InventoryResult,
  Location,
  ManifestFile,
  ManifestProblem,
  Package,
} from './types.js';
