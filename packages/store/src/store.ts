import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { InputError, historyLineSchema, type HistoryLine } from '@pipewarden/core';
import { loadDriver, MissingDriverError } from './drivers.js';
import { openPostgres } from './postgres.js';
import { SCHEMA, addMissingColumns, insertMany, type Db } from './sql.js';
import { openSqlite } from './sqlite.js';

/** The history of many repositories, kept in one database: what `pipewarden metrics --store` reads. */
export interface HistoryStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Adds lines; a line already stored (same repository, time, stage, commit, branch, pipeline) is not added twice. */
  add(lines: readonly HistoryLine[]): Promise<{ added: number; known: number }>;
  /** Every stored line, oldest first; only these repositories when named. */
  lines(repos?: readonly string[]): Promise<HistoryLine[]>;
  /** How many runs are stored (of this repository) and the newest one's time: a reader's cheap "has anything changed?". */
  state(repo?: string): Promise<{ runs: number; last?: string | undefined }>;
  /** Every repository in the store, by name. */
  repositories(): Promise<string[]>;
  /** What the latest run that named them said of these findings of a repository (message, where, risk). */
  details(repo: string, fingerprints: readonly string[]): Promise<Map<string, StoredDetail>>;
  /** Every run of a repository whose line names this finding (new, fixed or waived), oldest first. */
  sightings(repo: string, fingerprint: string): Promise<Sighting[]>;
  /** The ticket the latest run that named them kept for these findings of a repository. */
  tickets(repo: string, fingerprints: readonly string[]): Promise<Map<string, StoredTicket>>;
  close(): Promise<void>;
}

export interface StoredDetail {
  time: string;
  message?: string | undefined;
  location?: string | undefined;
  risk?: number | undefined;
  factors: { factor: string; detail: string; points: number }[];
}

export interface StoredTicket {
  time: string;
  id: string;
  url?: string | undefined;
  state: 'open' | 'closed' | 'accepted';
}

export interface Sighting {
  time: string;
  stage: string;
  branch?: string | undefined;
  commit?: string | undefined;
  pipeline?: string | undefined;
  verdict: string;
  kind: 'new' | 'fixed' | 'waived';
  priority: string;
  expires?: string | undefined;
  owner?: string | undefined;
  first?: string | undefined;
  /** The accepted ticket that waived it in this run. */
  ticket?: string | undefined;
}

/** The URL without its password, for messages. */
export function shownUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');
}

