import { describe, expect, it } from 'vitest';
import { createExclusions } from './exclusions.js';

const reason = (href: string, user: string[] = [], keep: string[] = []) => createExclusions(user, keep.map((k) => new URL(k))).reasonFor(new URL(href));

describe('pages a scan never requests', () => {
  it('by default: logout, password change, reset, setup, delete and security-level pages, by path or by parameter name', () => {
    const base = 'http://127.0.0.1:8080';
    expect(reason(`${base}/logout`)).toBe('logout');
    expect(reason(`${base}/logout.php`)).toBe('logout');
    expect(reason(`${base}/users/sign_out`)).toBe('logout');
    expect(reason(`${base}/account/password`)).toBe('password change');
    // DVWA's CSRF page changes the password with a GET of its own form.
    expect(reason(`${base}/vulnerabilities/csrf/?password_new=a&password_conf=a&Change=Change`)).toBe('password change');
    expect(reason(`${base}/forgot-password`)).toBe('password change');
    expect(reason(`${base}/admin/reset`)).toBe('reset');
    expect(reason(`${base}/setup.php`)).toBe('setup');
    expect(reason(`${base}/install/`)).toBe('setup');
    expect(reason(`${base}/items/7/delete`)).toBe('delete');
    expect(reason(`${base}/security.php?security=low`)).toBe('security level');
  });

  it('not ordinary pages, and never by an attack payload in a parameter value', () => {
    const base = 'http://127.0.0.1:8080';
    for (const path of ['/', '/search?q=lamp', '/item?id=1', '/products/reseller', '/passwords-guide.html', '/login', '/settings/profile']) expect(reason(`${base}${path}`), path).toBeUndefined();
    expect(reason(`${base}/search?q=${encodeURIComponent("' ; DROP TABLE users; -- logout reset")}`)).toBeUndefined();
  });

  it("the user's regular expressions too, against the URL or its path; the login page is always allowed", () => {
    expect(reason('http://127.0.0.1:8080/admin/users', ['^/admin/'])).toBe('dast.exclude ^/admin/');
    expect(reason('http://127.0.0.1:8080/shop/checkout?step=pay', ['checkout.*pay'])).toBe('dast.exclude checkout.*pay');
    expect(reason('http://127.0.0.1:8080/auth/reset-session', [], ['http://127.0.0.1:8080/auth/reset-session'])).toBeUndefined();
  });
});
