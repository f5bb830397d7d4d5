import { SRCROOT } from './types.js';

/**
 * Makes text a valid URI reference (RFC 3986) without touching one that already is: characters URIs may
 * not hold are percent-encoded, and a "%" that starts no escape becomes "%25". Tools often write paths
 * with spaces or brackets where SARIF wants a URI.
 */
export function toUriReference(text: string): string {
  return text
    .replace(/\\/g, '/')
    .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
    .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

/** A URI reference back to the path it names; one that is not valid percent-encoding is kept as written. */
export function decodeUri(uri: string): string {
  if (!uri.includes('%')) return uri;
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/**
 * Whether a location names a file outside the source root by its letters alone: a file: URI or an absolute
 * path left as written (normalize makes those under the root relative), or ".." segments that climb above
 * it, percent-encoded or not. Other bases (%BUILDROOT%, a tool's own) and other schemes (http:) are not files
 * of ours and are not judged; a symlink out of the root is found where the file would be read.
 */
export function leavesRoot(location: { uri?: string | undefined; uriBaseId?: string | undefined } | undefined): boolean {
  const uri = location?.uri;
  if (!uri) return false;
  if (location.uriBaseId !== undefined && location.uriBaseId !== SRCROOT) return false;
  if (/^file:/i.test(uri)) return true;
  // A drive letter (C:/…) reads like a one-letter scheme.
  if (/^[a-z][a-z0-9+.-]+:/i.test(uri)) return false;
  const path = decodeUri(uri.replace(/[?#].*$/, ''));
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return true;
  let depth = 0;
  for (const segment of path.split(/[\\/]/)) {
    if (segment === '..') {
      if (--depth < 0) return true;
    } else if (segment !== '' && segment !== '.') {
      depth++;
    }
  }
  return false;
}