/** A line's identity: importing the same history file twice adds nothing. */
function idOf(line: HistoryLine): string {
  return createHash('sha256')
    .update([line.repo, new Date(line.time).toISOString(), line.stage, line.commit ?? '', line.branch ?? '', line.pipeline ?? ''].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

const FINDING_KINDS = ['new', 'fixed', 'waived'] as const;
const FINDING_COLUMNS = ['run_id', 'kind', 'ord', 'fingerprint', 'priority', 'category', 'scanner', 'rule', 'first_seen', 'expires', 'owner', 'ticket'];
const IMAGE_COLUMNS = ['run_id', 'ord', 'digest', 'names', 'base_name', 'base_digest', 'base_fresh', 'base_sanctioned', 'sbom'];

type RunRow = { id: string; repo: string; time: string; branch: string | null; default_branch: string | null; commit_sha: string | null; pipeline: string | null; stage: string; verdict: string; baseline: number; counts: string; new_count: number; fixed_count: number; waived_count: number; scanners: string };
type FindingRow = { run_id: string; kind: string; fingerprint: string; priority: string; category: string; scanner: string; rule: string; first_seen: string | null; expires: string | null; owner: string | null; ticket: string | null };
type ImageRow = { run_id: string; digest: string; names: string; base_name: string | null; base_digest: string | null; base_fresh: number | null; base_sanctioned: number | null; sbom: string | null };

const bool = (value: boolean | undefined) => (value === undefined ? null : value ? 1 : 0);

class SqlHistoryStore implements HistoryStore {
  constructor(private readonly db: Db) {}

  get kind() {
    return this.db.kind;
  }

  async init(): Promise<void> {
    await this.db.transaction(async () => {
      // Two pipelines creating the tables at once on PostgreSQL: the second waits for the first.
      if (this.db.kind === 'postgres') await this.db.all("SELECT pg_advisory_xact_lock(hashtext('pipewarden_store'))");
      for (const statement of SCHEMA) await this.db.run(statement);
      await addMissingColumns(this.db);
    });
  }

  async add(lines: readonly HistoryLine[]): Promise<{ added: number; known: number }> {
    let added = 0;
    await this.db.transaction(async () => {
      for (const line of lines) {
        const id = idOf(line);
        const inserted = await this.db.run(
          `INSERT INTO pipewarden_runs (id, repo, time, branch, default_branch, commit_sha, pipeline, stage, verdict, baseline, counts, new_count, fixed_count, waived_count, scanners)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
          [id, line.repo, new Date(line.time).toISOString(), line.branch ?? null, line.defaultBranch ?? null, line.commit ?? null, line.pipeline ?? null, line.stage, line.verdict, line.baseline ? 1 : 0, JSON.stringify(line.counts), line.new, line.fixed, line.waived, JSON.stringify(line.scanners)],
        );
        if (!inserted) continue;
        added++;
        const findings = FINDING_KINDS.flatMap((kind) =>
          line.findings[kind].map((ref, ord) => [id, kind, ord, ref.fp, ref.p, ref.c, ref.s, ref.r, 'first' in ref ? (ref.first ?? null) : null, 'expires' in ref ? (ref.expires ?? null) : null, 'owner' in ref ? (ref.owner ?? null) : null, 'ticket' in ref ? (ref.ticket ?? null) : null]),
        );
        await insertMany(this.db, 'pipewarden_findings', FINDING_COLUMNS, findings);
        const images = (line.images ?? []).map((image, ord) => [id, ord, image.digest, JSON.stringify(image.names), image.base?.name ?? null, image.base?.digest ?? null, bool(image.base?.fresh), bool(image.base?.sanctioned), image.sbom ? JSON.stringify(image.sbom) : null]);
        await insertMany(this.db, 'pipewarden_images', IMAGE_COLUMNS, images);
        await this.addDetails(line);
        await this.addTickets(line);
      }
    });
    return { added, known: lines.length - added };
  }

  async lines(repos: readonly string[] = []): Promise<HistoryLine[]> {
    const where = repos.length ? ` WHERE repo IN (${repos.map(() => '?').join(', ')})` : '';
    const runs = await this.db.all<RunRow>(`SELECT * FROM pipewarden_runs${where} ORDER BY time, id`, repos);
    const inRuns = repos.length ? ` WHERE run_id IN (SELECT id FROM pipewarden_runs${where})` : '';
    const findings = await this.db.all<FindingRow>(`SELECT * FROM pipewarden_findings${inRuns} ORDER BY run_id, kind, ord`, repos);
    const images = await this.db.all<ImageRow>(`SELECT * FROM pipewarden_images${inRuns} ORDER BY run_id, ord`, repos);
    const byRun = new Map<string, HistoryLine['findings']>();
    for (const row of findings) {
      let lists = byRun.get(row.run_id);
      if (!lists) byRun.set(row.run_id, (lists = { new: [], fixed: [], waived: [] }));
      const ref = { fp: row.fingerprint, p: row.priority, c: row.category, s: row.scanner, r: row.rule };
      if (row.kind === 'fixed') lists.fixed.push({ ...ref, ...(row.first_seen ? { first: row.first_seen } : {}) } as HistoryLine['findings']['fixed'][number]);
      else if (row.kind === 'waived') lists.waived.push({ ...ref, ...(row.expires ? { expires: row.expires } : {}), ...(row.owner ? { owner: row.owner } : {}), ...(row.ticket ? { ticket: row.ticket } : {}) } as HistoryLine['findings']['waived'][number]);
      else lists.new.push(ref as HistoryLine['findings']['new'][number]);
    }
    const imagesByRun = new Map<string, NonNullable<HistoryLine['images']>>();
    for (const row of images) {
      const list = imagesByRun.get(row.run_id) ?? [];
      imagesByRun.set(row.run_id, list);
      const base = row.base_name
        ? { name: row.base_name, ...(row.base_digest ? { digest: row.base_digest } : {}), ...(row.base_fresh !== null ? { fresh: Boolean(row.base_fresh) } : {}), ...(row.base_sanctioned !== null ? { sanctioned: Boolean(row.base_sanctioned) } : {}) }
        : undefined;
      list.push({ digest: row.digest, names: JSON.parse(row.names) as string[], ...(base ? { base } : {}), ...(row.sbom ? { sbom: JSON.parse(row.sbom) as { generator: string; components: number } } : {}) });
    }
    return runs.map((row) => {
      const line = {
        v: 1,
        time: row.time,
        repo: row.repo,
        ...(row.commit_sha !== null ? { commit: row.commit_sha } : {}),
        ...(row.branch !== null ? { branch: row.branch } : {}),
        ...(row.default_branch !== null ? { defaultBranch: row.default_branch } : {}),
        ...(row.pipeline !== null ? { pipeline: row.pipeline } : {}),
        stage: row.stage,
        verdict: row.verdict,
        baseline: Boolean(Number(row.baseline)),
        counts: JSON.parse(row.counts) as unknown,
        new: Number(row.new_count),
        fixed: Number(row.fixed_count),
        waived: Number(row.waived_count),
        scanners: JSON.parse(row.scanners) as unknown,
        ...(imagesByRun.has(row.id) ? { images: imagesByRun.get(row.id) } : {}),
        findings: byRun.get(row.id) ?? { new: [], fixed: [], waived: [] },
      };
      // What another writer put in the tables is checked like a line of a file.
      const parsed = historyLineSchema.safeParse(line);
      if (!parsed.success) throw new InputError(`run ${row.id} in the store is not a valid history line: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
      return parsed.data;
    });
  }

  /** The latest description of each finding wins: an older line imported later does not overwrite it. */
  private async addDetails(line: HistoryLine): Promise<void> {
    const time = new Date(line.time).toISOString();
    const rows = Object.entries(line.details ?? {}).map(([fp, d]) => [line.repo, fp, time, d.m ?? null, d.l ?? null, d.k ?? null, d.f?.length ? JSON.stringify(d.f) : null]);
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      await this.db.run(
        `INSERT INTO pipewarden_finding_details (repo, fingerprint, time, message, location, risk, factors) VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (repo, fingerprint) DO UPDATE SET time = excluded.time, message = excluded.message, location = excluded.location, risk = excluded.risk, factors = excluded.factors
         WHERE excluded.time >= pipewarden_finding_details.time`,
        slice.flat(),
      );
    }
  }

  /** Latest wins, as for details: a ticket's state moves on (open, closed, accepted) and the newest run knows it. */
  private async addTickets(line: HistoryLine): Promise<void> {
    const time = new Date(line.time).toISOString();
    const rows = Object.entries(line.tickets ?? {}).map(([fp, t]) => [line.repo, fp, time, t.id, t.u ?? null, t.st]);
    for (let i = 0; i < rows.length; i += 500) {
      const slice = rows.slice(i, i + 500);
      await this.db.run(
        `INSERT INTO pipewarden_finding_tickets (repo, fingerprint, time, ticket, url, state) VALUES ${slice.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (repo, fingerprint) DO UPDATE SET time = excluded.time, ticket = excluded.ticket, url = excluded.url, state = excluded.state
         WHERE excluded.time >= pipewarden_finding_tickets.time`,
        slice.flat(),
      );
    }
  }

  async tickets(repo: string, fingerprints: readonly string[]): Promise<Map<string, StoredTicket>> {
    const found = new Map<string, StoredTicket>();
    for (let i = 0; i < fingerprints.length; i += 500) {
      const slice = fingerprints.slice(i, i + 500);
      const rows = await this.db.all<{ fingerprint: string; time: string; ticket: string; url: string | null; state: StoredTicket['state'] }>(
        `SELECT fingerprint, time, ticket, url, state FROM pipewarden_finding_tickets WHERE repo = ? AND fingerprint IN (${slice.map(() => '?').join(', ')})`,
        [repo, ...slice],
      );
      for (const row of rows) found.set(row.fingerprint, { time: row.time, id: row.ticket, ...(row.url !== null ? { url: row.url } : {}), state: row.state });
    }
    return found;
  }

  async state(repo?: string): Promise<{ runs: number; last?: string | undefined }> {
    const [row] = await this.db.all<{ runs: number | string; last: string | null }>(`SELECT COUNT(*) AS runs, MAX(time) AS last FROM pipewarden_runs${repo === undefined ? '' : ' WHERE repo = ?'}`, repo === undefined ? [] : [repo]);
    return { runs: Number(row?.runs ?? 0), ...(row?.last ? { last: row.last } : {}) };
  }

  async repositories(): Promise<string[]> {
    return (await this.db.all<{ repo: string }>('SELECT DISTINCT repo FROM pipewarden_runs ORDER BY repo')).map((row) => row.repo);
  }

  async details(repo: string, fingerprints: readonly string[]): Promise<Map<string, StoredDetail>> {
    const found = new Map<string, StoredDetail>();
    for (let i = 0; i < fingerprints.length; i += 500) {
      const slice = fingerprints.slice(i, i + 500);
      const rows = await this.db.all<{ fingerprint: string; time: string; message: string | null; location: string | null; risk: number | null; factors: string | null }>(
        `SELECT fingerprint, time, message, location, risk, factors FROM pipewarden_finding_details WHERE repo = ? AND fingerprint IN (${slice.map(() => '?').join(', ')})`,
        [repo, ...slice],
      );
      for (const row of rows) {
        found.set(row.fingerprint, {
          time: row.time,
          ...(row.message !== null ? { message: row.message } : {}),
          ...(row.location !== null ? { location: row.location } : {}),
          ...(row.risk !== null ? { risk: Number(row.risk) } : {}),
          factors: row.factors ? (JSON.parse(row.factors) as StoredDetail['factors']) : [],
        });
      }
    }
    return found;
  }

  async sightings(repo: string, fingerprint: string): Promise<Sighting[]> {
    const rows = await this.db.all<{ time: string; stage: string; branch: string | null; commit_sha: string | null; pipeline: string | null; verdict: string; kind: Sighting['kind']; priority: string; expires: string | null; owner: string | null; first_seen: string | null; ticket: string | null }>(
      `SELECT r.time, r.stage, r.branch, r.commit_sha, r.pipeline, r.verdict, f.kind, f.priority, f.expires, f.owner, f.first_seen, f.ticket
       FROM pipewarden_findings f JOIN pipewarden_runs r ON r.id = f.run_id
       WHERE f.fingerprint = ? AND r.repo = ? ORDER BY r.time, f.kind`,
      [fingerprint, repo],
    );
    return rows.map((row) => ({
      time: row.time,
      stage: row.stage,
      ...(row.branch !== null ? { branch: row.branch } : {}),
      ...(row.commit_sha !== null ? { commit: row.commit_sha } : {}),
      ...(row.pipeline !== null ? { pipeline: row.pipeline } : {}),
      verdict: row.verdict,
      kind: row.kind,
      priority: row.priority,
      ...(row.expires !== null ? { expires: row.expires } : {}),
      ...(row.owner !== null ? { owner: row.owner } : {}),
      ...(row.first_seen !== null ? { first: row.first_seen } : {}),
      ...(row.ticket !== null ? { ticket: row.ticket } : {}),
    }));
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/**
 * Opens the store a URL names: postgres:// or postgresql:// (a server), else SQLite (sqlite:PATH,
 * sqlite:///ABSOLUTE, or a plain file path, relative to cwd). The tables are created when missing.
 */
export async function openStore(url: string, cwd: string): Promise<HistoryStore> {
  const shown = shownUrl(url);
  let db: Db;
  try {
    if (/^postgres(ql)?:\/\//i.test(url)) {
      const { default: pg } = await loadDriver('pg', shown, () => import('pg'));
      db = await openPostgres(pg, url);
    } else {
      const path = url.replace(/^sqlite:(\/\/(?=\/))?/i, '');
      const { default: Database } = await loadDriver('better-sqlite3', shown, () => import('better-sqlite3'));
      db = openSqlite(Database, resolve(cwd, path));
    }
  } catch (error) {
    if (error instanceof MissingDriverError) throw error;
    throw new InputError(`cannot open the store: ${(error as Error).message.split('\n')[0]}`, { file: shown, cause: error });
  }
  const store = new SqlHistoryStore(db);
  try {
    await store.init();
  } catch (error) {
    await db.close().catch(() => undefined);
    throw new InputError(`cannot create the store's tables: ${(error as Error).message.split('\n')[0]}`, { file: shown, cause: error });
  }
  return store;
}
