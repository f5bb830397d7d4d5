import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellcheck } from './index.js';
import { hasTool } from '../../../../../test-support/tools.js';


describe.skipIf(!hasTool('shellcheck', ['--version'], 'apt-get install shellcheck'))('shellcheck format on real shellcheck output', () => {
  it('turns json1 comments into SARIF results with rules, levels and regions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-sc-'));
    await writeFile(join(dir, 'run.sh'), '#!/bin/sh\ncd $1\nrm -rf $DIR/*\n');
    let output = '';
    try {
      execFileSync('shellcheck', ['-f', 'json1', 'run.sh'], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit 1: it found something
    }
    const document = { kind: 'json' as const, data: JSON.parse(output) as unknown };
    expect(shellcheck.detect({ document, file: 'x' })).toBe(1);
    const log = shellcheck.parse(document, { file: 'x' });
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe('ShellCheck');
    const ids = run.results!.map((r) => r.ruleId);
    expect(ids).toContain('SC2164');
    expect(ids).toContain('SC2086');
    const cd = run.results!.find((r) => r.ruleId === 'SC2164')!;
    expect(cd.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('run.sh');
    expect(cd.locations![0]!.physicalLocation!.region!.startLine).toBe(2);
    expect(run.tool.driver.rules![cd.ruleIndex!]!.helpUri).toBe('https://www.shellcheck.net/wiki/SC2164');
  });
});

describe('shellcheck format', () => {
  it('reads the older -f json array too, and refuses comments with missing fields', () => {
    const log = shellcheck.parse({ kind: 'json', data: [{ file: 'a.sh', line: 3, column: 2, level: 'error', code: 1072, message: 'Unexpected' }] }, { file: 'a.json' });
    expect(log.runs[0]!.results![0]!.level).toBe('error');
    expect(() => shellcheck.parse({ kind: 'json', data: { comments: [{ file: 'a.sh', level: 'info' }] } }, { file: 'a.json' })).toThrow(/is not valid ShellCheck JSON: comments\[0\]\.line/);
  });
});
