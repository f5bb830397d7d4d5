import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSuite } from '../corpus-harness.js';
import { readReport } from '../registry.js';

type Obj = Record<string, unknown>;

corpusSuite({
  folder: 'checkov',
  format: 'checkov',
  count(text) {
    const data = JSON.parse(text) as Obj | Obj[];
    return (Array.isArray(data) ? data : [data]).reduce((n, report) => n + (((report.results as Obj | undefined)?.failed_checks as unknown[] | undefined)?.length ?? 0), 0);
  },
});

async function written(value: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'pw-checkov-')), 'checkov.json');
  await writeFile(file, JSON.stringify(value, null, 4));
  return file;
}

const failed = (id: string, file: string) => ({
  check_id: id,
  bc_check_id: null,
  check_name: `check ${id}`,
  check_result: { result: 'FAILED' },
  file_path: `/${file}`,
  repo_file_path: `/${file}`,
  file_line_range: [1, 3],
  resource: 'aws_s3_bucket.b',
  guideline: 'https://docs.prismacloud.io/en/enterprise-edition/policy-reference/',
  severity: null,
});

describe('checkov JSON as Checkov 3 prints it', () => {
  it('nothing checked: the bare summary (resource_count, parsing_errors) is a report with no findings', async () => {
    const file = await written({ passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: '3.3.30' });
    const { format, log } = await readReport(file);
    expect(format).toBe('checkov');
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.tool.driver.version).toBe('3.3.30');
  });

  it('several frameworks: a list of reports, each read', async () => {
    const summary = (failedCount: number) => ({ passed: 1, failed: failedCount, skipped: 0, parsing_errors: 0, resource_count: 1, checkov_version: '3.3.30' });
    const file = await written([
      { check_type: 'terraform', results: { failed_checks: [failed('CKV_AWS_18', 'infra/main.tf')] }, summary: summary(1) },
      { check_type: 'dockerfile', results: { failed_checks: [failed('CKV_DOCKER_2', 'Dockerfile')] }, summary: summary(1) },
    ]);
    const { format, log } = await readReport(file);
    expect(format).toBe('checkov');
    expect(log.runs[0]!.results!.map((r) => [r.ruleId, r.locations?.[0]?.physicalLocation?.artifactLocation?.uri])).toEqual([
      ['CKV_AWS_18', 'infra/main.tf'],
      ['CKV_DOCKER_2', 'Dockerfile'],
    ]);
  });

  it('a JSON object that is neither a report nor the summary is refused', async () => {
    const file = await written({ passed: 0, failed: 0 });
    await expect(readReport(file, 'checkov')).rejects.toThrow(/Checkov/);
  });
});
