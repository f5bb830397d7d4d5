import { PROP, prop } from '../sarif/props.js';
import type { Finding } from '../finding.js';
import { sortByRisk } from '../risk/prioritize.js';
import { version } from '../version.js';
import type { SummaryInput } from './summary.js';
import { reviewJson } from './review.js';
import { eagerList, type ListOf } from './json-text.js';

/**
 * report.json's schema version (docs/report-json.md, docs/schemas/report-v1.schema.json). Adding a field is a
 * minor change; renaming or removing one is a major one and bumps the first number.
 */
export const REPORT_SCHEMA_VERSION = '1.5';

export interface JsonReportInput extends Omit<SummaryInput, 'outputs'> {
  exitCode?: number;
  outputs?: readonly string[];
  generatedAt?: Date;
}

function findingJson(f: Finding): Record<string, unknown> {
  const props = f.result.properties ?? {};
  const pkg = prop(props, PROP.package);
  const dast = prop(props, PROP.dast);
  return {
    priority: f.priority ?? null,
    risk: f.risk ?? null,
    severity: f.severity,
    score: f.score,
    category: f.category,
    tool: f.tool,
    tools: prop(props, PROP.tools) ?? [f.tool],
    rule: f.ruleId,
    cwes: f.cwes,
    ids: prop(props, PROP.ids) ?? [],
    location: f.location ? { path: f.location.uri, ...(f.location.startLine ? { line: f.location.startLine } : {}) } : null,
    message: f.message,
    fingerprint: f.fingerprint ?? null,
    state: f.result.baselineState ?? null,
    inScope: f.inScope,
    kev: f.kev,
    waived: f.suppressed,
    slaDays: prop(props, PROP.slaDays) ?? null,
    factors: prop(props, PROP.factors) ?? [],
    ...(pkg?.name ? { package: { name: pkg.name, ...(pkg.version ? { version: pkg.version } : {}), fixedVersions: pkg.fixedVersions ?? [] } } : {}),
    ...(dast?.url ? { request: { url: dast.url, method: (dast.method ?? 'GET').toUpperCase(), ...(dast.parameter ? { parameter: dast.parameter } : {}) } } : {}),
  };
}

/** report.json and `--json`: the verdict, counts, scanners and every finding, most urgent first. */
export function renderJson(input: JsonReportInput, listOf: ListOf = eagerList): Record<string, unknown> {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'pipewarden', version },
    generatedAt: (input.generatedAt ?? new Date()).toISOString(),
    stage: input.stage,
    verdict: input.verdict.status,
    ...(input.verdict.errors?.length ? { errors: input.verdict.errors } : {}),
    ...(input.verdict.incomplete?.length ? { incomplete: input.verdict.incomplete } : {}),
    ...(input.exitCode !== undefined ? { exitCode: input.exitCode } : {}),
    failures: input.verdict.failures.map(({ rule, matched, max, findings, about }) => ({ rule, matched, max, findings, ...(about ? { about } : {}) })),
    counts: { total: input.findings.length, ...input.verdict.counts, fixed: input.fixed?.length ?? 0 },
    ...(input.baseline ? { baseline: input.baseline } : {}),
    ...(input.scope ? { diff: input.scope } : {}),
    ...(input.review ? { review: reviewJson(input.review) } : {}),
    ...(input.exclusions && (Object.keys(input.exclusions.files).length || Object.keys(input.exclusions.findings).length) ? { excluded: { files: input.exclusions.files, findings: input.exclusions.findings } } : {}),
    ...(input.coverage?.length ? { coverage: input.coverage } : {}),
    warnings: input.verdict.warnings,
    scanners: input.scanners.map(({ id, status, version: v, durationMs, reason, findings, merged, mergedInto, notAnalysed, dast }) => ({
      id,
      status,
      ...(v ? { version: v } : {}),
      durationMs: Math.round(durationMs),
      ...(reason ? { reason } : {}),
      ...(findings !== undefined ? { findings } : {}),
      ...(merged ? { merged, mergedInto: mergedInto ?? [] } : {}),
      ...(notAnalysed?.length ? { notAnalysed } : {}),
      ...(dast ? { dast } : {}),
    })),
    waivers: {
      expired: (input.waivers?.expired ?? []).map((w) => ({ index: w.index, expires: w.waiver.expires, owner: w.waiver.owner, matched: w.matched })),
      expiringSoon: (input.waivers?.expiringSoon ?? []).map((w) => ({ index: w.index, expires: w.waiver.expires, owner: w.waiver.owner, daysLeft: w.daysLeft })),
    },
    ...(input.github ? { github: { kept: input.github.kept, total: input.github.total, omitted: input.github.omitted } } : {}),
    ...(input.provenance ? { provenance: input.provenance } : {}),
    // The inventory: which image, built on which base, from which commit and pipeline (docs/images.md).
    ...(input.images?.length ? { images: input.images.map((image) => ({ ...image, ...(input.provenance ? { provenance: input.provenance } : {}) })) } : {}),
    findings: listOf(sortByRisk(input.findings), findingJson),
    fixed: listOf(sortByRisk(input.fixed ?? []), findingJson),
    ...(input.outputs ? { outputs: input.outputs } : {}),
  };
}
