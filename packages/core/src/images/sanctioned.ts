import type { ImagesPolicy } from '../policy/config-schema.js';
import { matchesPattern, type ImageReference } from './reference.js';

export type SanctionedEntry = NonNullable<ImagesPolicy['sanctioned']>[number];

/**
 * The sanctioned-list entry a reference falls under: its name matches, and when both the reference and the
 * entry name digests, the reference's is one of them (another build of a sanctioned name is not sanctioned).
 */
export function sanctionedEntry(ref: ImageReference, list: readonly SanctionedEntry[] | undefined): SanctionedEntry | undefined {
  return list?.find((entry) => matchesPattern(ref, entry.name) && (!ref.digest || !entry.digests || entry.digests.includes(ref.digest)));
}
