import { PipewardenError } from '../errors.js';

/**
 * An attestation cannot be made or trusted: an unreadable key, a malformed envelope, a signature that does not
 * verify. The CLI reports it as an error (exit 2); a trustworthy attestation that fails the policy is a verdict.
 */
export class AttestationError extends PipewardenError {
  override readonly name = 'AttestationError';
}
