import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from '../sarif/types.js';
import { FINGERPRINT_KEY, identify } from './fingerprint.js';

function logAt(lines: number[]): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ESLint' } },
        results: lines.map((line) => ({
          ruleId: 'security/detect-eval-with-expression',
          message: { text: `eval at ${line}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'app.js', uriBaseId: '%SRCROOT%' }, region: { startLine: line } } }],
        })),
      },
    ],
  };
}

async function fingerprints(source: string, lines: number[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-fp-'));
  await writeFile(join(dir, 'app.js'), source);
  const log = await identify(logAt(lines), { srcRoot: dir });
  return log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
}

describe('fingerprints', () => {
  it('stay the same when the flagged line moves', async () => {
    const [before] = await fingerprints('const a = 1;\neval(input);\n', [2]);
    const [after] = await fingerprints('// a new comment\n\nconst a = 1;\n  eval(input);\n', [4]);
    expect(after).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{32}$/);
  });

  it('tell identical lines apart by occurrence, and change when the line changes', async () => {
    const [first, second] = await fingerprints('eval(input);\neval(input);\n', [1, 2]);
    expect(first).not.toBe(second);
    const [changed] = await fingerprints('eval(other);\n', [1]);
    expect(changed).not.toBe(first);
  });
});
