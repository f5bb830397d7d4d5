import { z } from 'zod';

// The rule format (docs/sast.md#rules). One YAML file per language and class; a language's sources.yaml
// names its frameworks' untrusted inputs. Patterns are dotted paths as the engine names values:
//   child_process.exec    `exec` of the module child_process, however it was imported
//   $req.query            the `query` of a route handler's request parameter (roles: $req $res $ctx $reply)
//   **.query              any path ending in .query (`**` is any number of segments, `*` exactly one)
//   $res.**.send          res.send(), res.status(500).send(): a call in a path is written name()
//   re:<regex>            a regular expression over the whole dotted path

const pattern = z.string().min(1).describe('A dotted path pattern, or re:<regex>.');

export const sourceSchema = z.strictObject({
  pattern,
  kind: z.string().regex(/^[a-z]+(?:\.[a-z-]+)*$/).describe('What input it is: http.query, http.body, http.params, http.headers, http.cookies, http.url, client.url.'),
  label: z.string().min(1).describe('How a code flow names it: "request parameter" (the field read is appended: request parameter `id`).'),
  callback: z.number().int().min(0).optional().describe('A call source whose data is also handed to its callback argument (the last function given), as this parameter: db.all(sql, (err, rows) => …) is 1.'),
});

export const sinkSchema = z.strictObject({
  call: pattern.optional().describe('The callee: the call is the sink.'),
  assign: pattern.optional().describe('An assignment target: ctx.body = x.'),
  property: z.string().optional().describe('An object literal key whose value is the sink: { $where: x }.'),
  args: z.array(z.number().int().min(0)).default([0]).describe('The arguments that must not carry the taint (0-based). In call mode, [] makes the call itself the finding, whatever its arguments (hashlib.md5()).'),
  receiver: z.string().optional().describe('A regex the receiver (the segment before the method) must match: ^(db|pool)$.'),
  when: z.strictObject({ arg: z.number().int().min(0), has: z.string().optional(), lacks: z.string().optional(), equals: z.string().optional(), key: z.string().optional(), falsy: z.string().optional(), unset: z.string().optional() })
    .refine((w) => w.key === undefined || w.equals !== undefined, '`key` needs `equals`').optional()
    .describe('Only when argument `arg` is an object literal with a truthy `has` key, is not one with a `lacks` key, is a string literal matching the regex `equals` (with `key`: the object literal\'s value at `key` is a literal, or an array holding one, matching `equals`), is an object literal whose `falsy` key is a false constant (Python keyword arguments: verify=False), or is absent or an object literal whose `unset` key is absent or a false constant (secure=False or left out). Keys may be dotted: cookie.secure.'),
  near: z.string().optional().describe('call mode: only when the line of the call, or the name of the function it is in, matches this regex (case-insensitive): what the value is for (token, password).'),
  unlessInside: z.string().optional().describe('Not when the call is inside an `if` whose condition matches this regex (case-insensitive): NODE_ENV checks.'),
  redact: z.boolean().default(false).describe('call mode: the value is a secret; findings name its place, never its text.'),
  value: z.string().optional().describe('call mode, property and assign sinks: a constant given to the key or target that matches this regex (case-insensitive): rejectUnauthorized: false.'),
  object: z.boolean().default(false).describe('Only values that are still objects (not built into a string): operator injection.'),
  string: z.boolean().default(false).describe('Only values built into a string (concatenation, template literals, string methods): res.send(rows) sends JSON, res.send(`<p>${row.text}</p>`) HTML.'),
  render: z.union([z.boolean(), z.literal('attribute'), z.literal('target')]).default(false).describe("A template render: argument 0 names the template, argument 1 is its data; the sink is the template printing a data key unescaped (EJS <%- %>). `args: [t, d]` names other positions for the template and its data. 'attribute': argument 0 is one key and argument 1 its value, for the templates the same file forwards to (`target`: request.getRequestDispatcher('/x.jsp')), else any of the scan with the extension in `templates`."),
  templates: z.string().regex(/^\*\.[\w.]+$/).optional().describe("With render: attribute, the templates it reaches, by extension: '*.jsp'."),
  ignoreKeys: z.array(z.string()).default([]).describe('Taint under these top-level keys of the argument does not count ({ where: … } of an ORM).'),
  label: z.string().min(1).describe('What the sink does, for messages: "SQL query".'),
}).refine((s) => [s.call, s.assign, s.property].filter((x) => x !== undefined).length === 1, 'a sink is exactly one of call, assign, property');

