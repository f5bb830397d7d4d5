import { describe, expect, it } from 'vitest';
import type { Log, Result } from '../sarif/types.js';
import { applyBaseline, foldedEqual, textHash } from './baseline.js';

// Logs of other origins carry no fingerprint of ours: they are matched by tool, rule, file and message with
// numbers folded. That key is a number (textHash), so these tests pin what a hash must never decide alone.

const at = (uri: string) => [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }];
const result = (ruleId: string, uri: string, text: string, extra: Partial<Result> = {}): Result => ({ ruleId, message: { text }, locations: at(uri), ...extra });
const log = (results: Result[], tool = 'Tool'): Log => ({ version: '2.1.0', runs: [{ tool: { driver: { name: tool } }, results }] });
const states = (l: Log) => l.runs.flatMap((run) => (run.results ?? []).map((r) => `${r.baselineState}:${r.message.text}`));

describe('foldedEqual', () => {
  it('is the same as comparing both texts with every run of digits replaced by #', () => {
    const texts = ['', '1', '12', 'a', 'a1', 'a12b', 'a1b2', 'a#b', 'line 10 col 3', 'line 9 col 300', 'line col', '1a', '9a', 'a1 ', 'a12', 'a 12', '#', 'a#', '##', '1#', '#1', '1 2', 'line 9', 'line 10', 'a # b', 'a 1 b', 'a 123 b'];
    const hash = (message: string) => textHash({ tool: 'T', ruleId: 'R', uri: 'a.js', message });
    for (const a of texts) {
      for (const b of texts) {
        expect(foldedEqual(a, b), `${a} / ${b}`).toBe(a.replace(/\d+/g, '#') === b.replace(/\d+/g, '#'));
        // Texts the check calls equal must also meet under one hash, or they would never be compared.
        if (foldedEqual(a, b)) expect(hash(a), `${a} / ${b}`).toBe(hash(b));
      }
    }
  });
});

describe('applyBaseline by text (no fingerprints)', () => {
  it('matches the same finding whose numbers moved, keeps its first detection, and reports new and absent', () => {
    const current = log([result('R1', 'a.js', 'tainted value at line 140'), result('R1', 'b.js', 'weak hash md5'), result('R2', 'a.js', 'sql injection')]);
    const baseline = log([
      result('R1', 'a.js', 'tainted value at line 9', { provenance: { firstDetectionTimeUtc: '2026-01-01T00:00:00.000Z' } }),
      result('R1', 'b.js', 'weak hash sha1'),
    ]);
    const counts = applyBaseline(current, baseline);
    expect(counts).toEqual({ new: 2, unchanged: 1, updated: 0, absent: 1 });
    expect(states(current)).toEqual(['unchanged:tainted value at line 140', 'new:weak hash md5', 'new:sql injection', 'absent:weak hash sha1']);
    expect(current.runs[0]!.results![0]!.provenance?.firstDetectionTimeUtc).toBe('2026-01-01T00:00:00.000Z');
  });

  it('tells tool, rule and file apart, however the parts could be joined', () => {
    const current = log([result('R1', 'a.js', 'm'), result('R1x', 'a.js', 'm'), result('R1', 'xa.js', 'm')]);
    const baseline = log([result('R1', 'xa.js', 'm'), result('R1x', 'a.js', 'm'), result('R1', 'a.js', 'm')], 'Tool');
    const other = log([result('R1', 'a.js', 'm')], 'Other');
    expect(applyBaseline(current, baseline)).toEqual({ new: 0, unchanged: 3, updated: 0, absent: 0 });
    expect(applyBaseline(log([result('R1', 'a.js', 'm')]), other)).toEqual({ new: 1, unchanged: 0, updated: 0, absent: 1 });
  });

  it('matches each of many identical findings once (two current, three in the baseline: one absent)', () => {
    const current = log([result('R', 'a.js', 'x 1'), result('R', 'a.js', 'x 2')]);
    const baseline = log([result('R', 'a.js', 'x 7'), result('R', 'a.js', 'x 8'), result('R', 'a.js', 'x 9')]);
    expect(applyBaseline(current, baseline)).toEqual({ new: 0, unchanged: 2, updated: 0, absent: 1 });
  });

  it('never matches two different findings whose text keys share a hash', () => {
    // A real collision of the 30-bit hash, found by search: equal numbers, different messages.
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    // Expected after about 40,000 tries at 30 bits; bounded so that a wider hash fails here instead of hanging.
    for (let i = 0; !pair && i < 1_000_000; i++) {
      // Letters only: digits would fold to one '#' and make the messages equal.
      const message = `message ${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}`;
      const hash = textHash({ tool: 'Tool', ruleId: 'R', uri: 'a.js', message });
      const other = seen.get(hash);
      if (other !== undefined) pair = [other, message];
      else seen.set(hash, message);
    }
    expect(pair).toBeDefined();
    const [a, b] = pair!;
    expect(a.replace(/\d+/g, '#')).not.toBe(b.replace(/\d+/g, '#'));
    expect(applyBaseline(log([result('R', 'a.js', a)]), log([result('R', 'a.js', b)]))).toEqual({ new: 1, unchanged: 0, updated: 0, absent: 1 });
    // Both under one hash in the baseline: the current finding takes its own, not the first listed.
    const current = log([result('R', 'a.js', a)]);
    expect(applyBaseline(current, log([result('R', 'a.js', b), result('R', 'a.js', a)]))).toEqual({ new: 0, unchanged: 1, updated: 0, absent: 1 });
    expect(states(current)).toEqual([`unchanged:${a}`, `absent:${b}`]);
  });

  it('prefers a fingerprint over the text, and says updated when the severity changed', () => {
    const fp = (value: string) => ({ partialFingerprints: { 'pipewarden/v1': value } });
    const current = log([result('R', 'a.js', 'moved text', { ...fp('f1'), level: 'error' }), result('R', 'a.js', 'same text', fp('f2'))]);
    const baseline = log([result('R', 'a.js', 'same text', { ...fp('f1'), level: 'warning' }), result('R', 'a.js', 'other', fp('f2'))]);
    expect(applyBaseline(current, baseline)).toEqual({ new: 0, unchanged: 1, updated: 1, absent: 0 });
    expect(states(current)).toEqual(['updated:moved text', 'unchanged:same text']);
  });
});
