import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGitlab } from '../../../../test-support/gitlab-schema.js';
import { hasShared, sharedDir, sharedNotice } from '../../../../test-support/shared.js';
import { InputError } from '../errors.js';
import { findingsOf } from '../finding.js';
import { convertReports } from '../pipeline/convert.js';
import { prioritize } from '../risk/prioritize.js';
import { gitlabReports } from './gitlab.js';

const folders = hasShared ? readdirSync(join(sharedDir, 'corpus')).filter((name) => statSync(join(sharedDir, 'corpus', name)).isDirectory()) : [];
const context = { version: '0.0.0-test', startedAt: new Date('2026-11-22T10:00:00Z'), endedAt: new Date('2026-11-22T10:01:00Z'), commit: 'a'.repeat(40), scanners: [], categories: {} };

describe.skipIf(!hasShared)('GitLab reports from every corpus format, valid against the 15.2.1 schemas', () => {
  sharedNotice('the GitLab reports of the corpus');

  for (const folder of folders) {
    it(folder, async () => {
      const dir = join(sharedDir, 'corpus', folder);
      let reports = 0;
      for (const name of readdirSync(dir).sort()) {
        let log;
        try {
          log = await convertReports({ reports: [{ file: join(dir, name) }], baseDir: dir });
        } catch (error) {
          // Files that are not reports of any format (README, deliberately broken samples) are refused elsewhere.
          if (error instanceof InputError) continue;
          throw error;
        }
        prioritize(log);
        const findings = findingsOf(log);
        const all = Object.entries(gitlabReports(findings, context));
        // Every finding lands in exactly one report.
        expect(all.reduce((n, [, r]) => n + (r as { vulnerabilities: unknown[] }).vulnerabilities.length, 0), name).toBe(findings.length);
        for (const [type, report] of all) {
          reports++;
          expect(validateGitlab(type, report), `${name} → ${type}`).toEqual([]);
          const vulnerabilities = (report as { vulnerabilities: { tracking?: unknown; identifiers: unknown[] }[] }).vulnerabilities;
          for (const v of vulnerabilities) {
            expect(v.identifiers.length, name).toBeGreaterThan(0);
            expect(v.tracking, name).toMatchObject({ type: 'source', items: [{ signatures: [{ algorithm: 'hash' }] }] });
          }
        }
      }
      // Every format folder yields at least one report (empty sample reports still make none).
      // Qualys VM reports are not a format Pipewarden reads (Qualys WAS is): that folder is all refusals.
      if (folder !== 'qualys') expect(reports, folder).toBeGreaterThan(0);
    });
  }
});

describe('GitLab identifiers', () => {
  it('lists the rule, each advisory and each CWE once, whatever the spelling or repetition', () => {
    const log = {
      version: '2.1.0' as const,
      runs: [
        {
          tool: { driver: { name: 'Acme Scan', rules: [{ id: 'R1', properties: { tags: ['CWE-79', 'cwe-79', 'CWE-89'] } }] } },
          results: [
            { ruleId: 'R1', message: { text: 'one' }, properties: { 'pipewarden/ids': ['CVE-2021-44228', 'cve-2021-44228', 'GHSA-jfh8-c2jp-5v3q', 'GHSA-jfh8-c2jp-5v3q'] } },
            { ruleId: 'R1', message: { text: 'two' } },
          ],
        },
      ],
    };
    const [first, second] = (gitlabReports(findingsOf(log), context).sast as { vulnerabilities: { identifiers: { type: string; value: string }[] }[] }).vulnerabilities;
    expect(first!.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(['acme_scan_rule:R1', 'cve:CVE-2021-44228', 'ghsa:GHSA-jfh8-c2jp-5v3q', 'cwe:79', 'cwe:89']);
    expect(second!.identifiers.map((i) => `${i.type}:${i.value}`)).toEqual(['acme_scan_rule:R1', 'cwe:79', 'cwe:89']);
  });
});
