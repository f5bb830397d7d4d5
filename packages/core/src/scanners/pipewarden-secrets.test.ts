import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSarif } from '../../../../test-support/sarif-schema.js';
import { hasShared, sharedDir, sharedNotice } from '../../../../test-support/shared.js';
import { secretHash } from '../identity/secret-hash.js';
import { nodeExec } from '../ports/node-exec.js';
import { PROP } from '../sarif/props.js';
import type { Log } from '../sarif/types.js';
import { runScan } from '../scan.js';
import { pipewardenSecrets } from './pipewarden-secrets.js';
import type { AnalyzerScanner, ScannerTarget } from './types.js';

const SERVER = `const express = require('express');
const session = require('express-session');
const app = express();
app.use(session({
  secret: 'keyboard cat',
  resave: false,
  saveUninitialized: true,
}));
const stripe = require('stripe')(process.env.STRIPE_KEY);
`;
const FLASK = `from flask import Flask
app = Flask(__name__)
app.secret_key = 'dev'
app.config['JWT_SECRET_KEY'] = 'q8Vn2xLk9Rt4Zp7M'
`;
const ENV = 'DB_HOST=db\nDB_PASSWORD=Wint3r-2024-q7\nAPI_KEY=<your-api-key>\n';
const SECRETS = ['keyboard cat', 'q8Vn2xLk9Rt4Zp7M', 'Wint3r-2024-q7'];

async function project(): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'pw-pipewarden-secrets-'));
  const root = join(base, 'app');
  await mkdir(join(root, 'test', 'fixtures'), { recursive: true });
  await mkdir(join(root, 'locales'));
  await writeFile(join(root, 'server.js'), SERVER);
  await writeFile(join(root, 'app.py'), FLASK);
  await writeFile(join(root, '.env'), ENV);
  await writeFile(join(root, 'test', 'login.test.js'), "const password = 'Sp3c-Pa55word';\n");
  await writeFile(join(root, 'locales', 'de.json'), '{ "password": "Kennwort1" }\n');
  await writeFile(join(base, 'elsewhere.env'), 'DB_PASSWORD=0utside-the-r00t\n');
  await symlink(join(base, 'elsewhere.env'), join(root, 'linked.env'));
  await writeFile(join(root, 'big.yml'), `password: Big-F1le-Pa55\n${'# padding\n'.repeat(120_000)}`);
  return root;
}

async function analyze(root: string, options: Record<string, unknown> = {}): Promise<Log> {
  const files = pipewardenSecrets.select(await listed(root));
  const target = { root, files, outputFile: '', targets: {}, config: {}, options } as unknown as ScannerTarget;
  return (pipewardenSecrets as AnalyzerScanner).analyze(target, {} as never);
}

async function listed(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listed(root, path)));
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out.sort();
}

