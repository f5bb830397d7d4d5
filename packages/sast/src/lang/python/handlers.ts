import type { FunctionIR, ParamIR } from '../../ir/types.js';

// Route handlers per framework. Flask's request is the global `flask.request` (a source by its path); its
// handlers' parameters are URL path parameters. Django views take the request first ($req); class-based
// views read `self.request` (lowered as `this.request`). FastAPI hands request data in as parameters.

/** @app.route('/x'), @bp.get('/x'), @router.post('/x'), @api.api_route(...): a route registration. */
const ROUTE_DECORATOR = /^@?\s*[\w.]+\.(?:route|get|post|put|patch|delete|head|options|api_route|websocket)\s*\(/;

export function isRouteDecorator(text: string): boolean {
  return ROUTE_DECORATOR.test(text);
}

/** FastAPI's parameter functions: what part of the request a parameter comes from. */
const FASTAPI_SOURCES: Record<string, { kind: string; label: string }> = {
  Query: { kind: 'http.query', label: 'query parameter' },
  Path: { kind: 'http.params', label: 'path parameter' },
  Body: { kind: 'http.body', label: 'request body field' },
  Form: { kind: 'http.body', label: 'form field' },
  File: { kind: 'http.body', label: 'uploaded file' },
  UploadFile: { kind: 'http.body', label: 'uploaded file' },
  Header: { kind: 'http.headers', label: 'request header' },
  Cookie: { kind: 'http.cookies', label: 'cookie' },
};
/** Types FastAPI injects that are not request data, or are the request itself. */
const FASTAPI_REQUEST = /^(?:Request|starlette\.requests\.Request|fastapi\.Request|WebSocket)$/;
const FASTAPI_INJECTED = /^(?:Response|BackgroundTasks|Session|AsyncSession|HTTPConnection|SecurityScopes|int|float|bool|UUID|uuid\.UUID|datetime|date)$/;

export interface ParamInfo {
  name: string | undefined;
  type: string | undefined;
  /** The default's callee: Query, Depends, … */
  defaultCall: string | undefined;
}

/** Path parameter names of a route: Flask `<int:id>`, FastAPI `{id}`. */
function pathParams(route: string): Set<string> {
  const out = new Set<string>();
  for (const m of route.matchAll(/<(?:\w+:)?(\w+)>|\{(\w+)(?::\w+)?\}/g)) out.add((m[1] ?? m[2])!);
  return out;
}

/** Marks a decorated route handler's parameters: path parameters (Flask), request data (FastAPI). */
export function markRoute(fn: FunctionIR, decorator: string, info: ParamInfo[], fastapi: boolean): void {
  fn.handler = decorator;
  const route = /\(\s*[rfbu]?['"]([^'"]*)['"]/.exec(decorator)?.[1] ?? '';
  const inPath = pathParams(route);
  fn.params.forEach((param, i) => {
    const p = info[i];
    if (!p || param.ref || param.source || param.rest) return;
    if (!fastapi) {
      // Flask passes only the URL's path parameters.
      if (p.name && (inPath.has(p.name) || !route)) param.source = { kind: 'http.params', label: `path parameter \`${p.name}\`` };
      return;
    }
    if (p.type && FASTAPI_REQUEST.test(p.type)) {
      param.ref = '$req';
      return;
    }
    const explicit = p.defaultCall ? FASTAPI_SOURCES[p.defaultCall.replace(/^fastapi\./, '')] : undefined;
    if (p.defaultCall && /(?:^|\.)(?:Depends|Security)$/.test(p.defaultCall)) return;
    if (!explicit && p.type && FASTAPI_INJECTED.test(p.type)) return;
    const source = explicit ?? (p.name && inPath.has(p.name) ? FASTAPI_SOURCES.Path! : p.type && /^[A-Z]/.test(p.type) && !/^(?:Optional|List|Union|Annotated)\b/.test(p.type) ? FASTAPI_SOURCES.Body! : FASTAPI_SOURCES.Query!);
    param.source = { kind: source.kind, label: p.name ? `${source.label} \`${p.name}\`` : source.label };
  });
}

/** Django: a view function's (or a class-based view method's) parameter named `request` is the request. */
export function markDjangoRequest(params: ParamIR[]): void {
  const first = params[0];
  if (first && !first.ref && !first.source && first.name === 'request') first.ref = '$req';
}
