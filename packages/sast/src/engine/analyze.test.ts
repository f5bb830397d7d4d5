import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Log, Result } from 'sarif';
import { describe, expect, test } from 'vitest';
import { validateSarif } from '../../../../test-support/sarif-schema.js';
import { hasShared, repoRoot } from '../../../../test-support/shared.js';
import { GrammarError } from '../errors.js';
import { missingGrammars } from '../grammars.js';
import { FINGERPRINT_KEY } from '../sarif/fingerprint.js';
import { analyzeFiles, analyzeSources } from './analyze.js';

const DEMO = join(repoRoot, 'examples', 'vulnerable-app');
const SERVER = readFileSync(join(DEMO, 'server.js'), 'utf8');

function results(log: Log): Result[] {
  return log.runs[0]!.results ?? [];
}

function at(log: Log, ruleId: string): { line: number; flow: { line: number; message: string }[] }[] {
  return results(log)
    .filter((r) => r.ruleId === ruleId)
    .map((r) => ({
      line: r.locations![0]!.physicalLocation!.region!.startLine!,
      flow: r.codeFlows![0]!.threadFlows[0]!.locations.map((l) => ({ line: l.location!.physicalLocation!.region!.startLine!, message: l.location!.message!.text! })),
    }));
}

/** The demo's own fixed branch (DEMO_FIXED=1), made the only code: a bound parameter, an escaped query. */
function fixedServer(): string {
  const fixed = SERVER.replace('(FIXED ? escapeHtml(q) : q)', 'escapeHtml(q)').replace(/FIXED \? (db\.exec\('[^']*', \[id\]\)) : db\.exec\([^;]*\);/, '$1;');
  expect(fixed).not.toContain('FIXED ?');
  return fixed;
}

describe('the demo app (examples/vulnerable-app)', () => {
  test('its SQL injection and reflected XSS are found, each with a code flow from req.query to the sink', async () => {
    const { log, stats } = await analyzeFiles({ root: DEMO, files: ['server.js', 'db.js', 'config.js', 'scripts/deploy.sh'] });
    expect(stats.files).toBe(3);
    const sqli = at(log, 'js-sql-injection');
    expect(sqli).toEqual([{ line: 44, flow: [
      { line: 42, message: 'request parameter `id`' },
      { line: 42, message: 'assigned to `id`' },
      { line: 44, message: 'concatenated into a string' },
      { line: 44, message: 'passed to `db.exec` (SQL statement)' },
    ] }]);
    const xss = at(log, 'js-reflected-xss');
    expect(xss).toHaveLength(1);
    expect(xss[0]!.line).toBe(37);
    expect(xss[0]!.flow[0]).toEqual({ line: 36, message: 'request parameter `q`' });
    expect(xss[0]!.flow.at(-1)).toEqual({ line: 37, message: 'passed to `res.send` (HTML response)' });
    expect(xss[0]!.flow.map((s) => s.message)).toContain('passed to `layout`');
    // The other flaws of FLAWS.md that follow a request value.
    expect(results(log).map((r) => `${r.ruleId}:${r.locations![0]!.physicalLocation!.region!.startLine}`).sort()).toEqual([
      'js-code-injection:64', 'js-command-injection:56', 'js-path-traversal:71', 'js-reflected-xss:37', 'js-sql-injection:44',
    ]);
    for (const result of results(log)) {
      expect(result.properties?.['pipewarden/confidence']).toBe('high');
      expect(result.partialFingerprints?.[FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:1$/);
      expect(result.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'server.js', uriBaseId: '%SRCROOT%' });
    }
    if (hasShared) expect(validateSarif(log).errors).toEqual([]);
  });

  test('the fixed variants (bound parameter, escaped output) are not reported', async () => {
    const { log } = await analyzeSources([{ path: 'server.js', text: fixedServer() }]);
    expect(at(log, 'js-sql-injection')).toEqual([]);
    expect(at(log, 'js-reflected-xss')).toEqual([]);
  });

  test('the fingerprint survives code added between source and sink, and around them', async () => {
    const edited = SERVER.replace("const id = req.query.id || '1';", "const id = req.query.id || '1';\n    const started = Date.now();\n    console.debug('item', started);").replace("'use strict';", "'use strict';\n// a new header comment\n");
    const { log: before } = await analyzeSources([{ path: 'server.js', text: SERVER }]);
    const { log: after } = await analyzeSources([{ path: 'server.js', text: edited }]);
    const fingerprints = (log: Log) => results(log).filter((r) => r.ruleId !== 'js-log-injection').map((r) => `${r.ruleId} ${r.partialFingerprints![FINGERPRINT_KEY]}`).sort();
    expect(fingerprints(after)).toEqual(fingerprints(before));
    expect(at(after, 'js-sql-injection')[0]!.line).toBe(48);
  });
});

describe('flows across files', () => {
  test('an exported function that builds SQL from its parameter, called with request data from another file', async () => {
    const db = "import sqlite3 from 'sqlite3';\nconst db = new sqlite3.Database(':memory:');\nexport function findUser(name) {\n  return db.all(\"SELECT * FROM users WHERE name = '\" + name + \"'\");\n}\nexport const clean = (s) => s.replace(/'/g, \"''\");\n";
    const routes = "import { findUser } from './db';\nimport * as store from './db.js';\nexport function routes(app) {\n  app.get('/u', (req, res) => res.json(findUser(req.query.name)));\n  app.get('/v', (req, res) => res.json(store.findUser(parseInt(req.query.id, 10))));\n}\n";
    const { log } = await analyzeSources([{ path: 'src/db.ts', text: db }, { path: 'src/routes.ts', text: routes }]);
    const found = results(log).filter((r) => r.ruleId === 'js-sql-injection');
    expect(found).toHaveLength(1);
    expect(found[0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/db.ts');
    const steps = found[0]!.codeFlows![0]!.threadFlows[0]!.locations.map((l) => `${l.location!.physicalLocation!.artifactLocation!.uri}:${l.location!.physicalLocation!.region!.startLine} ${l.location!.message!.text}`);
    expect(steps).toEqual(['src/routes.ts:4 request parameter `name`', 'src/routes.ts:4 passed to `findUser`', 'src/db.ts:4 concatenated into a string', 'src/db.ts:4 passed to `db.all` (SQL query)']);
  });
});

describe('grammars', () => {
  test('a folder without the .wasm files stops the run with a GrammarError naming the file', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pw-sast-no-grammars-'));
    await expect(analyzeSources([{ path: 'a.js', text: 'x()' }], { grammarsDir: empty })).rejects.toThrow(GrammarError);
    expect(missingGrammars(empty)).toContain('tree-sitter-javascript.wasm');
    expect(missingGrammars()).toEqual([]);
  });
});

describe('worker threads', () => {
  const built = join(repoRoot, 'packages', 'sast', 'dist', 'index.js');
  test.skipIf(!existsSync(built))('a large tree is parsed in workers and gives what one thread gives', async () => {
    const { analyzeFiles: fromDist } = (await import(built)) as { analyzeFiles: typeof analyzeFiles };
    const root = await mkdtemp(join(tmpdir(), 'pw-sast-pool-'));
    await mkdir(join(root, 'routes'));
    const files: string[] = [];
    for (let i = 0; i < 240; i++) {
      files.push(`routes/r${i}.js`);
      await writeFile(join(root, `routes/r${i}.js`), `const { exec } = require('child_process');\nmodule.exports = (app) => app.get('/r${i}', (req, res) => exec('ls ' + ${i % 2 ? 'req.query.dir' : 'Number(req.query.n)'}));\n`);
    }
    const pooled = await fromDist({ root, files, threads: 2 });
    const single = await fromDist({ root, files, threads: 0 });
    expect(pooled.stats.threads).toBe(2);
    expect(pooled.stats.findings).toBe(120);
    expect(results(pooled.log)).toEqual(results(single.log));
  });
});
