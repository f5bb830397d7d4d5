import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ports } from '../ports/types.js';
import { PROP } from '../sarif/props.js';
import type { Log } from '../sarif/types.js';
import { DastGuard } from './guard.js';
import type { DastRun } from './run-dast.js';
import { createExclusions } from './exclusions.js';

/** sqlmap's verdict on one SQL injection candidate. */
export interface SqlmapConfirmation {
  path: string;
  parameter: string;
  confirmed: boolean;
  /** "boolean-based blind", "UNION query", "error-based", "time-based blind", … as sqlmap names them. */
  techniques: string[];
  dbms?: string | undefined;
  requests?: number | undefined;
  /** Why not confirmed (sqlmap's words, or the time limit). */
  detail?: string | undefined;
}

const CANDIDATES = ['SQL Injection', 'Blind SQL Injection'];
const RULES = new Set(['wapiti/sql-injection', 'wapiti/blind-sql-injection']);
/** Seconds sqlmap may spend on one candidate, and on all of them. */
const PER_CANDIDATE = 60;

/** What sqlmap printed: the injection point's techniques, the DBMS, how many requests it took. */
export function readSqlmapOutput(stdout: string, parameter: string): Omit<SqlmapConfirmation, 'path' | 'parameter'> {
  const block = new RegExp(`Parameter: ${parameter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\((?:GET|POST|URI|Cookie)\\)([\\s\\S]*?)(?:\\n---|$)`).exec(stdout);
  const techniques = block ? [...block[1]!.matchAll(/^\s+Type: (.+)$/gm)].map((m) => m[1]!.trim()) : [];
  const dbms = /^back-end DBMS: (.+)$/m.exec(stdout)?.[1]?.trim();
  const requests = Number(/with a total of (\d+) HTTP\(s\) requests/.exec(stdout)?.[1]) || undefined;
  const refusal = /\[(?:CRITICAL|ERROR)\] (.+)/.exec(stdout)?.[1]?.replace(/\s*Rerun without.*$/, '').slice(0, 200);
  return { confirmed: techniques.length > 0, techniques, ...(dbms ? { dbms } : {}), ...(requests ? { requests } : {}), ...(techniques.length ? {} : { detail: refusal ?? 'sqlmap found no injection' }) };
}

/**
 * Each SQL injection Wapiti reported (GET parameters: safe mode never sends writes) is checked by sqlmap
 * (Debian's package) through a guard of its own: the same session and exclusions, the target only, bounded in
 * time. Only on what the run already allowed: the candidates come from the scan of an allowed host.
 */
