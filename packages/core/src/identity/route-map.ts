import { PROP, prop } from '../sarif/props.js';
import { extname, relative, sep } from 'node:path';
import { rootReader } from '../files/safe-read.js';
import { SRCROOT, type Location, type Log } from '../sarif/types.js';

/** Where a route is declared in the code. */
export interface RouteDeclaration {
  /** The path as written: /item/:id, /item/{id}, /item/<int:id>. */
  template: string;
  /** Upper-case HTTP method, or undefined for any (use, all, route without methods). */
  method: string | undefined;
  /** Path relative to the source root, with / separators. */
  file: string;
  line: number;
  matcher: RegExp;
  /** Literal segments: /item/new beats /item/:id for /item/new. */
  literals: number;
}

const SOURCE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.py', '.rb', '.php', '.java', '.kt', '.go', '.cs']);
const MAX_SOURCE_BYTES = 1024 * 1024;
const METHODS = 'get|post|put|patch|delete|head|options|all|use|route';

/** Route declarations of common web frameworks, each with the capture order (method, path). */
const PATTERNS: { regex: RegExp; method: (m: RegExpMatchArray) => string | undefined; path: (m: RegExpMatchArray) => string }[] = [
  // Express, Koa router, Fastify, Hono: app.get('/x', …), router.post("/y", …)
  { regex: new RegExp(`\\.(${METHODS})\\(\\s*(['"\`])(/[^'"\`]*)\\2`, 'gi'), method: (m) => m[1], path: (m) => m[3]! },
  // Flask @app.route('/x', methods=['POST']); FastAPI @app.get('/x')
  { regex: /@\w+(?:\.\w+)*\.(route|get|post|put|patch|delete)\(\s*(['"])(\/[^'"]*)\2(?:[^)]*methods\s*=\s*\[\s*['"](\w+)['"])?/gi, method: (m) => m[4] ?? m[1], path: (m) => m[3]! },
  // Spring: @GetMapping("/x"), @RequestMapping(value = "/x")
  { regex: /@(Get|Post|Put|Patch|Delete|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"(\/[^"]*)"/g, method: (m) => m[1], path: (m) => m[2]! },
  // Go: http.HandleFunc("/x", …), gin/echo r.GET("/x", …)
  { regex: /\.(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE)\(\s*"(\/[^"]*)"/g, method: (m) => m[1], path: (m) => m[2]! },
  // Laravel: Route::get('/x', …), Route::match(['get', 'post'], '/x', …)
  { regex: /Route::(get|post|put|patch|delete|any|match)\(\s*(?:\[[^\]]*\]\s*,\s*)?(['"])([^'"]*)\2/g, method: (m) => m[1], path: (m) => `/${m[3]!.replace(/^\//, '')}` },
  // Rails config/routes.rb: get '/x', to: 'c#a'; post 'x' => 'c#a'
  { regex: /^\s*(get|post|put|patch|delete|match)\s+(['"])([^'"]+)\2\s*(?:,|=>)/gm, method: (m) => m[1], path: (m) => `/${m[3]!.replace(/^\//, '')}` },
  // Node's own http server: switch (url.pathname) { case '/x': … } and if (pathname === '/x')
  { regex: /\bcase\s+(['"`])(\/[^'"`\s]*)\1\s*:/g, method: () => undefined, path: (m) => m[2]! },
  { regex: /\b(?:pathname|path|url)\s*===?\s*(['"`])(\/[^'"`\s]*)\1/g, method: () => undefined, path: (m) => m[2]! },
  // Django: path('x/<int:id>/', view)
  { regex: /\b(?:re_)?path\(\s*r?(['"])([^'"]*)\1\s*,/g, method: () => undefined, path: (m) => `/${m[2]!.replace(/^\^|\$$/g, '')}` },
];

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A route template as a regex over URL paths: :id, {id}, <id>, <int:id> and * match one segment. */
function matcherOf(template: string): { matcher: RegExp; literals: number } {
  const segments = template.replace(/\/+$/, '').split('/').filter(Boolean);
  let literals = 0;
  const parts = segments.map((segment) => {
    if (/^(:\w+\??|\{[^}]+\}|<[^>]+>|\*)$/.test(segment)) return '[^/]+';
    literals++;
    return escapeRegex(segment).replace(/:\w+|\\\{[^}]+\\\}|<[^>]+>/g, '[^/]+');
  });
  return { matcher: new RegExp(`^/${parts.join('/')}/?$`), literals };
}

function normalizeMethod(method: string | undefined): string | undefined {
  const upper = method?.toUpperCase();
  if (!upper || ['ALL', 'USE', 'ROUTE', 'REQUEST', 'HANDLEFUNC', 'HANDLE', 'ANY', 'MATCH'].includes(upper)) return undefined;
  return upper;
}

/**
 * Finds the route declarations in source files (paths absolute, reported relative to srcRoot). Only regular
 * files under srcRoot are read: a symlink out of it, a FIFO or a device is passed over.
 */
export async function findRoutes(files: readonly string[], srcRoot: string): Promise<RouteDeclaration[]> {
  const routes: RouteDeclaration[] = [];
  const reader = rootReader(srcRoot);
  for (const file of files) {
    if (!SOURCE_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    const rel = relative(srcRoot, file).split(sep).join('/');
    const read = await reader.read(rel, { maxBytes: MAX_SOURCE_BYTES });
    if ('refused' in read) continue;
    const text = read.data.toString('utf8');
    for (const pattern of PATTERNS) {
      for (const match of text.matchAll(pattern.regex)) {
        const template = pattern.path(match);
        const line = text.slice(0, match.index).split('\n').length;
        routes.push({ template, method: normalizeMethod(pattern.method(match)), file: rel, line, ...matcherOf(template) });
      }
    }
  }
  return routes;
}

/** The declaration that serves a request: matching path, matching or any method, the most literal one. */
export function routeFor(routes: readonly RouteDeclaration[], url: string, method: string | undefined): RouteDeclaration | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '') || '/';
  }
  const wanted = method?.toUpperCase();
  let best: RouteDeclaration | undefined;
  let bestScore = -1;
  for (const route of routes) {
    if (!route.matcher.test(path)) continue;
    // A middleware mount (use, all) matches any method but loses to a handler of the method itself.
    const methodScore = route.method === undefined ? 1 : route.method === wanted || (!wanted && route.method === 'GET') ? 2 : 0;
    if (methodScore === 0) continue;
    const score = route.literals * 4 + methodScore;
    if (score > bestScore) {
      best = route;
      bestScore = score;
    }
  }
  return best;
}

const DOCUMENT_ROOTS = ['', 'public/', 'www/', 'htdocs/', 'html/', 'web/', 'webroot/', 'src/', 'app/'];
const FILE_ROUTED = /\.(?:php\d?|phtml|jsp|jspx|asp|aspx|cfm|cgi|pl|shtml|html?)$/i;

/**
 * File-routed applications (PHP, JSP, classic ASP, static folders): the URL's path is a file under a document
 * root of the repository. /a/b.php is a/b.php, /a/b/ is a/b/index.php, /a/b is a/b.php or a/b/index.php.
 */
export function fileRouteFor(files: ReadonlySet<string>, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  if (path.split('/').some((segment) => segment === '..')) return undefined;
  const candidates = FILE_ROUTED.test(path) ? [path] : path === '' || path.endsWith('/') ? ['index.php', 'index.html', 'index.jsp'].map((index) => `${path}${index}`) : [`${path}.php`, `${path}/index.php`, `${path}.html`, `${path}/index.html`];
  for (const root of DOCUMENT_ROOTS) for (const candidate of candidates) if (files.has(`${root}${candidate}`)) return `${root}${candidate}`;
  return undefined;
}

/** The line a PHP file reads the attacked parameter on ($_GET['id'], $_REQUEST["id"]), else its first line. */
async function parameterLine(reader: ReturnType<typeof rootReader>, file: string, parameter: string | undefined): Promise<number> {
  if (!parameter) return 1;
  const read = await reader.read(file, { maxBytes: MAX_SOURCE_BYTES });
  if ('refused' in read) return 1;
  const lines = read.data.toString('utf8').split('\n');
  const quoted = escapeRegex(parameter);
  const index = lines.findIndex((line) => new RegExp(`\\$_(?:GET|POST|REQUEST|COOKIE)\\s*\\[\\s*['"]${quoted}['"]|getParameter\\(\\s*"${quoted}"|Request(?:\\.QueryString|\\.Form)?\\(\\s*"${quoted}"`).test(line));
  return index >= 0 ? index + 1 : 1;
}

/**
 * DAST findings come with a URL only: point them at the handler that serves it when the route is declared
 * in the code, else keep them with a logical location naming the request.
 */
export async function mapDastRoutes(log: Log, options: { srcRoot: string; files: () => Promise<readonly string[]> }): Promise<{ mapped: number; unmapped: number }> {
  const pending = log.runs.flatMap((run) =>
    (run.results ?? []).filter((result) => {
      const dast = prop(result.properties, PROP.dast);
      return dast?.url && !(result.locations ?? []).some((l) => l.physicalLocation?.artifactLocation?.uri);
    }),
  );
  if (!pending.length) return { mapped: 0, unmapped: 0 };
  const files = await options.files();
  const routes = await findRoutes(files, options.srcRoot);
  const relativeFiles = new Set(files.map((file) => relative(options.srcRoot, file).split(sep).join('/')));
  // Document roots are looked for under the scanned folder too (the repository may hold more than the app).
  const scanned = files.length ? commonFolder([...relativeFiles]) : '';
  const reader = rootReader(options.srcRoot);
  let mapped = 0;
  for (const result of pending) {
    const dast = result.properties![PROP.dast] as { url: string; method?: string };
    const request = `${(dast.method ?? 'GET').toUpperCase()} ${dast.url}`;
    const logical = [{ fullyQualifiedName: request, kind: 'resource' }];
    const route = routeFor(routes, dast.url, dast.method);
    const others = (result.locations ?? []).filter((l) => !l.logicalLocations?.length);
    if (route) {
      mapped++;
      const location: Location = { physicalLocation: { artifactLocation: { uri: route.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }, region: { startLine: route.line } }, logicalLocations: logical };
      result.locations = [location, ...others];
      result.properties = { ...result.properties, [PROP.route]: { template: route.template, ...(route.method ? { method: route.method } : {}), file: route.file, line: route.line } };
    } else {
      const fileRoute = fileRouteFor(new Set([...relativeFiles].map((file) => file.slice(scanned.length))), dast.url);
      if (fileRoute) {
        mapped++;
        const file = `${scanned}${fileRoute}`;
        const line = await parameterLine(reader, file, (dast as { parameter?: string }).parameter);
        result.locations = [{ physicalLocation: { artifactLocation: { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }, region: { startLine: line } }, logicalLocations: logical }, ...others];
        result.properties = { ...result.properties, [PROP.route]: { template: new URL(dast.url).pathname, file, line } };
      } else {
        result.locations = [{ logicalLocations: logical }, ...others];
      }
    }
  }
  return { mapped, unmapped: pending.length - mapped };
}

/** The folder every file is under ("app/" for app/a.php and app/b/c.php), with its trailing slash, or "". */
function commonFolder(files: readonly string[]): string {
  if (!files.length) return '';
  let prefix = files[0]!.slice(0, files[0]!.lastIndexOf('/') + 1);
  for (const file of files) while (prefix && !file.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix;
}
