import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSuite } from '../corpus-harness.js';
import { readReport } from '../registry.js';

corpusSuite({
  folder: 'zap',
  format: 'zap',
  // One result per instance (URL, method, parameter); an alert without instances is one result.
  count: (text) =>
    [...text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<alertitem>([\s\S]*?)<\/alertitem>/g)].reduce((n, m) => n + Math.max(1, (m[1]!.match(/<instance>/g) ?? []).length), 0),
});

describe('zap traditional JSON', () => {
  it('reads the JSON report like the XML one', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pw-zap-')), 'zap.json');
    await writeFile(
      file,
      JSON.stringify({
        '@programName': 'ZAP',
        '@version': '2.14.0',
        site: [
          {
            '@name': 'http://127.0.0.1:3000',
            alerts: [
              {
                pluginid: '40012',
                alertRef: '40012',
                name: 'Cross Site Scripting (Reflected)',
                riskcode: '3',
                confidence: '2',
                desc: '<p>XSS</p>',
                instances: [{ uri: 'http://127.0.0.1:3000/search?q=%3Cscript%3E', method: 'GET', param: 'q', attack: '<script>alert(1)</script>', evidence: '<script>alert(1)</script>' }],
                cweid: '79',
              },
            ],
          },
        ],
      }),
    );
    const { format, log } = await readReport(file);
    expect(format).toBe('zap');
    const result = log.runs[0]!.results![0]!;
    expect(result.ruleId).toBe('zap/40012');
    expect(result.properties?.['pipewarden/dast']).toMatchObject({ method: 'GET', parameter: 'q' });
    expect(result.properties?.['security-severity']).toBe('8.0');
  });
});
