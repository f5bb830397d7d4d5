import type { DastHandOff } from './dast.js';

/**
 * What a run targets besides the files of the repository, passed unchanged from the options to the
 * scanners that need them. Paths are absolute once the run has prepared them.
 */
export interface Targets {
  /** The running application, for DAST (acceptance); checked against dast.allowed_hosts before anything runs. */
  url?: { href: string; auth?: unknown; dast?: DastHandOff | undefined } | undefined;
  /** An image reference (registry/name:tag or @digest) for image scanners. */
  image?: string | undefined;
  /** The built image as a `docker save` archive or OCI layout, for image scanners without a registry. */
  imageArchive?: string | undefined;
  /** Sanctioned bases saved as archives (drift without a registry). */
  baseArchives?: readonly string[] | undefined;
  /** Vulnerability reports of the image and of its base's current build (what upstream fixed). */
  vulnerabilityReports?: { image: string; base: string } | undefined;
}
