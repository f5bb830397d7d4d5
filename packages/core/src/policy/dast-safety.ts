import { isIP } from 'node:net';
import { ConfigError } from '../errors.js';

/**
 * DAST attacks what it is pointed at: only hosts the policy allows may be scanned. By default that is the
 * machine itself (loopback, localhost) and single-label names, which is how CI services are reached
 * (GitLab `services:` aliases, docker compose service names) and never a host on the internet.
 */
export function checkTargetUrl(value: string, allowedHosts: readonly string[] | undefined): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`"${value}" is not a URL`, { file: '--target-url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`"${value}" is not an http(s) URL`, { file: '--target-url' });
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = allowedHosts
    ? allowedHosts.map((h) => h.toLowerCase()).includes(host)
    : host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1' || (isIP(host) === 0 && /^[a-z0-9-]+$/.test(host));
  if (!allowed) {
    const list = allowedHosts ? allowedHosts.join(', ') : 'loopback, localhost and single-label CI service names';
    throw new ConfigError(`host "${host}" is not allowed for DAST (allowed: ${list}); add it to dast.allowed_hosts in pipewarden.yml if you own it`, { file: '--target-url' });
  }
  return url;
}
