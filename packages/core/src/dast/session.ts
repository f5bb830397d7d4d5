import { ConfigError } from '../errors.js';
import { CookieJar } from './cookies.js';
import type { DastAuth } from './config.js';
import { digestAuthorization, parseDigestChallenge, type DigestChallenge } from './digest.js';
import { formsOf, hasPasswordField } from './html.js';

const REQUEST_TIMEOUT_MS = 30_000;
const MAX_BODY = 2 * 1024 * 1024;

export interface SessionCheck {
  ok: boolean;
  /** What was seen, in words (never a secret): "GET /account answered 200 and matched /Log out/". */
  detail: string;
}

export interface Answer {
  status: number;
  location: string | undefined;
  body: string;
  url: URL;
}

/**
 * The session a scan runs in: cookies Pipewarden keeps itself, headers put on every request, HTTP digest
 * answered as challenged. Requests go to the target only (URLs are resolved against it and checked by `allow`).
 */
export class DastSession {
  readonly jar = new CookieJar();
  readonly headers: Record<string, string> = {};
  /** Every secret value the session holds (password, tokens, cookie values): masked wherever text is written. */
  readonly secrets: string[] = [];
  /** How the session was made, for the report: "login form", "cookie", "header", "HTTP basic". */
  readonly kinds: string[] = [];
  loginUrl: URL | undefined;
  /** Where the login landed (the default page for the logged-in check). */
  landing: URL | undefined;
  digest: { user: string; password: string; challenge?: DigestChallenge | undefined; count: number } | undefined;

  constructor(
    readonly target: URL,
    private readonly allow: (url: URL) => void,
  ) {}

  get authenticated(): boolean {
    return this.kinds.length > 0;
  }

  resolve(pathOrUrl: string): URL {
    const url = new URL(pathOrUrl, this.target);
    this.allow(url);
    return url;
  }

  /** Headers for one request: the fixed ones, the session's cookies, a digest answer when one is due. */
  headersFor(method: string, url: URL, clientCookie?: string): Record<string, string> {
    const headers: Record<string, string> = { ...this.headers };
    const cookie = this.jar.header(clientCookie);
    if (cookie) headers.cookie = cookie;
    if (this.digest?.challenge) headers.authorization = digestAuthorization(this.digest.challenge, this.digest.user, this.digest.password, method, `${url.pathname}${url.search}`, ++this.digest.count);
    return headers;
  }

  /** Takes a digest challenge from a 401; true when it is a new one worth a retry. */
  challenged(header: string | null | undefined): boolean {
    if (!this.digest) return false;
    const challenge = parseDigestChallenge(header);
    if (!challenge || challenge.nonce === this.digest.challenge?.nonce) return false;
    this.digest.challenge = challenge;
    this.digest.count = 0;
    return true;
  }

