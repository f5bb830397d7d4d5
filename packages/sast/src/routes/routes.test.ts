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

  test("an app's unprotected routes are one finding at its creation, each route a related location", async () => {
    const { log } = await analyzeSources([
      { path: 'web/package.json', text: '{}' },
      { path: 'web/app.js', text: SESSION_APP },
      { path: 'web/routes/account.js', text: ACCOUNT_ROUTES },
    ]);
    const results = log.runs[0]!.results ?? [];
    expect(routes(results)).toEqual(['web/app.js:3']);
    const app = results.find((r) => r.ruleId === 'js-csrf')!;
    expect(app.message.text).toBe("This app keeps users logged in with cookies and no CSRF token is checked on its 2 state-changing routes (`POST '/email'` and `DELETE '/:id'`): cross-site request forgery.");
    expect(app.locations![0]!.physicalLocation!.region).toMatchObject({ startLine: 3, startColumn: 13, endLine: 3, endColumn: 22 });
    const related = app.relatedLocations!.map((l) => `${l.id} ${l.physicalLocation!.artifactLocation!.uri}:${l.physicalLocation!.region!.startLine} ${l.message!.text}`);
    expect(related).toEqual([
      "1 web/routes/account.js:3 the route `POST '/email'`: no CSRF token is checked",
      "2 web/routes/account.js:4 the route `DELETE '/:id'`: no CSRF token is checked",
    ]);
    const steps = app.codeFlows![0]!.threadFlows[0]!.locations.map((l) => `${l.location!.physicalLocation!.artifactLocation!.uri}:${l.location!.message!.text}`);
    expect(steps).toEqual([
      'web/app.js:the app is created here: `express()`',
      "web/app.js:the app keeps users in cookies: `require('express-session')`",
      "web/routes/account.js:the route `POST '/email'`: no CSRF token is checked",
    ]);
  });

  test('past 50 routes the related locations stop and the message says how many are left out; without a creation the finding is at the first route', async () => {
    const many = Array.from({ length: 57 }, (_, i) => `router.post('/r${i}', (req, res) => res.sendStatus(204));`).join('\n');
    const { log } = await analyzeSources([
      { path: 'package.json', text: '{}' },
      { path: 'app.js', text: "const session = require('express-session');\nmodule.exports = session({ secret: process.env.SECRET });\n" },
      { path: 'routes.js', text: `const router = require('express').Router();\n${many}\nmodule.exports = router;\n` },
    ]);
    const results = (log.runs[0]!.results ?? []).filter((r) => r.ruleId === 'js-csrf');
    expect(routes(results)).toEqual(['routes.js:2']);
    expect(results[0]!.message.text).toContain("its 57 state-changing routes (`POST '/r0'`, `POST '/r1'`, `POST '/r2'` and 54 more; the related locations list the first 50, 7 more are left out)");
    expect(results[0]!.relatedLocations).toHaveLength(50);
    expect(results[0]!.relatedLocations!.at(-1)!.message!.text).toBe("the route `POST '/r49'`: no CSRF token is checked");
  });

  test('Koa, Fastify and Hapi apps are located where they are created', async () => {
    const { log } = await analyzeSources([
      { path: 'koa/package.json', text: '{}' },
      { path: 'koa/app.js', text: "const Koa = require('koa');\nconst session = require('koa-session');\nconst router = require('@koa/router')();\nconst app = new Koa();\napp.use(session(app));\nrouter.post('/cart', (ctx) => add(ctx));\n" },
      { path: 'fastify/package.json', text: '{}' },
      { path: 'fastify/app.js', text: "const fastify = require('fastify')({ logger: true });\nfastify.register(require('@fastify/cookie'));\nfastify.delete('/me', async () => remove());\n" },
      { path: 'hapi/package.json', text: '{}' },
      { path: 'hapi/app.js', text: "const Hapi = require('@hapi/hapi');\nconst server = Hapi.server({ port: 3000 });\nawait server.register(require('@hapi/cookie'));\nserver.route({ method: 'POST', path: '/account/delete', handler: () => 1 });\n" },
    ]);
    expect(routes(log.runs[0]!.results ?? [])).toEqual(['fastify/app.js:1', 'hapi/app.js:2', 'koa/app.js:4']);
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
    expect(routes(log.runs[0]!.results ?? [])).toEqual(['packages/b/app.js:3']);
  });

  test("an app's finding keeps its fingerprint when routes are added or their handlers change; another app's differs", async () => {
    const scan = async (extra: string, root = 'web') => {
      const { log } = await analyzeSources([
        { path: `${root}/package.json`, text: '{}' },
        { path: `${root}/app.js`, text: `${SESSION_APP}app.post('/transfer', (req, res) => {\n  res.redirect('/');\n});\n${extra}` },
      ]);
      return (log.runs[0]!.results ?? []).find((r) => r.ruleId === 'js-csrf')!;
    };
    const before = await scan('');
    const after = await scan("app.put('/profile', (req, res) => res.sendStatus(204));\n// moved\n");
    expect(before.message.text).toContain("its state-changing route `POST '/transfer'`");
    expect(after.message.text).toContain("its 2 state-changing routes (`POST '/transfer'` and `PUT '/profile'`)");
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    expect((await scan('', 'admin')).partialFingerprints).not.toEqual(before.partialFingerprints);
  });

  test("a Flask app's routes are one finding at Flask(__name__); each @csrf_exempt view of a Django app stays a finding of its own", async () => {
    const { log } = await analyzeSources([
      { path: 'shop/pyproject.toml', text: '' },
      { path: 'shop/app.py', text: "from flask import Flask, session\napp = Flask(__name__)\napp.secret_key = 'x'\n\n@app.post('/cart')\ndef add():\n    return session['u']\n\n@app.route('/order', methods=['POST'])\ndef order():\n    return ''\n" },
      { path: 'blog/manage.py', text: '' },
      { path: 'blog/views.py', text: 'from django.views.decorators.csrf import csrf_exempt\n\n@csrf_exempt\ndef a(request):\n    pass\n\n@csrf_exempt\ndef b(request):\n    pass\n' },
    ]);
    const results = log.runs[0]!.results ?? [];
    expect(routes(results, 'py-flask-csrf')).toEqual(['shop/app.py:2']);
    expect(results.find((r) => r.ruleId === 'py-flask-csrf')!.message.text).toContain("its 2 state-changing routes (`POST '/cart'` and `POST '/order'`)");
    expect(routes(results, 'py-django-csrf')).toEqual(['blog/views.py:3', 'blog/views.py:7']);
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
