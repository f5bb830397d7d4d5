// No corpus holds code scanning alert lists; these tests use alerts shaped as GitHub's REST API documents them
// (GET /repos/{owner}/{repo}/code-scanning/alerts, and /orgs/{org}/code-scanning/alerts with "repository").
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedNotice } from '../../../../../test-support/shared.js';
import { validateSarif } from '../../../../../test-support/sarif-schema.js';
import { InputError } from '../../errors.js';
import { PROP, prop } from '../../sarif/props.js';
import { githubVulnerability } from '../github-vulnerability/index.js';
import { detectFormat, readReport } from '../registry.js';
import type { InputDocument } from '../types.js';
import { githubCodeScanning } from './index.js';

type Obj = Record<string, unknown>;

function alert(number: number, overrides: Obj = {}, rule: Obj = {}): Obj {
  return {
    number,
    created_at: '2024-03-11T09:14:27Z',
    url: `https://api.github.com/repos/octo-org/storefront/code-scanning/alerts/${number}`,
    html_url: `https://github.com/octo-org/storefront/security/code-scanning/${number}`,
    state: 'open',
    fixed_at: null,
    dismissed_by: null,
    dismissed_at: null,
    dismissed_reason: null,
    dismissed_comment: null,
    rule: { id: 'js/sql-injection', severity: 'error', description: 'Database query built from user-controlled sources', name: 'js/sql-injection', tags: ['external/cwe/cwe-089', 'security'], security_severity_level: 'high', ...rule },
    tool: { name: 'CodeQL', guid: null, version: '2.17.2' },
    most_recent_instance: {
      ref: 'refs/heads/main',
      analysis_key: '.github/workflows/codeql.yml:analyze',
      category: '/language:javascript-typescript',
      state: 'open',
      commit_sha: '5b0d8a1c3f9e2d7b6a4c8e0f1d2a3b4c5d6e7f80',
      message: { text: 'This query string depends on a user-provided value.' },
      location: { path: 'src/routes/orders.js', start_line: 58, end_line: 58, start_column: 23, end_column: 71 },
      classifications: [],
    },
    instances_url: `https://api.github.com/repos/octo-org/storefront/code-scanning/alerts/${number}/instances`,
    ...overrides,
  };
}

const json = (data: unknown): InputDocument => ({ kind: 'json', data });
const parse = (data: unknown) => githubCodeScanning.parse(json(data), { file: 'alerts.json' });

/** A Dependabot alert of the REST API, which is also an array of alerts with a number and a state. */
const dependabot = {
  number: 2,
  state: 'open',
  dependency: { package: { ecosystem: 'npm', name: 'lodash' }, manifest_path: 'package-lock.json', scope: 'runtime' },
  security_advisory: { ghsa_id: 'GHSA-35jh-r3h4-6jhm', cve_id: 'CVE-2021-23337', severity: 'high' },
  security_vulnerability: { package: { ecosystem: 'npm', name: 'lodash' }, severity: 'high', vulnerable_version_range: '< 4.17.21' },
  html_url: 'https://github.com/octo-org/storefront/security/dependabot/2',
};

sharedNotice('the GitHub code scanning schema check');

