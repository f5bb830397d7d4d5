import { compareDigits, remembered, sign, type VersionOrder } from './types.js';

// PEP 440's canonical pattern (appendix B), with the normalisations it allows: case, separators, "v", spellings.
const PATTERN =
  /^\s*v?(?:(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?)(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;

export interface Pep440 {
  epoch: string;
  release: string[];
  pre?: { kind: 'a' | 'b' | 'rc'; n: string } | undefined;
  post?: string | undefined;
  dev?: string | undefined;
  local?: string[] | undefined;
}

const PRE_KIND: Record<string, 'a' | 'b' | 'rc'> = { a: 'a', alpha: 'a', b: 'b', beta: 'b', c: 'rc', rc: 'rc', pre: 'rc', preview: 'rc' };
const PRE_RANK = { a: 0, b: 1, rc: 2 } as const;

export function parsePep440(version: string): Pep440 | undefined {
  const m = PATTERN.exec(version);
  if (!m) return undefined;
  const [, epoch, release, preKind, preN, postImplicit, postKind, postN, devKind, devN, local] = m;
  return {
    epoch: epoch ?? '0',
    release: release!.split('.'),
    pre: preKind ? { kind: PRE_KIND[preKind.toLowerCase()]!, n: preN ?? '0' } : undefined,
    post: postImplicit ?? (postKind ? (postN ?? '0') : undefined),
    dev: devKind ? (devN ?? '0') : undefined,
    local: local ? local.toLowerCase().split(/[-_.]/) : undefined,
  };
}

function compareRelease(a: string[], b: string[]): number {
  // Trailing zeros do not count: 1.0 == 1.0.0.
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
    if (c) return c;
  }
  return 0;
}

/** The pre-release key: a dev release of a final version sorts before its pre-releases (1.0.dev1 < 1.0a1). */
function preKey(v: Pep440): [number, string] {
  if (v.pre) return [PRE_RANK[v.pre.kind], v.pre.n];
  if (v.dev !== undefined && v.post === undefined) return [-1, '0'];
  return [3, '0'];
}

function compareLocal(a: string[] | undefined, b: string[] | undefined): number {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const x = a[i]!;
    const y = b[i]!;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    // Numeric segments are newer than alphanumeric ones; alphanumeric ones compare as strings.
    const c = xn && yn ? compareDigits(x, y) : xn !== yn ? (xn ? 1 : -1) : x < y ? -1 : x > y ? 1 : 0;
    if (c) return c;
  }
  return 0;
}

export function comparePep440(x: Pep440, y: Pep440): number {
  const epoch = compareDigits(x.epoch, y.epoch);
  if (epoch) return epoch;
  const release = compareRelease(x.release, y.release);
  if (release) return release;
  const [xp, xn] = preKey(x);
  const [yp, yn] = preKey(y);
  if (xp !== yp) return sign(xp - yp);
  const pre = compareDigits(xn, yn);
  if (pre) return pre;
  // No post-release sorts before any; no dev release sorts after any.
  if (x.post !== y.post) {
    if (x.post === undefined) return -1;
    if (y.post === undefined) return 1;
    const c = compareDigits(x.post, y.post);
    if (c) return c;
  }
  if (x.dev !== y.dev) {
    if (x.dev === undefined) return 1;
    if (y.dev === undefined) return -1;
    const c = compareDigits(x.dev, y.dev);
    if (c) return c;
  }
  return compareLocal(x.local, y.local);
}

/** PEP 440 (PyPI): epochs, pre-, post- and dev-releases, local versions, with the spellings the PEP normalises. */
const parse = remembered(parsePep440);

export const pep440Order: VersionOrder = {
  valid: (version) => parse(version) !== undefined,
  compare: (a, b) => comparePep440(parse(a)!, parse(b)!),
};
