import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { categoryOf } from '../finding.js';
import { readReport } from '../formats/registry.js';
import { redactResult } from '../sarif/redact.js';
import { decodeUri, toUriReference } from '../sarif/uri.js';
import { PROP, SARIF_SCHEMA_URI, SARIF_VERSION, SRCROOT, type ArtifactLocation, type Log, type Run } from '../sarif/types.js';
import { getScanner } from '../scanners/registry.js';
import type { CollectedReport } from './collect.js';

export { SRCROOT } from '../sarif/types.js';

export interface NormalizeOptions {
  /** Where relative paths in reports resolve: the scanned directory (the scanners' working directory). */
  baseDir: string;
  /** The source root (the git work tree's top, else the scanned directory): URIs under it become relative to %SRCROOT%. */
  srcRoot: string;
}

/** Turns a file: URI or path into one relative to root, or leaves it when it lies outside. */
function relativize(location: ArtifactLocation, { baseDir, srcRoot }: NormalizeOptions): void {
  if (!location.uri) return;
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

function relativizeRun(run: Run, root: NormalizeOptions): void {
  for (const artifact of run.artifacts ?? []) if (artifact.location) relativize(artifact.location, root);
  for (const result of run.results ?? []) {
    for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
      if (location.physicalLocation?.artifactLocation) relativize(location.physicalLocation.artifactLocation, root);
    }
    if (result.analysisTarget) relativize(result.analysisTarget, root);
  }
}

/** Brings one report to SARIF and applies the pipeline's invariants: relative URIs, category, redaction. */
export async function normalizeReport(report: CollectedReport, options: NormalizeOptions): Promise<{ log: Log; format: string }> {
  const { log, format } = await readReport(report.file, report.format);
  const scanner = report.scanner ? getScanner(report.scanner.id) : undefined;
  scanner?.annotate?.(log);
  for (const run of log.runs) {
    run.properties = {
      ...run.properties,
      ...(report.scanner
        ? { [PROP.scanner]: report.scanner.id, [PROP.category]: report.scanner.category }
        : { [PROP.source]: relative(options.baseDir, resolve(report.file)) || report.file }),
    };
    relativizeRun(run, options);
    for (const result of run.results ?? []) {
      const secret = categoryOf(run, result) === 'secrets';
      if (redactResult(result, secret)) result.properties = { ...result.properties, [PROP.redacted]: true };
    }
  }
  return { log, format };
}

/** Joins logs into one, one run per tool invocation, under the official schema URI. */
export function combineLogs(logs: readonly Log[]): Log {
  return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: logs.flatMap((log) => log.runs) };
}
