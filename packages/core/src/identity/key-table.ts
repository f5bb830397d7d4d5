/**
 * How often each 128-bit key was seen (a fingerprint key: the first 32 hex digits of a SHA-256), in typed
 * arrays: open addressing over the key's own words (already uniformly spread, so no hashing), no string and
 * no Map entry per key. A streamed convert numbers a million keys in file order on its reading thread, where
 * a Map of strings was a tenth of that thread's work and kept a million strings alive for the collector.
 */
export class KeyTable {
  private words = new Uint32Array(4 * 1024);
  private counts = new Uint32Array(1024);
  private mask = 1023;
  private size = 0;

  /** Counts the key held in words[at..at+3] once more; returns how often it has been seen, this time included. */
  next(source: Uint32Array, at: number): number {
    const a = source[at]!;
    const b = source[at + 1]!;
    const c = source[at + 2]!;
    const d = source[at + 3]!;
    const { words, counts, mask } = this;
    for (let slot = a & mask; ; slot = (slot + 1) & mask) {
      const n = counts[slot]!;
      if (n === 0) {
        words[4 * slot] = a;
        words[4 * slot + 1] = b;
        words[4 * slot + 2] = c;
        words[4 * slot + 3] = d;
        counts[slot] = 1;
        // At most half full: probes stay short.
        if (++this.size * 2 > counts.length) this.grow();
        return 1;
      }
      const w = 4 * slot;
      if (words[w] === a && words[w + 1] === b && words[w + 2] === c && words[w + 3] === d) return (counts[slot] = n + 1);
    }
  }

  private grow(): void {
    const { words, counts } = this;
    const grownWords = new Uint32Array(words.length * 2);
    const grownCounts = new Uint32Array(counts.length * 2);
    const mask = grownCounts.length - 1;
    for (let slot = 0; slot < counts.length; slot++) {
      const n = counts[slot]!;
      if (n === 0) continue;
      let to = words[4 * slot]! & mask;
      while (grownCounts[to] !== 0) to = (to + 1) & mask;
      // Word by word: a subarray per key made a million short-lived views.
      for (let w = 0; w < 4; w++) grownWords[4 * to + w] = words[4 * slot + w]!;
      grownCounts[to] = n;
    }
    this.words = grownWords;
    this.counts = grownCounts;
    this.mask = mask;
  }
}

/** Words of 32 lowercase hex digits (`key.length === 32` checked by the caller) into target[at..at+3]. */
export function hexWords(key: string, target: Uint32Array, at: number): void {
  for (let i = 0; i < 4; i++) target[at + i] = parseInt(key.slice(8 * i, 8 * i + 8), 16);
}