/**
 * Content checks the adapters recognise in conditions (docs/sast.md#guards). Where one holds, and so after an
 * `if` whose failing branch returns or raises, the checked value is clean for the classes that list it.
 */
export const CHECKS = {
  'allow-list': 'equal to a constant or one of a constant collection (x in ALLOWED, x == "a")',
  pattern: 'fully matched by a regular expression of letters, digits, `_` and `-` only',
  'no-dot-dot': 'free of `..` (a check that rejects "../")',
  'no-quote': "free of quotes (a check that rejects `'`)",
  'quoted-literal': 'one quoted string literal: starts and ends with the same quote and has none between',
  'contained-path': 'a resolved path (realpath, abspath, Path.resolve) that starts with a base directory',
  'allowed-host': "a URL whose host (urlparse(x).netloc) is one of a constant collection",
} as const;

export const sanitizerSchema = z.strictObject({
  call: pattern.optional().describe('Its result is clean for this class (escape functions, parseInt).'),
  type: z.enum(['string', 'number', 'boolean']).optional().describe('A type check on the value (typeof x === "string") cleans it where it holds.'),
  check: z.enum(Object.keys(CHECKS) as [keyof typeof CHECKS, ...(keyof typeof CHECKS)[]]).optional().describe('A content check on the value (see CHECKS) cleans it where it holds.'),
  lead: z.string().optional().describe("A regex over the constant text the value was placed after ('' when none): the sanitizer holds only where it matches, such as a quoting context (escapeshellarg outside quotes)."),
  prefixed: z.boolean().default(false).describe('A check that makes the value safe only once it is put after constant text (a `..` check: under a fixed folder, not alone or joined as a path).'),
}).refine((s) => [s.call, s.type, s.check].filter((x) => x !== undefined).length === 1, 'a sanitizer is exactly one of call, type, check')
  .refine((s) => s.lead === undefined || s.call !== undefined, 'lead goes with a call sanitizer')
  .refine((s) => !s.prefixed || s.check !== undefined, { message: 'only a check can be prefixed', path: ['prefixed'] });

export const propagatorSchema = z.strictObject({
  call: pattern,
  from: z.array(z.union([z.literal('receiver'), z.literal('args'), z.number().int().min(0)])).min(1).describe("Where data comes from: 'receiver', 'args' (all), or argument positions."),
  to: z.enum(['return', 'receiver']).default('return'),
});

/**
 * route mode: an app is the files under the nearest folder with a project file (package.json, pyproject.toml,
 * requirements.txt, setup.py, manage.py, composer.json, pom.xml), else one folder. References are the paths of
 * its imports, names, members and calls, resolved through imports and assignments (express-session, flask.session).
 */
export const appSchema = z.strictObject({
  uses: z.array(pattern).default([]).describe('References that show the app keeps users logged in with cookies (express-session, flask.session): without one, the routes are not reported. Empty: every app.'),
  protections: z.array(pattern).default([]).describe('References that protect the whole app (csurf, flask_wtf): with one, nothing is reported.'),
  creates: z.array(pattern).default([]).describe("Calls that create the app (express, flask.Flask): the app's one finding for its unprotected routes is there, else at its first such route."),
  references: z.array(z.strictObject({ pattern, label: z.string().min(1) })).default([]).describe('References that are each a finding where they appear (csrf_exempt).'),
  settings: z.array(z.strictObject({
    name: z.string().min(1).describe('A top-level name assigned a list of strings: MIDDLEWARE.'),
    lacks: z.string().min(1).describe('A regex no item matches: the finding.'),
    has: z.string().optional().describe('A regex some item must match for the list to count (SessionMiddleware).'),
    label: z.string().min(1),
  })).default([]).describe('Lists of settings that must hold an item (CsrfViewMiddleware in MIDDLEWARE).'),
});

