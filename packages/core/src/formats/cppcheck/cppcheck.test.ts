import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReport } from '../registry.js';
import { hasTool } from '../../../../../test-support/tools.js';


describe.skipIf(!hasTool('cppcheck', ['--version'], 'apt-get install cppcheck'))('cppcheck format on real cppcheck output', () => {
  it('reads defects with CWE, severity and the steps that lead to them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-cppcheck-'));
    await writeFile(join(dir, 'a.c'), 'void f(void) {\n  char *p = 0;\n  *p = 1;\n  int a[3]; a[3] = 0;\n}\n');
    execFileSync('cppcheck', ['--xml', '--xml-version=2', '--output-file=out.xml', '--enable=warning', '--quiet', 'a.c'], { cwd: dir });
    const { format, log } = await readReport(join(dir, 'out.xml'));
    expect(format).toBe('cppcheck');
    const results = log.runs[0]!.results!;
    const nullPointer = results.find((r) => r.ruleId === 'nullPointer')!;
    expect(nullPointer.locations![0]!.physicalLocation!.region!.startLine).toBe(3);
    expect(nullPointer.relatedLocations![0]!.physicalLocation!.region!.startLine).toBe(2);
    expect(nullPointer.properties!['security-severity']).toBe('7.5');
    expect(results.map((r) => r.ruleId).sort()).toEqual(['arrayIndexOutOfBounds', 'nullPointer']);
  });
});