describe('github-code-scanning format', () => {
  it('claims code scanning alert lists, and not Dependabot, secret scanning or GraphQL alerts', () => {
    expect(githubCodeScanning.detect({ document: json([alert(1)]), file: 'x' })).toBe(1);
    expect(githubCodeScanning.detect({ document: json([dependabot]), file: 'x' })).toBe(0);
    expect(githubCodeScanning.detect({ document: json([{ number: 3, state: 'open', secret_type: 'github_personal_access_token', secret: 'ghp_x' }]), file: 'x' })).toBe(0);
    expect(githubCodeScanning.detect({ document: json({ data: { repository: { vulnerabilityAlerts: { nodes: [] } } } }), file: 'x' })).toBe(0);
    expect(githubVulnerability.detect({ document: json([alert(1)]), file: 'x' })).toBe(0);
    expect(detectFormat(json([alert(1), alert(2)]), 'alerts.json').format.id).toBe('github-code-scanning');
  });

  it('reads the pages of `gh api --paginate` (arrays one after another), of --slurp (an array of pages) and of --jq \'.[]\' (an alert a line)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-gh-cs-'));
    const paginated = join(dir, 'paginated.json');
    await writeFile(paginated, `${JSON.stringify([alert(1)])}${JSON.stringify([alert(2), alert(3)])}\n`);
    const read = await readReport(paginated);
    expect(read.format).toBe('github-code-scanning');
    expect(read.log.runs[0]!.results!.map((r) => prop(r.properties, PROP.alertNumber))).toEqual([1, 2, 3]);
    const slurped = join(dir, 'slurped.json');
    await writeFile(slurped, JSON.stringify([[alert(1)], [alert(2)]]));
    expect((await readReport(slurped)).log.runs[0]!.results).toHaveLength(2);
    const lines = join(dir, 'alerts.jsonl');
    await writeFile(lines, `${JSON.stringify(alert(7))}\n${JSON.stringify(alert(8))}\n`);
    const perLine = await readReport(lines);
    expect([perLine.format, perLine.log.runs[0]!.results!.length]).toEqual(['github-code-scanning', 2]);
  });

  it('maps the security severity level to security-severity, and keeps the rule\'s level for alerts without one', () => {
    const log = parse([
      alert(1, {}, { security_severity_level: 'critical' }),
      alert(2, {}, { id: 'js/xss', security_severity_level: 'medium' }),
      alert(3, {}, { id: 'js/weak-crypto', security_severity_level: 'low' }),
      alert(4, {}, { id: 'js/unused-local-variable', severity: 'note', security_severity_level: null, tags: ['maintainability'] }),
    ]);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((r) => r.properties?.['security-severity'])).toEqual(['9.5', '5.5', '3.0', undefined]);
    expect(run.results!.map((r) => r.level)).toEqual(['error', 'warning', 'note', 'note']);
    expect(run.tool.driver.rules![0]!.properties?.tags).toEqual(['security', 'external/cwe/cwe-89']);
    expect(prop(run.tool.driver.rules![0]!.properties, PROP.cwe)).toEqual(['CWE-89']);
  });

  it('locates each alert, links it, and dates it from when GitHub first saw it', () => {
    const result = parse([alert(42)]).runs[0]!.results![0]!;
    expect(result.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'src/routes/orders.js' }, region: { startLine: 58, endLine: 58, startColumn: 23, endColumn: 71 } });
    expect(result.hostedViewerUri).toBe('https://github.com/octo-org/storefront/security/code-scanning/42');
    expect(result.provenance?.firstDetectionTimeUtc).toBe('2024-03-11T09:14:27.000Z');
    expect(result.properties).toMatchObject({ [PROP.alertNumber]: 42, [PROP.alertState]: 'open', [PROP.commit]: '5b0d8a1c3f9e2d7b6a4c8e0f1d2a3b4c5d6e7f80', [PROP.category]: 'sast' });
  });

  it('keeps dismissed alerts as accepted external suppressions with the reason, who and why', () => {
    const result = parse([alert(37, { state: 'dismissed', dismissed_reason: "won't fix", dismissed_by: { login: 'octocat' }, dismissed_comment: ' Internal tool only. ' })]).runs[0]!.results![0]!;
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: "dismissed on GitHub as won't fix by octocat: Internal tool only." }]);
  });

  it('leaves fixed alerts out (the API\'s old "closed" without a reason too), keeping their tool\'s run', () => {
    const log = parse([
      alert(1, { state: 'fixed', fixed_at: '2024-04-01T10:00:00Z' }),
      alert(2, { state: 'closed' }),
      alert(3, { state: 'closed', dismissed_reason: 'false positive' }),
      alert(4, { state: 'fixed', tool: { name: 'Semgrep OSS', guid: null, version: '1.70.0' } }),
    ]);
    expect(log.runs.map((run) => [run.tool.driver.name, run.results!.map((r) => prop(r.properties, PROP.alertNumber))])).toEqual([
      ['CodeQL', [3]],
      ['Semgrep OSS', []],
    ]);
    expect(log.runs[0]!.results![0]!.suppressions![0]!.justification).toBe('dismissed on GitHub as false positive');
  });

  it('makes one run per tool, and per repository for an organization\'s list', () => {
    const semgrep = { tool: { name: 'Semgrep OSS', guid: null, version: '1.70.0' } };
    const log = parse([
      alert(1, { repository: { full_name: 'octo-org/storefront' } }),
      alert(1, { repository: { full_name: 'octo-org/billing' } }),
      alert(2, { repository: { full_name: 'octo-org/storefront' }, ...semgrep }),
      alert(5, { repository: { full_name: 'octo-org/storefront' } }),
    ]);
    expect(log.runs.map((run) => [run.tool.driver.name, run.results!.map((r) => `${prop(r.properties, PROP.repository)}#${prop(r.properties, PROP.alertNumber)}`)])).toEqual([
      ['CodeQL', ['octo-org/storefront#1', 'octo-org/storefront#5']],
      ['CodeQL', ['octo-org/billing#1']],
      ['Semgrep OSS', ['octo-org/storefront#2']],
    ]);
  });

  it('refuses what is not an alert list, naming the alert', () => {
    expect(() => parse({ alerts: [] })).toThrow(InputError);
    expect(() => parse([alert(1), { number: 2, state: 'open' }])).toThrow(/alert 1 lacks "rule" or "most_recent_instance"/);
  });

  it.skipIf(!hasShared)('writes SARIF the official schema accepts', () => {
    const log = parse([alert(1), alert(2, { state: 'dismissed', dismissed_reason: 'used in tests' }), alert(3, { html_url: undefined, created_at: 'not a date' }, { full_description: 'Full.', help: '# Help', help_uri: 'https://codeql.github.com/codeql-query-help/javascript/js-sql-injection/' })]);
    expect(validateSarif(JSON.parse(JSON.stringify(log))).errors).toEqual([]);
  });
});
