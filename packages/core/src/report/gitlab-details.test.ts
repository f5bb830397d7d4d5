import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeSources } from '@pipewarden/sast';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { validateGitlab } from '../../../../test-support/gitlab-schema.js';
import { hasShared } from '../../../../test-support/shared.js';
import { findingsOf } from '../finding.js';
import { convertReports } from '../pipeline/convert.js';
import { prioritize } from '../risk/prioritize.js';
import { gitlabReports } from './gitlab.js';

// A taint finding's path in GitLab's SAST report: the engine's real SARIF, read back as any report is.

const context = { version: '0.0.0-test', startedAt: new Date('2026-11-30T10:00:00Z'), endedAt: new Date('2026-11-30T10:01:00Z'), scanners: [], categories: {} };

const APP = `const express = require('express');
const app = express();
app.get('/user', (req, res) => {
  const id = req.query.id;
  const sql = 'SELECT * FROM users WHERE id = ' + id;
  db.query(sql, (err, rows) => res.json(rows));
});
`;

async function reportOf(log: Log): Promise<{ vulnerabilities: Record<string, unknown>[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-gl-details-'));
  await writeFile(join(dir, 'app.js'), APP);
  await writeFile(join(dir, 'results.sarif'), JSON.stringify(log));
  const converted = await convertReports({ reports: [{ file: join(dir, 'results.sarif') }], baseDir: dir });
  prioritize(converted);
  return gitlabReports(findingsOf(converted), context).sast as { vulnerabilities: Record<string, unknown>[] };
}

describe('GitLab SAST details from code flows', () => {
  it('names the source and the sink, lists every step, and draws the flow as code-flow nodes', async () => {
    const { log } = await analyzeSources([{ path: 'app.js', text: APP }]);
    const report = await reportOf(log);
    const [vulnerability] = report.vulnerabilities;
    expect(vulnerability!.details).toEqual({
      source: { name: 'Source', type: 'text', value: 'app.js:4 request parameter `id`' },
      sink: { name: 'Sink', type: 'text', value: 'app.js:6 passed to `db.query` (SQL query)' },
      code_flows: {
        name: 'Code flow',
        type: 'code-flows',
        items: [[4, 4, 5, 6].map((line, i, all) => ({ type: 'code-flow-node', node_type: i === 0 ? 'source' : i === all.length - 1 ? 'sink' : 'propagation', file_location: { type: 'file-location', file_name: 'app.js', line_start: line } }))],
      },
      steps: { name: 'Steps', type: 'list', items: [expect.objectContaining({ type: 'text', value: 'app.js:4 request parameter `id`' }), expect.anything(), expect.anything(), expect.objectContaining({ value: 'app.js:6 passed to `db.query` (SQL query)' })] },
    });
    if (hasShared) expect(validateGitlab('sast', report)).toEqual([]);
  });

  it('keeps at most 10 flows, drops steps GitLab cannot place, and adds nothing for a result without a flow', async () => {
    const step = (uri: string, line?: number) => ({ location: { physicalLocation: { artifactLocation: { uri }, ...(line ? { region: { startLine: line } } : {}) }, message: { text: `at ${uri}` } } });
    const flow = { threadFlows: [{ locations: [step('app.js', 4), step('https://example.com/x.js', 3), step('app.js'), step('app.js', 6)] }] };
    const log: Log = {
      version: '2.1.0',
      runs: [{
        tool: { driver: { name: 'Other', rules: [{ id: 'r1' }, { id: 'r2' }] } },
        results: [
          { ruleId: 'r1', level: 'error', message: { text: 'flow' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.js' }, region: { startLine: 6 } } }], codeFlows: Array.from({ length: 12 }, () => flow) },
          { ruleId: 'r2', level: 'warning', message: { text: 'no flow' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.js' }, region: { startLine: 2 } } }] },
        ],
      }],
    };
    const report = await reportOf(log);
    const withFlow = report.vulnerabilities.find((v) => v.details)!;
    const flows = (withFlow.details as { code_flows: { items: { file_location: { line_start: number } }[][] } }).code_flows.items;
    expect(flows).toHaveLength(10);
    expect(flows[0]!.map((n) => n.file_location.line_start)).toEqual([4, 6]);
    expect(report.vulnerabilities.filter((v) => !v.details)).toHaveLength(1);
    if (hasShared) expect(validateGitlab('sast', report)).toEqual([]);
  });
});
