import { ConfigError } from '../errors.js';
import { REDACTED } from '../sarif/redact.js';

const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** The hosts DAST may scan when `dast.allowed_hosts` is not set: this machine by its loopback addresses and name. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || LOOPBACK_V4.test(host);
}

/**
 * The URL as it may be shown: its user information (user and password) replaced by [redacted], since the
 * user name can be the token (`https://ghp_…:x-oauth-basic@host`). Works on text that is not a valid URL
 * too, since refusing one must not print what it carries.
 */
export function maskUrlCredentials(value: string): string {
  // The scheme is optional: "admin:pw@host:3000" (scheme forgotten) parses as a URL of scheme "admin:".
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/|\/\/)?[^/?#]*@/i, (_whole, scheme: string | undefined) => `${scheme ?? ''}${REDACTED}@`);
}

const bare = (host: string) => host.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * DAST attacks what it is pointed at: only hosts the policy allows may be scanned. By default that is the
 * machine itself (127.0.0.0/8, ::1, `localhost`); any other host, CI service aliases included, only when
 * `dast.allowed_hosts` names it. Single-label names are not allowed by default: a resolver's search domains
 * turn `metadata`, `kubernetes` or `intranet` into real hosts of the CI network.
 * Credentials in the URL are refused: they would end up in command lines, logs and reports.
 */
export function checkTargetUrl(value: string, allowedHosts: readonly string[] | undefined): URL {
  const shown = maskUrlCredentials(value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`"${shown}" is not a URL`, { file: '--target-url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`"${shown}" is not an http(s) URL`, { file: '--target-url' });
  if (url.username || url.password) {
    throw new ConfigError(
      `"${shown}": credentials in the target URL are not accepted (they would show in logs and reports); give the scan a session under dast.auth in pipewarden.yml (a login form, a cookie, a header or HTTP authentication), with the secret in an environment variable it names (docs/dast.md)`,
      { file: '--target-url' },
    );
  }
  const host = bare(url.hostname);
  const allowed = allowedHosts ? allowedHosts.map(bare).includes(host) : isLoopbackHost(host);
  if (!allowed) {
    const singleLabel = !allowedHosts && /^[a-z0-9-]+$/.test(host) && !/^\d+$/.test(host);
    const list = allowedHosts ? allowedHosts.join(', ') : `loopback and localhost${singleLabel ? '; a single-label name such as a CI service alias only when listed' : ''}`;
    throw new ConfigError(`host "${host}" is not allowed for DAST (allowed: ${list}); add it to dast.allowed_hosts in pipewarden.yml if you own it`, { file: '--target-url' });
  }
  return url;
}
