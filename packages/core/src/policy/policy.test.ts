import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.js';
import { findingsOf } from '../finding.js';
import { prioritize } from '../risk/prioritize.js';
import type { Log, Result } from '../sarif/types.js';
import { applyGate } from './gate.js';
import { MAX_YAML_ALIASES, loadConfigFile, parseConfig } from './load-config.js';

function logOf(results: (Partial<Result> & { score?: string })[], tool = 'tool', category?: string): Log {
  return prioritize({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool } },
        ...(category ? { properties: { 'pipewarden/category': category } } : {}),
        results: results.map(({ score, ...r }, i) => ({
          ruleId: `R${i}`,
          message: { text: 'm' },
          locations: [{ physicalLocation: { artifactLocation: { uri: `f${i}.js` }, region: { startLine: i + 1 } } }],
          ...(score ? { properties: { 'security-severity': score } } : {}),
          ...r,
        })),
      },
    ],
  });
}

describe('the default gate', () => {
  it('fails on a high finding and says which rule and where', () => {
    const verdict = applyGate({ findings: findingsOf(logOf([{ score: '7.5' }, { score: '3.0' }])) });
    expect(verdict.status).toBe('fail');
    expect(verdict.failures).toEqual([
      { rule: 'severity high or worse', index: 1, matched: 1, max: 0, examples: ['f0.js:1'], findings: [{ fingerprint: undefined, ruleId: 'R0', where: 'f0.js:1', risk: 75, priority: 'P1' }] },
    ]);
    expect(verdict.counts.bySeverity).toEqual({ high: 1, low: 1 });
  });

  it('passes medium and low findings', () => {
    expect(applyGate({ findings: findingsOf(logOf([{ score: '6.9' }, { level: 'note' }])) }).status).toBe('pass');
  });

  it('fails on any secret, whatever its severity', () => {
    const verdict = applyGate({ findings: findingsOf(logOf([{ score: '2.0' }], 'gitleaks')) });
    expect(verdict.failures.map((f) => f.rule)).toEqual(['category secrets']);
  });

  it('uses the SARIF level when a tool gives no security-severity', () => {
    expect(applyGate({ findings: findingsOf(logOf([{ level: 'error' }])) }).status).toBe('fail');
    expect(applyGate({ findings: findingsOf(logOf([{ level: 'warning' }])) }).status).toBe('pass');
  });

  it('leaves out suppressed and, in scope new, unchanged findings', () => {
    const findings = findingsOf(
      logOf([
        { score: '9.8', suppressions: [{ kind: 'external', status: 'accepted', justification: 'test fixture' }] },
        { score: '9.8', baselineState: 'unchanged' },
      ]),
    );
    expect(applyGate({ findings }).status).toBe('pass');
    expect(applyGate({ findings, gate: { scope: 'all', on_scanner_error: 'fail' } }).failures[0]!.matched).toBe(1);
  });

  it('tolerates up to max, matches risk and priority, and never fails with mode none', () => {
    const findings = findingsOf(logOf([{ score: '9.1' }, { score: '9.5' }, { score: '5.0' }]));
    const gate = (rules: unknown) => applyGate({ findings, gate: parseConfig({ gate: { rules } }, 'x').gate });
    expect(gate([{ severity: 'critical', max: 2 }]).status).toBe('pass');
    expect(gate([{ severity: 'critical', max: 1 }]).status).toBe('fail');
    expect(gate([{ risk: 95 }]).failures[0]!.matched).toBe(1);
    expect(gate([{ priority: 'P0' }]).failures[0]!.matched).toBe(2);
    expect(gate([{ priority: 'P2' }]).failures[0]!.matched).toBe(3);
    expect(gate([{ scanner: 'tool', severity: 'critical' }]).failures[0]!.matched).toBe(2);
    expect(gate([{ scanner: 'other' }]).status).toBe('pass');
    expect(applyGate({ findings, mode: 'none' }).status).toBe('pass');
  });
});

describe('pipewarden.yml', () => {
  it('accepts the documented shape', () => {
    const config = parseConfig(
      { stages: { commit: { scanners: ['eslint-security'], gate: 'default' } }, gate: { on_scanner_error: 'warn', scope: 'all', rules: [{ severity: 'critical', max: 0 }] } },
      'pipewarden.yml',
    );
    expect(config.gate?.rules?.[0]).toEqual({ severity: 'critical', max: 0 });
  });

  it('reports every problem at once, each with its path', () => {
    let error: unknown;
    try {
      parseConfig({ stages: { nightly: {} }, gate: { rules: [{ severity: 'urgent' }, {}], scop: 'new' } }, 'pipewarden.yml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/stages: unknown key "nightly"/);
    expect(problems).toMatch(/gate\.rules\[0\]\.severity/);
    expect(problems).toMatch(/gate\.rules\[1\]: a gate rule needs at least one of/);
    expect(problems).toMatch(/gate: unknown key "scop"/);
    expect((error as ConfigError).toLine()).toMatch(/^pipewarden\.yml: invalid configuration: /);
  });

  it('names the line of a YAML syntax error and refuses a directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-config-'));
    const file = join(dir, 'pipewarden.yml');
    await writeFile(file, 'gate:\n  rules: [\n');
    await expect(loadConfigFile(file)).rejects.toThrow(/is not valid YAML: .*line \d+, column \d+/);
    await expect(loadConfigFile(dir)).rejects.toThrow(/cannot read config: is a directory/);
  });
});