/** Code as a string (a file named after the language), one named file, or several (a route and its template). */
const snippet = z.union([
  z.string(),
  z.strictObject({ code: z.string(), file: z.string().optional() }),
  z.strictObject({ files: z.array(z.strictObject({ file: z.string(), code: z.string() })).min(1) }),
]);

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/),
  language: z.string().min(1),
  class: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('Sanitizers clean a value for a class: every rule of the class shares them.'),
  name: z.string().min(1),
  message: z.string().min(1).describe('The result message: {source} (what came in), {sink} (the call), {label} (what the sink does).'),
  description: z.string().min(1),
  help: z.string().min(1).describe('Remediation, markdown.'),
  cwe: z.array(z.string().regex(/^CWE-\d+$/)).min(1),
  level: z.enum(['error', 'warning', 'note']),
  securitySeverity: z.number().min(0).max(10),
  precision: z.enum(['very-high', 'high', 'medium', 'low']),
  mode: z.enum(['taint', 'call', 'guard', 'route']).default('taint').describe("taint: data from a source must reach the sink; call: any sink call whose argument is not a constant (a strong signal on its own); guard: a weak check (`guards`) on data that then reaches a sink of the `guarded` rules is the finding; route: an app-level check (`app`): its sinks are route registrations, reported when the app uses what `app.uses` names and nothing of `app.protections`."),
  sources: z.array(z.string()).default([]).describe('Source kinds (globs: http.*) from the language\'s models.yaml and this rule\'s own.'),
  extraSources: z.array(sourceSchema).default([]),
  sinks: z.array(sinkSchema).default([]),
  guards: z.array(z.strictObject({ call: pattern, label: z.string().min(1) })).default([]).describe('guard mode: calls on the value that only look like a check (url.includes(host)).'),
  guarded: z.array(z.string()).default([]).describe('guard mode: the rules whose flows, when they pass such a check, are reported at the check.'),
  sanitizers: z.array(sanitizerSchema).default([]),
  propagators: z.array(propagatorSchema).default([]),
  app: appSchema.optional().describe('route mode: what the app as a whole uses and how it is protected.'),
  safePrefix: z.string().optional().describe('A regex: taint placed after a constant prefix matching it is harmless (a fixed host in a URL).'),
  refines: z.string().regex(/^[a-z][a-z0-9-]*$/).optional().describe("A class whose sanitizers this rule starts from: it reports only data they let through as clean, the harm they leave (escapeshellcmd stops other commands, not extra arguments)."),
  tests: z.strictObject({ positive: z.array(snippet).min(1), negative: z.array(snippet).min(1) }),
})
  .refine((r) => r.mode !== 'taint' || r.sources.length > 0, { message: 'a taint rule names at least one source kind', path: ['sources'] })
  .refine((r) => r.mode === 'guard' || r.sinks.length > 0 || (r.mode === 'route' && ((r.app?.references.length ?? 0) > 0 || (r.app?.settings.length ?? 0) > 0)), { message: 'a taint, call or route rule names at least one sink', path: ['sinks'] })
  .refine((r) => r.mode !== 'route' || r.app !== undefined, { message: 'a route rule describes the app', path: ['app'] })
  .refine((r) => r.mode !== 'route' || r.sinks.every((s) => s.call !== undefined), { message: 'the sinks of a route rule are route registrations (call)', path: ['sinks'] })
  .refine((r) => r.mode !== 'guard' || (r.guards.length > 0 && r.guarded.length > 0), { message: 'a guard rule names its guards and the rules it guards', path: ['guards'] });

/** A language's models: its frameworks' sources, calls that clean for every class, calls that pass data on. */
export const modelsFileSchema = z.strictObject({
  language: z.string().min(1),
  sources: z.array(sourceSchema).min(1),
  sanitizers: z.array(pattern).default([]).describe('Calls whose result is clean for every class: numeric conversions (parseInt, Number).'),
  propagators: z.array(propagatorSchema).default([]).describe('Library calls known to pass data on (path.join): followed surely, not guessed.'),
});

export type SourceSpec = z.infer<typeof sourceSchema>;
export type SinkSpec = z.infer<typeof sinkSchema>;
export type SanitizerSpec = z.infer<typeof sanitizerSchema>;
export type PropagatorSpec = z.infer<typeof propagatorSchema>;
export type RuleSpec = z.infer<typeof ruleSchema>;
export type ModelsFile = z.infer<typeof modelsFileSchema>;
export type Snippet = z.infer<typeof snippet>;
export type AppSpec = z.infer<typeof appSchema>;