  /** One request, redirects not followed (a redirect to the login page is an answer in itself). */
  async send(url: URL, init: { method?: string; body?: string; contentType?: string } = {}): Promise<Answer> {
    const method = init.method ?? 'GET';
    for (let attempt = 0; ; attempt++) {
      const headers = this.headersFor(method, url);
      if (init.contentType) headers['content-type'] = init.contentType;
      const response = await fetch(url, { method, headers, body: init.body, redirect: 'manual', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      this.jar.store(response.headers.getSetCookie());
      if (response.status === 401 && attempt === 0 && this.challenged(response.headers.get('www-authenticate'))) {
        await response.body?.cancel();
        continue;
      }
      const body = (await response.text()).slice(0, MAX_BODY);
      return { status: response.status, location: response.headers.get('location') ?? undefined, body, url };
    }
  }

  /** GET with redirects followed on the target (at most 5), for the login and its landing page. */
  async follow(url: URL): Promise<Answer> {
    let answer = await this.send(url);
    for (let hops = 0; hops < 5 && answer.status >= 300 && answer.status < 400 && answer.location; hops++) {
      answer = await this.send(this.resolveFrom(answer.url, answer.location));
    }
    return answer;
  }

  private resolveFrom(base: URL, location: string): URL {
    const url = new URL(location, base);
    this.allow(url);
    return url;
  }
}

const env = (vars: Readonly<Record<string, string | undefined>>, name: string, path: string, file: string): string => {
  const value = vars[name];
  if (!value) throw new ConfigError(`${path}: the environment variable ${name} is not set (or empty)`, { file });
  return value;
};

/**
 * Reads every secret the config names from the environment and sets up the session's fixed parts (headers,
 * cookies, HTTP credentials). A variable that is not set is a configuration error, said before any request.
 */
export function sessionFromConfig(target: URL, auth: DastAuth | undefined, vars: Readonly<Record<string, string | undefined>>, file: string, allow: (url: URL) => void): DastSession {
  const session = new DastSession(target, allow);
  if (!auth) return session;
  if (auth.header) {
    const value = env(vars, auth.header.value_env, 'dast.auth.header.value_env', file);
    session.headers[auth.header.name.toLowerCase()] = value;
    session.secrets.push(value, ...value.split(/\s+/).filter((part) => part.length >= 8));
    session.kinds.push(`header ${auth.header.name}`);
  }
  if (auth.cookie) {
    const value = env(vars, auth.cookie.value_env, 'dast.auth.cookie.value_env', file);
    session.jar.set(auth.cookie.name, value);
    session.secrets.push(value);
    session.kinds.push(`cookie ${auth.cookie.name}`);
  }
  if (auth.http) {
    const password = env(vars, auth.http.password_env, 'dast.auth.http.password_env', file);
    session.secrets.push(password);
    if (auth.http.type === 'basic') {
      const token = Buffer.from(`${auth.http.username}:${password}`).toString('base64');
      session.headers.authorization = `Basic ${token}`;
      session.secrets.push(token);
    } else {
      session.digest = { user: auth.http.username, password, count: 0 };
    }
    session.kinds.push(`HTTP ${auth.http.type}`);
  }
  if (auth.login) {
    // Read now, so a missing variable is said before the scan; used by logIn.
    session.secrets.push(env(vars, auth.login.password_env, 'dast.auth.login.password_env', file));
    if (auth.login.username_env) env(vars, auth.login.username_env, 'dast.auth.login.username_env', file);
    session.loginUrl = session.resolve(auth.login.url);
    session.kinds.push('login form');
  }
  return session;
}

/** Fills in the login form as a browser would: its hidden fields (a CSRF token) sent back, the answer's cookies kept. */
export async function logIn(session: DastSession, auth: DastAuth, vars: Readonly<Record<string, string | undefined>>): Promise<SessionCheck> {
  const login = auth.login!;
  const loginUrl = session.loginUrl!;
  const page = await session.follow(loginUrl);
  if (page.status >= 400) return { ok: false, detail: `the login page ${loginUrl.pathname} answered ${page.status}` };
  const form = formsOf(page.body).find((f) => f.fields.some((field) => field.name === login.password_field));
  if (!form) return { ok: false, detail: `the login page ${loginUrl.pathname} has no form with a field named ${login.password_field}${hasPasswordField(page.body) ? ' (it has a password field of another name: set dast.auth.login.password_field)' : ''}` };
  if (login.csrf_field && !form.fields.some((field) => field.name === login.csrf_field)) return { ok: false, detail: `the login form has no field named ${login.csrf_field} (dast.auth.login.csrf_field)` };
  const body = new URLSearchParams();
  for (const field of form.fields) {
    if (['submit', 'button', 'image', 'reset', 'checkbox', 'radio'].includes(field.type) || field.name === login.username_field || field.name === login.password_field) continue;
    body.append(field.name, field.value);
  }
  for (const [name, value] of Object.entries(login.extra_fields ?? {})) body.set(name, value);
  body.set(login.username_field, login.username ?? vars[login.username_env!]!);
  body.set(login.password_field, vars[login.password_env]!);
  const submit = form.fields.find((field) => field.type === 'submit' && field.name);
  if (submit) body.set(submit.name, submit.value);
  const action = session.resolve(form.action ? new URL(form.action, page.url).href : page.url.href);
  const method = form.method === 'GET' ? 'GET' : 'POST';
  const answer = method === 'GET' ? await session.send(new URL(`${action.origin}${action.pathname}?${body.toString()}`)) : await session.send(action, { method, body: body.toString(), contentType: 'application/x-www-form-urlencoded' });
  const landing = answer.status >= 300 && answer.status < 400 && answer.location ? session.resolve(new URL(answer.location, action).href) : action;
  session.landing = landing;
  if (answer.status >= 400) return { ok: false, detail: `the login form ${action.pathname} answered ${answer.status}` };
  return { ok: true, detail: `logged in through ${action.pathname}` };
}

/** Is the session logged in? By the configured check; without one, a request that needs no redirect to a login. */
export async function checkSession(session: DastSession, auth: DastAuth | undefined): Promise<SessionCheck> {
  const check = auth?.logged_in;
  const url = check?.url ? session.resolve(check.url) : (session.landing ?? session.target);
  try {
    if (check?.status !== undefined) {
      const answer = await session.send(url);
      if (answer.status !== check.status) return { ok: false, detail: `GET ${url.pathname} answered ${answer.status}, not ${check.status}${answer.location ? ` (to ${new URL(answer.location, url).pathname})` : ''}` };
      if (check.text === undefined) return { ok: true, detail: `GET ${url.pathname} answered ${answer.status}` };
    }
    if (check?.text !== undefined) {
      const answer = await session.follow(url);
      const matched = new RegExp(check.text, 'i').test(answer.body);
      return { ok: matched, detail: `GET ${url.pathname} ${matched ? 'matched' : 'did not match'} /${check.text}/ (status ${answer.status}, at ${answer.url.pathname})` };
    }
    const answer = await session.send(url);
    const walled = answer.status === 401 || answer.status === 403 || (answer.status >= 300 && answer.status < 400 && /log[-_]?in|sign[-_]?in|auth/i.test(answer.location ?? ''));
    return { ok: !walled, detail: `GET ${url.pathname} answered ${answer.status}${answer.location ? ` (to ${new URL(answer.location, url).pathname})` : ''}` };
  } catch (error) {
    return { ok: false, detail: `GET ${url.pathname} failed: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}` };
  }
}
