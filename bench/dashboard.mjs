#!/usr/bin/env node
// pnpm bench (dashboard part): a generated store of 500 repositories × 1 year of daily runs (--quick: 50 × 90
// days; also in CI), in SQLite and, when PIPEWARDEN_TEST_POSTGRES_URL names a server, PostgreSQL; `pipewarden serve`'s
// pages timed over HTTP against the budgets (overview < 300 ms, repository page < 150 ms). Measurements,
// printed against the budgets, never assertions.
//
// The overview's figures follow every finding through every run, so the server computes them in a worker
// thread and keeps them, recomputing in the background when runs were added: "cold" is that computation
// (after a start), "warm" a request served from the kept figures. A repository's first view reads the store;
// views of it that follow are served from what was read while the repository has no new run.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { storeLines } from './dashboard-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `pnpm bench --quick` hands --quick to the chain's last step only: in CI (CI=true, as .ci/run sets) the quick
// set is taken too, unless --full asks for the whole year.
const quick = process.argv.includes('--quick') || (Boolean(process.env.CI) && !process.argv.includes('--full'));
const size = quick ? { repos: 50, days: 90 } : { repos: 500, days: 365 };
const END = '2026-11-29';
const TODAY = '2026-11-30';
const BUDGET = { overview: 300, repository: 150 };

const load = (path) => import(pathToFileURL(join(root, path)).href);
const { openStore } = await load('packages/store/dist/index.js');
const { startDashboard } = await load('packages/dashboard/dist/index.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (n) => `${n.toFixed(0)} ms`;

async function timed(url) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
  return performance.now() - started;
}

async function fill(url, cwd) {
  const store = await openStore(url, cwd);
  const started = performance.now();
  let runs = 0;
  try {
    for (const lines of storeLines({ repos: size.repos, days: size.days, end: END, seed: 7 })) runs += (await store.add(lines)).added;
  } finally {
    await store.close();
  }
  return { runs, seconds: (performance.now() - started) / 1000 };
}

async function measure(kind, url, cwd) {
  const filled = await fill(url, cwd);
  const started = performance.now();
  const dashboard = await startDashboard({ store: url, cwd, host: '127.0.0.1', port: 0, today: TODAY });
  try {
    const cold = (await timed(`${dashboard.url}/`)) + 0;
    const coldFromStart = performance.now() - started;
    // One request of each page first, untimed: the server's code compiled, as it is after its first visitor.
    await timed(`${dashboard.url}/repository?repo=org-0%2Fservice-0`);
    const overview = [];
    for (let i = 0; i < 10; i++) overview.push(await timed(`${dashboard.url}/`));
    const repository = [];
    const finding = [];
    // Each repository's first view (read from the store), then views of the same one (kept while it has no new run).
    const again = [];
    for (let i = 0; i < 20; i++) {
      const n = (i * 37) % size.repos;
      const repo = `org-${n % 12}/service-${n}`;
      const repoUrl = `${dashboard.url}/repository?repo=${encodeURIComponent(repo)}`;
      repository.push(await timed(repoUrl));
      again.push(await timed(`${repoUrl}&findings.sort=age&findings.dir=desc`));
      if (i < 5) {
        const page = await (await fetch(repoUrl)).text();
        const link = /href="(\/finding\?[^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
        if (link) finding.push(await timed(`${dashboard.url}${link}`));
      }
    }
    return { kind, filled, cold: coldFromStart, firstRequest: cold, overview, repository, finding, again };
  } finally {
    await dashboard.close();
  }
}

const verdict = (ok) => (ok ? 'within' : '**over**');
function print(r) {
  console.log(`\n${r.kind}: ${r.filled.runs} runs of ${size.repos} repositories × ${size.days} days, added through the store's API in ${r.filled.seconds.toFixed(1)} s\n`);
  console.log('| page | median | p95 | budget |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| overview, warm (store unchanged) | ${ms(median(r.overview))} | ${ms(p95(r.overview))} | ${BUDGET.overview} ms: ${verdict(p95(r.overview) < BUDGET.overview)} |`);
  console.log(`| repository page, first view | ${ms(median(r.repository))} | ${ms(p95(r.repository))} | ${BUDGET.repository} ms: ${verdict(p95(r.repository) < BUDGET.repository)} |`);
  console.log(`| repository page, sorted again | ${ms(median(r.again))} | ${ms(p95(r.again))} | ${BUDGET.repository} ms: ${verdict(p95(r.again) < BUDGET.repository)} |`);
  if (r.finding.length) console.log(`| finding page | ${ms(median(r.finding))} | ${ms(p95(r.finding))} | (none) |`);
  console.log(`| overview, cold (start, read every run, compute) | ${ms(r.cold)} | | (none: once per change of the store, in a worker thread) |`);
  console.log(`\nload average after: ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs (other work on the machine slows every figure)`);
}

console.log(`Dashboard over the shared store${quick ? ' (--quick)' : ''}; Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the start`);
const work = mkdtempSync(join(tmpdir(), 'pw-bench-dashboard-'));
try {
  print(await measure('SQLite', join(work, 'store.db'), work));
  const postgres = process.env.PIPEWARDEN_TEST_POSTGRES_URL;
  if (!postgres) console.log('\nPostgreSQL: skipped (PIPEWARDEN_TEST_POSTGRES_URL is unset; .ci/run sets it)');
  else {
    const { default: pg } = await import(pathToFileURL(join(root, 'packages', 'store', 'node_modules', 'pg', 'lib', 'index.js')).href);
    const schema = `bench_dashboard_${process.pid}`;
    const client = new pg.Client({ connectionString: postgres });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    try {
      print(await measure('PostgreSQL', `${postgres}${postgres.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`, work));
    } finally {
      await client.query(`DROP SCHEMA ${schema} CASCADE`);
      await client.end();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
