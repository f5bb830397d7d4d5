import { compareDigits, remembered, type VersionOrder } from './types.js';

const VERSION = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]*)?$/;

interface NugetVersion {
  numbers: string[];
  pre: string[];
}

const parse = remembered(parseNuget);

function parseNuget(version: string): NugetVersion | undefined {
  const m = VERSION.exec(version.trim());
  if (!m) return undefined;
  return { numbers: [m[1]!, m[2] ?? '0', m[3] ?? '0', m[4] ?? '0'], pre: m[5] ? m[5].split('.') : [] };
}

function compareLabel(a: string, b: string): number {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return compareDigits(a, b);
  if (an !== bn) return an ? -1 : 1;
  // NuGet compares labels without regard to case (1.0.0-Beta = 1.0.0-beta).
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** NuGet: up to four numeric parts (missing ones are 0), SemVer 2 prerelease labels compared case-insensitively, metadata ignored. */
export const nugetOrder: VersionOrder = {
  valid: (version) => parse(version) !== undefined,
  compare(a, b) {
    const x = parse(a)!;
    const y = parse(b)!;
    for (let i = 0; i < 4; i++) {
      const c = compareDigits(x.numbers[i]!, y.numbers[i]!);
      if (c) return c;
    }
    if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
    for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
      if (i >= x.pre.length) return -1;
      if (i >= y.pre.length) return 1;
      const c = compareLabel(x.pre[i]!, y.pre[i]!);
      if (c) return c;
    }
    return 0;
  },
};
