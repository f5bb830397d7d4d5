import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeReport } from './normalize.js';

describe('normalize', () => {
  it('makes URIs relative to %SRCROOT% and leaves no absolute path of the runner behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pw-norm-'));
    const scanned = join(root, 'services', 'api');
    const abs = pathToFileURL(join(scanned, 'src', 'my file.js')).href;
    const report = join(root, 'r.sarif');
    await writeFile(
      report,
      JSON.stringify({
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: 'ESLint' } },
            artifacts: [{ location: { uri: abs } }],
            results: [
              { message: { text: 'a' }, locations: [{ physicalLocation: { artifactLocation: { uri: abs, index: 0 } } }] },
              { message: { text: 'b' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'lib/x.js' } } }] },
              { message: { text: 'c' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///etc/passwd' } } }] },
            ],
          },
        ],
      }),
    );
    const { log } = await normalizeReport({ file: report }, { baseDir: scanned, srcRoot: root });
    const uris = log.runs[0]!.results!.map((r) => r.locations![0]!.physicalLocation!.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'services/api/src/my%20file.js', uriBaseId: '%SRCROOT%', index: 0 });
    expect(uris[1]).toEqual({ uri: 'services/api/lib/x.js', uriBaseId: '%SRCROOT%' });
    // Outside the source root: left as the tool wrote it, and not claimed to be under %SRCROOT%.
    expect(uris[2]).toEqual({ uri: 'file:///etc/passwd' });
    expect(JSON.stringify(log)).not.toContain(root);
    expect(log.runs[0]!.artifacts![0]!.location!.uri).toBe('services/api/src/my%20file.js');
  });
});
