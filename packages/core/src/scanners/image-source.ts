import { statSync } from 'node:fs';
import type { ScannerTarget } from './types.js';

/**
 * What Anchore's tools (Grype, Syft) are pointed at: an OCI layout folder, a saved archive (docker save or
 * OCI, told apart by the tool), or the reference pulled from the registry itself; never a Docker daemon.
 */
export function anchoreSource({ targets }: ScannerTarget): string {
  if (targets.imageArchive) {
    const folder = (() => {
      try {
        return statSync(targets.imageArchive).isDirectory();
      } catch {
        return false;
      }
    })();
    return folder ? `oci-dir:${targets.imageArchive}` : targets.imageArchive;
  }
  return `registry:${targets.image!}`;
}
