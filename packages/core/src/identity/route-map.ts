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
  if (!upper || ['ALL', 'USE', 'ROUTE', 'REQUEST', 'HANDLEFUNC', 'HANDLE'].includes(upper)) return undefined;
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
  const routes = await findRoutes(await options.files(), options.srcRoot);
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
      result.locations = [{ logicalLocations: logical }, ...others];
    }
  }
  return { mapped, unmapped: pending.length - mapped };
}
