import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DastCoverage, DastHandOff } from '../model/dast.js';
import type { ScannerRun } from '../model/scanner-run.js';
import { checkTargetUrl } from '../policy/dast-safety.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import type { Ports } from '../ports/types.js';
import type { Scanner } from '../scanners/types.js';
import { dastSchema, type DastConfig } from './config.js';
import { createExclusions } from './exclusions.js';
import { loadOpenApi, seedsFromOpenApi } from './openapi.js';
import { DastGuard } from './guard.js';
import { checkSession, logIn, sessionFromConfig, type DastSession, type SessionCheck } from './session.js';

/** More than this share of the pages crawled answering with the login page is a login wall. */
const LOGIN_WALL_SHARE = 0.5;
/** The grace a DAST scanner gets past its budget to write its report before it is stopped from outside. */
export const DAST_GRACE_SECONDS = 60;

export interface DastRun {
  handOff: DastHandOff;
  session: DastSession;
  config: DastConfig;
  start: SessionCheck | undefined;
  guards: Map<string, DastGuard>;
  /** Why the scan cannot be trusted before it starts (the login failed): DAST scanners are not run. */
  blocked: string | undefined;
  privateDir: string | undefined;
}

/**
 * Before the DAST scanners: the session (Pipewarden logs in itself and checks it), one guard proxy per
 * scanner, and what the scanners are told. Secrets are read from `env` here and nowhere else.
 */
export async function openDast(input: { href: string; root: string; config: PipewardenConfig; env: Readonly<Record<string, string | undefined>>; configFile: string; scanners: readonly Scanner[]; ports: Ports }): Promise<DastRun> {
  const config = input.config.dast ?? dastSchema.parse({});
  const target = new URL(input.href);
  const allow = (url: URL) => void checkTargetUrl(url.href, config.allowed_hosts);
  const session = sessionFromConfig(target, config.auth, input.env, input.configFile, allow);
  const startUrls = (config.start_urls ?? []).map((url) => session.resolve(url).href);
  const exclusions = createExclusions(config.exclude ?? [], session.loginUrl ? [session.loginUrl] : []);
  let start: SessionCheck | undefined;
  let blocked: string | undefined;
  if (session.authenticated) {
    try {
      const login = config.auth?.login ? await logIn(session, config.auth, input.env) : { ok: true, detail: '' };
      start = login.ok ? await checkSession(session, config.auth) : login;
    } catch (error) {
      start = { ok: false, detail: `the target did not answer (${describeFetchError(error)})` };
    }
    input.ports.log(start.ok ? 'info' : 'warn', `DAST: ${start.ok ? 'session verified' : 'no session'} (${session.kinds.join(', ')}): ${start.detail}`);
    if (!start.ok) blocked = `the login failed: ${start.detail}`;
  }
  if (config.openapi && !blocked) startUrls.push(...(await apiStartUrls(config.openapi, session, input.root, input.ports)));
  const budgetSeconds = config.max_scan_time;
  const guards = new Map<string, DastGuard>();
  const proxies: Record<string, string> = {};
  for (const scanner of input.scanners.filter((s) => s.target === 'url')) {
    const guard = new DastGuard({ target, session, exclusions, allowUnsafeMethods: config.allow_unsafe_methods, budgetMs: budgetSeconds * 1000, maxRequestsPerSecond: config.max_requests_per_second, loginPath: session.loginUrl?.pathname });
    proxies[scanner.id] = await guard.start();
    guards.set(scanner.id, guard);
  }
  const handOff: DastHandOff = { proxies, exclude: exclusions.wildcards(target.origin), startUrls, budgetSeconds, profile: config.profile ?? 'full' };
  let privateDir: string | undefined;
  // https: the guard only tunnels, so the scanner carries the session itself, from a file only this user can read.
  if (target.protocol === 'https:' && session.authenticated) {
    privateDir = await mkdtemp(join(tmpdir(), 'pw-dast-'));
    await chmod(privateDir, 0o700);
    handOff.cookieFile = join(privateDir, 'cookies.json');
    await writeFile(handOff.cookieFile, JSON.stringify(session.jar.wapitiFile(target.hostname)), { mode: 0o600 });
    handOff.headers = { ...session.headers };
    const cookie = session.jar.header();
    if (cookie) handOff.cookie = cookie;
  }
  return { handOff, session, config, start, guards, blocked, privateDir };
}

