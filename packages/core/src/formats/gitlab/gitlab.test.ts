import { describe, expect, it } from 'vitest';
import { PROP, prop } from '../../sarif/props.js';
import { corpusSuite } from '../corpus-harness.js';
import { detectFormat } from '../registry.js';
import type { InputDocument } from '../types.js';
import { zap } from '../zap/index.js';
import { gitlab } from './index.js';

const count = (text: string) => (JSON.parse(text) as { vulnerabilities: unknown[] }).vulnerabilities.length;
for (const folder of ['gitlab_sast', 'gitlab_dep_scan', 'gitlab_container_scan']) corpusSuite({ folder, format: 'gitlab', count });

corpusSuite({
  folder: 'gitlab_dast',
  format: 'gitlab',
  // empty_with_error.json in this folder is yarn audit's JSON Lines output, tested with that format.
  include: (name) => name !== 'empty_with_error.json',
  count,
});

corpusSuite({
  folder: 'gitlab_secret_detection_report',
  format: 'gitlab',
  count,
  secrets: (text) => (JSON.parse(text) as { vulnerabilities: { raw_source_code_extract?: string }[] }).vulnerabilities.map((v) => v.raw_source_code_extract ?? '').filter((s) => s.length > 4),
});

/** ZAP's traditional JSON report, as GitLab's ZAP-based DAST analyzer embedded it in gl-dast-report.json. */
const zapSite = [
  {
    '@name': 'http://goat:8080',
    '@host': 'goat',
    '@port': '8080',
    '@ssl': 'false',
    alerts: [{ pluginid: '10010', alert: 'Cookie No HttpOnly Flag', riskcode: '1', confidence: '2', instances: [{ uri: 'http://goat:8080/WebGoat/logout', method: 'GET', param: 'JSESSIONID' }] }],
  },
];
const dastVulnerability = {
  category: 'dast',
  confidence: 'medium',
  cve: '10010',
  description: 'A cookie has been set without the HttpOnly flag.',
  evidence: {
    request: { headers: [{ name: 'Cookie', value: 'JSESSIONID=BB38BE6D77E83FA7522D1429AA5F2EAF' }], method: 'GET', url: 'http://goat:8080/WebGoat/logout', body: 'password=hunter2' },
    response: { headers: [{ name: 'Set-Cookie', value: 'JSESSIONID=1624E8274D30BB5A029F5A18BB7E4400; Path=/WebGoat' }], reason_phrase: 'Found', status_code: 302 },
    summary: 'Set-Cookie: JSESSIONID',
    supporting_messages: [{ name: 'Recorded', request: { headers: [{ name: 'Authorization', value: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig' }], method: 'GET', url: 'http://goat:8080/WebGoat/logout' } }],
  },
  identifiers: [{ name: 'Cookie No HttpOnly Flag', type: 'ZAProxy_PluginId', url: 'https://github.com/zaproxy/zaproxy/blob/w2019-01-14/docs/scanners.md', value: '10010' }],
  location: { hostname: 'http://goat:8080', method: 'GET', param: 'JSESSIONID', path: '/WebGoat/logout' },
  message: 'Cookie No HttpOnly Flag',
  scanner: { id: 'zaproxy', name: 'ZAProxy' },
  severity: 'low',
  solution: 'Ensure that the HttpOnly flag is set for all cookies.',
};
const json = (data: unknown): InputDocument => ({ kind: 'json', data });

describe('gitlab format: DAST reports of GitLab\'s ZAP-based analyzer', () => {
  it('is detected with certainty, not as ZAP, whatever version of the report', () => {
    const documents = {
      // GitLab 12-13: ZAP's report, GitLab's vulnerabilities, and a scan without a type.
      legacy: { '@generated': 'Fri, 13 Apr 2018 09:22:01', '@version': '2.7.0', site: zapSite, scan: { scanned_resources: [] }, vulnerabilities: [dastVulnerability], remediations: [] },
      'legacy, nothing found': { '@generated': 'Fri, 13 Apr 2018 09:22:01', '@version': '2.7.0', site: zapSite, scan: { scanned_resources: [] }, vulnerabilities: [], remediations: [], version: '2.3' },
      // Schema 14 and later: a typed scan naming the analyzer and scanner.
      typed: { version: '15.0.6', scan: { type: 'dast', status: 'success', analyzer: { id: 'gitlab-dast', name: 'GitLab DAST' }, scanner: { id: 'zaproxy-browserplus', name: 'ZAP' } }, vulnerabilities: [dastVulnerability] },
      'typed, ZAP report kept': { '@version': 'D-2021-02-22', site: zapSite, scan: { type: 'dast', analyzer: { id: 'gitlab-dast' }, scanner: { id: 'zaproxy' } }, vulnerabilities: [dastVulnerability] },
      'untyped, nothing found': { version: '14.0.0', scan: { analyzer: { id: 'gitlab-dast' }, scanner: { id: 'zaproxy' } }, vulnerabilities: [] },
    };
    for (const [name, data] of Object.entries(documents)) {
      const detection = detectFormat(json(data), 'gl-dast-report.json');
      expect([name, detection.format.id, detection.confidence]).toEqual([name, 'gitlab', 1]);
    }
    // ZAP's own report is still ZAP's; ZAP's parser still reads GitLab's when named with --format zap.
    expect(detectFormat(json({ '@version': '2.11.1', '@generated': 'Mon, 1 Nov 2021', site: zapSite }), 'zap.json').format.id).toBe('zap');
    expect(zap.detect({ document: json(documents.legacy), file: 'x' })).toBeLessThan(gitlab.detect({ document: json(documents.legacy), file: 'x' }));
    expect(zap.parse(json(documents.legacy), { file: 'x' }).runs[0]!.results).toHaveLength(1);
  });

  it('keeps the request line of the evidence, never its headers, bodies or supporting messages', () => {
    const log = gitlab.parse(json({ scan: { type: 'dast', analyzer: { id: 'gitlab-dast' }, scanner: { id: 'zaproxy', name: 'ZAProxy' } }, vulnerabilities: [dastVulnerability] }), { file: 'gl-dast-report.json' });
    const result = log.runs[0]!.results![0]!;
    expect(prop(result.properties, PROP.dast)).toEqual({ url: 'http://goat:8080/WebGoat/logout', method: 'GET', parameter: 'JSESSIONID', evidence: 'Set-Cookie: JSESSIONID', request: 'GET http://goat:8080/WebGoat/logout' });
    const text = JSON.stringify(log);
    for (const secret of ['BB38BE6D77E83FA7522D1429AA5F2EAF', '1624E8274D30BB5A029F5A18BB7E4400', 'hunter2', 'eyJhbGciOiJIUzI1NiJ9']) expect(text).not.toContain(secret);
  });
});
