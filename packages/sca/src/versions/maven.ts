import { compareDigits, remembered, type VersionOrder } from './types.js';

// Maven's ComparableVersion (maven-artifact): the order Maven and OSV's Maven ECOSYSTEM ranges use.
type Item = { t: 'int'; v: string } | { t: 'str'; v: string } | { t: 'list'; v: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function comparable(qualifier: string): string {
  const i = QUALIFIERS.indexOf(qualifier);
  // Unknown qualifiers sort after the known ones, among themselves as text.
  return i === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(i);
}

function stringItem(value: string, followedByDigit: boolean): Item {
  let v = value;
  if (followedByDigit && v.length === 1) v = v === 'a' ? 'alpha' : v === 'b' ? 'beta' : v === 'm' ? 'milestone' : v;
  return { t: 'str', v: ALIASES[v] ?? v };
}

function parseItem(text: string, followedByDigit = false): Item {
  return /^\d+$/.test(text) ? { t: 'int', v: text.replace(/^0+(?=\d)/, '') } : stringItem(text, followedByDigit);
}

function isNull(item: Item): boolean {
  if (item.t === 'int') return item.v === '0';
  if (item.t === 'str') return comparable(item.v) === RELEASE_INDEX;
  return item.v.length === 0;
}

function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!;
    if (isNull(last)) list.splice(i, 1);
    else if (last.t !== 'list') break;
  }
}

export function parseMaven(version: string): Item {
  const text = version.trim().toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let isDigit = false;
  let start = 0;
  const open = () => {
    const sub: Item[] = [];
    list.push({ t: 'list', v: sub });
    list = sub;
    stack.push(sub);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.' || c === '-') {
      list.push(i === start ? { t: 'int', v: '0' } : parseItem(text.slice(start, i)));
      start = i + 1;
      if (c === '-') open();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.push(stringItem(text.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(text.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (text.length > start) list.push(parseItem(text.slice(start)));
  while (stack.length) normalize(stack.pop()!);
  return { t: 'list', v: root };
}

function compareItem(a: Item, b: Item | undefined): number {
  if (a.t === 'int') {
    if (!b) return a.v === '0' ? 0 : 1;
    return b.t === 'int' ? compareDigits(a.v, b.v) : 1;
  }
  if (a.t === 'str') {
    if (!b) {
      const x = comparable(a.v);
      return x < RELEASE_INDEX ? -1 : x > RELEASE_INDEX ? 1 : 0;
    }
    if (b.t !== 'str') return -1;
    const x = comparable(a.v);
    const y = comparable(b.v);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (!b) {
    for (const item of a.v) {
      const c = compareItem(item, undefined);
      if (c) return c;
    }
    return 0;
  }
  if (b.t === 'int') return -1;
  if (b.t === 'str') return 1;
  for (let i = 0; i < Math.max(a.v.length, b.v.length); i++) {
    const l = a.v[i];
    const r = b.v[i];
    const c = l ? compareItem(l, r) : r ? -compareItem(r, undefined) : 0;
    if (c) return c;
  }
  return 0;
}

const parsed = remembered(parseMaven);

/** Maven: ComparableVersion's items, qualifiers (alpha < beta < milestone < rc < snapshot < release < sp) and padding. */
export const mavenOrder: VersionOrder = {
  valid: (version) => version.trim().length > 0 && !/\s/.test(version.trim()),
  compare: (a, b) => compareItem(parsed(a), parsed(b)),
};
