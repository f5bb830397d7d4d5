import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryLine } from '@pipewarden/core';
import { repoRoot } from '../../../test-support/shared.js';
import { hasTool } from '../../../test-support/tools.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const DAY = 86_400_000;
const START = Date.parse('2026-08-24T00:00:00Z'); // a Monday
const DAYS = 90;
const TODAY = '2026-11-21'; // day 89
const TODAY_END = Date.parse(`${TODAY}T23:59:59.999Z`);
const SLA = { P0: 7, P1: 30, P2: 20, P3: 45, P4: 365 } as const;
const PRIORITIES = ['P0', 'P1', 'P2', 'P3', 'P4'] as const;
type P = (typeof PRIORITIES)[number];

// No CI variables of the machine running the tests may leak into a run's provenance.
const CLEAN_ENV = { PIPEWARDEN_OFFLINE: '1', GITHUB_SHA: '', GITHUB_HEAD_REF: '', GITHUB_REF_NAME: '', GITHUB_REPOSITORY: '', CI_COMMIT_SHA: '', CI_COMMIT_REF_NAME: '', CI_PROJECT_PATH: '', BRANCH_NAME: '', GIT_BRANCH: '', GIT_COMMIT: '', PIPEWARDEN_REPOSITORY: '', PIPEWARDEN_DEFAULT_BRANCH: '', CI_DEFAULT_BRANCH: '' };

function cli(args: string[], cwd = repoRoot) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...CLEAN_ENV } });
}

/** A seeded generator: the same history every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What really happened to one finding: the test's own account, from which the expected figures are computed. */
interface Truth {
  repo: string;
  fp: string;
  p: P;
  kind: 'initial' | 'default' | 'caught' | 'pending' | 'merged' | 'production';
  firstSeen: number;
  mainAt?: number;
  fixedAt?: number;
  waivedAt?: number;
  expires?: string;
}

const iso = (t: number) => new Date(t).toISOString();
const day = (d: number, hour: number) => START + d * DAY + hour * 3_600_000;

/** 90 days of three repositories: pull requests that catch or let through findings, fixes, waivers, production finds. */
function generate(repo: string, seed: number): { lines: HistoryLine[]; truths: Truth[] } {
  const rnd = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const truths: Truth[] = [];
  const lines: HistoryLine[] = [];
  let n = 0;
  const make = (kind: Truth['kind'], firstSeen: number): Truth => {
    const truth: Truth = { repo, fp: `${repo.replace('/', '-')}-${String(++n).padStart(4, '0')}:1`, p: pick(PRIORITIES), kind, firstSeen };
    truths.push(truth);
    return truth;
  };
  const ref = (t: Truth) => ({ fp: t.fp, p: t.p, c: 'sast' as const, s: 'semgrep', r: `rule-${t.fp.slice(-6, -2)}` });
  const line = (time: number, stage: HistoryLine['stage'], branch: string, baseline: boolean, found: Truth[], fixed: Truth[] = [], waived: Truth[] = [], open: Truth[] = []): HistoryLine => {
    const byPriority: Record<string, number> = {};
    for (const t of open) byPriority[t.p] = (byPriority[t.p] ?? 0) + 1;
    return {
      v: 1,
      time: iso(time),
      repo,
      commit: `${seed}${time}`.padEnd(40, '0').slice(0, 40),
      branch,
      defaultBranch: 'main',
      stage,
      verdict: found.length ? 'fail' : 'pass',
      baseline,
      counts: { total: open.length, byPriority, byCategory: open.length ? { sast: open.length } : {}, byScanner: open.length ? { semgrep: open.length } : {} },
      new: found.length,
      fixed: fixed.length,
      waived: waived.length,
      scanners: [{ id: 'semgrep', status: 'ran', durationMs: 1000 + Math.floor(rnd() * 500) }],
      findings: { new: found.map(ref), fixed: fixed.map((t) => ({ ...ref(t), first: iso(t.firstSeen) })), waived: waived.map((t) => ({ ...ref(t), ...(t.expires ? { expires: t.expires } : {}) })) },
    };
  };
  const onMain = (d: number) => truths.filter((t) => t.mainAt !== undefined && t.mainAt <= day(d, 10) && (t.fixedAt === undefined || t.fixedAt > day(d, 10)));
  const waivedOn = (t: Truth, d: number) => t.waivedAt !== undefined && t.waivedAt <= day(d, 10) && t.expires! >= iso(day(d, 0)).slice(0, 10);
  let mergeTomorrow: Truth[] = [];
  for (let d = 0; d < DAYS; d++) {
    const entering: Truth[] = [];
    const fixing: Truth[] = [];
    if (d === 0) {
      for (let i = 0; i < 6; i++) entering.push(make('initial', day(0, 10)));
    } else {
      entering.push(...mergeTomorrow);
      if (rnd() < 0.3) entering.push(make('default', day(d, 10)));
      for (const t of onMain(d - 1)) {
        const chance = { P0: 0.3, P1: 0.15, P2: 0.08, P3: 0.04, P4: 0.02 }[t.p];
        if (t.waivedAt === undefined && rnd() < chance) fixing.push(t);
      }
    }
    mergeTomorrow = [];
    for (const t of entering) t.mainAt = day(d, 10);
    for (const t of fixing) t.fixedAt = day(d, 10);
    if (d > 0 && rnd() < 0.06) {
      const candidates = onMain(d).filter((t) => t.waivedAt === undefined && !entering.includes(t));
      if (candidates.length) {
        const t = pick(candidates);
        t.waivedAt = day(d, 10);
        t.expires = iso(day(d + 20 + Math.floor(rnd() * 90), 0)).slice(0, 10);
      }
    }
    const current = onMain(d);
    const waived = current.filter((t) => waivedOn(t, d));
    const open = current.filter((t) => !waivedOn(t, d));
    // Day 0 is a full run without a baseline (a snapshot); every later run compares with the last one.
    lines.push(line(day(d, 10), 'commit', 'main', d > 0, d === 0 ? [...entering.filter((t) => !waived.includes(t))] : entering, fixing, waived, open));

    if (d > 0 && rnd() < 0.5) {
      const branch = `feature/${d}`;
      const found = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => make('caught', day(d, 9)));
      for (const t of found) {
        if (rnd() < 0.5) t.kind = d >= DAYS - 3 ? 'pending' : 'merged';
      }
      lines.push(line(day(d, 9), 'commit', branch, true, found, [], [], found));
      const kept = found.filter((t) => t.kind !== 'caught');
      lines.push(line(day(d, 15), 'commit', branch, true, kept, [], [], kept));
      mergeTomorrow = kept.filter((t) => t.kind === 'merged');
    }
    if (rnd() < 0.1) {
      const t = make('production', day(d, 20));
      lines.push(line(day(d, 20), 'production', 'main', true, [t], [], [], [t]));
    }
  }
  return { lines, truths };
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mondayOf = (t: number) => {
  const midnight = Math.floor(t / DAY) * DAY;
  return midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY;
};

