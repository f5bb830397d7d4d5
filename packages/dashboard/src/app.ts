import { Hono, type Context } from 'hono';
import { CSS, JS } from './assets.js';
import { authorized, loopbackHostHeader } from './access.js';
import type { DashboardData } from './data.js';
import { html, page } from './html.js';
import { BadQuery, findingFilterSchema, parseQuery } from './pages/filters.js';
import { findingPage } from './pages/finding.js';
import { imagesPage, repositoriesPage, waiversPage } from './pages/lists.js';
import { overviewPage } from './pages/overview.js';
import { NotFound, type PageView } from './pages/page.js';
import { repositoryPage } from './pages/repository.js';
import { csv, table, type Query } from './table.js';
import { z } from 'zod';

export interface AppOptions {
  data: DashboardData;
  /** The store as shown in the header (never with its password). */
  storeShown: string;
  /** Required on every request when set (bearer, or basic auth's password). */
  token?: string | undefined;
  /** Bound to loopback without a token: only loopback Host headers are served. */
  loopbackOnly: boolean;
  /** One line per failed request (never the stack, never a secret). */
  log?: (line: string) => void;
}

/** No inline script or style, nothing from elsewhere, never in a frame. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

function queryOf(c: Context): Query {
  const query: Query = {};
  for (const [key, value] of new URL(c.req.url).searchParams) if (!(key in query)) query[key] = value;
  return query;
}

const waiverQuery = z.object({ days: z.string().regex(/^\d{1,4}$/, 'expected a number of days').optional(), owner: z.string().min(1).max(200, 'at most 200 characters').optional() });
const repoQuery = z.object({ repo: z.string({ error: 'is required' }).min(1, 'is required').max(300, 'at most 300 characters') });
const findingQuery = repoQuery.extend({ fp: z.string({ error: 'is required' }).regex(/^[\w:.\-/+=]{1,200}$/, 'is not a fingerprint') });

export function createApp(options: AppOptions): Hono {
  const { data } = options;
  const app = new Hono();

  app.use('*', async (c, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      // Read-only: nothing here changes the store.
      c.header('Allow', 'GET, HEAD');
      return c.text('The dashboard is read-only: only GET and HEAD.\n', 405);
    }
    if (options.token !== undefined && !authorized(c.req.header('authorization'), options.token)) {
      c.header('WWW-Authenticate', 'Basic realm="Pipewarden", charset="UTF-8"');
      return c.text('Authentication required: send the token as a bearer token or as the basic-auth password.\n', 401);
    }
    if (options.loopbackOnly && !loopbackHostHeader(c.req.header('host'))) return c.text('This dashboard answers only to localhost, 127.0.0.1 or [::1].\n', 421);
    await next();
  });

  app.get('/assets/dashboard.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });
  app.get('/assets/dashboard.js', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/healthz', (c) => c.text('ok\n'));

  const respond = async (c: Context, name: string, make: (query: Query) => Promise<PageView>) => {
    const query = queryOf(c);
    const view = await make(query);
    c.header('Cache-Control', 'no-store');
    if (query.csv !== undefined) {
      const spec = view.tables.find((t) => t.id === query.csv);
      if (!spec) throw new BadQuery([`csv: "${query.csv}" is not a table of this page (${view.tables.map((t) => t.id).join(', ')})`]);
      return c.body(csv(spec, query), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="pipewarden-${name}-${spec.id}.csv"` });
    }
    const path = new URL(c.req.url).pathname;
    const body = view.body((spec) => table(spec, path, query));
    return c.html(page(view.title, view.current, body, { today: data.today(), store: options.storeShown }));
  };

  app.get('/', (c) => respond(c, 'overview', async () => overviewPage(await data.overview())));
  app.get('/repositories', (c) => respond(c, 'repositories', async () => repositoriesPage((await data.overview()).overview)));
  app.get('/images', (c) => respond(c, 'images', async () => imagesPage((await data.overview()).overview)));
  app.get('/waivers', (c) =>
    respond(c, 'waivers', async (query) => {
      const { days, owner } = parseQuery(waiverQuery, query);
      return waiversPage((await data.overview()).overview, data.today(), days ? Math.min(3650, Math.max(1, Number(days))) : 30, owner);
    }),
  );
  app.get('/repository', (c) =>
    respond(c, 'repository', async (query) => {
      const { repo } = parseQuery(repoQuery, query);
      const filter = parseQuery(findingFilterSchema, query);
      const found = await data.repository(repo);
      if (!found) throw new NotFound(`The store has no runs of ${repo}.`);
      return repositoryPage(found, filter, data.today());
    }),
  );
  app.get('/finding', (c) =>
    respond(c, 'finding', async (query) => {
      const { repo, fp } = parseQuery(findingQuery, query);
      const found = await data.finding(repo, fp);
      if (!found) throw new NotFound(`No run of ${repo} names the finding ${fp}.`);
      return findingPage(found.data, fp, found.sightings, found.detail, data.today(), found.ticket);
    }),
  );

  app.notFound((c) => c.html(page('Not found', '', html`<p>There is no page at ${new URL(c.req.url).pathname}.</p><p><a href="/">The overview</a></p>`, { today: data.today(), store: options.storeShown }), 404));
  app.onError((error, c) => {
    const meta = { today: data.today(), store: options.storeShown };
    if (error instanceof BadQuery) return c.html(page('Bad request', '', html`<p>The address asks for something the dashboard cannot show:</p><ul class="problems">${error.problems.map((p) => html`<li>${p}</li>`)}</ul>`, meta), 400);
    if (error instanceof NotFound) return c.html(page('Not found', '', html`<p>${error.message}</p><p><a href="/">The overview</a></p>`, meta), 404);
    options.log?.(`${c.req.method} ${new URL(c.req.url).pathname}: ${error.name}: ${(error.message || '').split('\n')[0]}`);
    return c.html(page('Error', '', html`<p>The store could not be read: ${error.name}. The server's log has the reason.</p>`, meta), 500);
  });
  return app;
}
