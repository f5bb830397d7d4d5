import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, InternalError, defaultRegistry, nodeExec, runScan, type AnalyzerScanner, type Log, type Ports } from '@pipewarden/core';

// A package outside core adds a scanner of its own through the registry: the contract the taint engine and
// the dependency matcher use. Its code flows must reach results.sarif and the GitHub upload intact.

const ports: Ports = { exec: nodeExec, log: () => undefined };

/** A toy taint analyzer: a request parameter on one line, the configured sink on another. */
function analyzer(seen: { options?: unknown; feeds?: number }): AnalyzerScanner {
  return {
    kind: 'analyzer',
    id: 'toy-taint',
    title: 'Toy taint analyzer',
    category: 'sast',
    stages: ['commit'],
    format: 'sarif',
    timeoutMs: 30_000,
    installHint: 'built in',
    fileList: true,
    options: z.strictObject({ sink: z.string().min(1) }),
    detect: async () => ({ available: true, version: '1.0.0' }),
    select: (files) => files.filter((f) => f.endsWith('.js')),
    async analyze(target, context) {
      seen.options = target.options;
      seen.feeds = (await context.feeds()).kev?.entries.size ?? -1;
      const sink = String(target.options.sink);
      const results = [];
      for (const file of target.files) {
        const lines = (await readFile(join(target.root, file), 'utf8')).split('\n');
        const source = lines.findIndex((l) => l.includes('req.query')) + 1;
        const use = lines.findIndex((l) => l.includes(sink)) + 1;
        if (!source || !use) continue;
        const at = (line: number, text: string) => ({ location: { physicalLocation: { artifactLocation: { uri: file }, region: { startLine: line } }, message: { text } } });
        results.push({
          ruleId: 'toy/sql-injection',
          level: 'error' as const,
          message: { text: `request parameter reaches ${sink}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: use } } }],
          codeFlows: [{ threadFlows: [{ locations: [at(source, 'request parameter `id`'), at(use, `passed to ${sink}`)] }] }],
        });
      }
      return { version: '2.1.0', runs: [{ tool: { driver: { name: 'Toy taint', rules: [{ id: 'toy/sql-injection', properties: { 'security-severity': '8.8', tags: ['security'] } }] } }, results }] } satisfies Log;
    },
  };
}

async function repo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-analyzer-'));
  await writeFile(join(dir, 'app.js'), "const id = req.query.id;\nconst q = 'SELECT * FROM t WHERE id = ' + id;\ndb.query(q);\n");
  execFileSync('git', ['init', '-q'], { cwd: dir });
  return dir;
}

describe('a scanner registered from outside core', () => {
  it("runs in process, gets its own options and the feeds, and its code flows reach results.sarif and the GitHub SARIF with repository-relative paths", async () => {
    const dir = await repo();
    const seen: { options?: unknown; feeds?: number } = {};
    const feeds = join(dir, 'feeds');
    await import('node:fs/promises').then((fs) => fs.mkdir(feeds));
    await writeFile(join(feeds, 'known_exploited_vulnerabilities.json'), JSON.stringify({ catalogVersion: '1', dateReleased: '2026-11-01T00:00:00.000Z', count: 0, vulnerabilities: [] }));
    const outcome = await runScan(
      { cwd: dir, dir: '.', config: { scanners: { 'toy-taint': { sink: 'db.query' } } }, stage: 'commit', scanners: ['toy-taint'], outDir: 'out', env: process.env, feedsDir: 'feeds' },
      ports,
      defaultRegistry.with(analyzer(seen)),
    );
    expect(seen.options).toEqual({ sink: 'db.query' });
    expect(seen.feeds).toBe(0);
    expect(outcome.scanners).toEqual([expect.objectContaining({ id: 'toy-taint', status: 'ran', findings: 1 })]);
    const results = JSON.parse(await readFile(join(dir, 'out', 'results.sarif'), 'utf8')) as Log;
    const flow = results.runs[0]!.results![0]!.codeFlows![0]!.threadFlows[0]!.locations!.map((l) => [l.location!.physicalLocation!.artifactLocation!.uri, l.location!.physicalLocation!.region!.startLine, l.location!.message!.text]);
    expect(flow).toEqual([
      ['app.js', 1, 'request parameter `id`'],
      ['app.js', 3, 'passed to db.query'],
    ]);
    expect(results.runs[0]!.results![0]!.codeFlows![0]!.threadFlows[0]!.locations![0]!.location!.physicalLocation!.artifactLocation!.uriBaseId).toBe('%SRCROOT%');
    const github = await readdir(join(dir, 'out', 'github'));
    const upload = JSON.parse(await readFile(join(dir, 'out', 'github', github[0]!), 'utf8')) as Log;
    expect(upload.runs[0]!.results![0]!.codeFlows![0]!.threadFlows[0]!.locations!.map((l) => l.location!.physicalLocation!.region!.startLine)).toEqual([1, 3]);
  });

  it('its options are checked against its own schema, every problem with its path; an option of a scanner without options is refused', async () => {
    const dir = await repo();
    const registry = defaultRegistry.with(analyzer({}));
    const bad = runScan({ cwd: dir, dir: '.', config: { scanners: { 'toy-taint': { sink: '', extra: 1 }, shellcheck: { severity: 'x' } } }, configFile: 'ci/pipewarden.yml', stage: 'commit', scanners: ['toy-taint'], outDir: 'out', env: process.env }, ports, registry);
    await expect(bad).rejects.toBeInstanceOf(ConfigError);
    const error = (await bad.catch((e: unknown) => e)) as ConfigError;
    expect(error.file).toBe('ci/pipewarden.yml');
    expect([...error.problems].sort()).toEqual([
      'scanners.shellcheck.severity: shellcheck has no option "severity" (its options: timeout)',
      'scanners.toy-taint.sink: Too small: expected string to have >=1 characters',
      'scanners.toy-taint: Unrecognized key: "extra"',
    ]);
  });

  it("an analyzer's own bug ends the run as an internal error, not as a scanner that failed", async () => {
    const dir = await repo();
    const broken: AnalyzerScanner = { ...analyzer({}), options: undefined, analyze: async () => (undefined as unknown as { runs: never[] }).runs as never };
    const run = runScan({ cwd: dir, dir: '.', config: {}, stage: 'commit', scanners: ['toy-taint'], outDir: 'out', env: process.env }, ports, defaultRegistry.with(broken));
    await expect(run).rejects.toBeInstanceOf(InternalError);
    await expect(run).rejects.toThrow(/internal error in the toy-taint analyzer/);
  });

  it('an id already taken is refused: one id, one scanner', () => {
    expect(() => defaultRegistry.with({ ...analyzer({}), id: 'shellcheck' })).toThrow(/two scanners have the id "shellcheck"/);
  });
});
