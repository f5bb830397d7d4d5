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