describe('pipewarden-secrets', () => {
  it('is registered, and its options are checked against its schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-pipewarden-secrets-'));
    await writeFile(join(dir, 'app.js'), 'const x = 1;\n');
    expect(pipewardenSecrets.id).toBe('pipewarden-secrets');
    const bad = runScan({ cwd: dir, dir: '.', config: { scanners: { 'pipewarden-secrets': { unknown: true } } }, stage: 'commit', scanners: ['pipewarden-secrets'], outDir: 'out', env: {} }, { exec: nodeExec, log: () => undefined });
    await expect(bad).rejects.toThrow(/scanners\.pipewarden-secrets/);
  });

  it('finds the session secret, the JWT key and the .env password; names them, never their values', async () => {
    const root = await project();
    const log = await analyze(root);
    const results = log.runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.locations![0]!.physicalLocation!.artifactLocation!.uri, r.message.text])).toEqual([
      ['pipewarden-secrets/hardcoded-password', '.env', 'Hardcoded password assigned to "DB_PASSWORD"'],
      ['pipewarden-secrets/framework-session-secret', 'app.py', 'Hardcoded Flask-JWT-Extended secret assigned to "JWT_SECRET_KEY"'],
      ['pipewarden-secrets/framework-session-secret', 'server.js', 'Hardcoded express-session secret assigned to "secret"'],
    ]);
    const text = JSON.stringify(log);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).not.toContain('snippet');
    // The region covers the value, and identity gets its salted hash.
    const [env, flask, express] = results;
    expect(express!.locations![0]!.physicalLocation!.region).toEqual({ startLine: 5, startColumn: 12, endLine: 5, endColumn: 24 });
    expect(express!.properties![PROP.secretHash]).toBe(secretHash('keyboard cat'));
    expect(env!.properties![PROP.secretHash]).toBe(secretHash('Wint3r-2024-q7'));
    expect(flask!.properties![PROP.framework]).toBe('Flask-JWT-Extended');
    const rule = log.runs[0]!.tool.driver.rules!.find((r) => r.id === express!.ruleId)!;
    expect(rule.properties).toMatchObject({ 'security-severity': '9.0', precision: 'high' });
    expect(rule.properties!.tags).toEqual(expect.arrayContaining(['security', 'secret', 'external/cwe/cwe-798']));
    if (hasShared) expect(validateSarif(log).errors).toEqual([]);
    else sharedNotice('SARIF schema validation of pipewarden-secrets');
  });

  it('reports tests and fixtures only with include_tests, and never reads through a symlink out of the root', async () => {
    const root = await project();
    const uris = (log: Log) => log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri);
    expect(uris(await analyze(root))).not.toContain('test/login.test.js');
    const all = uris(await analyze(root, { include_tests: true }));
    expect(all).toContain('test/login.test.js');
    expect(all).not.toContain('linked.env');
    expect(all).not.toContain('big.yml');
    expect(all).not.toContain('locales/de.json');
  });

  it('runs in a scan: secrets findings with fingerprints, and no value in results.sarif', async () => {
    const root = await project();
    // Feeds from a folder: a scan never reaches off this machine in tests.
    await mkdir(join(root, 'feeds'));
    await writeFile(join(root, 'feeds', 'known_exploited_vulnerabilities.json'), JSON.stringify({ catalogVersion: '1', dateReleased: '2026-11-01T00:00:00.000Z', count: 0, vulnerabilities: [] }));
    const outcome = await runScan(
      { cwd: root, dir: '.', config: {}, stage: 'commit', scanners: ['pipewarden-secrets'], outDir: 'out', env: {}, feedsDir: 'feeds' },
      { exec: nodeExec, log: () => undefined },
    );
    expect(outcome.findings.map((f) => [f.category, f.ruleId, f.location?.uri])).toEqual(
      expect.arrayContaining([['secrets', 'pipewarden-secrets/framework-session-secret', 'server.js']]),
    );
    expect(outcome.findings.every((f) => f.fingerprint)).toBe(true);
    const sarif = await readFile(join(root, 'out', 'results.sarif'), 'utf8');
    for (const secret of SECRETS) expect(sarif).not.toContain(secret);
  });
});

// Measured on real applications (docs/scanners.md#pipewarden-secrets): what it finds there, and that the
// benchmarks' stand-in credentials stay quiet.
describe.skipIf(!hasShared)('pipewarden-secrets on the SAST corpus', () => {
  it('Juice Shop: the cookie-parser secret, the JWT private key, the HMAC key (and their copies in the code-fix snippets)', async () => {
    const log = await analyze(join(sharedDir, 'sast-corpus', 'juice-shop'));
    const places = log.runs[0]!.results!.map((r) => `${r.ruleId!.split('/')[1]} ${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine}`);
    expect(places.filter((p) => !p.includes('codefixes/'))).toEqual([
      'generic-secret lib/insecurity.ts:21',
      'hardcoded-crypto-key lib/insecurity.ts:42',
      'framework-session-secret server.ts:289',
    ]);
    expect(places.filter((p) => p.includes('codefixes/')).every((p) => p.startsWith('framework-session-secret'))).toBe(true);
  });

  it("php-sard: 2,487 mysql_connect() calls with the suite's 'mysql_password' stand-in, none reported", async () => {
    const log = await analyze(join(sharedDir, 'sast-corpus', 'php-sard'));
    expect(log.runs[0]!.results).toEqual([]);
  }, 60_000);
});
sharedNotice('pipewarden-secrets on the SAST corpus');
