/** One ecosystem's order of versions: the order OSV's ECOSYSTEM ranges are evaluated in. */
export interface VersionOrder {
  /** The version is one this ecosystem can order (others are matched against explicit version lists only). */
  valid(version: string): boolean;
  /** Negative, zero or positive as a is older than, the same as, or newer than b (both valid). */
  compare(a: string, b: string): number;
}

export function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares digit strings of any length as numbers (versions hold dates and build numbers past 2^53). */
export function compareDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, '');
  const y = b.replace(/^0+(?=\d)/, '');
  return x.length !== y.length ? sign(x.length - y.length) : x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A parser that remembers: matching compares the same few versions (the installed one, each event's) many
 * times over, and parsing dominated a 5,000-package lockfile's match. Bounded, so a long run does not grow it.
 */
export function remembered<T>(parse: (version: string) => T, limit = 50_000): (version: string) => T {
  const cache = new Map<string, T>();
  return (version) => {
    const hit = cache.get(version);
    if (hit !== undefined || cache.has(version)) return hit as T;
    const parsed = parse(version);
    if (cache.size >= limit) cache.clear();
    cache.set(version, parsed);
    return parsed;
  };
}
