import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the benchmark's, shared with the tests
import { storeLines } from '../../../../bench/dashboard-data.mjs';
import { PRIORITIES } from '../finding.js';
import { historyLineSchema, type HistoryLine } from './line.js';
import { computeMetrics, metricsWithOpenFindings, openFindings } from './metrics.js';

const generated = (storeLines as (options: object) => Iterable<unknown[]>)({ repos: 4, days: 120, end: '2026-11-29', seed: 3 });
const lines: HistoryLine[] = [...generated].flat().map((line) => historyLineSchema.parse(line));

describe('the open findings behind the figures', () => {
  // Short SLAs: some findings are late.
  const options = { today: '2026-11-30', slaDays: { P2: 20, P3: 30, P4: 40 } };
  const metrics = computeMetrics(lines, options);

  it('are as many, by priority and past their SLA, as the figures count', () => {
    const open = openFindings(lines, options);
    expect(open.length).toBeGreaterThan(20);
    expect(open.length).toBe(metrics.open.total);
    for (const p of PRIORITIES) {
      expect(open.filter((f) => f.ref.p === p).length, p).toBe(metrics.open.byPriority[p]);
      expect(open.filter((f) => f.ref.p === p && f.breached).length, p).toBe(metrics.sla.byPriority[p]);
    }
    const late = new Set(open.filter((f) => f.breached).map((f) => `${f.repo} ${f.ref.fp} ${f.ageDays}`));
    expect(metrics.sla.oldest.length).toBeGreaterThan(0);
    for (const b of metrics.sla.oldest) expect(late.has(`${b.repo} ${b.fingerprint} ${b.ageDays}`), b.fingerprint).toBe(true);
  });

  it('come with the same figures from one pass over the lines, in any order', () => {
    const shuffled = [...lines].reverse();
    const both = metricsWithOpenFindings(shuffled, options);
    expect(both.metrics).toEqual(metrics);
    expect(both.open).toEqual(openFindings(lines, options));
  });
});
