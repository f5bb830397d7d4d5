import { compareDigits, remembered, type VersionOrder } from './types.js';

// Composer's VersionParser::normalize, then PHP's version_compare over the normalised string.
const CLASSICAL = /^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?$/i;
const DATED = /^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3})?)[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?$/i;

const STABILITY: Record<string, string> = { a: 'alpha', alpha: 'alpha', b: 'beta', beta: 'beta', rc: 'RC', p: 'patch', pl: 'patch', patch: 'patch', stable: '' };

/** The normalised form ("1.2.0.0-beta2"), or undefined for what Composer would not accept (branches: dev-main). */
export function normalizeComposer(version: string): string | undefined {
  const v = version.trim().replace(/[@#].*$/, '').replace(/^v(?=\d)/i, '');
  let base: string;
  let suffix: (string | undefined)[];
  const classical = CLASSICAL.exec(v);
  if (classical) {
    base = [classical[1], classical[2] ?? '.0', classical[3] ?? '.0', classical[4] ?? '.0'].map((p) => p!.replace(/^\./, '')).join('.');
    suffix = classical.slice(5);
  } else {
    const dated = DATED.exec(v);
    if (!dated) return undefined;
    base = dated[1]!.replace(/\D/g, '.');
    suffix = dated.slice(2);
  }
  const [stability, number, dev] = suffix;
  let out = base;
  const named = stability ? STABILITY[stability.toLowerCase()] : undefined;
  if (named) out += `-${named}${(number ?? '').replace(/^[.-]/, '')}`;
  if (dev) out += '-dev';
  return out;
}

// version_compare's special forms, matched by prefix as PHP does; anything else sorts below "dev".
const FORMS: [string, number][] = [['dev', 0], ['alpha', 1], ['a', 1], ['beta', 2], ['b', 2], ['RC', 3], ['rc', 3], ['#', 4], ['pl', 5], ['p', 5]];

function formOrder(form: string): number {
  for (const [name, order] of FORMS) if (form.startsWith(name)) return order;
  return -6;
}

function canonicalParts(version: string): string[] {
  return version
    .replace(/[-_+]/g, '.')
    .replace(/(\d)(?=[^\d.])|([^\d.])(?=\d)/g, '$1$2.')
    .split('.')
    .filter((p) => p !== '');
}

/** PHP's version_compare on two version strings. */
export function phpVersionCompare(a: string, b: string): number {
  const x = canonicalParts(a);
  const y = canonicalParts(b);
  const isNum = (s: string) => /^\d+$/.test(s);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const l = x[i];
    const r = y[i];
    if (l === undefined) return isNum(r!) ? -1 : phpVersionCompare('#N#', r!);
    if (r === undefined) return isNum(l) ? 1 : phpVersionCompare(l, '#N#');
    let c: number;
    if (isNum(l) && isNum(r)) c = compareDigits(l, r);
    else if (!isNum(l) && !isNum(r)) c = Math.sign(formOrder(l) - formOrder(r));
    else c = isNum(l) ? Math.sign(formOrder('#') - formOrder(r)) : Math.sign(formOrder(l) - formOrder('#'));
    if (c) return c;
  }
  return 0;
}

/** Composer (Packagist): four-part normalised versions with stability suffixes (dev < alpha < beta < RC < stable < patch). */
const normalized = remembered(normalizeComposer);

export const composerOrder: VersionOrder = {
  valid: (version) => normalized(version) !== undefined,
  compare: (a, b) => phpVersionCompare(normalized(a)!, normalized(b)!),
};
