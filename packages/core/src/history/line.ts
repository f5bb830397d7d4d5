import { z } from 'zod';
import { CATEGORIES, PRIORITIES, whereOf, type Finding } from '../finding.js';
import { PROP, prop } from '../sarif/props.js';
import type { ImageInventory } from '../images/check.js';
import type { Verdict } from '../policy/gate.js';
import type { Provenance } from '../model/provenance.js';
import { STAGES, type Stage } from '../model/stage.js';
import { ticketKey } from '../tickets/key.js';
import type { Ticket } from '../tickets/types.js';

/** Bumped when a field changes meaning; readers refuse lines of a version they do not know. */
export const HISTORY_VERSION = 1;

const findingRef = z.object({
  /** pipewarden/v1 fingerprint */
  fp: z.string().min(1),
  p: z.enum(PRIORITIES),
  c: z.enum(CATEGORIES),
  /** scanner id */
  s: z.string(),
  /** rule id */
  r: z.string(),
});

const findingDetail = z.object({
  /** message */
  m: z.string().optional(),
  /** where: path:line, or the request of a DAST finding */
  l: z.string().optional(),
  /** risk score */
  k: z.number().optional(),
  /** risk factors */
  f: z.array(z.object({ factor: z.string(), detail: z.string(), points: z.number() })).optional(),
});

/** The ticket Pipewarden keeps for a finding's group: its tracker id, where a person reads it, its state. */
const findingTicket = z.object({
  id: z.string().min(1).max(100),
  /** The ticket's address; only http(s) is ever linked by a reader. */
  u: z.string().max(500).optional(),
  /** accepted: closed by a person as won't fix / not planned, honoured at this run's gate. */
  st: z.enum(['open', 'closed', 'accepted']),
});

/**
 * One run, one line: what a security team's numbers are made of. Counts are of the open findings (not
 * fixed, not waived); `findings` names which ones arrived, left and were waived, so time to fix and
 * "caught before production" can be followed per finding, across runs and branches.
 */
export const historyLineSchema = z.object({
  v: z.literal(HISTORY_VERSION),
  time: z.iso.datetime({ offset: true }),
  repo: z.string().min(1),
  commit: z.string().optional(),
  branch: z.string().optional(),
  defaultBranch: z.string().optional(),
  pipeline: z.string().optional(),
  stage: z.enum(STAGES),
  verdict: z.enum(['pass', 'fail', 'error']),
  /** true: new and fixed are against the last default-branch run; false: no baseline, so `new` is everything open (a snapshot). */
  baseline: z.boolean(),
  counts: z.object({
    total: z.number().int().min(0),
    byPriority: z.record(z.string(), z.number().int().min(0)),
    byCategory: z.record(z.string(), z.number().int().min(0)),
    byScanner: z.record(z.string(), z.number().int().min(0)),
  }),
  new: z.number().int().min(0),
  fixed: z.number().int().min(0),
  waived: z.number().int().min(0),
  scanners: z.array(z.object({ id: z.string(), status: z.string(), durationMs: z.number().min(0) })),
  images: z
    .array(
      z.object({
        digest: z.string(),
        names: z.array(z.string()),
        base: z.object({ name: z.string(), digest: z.string().optional(), fresh: z.boolean().optional(), sanctioned: z.boolean().optional() }).optional(),
        sbom: z.object({ generator: z.string(), components: z.number().int().min(0) }).optional(),
      }),
    )
    .optional(),
  /**
   * What the run said of its new and waived findings, by fingerprint: message, where, risk score and its
   * factors (each cut short), so a dashboard can show a finding without the run's SARIF. Optional: lines
   * written before it lack it.
   */
  details: z.record(z.string(), findingDetail).optional(),
  /**
   * The ticket of each open or waived finding that has one, by fingerprint, as the tracker said before the
   * scan (a ticket this run opens is named by the next run). Optional: lines written before it lack it.
   */
  tickets: z.record(z.string(), findingTicket).optional(),
  findings: z.object({
    new: z.array(findingRef),
    /** `first`: when the finding was first detected (SARIF firstDetectionTimeUtc), when the baseline knew. */
    fixed: z.array(findingRef.extend({ first: z.iso.datetime({ offset: true }).optional() })),
    /** `ticket`: the ticket a person closed as accepted (won't fix, not planned) that waives it, instead of a config waiver. */
    waived: z.array(findingRef.extend({ expires: z.string().optional(), owner: z.string().optional(), ticket: z.string().optional() })),
  }),
});

