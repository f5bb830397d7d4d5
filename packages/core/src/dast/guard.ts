import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import type { Exclusions } from './exclusions.js';
import { formsOf, hasPasswordField } from './html.js';
import type { DastSession } from './session.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_INSPECTED = 512 * 1024;

/** What the guard saw of one scanner's traffic: what the coverage and the login-wall judgement are made of. */
export interface GuardStats {
  /** Requests passed to the target. */
  requests: number;
  byMethod: Record<string, number>;
  /** Distinct paths requested with GET, each with how its first answer looked. */
  pages: Map<string, 'page' | 'login' | 'error'>;
  /** Distinct forms seen in pages (method and action path). */
  forms: Set<string>;
  /** Distinct parameter names per path, from requests and forms. */
  parameters: Set<string>;
  refused: { excluded: Map<string, number>; unsafeMethod: number; offTarget: number; afterDeadline: number };
  /** When the time budget ran out (ms since the first request), if it did while the scanner still asked. */
  cutAt: number | undefined;
  /** TLS tunnels to the target (https): their requests are not seen one by one. */
  tunnels: number;
  /** The first query string seen per path (the crawl's own, before any payload): what a confirmation starts from. */
  firstQuery: Map<string, string>;
}

export interface GuardOptions {
  target: URL;
  session: DastSession;
  exclusions: Exclusions;
  allowUnsafeMethods: boolean;
  /** The whole scan's budget, from its first request; after it every request is refused at once, so the scanner ends and writes what it found. */
  budgetMs: number;
  maxRequestsPerSecond?: number | undefined;
  /** The login page: answers from it (or redirects to it) are the login wall. */
  loginPath?: string | undefined;
}

/**
 * A forwarding proxy on 127.0.0.1 between a DAST scanner and the target: the scanner's requests reach the
 * target only through it. It refuses what the scan must not do (excluded pages, other hosts, write methods in
 * safe mode, anything after the time budget), paces requests, puts the session on every request (so no secret
 * is on the scanner's command line or in its files) and counts what was covered.
 */
export class DastGuard {
  readonly stats: GuardStats = { requests: 0, byMethod: {}, pages: new Map(), forms: new Set(), parameters: new Set(), refused: { excluded: new Map(), unsafeMethod: 0, offTarget: 0, afterDeadline: 0 }, tunnels: 0, cutAt: undefined, firstQuery: new Map() };
  private server: Server | undefined;
  private started: number | undefined;
  private nextSlot = 0;
  private readonly sockets = new Set<Socket>();

  constructor(private readonly options: GuardOptions) {}

