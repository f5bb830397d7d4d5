import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Finding } from '../finding.js';
import { completeProvenance, trendOf } from '../history/record.js';
import type { ImageInventory } from '../images/check.js';
import type { EmitOutputs, Emitter, RunSummary } from '../model/outputs.js';
import type { Provenance } from '../model/provenance.js';
import type { ScannerRun } from '../model/scanner-run.js';
import type { CoverageLine } from '../model/coverage.js';
import type { Verdict } from '../policy/gate.js';
import type { WaiverReport } from '../policy/waivers.js';
import type { Ports } from '../ports/types.js';
import { PROP, type Log } from '../sarif/types.js';
import { version } from '../version.js';
import { verdictProp } from './assess.js';
import type { Ingested } from './ingest.js';
import type { Prepared } from './prepare.js';
import type { ReviewReport } from '../review/report.js';
import type { ParsedScanOptions } from './types.js';

export interface Judged {
  findings: Finding[];
  verdict: Verdict;
  waivers: WaiverReport;
  review?: ReviewReport | undefined;
}

/** The run's own facts, kept in the log so `pipewarden report` and `gate` can read them back. */
function stampRun(log: Log, options: ParsedScanOptions, ingested: Ingested, judged: Judged, runs: readonly ScannerRun[], extra: Pick<RunSummary, 'coverage' | 'exclusions'>): void {
  log.properties = {
    ...log.properties,
    [PROP.stage]: options.stage,
    ...(options.shard ? { [PROP.shard]: `${options.shard.index}/${options.shard.total}` } : {}),
    ...(ingested.baseline ? { [PROP.baseline]: ingested.baseline } : {}),
    ...(ingested.scope ? { [PROP.diff]: ingested.scope } : {}),
    ...(ingested.merged ? { [PROP.merged]: ingested.merged } : {}),
    [PROP.verdict]: verdictProp(judged.verdict),
    ...(judged.review ? { [PROP.review]: { ...judged.review } } : {}),
    ...(extra.coverage?.length ? { [PROP.coverage]: extra.coverage } : {}),
    ...(extra.exclusions && (Object.keys(extra.exclusions.files).length || Object.keys(extra.exclusions.findings).length) ? { [PROP.excluded]: extra.exclusions } : {}),
    [PROP.waivers]: { expired: judged.waivers.expired, expiringSoon: judged.waivers.expiringSoon },
    [PROP.scanners]: runs.map(({ id, status, version: v, durationMs, reason, findings: count, merged, mergedInto, files: fileCount, notAnalysed, caveat, dast }) => ({
      id,
      status,
      files: fileCount,
      ...(v ? { version: v } : {}),
      durationMs: Math.round(durationMs),
      ...(reason ? { reason } : {}),
      ...(count !== undefined ? { findings: count } : {}),
      ...(merged ? { merged, mergedInto: mergedInto ?? [] } : {}),
      ...(notAnalysed?.length ? { notAnalysed } : {}),
      ...(caveat ? { caveat } : {}),
      ...(dast ? { dast } : {}),
    })),
  };
}

/** Results seen for the first time are first detected now (matched ones kept the baseline's time). */
function stampFirstDetection(log: Log, time: Date): void {
  const now = time.toISOString();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (result.baselineState === 'absent' || result.provenance?.firstDetectionTimeUtc) continue;
      result.provenance = { ...result.provenance, firstDetectionTimeUtc: now };
    }
  }
}

/** The images the run looked at, each with its SBOM's size when a scanner made one (the whole image's first). */
function imagesOf(log: Log, prepared: Prepared): ImageInventory[] {
  const images = log.runs.flatMap((run) => (run.properties?.[PROP.inventory] ? [run.properties[PROP.inventory] as ImageInventory] : []));
  const sbomOf = (kind: 'image' | 'app') =>
    prepared.scanners
      .filter((scanner) => scanner.sbom === kind)
      .map((scanner) => ({ scanner, components: log.runs.find((run) => run.properties?.[PROP.scanner] === scanner.id)?.properties?.[PROP.sbomComponents] }))
      .find((s) => typeof s.components === 'number');
  const sbom = sbomOf('image') ?? sbomOf('app');
  const generator = sbom && `${sbom.scanner.id.replace(/-image$/, '')} (${sbom.scanner.sbom === 'image' ? 'whole image' : 'application layer'})`;
  if (sbom) for (const image of images) image.sbom ??= { generator: generator!, components: sbom.components as number };
  return images;
}

const ANCHORS = ['pipewarden.yml', 'pipewarden.yaml', 'README.md', 'readme.md', 'package.json', 'Dockerfile'];

/** The repository file GitHub shows findings on that have no file of their own (a DAST URL no route matched). */
async function anchorOf(dir: string, srcRoot: string): Promise<string | undefined> {
  for (const name of ANCHORS) {
    const path = join(dir, name);
    if (await stat(path).then((s) => s.isFile(), () => false)) {
      const rel = relative(srcRoot, path);
      if (!rel.startsWith('..')) return rel.split(sep).map(encodeURIComponent).join('/');
    }
  }
  return undefined;
}

export interface Emitted {
  outputs: EmitOutputs;
  provenance: Provenance & { repository: string };
  images: ImageInventory[];
}

/** Stamps the log with the run's facts and writes every output through the emitter. */
export async function emitRun(
  input: { options: ParsedScanOptions; prepared: Prepared; ingested: Ingested; judged: Judged; runs: ScannerRun[]; startedAt: Date; coverage?: readonly CoverageLine[] },
  emit: Emitter,
  ports: Ports,
): Promise<Emitted> {
  const { options, prepared, ingested, judged, runs, startedAt } = input;
  const log = ingested.log;
  stampRun(log, options, ingested, judged, runs, { coverage: input.coverage, exclusions: prepared.exclusions.counts });
  const provenance = await completeProvenance(options.provenance, prepared.srcRoot, ports, options.env);
  stampFirstDetection(log, startedAt);
  const images = imagesOf(log, prepared);
  log.properties = { ...log.properties, [PROP.provenance]: provenance, ...(images.length ? { [PROP.images]: images } : {}) };
  const trend = prepared.history && trendOf(prepared.history, provenance.repository, options.stage);
  const summary: RunSummary = { ...judged, scanners: runs, stage: options.stage, reports: ingested.reports, baseline: ingested.baseline, scope: ingested.scope, provenance, images, history: trend, exclusions: prepared.exclusions.counts, coverage: input.coverage };
  const outputs = await emit(log, summary, prepared.outDir, {
    gitlab: { version, startedAt, endedAt: new Date(), commit: provenance.commit, scanners: runs, categories: Object.fromEntries(prepared.scanners.map((s) => [s.id, s.category])) },
    links: options.links,
    anchorUri: await anchorOf(prepared.dir, prepared.srcRoot),
    commit: provenance.commit,
  });
  return { outputs, provenance, images };
}
