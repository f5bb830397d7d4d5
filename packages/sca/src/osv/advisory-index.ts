import { normalizeName } from '../ecosystems.js';
import type { Ecosystem } from '../types.js';
import type { Advisory, OsvAffected } from './record.js';

/** One advisory's entries for one package (a record may list a package more than once, per range set). */
export interface IndexEntry {
  advisory: Advisory;
  affected: OsvAffected[];
}

/**
 * Advisories by ecosystem and normalised package name: matching a lockfile is one lookup per package,
 * whatever the size of the database.
 */
export class AdvisoryIndex {
  private readonly byKey = new Map<string, IndexEntry[]>();
  readonly ecosystems = new Set<Ecosystem>();
  /** Records indexed. */
  readonly size: number;
  /** The newest `modified` time among the records: how fresh the data is. */
  readonly newest: string | undefined;

  constructor(advisories: readonly Advisory[]) {
    let newest: string | undefined;
    for (const advisory of advisories) {
      if (advisory.modified && (!newest || advisory.modified > newest)) newest = advisory.modified;
      const seen = new Map<string, IndexEntry>();
      for (const affected of advisory.affected) {
        const key = `${affected.ecosystem}\u0000${normalizeName(affected.ecosystem, affected.name)}`;
        this.ecosystems.add(affected.ecosystem);
        const entry = seen.get(key);
        if (entry) {
          entry.affected.push(affected);
          continue;
        }
        const created = { advisory, affected: [affected] };
        seen.set(key, created);
        const list = this.byKey.get(key);
        if (list) list.push(created);
        else this.byKey.set(key, [created]);
      }
    }
    this.size = advisories.length;
    this.newest = newest;
  }

  /** The advisories that name this package. */
  lookup(ecosystem: Ecosystem, name: string): readonly IndexEntry[] {
    return this.byKey.get(`${ecosystem}\u0000${normalizeName(ecosystem, name)}`) ?? [];
  }
}
