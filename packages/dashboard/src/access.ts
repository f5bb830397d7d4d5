import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** Hosts only this machine can reach: there the dashboard may run without a token. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares in constant time (through hashes, so lengths leak nothing either). */
function same(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Whether the request carries the token: `Authorization: Bearer TOKEN` for scripts, or basic auth with the
 * token as the password (any user name) so a browser can ask for it.
 */
export function authorized(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return same(value, token);
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon >= 0 && same(decoded.slice(colon + 1), token);
  }
  return false;
}

/**
 * On a loopback bind without a token, only requests addressed to a loopback name are served: a web page
 * elsewhere that points its own host name at 127.0.0.1 (DNS rebinding) gets nothing.
 */
export function loopbackHostHeader(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.replace(/:\d+$/, '');
  return isLoopback(host);
}
