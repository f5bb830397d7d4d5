import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { validateSarif } from '../../../../test-support/sarif-schema.js';
import { hasShared, sharedNotice } from '../../../../test-support/shared.js';
import { applyGate } from '../policy/gate.js';
import { findingsOf } from '../finding.js';
import { PROP, SRCROOT, type Log, type Result, type Run } from '../sarif/types.js';
import { GITHUB_LIMITS, githubSarif } from './github-sarif.js';
import { renderMarkdown } from './summary.js';

const OTHERS = ['iac', 'sca', 'secrets', 'dast'] as const;
// An absolute path on this machine, outside any repository: it must never reach GitHub.
const OUTSIDE = pathToFileURL(join(tmpdir(), 'outside.js')).href;

/** 60,000 results from 25 tools: 21 SAST tools (one huge, with incompressible messages), one each of the others. */
function syntheticLog(): Log {
  const runs: Run[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let t = 0; t < 25; t++) {
    const category = t < 21 ? 'sast' : OTHERS[t - 21]!;
    const count = t === 0 ? 30_000 : Math.floor(30_000 / 24) + (t <= 30_000 % 24 ? 1 : 0);
    const tags = Array.from({ length: 30 }, (_, i) => `tag-${i}`);
    const results: Result[] = [];
    for (let i = 0; i < count; i++) {
      const risk = Math.floor(random() * 100);
      results.push({
        ruleId: `T${t}-R${i % 40}`,
        level: 'warning',
        // The big tool's messages do not compress: its file must be cut to fit 10 MB gzipped.
        message: { text: t === 0 ? `finding ${i} ${randomBytes(450).toString('base64')}` : `finding ${i} of tool ${t}` },
        locations: [
          { physicalLocation: { artifactLocation: { uri: `src/t${t}/file${i % 500}.js`, uriBaseId: SRCROOT }, region: { startLine: (i % 300) + 1 } } },
          ...(i === 0 ? Array.from({ length: 1500 }, (_, k) => ({ physicalLocation: { artifactLocation: { uri: `src/extra${k}.js` }, region: { startLine: 1 } } })) : []),
        ],
        ...(i === 0 && t === 1 ? { locations: [{ physicalLocation: { artifactLocation: { uri: OUTSIDE } } }] } : {}),
        partialFingerprints: { 'pipewarden/v1': `fp-${t}-${i}:1` },
        properties: { [PROP.risk]: risk, [PROP.priority]: risk >= 80 ? 'P1' : risk >= 50 ? 'P2' : 'P3' },
      });
    }
    runs.push({
      tool: { driver: { name: `Tool ${String(t).padStart(2, '0')}`, rules: Array.from({ length: 40 }, (_, r) => ({ id: `T${t}-R${r}`, shortDescription: { text: `rule ${r}` }, properties: { tags, ...(r % 2 ? { 'pipewarden/cwe': ['CWE-79'] } : {}) } })) } },
      results,
      properties: { [PROP.scanner]: `tool-${t}`, [PROP.category]: category },
    });
  }
  return { version: '2.1.0', runs };
}

