import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../engine/analyze.js';

// The conditions call rules put on the code around a sink, end to end through the built-in rules.

async function found(code: string, file = 'app.js'): Promise<{ rule: string; line: number; text: string }[]> {
  const { log } = await analyzeSources([{ path: file, text: code }]);
  return (log.runs[0]!.results ?? []).map((r) => ({ rule: r.ruleId!, line: r.locations![0]!.physicalLocation!.region!.startLine!, text: JSON.stringify(r) }));
}

describe('sink conditions', () => {
  test('a hard-coded secret is reported without its value anywhere in the SARIF result', async () => {
    const results = await found(`const session = require('express-session');
app.use(session({ secret: 'correct-horse-battery-staple', cookie: { secure: false } }));
`);
    expect(results.map((r) => r.rule).sort()).toEqual(['js-hardcoded-secret', 'js-insecure-cookie']);
    for (const r of results) expect(r.text).not.toContain('correct-horse-battery-staple');
  });

  test('near: Math.random() counts where the line or the function names a secret', async () => {
    const results = await found(`function makeInviteCode() { return Math.random().toString(36).slice(2, 8); }
const delay = 100 + Math.random() * 50;
const apiKey = 'k' + Math.random();
`);
    expect(results.filter((r) => r.rule === 'js-weak-random').map((r) => r.line)).toEqual([1, 3]);
  });

  test('unlessInside: an error handler inside any environment check is not reported', async () => {
    const results = await found(`const errorhandler = require('errorhandler');
if (app.get('env') !== 'production') app.use(errorhandler());
if (process.env.DEBUG_ERRORS) { app.use(errorhandler({ log: true })); }
app.use(errorhandler());
`);
    expect(results.filter((r) => r.rule === 'js-debug-mode').map((r) => r.line)).toEqual([4]);
  });

  test('value: a constant given to a property or an assignment target; other constants are not', async () => {
    const results = await found(`const tls = require('tls');
tls.connect(443, host, { rejectUnauthorized: false });
tls.connect(443, host, { rejectUnauthorized: true });
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '1';
`);
    expect(results.filter((r) => r.rule === 'js-tls-verification-off').map((r) => r.line)).toEqual([2, 4]);
  });

  test('dotted keys and `key` with `equals`: nested options and arrays of literals', async () => {
    const results = await found(`const jwt = require('jsonwebtoken');
const a = jwt.verify(t, k, { algorithms: ['RS256', 'none'] });
const b = jwt.verify(t, k, { algorithms: ['RS256'] });
const session = require('express-session');
app.use(session({ secret: process.env.S, cookie: { httpOnly: false } }));
app.use(session({ secret: process.env.S, cookie: { httpOnly: true, secure: true } }));
`);
    expect(results.map((r) => `${r.rule}:${r.line}`).sort()).toEqual(['js-insecure-cookie:5', 'js-jwt-none-algorithm:2']);
  });
});
