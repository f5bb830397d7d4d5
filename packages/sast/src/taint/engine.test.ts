import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../engine/analyze.js';

// The engine's propagation, on a rule of its own: request data must not reach sink().
const RULE = `
id: t-sink
language: javascript
class: t-class
name: test sink
message: "{source} reaches {sink}"
description: test
help: test
cwe: [CWE-1]
level: error
securitySeverity: 5
precision: high
sources: [http.*]
sinks: [{ call: sink, label: test sink }]
sanitizers: [{ call: clean }, { type: number }]
tests: { positive: ["x"], negative: ["y"] }
`;

async function flows(body: string): Promise<string[][]> {
  const text = `app.post('/t', (req, res) => {\n${body}\n});\n`;
  const { log } = await analyzeSources([{ path: 't.js', text }], { rules: [{ path: 't.yaml', text: RULE }] });
  return (log.runs[0]!.results ?? []).filter((r) => r.ruleId === 't-sink').map((r) => r.codeFlows![0]!.threadFlows[0]!.locations.map((l) => l.location!.message!.text!));
}

describe('propagation', () => {
  test.each([
    ['nested destructuring', 'const { a: { b } } = req.body; sink(b);'],
    ['array destructuring with a default', "const [x = ''] = req.query.list; sink(x);"],
    ['template literal', 'sink(`id=${req.params.id}`);'],
    ['string methods', 'sink(req.query.q.trim().toLowerCase().slice(1));'],
    ['a property stored, then the object passed whole', 'const o = {}; o.x = req.query.a; sink(o);'],
    ['a branch that may have run', "let x = 'a'; if (Math.random()) x = req.query.a; sink(x);"],
    ['a local function returning its parameter built into a string', "function wrap(v) { return '<b>' + v; } sink(wrap(req.query.a));"],
    ['a parameter reaching the sink inside a local function', 'const run = (v) => sink(v); run(req.headers.host);'],
    ['an array filled by push, then joined', "const parts = []; parts.push(req.query.a); sink(parts.join(','));"],
    ['map callbacks get the elements', 'req.body.items.map((item) => sink(item.name));'],
    ['loops carry values between iterations', "let acc = ''; for (const k of Object.keys(req.query)) { sink(acc); acc += k; }"],
    ['Koa context', 'router.get("/k", async (ctx, next) => { sink(ctx.request.body.name); });'],
    ['req.get()', "sink(req.get('X-Forwarded-Host'));"],
  ])('%s', async (_, body) => {
    expect((await flows(body)).length).toBeGreaterThan(0);
  });

  test.each([
    ['a reassignment with a constant', "let x = req.query.a; x = 'safe'; sink(x);"],
    ['a sanitizer of the class', 'sink(clean(req.query.a));'],
    ['a universal sanitizer (a number)', 'sink(parseInt(req.query.a, 10));'],
    ['the length of the data', 'sink(req.query.a.length);'],
    ['a comparison', "sink(req.query.a === 'x');"],
    ['a lookup by the data in a store', 'sink(users.get(req.query.id));'],
    ['a type check that ends the handler', "if (typeof req.query.n !== 'number') return; sink(req.query.n);"],
    ['recursion ends', 'function f(v) { return f(v); } sink(f(1));'],
    ['request objects passed whole are not data', 'sink(req);'],
  ])('%s: not reported', async (_, body) => {
    expect(await flows(body)).toEqual([]);
  });

  test('a flow names each step', async () => {
    expect(await flows("const id = req.query.id;\nconst query = 'SELECT ' + id;\nsink(query);")).toEqual([
      ['request parameter `id`', 'assigned to `id`', 'concatenated into `query`', 'passed to `sink` (test sink)'],
    ]);
  });

  test('a method called on an instance of a top-level class uses its summary', async () => {
    const text = "class Repo {\n  constructor(db) { this.db = db; }\n  byName(name) { sink('SELECT ' + name); }\n  safe(name) { return clean(name); }\n}\napp.post('/t', (req, res) => {\n  const repo = new Repo(db);\n  repo.byName(req.query.a);\n  sink(new Repo(db).safe(req.query.b));\n});\n";
    const { log } = await analyzeSources([{ path: 't.js', text }], { rules: [{ path: 't.yaml', text: RULE }] });
    const results = (log.runs[0]!.results ?? []).filter((r) => r.ruleId === 't-sink');
    expect(results.map((r) => r.locations![0]!.physicalLocation!.region!.startLine)).toEqual([3]);
  });
});
