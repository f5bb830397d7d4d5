import { describe, expect, it } from 'vitest';
import { PROP, prop } from '../../sarif/props.js';
import { corpusSuite } from '../corpus-harness.js';
import { semgrep } from './index.js';

corpusSuite({
  folder: 'semgrep',
  format: 'semgrep',
  count: (text) => (JSON.parse(text) as { results: unknown[] }).results.length,
  // Matched code lines can hold secrets; none may be copied.
  secrets: (text) =>
    (JSON.parse(text) as { results: { check_id: string; extra: { lines?: string } }[] }).results
      .filter((r) => /secret|password|token|key/i.test(r.check_id) && r.extra.lines && r.extra.lines.trim().length > 8 && r.extra.lines !== 'requires login')
      .map((r) => r.extra.lines!.trim()),
});

/** A Semgrep Supply Chain result as semgrep_output_v1.atd (cli_match, sca_info) and Semgrep's docs describe it. */
function scaResult(sca: Record<string, unknown>, extra: Record<string, unknown> = {}, at: Record<string, unknown> = {}) {
  return {
    check_id: 'ssc-0b7e2f64-93d1-4c58-a0e6-7f4d2c9b1a35',
    path: 'web/package-lock.json',
    start: { line: 8731, col: 1, offset: 0 },
    end: { line: 8731, col: 1, offset: 0 },
    ...at,
    extra: {
      message: "Affected versions of lodash are vulnerable to Improper Neutralization of Special Elements used in a Command ('Command Injection').",
      metadata: {
        cve: 'CVE-2021-23337',
        ghsa: 'GHSA-35jh-r3h4-6jhm',
        cwe: ["CWE-77: Improper Neutralization of Special Elements used in a Command ('Command Injection')"],
        references: ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm'],
        'sca-fix-versions': [{ lodash: '4.17.21' }],
        'sca-kind': 'reachable',
        'sca-severity': 'HIGH',
        'sca-vuln-database-identifier': 'CVE-2021-23337',
      },
      severity: 'ERROR',
      fingerprint: 'requires login',
      lines: '    "node_modules/lodash": {',
      is_ignored: false,
      sca_info: {
        reachability_rule: true,
        sca_finding_schema: 20220913,
        reachable: false,
        ...sca,
        dependency_match: {
          dependency_pattern: { ecosystem: 'npm', package: 'lodash', semver_range: '< 4.17.21' },
          found_dependency: { package: 'lodash', version: '4.17.20', ecosystem: 'npm', allowed_hashes: {}, transitivity: 'transitive', lockfile_path: 'web/package-lock.json', line_number: 8731 },
          lockfile: 'web/package-lock.json',
          ...(sca.dependency_match as Record<string, unknown> | undefined),
        },
      },
      ...extra,
    },
  };
}

const semgrepLog = (...results: unknown[]) => semgrep.parse({ kind: 'json', data: { version: '1.122.0', results, errors: [], paths: { scanned: [] } } }, { file: 'semgrep.json' });

