import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../engine/analyze.js';

// Sanitizers that hold only in a context (`lead`: the constant text before the value), and rules that report what
// another class's sanitizers let through (`refines`), on rules of their own.
// YAML is a superset of JSON: the rules are written as objects.
const rule = (id: string, cls: string, extra: object) => ({
  path: `${id}.yaml`,
  text: JSON.stringify({
    id, language: 'javascript', class: cls, name: 'test', message: '{source} reaches {sink}', description: 'test', help: 'test', cwe: ['CWE-1'],
    level: 'error', securitySeverity: 5, precision: 'high', sources: ['http.*'], sinks: [{ call: 'run', label: 'test sink' }], tests: { positive: ['x'], negative: ['y'] }, ...extra,
  }),
});
const OUTSIDE_QUOTES = "^[^']*(?:'[^']*'[^']*)*$";
const INSIDE_QUOTES = "^[^']*'(?:[^']*'[^']*')*[^']*$";
const QUOTED = rule('t-quoted', 't-shell', { sanitizers: [{ call: 'quoteArg', lead: OUTSIDE_QUOTES }, { call: 'stripQuotes', lead: INSIDE_QUOTES }, { call: 'escapeMeta' }] });
const REFINED = rule('t-args', 't-args', { refines: 't-shell', sanitizers: [{ call: 'quoteArg', lead: OUTSIDE_QUOTES }, { call: 'stripQuotes', lead: INSIDE_QUOTES }] });

async function found(body: string): Promise<string[]> {
  const text = `app.post('/t', (req, res) => {\n${body}\n});\n`;
  const { log } = await analyzeSources([{ path: 't.js', text }], { rules: [QUOTED, REFINED] });
  return (log.runs[0]!.results ?? []).map((r) => r.ruleId!).sort();
}

describe('sanitizers by context', () => {
  test.each([
    ['quoted by the call, outside quotes', "run('ls ' + quoteArg(req.query.d));", []],
    ['quoted by the call, then put inside quotes', "run(\"ls '\" + quoteArg(req.query.d) + \"'\");", ['t-quoted']],
    ['quotes stripped, inside quotes', "const d = stripQuotes(req.query.d); run(\"ls '\" + d + \"'\");", []],
    ['quotes stripped, outside quotes', 'run("ls " + stripQuotes(req.query.d));', ['t-quoted']],
    ['a quoted string closed before the value', "run(\"echo 'a' \" + stripQuotes(req.query.d));", ['t-quoted']],
    ['not sanitised', "run('ls ' + req.query.d);", ['t-quoted']],
  ])('%s', async (_, body, expected) => {
    expect((await found(body)).filter((id) => id === 't-quoted')).toEqual(expected);
  });

  test('a refining rule reports only what the refined class let through, where its own sanitizers do not hold', async () => {
    expect(await found("run('ls ' + escapeMeta(req.query.d));")).toEqual(['t-args']);
    expect(await found("run('ls ' + req.query.d);")).toEqual(['t-quoted']);
    expect(await found("run('ls ' + quoteArg(req.query.d));")).toEqual([]);
  });
});
