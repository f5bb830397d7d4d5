import type { Result } from 'sarif';
import { describe, expect, test } from 'vitest';
import { analyzeSources } from '../engine/analyze.js';
import { ruleSetOf } from '../engine/ruleset.js';
import { RuleError } from '../rules/load.js';
import { appRootOf, projectDirsOf } from './decide.js';

// Route rules see an app as a whole: its files are joined under the nearest project file, so a session set up
// in app.js makes the routes of routes/*.js count, and a CSRF library anywhere in the app protects them all.

function routes(results: readonly Result[], ruleId = 'js-csrf'): string[] {
  return results
    .filter((r) => r.ruleId === ruleId)
    .map((r) => `${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine}`)
    .sort();
}

const SESSION_APP = `const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({ secret: process.env.SECRET }));
app.use('/account', require('./routes/account'));
module.exports = app;
`;
const ACCOUNT_ROUTES = `const router = require('express').Router();
router.get('/', (req, res) => res.render('account'));
router.post('/email', (req, res) => updateEmail(req.session.user, req.body.email).then(() => res.redirect('/account')));
router.route('/:id').delete((req, res) => remove(req.params.id).then(() => res.sendStatus(204)));
module.exports = router;
`;

describe('route rules (mode: route)', () => {
  test('an app is its files under the nearest project file; without one, each folder is its own', () => {
    const dirs = projectDirsOf(['package.json', 'packages/api/package.json', 'packages/api/src/routes/a.js', 'tools/x.js']);
    expect(appRootOf('packages/api/src/routes/a.js', dirs)).toBe('packages/api');
    expect(appRootOf('src/app.js', dirs)).toBe('.');
    expect(appRootOf('tools/x.js', projectDirsOf(['tools/x.js']))).toBe('tools');
  });

  test('state-changing routes of another file of the same app are reported once each, with the session as a step', async () => {
    const { log } = await analyzeSources([
      { path: 'web/package.json', text: '{}' },
      { path: 'web/app.js', text: SESSION_APP },
      { path: 'web/routes/account.js', text: ACCOUNT_ROUTES },
    ]);
    const results = log.runs[0]!.results ?? [];
    expect(routes(results)).toEqual(['web/routes/account.js:3', 'web/routes/account.js:4']);
    const post = results.find((r) => r.ruleId === 'js-csrf')!;
    expect(post.message.text).toMatch(/^The route `POST '\/email'` changes state/);
    const steps = post.codeFlows![0]!.threadFlows[0]!.locations.map((l) => `${l.location!.physicalLocation!.artifactLocation!.uri}:${l.location!.message!.text}`);
    expect(steps).toEqual(["web/routes/account.js:the route `POST '/email'`", "web/app.js:the app keeps users in cookies: `require('express-session')`", 'web/routes/account.js:no CSRF token is checked']);
  });

  test('a CSRF library used anywhere in the app protects it; another app of the monorepo is still reported', async () => {
    const { log } = await analyzeSources([
      { path: 'packages/a/package.json', text: '{}' },
      { path: 'packages/a/app.js', text: `${SESSION_APP}const { csrfSync } = require('csrf-sync');\napp.use(csrfSync().csrfSynchronisedProtection);\n` },
      { path: 'packages/a/routes/account.js', text: ACCOUNT_ROUTES },
      { path: 'packages/b/package.json', text: '{}' },
      { path: 'packages/b/app.js', text: SESSION_APP },
      { path: 'packages/b/routes/account.js', text: ACCOUNT_ROUTES },
    ]);
    expect(routes(log.runs[0]!.results ?? [])).toEqual(['packages/b/routes/account.js:3', 'packages/b/routes/account.js:4']);
  });

  test('a route finding covers the registration, not its handler, and keeps its fingerprint when the handler changes', async () => {
    const scan = async (handler: string) => {
      const { log } = await analyzeSources([
        { path: 'package.json', text: '{}' },
        { path: 'app.js', text: `${SESSION_APP}app.post('/transfer', (req, res) => {\n  ${handler}\n});\n` },
      ]);
      return (log.runs[0]!.results ?? []).find((r) => r.ruleId === 'js-csrf')!;
    };
    const before = await scan("res.redirect('/');");
    const after = await scan("audit(req.session.user);\n  res.redirect('/done');");
    expect(before.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 7, endLine: 7 });
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
  });

  test('an app without cookies (a token API) is not reported', async () => {
    const { log } = await analyzeSources([
      { path: 'api/package.json', text: '{}' },
      { path: 'api/app.js', text: SESSION_APP.replace("const session = require('express-session');\n", '').replace(/app\.use\(session[^\n]*\n/, "app.use(require('./auth').bearer);\n") },
      { path: 'api/routes/account.js', text: ACCOUNT_ROUTES },
    ]);
    expect(routes(log.runs[0]!.results ?? [])).toEqual([]);
  });

  test('a route rule must describe its app, and its sinks are route registrations', () => {
    const rule = (extra: string) => `id: my-route-rule
language: javascript
class: csrf
mode: route
name: x
message: x
description: x
help: x
cwe: [CWE-352]
level: warning
securitySeverity: 5
precision: low
${extra}
tests: { positive: ['x'], negative: ['y'] }
`;
    const problems = (text: string) => {
      try {
        ruleSetOf({ rules: [{ path: 'mine.yaml', text }] });
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(RuleError);
        return (error as RuleError).problems;
      }
    };
    expect(problems(rule('sinks: [{ call: "**.post", label: x }]'))).toEqual([expect.stringMatching(/^mine\.yaml: app: a route rule describes the app/)]);
    expect(problems(rule('app: { uses: [express-session] }\nsinks: [{ assign: "x.y", label: x }]'))).toEqual([expect.stringMatching(/^mine\.yaml: sinks: the sinks of a route rule are route registrations/)]);
    expect(problems(rule('app: { uses: [express-session] }\nsinks: [{ call: "**.post", label: x }]'))).toEqual([]);
  });
});