describe('semgrep format: Supply Chain results', () => {
  it('makes a dependency finding at the lockfile line, with the advisory as its rule and the package facts', () => {
    const result = semgrepLog(scaResult({})).runs[0]!.results![0]!;
    expect(result.ruleId).toBe('CVE-2021-23337');
    expect(result.level).toBe('error');
    expect(result.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'web/package-lock.json' }, region: { startLine: 8731 } });
    expect(result.relatedLocations).toBeUndefined();
    expect(prop(result.properties, PROP.category)).toBe('sca');
    expect(prop(result.properties, PROP.package)).toEqual({ name: 'lodash', version: '4.17.20', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.20', fixedVersions: ['4.17.21'], reachable: false });
    expect(prop(result.properties, PROP.ids)).toEqual(expect.arrayContaining(['CVE-2021-23337', 'GHSA-35jh-r3h4-6jhm', 'CWE-77']));
    expect(prop(result.properties, PROP.direct)).toBe(false);
    expect(result.message.text).toBe("lodash 4.17.20 is affected by CVE-2021-23337 (fixed in 4.17.21): Affected versions of lodash are vulnerable to Improper Neutralization of Special Elements used in a Command ('Command Injection').");
  });

  it('locates a reachable finding at the lockfile too, with the call into the vulnerable code as a related location', () => {
    const result = semgrepLog(scaResult({ reachable: true }, {}, { path: 'web/src/render.js', start: { line: 14, col: 10 }, end: { line: 14, col: 42 } })).runs[0]!.results![0]!;
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('web/package-lock.json');
    expect(result.relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'web/src/render.js' }, region: { startLine: 14, endLine: 14, startColumn: 10, endColumn: 42 } },
        message: { text: 'lodash CVE-2021-23337: the vulnerable code is reached here' },
      },
    ]);
    expect(prop(result.properties, PROP.package)?.reachable).toBe(true);
    expect(result.message.text).toMatch(/\(fixed in 4\.17\.21, vulnerable code reachable\)/);
  });

  it('says nothing of reachability when Semgrep had no reachability rule, and reads GHSA-only advisories', () => {
    const metadata = { 'sca-vuln-database-identifier': 'GHSA-2c4m-59x9-fr2g', ghsa: 'GHSA-2c4m-59x9-fr2g', 'sca-severity': 'MODERATE', 'sca-fix-versions': [] };
    const result = semgrepLog(scaResult({ reachability_rule: false }, { metadata })).runs[0]!.results![0]!;
    expect(result.ruleId).toBe('GHSA-2c4m-59x9-fr2g');
    expect(result.level).toBe('warning');
    expect(prop(result.properties, PROP.package)).not.toHaveProperty('reachable');
    expect(result.message.text).toMatch(/^lodash 4\.17\.20 is affected by GHSA-2c4m-59x9-fr2g \(no fix yet\): /);
  });

  it('reads older results that name the lockfile only on the match, and results without any lockfile', () => {
    const older = scaResult({ dependency_match: { found_dependency: { package: 'lodash', version: '4.17.20', ecosystem: 'npm', allowed_hashes: {}, transitivity: 'unknown' }, lockfile: 'web/yarn.lock' } }, {}, { path: 'web/yarn.lock', start: { line: 990, col: 1 } });
    const result = semgrepLog(older).runs[0]!.results![0]!;
    expect(result.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'web/yarn.lock' }, region: { startLine: 990 } });
    expect(result.properties).not.toHaveProperty(PROP.direct);
    const none = scaResult({ reachable: true, dependency_match: { found_dependency: { package: 'lodash', version: '4.17.20', ecosystem: 'npm' }, lockfile: undefined } }, {}, { path: 'web/src/render.js', start: { line: 14, col: 10 } });
    const loose = semgrepLog(none).runs[0]!.results![0]!;
    expect(loose.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('web/src/render.js');
    expect(loose.relatedLocations).toBeUndefined();
  });

  it('keeps a nosemgrep-ignored Supply Chain finding as suppressed, beside Code findings of the same report', () => {
    const code = { check_id: 'python.lang.security.audit.eval-detected.eval-detected', path: 'app.py', start: { line: 3, col: 1 }, end: { line: 3, col: 9 }, extra: { message: 'Detected the use of eval()', metadata: {}, severity: 'WARNING', fingerprint: 'abc', lines: 'eval(x)' } };
    const run = semgrepLog(code, scaResult({}, { is_ignored: true })).runs[0]!;
    expect(run.results!.map((r) => [r.ruleId, prop(r.properties, PROP.category), r.suppressions?.[0]?.justification])).toEqual([
      ['python.lang.security.audit.eval-detected.eval-detected', 'sast', undefined],
      ['CVE-2021-23337', 'sca', 'ignored in source (nosemgrep)'],
    ]);
  });
});

describe('semgrep errors[]: files it could not analyse, and errors that fail the run', () => {
  const parse = (errors: unknown[]) => semgrep.parse({ kind: 'json', data: { version: '1.185.0', results: [], errors, paths: { scanned: ['a.py'] } } } as never, { file: 'semgrep.json' });

  it('a parse error on one file is a per-file notification; the run still succeeded', () => {
    const log = parse([{ code: 3, level: 'warn', type: 'Syntax error', message: 'Syntax error at line legacy.py:3:\n `print "x"` was unexpected', path: 'legacy.py' }]);
    expect(log.runs[0]!.invocations).toEqual([
      { executionSuccessful: true, toolExecutionNotifications: [{ level: 'warning', message: { text: 'Syntax error: Syntax error at line legacy.py:3:' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'legacy.py' } } }] }] },
    ]);
  });

  it('an error without a file fails the run; a warning without one is about configuration', () => {
    const log = parse([
      { code: 7, level: 'error', type: 'SemgrepError', message: 'Failed to download configuration from https://semgrep.dev/c/p/default' },
      { code: 0, level: 'warn', type: 'Rule warning', message: 'rule x is deprecated' },
    ]);
    expect(log.runs[0]!.invocations?.[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ level: 'error', message: { text: expect.stringMatching(/^SemgrepError: Failed to download/) } }],
      toolConfigurationNotifications: [{ level: 'warning', message: { text: 'Rule warning: rule x is deprecated' } }],
    });
  });
});
