import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import type { MatchOutcome, PackageMatches, Match } from '../match/match.js';
import type { Package } from '../types.js';
import { satisfiesDeclared } from '../versions/declared.js';
import { VERSION } from '../version.js';
import { isDevOnly, labelOf, levelOf, messageOf, summaryOf, vectorOf } from './describe.js';

const DOCS = 'https://github.com/pipewarden/pipewarden/blob/main/docs/sca.md';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Notes about files listed one by one at most; the rest are counted in one more note. */
export const MAX_NOTES = 200;

export interface RunFacts {
  /** Manifests that could not be read (one warning each, on the file: the run is partial) and those that were. */
  problems: readonly { file: string; message: string }[];
  /** Remarks about manifests that were read (a line skipped, a version not resolved): notes on the file, the run stays complete. */
  fileNotes: readonly { file: string; message: string }[];
  manifests: readonly { file: string; kind: string; packages: number }[];
  /** What else the run should say (GIT ranges ignored, versions no order can read). */
  notes: readonly string[];
  /** What the run's properties say about the inventory and the data (manifests read, snapshot, problems). */
  dependencies: Record<string, unknown>;
  advisories: Record<string, unknown>;
}

function ruleOf(match: Match, ecosystem: string): ReportingDescriptor {
  const primary = match.advisories[0]!;
  const summary = summaryOf(match);
  const { label, score } = labelOf(match.advisories);
  const cwes = [...new Set(match.advisories.flatMap((a) => a.cwes))];
  return {
    id: match.id,
    name: match.id,
    shortDescription: { text: summary ?? `${match.id} in a dependency` },
    ...(primary.details ? { fullDescription: { text: primary.details } } : {}),
    helpUri: primary.url ?? `https://osv.dev/vulnerability/${encodeURIComponent(primary.id)}`,
    help: { text: `Advisories: ${match.ids.join(', ')}. Upgrade the package to a fixed version (see each result), or remove it.` },
    defaultConfiguration: { level: levelOf(score) },
    properties: {
      tags: ['security', 'vulnerability', 'dependency', ecosystem, ...cwes],
      precision: 'very-high',
      ...(score !== undefined ? { 'security-severity': score.toFixed(1) } : {}),
      'pipewarden/severityLabel': label,
      ...(cwes.length ? { 'pipewarden/cwe': cwes } : {}),
    },
  };
}

function locationsOf(pkg: Package) {
  // Direct dependencies are reported where the manifest declares them; transitive ones where the lockfile resolves them.
  const primary = pkg.direct && pkg.declaredAt ? pkg.declaredAt : pkg.location;
  const other = primary === pkg.location ? pkg.declaredAt : pkg.location;
  const at = (l: { file: string; line: number }) => ({ physicalLocation: { artifactLocation: { uri: encodeURI(l.file) }, region: { startLine: Math.max(1, l.line) } } });
  return {
    locations: [at(primary)],
    ...(other && (other.file !== primary.file || other.line !== primary.line) ? { relatedLocations: [{ id: 0, ...at(other), message: { text: other === pkg.location ? 'where the lockfile resolves it' : 'where the manifest declares it' } }] } : {}),
  };
}

function resultOf(match: Match, found: PackageMatches, ruleIndex: number): Result {
  const { pkg } = found;
  const vector = vectorOf(match.advisories);
  const { label, score } = labelOf(match.advisories);
  const admitsFix = pkg.unresolved && pkg.declared && match.fixed ? satisfiesDeclared(pkg.ecosystem, match.fixed, pkg.declared) : undefined;
  const fixedVersions = [...new Set([match.fixed, found.upgrade].filter((v): v is string => v !== undefined))];
  return {
    ruleId: match.id,
    ruleIndex,
    level: levelOf(score),
    message: { text: messageOf(match, found, admitsFix) },
    ...locationsOf(pkg),
    properties: {
      'pipewarden/category': 'sca',
      'pipewarden/ids': match.ids,
      ...(vector ? { 'pipewarden/cvssVector': vector } : {}),
      'pipewarden/severityLabel': label,
      'pipewarden/package': {
        name: pkg.name,
        version: pkg.version,
        purl: pkg.purl,
        ecosystem: pkg.ecosystem,
        fixedVersions,
        ...(found.upgrade ? { upgrade: found.upgrade } : {}),
        ...(match.lastAffected ? { lastAffected: match.lastAffected } : {}),
        scope: pkg.scope,
        manifest: pkg.manifest,
        ...(pkg.unresolved ? { unresolved: true, declared: pkg.declared } : {}),
        ...(pkg.vendored ? { vendored: true } : {}),
      },
      'pipewarden/direct': pkg.direct,
      ...(pkg.path.length > 1 ? { 'pipewarden/via': pkg.path } : {}),
      // Prioritization weighs dev-only and test-only dependencies less (docs/prioritization.md).
      ...(isDevOnly(pkg) ? { 'pipewarden/dev': true } : {}),
      ...(score !== undefined ? { 'security-severity': score.toFixed(1) } : {}),
    },
  };
}

/** The engine's SARIF log: one result per package and vulnerability, on the line that brings the package in. */
export function toLog(outcome: MatchOutcome, facts: RunFacts): Log {
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Result[] = [];
  const packages = [...outcome.packages].sort((a, b) => a.pkg.manifest.localeCompare(b.pkg.manifest) || a.pkg.name.localeCompare(b.pkg.name) || a.pkg.version.localeCompare(b.pkg.version));
  for (const found of packages) {
    for (const match of found.matches) {
      if (!ruleIndex.has(match.id)) {
        ruleIndex.set(match.id, rules.length);
        rules.push(ruleOf(match, found.pkg.ecosystem));
      }
      results.push(resultOf(match, found, ruleIndex.get(match.id)!));
    }
  }
  const uri = (file: string) => ({ physicalLocation: { artifactLocation: { uri: encodeURI(file) } } });
  const notifications = [
    ...facts.problems.map((p) => ({ level: 'warning' as const, message: { text: p.message }, locations: [uri(p.file)], descriptor: { id: 'manifest-not-read' } })),
    ...facts.fileNotes.slice(0, MAX_NOTES).map((n) => ({ level: 'note' as const, message: { text: n.message }, locations: [uri(n.file)], descriptor: { id: 'manifest-note' } })),
    ...(facts.fileNotes.length > MAX_NOTES ? [{ level: 'note' as const, message: { text: `${facts.fileNotes.length - MAX_NOTES} more notes about manifests not listed` }, descriptor: { id: 'manifest-note' } }] : []),
    ...facts.notes.map((text) => ({ level: 'note' as const, message: { text }, descriptor: { id: 'matching-note' } })),
    ...(facts.manifests.length ? [{ level: 'note' as const, message: { text: `Checked ${facts.manifests.map((m) => `${m.file} (${m.kind}, ${m.packages} package${m.packages === 1 ? '' : 's'})`).join(', ')}` }, descriptor: { id: 'manifests-checked' } }] : []),
  ];
  const run: Run = {
    invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
    tool: { driver: { name: 'Pipewarden SCA', version: VERSION, semanticVersion: VERSION, informationUri: DOCS, rules } },
    results,
    properties: { 'pipewarden/dependencies': facts.dependencies, 'pipewarden/advisories': facts.advisories },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] };
}
