import { compareDigits, remembered, type VersionOrder } from './types.js';

// Gem::Version's own pattern: digits and letters in dot-separated segments, "-" read as ".pre.".
const VALID = /^\s*[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;

type Segment = string | { n: string };

function segments(version: string): Segment[] {
  const text = version.trim().replace(/-/g, '.pre.');
  return (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => (/^\d+$/.test(s) ? { n: s.replace(/^0+(?=\d)/, '') } : s));
}

/** Gem::Version#canonical_segments: trailing zeros dropped from the release part and from the prerelease part. */
const canonical = remembered(canonicalOf);

function canonicalOf(version: string): Segment[] {
  const all = segments(version);
  const firstString = all.findIndex((s) => typeof s === 'string');
  const parts = firstString === -1 ? [all] : [all.slice(0, firstString), all.slice(firstString)];
  return parts.flatMap((part) => {
    let end = part.length;
    while (end > 0 && typeof part[end - 1] !== 'string' && (part[end - 1] as { n: string }).n === '0') end--;
    return part.slice(0, end);
  });
}

/** RubyGems (Gem::Version <=>): numeric segments, any letter makes a prerelease that sorts before its release. */
export const rubygemsOrder: VersionOrder = {
  valid: (version) => VALID.test(version),
  compare(a, b) {
    const x = canonical(a);
    const y = canonical(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const l = x[i] ?? { n: '0' };
      const r = y[i] ?? { n: '0' };
      const ls = typeof l === 'string';
      const rs = typeof r === 'string';
      if (ls && rs) {
        if (l !== r) return l < r ? -1 : 1;
      } else if (ls !== rs) {
        return ls ? -1 : 1;
      } else {
        const c = compareDigits((l as { n: string }).n, (r as { n: string }).n);
        if (c) return c;
      }
    }
    return 0;
  },
};