/** The figures docs/metrics.md defines, computed from the truths (not from the lines). */
function expected(truths: readonly Truth[]) {
  const weeks = new Map<string, { introduced: number; fixed: number; caught: number; foundInProduction: number }>();
  for (let t = mondayOf(START); t <= TODAY_END; t += 7 * DAY) weeks.set(iso(t).slice(0, 10), { introduced: 0, fixed: 0, caught: 0, foundInProduction: 0 });
  const week = (t: number) => weeks.get(iso(mondayOf(t)).slice(0, 10))!;
  for (const t of truths) {
    if (t.mainAt !== undefined) week(t.mainAt).introduced++;
    if (t.fixedAt !== undefined) week(t.fixedAt).fixed++;
    if (t.kind === 'caught') week(t.firstSeen).caught++;
    if (t.kind === 'production') week(t.firstSeen).foundInProduction++;
  }
  const timeToFix = Object.fromEntries(
    PRIORITIES.map((p) => {
      const days = truths.filter((t) => t.p === p && t.fixedAt !== undefined).map((t) => (t.fixedAt! - t.firstSeen) / DAY).sort((a, b) => a - b);
      const mid = days.length >> 1;
      return [p, { fixed: days.length, meanDays: days.length ? round1(days.reduce((a, b) => a + b, 0) / days.length) : null, medianDays: days.length ? round1(days.length % 2 ? days[mid]! : (days[mid - 1]! + days[mid]!) / 2) : null }];
    }),
  );
  const waivedNow = (t: Truth) => t.waivedAt !== undefined && t.expires! >= TODAY;
  const open = truths.filter((t) => t.mainAt !== undefined && t.fixedAt === undefined && !waivedNow(t));
  const late = open.filter((t) => Math.floor((TODAY_END - t.firstSeen) / DAY) > SLA[t.p]);
  const count = (list: readonly Truth[]) => Object.fromEntries(PRIORITIES.map((p) => [p, list.filter((t) => t.p === p).length]));
  const caught = truths.filter((t) => t.kind === 'caught').length;
  const reachedDefault = truths.filter((t) => t.mainAt !== undefined).length;
  const foundInProduction = truths.filter((t) => t.kind === 'production').length;
  const waived = truths.filter(waivedNow);
  const age = (t: Truth) => Math.floor((TODAY_END - t.waivedAt!) / DAY);
  return {
    weeks: [...weeks.entries()].map(([start, w]) => ({ start, ...w })),
    timeToFix,
    open: { total: open.length, byPriority: count(open) },
    sla: { breaches: late.length, byPriority: count(late) },
    beforeProduction: { caught, pending: truths.filter((t) => t.kind === 'pending').length, reachedDefault, foundInProduction, caughtPercent: round1((caught / (caught + reachedDefault + foundInProduction)) * 100) },
    waivers: {
      total: waived.length,
      byAge: { '0-30': waived.filter((t) => age(t) <= 30).length, '31-90': waived.filter((t) => age(t) > 30 && age(t) <= 90).length, '91-180': waived.filter((t) => age(t) > 90 && age(t) <= 180).length, '181+': waived.filter((t) => age(t) > 180).length },
      expiringSoon: waived.filter((t) => Date.parse(`${t.expires}T00:00:00Z`) - Date.parse(`${TODAY}T00:00:00Z`) <= 14 * DAY).length,
    },
  };
}

