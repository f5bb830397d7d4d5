import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../engine/analyze.js';

// Guards: a test on a value cleans it where the test holds (or fails) for the classes whose rules accept that
// check, through `and`/`or`/`not` and early exits. A rule of its own, on Python (whose adapter lowers and/or as
// logic and recognises content checks).
const RULE = `
id: t-guarded
language: python
class: t-guarded
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
sanitizers: [{ check: allow-list }, { type: number }, { check: no-dot-dot, prefixed: true }]
safePrefix: "^https://[^/]+/"
tests: { positive: ["x"], negative: ["y"] }
`;

async function found(body: string): Promise<number> {
  const lines = body.split('\n').map((l) => `    ${l}`).join('\n');
  const text = `from flask import request\n@app.route('/t/<v>')\ndef t(v):\n    x = request.args.get('x')\n${lines}\n    return 'ok'\n`;
  const { log } = await analyzeSources([{ path: 't.py', text }], { rules: [{ path: 't.yaml', text: RULE }] });
  return (log.runs[0]!.results ?? []).filter((r) => r.ruleId === 't-guarded').length;
}

describe('guards', () => {
  test.each([
    ['an allow-list whose failing branch returns', "if x not in ['a', 'b']:\n    return 'no'\nsink(x)"],
    ['either part of an `or` that ends the function', "if v == '' or x not in ('a', 'b'):\n    raise ValueError()\nsink(x)"],
    ['both parts of an `and` that holds', "if x in ['a'] and v:\n    sink(x)"],
    ['a negated `or` (De Morgan)', "if not (x not in ['a'] or v):\n    sink(x)"],
    ['an assert', "assert x in {'a', 'b'}, 'unknown'\nsink(x)"],
    ['a prefix its class accepts as safe', "if not x.startswith('https://example.com/'):\n    return 'no'\nsink(x)"],
    ['a type test', 'if isinstance(x, int):\n    sink(x)'],
    ['a prefixed check, then put after constant text', "if '..' in x:\n    return 'no'\nsink('/data/' + x)"],
    ['a prefixed check on a value already after constant text', "p = '/data/' + x\nif '..' in p:\n    return 'no'\nsink(p)"],
  ])('%s: not reported', async (_, body) => {
    expect(await found(body)).toBe(0);
  });

  test.each([
    ['one part of an `or` that holds', "if x in ['a'] or v:\n    sink(x)"],
    ['the branch where the allow-list fails', "if x in ['a']:\n    pass\nelse:\n    sink(x)"],
    ['a prefixed check, the value alone', "if '..' in x:\n    return 'no'\nsink(x)"],
    ['a check the class does not accept', "if \"'\" in x:\n    return 'no'\nsink(x)"],
    ['a prefix its class does not accept', "if not x.startswith('https://'):\n    return 'no'\nsink(x)"],
    ['a membership in a collection that is not constant', 'if x not in request.args.getlist("ok"):\n    return "no"\nsink(x)'],
    ['a check whose failing branch goes on', "if x not in ['a']:\n    print('unknown')\nsink(x)"],
  ])('%s: reported', async (_, body) => {
    expect(await found(body)).toBe(1);
  });
});