describe('pipewarden.yml from someone else (the scanned repository\'s own)', () => {
  async function refusal(name: string, text: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'pw-config-'));
    const file = join(dir, name);
    await writeFile(file, text);
    const error = await loadConfigFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const line = (error as ConfigError).toLine();
    expect(line.startsWith(`${file}: `)).toBe(true);
    expect(line).not.toContain('\n');
    return line;
  }

  /** "Billion laughs": each level repeats the one before nine times; nine levels make 387,420,489 strings. */
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

  it('refuses an alias bomb with one line, in bounded memory', async () => {
    const before = process.memoryUsage().heapUsed;
    expect(await refusal('pipewarden.yml', `${bomb}\ngate: { rules: [{ severity: critical }] }\n`)).toMatch(
      new RegExp(`is refused: its aliases repeat anchored content more than ${MAX_YAML_ALIASES} times \\(a YAML "billion laughs" bomb\\)$`),
    );
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('reads the few aliases a config has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-config-'));
    const file = join(dir, 'pipewarden.yml');
    await writeFile(file, 'stages:\n  commit: &fast { scanners: [secretlint], gate: default }\n  precommit: *fast\nexclude: &skip ["docs/**"]\n');
    const config = await loadConfigFile(file);
    expect(config.stages?.precommit).toEqual(config.stages?.commit);
  });

  it('refuses an alias of no anchor, an alias inside its own anchor, and nesting past the parser\'s stack, each with one line', async () => {
    expect(await refusal('unresolved.yml', 'exclude: *nowhere\n')).toMatch(/is not valid YAML: Unresolved alias .*nowhere$/);
    expect(await refusal('cycle.yml', 'scanners:\n  semgrep: &s { timeout: 10, again: *s }\n')).toMatch(/is refused: an alias refers to the anchor it is inside/);
    expect(await refusal('deep.yml', `exclude: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toMatch(/is not valid YAML: /);
  });

  // Speed belongs in the benchmark: the test's own time-out only catches the hang the `yaml` package's alias
  // resolution used to cause (minutes), not a slow machine.
  it('refuses a file of thousands of aliases, and a map of 40,000 keys, without resolving them', async () => {
    // Half a megabyte each; the `yaml` package's own unique-key check took 11 s for the keys, its alias resolution minutes.
    const chain = ['a0: &a0 [1]', ...Array.from({ length: 19_999 }, (_, k) => `a${k + 1}: &a${k + 1} [*a${k}]`)].join('\n');
    const keys = Array.from({ length: 40_000 }, (_, k) => `k${k}: ${k}`).join('\n');
    expect(Math.max(chain.length, keys.length)).toBeLessThan(600_000);
    expect(await refusal('chain.yml', chain)).toMatch(/is refused: it has 19999 YAML aliases, more than the 100 a config may have$/);
    expect(await refusal('keys.yml', keys)).toMatch(/invalid configuration: \(root\): unknown keys "k0", "k1", "k2", "k3", "k4" and 39995 more$/);
  }, 120_000);

  it('still refuses a key given twice, with its line and column', async () => {
    expect(await refusal('twice.yml', 'gate:\n  scope: new\n  scope: all\nexclude: []\nexclude: [a]\n')).toMatch(
      /is not valid YAML: Map keys must be unique at line 3, column 3; Map keys must be unique at line 5, column 1$/,
    );
  });
});

describe('the shipped JSON Schema', () => {
  it('is the one generated from the zod schema (regenerate: node packages/cli/dist/cli.js schema > packages/core/pipewarden.schema.json)', async () => {
    const { readFile: read } = await import('node:fs/promises');
    const { configJsonSchema } = await import('./json-schema.js');
    const shipped = JSON.parse(await read(new URL('../../pipewarden.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(configJsonSchema());
  });
});

describe('stage profiles', () => {
  it('a stage can bring its own gate rules', async () => {
    const { stageGate } = await import('../pipeline/assess.js');
    const config = parseConfig({ gate: { rules: [{ severity: 'high' }] }, stages: { production: { rules: [{ kev: true }] } } }, 'x');
    expect(stageGate(config, 'production')?.rules).toEqual([{ kev: true, max: 0 }]);
    expect(stageGate(config, 'commit')?.rules).toEqual([{ severity: 'high', max: 0 }]);
  });
});