const REPOS = [
  ['acme/web', 11],
  ['acme/api', 22],
  ['acme/billing', 33],
] as const;

let dir: string;
let files: string[];
let truths: Truth[];
let configFile: string;

/** The figures the test checks, out of a metrics JSON. */
function figures(json: Record<string, unknown>) {
  const { weeks, timeToFix, open, sla, beforeProduction, waivers } = json as Record<string, Record<string, unknown>>;
  return { weeks, timeToFix, open, sla: { breaches: sla!.breaches, byPriority: sla!.byPriority }, beforeProduction, waivers };
}

function metrics(...args: string[]) {
  const run = cli(['metrics', '--config', configFile, '--today', TODAY, '--format', 'json', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return { json: JSON.parse(run.stdout) as Record<string, unknown>, stderr: run.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-metrics-'));
  configFile = join(dir, 'pipewarden.yml');
  await writeFile(configFile, 'priorities:\n  sla_days: { P2: 20, P3: 45 }\n');
  files = [];
  truths = [];
  for (const [repo, seed] of REPOS) {
    const generated = generate(repo, seed);
    truths.push(...generated.truths);
    const file = join(dir, `${repo.split('/')[1]}.jsonl`);
    await writeFile(file, generated.lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    files.push(file);
  }
});

describe('pipewarden metrics on a generated history of 90 days over 3 repositories', () => {
  it('gives the figures computed independently from what happened to each finding', () => {
    const want = expected(truths);
    // The history is not trivial: every figure has something to count.
    expect(want.beforeProduction.caught).toBeGreaterThan(20);
    expect(want.beforeProduction.pending).toBeGreaterThan(0);
    expect(want.beforeProduction.foundInProduction).toBeGreaterThan(3);
    expect(want.sla.breaches).toBeGreaterThan(3);
    expect(want.waivers.total).toBeGreaterThan(3);
    expect(want.timeToFix.P0!.fixed).toBeGreaterThan(5);
    const { json } = metrics(...files.flatMap((f) => ['--history', f]));
    expect(figures(json)).toEqual(want);
    expect(json.repos).toEqual(['acme/api', 'acme/billing', 'acme/web']);
    expect(json.weeks).toHaveLength(13);
    // The last trend point is what is open now, by priority, over the three default branches.
    const last = (json.trend as { byPriority: Record<string, number> }[]).at(-1)!.byPriority;
    expect(PRIORITIES.reduce((n, p) => n + (last[p] ?? 0), 0)).toBe(want.open.total);
  });

  it('reports a corrupt and a truncated line with their numbers, skips them and loses nothing else', async () => {
    const clean = metrics(...files.flatMap((f) => ['--history', f])).json;
    const broken = join(dir, 'broken.jsonl');
    const text = (await readFile(files[0]!, 'utf8')).split('\n').filter(Boolean);
    const lines = [...text.slice(0, 10), '{"v":1,"time":"garbage"', 'not json at all', ...text.slice(10), text[5]!.slice(0, 200)];
    await writeFile(broken, lines.join('\n'));
    const run = metrics('--history', broken, '--history', files[1]!, '--history', files[2]!);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^pipewarden: warning: .*broken\.jsonl:11: not valid JSON .*; skipped$/),
      expect.stringMatching(/^pipewarden: warning: .*broken\.jsonl:12: not valid JSON .*; skipped$/),
      expect.stringMatching(new RegExp(`^pipewarden: warning: .*broken\\.jsonl:${lines.length}: not valid JSON .*; skipped$`)),
    ]);
    expect(figures(run.json)).toEqual(figures(clean));
  });

  it('renders Markdown tables and an HTML page with trend charts, escaping what the history says', async () => {
    const hostile = join(dir, 'hostile.jsonl');
    const line = JSON.parse((await readFile(files[0]!, 'utf8')).split('\n')[0]!) as HistoryLine;
    line.repo = '<img src=x onerror=alert(1)>|pipe';
    line.findings.new[0]!.r = '<script>alert(2)</script>';
    await writeFile(hostile, `${JSON.stringify(line)}\n`);
    const md = cli(['metrics', '--history', files[0]!, '--history', hostile, '--config', configFile, '--today', TODAY]);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain('| Week of | Introduced | Fixed | Caught before production | Found in production |');
    expect(md.stdout).toMatch(/\*\*Caught before production: \d+\*\* \(\d+(\.\d)?%\)/);
    expect(md.stdout).not.toContain('<img');
    const out = join(dir, 'metrics.html');
    const html = cli(['metrics', '--history', files[0]!, '--history', hostile, '--config', configFile, '--today', TODAY, '--format', 'html', '-o', out]);
    expect(html.status, html.stderr).toBe(0);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('Per week: introduced (orange) and fixed (green)');
    expect(page).toContain('Trend: open findings by priority');
    expect(page.match(/<svg /g)!.length).toBeGreaterThanOrEqual(4);
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses bad options all at once, and a store URL of another kind, exit 2', () => {
    const run = cli(['metrics', '--format', 'pdf', '--today', '2026-13-01', '--weeks', '0']);
    expect(run.status).toBe(2);
    // One line, every problem in it.
    expect(run.stderr).toBe('pipewarden: --format: "pdf" is not a format (formats: markdown, json, html); --today: expected a date as YYYY-MM-DD; --weeks: between 1 and 520\n');
    const store = cli(['metrics', '--store', 'mysql://user:secret@127.0.0.1/db']);
    expect(store.status).toBe(2);
    expect(store.stderr).toMatch(/^pipewarden: --store: "mysql:\/\/…@127\.0\.0\.1\/db" is not a store/);
    expect(store.stderr).not.toContain('secret');
  });
});

