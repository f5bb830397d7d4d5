import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding.js';
import { byRisk, sortByRisk } from './prioritize.js';

/** mulberry32: the same findings on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Texts where collation and code points disagree: case, accents, punctuation, digits, empty, other scripts.
const URIS = ['src/a.js', 'src/B.js', 'src/b.js', 'src/é.js', 'src/e.js', 'src/_x.js', 'src/-x.js', 'src/10.js', 'src/9.js', '', 'lib/Ä.py', 'lib/a.py', 'Straße.go', 'strasse.go', '日本.ts'];
const RULES = ['js/xss', 'JS/XSS', 'js/sql', 'CVE-2021-44228', 'cve-2021-44228', 'B105', 'b105', 'é-rule'];

function findings(count: number, seed: number): Finding[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const uri = pick(URIS);
    const risk = random() < 0.1 ? undefined : Math.floor(random() * 5) * 20;
    // Every field the order reads, with ties on all of them (the input order must then decide).
    return { id: i, risk, ruleId: pick(RULES), location: uri || random() < 0.5 ? { uri, startLine: random() < 0.2 ? undefined : Math.floor(random() * 4) } : undefined } as unknown as Finding;
  });
}

describe('sortByRisk', () => {
  it('orders as a stable sort by byRisk, ties in input order', () => {
    for (const seed of [1, 2, 3]) {
      const list = findings(3000, seed);
      expect(sortByRisk(list)).toEqual([...list].sort(byRisk));
    }
  });

  it('answers again from what it sorted, and a sorted array is taken as sorted', () => {
    const list = findings(500, 4);
    const sorted = sortByRisk(list);
    expect(Object.isFrozen(sorted)).toBe(true);
    expect(sortByRisk(list)).toBe(sorted);
    expect(sortByRisk(sorted)).toBe(sorted);
    // A new array of the same findings (a filter) is sorted on its own.
    const some = list.filter((_, i) => i % 3);
    expect(sortByRisk(some)).toEqual([...some].sort(byRisk));
  });

  it('orders a part of what it ranked before, and texts it has not ranked, as byRisk', () => {
    const whole = findings(2000, 5);
    sortByRisk(whole);
    // Parts reuse the whole's ranking of file names and rules; the extra texts force a ranking of their own.
    const part = whole.filter((_, i) => i % 2);
    expect(sortByRisk(part)).toEqual([...part].sort(byRisk));
    const extra = [...part.slice(0, 300), ...findings(300, 6).map((f, i) => ({ ...f, ruleId: `new/${i % 7}`, location: { uri: `other/${i % 11}.js`, startLine: i % 3 } }) as Finding)];
    expect(sortByRisk(extra)).toEqual([...extra].sort(byRisk));
    const again = whole.filter((_, i) => i % 5);
    expect(sortByRisk(again)).toEqual([...again].sort(byRisk));
  });
});