/** The API's GET operations as start URLs; a document that cannot be read is said, and the scan goes on without it. */
async function apiStartUrls(source: string, session: DastSession, root: string, ports: Ports): Promise<string[]> {
  try {
    const seeds = seedsFromOpenApi(await loadOpenApi(source, session, root), session.target);
    ports.log('info', `DAST: ${seeds.urls.length} GET operation${seeds.urls.length === 1 ? '' : 's'} of ${source} added to the crawl${seeds.skipped ? ` (${seeds.skipped} with other methods left out: safe mode, and Wapiti 3.0.4 starts from GET URLs only)` : ''}`);
    return seeds.urls.filter((url) => {
      try {
        session.resolve(url);
        return true;
      } catch {
        return false;
      }
    });
  } catch (error) {
    ports.log('warn', `DAST: dast.openapi ${source} could not be used: ${describeFetchError(error)}`);
    return [];
  }
}

function describeFetchError(error: unknown): string {
  const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/**
 * After the DAST scanners: the session checked again, the guards stopped, each scanner's coverage recorded,
 * and the reasons the scan is incomplete (login wall, lost session, time budget), said in every output.
 */
export async function closeDast(dast: DastRun, runs: ScannerRun[], ports: Ports): Promise<string[]> {
  const incomplete: string[] = [];
  let end: SessionCheck | undefined;
  if (dast.session.authenticated && !dast.blocked) {
    end = await checkSession(dast.session, dast.config.auth);
    ports.log(end.ok ? 'info' : 'warn', `DAST: ${end.ok ? 'the session held to the end' : 'the session was lost during the scan'}: ${end.detail}`);
    if (!end.ok) incomplete.push(`DAST session lost during the scan (${end.detail}): pages behind the login were not all tested`);
  }
  if (dast.blocked) incomplete.push(`DAST did not run: ${dast.blocked}`);
  for (const [id, guard] of dast.guards) {
    await guard.stop();
    const run = runs.find((r) => r.id === id);
    if (!run || run.status === 'skipped') continue;
    const coverage = coverageOf(dast, guard, run, end);
    run.dast = coverage;
    if (coverage.cut && run.status === 'ran') {
      run.status = 'partial';
      run.reason = `the time budget (dast.max_scan_time: ${coverage.budgetSeconds} s) ran out; ${guard.stats.refused.afterDeadline} request${guard.stats.refused.afterDeadline === 1 ? '' : 's'} after it refused, the findings up to then kept`;
    } else if (run.status === 'ran' && typeof run.facts?.cutBy === 'string') {
      run.status = 'partial';
      run.reason = `${run.facts.cutBy} (dast.max_scan_time: ${coverage.budgetSeconds} s), the findings up to then kept`;
    }
    if (run.status === 'partial') incomplete.push(`${id}: partial scan: ${run.reason}`);
    if (coverage.urls > 0 && coverage.loginWall / coverage.urls > LOGIN_WALL_SHARE) {
      incomplete.push(`${id}: login wall: ${coverage.loginWall} of ${coverage.urls} pages crawled answered with the login page${dast.session.authenticated ? '' : '; give the scan a session under dast.auth'}`);
    }
    ports.log('info', `DAST ${id}: ${coverage.urls} pages, ${coverage.forms} forms, ${coverage.parameters} parameters, ${coverage.requests} requests${coverage.auth.length ? `, logged in (${coverage.auth.join(', ')})` : ', not logged in'}`);
  }
  if (dast.privateDir) await rm(dast.privateDir, { recursive: true, force: true });
  return incomplete;
}

function coverageOf(dast: DastRun, guard: DastGuard, run: ScannerRun, end: SessionCheck | undefined): DastCoverage {
  const { stats } = guard;
  const walls = [...stats.pages.values()].filter((kind) => kind === 'login').length;
  const modules = Array.isArray(run.facts?.modules) ? (run.facts.modules as string[]) : [];
  return {
    target: dast.session.target.href,
    auth: [...dast.session.kinds],
    session: {
      start: dast.start ? (dast.start.ok ? 'valid' : 'invalid') : 'not checked',
      end: end ? (end.ok ? 'valid' : 'lost') : 'not checked',
      ...(end && !end.ok ? { detail: end.detail } : dast.start && !dast.start.ok ? { detail: dast.start.detail } : {}),
    },
    urls: stats.pages.size,
    loginWall: walls,
    forms: stats.forms.size,
    parameters: stats.parameters.size,
    requests: stats.requests,
    modules,
    refused: { excluded: Object.fromEntries(stats.refused.excluded), unsafeMethod: stats.refused.unsafeMethod, offTarget: stats.refused.offTarget, afterBudget: stats.refused.afterDeadline },
    budgetSeconds: dast.config.max_scan_time,
    cut: stats.cutAt !== undefined,
  };
}

/** Every secret the DAST session held (the password, tokens, the session's cookies), for masking in every output. */
export function dastSecrets(dast: DastRun): string[] {
  return [...dast.session.secrets, ...(dast.session.authenticated ? dast.session.jar.values() : [])].filter((value) => value.length >= 8);
}
