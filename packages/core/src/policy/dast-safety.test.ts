import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { checkTargetUrl, maskUrlCredentials } from './dast-safety.js';

/** The one line the CLI prints for a refused target, or the URL kept. */
function check(url: string, allowed?: string[]): string {
  try {
    return checkTargetUrl(url, allowed).href;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.toLine();
  }
}

describe('checkTargetUrl: the hosts DAST may scan', () => {
  it('by default only this machine: 127.0.0.0/8, ::1 and localhost', () => {
    for (const url of ['http://127.0.0.1:3000/', 'http://127.1.2.3/', 'https://localhost:8443/app', 'http://LOCALHOST/', 'http://[::1]:8080/', 'http://2130706433/']) {
      expect(check(url), url).toBe(new URL(url).href);
    }
  });

  it('single-label names are refused by default (search domains turn them into real hosts), with how to allow one', () => {
    for (const host of ['app', 'metadata', 'kubernetes', 'intranet']) {
      expect(check(`http://${host}:3000/`)).toBe(
        `--target-url: host "${host}" is not allowed for DAST (allowed: loopback and localhost; a single-label name such as a CI service alias only when listed); add it to dast.allowed_hosts in pipewarden.yml if you own it`,
      );
    }
    expect(check('http://app:3000/', ['app'])).toBe('http://app:3000/');
  });

  it('anything else by default is refused: names, private and metadata addresses, 0.0.0.0, other IPv6', () => {
    for (const [url, host] of [
      ['https://example.com/', 'example.com'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
      ['http://10.0.0.5/', '10.0.0.5'],
      ['http://0.0.0.0:3000/', '0.0.0.0'],
      ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
      ['http://[fe80::1]/', 'fe80::1'],
      ['http://localhost.example.com/', 'localhost.example.com'],
    ]) {
      expect(check(url!), url).toBe(`--target-url: host "${host}" is not allowed for DAST (allowed: loopback and localhost); add it to dast.allowed_hosts in pipewarden.yml if you own it`);
    }
  });

  it('dast.allowed_hosts replaces the default: only the names listed (case-insensitive, IPv6 with or without brackets)', () => {
    expect(check('http://staging.internal.example/', ['staging.internal.example'])).toBe('http://staging.internal.example/');
    expect(check('http://App:3000/', ['app'])).toBe('http://app:3000/');
    expect(check('http://[::1]/', ['[::1]'])).toBe('http://[::1]/');
    expect(check('http://127.0.0.1/', ['staging.internal.example'])).toBe(
      '--target-url: host "127.0.0.1" is not allowed for DAST (allowed: staging.internal.example); add it to dast.allowed_hosts in pipewarden.yml if you own it',
    );
  });
});

describe('checkTargetUrl: credentials in the URL', () => {
  const NOT_ACCEPTED =
    'credentials in the target URL are not accepted (they would show in logs and reports); give the scan a session under dast.auth in pipewarden.yml (a login form, a cookie, a header or HTTP authentication), with the secret in an environment variable it names (docs/dast.md)';

  it('are refused in one line that never shows them, whatever the host', () => {
    for (const [url, shown] of [
      ['http://admin:hunter2@127.0.0.1:3000/', 'http://[redacted]@127.0.0.1:3000/'],
      ['http://ghp_0123456789abcdefghij0123456789abcdef@localhost/', 'http://[redacted]@localhost/'],
      ['https://ghp_token:x-oauth-basic@example.com/', 'https://[redacted]@example.com/'],
      ['http://admin:@127.0.0.1/', 'http://[redacted]@127.0.0.1/'],
      ['http://user:p@ss@127.0.0.1/', 'http://[redacted]@127.0.0.1/'],
    ]) {
      const line = check(url!);
      expect(line).toBe(`--target-url: "${shown}": ${NOT_ACCEPTED}`);
      expect(line).not.toMatch(/hunter2|ghp_|x-oauth|p@ss|admin/);
      expect(line.split('\n')).toHaveLength(1);
    }
  });

  it('other refusals mask them too: not a URL, not http(s), scheme forgotten', () => {
    expect(check('http://admin:hunter2@ho st/')).toBe('--target-url: "http://[redacted]@ho st/" is not a URL');
    expect(check('ftp://admin:hunter2@127.0.0.1/')).toBe('--target-url: "ftp://[redacted]@127.0.0.1/" is not an http(s) URL');
    expect(check('admin:hunter2@127.0.0.1:3000')).toBe('--target-url: "[redacted]@127.0.0.1:3000" is not an http(s) URL');
  });

  it('maskUrlCredentials leaves a URL without user information, and an @ in the path or query, alone', () => {
    for (const url of ['http://127.0.0.1:3000/', 'http://127.0.0.1/users/@me', 'http://127.0.0.1/?mail=a@b.c', 'not a url']) expect(maskUrlCredentials(url)).toBe(url);
  });
});
