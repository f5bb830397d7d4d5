import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Emitter, RunSummary } from '../model/outputs.js';
import type { ExecRequest, Ports } from '../ports/types.js';
import type { Log } from '../sarif/types.js';
import { createRegistry } from '../scanners/registry.js';
import type { CommandScanner } from '../scanners/types.js';
import { runPipeline } from './run.js';

// The pipeline alone, with fake ports: no git, no tool, no renderer. What a platform sees is what it asks for.

function fakePorts(): Ports & { calls: ExecRequest[]; lines: string[] } {
  const calls: ExecRequest[] = [];
  const lines: string[] = [];
  return {
    calls,
    lines,
    log: (level, message) => lines.push(`${level}: ${message}`),
    async exec(request) {
      calls.push(request);
      if (request.command === 'git') return { exitCode: 128, stdout: '', stderr: 'not a git repository', timedOut: false, notFound: false, durationMs: 1 };
      // The fake tool writes a SARIF log with one finding per file it was given.
      const out = request.args[request.args.indexOf('--out') + 1]!;
      const files = request.args.slice(request.args.indexOf('--') + 1);
      const log: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Fake', rules: [{ id: 'fake/eval', properties: { 'security-severity': '8.8' } }] } }, results: files.map((uri) => ({ ruleId: 'fake/eval', level: 'error' as const, message: { text: 'eval of input' }, locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }] })) }] };
      await writeFile(out, JSON.stringify(log));
      return { exitCode: 1, stdout: '', stderr: '', timedOut: false, notFound: false, durationMs: 5 };
    },
  };
}

const fake: CommandScanner = {
  kind: 'command',
  id: 'fake',
  title: 'Fake scanner',
  category: 'sast',
  stages: ['commit'],
  format: 'sarif',
  timeoutMs: 10_000,
  installHint: 'none',
  detect: async () => ({ available: true, version: '1.0.0' }),
  select: (files) => files.filter((f) => f.endsWith('.js')),
  command: (target) => ({ command: 'fake', args: ['--out', target.outputFile, '--', ...target.files], cwd: target.root, output: 'file' }),
  exitMeaning: (code) => (code <= 1 ? 'findings' : 'error'),
};

describe('the pipeline with fake ports', () => {
  it('runs the registry\'s scanners through the exec port, hands the verdict and findings to the emitter, and exits by the gate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-pipeline-'));
    await writeFile(join(dir, 'a.js'), 'eval(x)\n');
    await writeFile(join(dir, 'b.js'), 'eval(y)\n');
    await writeFile(join(dir, 'README.md'), 'docs\n');
    const ports = fakePorts();
    const emitted: { summary?: RunSummary; log?: Log } = {};
    const emit: Emitter = async (log, summary, outDir) => {
      emitted.summary = summary;
      emitted.log = log;
      return { sarif: join(outDir, 'results.sarif'), summary: '', gitlab: [], junit: '', json: '', html: '', github: [], githubDir: '' };
    };
    const outcome = await runPipeline({ cwd: dir, dir: '.', config: {}, stage: 'commit', outDir: 'out', env: {} }, ports, { registry: createRegistry([fake]), emit });
    const tool = ports.calls.find((c) => c.command === 'fake')!;
    expect(tool.args.slice(tool.args.indexOf('--') + 1).sort()).toEqual(['a.js', 'b.js']);
    expect(emitted.summary!.findings.map((f) => f.location?.uri).sort()).toEqual(['a.js', 'b.js']);
    expect(emitted.summary!.verdict.status).toBe('fail');
    expect(emitted.log!.properties?.['pipewarden/verdict']).toMatchObject({ status: 'fail' });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.scanners).toEqual([expect.objectContaining({ id: 'fake', status: 'ran', findings: 2 })]);
    expect(ports.lines.some((line) => /^info: fake: ran, 2 findings in \d+\.\d s$/.test(line))).toBe(true);
  });

  it('refuses options a platform got wrong, every problem with its path, before anything runs', async () => {
    const ports = fakePorts();
    const run = runPipeline({ cwd: '', dir: '.', config: {}, stage: 'nightly' as never, outDir: 'out', env: {} }, ports, { registry: createRegistry([fake]), emit: async () => ({}) as never });
    await expect(run).rejects.toThrow(/invalid scan options: cwd: .*; stage: /);
    expect(ports.calls).toEqual([]);
  });
});
