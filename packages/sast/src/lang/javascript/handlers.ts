import type { FunctionIR, ParamIR } from '../../ir/types.js';

// Route handlers, found per framework, get their request and response parameters marked with a role
// ('$req', '$res', '$ctx', '$reply'): the rules' source and sink patterns start with those roles, so
// `req.query.id` reads as `$req.query.id` whatever the parameter is called.

const ROUTE_METHODS = /^(?:get|post|put|patch|delete|del|all|use|options|head|any|handle|route)$/;
/** app.get, router.post, fastify.get, server.route, apiRouter.use, router.route('/x').get. */
const ROUTERS = /(?:^|[.\s])(?:app|router|server|api|routes?|fastify|koa|express|instance|\w*(?:Router|router|App|Api|Server))$/;

/** Types that say what a parameter is, whatever its name (Express, Next.js, Fastify, Node's http, Koa). */
const TYPE_ROLES: [RegExp, string][] = [
  [/^(?:express\.)?Request$|^NextApiRequest$|^NextRequest$|^FastifyRequest$|^IncomingMessage$|^(?:Hapi\.)?Request$/, '$req'],
  [/^(?:express\.)?Response$|^NextApiResponse$|^ServerResponse$/, '$res'],
  [/^FastifyReply$|^ResponseToolkit$|^(?:Hapi\.)?ResponseToolkit$/, '$reply'],
  [/^(?:Koa\.)?(?:Parameterized)?Context$|^RouterContext$|^(?:Koa\.)?DefaultContext$/, '$ctx'],
];

/** NestJS (and routing-controllers) parameter decorators: what the framework passes in. */
const DECORATED_SOURCES: Record<string, { kind: string; label: string }> = {
  Query: { kind: 'http.query', label: 'query parameter' },
  QueryParam: { kind: 'http.query', label: 'query parameter' },
  QueryParams: { kind: 'http.query', label: 'query parameters' },
  Param: { kind: 'http.params', label: 'path parameter' },
  Params: { kind: 'http.params', label: 'path parameters' },
  Body: { kind: 'http.body', label: 'request body' },
  BodyParam: { kind: 'http.body', label: 'request body field' },
  Headers: { kind: 'http.headers', label: 'request header' },
  HeaderParam: { kind: 'http.headers', label: 'request header' },
  Cookies: { kind: 'http.cookies', label: 'cookie' },
  CookieParam: { kind: 'http.cookies', label: 'cookie' },
};
const DECORATED_ROLES: Record<string, string> = { Req: '$req', Request: '$req', Res: '$res', Response: '$res' };

/** A parameter decorator `@Query('id')` as the decorator's name and its first string argument. */
export function decoratedParam(name: string, arg: string | undefined): { ref?: string; source?: { kind: string; label: string } } | undefined {
  const role = DECORATED_ROLES[name];
  if (role) return { ref: role };
  const source = DECORATED_SOURCES[name];
  if (!source) return undefined;
  return { source: { kind: source.kind, label: arg ? `${source.label} \`${arg}\`` : source.label } };
}

export function isRouteRegistration(callee: string): boolean {
  const dot = callee.lastIndexOf('.');
  if (dot < 0 || !ROUTE_METHODS.test(callee.slice(dot + 1))) return false;
  const receiver = callee.slice(0, dot).trim();
  return ROUTERS.test(receiver) || /\.route\([^)]*\)$/.test(receiver);
}

export function roleOfType(type: string | undefined): string | undefined {
  if (!type) return undefined;
  return TYPE_ROLES.find(([pattern]) => pattern.test(type))?.[1];
}

/** Roles from names alone: (req, res), (request, response), Koa's (ctx, next). Types already set win. */
export function assignRolesByName(params: ParamIR[]): void {
  const first = params[0];
  if (!first || params.some((p) => p.ref)) return fillResponse(params);
  if (first.name === 'req' || (first.name === 'request' && params.length >= 2)) first.ref = '$req';
  else if ((first.name === 'ctx' || first.name === 'context') && params[1]?.name === 'next') first.ref = '$ctx';
  fillResponse(params);
}

function fillResponse(params: ParamIR[]): void {
  const request = params.findIndex((p) => p.ref === '$req');
  const next = params[request + 1];
  if (request < 0 || !next || next.ref) return;
  if (next.name === 'res' || next.name === 'resp' || next.name === 'response') next.ref = '$res';
  else if (next.name === 'reply' || next.name === 'h') next.ref = '$reply';
}

/**
 * A function registered as a route handler: its first parameter is the request (Koa: the context) and the
 * second the response, whatever their names. Express error handlers take the error first.
 */
export function markHandler(fn: FunctionIR, registration: string): void {
  fn.handler = registration;
  const params = fn.params.filter((p) => !p.rest);
  if (params.some((p) => p.ref)) return;
  const offset = params.length === 4 && registration.endsWith('.use') ? 1 : 0;
  const first = params[offset];
  if (!first) return;
  first.ref = first.name === 'ctx' || first.name === 'context' ? '$ctx' : '$req';
  const second = params[offset + 1];
  if (first.ref === '$req' && second && !second.ref) second.ref = second.name === 'reply' || second.name === 'h' ? '$reply' : '$res';
}