export type HistoryLine = z.output<typeof historyLineSchema>;

/**
 * What a run's trend reads of each earlier line: when, where, and its counts. The scan, `gate` and `report` read
 * the whole history for it, and a snapshot line (a run without a baseline lists every open finding) of 100k
 * findings is 40 MB: its findings are neither checked nor kept.
 */
export const historyTrendLineSchema = historyLineSchema.pick({ v: true, time: true, repo: true, branch: true, defaultBranch: true, stage: true, counts: true });
export type HistoryTrendLine = z.output<typeof historyTrendLineSchema>;
export type HistoryFindingRef = z.output<typeof findingRef>;
export type HistoryFindingDetail = z.output<typeof findingDetail>;
export type HistoryFindingTicket = z.output<typeof findingTicket>;

export interface HistoryLineInput {
  time: Date;
  /** owner/name on the platform, else the checkout's folder name. */
  repo: string;
  provenance?: Provenance | undefined;
  stage: Stage;
  findings: readonly Finding[];
  /** The baseline's findings gone from this run (absent). */
  fixed: readonly Finding[];
  verdict: Verdict;
  /** 2: a scanner could not run under a fail-closed policy. */
  exitCode: number;
  /** Whether the findings were compared with a baseline (else the line is a snapshot). */
  baseline: boolean;
  scanners: readonly { id: string; status: string; durationMs: number }[];
  images?: readonly ImageInventory[] | undefined;
  /** The tracker's tickets read before the scan: each finding's group ticket is named in the line. */
  tickets?: readonly Ticket[] | undefined;
}