describe('GitHub-ready SARIF', () => {
  const log = syntheticLog();
  const github = githubSarif(log, { anchorUri: 'README.md' });

  it('60,000 results from 25 tools: every file within GitHub limits, split by category and past 20 runs', () => {
    expect(github.total).toBe(60_000);
    expect(github.files.map((f) => f.name).sort()).toEqual(['dast.sarif', 'iac.sarif', 'sast-2.sarif', 'sast.sarif', 'sca.sarif', 'secrets.sarif']);
    for (const file of github.files) {
      const text = JSON.stringify(file.log);
      expect(gzipSync(text).length, file.name).toBeLessThanOrEqual(GITHUB_LIMITS.gzipBytes);
      expect(file.log.runs.length, file.name).toBeLessThanOrEqual(20);
      const seen = new Set<string>();
      for (const run of file.log.runs) {
        expect(run.results!.length).toBeLessThanOrEqual(25_000);
        expect(run.tool.driver.rules!.length).toBeLessThanOrEqual(25_000);
        // One run per tool and category in an upload, each with its own category.
        const key = `${run.tool.driver.name}\u0000${run.automationDetails!.id}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(run.automationDetails!.id).toBe(`${file.category}/`);
        for (const rule of run.tool.driver.rules!) {
          const tags = rule.properties!.tags as string[];
          expect(tags.length).toBeLessThanOrEqual(20);
          expect(tags[0]).toBe('security');
          expect(Number(rule.properties!['security-severity'])).toBeGreaterThanOrEqual(0);
          expect(rule.properties!.precision).toMatch(/^(very-high|high|medium|low)$/);
          expect(rule.properties!['problem.severity']).toMatch(/^(error|warning|recommendation)$/);
        }
        for (const result of run.results!) {
          expect(result.locations!.length).toBeGreaterThan(0);
          expect(result.locations!.length).toBeLessThanOrEqual(1000);
          for (const location of result.locations!) {
            const uri = location.physicalLocation!.artifactLocation!.uri!;
            expect(uri).not.toMatch(/^(\/|file:)/);
          }
          expect(result.partialFingerprints?.['pipewarden/v1']).toBeDefined();
        }
      }
    }
    const cwe = github.files.flatMap((f) => f.log.runs).flatMap((r) => r.tool.driver.rules!).find((r) => r.id === 'T3-R1')!;
    expect(cwe.properties!.tags).toContain('external/cwe/cwe-79');
  });

  it.skipIf(!hasShared)('each file is valid against the official SARIF 2.1.0 schema', () => {
    sharedNotice('the SARIF schema check of GitHub files');
    for (const file of github.files.filter((f) => f.name !== 'sast.sarif')) expect(validateSarif(file.log), file.name).toEqual({ valid: true, errors: [] });
  });

  it('keeps the highest-risk results and accounts for every one left out', () => {
    const kept = new Set(github.files.flatMap((f) => f.log.runs).flatMap((r) => r.results!).map((r) => r.partialFingerprints!['pipewarden/v1']));
    expect(github.kept).toBe(kept.size);
    const omitted = github.omitted.reduce((n, o) => n + o.count, 0);
    expect(github.kept + omitted).toBe(60_000);
    // Tool 00 lost results twice: over 25,000 per run, then over 10 MB; what it kept is at least as risky as what it lost.
    const big = log.runs[0]!.results!;
    const keptRisks = big.filter((r) => kept.has(r.partialFingerprints!['pipewarden/v1'])).map((r) => r.properties![PROP.risk] as number);
    const lostRisks = big.filter((r) => !kept.has(r.partialFingerprints!['pipewarden/v1'])).map((r) => r.properties![PROP.risk] as number);
    expect(lostRisks.length).toBeGreaterThan(5_000);
    expect(Math.min(...keptRisks)).toBeGreaterThanOrEqual(Math.max(...lostRisks));
    expect(github.omitted.filter((o) => o.reason === 'results per run')).toEqual([expect.objectContaining({ tool: 'Tool 00', count: 5_000 })]);
    // The size cut ranks the whole file: every SAST tool keeps its riskiest results; the small files lose nothing.
    for (const run of log.runs.slice(1, 21)) {
      const kept_ = run.results!.filter((r) => kept.has(r.partialFingerprints!['pipewarden/v1'])).map((r) => r.properties![PROP.risk] as number);
      const lost = run.results!.filter((r) => !kept.has(r.partialFingerprints!['pipewarden/v1'])).map((r) => r.properties![PROP.risk] as number);
      if (lost.length) expect(Math.min(...kept_)).toBeGreaterThanOrEqual(Math.max(...lost));
    }
    expect(github.omitted.every((o) => o.category === 'sast')).toBe(true);
    // Each run lists its results most urgent first.
    for (const run of github.files.flatMap((f) => f.log.runs)) {
      const risks = run.results!.map((r) => r.properties![PROP.risk] as number);
      expect(risks).toEqual([...risks].sort((a, b) => b - a));
    }
    // The runner's absolute path never reaches GitHub: that result is anchored to the repository file instead.
    const anchored = github.files.flatMap((f) => f.log.runs).flatMap((r) => r.results!).find((r) => r.partialFingerprints!['pipewarden/v1'] === 'fp-1-0:1')!;
    expect(anchored.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: 'README.md', uriBaseId: SRCROOT });
  });

  it('the summary says what was left out and where the full log is', () => {
    const findings = findingsOf(log);
    const markdown = renderMarkdown({ findings, verdict: applyGate({ findings }), scanners: [], stage: 'commit', github });
    expect(markdown.length).toBeLessThanOrEqual(65_000);
    expect(markdown).toContain('### GitHub code scanning');
    expect(markdown).toMatch(new RegExp(`${github.kept} of 60000 results fit GitHub's limits`));
    expect(markdown).toContain('`results.sarif`');
    expect(markdown).toMatch(/Tool 00 \\\(sast\\\): 5000 results left out \\\(over the 25,000 results per run\\\)/);
    expect(markdown).toMatch(/Tool 00 \\\(sast\\\): \d+ results left out \\\(over the 10 MB gzipped file size\\\)/);
  });

  it('without a file to anchor to, a result with no location in the repository is left out and counted, never uploaded', () => {
    const small: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'ZAP' } },
          results: [
            { ruleId: 'x', message: { text: 'no file' }, locations: [{ logicalLocations: [{ fullyQualifiedName: 'GET http://127.0.0.1/a' }] }] },
            { ruleId: 'y', message: { text: 'a file' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js' } } }] },
          ],
          properties: { [PROP.category]: 'dast' },
        },
      ],
    };
    const out = githubSarif(small);
    expect(out.kept).toBe(1);
    expect(out.omitted).toEqual([expect.objectContaining({ tool: 'ZAP', reason: 'no file location', count: 1 })]);
  });
});
