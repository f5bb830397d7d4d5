import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertReports } from '../pipeline/convert.js';
import { PROP } from '../sarif/props.js';
import { leavesRoot } from '../sarif/uri.js';
import { LINE_HASH_KEY } from './fingerprint.js';

describe('a location outside the scanned root', () => {
  it('is told by its letters: "..", percent-encoded or not, an absolute path, a file: URI', () => {
    for (const uri of ['../outside.js', '%2e%2e/outside.js', '%2E%2E%2Foutside.js', 'src/../../outside.js', '/etc/passwd', 'file:///etc/passwd', 'C:/Windows/win.ini', '..\\x.js']) {
      expect(leavesRoot({ uri }), uri).toBe(true);
      expect(leavesRoot({ uri, uriBaseId: '%SRCROOT%' }), uri).toBe(true);
    }
    for (const uri of ['src/app.js', 'src/../app.js', './app.js', 'a%20b.js', 'https://example.com/x']) expect(leavesRoot({ uri }), uri).toBe(false);
    // Another base is another tool's root: not ours to judge.
    expect(leavesRoot({ uri: '../x.js', uriBaseId: '%BUILDROOT%' })).toBe(false);
  });

  it('keeps its location as given, marked outside, with nothing read: no line hash, no code window', async () => {
    const base = await mkdtemp(join(tmpdir(), 'pw-outside-'));
    const root = join(base, 'repo');
    await mkdir(join(root, 'src'), { recursive: true });
    await writeFile(join(base, 'outside.js'), 'eval(input);\n');
    await writeFile(join(root, 'src', 'app.js'), 'eval(input);\n');
    await symlink(join(base, 'outside.js'), join(root, 'src', 'link.js'));
    await symlink(base, join(root, 'up'));
    if (process.platform !== 'win32') execFileSync('mkfifo', [join(root, 'src', 'pipe.js')]);
    const uris = ['../outside.js', '%2e%2e/outside.js', '/etc/passwd', 'file:///etc/passwd', 'src/link.js', 'up/outside.js', 'src/pipe.js', 'src/app.js'];
    const report = join(root, 'in.sarif');
    await writeFile(
      report,
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'Probe', rules: [{ id: 'eval' }] } },
            results: uris.map((uri, i) => ({ ruleId: 'eval', message: { text: `finding ${i}` }, locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }] })),
          },
        ],
      }),
    );
    const started = Date.now();
    const log = await convertReports({ reports: [{ file: report }], baseDir: root });
    expect(Date.now() - started).toBeLessThan(5000);
    const results = log.runs[0]!.results!;
    const byMessage = new Map(results.map((r) => [r.message.text!, r]));
    for (const [i, uri] of uris.entries()) {
      const result = byMessage.get(`finding ${i}`)!;
      const outside = i < 6;
      expect(result.properties?.[PROP.outsideRoot], uri).toBe(outside ? true : undefined);
      // The FIFO is inside the root but not a regular file: not read either, and not "outside".
      expect(result.partialFingerprints?.[LINE_HASH_KEY] !== undefined, uri).toBe(uri === 'src/app.js');
    }
    // Kept as the report wrote them (what was outside was not made relative to the root).
    expect(results.map((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri)).toEqual(['../outside.js', '%2e%2e/outside.js', '/etc/passwd', 'file:///etc/passwd', 'src/link.js', 'up/outside.js', 'src/pipe.js', 'src/app.js']);
  });
});