function refOf(finding: Finding): HistoryFindingRef | undefined {
  if (!finding.fingerprint) return undefined;
  return { fp: finding.fingerprint, p: finding.priority ?? 'P4', c: finding.category, s: finding.scanner, r: finding.ruleId };
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A finding's detail, kept short: a line per run must stay small even with hundreds of findings. */
function detailOf(finding: Finding): HistoryFindingDetail {
  const factors = prop(finding.result.properties, PROP.factors);
  return {
    ...(finding.message ? { m: cut(finding.message, 300) } : {}),
    l: cut(whereOf(finding), 300),
    ...(finding.risk !== undefined ? { k: finding.risk } : {}),
    ...(factors?.length ? { f: factors.slice(0, 8).map(({ factor, detail, points }) => ({ factor: cut(String(factor), 60), detail: cut(String(detail), 200), points: Number(points) || 0 })) } : {}),
  };
}

/** A group's ticket: the open one, else the latest closed (a reopened group has both). */
function ticketsByKey(tickets: readonly Ticket[]): Map<string, Ticket> {
  const byKey = new Map<string, Ticket>();
  for (const ticket of tickets) {
    const known = byKey.get(ticket.marker.key);
    if (!known || (known.state === 'closed' && (ticket.state === 'open' || (ticket.closure?.at ?? '') > (known.closure?.at ?? '')))) byKey.set(ticket.marker.key, ticket);
  }
  return byKey;
}

function ticketOf(finding: Finding, byKey: Map<string, Ticket>): HistoryFindingTicket | undefined {
  const accepted = prop(finding.result.properties, PROP.ticketAcceptance);
  if (accepted && finding.suppressed) return { id: cut(accepted.ticket, 100), u: cut(accepted.url, 500), st: 'accepted' };
  if (!byKey.size) return undefined;
  const ticket = byKey.get(ticketKey(finding));
  return ticket ? { id: cut(ticket.id, 100), ...(ticket.url ? { u: cut(ticket.url, 500) } : {}), st: ticket.state } : undefined;
}

/** Who waived it and until when: a config waiver's justification, or the acceptance a ticket stands for. */
function waivedRefOf(finding: Finding, ref: HistoryFindingRef): HistoryLine['findings']['waived'][number] {
  const accepted = prop(finding.result.properties, PROP.ticketAcceptance);
  if (accepted) return { ...ref, expires: accepted.until, owner: cut(accepted.owner, 100), ticket: cut(accepted.url, 500) };
  const waiver = finding.result.suppressions?.find((s) => s.justification?.startsWith('waiver: '))?.justification;
  const expires = waiver && /until (\d{4}-\d{2}-\d{2})\)$/.exec(waiver)?.[1];
  const owner = waiver && /\(owner (.+), until \d{4}-\d{2}-\d{2}\)$/.exec(waiver)?.[1];
  return { ...ref, ...(expires ? { expires } : {}), ...(owner ? { owner: owner.slice(0, 100) } : {}) };
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** The history line of a finished run. */
export function historyLineOf(input: HistoryLineInput): HistoryLine {
  const counts: HistoryLine['counts'] = { total: 0, byPriority: {}, byCategory: {}, byScanner: {} };
  const findings: HistoryLine['findings'] = { new: [], fixed: [], waived: [] };
  // The first finding of each fingerprint: its detail is made only if the line names it (a baseline run of
  // 100k unchanged findings names none).
  const firstOf = new Map<string, Finding>();
  const tickets: Record<string, HistoryFindingTicket> = {};
  const byKey = ticketsByKey(input.tickets ?? []);
  for (const finding of input.fixed) {
    const ref = refOf(finding);
    const first = finding.result.provenance?.firstDetectionTimeUtc;
    if (ref) findings.fixed.push(first && !Number.isNaN(Date.parse(first)) ? { ...ref, first: new Date(first).toISOString() } : ref);
  }
  for (const finding of input.findings) {
    const ref = refOf(finding);
    const state = finding.result.baselineState;
    if (state === 'absent') continue;
    if (ref && !firstOf.has(ref.fp)) firstOf.set(ref.fp, finding);
    if (ref) {
      const ticket = ticketOf(finding, byKey);
      if (ticket) tickets[ref.fp] = ticket;
    }
    if (finding.suppressed) {
      if (ref) findings.waived.push(waivedRefOf(finding, ref));
      continue;
    }
    counts.total++;
    bump(counts.byPriority, finding.priority ?? 'P4');
    bump(counts.byCategory, finding.category);
    bump(counts.byScanner, finding.scanner);
    if (ref && (!input.baseline || state === 'new')) findings.new.push(ref);
  }
  // Only the findings the line names: an unchanged finding of a baseline run was described when it was new.
  const named = new Set([...findings.new, ...findings.waived].map((ref) => ref.fp));
  const kept: Record<string, HistoryFindingDetail> = {};
  for (const [fp, finding] of firstOf) if (named.has(fp)) kept[fp] = detailOf(finding);
  const p = input.provenance;
  return {
    v: HISTORY_VERSION,
    time: input.time.toISOString(),
    repo: input.repo,
    ...(p?.commit ? { commit: p.commit } : {}),
    ...(p?.branch ? { branch: p.branch } : {}),
    ...(p?.defaultBranch ? { defaultBranch: p.defaultBranch } : {}),
    ...(p?.pipeline ? { pipeline: p.pipeline } : {}),
    stage: input.stage,
    verdict: input.exitCode === 2 ? 'error' : input.verdict.status,
    baseline: input.baseline,
    counts,
    new: findings.new.length,
    fixed: findings.fixed.length,
    waived: findings.waived.length,
    scanners: input.scanners.map(({ id, status, durationMs }) => ({ id, status, durationMs: Math.round(durationMs) })),
    ...(input.images?.length
      ? {
          images: input.images.map((image) => ({
            digest: image.digest,
            names: image.names,
            ...(image.base ? { base: { name: image.base.name, ...(image.base.digest ? { digest: image.base.digest } : {}), ...(image.base.fresh !== undefined ? { fresh: image.base.fresh } : {}), ...(image.base.sanctioned !== undefined ? { sanctioned: image.base.sanctioned } : {}) } } : {}),
            ...(image.sbom ? { sbom: image.sbom } : {}),
          })),
        }
      : {}),
    ...(Object.keys(kept).length ? { details: kept } : {}),
    ...(Object.keys(tickets).length ? { tickets } : {}),
    findings,
  };
}

/** The default branch decides what "reached the default branch" means; without one, main or master. */
export function onDefaultBranch(line: Pick<HistoryLine, 'stage' | 'branch' | 'defaultBranch'>): boolean {
  if (line.stage === 'precommit' || line.branch === undefined) return false;
  return line.defaultBranch ? line.branch === line.defaultBranch : line.branch === 'main' || line.branch === 'master';
}
