import { PROP, prop } from '../sarif/props.js';
import picomatch from 'picomatch';
import { categoryOf, fileUriOf } from '../finding.js';
import type { ContextEntry } from '../policy/config-schema.js';
import type { Log, Result } from '../sarif/types.js';
import { scoreVector } from './cvss.js';
import type { Feeds } from './feeds.js';
import { decodeUri } from '../sarif/uri.js';

export interface AssetContext {
  environment?: string | undefined;
  exposure?: string | undefined;
  data_sensitivity?: string | undefined;
  owner?: string | undefined;
  /** Why: which configured pattern matched, or which default. */
  match: string;
}

// Paths that are tests or fixtures by convention: findings there are not in what ships.
const TEST_PATHS = ['**/test/**', '**/tests/**', '**/__tests__/**', '**/__mocks__/**', '**/spec/**', '**/*.test.*', '**/*.spec.*', '**/*_test.*', '**/test_*.py', '**/fixtures/**', '**/testdata/**', '**/e2e/**'];
const isTestPath = picomatch(TEST_PATHS, { dot: true });

function cvesOf(result: Result): string[] {
  const ids = [result.ruleId ?? '', ...((prop(result.properties, PROP.ids) ?? []))];
  return [...new Set(ids.filter((id) => /^CVE-\d{4}-\d+$/i.test(id)).map((id) => id.toUpperCase()))];
}

/** Matches a finding against the configured context, first entry first; then the defaults. */
export function contextOf(result: Result, path: string | undefined, category: string, entries: readonly ContextEntry[]): AssetContext | undefined {
  const image = prop(result.properties, PROP.image)?.reference;
  const url = prop(result.properties, PROP.dast)?.url;
  for (const [index, entry] of entries.entries()) {
    const hit =
      (path && entry.paths && picomatch.isMatch(path, entry.paths, { dot: true }) && `paths ${entry.paths.join(', ')}`) ||
      (image && entry.images && picomatch.isMatch(image, entry.images) && `images ${entry.images.join(', ')}`) ||
      (url && entry.urls && picomatch.isMatch(url, entry.urls) && `urls ${entry.urls.join(', ')}`);
    if (hit) {
      return { environment: entry.environment, exposure: entry.exposure, data_sensitivity: entry.data_sensitivity, owner: entry.owner, match: `context[${index}]: ${hit}` };
    }
  }
  if (path && isTestPath(path)) return { environment: 'test', match: 'default: a test or fixture path' };
  if (category === 'dast') return { exposure: 'internet-facing', match: 'default: DAST reaches the app from outside' };
  return undefined;
}

export interface EnrichOptions {
  feeds: Feeds;
  context: readonly ContextEntry[];
}

/**
 * Adds what prioritization weighs: the CVSS score of the result's vector, KEV membership, EPSS, and the
 * asset context. The feed snapshots used are written into every run, so a gate can be reproduced.
 */
export async function enrich(log: Log, options: EnrichOptions): Promise<Log> {
  const { kev, epss } = options.feeds;
  const snapshot = {
    ...(kev ? { kev: { catalogVersion: kev.version, dateReleased: kev.released } } : {}),
    ...(epss ? { epss: { scoreDate: epss.scoreDate, ...(epss.modelVersion ? { modelVersion: epss.modelVersion } : {}) } } : {}),
  };
  log.properties = { ...log.properties, [PROP.feeds]: snapshot };
  for (const run of log.runs) {
    run.properties = { ...run.properties, [PROP.feeds]: snapshot };
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      const props: Record<string, unknown> = { ...result.properties };
      delete props[PROP.kev];
      delete props[PROP.epss];
      delete props[PROP.context];
      const vector = props[PROP.cvssVector];
      if (typeof vector === 'string') {
        const cvss = await scoreVector(vector);
        if (cvss) props[PROP.cvss] = cvss;
      }
      const cves = cvesOf(result);
      const known = kev ? cves.map((cve) => ({ cve, entry: kev.entries.get(cve) })).find((k) => k.entry) : undefined;
      if (known) props[PROP.kev] = { cve: known.cve, dateAdded: known.entry!.dateAdded, ...(known.entry!.dueDate ? { dueDate: known.entry!.dueDate } : {}), knownRansomware: known.entry!.ransomware };
      if (epss) {
        const best = cves.map((cve) => ({ cve, ...epss.entries.get(cve) })).filter((e) => e.epss !== undefined).sort((a, b) => b.epss! - a.epss!)[0];
        if (best) props[PROP.epss] = { cve: best.cve, epss: best.epss, percentile: best.percentile };
      }
      result.properties = props;
      // What the context needs of the finding, not the whole view (100k of them were made only for this).
      const uri = fileUriOf(result);
      const context = contextOf(result, uri ? decodeUri(uri) : undefined, categoryOf(run, result), options.context);
      if (context) result.properties = { ...result.properties, [PROP.context]: context };
    }
  }
  return log;
}
