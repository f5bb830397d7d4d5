import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ConfigError, InputError } from '../errors.js';
import { readRegular, streamRegular } from '../files/safe-read.js';
import { version } from '../version.js';

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** What a Pipewarden scan attestation's predicate is (docs/attestations.md documents its fields). */
export const SCAN_PREDICATE_TYPE = 'https://pipewarden.dev/attestations/scan/v1';

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export interface ScanPredicate {
  scanner: { name: 'pipewarden'; version: string; uri: string };
  stage: string;
  verdict: 'pass' | 'fail';
  failures: { rule: string; matched: number }[];
  counts: { total: number; new: number; fixed: number; waived: number; byPriority: Record<string, number>; bySeverity: Record<string, number> };
  tools: { id: string; status: string; version?: string }[];
  policy: { file: string | null; digest: { sha256: string } | null; effective: { sha256: string } };
  results: { name: string; digest: { sha256: string } };
  report: { name: string; digest: { sha256: string } };
  source: { repository?: string; commit?: string; branch?: string };
  pipeline?: { url: string };
  scannedAt: string;
  attestedAt: string;
}

export interface Statement {
  _type: typeof STATEMENT_TYPE;
  subject: Subject[];
  predicateType: typeof SCAN_PREDICATE_TYPE;
  predicate: ScanPredicate;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** How a subject is written on the command line: `sha256:HEX`, `NAME@sha256:HEX` (an image), or a file. */
export type SubjectRef = { kind: 'digest'; name: string; sha256: string } | { kind: 'file'; path: string };

function imageName(reference: string): string {
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? reference.slice(0, colon) : reference;
}

export function parseSubjectRef(arg: string): SubjectRef {
  const digest = /^(?:(.+)@)?sha256:([0-9a-fA-F]*)$/.exec(arg);
  if (digest) {
    const hex = digest[2]!.toLowerCase();
    if (!HEX64.test(hex)) throw new ConfigError(`--subject ${arg}: a sha256 digest has 64 hexadecimal digits, this one ${hex.length}`);
    // An image is named by its repository, as cosign and the registries' attestations name it: the tag is not part of it.
    return { kind: 'digest', name: digest[1] ? imageName(digest[1]) : `sha256:${hex}`, sha256: hex };
  }
  return { kind: 'file', path: arg };
}

async function sha256OfFile(file: string, shown: string): Promise<string> {
  const hash = createHash('sha256');
  const stream = await streamRegular(file, { shown });
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The subject's name and SHA-256: a file's path as given (with forward slashes) and the hash of its bytes. */
export async function resolveSubject(arg: string, cwd: string): Promise<Subject> {
  const ref = parseSubjectRef(arg);
  if (ref.kind === 'digest') return { name: ref.name, digest: { sha256: ref.sha256 } };
  const file = resolve(cwd, ref.path);
  const inside = relative(cwd, file);
  const name = inside && !inside.startsWith('..') ? inside.split(sep).join('/') : ref.path;
  return { name, digest: { sha256: await sha256OfFile(file, ref.path) } };
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level (RFC 8785's order for the ASCII keys a config has): equal configs, equal digests. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

const reportJsonSchema = z.object({
  generatedAt: z.string().datetime({ offset: true }),
  stage: z.string(),
  verdict: z.enum(['pass', 'fail']),
  failures: z.array(z.object({ rule: z.string(), matched: z.number() })).default([]),
  counts: z.object({
    total: z.number(),
    new: z.number().default(0),
    fixed: z.number().default(0),
    waived: z.number().default(0),
    byPriority: z.record(z.string(), z.number()).default({}),
    bySeverity: z.record(z.string(), z.number()).default({}),
  }),
  scanners: z.array(z.object({ id: z.string(), status: z.string(), version: z.string().optional() })).default([]),
  provenance: z.object({ commit: z.string().optional(), branch: z.string().optional(), pipeline: z.string().optional(), repository: z.string().optional() }).optional(),
});

export interface ScanRecordInput {
  /** The scan's out-dir (report.json and results.sarif), absolute, and as the user named it. */
  outDir: string;
  shownOutDir: string;
  /** The policy as the scan used it: the file's bytes (none: the built-in policy) and the parsed config. */
  policy: { file: string | null; bytes: Uint8Array | null; config: unknown };
  subjects: Subject[];
  now: Date;
}

const REPORT_LIMIT = 512 * 1024 * 1024;

/** The statement of one scan: what report.json says of it, the digests of its outputs and of the policy, over the subjects. */
export async function scanStatement(input: ScanRecordInput): Promise<Statement> {
  const shown = (name: string) => `${input.shownOutDir.replace(/\/$/, '')}/${name}`;
  const reportBytes = await readRegular(resolve(input.outDir, 'report.json'), { shown: shown('report.json'), maxBytes: REPORT_LIMIT }).catch((error: unknown) => {
    if (error instanceof InputError) throw new InputError(`${error.message} (run pipewarden scan first, or give its --out-dir)`, { file: error.file, cause: error });
    throw error;
  });
  let json: unknown;
  try {
    json = JSON.parse(reportBytes.toString('utf8'));
  } catch (error) {
    throw new InputError('not JSON (a truncated write?)', { file: shown('report.json'), cause: error });
  }
  const parsed = reportJsonSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InputError(`not a Pipewarden report.json: ${problems.slice(0, 5).join('; ')}`, { file: shown('report.json') });
  }
  const report = parsed.data;
  const sarifDigest = await sha256OfFile(resolve(input.outDir, 'results.sarif'), shown('results.sarif'));
  const provenance = report.provenance ?? {};
  const predicate: ScanPredicate = {
    scanner: { name: 'pipewarden', version, uri: 'https://pipewarden.dev' },
    stage: report.stage,
    verdict: report.verdict,
    failures: report.failures.map(({ rule, matched }) => ({ rule, matched })),
    counts: {
      total: report.counts.total,
      new: report.counts.new,
      fixed: report.counts.fixed,
      waived: report.counts.waived,
      byPriority: report.counts.byPriority,
      bySeverity: report.counts.bySeverity,
    },
    tools: report.scanners.map(({ id, status, version: v }) => ({ id, status, ...(v ? { version: v } : {}) })),
    policy: {
      file: input.policy.file,
      digest: input.policy.bytes ? { sha256: sha256Hex(input.policy.bytes) } : null,
      effective: { sha256: sha256Hex(canonicalJson(input.policy.config)) },
    },
    results: { name: 'results.sarif', digest: { sha256: sarifDigest } },
    report: { name: 'report.json', digest: { sha256: sha256Hex(reportBytes) } },
    source: {
      ...(provenance.repository ? { repository: provenance.repository } : {}),
      ...(provenance.commit ? { commit: provenance.commit } : {}),
      ...(provenance.branch ? { branch: provenance.branch } : {}),
    },
    ...(provenance.pipeline ? { pipeline: { url: provenance.pipeline } } : {}),
    scannedAt: new Date(report.generatedAt).toISOString(),
    attestedAt: input.now.toISOString(),
  };
  return { _type: STATEMENT_TYPE, subject: input.subjects, predicateType: SCAN_PREDICATE_TYPE, predicate };
}
