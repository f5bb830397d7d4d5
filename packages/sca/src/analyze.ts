import type { Log } from 'sarif';
import { readInventory } from './inventory/index.js';
import { matchPackages } from './match/match.js';
import { AdvisoryIndex } from './osv/advisory-index.js';
import type { AdvisoryProblem, ReadAdvisories } from './osv/read.js';
import { MAX_NOTES, toLog } from './sarif/log.js';
import type { Ecosystem, InventoryResult, ManifestFile } from './types.js';

/** Advisories ready to match, with what the run reports about them. */
export interface AdvisoryDatabase {
  index: AdvisoryIndex;
  /** The data's date (YYYY-MM-DD): the cache day it was downloaded, or the newest record's `modified` day. */
  snapshot: string | undefined;
  /** Where the records came from (folders, zip exports, URLs), as the run's properties name them. */
  sources: string[];
  /** Records skipped: withdrawn, or about no package of a known ecosystem. */
  skipped: number;
  problems: AdvisoryProblem[];
}

/** Indexes what was read (one or more folders or exports) for matching. */
export function openAdvisories(reads: readonly ReadAdvisories[], options: { sources: string[]; snapshot?: string | undefined }): AdvisoryDatabase {
  const index = new AdvisoryIndex(reads.flatMap((r) => r.advisories));
  return {
    index,
    snapshot: options.snapshot ?? index.newest?.slice(0, 10),
    sources: options.sources,
    skipped: reads.reduce((n, r) => n + r.skipped, 0),
    problems: reads.flatMap((r) => r.problems),
  };
}

/** The ecosystems an inventory has packages of: the only advisory exports worth downloading. */
export function ecosystemsOf(inventory: InventoryResult): Ecosystem[] {
  return [...new Set(inventory.packages.map((p) => p.ecosystem))].sort();
}

/** Matches an inventory already read against the advisories: one SARIF result per package and vulnerability. */
export function analyzeInventory(inventory: InventoryResult, advisories: AdvisoryDatabase): Log {
  const outcome = matchPackages(inventory.packages, advisories.index);
  const counts: Record<string, number> = {};
  for (const p of inventory.packages) counts[p.ecosystem] = (counts[p.ecosystem] ?? 0) + 1;
  return toLog(outcome, {
    problems: inventory.problems,
    fileNotes: inventory.notes,
    manifests: inventory.manifests,
    notes: [
      ...(outcome.gitRanges ? [`${outcome.gitRanges} GIT range${outcome.gitRanges === 1 ? '' : 's'} of the matching advisories ignored: they name commits, not package versions`] : []),
      ...(outcome.unordered.length ? [`${outcome.unordered.length} package version${outcome.unordered.length === 1 ? '' : 's'} no version order can read (${outcome.unordered.slice(0, 3).map((p) => `${p.name}@${p.version}`).join(', ')}): checked against explicit version lists only`] : []),
    ],
    dependencies: {
      manifests: inventory.manifests,
      packages: inventory.packages.length,
      byEcosystem: counts,
      unresolved: inventory.packages.filter((p) => p.unresolved).length,
      vulnerable: outcome.packages.length,
      ...(inventory.problems.length ? { problems: inventory.problems } : {}),
      ...(inventory.notes.length ? { notes: inventory.notes.slice(0, MAX_NOTES) } : {}),
      ...(outcome.unordered.length ? { unordered: outcome.unordered.map((p) => `${p.ecosystem}:${p.name}@${p.version}`) } : {}),
    },
    advisories: {
      snapshot: advisories.snapshot ?? 'unknown',
      records: advisories.index.size,
      ecosystems: [...advisories.index.ecosystems].sort(),
      sources: advisories.sources,
      skipped: advisories.skipped,
      ...(outcome.gitRanges ? { gitRangesIgnored: outcome.gitRanges } : {}),
      ...(advisories.problems.length ? { problems: advisories.problems.slice(0, 50) } : {}),
    },
  });
}

/** Files in, SARIF out: reads the manifests and lockfiles given and matches their packages. */
export function analyzeDependencies(files: ManifestFile[], advisories: AdvisoryDatabase): Log {
  return analyzeInventory(readInventory(files), advisories);
}
