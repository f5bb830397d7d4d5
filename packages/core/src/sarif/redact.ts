import type { Result } from './types.js';

// High-confidence shapes of credentials; a scanner's message or snippet must never carry one onward.
const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z2-7]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk_(?:live|test)_[A-Za-z0-9]{20,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
  /(?<=:\/\/[^\s:/@]{1,64}:)[^\s@/]{3,}(?=@)/g,
];

export const REDACTED = '[redacted]';

// What every pattern above needs somewhere in the text: one scan rules most texts out, where the eleven
// patterns cost a twentieth of a large convert.
const CANDIDATE = /A[KSGIRNP][A-Z]A|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|npm_|sk_(?:live|test)_|AIza|PRIVATE KEY|eyJ/;

export function redactText(text: string): string {
  if (!CANDIDATE.test(text) && !(text.includes('://') && text.includes('@'))) return text;
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

// A mask as long as the secret (secretlint's --maskSecrets writes one "*" per character) tells the reader
// nothing a short one does not, and a hundred of them bury the message.
const LONG_MASK = /[*•●]{5,}/g;

/** Long masks made short: `****` (and `****…` when the secret's visible end follows: `ghp_****…a1b2`). */
export function shortenMasks(text: string): string {
  return text.replace(LONG_MASK, (mask: string, offset: number) => (/[A-Za-z0-9]/.test(text[offset + mask.length] ?? '') ? '****…' : '****'));
}

/**
 * Removes secret values from a result: for a secrets finding every snippet goes (the line is the secret)
 * and the tool's long masks are shortened; in every result, messages are scrubbed of credential-shaped strings.
 */
export function redactResult(result: Result, isSecretFinding: boolean): boolean {
  let changed = false;
  const scrub = (text: string | undefined): string | undefined => {
    if (text === undefined) return text;
    const clean = redactText(text);
    if (clean !== text) changed = true;
    // Shortening a tool's own mask reveals nothing more: it is not a redaction of ours.
    return isSecretFinding ? shortenMasks(clean) : clean;
  };
  result.message.text = scrub(result.message.text);
  result.message.markdown = scrub(result.message.markdown);
  if (result.message.arguments) result.message.arguments = result.message.arguments.map((arg) => scrub(arg) ?? arg);
  for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
    const physical = location.physicalLocation;
    if (!physical) continue;
    for (const region of [physical.region, physical.contextRegion]) {
      if (!region?.snippet) continue;
      if (isSecretFinding) {
        delete region.snippet;
        changed = true;
      } else if (region.snippet.text !== undefined) {
        region.snippet.text = scrub(region.snippet.text);
      }
    }
    if (location.message) location.message.text = scrub(location.message.text);
  }
  return changed;
}
