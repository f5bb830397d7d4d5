import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { dastAuthSchema } from './config.js';
import { createExclusions } from './exclusions.js';
import { DastGuard } from './guard.js';
import { checkSession, logIn, sessionFromConfig } from './session.js';

// A small app of ours on 127.0.0.1: a login form with a CSRF token, a page behind it, a digest-protected page.
const seen: string[] = [];
let server: Server;
let base: URL;
const tokens = new Set<string>();
const sessions = new Set<string>();

function app(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  seen.push(`${req.method} ${url.pathname}`);
  const sid = /sid=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
  if (url.pathname === '/login' && req.method === 'GET') {
    const token = `t${tokens.size}x${Date.now()}`;
    tokens.add(token);
    res.end(`<form method="post" action="/login"><input type="hidden" name="csrf" value="${token}"><input name="user"><input type="password" name="pass"><input type="submit" name="go" value="Go"></form>`);
    return;
  }
  if (url.pathname === '/login') {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(body);
      if (!tokens.delete(form.get('csrf') ?? '') || form.get('user') !== 'ann' || form.get('pass') !== 'pw-7f3e9a1c' || form.get('go') !== 'Go') {
        res.end('<p>Wrong</p>');
        return;
      }
      const id = `s${sessions.size + 1}abcdef0123`;
      sessions.add(id);
      res.writeHead(302, { location: '/home', 'set-cookie': `sid=${id}; Path=/; HttpOnly` }).end();
    });
    return;
  }
  if (url.pathname === '/digest') {
    const auth = req.headers.authorization ?? '';
    const fields = Object.fromEntries([...auth.matchAll(/(\w+)="?([^",]+)"?/g)].map((m) => [m[1], m[2]]));
    const md5 = (t: string) => createHash('md5').update(t).digest('hex');
    const expected = md5(`${md5('ann:shop:pw-7f3e9a1c')}:n0nce:${fields.nc}:${fields.cnonce}:auth:${md5(`GET:${fields.uri}`)}`);
    if (fields.response === expected) res.end('digest ok');
    else res.writeHead(401, { 'www-authenticate': 'Digest realm="shop", nonce="n0nce", qop="auth"' }).end();
    return;
  }
  if (!sid || !sessions.has(sid)) {
    res.writeHead(302, { location: '/login' }).end();
    return;
  }
  res.end(url.pathname === '/logout' ? 'bye' : `<p>Hello ann</p><a href="/logout">Log out</a><form action="/search"><input name="q"></form>`);
}

beforeAll(async () => {
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const allow = () => undefined;
const auth = dastAuthSchema.parse({ login: { url: '/login', username: 'ann', password_env: 'SHOP_PW', username_field: 'user', password_field: 'pass', csrf_field: 'csrf' }, logged_in: { text: 'Log out' } });

describe('the DAST session, made by Pipewarden itself', () => {
  it('fills in the login form with its CSRF token and submit button, keeps the cookie, and checks the logged-in text', async () => {
    const session = sessionFromConfig(base, auth, { SHOP_PW: 'pw-7f3e9a1c' }, 'pipewarden.yml', allow);
    expect(await logIn(session, auth, { SHOP_PW: 'pw-7f3e9a1c' })).toEqual({ ok: true, detail: 'logged in through /login' });
    expect(session.jar.names()).toEqual(['sid']);
    expect(await checkSession(session, auth)).toEqual({ ok: true, detail: 'GET /home matched /Log out/ (status 200, at /home)' });
    expect(session.secrets).toContain('pw-7f3e9a1c');
  });

  it('a wrong password is a failed check, not a session', async () => {
    const session = sessionFromConfig(base, auth, { SHOP_PW: 'wrong-password' }, 'pipewarden.yml', allow);
    await logIn(session, auth, { SHOP_PW: 'wrong-password' });
    expect((await checkSession(session, auth)).ok).toBe(false);
  });

  it('a secret variable that is missing is a configuration error naming it', () => {
    expect(() => sessionFromConfig(base, auth, {}, 'ci/pipewarden.yml', allow)).toThrow(ConfigError);
    expect(() => sessionFromConfig(base, auth, {}, 'ci/pipewarden.yml', allow)).toThrow('dast.auth.login.password_env: the environment variable SHOP_PW is not set (or empty)');
  });

  it('answers an HTTP digest challenge', async () => {
    const digest = dastAuthSchema.parse({ http: { type: 'digest', username: 'ann', password_env: 'PW' } });
    const session = sessionFromConfig(base, digest, { PW: 'pw-7f3e9a1c' }, 'pipewarden.yml', allow);
    const answer = await session.send(new URL('/digest', base));
    expect([answer.status, answer.body]).toEqual([200, 'digest ok']);
  });

  it('a header and HTTP basic credentials are put on every request, and kept as secrets', () => {
    const both = dastAuthSchema.parse({ header: { name: 'X-Api-Key', value_env: 'KEY' }, http: { username: 'ann', password_env: 'PW' } });
    const session = sessionFromConfig(base, both, { KEY: 'key-0123456789', PW: 'pw-7f3e9a1c' }, 'pipewarden.yml', allow);
    expect(session.headersFor('GET', base)).toEqual({ 'x-api-key': 'key-0123456789', authorization: `Basic ${Buffer.from('ann:pw-7f3e9a1c').toString('base64')}` });
    expect(session.kinds).toEqual(['header X-Api-Key', 'HTTP basic']);
    expect(session.secrets).toEqual(expect.arrayContaining(['key-0123456789', 'pw-7f3e9a1c']));
  });
});

/** A GET or POST through the guard, as a scanner sends it to its proxy (absolute URL). */
function viaProxy(proxy: string, method: string, href: string): Promise<{ status: number; body: string; refused?: string }> {
  const { hostname, port } = new URL(proxy);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path: href, headers: { host: new URL(href).host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, refused: res.headers['x-pipewarden-refused'] as string | undefined }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? 'q=1' : undefined);
  });
}