export async function confirmSqlInjections(dast: DastRun, wapitiReport: string | undefined, ports: Ports, env: Readonly<Record<string, string | undefined>>): Promise<SqlmapConfirmation[]> {
  const wapitiGuard = dast.guards.get('wapiti');
  if (!wapitiReport || !wapitiGuard || dast.blocked) return [];
  let report: { vulnerabilities?: Record<string, { method?: string; path?: string; parameter?: string }[]> };
  try {
    report = JSON.parse(await readFile(wapitiReport, 'utf8')) as typeof report;
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const candidates = CANDIDATES.flatMap((name) => report.vulnerabilities?.[name] ?? []).filter((v) => v.method === 'GET' && v.path && v.parameter && !seen.has(`${v.path}?${v.parameter}`) && seen.add(`${v.path}?${v.parameter}`));
  if (!candidates.length) return [];
  const probe = await ports.exec({ command: 'sqlmap', args: ['--version'], cwd: tmpdir(), env, timeoutMs: 30_000 });
  if (probe.notFound || probe.exitCode !== 0) {
    ports.log('info', `DAST: sqlmap is not installed (apt-get install sqlmap): ${candidates.length} SQL injection candidate${candidates.length === 1 ? '' : 's'} kept unconfirmed`);
    return [];
  }
  // What is left of dast.max_scan_time after the scan: the whole DAST run stays within it.
  const left = Math.floor(wapitiGuard.remainingSeconds());
  if (left < 10) {
    ports.log('info', `DAST: no time left in dast.max_scan_time for sqlmap: ${candidates.length} SQL injection candidate${candidates.length === 1 ? '' : 's'} kept unconfirmed`);
    return candidates.map((c) => ({ path: c.path!, parameter: c.parameter!, confirmed: false, techniques: [], detail: 'no time left in dast.max_scan_time to confirm it' }));
  }
  const target = dast.session.target;
  const guard = new DastGuard({ target, session: dast.session, exclusions: createExclusions(dast.config.exclude ?? [], dast.session.loginUrl ? [dast.session.loginUrl] : []), allowUnsafeMethods: false, budgetMs: left * 1000, maxRequestsPerSecond: dast.config.max_requests_per_second });
  const proxy = await guard.start();
  const work = await mkdtemp(join(tmpdir(), 'pw-sqlmap-'));
  const results: SqlmapConfirmation[] = [];
  try {
    for (const candidate of candidates) {
      const query = new URLSearchParams(wapitiGuard.stats.firstQuery.get(candidate.path!) ?? '');
      if (!query.has(candidate.parameter!)) query.set(candidate.parameter!, '1');
      const url = `${target.origin}${candidate.path}?${query.toString()}`;
      // --text-only: pages that differ in a word (In stock / Sold out) are told apart; BEU: no time-based or
      // stacked payloads, which would hold the app up; --batch takes the default answers (fingerprinting only, no data read).
      const run = await ports.exec({
        command: 'sqlmap',
        args: ['-u', url, '-p', candidate.parameter!, '--proxy', proxy.replace(/\/$/, ''), '--batch', '--flush-session', '--output-dir', work, '--technique', 'BEU', '--text-only', '--level', '1', '--risk', '1', '--threads', '1', '--timeout', '10', '--retries', '0', '--disable-coloring'],
        cwd: work,
        env: { ...env, HOME: work, http_proxy: '', https_proxy: '', HTTP_PROXY: '', HTTPS_PROXY: '', no_proxy: '', NO_PROXY: '' },
        timeoutMs: Math.min(PER_CANDIDATE, Math.max(1, Math.floor(guard.remainingSeconds()))) * 1000,
      });
      const read = readSqlmapOutput(run.stdout, candidate.parameter!);
      results.push({ path: candidate.path!, parameter: candidate.parameter!, ...read, ...(run.timedOut && !read.confirmed ? { detail: `sqlmap found nothing within ${PER_CANDIDATE} s` } : {}) });
      ports.log('info', `DAST: sqlmap ${read.confirmed ? `confirmed ${candidate.path} ${candidate.parameter} (${read.techniques.join(', ')}${read.dbms ? `; ${read.dbms}` : ''})` : `did not confirm ${candidate.path} ${candidate.parameter}`}`);
    }
  } finally {
    await guard.stop();
    await rm(work, { recursive: true, force: true });
  }
  return results;
}

/** Confirmed injections get sqlmap's technique and DBMS as evidence and high confidence; the others stay, with low confidence. */
export function applyConfirmations(log: Log, confirmations: readonly SqlmapConfirmation[]): void {
  if (!confirmations.length) return;
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      if (!RULES.has(result.ruleId ?? '')) continue;
      const dast = (result.properties?.[PROP.dast] ?? {}) as { url?: string; parameter?: string };
      let path: string | undefined;
      try {
        path = new URL(dast.url ?? '').pathname;
      } catch {
        continue;
      }
      const found = confirmations.find((c) => c.path === path && c.parameter === dast.parameter);
      if (!found) continue;
      const confirmation = { tool: 'sqlmap', ...found };
      result.properties = { ...result.properties, [PROP.dast]: { ...dast, confirmation }, [PROP.confidence]: found.confirmed ? 'high' : 'low', precision: found.confirmed ? 'very-high' : 'low' };
      const text = result.message?.text ?? '';
      result.message = { ...result.message, text: `${text} (${found.confirmed ? `confirmed by sqlmap: ${found.techniques.join(', ')}${found.dbms ? `, ${found.dbms}` : ''}` : 'not confirmed by sqlmap'})` };
    }
  }
}
