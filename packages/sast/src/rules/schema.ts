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
});

export const sinkSchema = z.strictObject({
  call: pattern.optional().describe('The callee: the call is the sink.'),
  assign: pattern.optional().describe('An assignment target: ctx.body = x.'),
  property: z.string().optional().describe('An object literal key whose value is the sink: { $where: x }.'),
  args: z.array(z.number().int().min(0)).default([0]).describe('The arguments that must not carry the taint (0-based). In call mode, [] makes the call itself the finding, whatever its arguments (hashlib.md5()).'),
  receiver: z.string().optional().describe('A regex the receiver (the segment before the method) must match: ^(db|pool)$.'),
  when: z.strictObject({ arg: z.number().int().min(0), has: z.string().optional(), lacks: z.string().optional(), equals: z.string().optional(), falsy: z.string().optional(), unset: z.string().optional() }).optional()
    .describe('Only when argument `arg` is an object literal with a truthy `has` key, is not one with a `lacks` key, is a string literal matching the regex `equals`, is an object literal whose `falsy` key is a false constant (Python keyword arguments: verify=False), or is absent or an object literal whose `unset` key is absent or a false constant (secure=False or left out).'),
  object: z.boolean().default(false).describe('Only values that are still objects (not built into a string): operator injection.'),
  render: z.union([z.boolean(), z.literal('attribute'), z.literal('target')]).default(false).describe("A template render: argument 0 names the template, argument 1 is its data; the sink is the template printing a data key unescaped (EJS <%- %>). `args: [t, d]` names other positions for the template and its data. 'attribute': argument 0 is one key and argument 1 its value, for the templates the same file forwards to (`target`: request.getRequestDispatcher('/x.jsp')), else any of the scan with the extension in `templates`."),
  templates: z.string().regex(/^\*\.[\w.]+$/).optional().describe("With render: attribute, the templates it reaches, by extension: '*.jsp'."),
  ignoreKeys: z.array(z.string()).default([]).describe('Taint under these top-level keys of the argument does not count ({ where: … } of an ORM).'),
  label: z.string().min(1).describe('What the sink does, for messages: "SQL query".'),
}).refine((s) => [s.call, s.assign, s.property].filter((x) => x !== undefined).length === 1, 'a sink is exactly one of call, assign, property');

export const sanitizerSchema = z.strictObject({
  call: pattern.optional().describe('Its result is clean for this class (escape functions, parseInt).'),
  type: z.enum(['string', 'number', 'boolean']).optional().describe('A type check on the value (typeof x === "string") cleans it where it holds.'),
  lead: z.string().optional().describe("A regex over the constant text the value was placed after ('' when none): the sanitizer holds only where it matches, such as a quoting context (escapeshellarg outside quotes)."),
}).refine((s) => (s.call === undefined) !== (s.type === undefined), 'a sanitizer is either call or type')
  .refine((s) => s.lead === undefined || s.call !== undefined, 'lead goes with a call sanitizer');

export const propagatorSchema = z.strictObject({
  call: pattern,
  from: z.array(z.union([z.literal('receiver'), z.literal('args'), z.number().int().min(0)])).min(1).describe("Where data comes from: 'receiver', 'args' (all), or argument positions."),
  to: z.enum(['return', 'receiver']).default('return'),
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
  mode: z.enum(['taint', 'call', 'guard']).default('taint').describe("taint: data from a source must reach the sink; call: any sink call whose argument is not a constant (a strong signal on its own); guard: a weak check (`guards`) on data that then reaches a sink of the `guarded` rules is the finding."),
  sources: z.array(z.string()).default([]).describe('Source kinds (globs: http.*) from the language\'s models.yaml and this rule\'s own.'),
  extraSources: z.array(sourceSchema).default([]),
  sinks: z.array(sinkSchema).default([]),
  guards: z.array(z.strictObject({ call: pattern, label: z.string().min(1) })).default([]).describe('guard mode: calls on the value that only look like a check (url.includes(host)).'),
  guarded: z.array(z.string()).default([]).describe('guard mode: the rules whose flows, when they pass such a check, are reported at the check.'),
  sanitizers: z.array(sanitizerSchema).default([]),
  propagators: z.array(propagatorSchema).default([]),
  safePrefix: z.string().optional().describe('A regex: taint placed after a constant prefix matching it is harmless (a fixed host in a URL).'),
  refines: z.string().regex(/^[a-z][a-z0-9-]*$/).optional().describe("A class whose sanitizers this rule starts from: it reports only data they let through as clean, the harm they leave (escapeshellcmd stops other commands, not extra arguments)."),
  tests: z.strictObject({ positive: z.array(snippet).min(1), negative: z.array(snippet).min(1) }),
})
  .refine((r) => r.mode !== 'taint' || r.sources.length > 0, { message: 'a taint rule names at least one source kind', path: ['sources'] })
  .refine((r) => r.mode === 'guard' || r.sinks.length > 0, { message: 'a taint or call rule names at least one sink', path: ['sinks'] })
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