describe('the guard between the scanner and the target', () => {
  it('adds the session, refuses excluded pages, write methods and other hosts, and counts what it saw', async () => {
    const session = sessionFromConfig(base, auth, { SHOP_PW: 'pw-7f3e9a1c' }, 'pipewarden.yml', allow);
    await logIn(session, auth, { SHOP_PW: 'pw-7f3e9a1c' });
    const guard = new DastGuard({ target: base, session, exclusions: createExclusions([]), allowUnsafeMethods: false, budgetMs: 60_000, loginPath: '/login' });
    const proxy = await guard.start();
    try {
      seen.length = 0;
      expect((await viaProxy(proxy, 'GET', new URL('/home', base).href)).body).toContain('Hello ann');
      expect(await viaProxy(proxy, 'GET', new URL('/logout', base).href)).toMatchObject({ status: 403, refused: 'excluded (logout)' });
      expect(await viaProxy(proxy, 'POST', new URL('/search', base).href)).toMatchObject({ status: 405 });
      expect(await viaProxy(proxy, 'GET', 'http://127.0.0.2:9/')).toMatchObject({ status: 403, refused: 'not the target' });
      expect(seen).toEqual(['GET /home']);
      expect(guard.stats.requests).toBe(1);
      expect([...guard.stats.forms]).toEqual(['GET /search']);
      expect([...guard.stats.pages]).toEqual([['/home', 'page']]);
      expect(Object.fromEntries(guard.stats.refused.excluded)).toEqual({ logout: 1 });
      expect(guard.stats.refused).toMatchObject({ unsafeMethod: 1, offTarget: 1, afterDeadline: 0 });
    } finally {
      await guard.stop();
    }
  });

  it('past the time budget every request is refused at once, and the cut is recorded', async () => {
    const session = sessionFromConfig(base, undefined, {}, 'pipewarden.yml', allow);
    const guard = new DastGuard({ target: base, session, exclusions: createExclusions([]), allowUnsafeMethods: false, budgetMs: 0 });
    const proxy = await guard.start();
    try {
      await viaProxy(proxy, 'GET', new URL('/home', base).href);
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(await viaProxy(proxy, 'GET', new URL('/home', base).href)).toMatchObject({ status: 503 });
      expect(guard.stats.cutAt).toBeDefined();
      expect(guard.stats.refused.afterDeadline).toBe(1);
    } finally {
      await guard.stop();
    }
  });

  it('without a session, pages that send the scanner to the login form are the login wall', async () => {
    const session = sessionFromConfig(base, undefined, {}, 'pipewarden.yml', allow);
    const guard = new DastGuard({ target: base, session, exclusions: createExclusions([]), allowUnsafeMethods: false, budgetMs: 60_000 });
    const proxy = await guard.start();
    try {
      for (const path of ['/home', '/orders', '/login']) await viaProxy(proxy, 'GET', new URL(path, base).href);
      expect(Object.fromEntries(guard.stats.pages)).toEqual({ '/home': 'login', '/orders': 'login', '/login': 'login' });
    } finally {
      await guard.stop();
    }
  });
});
