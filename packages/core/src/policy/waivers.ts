import { PROP, prop } from '../sarif/props.js';
import picomatch from 'picomatch';
import { toFinding } from '../finding.js';
import { FINGERPRINT_KEY, type Log } from '../sarif/types.js';
import type { Waiver } from './config-schema.js';
import { decodeUri } from '../sarif/uri.js';

export interface WaiverReport {
  /** Per waiver (by index): how many findings it suppressed. */
  applied: { index: number; waiver: Waiver; matched: number }[];
  expired: { index: number; waiver: Waiver; matched: number }[];
  /** Still valid, but ending within 14 days. */
  expiringSoon: { index: number; waiver: Waiver; daysLeft: number }[];
}

const DAY = 24 * 60 * 60 * 1000;

export function describeWaiver(waiver: Waiver, index: number): string {
  const what = [waiver.fingerprint && `fingerprint ${waiver.fingerprint}`, waiver.rule && `rule ${waiver.rule}`, waiver.path && `path ${waiver.path}`, waiver.package && `package ${waiver.package}`].filter(Boolean).join(', ');
  return `waivers[${index}] (${what}, owner ${waiver.owner})`;
}

/**
 * Applies the waivers that have not expired: every finding a waiver matches (all its conditions) gets an
 * external, accepted suppression with the reason; it stays in the SARIF and the reports, and the gate skips
 * it. A waiver past its `expires` day no longer applies, and the report says so.
 */
export function applyWaivers(log: Log, waivers: readonly Waiver[], today: string): WaiverReport {
  const report: WaiverReport = { applied: [], expired: [], expiringSoon: [] };
  const now = Date.parse(`${today}T00:00:00Z`);
  const live = waivers.map((waiver, index) => {
    const ends = Date.parse(`${waiver.expires}T00:00:00Z`);
    return { waiver, index, expired: ends < now, daysLeft: Math.round((ends - now) / DAY), matched: 0, path: waiver.path ? picomatch(waiver.path, { dot: true }) : undefined };
  });
  // Without a waiver there is nothing to match: no view of each result is made.
  for (const run of live.length ? log.runs : []) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent') continue;
      const finding = toFinding(run, result);
      const fingerprint = result.partialFingerprints?.[FINGERPRINT_KEY];
      const ids = [finding.ruleId, ...(prop(result.properties, PROP.ids) ?? []), ...finding.cwes].map((id) => id.toLowerCase());
      const pkg = prop(result.properties, PROP.package);
      const path = finding.location?.uri ? decodeUri(finding.location.uri) : undefined;
      for (const entry of live) {
        const w = entry.waiver;
        if (w.fingerprint && !(fingerprint && (fingerprint === w.fingerprint || fingerprint.split(':')[0] === w.fingerprint))) continue;
        if (w.rule && !ids.includes(w.rule.toLowerCase())) continue;
        if (w.path && !(path && entry.path!(path))) continue;
        if (w.package) {
          const [name, version] = w.package.includes('@', 1) ? [w.package.slice(0, w.package.lastIndexOf('@')), w.package.slice(w.package.lastIndexOf('@') + 1)] : [w.package, undefined];
          if (!pkg?.name || pkg.name.toLowerCase() !== name.toLowerCase() || (version && pkg.version !== version)) continue;
        }
        entry.matched++;
        if (entry.expired) continue;
        result.suppressions = [
          ...(result.suppressions ?? []).filter((s) => !s.justification?.startsWith('waiver: ')),
          { kind: 'external', status: 'accepted', justification: `waiver: ${w.reason} (owner ${w.owner}, until ${w.expires})` },
        ];
        result.properties = { ...result.properties, [PROP.waiver]: entry.index };
        break;
      }
    }
  }
  for (const entry of live) {
    const item = { index: entry.index, waiver: entry.waiver, matched: entry.matched };
    if (entry.expired) report.expired.push(item);
    else {
      report.applied.push(item);
      if (entry.daysLeft <= 14) report.expiringSoon.push({ index: entry.index, waiver: entry.waiver, daysLeft: entry.daysLeft });
    }
  }
  return report;
}