describe.skipIf(!existsSync('/proc/self'))('a folder that cannot be made', () => {
  it('is one line naming it, exit 2 (Node\'s recursive mkdir spins forever under /proc)', () => {
    for (const [args, shown] of [
      [['metrics', '--history', files[0]!, '-o', '/proc/pipewarden-nope/m.md'], '/proc/pipewarden-nope: cannot create the folder'],
      [['metrics', '--store', '/proc/pipewarden-nope/s.db'], '/proc/pipewarden-nope/s.db: cannot open the store: cannot create the folder'],
      [['scan', 'examples/vulnerable-app', '--out-dir', '/proc/pipewarden-nope/out'], '/proc/pipewarden-nope: cannot create the folder'],
    ] as const) {
      const run = cli([...args]);
      expect(run.status, run.stderr).toBe(2);
      expect(run.stderr).toBe(`pipewarden: ${shown}: no such file or directory\n`);
    }
  });
});

describe('the shared store', () => {
  it('SQLite: the three histories added to one file give the same figures; adding them again adds nothing', () => {
    const db = join(dir, 'store', 'pipewarden.db');
    const fromFiles = figures(metrics(...files.flatMap((f) => ['--history', f])).json);
    const first = metrics('--store', db, ...files.flatMap((f) => ['--history', f]));
    expect(first.stderr).toMatch(/: \d+ runs added\n$/);
    expect(figures(first.json)).toEqual(fromFiles);
    const again = metrics('--store', `sqlite:${db}`, '--history', files[0]!);
    expect(again.stderr).toMatch(/: 0 runs added, \d+ already there\n$/);
    expect(figures(metrics('--store', db).json)).toEqual(fromFiles);
    // One repository out of the store is that repository's history file.
    expect(figures(metrics('--store', db, '--repo', 'acme/api').json)).toEqual(figures(metrics('--history', files[1]!).json));
  });

  const postgres = process.env.PIPEWARDEN_TEST_POSTGRES_URL;
  if (!postgres) process.stderr.write('\n[pipewarden tests] PIPEWARDEN_TEST_POSTGRES_URL is not set (.ci/run starts PostgreSQL and sets it): skipping the PostgreSQL store test\n');
  it.skipIf(!postgres)('PostgreSQL: a real server gives the same figures as the files and as SQLite', () => {
    // A schema of its own per run, so reruns start empty.
    const url = new URL(postgres!);
    const schema = `pw_${Date.now()}`;
    execFileSync('psql', [postgres!, '-qc', `CREATE SCHEMA ${schema}`]);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const fromFiles = figures(metrics(...files.flatMap((f) => ['--history', f])).json);
    const first = metrics('--store', url.href, ...files.flatMap((f) => ['--history', f]));
    expect(first.stderr).toMatch(/: \d+ runs added\n$/);
    expect(figures(first.json)).toEqual(fromFiles);
    const again = metrics('--store', url.href, ...files.flatMap((f) => ['--history', f]));
    expect(again.stderr).toMatch(/: 0 runs added, \d+ already there\n$/);
    expect(figures(again.json)).toEqual(fromFiles);
    const count = execFileSync('psql', [postgres!, '-tAc', `SELECT count(*) FROM ${schema}.pipewarden_runs`], { encoding: 'utf8' }).trim();
    expect(Number(count)).toBe(first.json.runs);
  });

  it('an unreachable PostgreSQL server is one line naming it without its password, exit 2', () => {
    const run = cli(['metrics', '--store', 'postgres://pw:hunter2@127.0.0.1:1/none']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^pipewarden: postgres:\/\/pw:\*\*\*@127\.0\.0\.1:1\/none: cannot open the store: .*ECONNREFUSED.*\n$/);
    expect(run.stderr).not.toContain('hunter2');
  });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.test', '-c', 'user.name=T', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

// ShellCheck finds the change these runs make (a script's unquoted variable): without it they have nothing to record.
describe.skipIf(!hasTool('shellcheck', ['--version'], 'apt-get install shellcheck'))('history written by real scans', () => {
  it('a finding caught on a branch and a fix on main, through scan and metrics', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'pw-history-'));
    const out = join(repo, '.out');
    const history = join(out, 'history.jsonl');
    await writeFile(join(repo, '.gitignore'), '.out/\n');
    await writeFile(join(repo, 'deploy.sh'), '#!/bin/sh\nrm -rf $1/tmp\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, 'commit', '-qm', 'base');
    const scan = (...args: string[]) => {
      const run = cli(['scan', '.', '--scanners', 'shellcheck', '--out-dir', '.out/run', '--history', history, '--quiet', ...args], repo);
      expect(run.status, run.stderr).toBeLessThan(2);
      return run;
    };
    scan();
    await mkdir(join(out, 'main'), { recursive: true });
    await writeFile(join(out, 'main', 'results.sarif'), await readFile(join(out, 'run', 'results.sarif')));
    git(repo, 'checkout', '-qb', 'feature');
    await appendFile(join(repo, 'deploy.sh'), 'cp $2 /srv\n');
    git(repo, 'commit', '-qam', 'copy');
    scan('--baseline', '.out/main/results.sarif');
    await writeFile(join(repo, 'deploy.sh'), '#!/bin/sh\nrm -rf "$1/tmp"\ncp "$2" /srv\n');
    git(repo, 'commit', '-qam', 'quote');
    scan('--baseline', '.out/main/results.sarif');
    git(repo, 'checkout', '-q', 'main');
    git(repo, 'merge', '-q', 'feature');
    scan('--baseline', '.out/main/results.sarif');
    const lines = (await readFile(history, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as HistoryLine);
    expect(lines.map((l) => [l.branch, l.baseline, l.new, l.fixed])).toEqual([
      ['main', false, 1, 0],
      ['feature', true, 1, 0],
      ['feature', true, 0, 1],
      ['main', true, 0, 1],
    ]);
    expect(lines[0]!.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(lines[0]!.scanners.find((s) => s.id === 'shellcheck')?.status).toBe('ran');
    // The fixed finding's first detection came forward from the first run through the baseline.
    expect(lines[3]!.findings.fixed[0]!.first).toBe(lines[0]!.time);
    const run = cli(['metrics', '--history', history, '--format', 'json'], repo);
    expect(run.status, run.stderr).toBe(0);
    const m = JSON.parse(run.stdout) as { beforeProduction: Record<string, number>; open: { total: number } };
    expect(m.beforeProduction).toMatchObject({ caught: 1, reachedDefault: 1, pending: 0, foundInProduction: 0 });
    expect(m.open.total).toBe(0);
    const summary = await readFile(join(out, 'run', 'summary.md'), 'utf8');
    expect(summary).toMatch(/Trend since \d{4}-\d{2}-\d{2} \(\d runs\): open 1 → 0 \(−1\)/);
  });
});
