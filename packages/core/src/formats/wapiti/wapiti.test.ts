import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSuite } from '../corpus-harness.js';
import { readReport } from '../registry.js';

corpusSuite({
  folder: 'wapiti',
  format: 'wapiti',
  count: (text) => (text.replace(/<!--[\s\S]*?-->/g, '').match(/<entry>/g) ?? []).length,
});

describe('wapiti JSON', () => {
  it('reads entries per vulnerability with URL, method, parameter and the request line (never its headers)', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pw-wapiti-')), 'wapiti.json');
    await writeFile(
      file,
      JSON.stringify({
        vulnerabilities: { 'SQL Injection': [{ method: 'GET', path: '/item', info: 'SQL Injection via injection in the parameter id', level: 4, parameter: 'id', http_request: 'GET /item?id=1%27 HTTP/1.1\nCookie: session=topsecret' }], 'Cross Site Scripting': [] },
        anomalies: { 'Internal Server Error': [{ method: 'GET', path: '/item', info: 'The server responded with a 500', level: 3, parameter: 'id' }] },
        classifications: { 'SQL Injection': { desc: 'SQLi', sol: 'Use prepared statements', ref: { 'CWE-89: Improper Neutralization': 'https://cwe.mitre.org/data/definitions/89.html' } } },
        infos: { target: 'http://127.0.0.1:3000/', version: 'Wapiti 3.1.8' },
      }),
    );
    const { format, log } = await readReport(file);
    expect(format).toBe('wapiti');
    const [sqli, anomaly] = log.runs[0]!.results!;
    expect(sqli!.properties?.['pipewarden/dast']).toEqual({ url: 'http://127.0.0.1:3000/item', method: 'GET', parameter: 'id', evidence: 'SQL Injection via injection in the parameter id', request: 'GET /item?id=1%27 HTTP/1.1' });
    expect(sqli!.properties?.['security-severity']).toBe('8.0');
    expect(anomaly!.ruleId).toBe('wapiti/internal-server-error');
    expect(JSON.stringify(log)).not.toContain('topsecret');
  });
});
