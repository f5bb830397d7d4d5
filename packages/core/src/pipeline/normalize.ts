import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReport } from '../formats/registry.js';
import type { Redactor } from '../sarif/redact-log.js';
import { decodeUri, toUriReference } from '../sarif/uri.js';
import { PROP, SARIF_SCHEMA_URI, SARIF_VERSION, SRCROOT, type ArtifactLocation, type Log, type Result, type Run } from '../sarif/types.js';
import type { CollectedReport } from './collect.js';

export { SRCROOT } from '../sarif/types.js';

export interface NormalizeOptions {
  /** Where relative paths in reports resolve: the scanned directory (the scanners' working directory). */
  baseDir: string;
  /** The source root (the git work tree's top, else the scanned directory): URIs under it become relative to %SRCROOT%. */
  srcRoot: string;
  /** The command's redaction (its secret key, the values found so far); readReport makes one of its own without. */
  redactor?: Redactor | undefined;
}

// A plain relative path (no escapes, no scheme, no "." or ".." segment, no empty one) needs no decoding or
// resolving: the common case, taken without the path functions that cost a tenth of a large convert.
const PLAIN_RELATIVE = /^[A-Za-z0-9_\-.]+(?:\/[A-Za-z0-9_\-.]+)*$/;
const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;

/** Turns a file: URI or path into one relative to root, or leaves it when it lies outside. */
function relativize(location: ArtifactLocation, { baseDir, srcRoot }: NormalizeOptions, prefix: string | undefined): void {
  if (!location.uri) return;
  if (prefix !== undefined && !location.uriBaseId && PLAIN_RELATIVE.test(location.uri) && !DOT_SEGMENT.test(location.uri)) {
    location.uri = prefix + location.uri;
    location.uriBaseId = SRCROOT;
    return;
  }
  location.uri = toUriReference(location.uri);
  const uri = location.uri;
  if (location.uriBaseId) return;
  let path: string | undefined;
  if (uri.startsWith('file:')) {
    try {
      path = fileURLToPath(uri);
    } catch {
      return;
    }
  } else if (isAbsolute(uri)) {
    path = decodeUri(uri);
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
    path = resolve(baseDir, decodeUri(uri.replace(/[?#].*$/, '')));
  }
  if (path === undefined) return;
  const rel = relative(srcRoot, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return;
  location.uri = rel.split(sep).map(encodeURIComponent).join('/');
  location.uriBaseId = SRCROOT;
}

/** What a plain relative path gets in front of it: the scanned folder's place under the source root, if it has one. */
export function plainPrefix({ baseDir, srcRoot }: NormalizeOptions): string | undefined {
  const rel = relative(srcRoot, baseDir);
  if (rel === '') return '';
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return `${rel.split(sep).map(encodeURIComponent).join('/')}/`;
}

/** The run's own members that name files (its artifacts, its notifications); with `members`, only those of them. */
export function relativizeRunMembers(run: Run, root: NormalizeOptions, prefix: string | undefined, members?: ReadonlySet<string>): void {
  if (!members || members.has('artifacts')) for (const artifact of run.artifacts ?? []) if (artifact.location) relativize(artifact.location, root, prefix);
  if (members && !members.has('invocations')) return;
  // The files a tool could not read are named like the files it reports on (ESLint writes file:// URIs).
  for (const invocation of run.invocations ?? []) {
    for (const notification of [...(invocation.toolExecutionNotifications ?? []), ...(invocation.toolConfigurationNotifications ?? [])]) {
      for (const location of notification.locations ?? []) if (location.physicalLocation?.artifactLocation) relativize(location.physicalLocation.artifactLocation, root, prefix);
    }
  }
}

/** A result's places in the repository, relative to the source root. */
export function relativizeResult(result: Result, root: NormalizeOptions, prefix: string | undefined): void {
  for (const locations of [result.locations, result.relatedLocations]) {
    for (const location of locations ?? []) {
      if (location.physicalLocation?.artifactLocation) relativize(location.physicalLocation.artifactLocation, root, prefix);
    }
  }
  if (result.analysisTarget) relativize(result.analysisTarget, root, prefix);
  // A code flow's steps are places in the repository like the result's own location.
  for (const flow of result.codeFlows ?? []) {
    for (const thread of flow.threadFlows ?? []) {
      for (const step of thread.locations ?? []) {
        const artifact = step.location?.physicalLocation?.artifactLocation;
        if (artifact) relativize(artifact, root, prefix);
      }
    }
  }
}

function relativizeRun(run: Run, root: NormalizeOptions): void {
  const prefix = plainPrefix(root);
  relativizeRunMembers(run, root, prefix);
  for (const result of run.results ?? []) relativizeResult(result, root, prefix);
}

/** How a run read from a report file (not written by a scanner of ours) names it: relative to the scanned folder. */
export function reportSource(file: string, baseDir: string): string {
  return relative(baseDir, resolve(file)) || file;
}

/** Brings one report to SARIF and applies the pipeline's invariants: redaction (in readReport), relative URIs, category. */
export async function normalizeReport(report: CollectedReport, options: NormalizeOptions): Promise<{ log: Log; format: string; warnings: string[] }> {
  const { log, format, warnings } = await readReport(report.file, report.format, { redactor: options.redactor, category: report.scanner?.category });
  report.annotate?.(log);
  for (const run of log.runs) {
    run.properties = {
      ...run.properties,
      ...(report.scanner
        ? { [PROP.scanner]: report.scanner.id, [PROP.category]: report.scanner.category }
        : { [PROP.source]: reportSource(report.file, options.baseDir) }),
    };
    relativizeRun(run, options);
  }
  return { log, format, warnings };
}

/** Joins logs into one, one run per tool invocation, under the official schema URI. */
export function combineLogs(logs: readonly Log[]): Log {
  return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: logs.flatMap((log) => log.runs) };
}