  /** Starts listening on a free loopback port; the proxy URL to give the scanner. */
  async start(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connect', (req, socket: Socket, head) => this.tunnel(req, socket, head));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Seconds of the budget not yet used (all of it before the first request). */
  remainingSeconds(): number {
    return this.started === undefined ? this.options.budgetMs / 1000 : Math.max(0, (this.options.budgetMs - (Date.now() - this.started)) / 1000);
  }

  private overBudget(): boolean {
    const now = Date.now();
    this.started ??= now;
    if (now - this.started <= this.options.budgetMs) return false;
    this.stats.cutAt ??= now - this.started;
    this.stats.refused.afterDeadline++;
    return true;
  }

  private async pace(): Promise<void> {
    const rate = this.options.maxRequestsPerSecond;
    if (!rate) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / rate;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  private refuse(res: ServerResponse, status: number, why: string): void {
    res.writeHead(status, { 'content-type': 'text/plain', 'x-pipewarden-refused': why, connection: 'close' });
    res.end(`Refused by Pipewarden's DAST guard: ${why}\n`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { target, exclusions, session } = this.options;
    let url: URL;
    try {
      url = new URL(req.url ?? '', target);
    } catch {
      return this.refuse(res, 400, 'not a URL');
    }
    const method = (req.method ?? 'GET').toUpperCase();
    if (url.protocol !== target.protocol || url.host !== target.host) {
      this.stats.refused.offTarget++;
      return this.refuse(res, 403, 'not the target');
    }
    if (this.overBudget()) return this.refuse(res, 503, 'the DAST time budget (dast.max_scan_time) ran out');
    const excluded = exclusions.reasonFor(url);
    if (excluded) {
      this.stats.refused.excluded.set(excluded, (this.stats.refused.excluded.get(excluded) ?? 0) + 1);
      return this.refuse(res, 403, `excluded (${excluded})`);
    }
    if (!SAFE_METHODS.has(method) && !this.options.allowUnsafeMethods) {
      this.stats.refused.unsafeMethod++;
      return this.refuse(res, 405, `${method} is not sent in safe mode (dast.allow_unsafe_methods)`);
    }
    const body = await readAll(req);
    for (const name of url.searchParams.keys()) this.stats.parameters.add(`${url.pathname}?${name}`);
    if (method === 'GET' && url.search && !this.stats.firstQuery.has(url.pathname)) this.stats.firstQuery.set(url.pathname, url.search);
    if (/application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) for (const name of new URLSearchParams(body.toString('latin1')).keys()) this.stats.parameters.add(`${url.pathname}?${name}`);
    await this.pace();
    this.stats.requests++;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    try {
      let answer = await this.forward(method, url, req, body);
      if (answer.status === 401 && session.challenged(answer.headers['www-authenticate'] as string | undefined)) answer = await this.forward(method, url, req, body);
      session.jar.store(([] as string[]).concat(answer.headers['set-cookie'] ?? []));
      if (method === 'GET') this.observe(url, answer.status, answer.headers, answer.body);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch (error) {
      this.refuse(res, 502, `the target did not answer (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }

  private forward(method: string, url: URL, req: IncomingMessage, body: Buffer): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || /^(proxy-|connection$|keep-alive$|accept-encoding$|host$|cookie$|authorization$)/i.test(name)) continue;
      headers[name] = value;
    }
    if (req.headers.authorization && !this.options.session.authenticated) headers.authorization = req.headers.authorization;
    Object.assign(headers, this.options.session.headersFor(method, url, req.headers.cookie), { host: url.host });
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const out = send(url, { method, headers, timeout: 60_000 }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const { connection: _c, 'keep-alive': _k, 'transfer-encoding': _t, ...kept } = answer.headers;
          resolve({ status: answer.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
        answer.on('error', reject);
      });
      out.on('timeout', () => out.destroy(new Error('timed out')));
      out.on('error', reject);
      out.end(body);
    });
  }

  /** The first answer of each page: a page, the login wall, or an error; and the forms it offers. */
  private observe(url: URL, status: number, headers: IncomingMessage['headers'], body: Buffer): void {
    // HTML by its type, or by its look when the server names none (browsers sniff it the same way).
    const type = String(headers['content-type'] ?? '');
    const head = body.subarray(0, MAX_INSPECTED).toString('utf8');
    const html = /html/i.test(type) || (!type && /^\s*</.test(head)) ? head : '';
    if (!this.stats.pages.has(url.pathname)) {
      const location = String(headers.location ?? '');
      const toLogin = status >= 300 && status < 400 && (this.options.loginPath ? new URL(location, url).pathname === this.options.loginPath : /log[-_]?in|sign[-_]?in|auth/i.test(location));
      const login = status === 401 || status === 403 || toLogin || url.pathname === this.options.loginPath || (status < 300 && hasPasswordField(html));
      this.stats.pages.set(url.pathname, login ? 'login' : status >= 400 ? 'error' : 'page');
    }
    for (const form of formsOf(html)) {
      const action = new URL(form.action || url.href, url);
      if (action.host !== url.host) continue;
      this.stats.forms.add(`${form.method} ${action.pathname}`);
      for (const field of form.fields) if (!['submit', 'button'].includes(field.type)) this.stats.parameters.add(`${action.pathname}?${field.name}`);
    }
  }

  /** https: a tunnel to the target alone; what passes through it is encrypted, so it is counted, not inspected. */
  private tunnel(req: IncomingMessage, socket: Socket, head: Buffer): void {
    const { target } = this.options;
    const port = target.port || '443';
    if (target.protocol !== 'https:' || req.url !== `${target.hostname}:${port}` || this.overBudget()) {
      if (target.protocol === 'https:' && req.url === `${target.hostname}:${port}`) socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
      else {
        this.stats.refused.offTarget++;
        socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      }
      return;
    }
    this.stats.tunnels++;
    const upstream = connect(Number(port), target.hostname.replace(/^\[|\]$/g, ''), () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
