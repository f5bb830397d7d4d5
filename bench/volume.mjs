#!/usr/bin/env node
// pnpm bench (volume part): seeded synthetic reports at 10k, 100k (and 1M without --quick) results, as SARIF,
// Trivy JSON and Semgrep JSON; Pipewarden's convert, merge with a baseline match, and the scan pipeline on
// reports, against the floor (read + JSON.parse in a bare Node) and, when installed, sarif-multitool.
// Measurements, never assertions: one table, wall time, results per second, peak RSS from each process's
// own accounting (process.resourceUsage().maxRSS).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './prng.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
// --targets: only the rows issue 30's three targets are judged on (the scan of 100k with its baseline, the
// merge of ten shards of 100k, the convert of 1M), each beside its floor: a few minutes instead of the full run.
const targetsOnly = process.argv.includes('--targets');
const sizes = quick ? [10_000, 100_000] : targetsOnly ? [100_000, 1_000_000] : [10_000, 100_000, 1_000_000];
const work = mkdtempSync(join(tmpdir(), 'pw-volume-'));
// A checkout, as the scan meets it in CI: it asks git which findings' files are vendored, generated or ignored
// (in a folder that is no repository git answers at once, and a cost a real run pays went unmeasured).
spawnSync('git', ['init', '-q', work], { stdio: 'ignore' });
const measure = join(root, 'bench', 'measure.mjs');

const WORDS = 'user input flows into query without validation sanitizer missing tainted value reaches sink buffer overflow possible unchecked length path traversal via parameter deserialization of untrusted data weak hash algorithm hardcoded credential'.split(' ');
const sentence = (rnd, n) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');

/** Writes a large file in chunks: the generator never holds the whole text. */
async function writeChunks(file, parts) {
  const out = createWriteStream(file);
  for (const part of parts()) if (!out.write(part)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

async function sarif(file, n, seed, shift = 0, tool = 'SynthSAST', root = 'src') {
  const rnd = prng(seed);
  const rules = Math.min(5000, Math.max(20, Math.floor(n / 50)));
  await writeChunks(file, function* () {
    yield `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"${tool}","version":"1.0.0","rules":[`;
    for (let r = 0; r < rules; r++) yield `${r ? ',' : ''}{"id":"SYN${r}","shortDescription":{"text":"${sentence(rnd, 6)}"},"help":{"text":"${sentence(rnd, 30)}"},"properties":{"tags":["security","external/cwe/cwe-${(r % 900) + 20}"],"security-severity":"${(rnd() * 10).toFixed(1)}"}}`;
    yield `]}},"results":[`;
    for (let i = 0; i < n; i++) {
      const file = `${root}/module${i % 2000}/file${i % 97}.js`;
      const line = 10 + (i % 400) + shift;
      const locs = 1 + (i % 2);
      // About 340 bytes a result, as in the issue's measured 1M log (343 MB): the primary location carries the
      // snippet, the others point at helpers.
      const locations = Array.from({ length: locs }, (_, k) => (k ? `{"physicalLocation":{"artifactLocation":{"uri":"${root}/lib/helper${(i + k) % 300}.js"},"region":{"startLine":${line + k}}}}` : `{"physicalLocation":{"artifactLocation":{"uri":"${file}"},"region":{"startLine":${line},"startColumn":${1 + (i % 40)},"snippet":{"text":"const v = f(${sentence(rnd, 2).replace(/ /g, '_')});"}}}}`)).join(',');
      yield `${i ? ',' : ''}{"ruleId":"SYN${i % rules}","level":"${['error', 'warning', 'note'][i % 3]}","message":{"text":"Finding ${i}: ${sentence(rnd, 6 + (i % 10))}"},"locations":[${locations}]}`;
    }
    yield ']}]}';
  });
}

/** How many results of sarif(n) are on rules tagged CWE-798/259/321 (secret findings: see BENCH_SECRET_KEY). */
function secretFindings(n) {
  const rules = Math.min(5000, Math.max(20, Math.floor(n / 50)));
  let count = 0;
  for (let i = 0; i < n; i++) if ([798, 259, 321].includes(((i % rules) % 900) + 20)) count++;
  return count;
}

async function trivy(file, n, seed) {
  const rnd = prng(seed);
  await writeChunks(file, function* () {
    yield '{"SchemaVersion":2,"ArtifactName":"app","ArtifactType":"container_image","Results":[{"Target":"app (debian 12)","Class":"os-pkgs","Type":"debian","Vulnerabilities":[';
    for (let i = 0; i < n; i++) {
      const score = (rnd() * 10).toFixed(1);
      yield `${i ? ',' : ''}{"VulnerabilityID":"CVE-20${10 + (i % 15)}-${10000 + i}","PkgName":"pkg${i % 3000}","InstalledVersion":"1.${i % 50}.0","FixedVersion":"1.${(i % 50) + 1}.0","Severity":"${['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'][i % 4]}","Title":"${sentence(rnd, 8)}","Description":"${sentence(rnd, 40)}","CVSS":{"nvd":{"V3Vector":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H","V3Score":${score}}},"References":["https://nvd.nist.gov/vuln/detail/CVE-20${10 + (i % 15)}-${10000 + i}"]}`;
    }
    yield ']}]}';
  });
}

async function semgrep(file, n, seed) {
  const rnd = prng(seed);
  await writeChunks(file, function* () {
    yield '{"version":"1.90.0","errors":[],"paths":{"scanned":[]},"results":[';
    for (let i = 0; i < n; i++) {
      const line = 5 + (i % 500);
      yield `${i ? ',' : ''}{"check_id":"rules.synth.rule-${i % 800}","path":"app/file${i % 1500}.py","start":{"line":${line},"col":5,"offset":${i}},"end":{"line":${line + 1},"col":20,"offset":${i + 40}},"extra":{"message":"${sentence(rnd, 20)}","severity":"${['ERROR', 'WARNING', 'INFO'][i % 3]}","metadata":{"cwe":["CWE-${(i % 900) + 20}: ${sentence(rnd, 3)}"],"confidence":"HIGH"},"lines":"    result = call(${sentence(rnd, 3).replace(/ /g, '_')})","fingerprint":"requires login"}}`;
    }
    yield ']}';
  });
}

// The recommended setup (docs/identity.md): with PIPEWARDEN_SECRET_KEY a secret's identity is an HMAC. Without
// it every distinct secret costs a scrypt (a tenth of a second, on purpose), and the synthetic rules tagged
// CWE-798/259/321 make 0.3% of the results secret findings: that cost is its own row, not hidden in every other.
const BENCH_SECRET_KEY = 'pipewarden-bench-key-0123456789abcdef';

/** Runs one measured process: node bench/measure.mjs <mode> ...args; returns { ms, rss, stderr } or { error }. */
function run(mode, args, { keyed = true } = {}) {
  const env = { ...process.env, PIPEWARDEN_OFFLINE: '1', ...(keyed ? { PIPEWARDEN_SECRET_KEY: BENCH_SECRET_KEY } : {}) };
  if (!keyed) delete env.PIPEWARDEN_SECRET_KEY;
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', measure, mode, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  const stderr = child.stderr.trim();
  try {
    const result = JSON.parse(line);
    if (result.code === 2 || child.status) return { error: stderr.split('\n').at(-1) ?? `exit ${result.code ?? child.status}` };
    return { ...result, stderr };
  } catch {
    return { error: (stderr || child.stdout).trim().split('\n').at(-1) ?? `exit ${child.status}` };
  }
}

/** sarif-multitool, when installed here or named by PIPEWARDEN_SARIF_MULTITOOL (it is not a dependency: see docs/performance.md). */
function multitool() {
  const bin = process.env.PIPEWARDEN_SARIF_MULTITOOL ?? join(root, 'node_modules', '.bin', 'sarif-multitool');
  return existsSync(bin) ? bin : undefined;
}

function timed(command, args) {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const rss = Number(child.stderr.trim().split('\n').at(-1)) * 1024;
  return child.status === 0 ? { ms, rss, stdout: child.stdout } : { error: child.stderr.trim().split('\n').slice(-2, -1)[0] ?? `exit ${child.status}` };
}

/** Results of a multitool log that are new or absent (its own match-results-forward output). */
function peerWrong(file) {
  try {
    const log = JSON.parse(readFileSync(file, 'utf8'));
    const states = log.runs.flatMap((r) => r.results ?? []).map((r) => r.baselineState);
    return `${states.filter((s) => s === 'new').length} new, ${states.filter((s) => s === 'absent').length} absent`;
  } catch {
    return '?';
  }
}

const rows = [];
const tool = multitool();
/** A row of the table; `results` is how many results the command handled, when not the size `n` (ten shards). */
const add = (n, what, result, floor, peer, results = n) => {
  const row = { n, what, result, floor, peer, results };
  rows.push(row);
  return row;
};
/** The issue's three targets (issue 30): the rows that answer them. */
const targets = {};
for (const n of sizes) {
  const base = join(work, `${n}`);
  const files = { sarif: `${base}.sarif`, shifted: `${base}.shifted.sarif`, trivy: `${base}.trivy.json`, semgrep: `${base}.semgrep.json` };
  await sarif(files.sarif, n, n);
  const size = statSync(files.sarif).size;
  const floor = run('floor', [files.sarif]);
  add(n, `JSON.parse floor (SARIF, ${(size / 1024 / 1024).toFixed(0)} MB)`, floor);
  // convert = read, check, normalize, redact, fingerprint, write: the per-result work of every pipeline.
  const convert = add(n, 'convert SARIF', run('cli', ['convert', files.sarif, '-o', `${base}.out.sarif`]), floor, tool && !targetsOnly ? timed(tool, ['merge', files.sarif, '--output-directory', work, '--output-file', `${n}.mt.sarif`, '--log', 'ForceOverwrite']) : undefined);
  if (!targetsOnly) await trivy(files.trivy, n, n + 1);
  if (!targetsOnly) await semgrep(files.semgrep, n, n + 2);
  if (!targetsOnly) add(n, 'convert Trivy JSON', run('cli', ['convert', files.trivy, '-o', `${base}.trivy.out.sarif`]), run('floor', [files.trivy]));
  if (!targetsOnly) add(n, 'convert Semgrep JSON', run('cli', ['convert', files.semgrep, '-o', `${base}.semgrep.out.sarif`]), run('floor', [files.semgrep]));
  if (!targetsOnly) add(n, 'merge 2 logs + dedupe + prioritize', run('cli', ['merge', `${base}.out.sarif`, `${base}.trivy.out.sarif`, '-o', `${base}.merged.sarif`]), run('floor', [`${base}.out.sarif`, `${base}.trivy.out.sarif`]));
  if (n === 1_000_000) targets.convert = convert;
  if (n === 100_000 && !quick && !targetsOnly) {
    const secrets = secretFindings(n);
    add(n, `convert SARIF without PIPEWARDEN_SECRET_KEY (${secrets} results of secret rules: a scrypt each, by design)`, run('cli', ['convert', files.sarif, '-o', `${base}.nokey.sarif`], { keyed: false }), floor);
  }
  if (n <= 100_000) {
    // Baseline match: the same findings shifted down 3 lines must all come out unchanged.
    await sarif(files.shifted, n, n, 3);
    run('cli', ['convert', files.shifted, '-o', `${base}.shifted.out.sarif`]);
    const both = run('floor', [`${base}.shifted.out.sarif`, `${base}.out.sarif`]);
    const match = targetsOnly ? undefined : run('cli', ['merge', `${base}.shifted.out.sarif`, '--baseline', `${base}.out.sarif`, '-o', `${base}.matched.sarif`]);
    const counts = match && /(\d+) new, \d+ unchanged, \d+ updated, (\d+) absent/.exec(match.stderr ?? '');
    const peer = tool && match ? timed(tool, ['match-results-forward', files.shifted, '--previous', files.sarif, '--output-file-path', `${base}.mt-match.sarif`, '--log', 'ForceOverwrite']) : undefined;
    const peerCounts = peer && !peer.error ? `; multitool: ${peerWrong(`${base}.mt-match.sarif`)}` : '';
    if (match) add(n, `merge + baseline match (${counts ? `${counts[1]} new, ${counts[2]} absent` : 'no counts'}${peerCounts}); × floor of both`, match, both, peer);
    // The matching alone (read both logs, match; no prioritize, no writing): what the issue's target measures.
    const alone = targetsOnly ? undefined : run('match', [`${base}.shifted.out.sarif`, `${base}.out.sarif`]);
    if (alone) add(n, `baseline match alone: read both + match (${alone.counts ? `${alone.counts.new} new, ${alone.counts.absent} absent` : 'no counts'}); × floor of both`, alone, both);
    const out = join(work, `scan-${n}`);
    const scan = run('cli', ['scan', work, '--scanners', 'none', '--report', files.shifted, '--baseline', `${base}.out.sarif`, '--out-dir', out, '--quiet', '--fail-on', 'never']);
    const scanned = add(n, 'scan --report with a baseline of as many: every output (SARIF, GitHub, GitLab, JUnit, HTML, JSON, summary); × floor of both', scan, run('floor', [files.shifted, `${base}.out.sarif`]));
    if (n === 100_000) targets.scan = scanned;
    // CI shards: ten jobs' logs of n results each, one per service of a monorepo (different files, different runs).
    // Ten of 100k is a million results: the full run only, --quick has ten of 10k.
    if (n === 10_000 || !quick) {
      const shards = Array.from({ length: 10 }, (_, s) => join(work, `${n}.shard${s}.sarif`));
      for (const [s, shard] of shards.entries()) await sarif(shard, n, n * 10 + s, 0, `SynthSAST-${s}`, `services/shard${s}/src`);
      const merged = add(n, `merge 10 shards of ${n.toLocaleString('en-US')} results (${(n * 10).toLocaleString('en-US')}) + dedupe + prioritize; × floor of all ten`, run('cli', ['merge', ...shards, '-o', `${base}.shards.sarif`]), run('floor', shards), undefined, n * 10);
      if (n === 100_000) targets.merge = merged;
      for (const shard of shards) rmSync(shard, { force: true });
    }
  }
  for (const f of readdirSync(work)) if (f.startsWith(`${n}.`) || f.startsWith(`scan-${n}`)) rmSync(join(work, f), { recursive: true, force: true });
}
if (!quick && !targetsOnly) {
  // Above V8's string limit (about 512 MB): read in chunks, never as one string.
  const n = 1_550_000;
  const file = join(work, 'big.sarif');
  await sarif(file, n, 7);
  const size = statSync(file).size;
  add(n, `convert a ${(size / 1024 / 1024).toFixed(0)} MB SARIF log (over V8's string limit)`, run('cli', ['convert', file, '-o', join(work, 'big.out.sarif')]));
  rmSync(file, { force: true });
}
const startup = run('startup', []);
/** One line per target of issue 30: "ratio x.xx (target ≤ 3)", and the peak memory where the issue bounds it. */
function verdicts() {
  const line = (label, row, limit, maxMb) => {
    if (!row) return `${label}: not measured (full run only: pnpm bench without --quick)`;
    if (row.result.error || row.floor?.error) return `${label}: error: ${row.result.error ?? row.floor.error}`;
    const ratio = row.result.ms / row.floor.ms;
    const rss = row.result.rss / 1024 / 1024;
    const memory = maxMb ? `, peak RSS ${Math.round(rss)} MB (target < ${maxMb} MB)` : '';
    const met = ratio <= limit && (!maxMb || rss < maxMb);
    return `${label}: ratio ${ratio.toFixed(2)} (target ≤ ${limit})${memory}: ${met ? 'met' : 'NOT met'}`;
  };
  return [
    line('scan --report of 100k with a 100k baseline, every output, × parsing both', targets.scan, 3, 1536),
    line('convert of 1M SARIF results, × parsing it', targets.convert, 2, 1024),
    line('merge of 10 shards of 100k, × parsing all ten', targets.merge, 3),
  ];
}

const header = ['results', 'what', 'wall', 'results/s', 'peak RSS', '× floor', 'multitool', '× multitool'];
const lines = [header, header.map(() => '---')];
const fmt = (x) => (x.error ? `error: ${x.error}`.slice(0, 60) : `${(x.ms / 1000).toFixed(2)} s`);
const mb = (x) => (x.error || !x.rss ? '' : `${Math.round(x.rss / 1024 / 1024)} MB`);
for (const r of rows) {
  const ok = !r.result.error;
  const rate = ok ? Math.round(r.results / (r.result.ms / 1000)).toLocaleString('en-US') : '';
  const ratio = r.floor && ok && !r.floor.error ? (r.result.ms / r.floor.ms).toFixed(2) : '';
  const vsPeer = r.peer && !r.peer.error && ok ? (r.result.ms / r.peer.ms).toFixed(2) : '';
  lines.push([r.n.toLocaleString('en-US'), r.what, fmt(r.result), rate, mb(r.result), ratio, r.peer ? `${fmt(r.peer)} ${mb(r.peer)}`.trim() : '', vsPeer]);
}
console.log(`\nVolume (${quick ? 'quick: 10k and 100k' : targetsOnly ? "targets only: issue 30's three rows and their floors" : '10k, 100k, 1M and a 600 MB log'}; seeded synthetic inputs; Node ${process.version})\n`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
const ms = (x) => (x === undefined ? 'error' : `${x.toFixed(0)} ms`);
console.log(`\nStartup (median of 7 processes): pipewarden --version ${ms(startup.version)}, the GitHub Action's bundle ${ms(startup.action)}, bare node ${ms(startup.bare)}`);
console.log(`\nTargets (issue 30; ${os.loadavg()[0].toFixed(1)} load average on ${os.availableParallelism()} cores at the end):`);
for (const v of verdicts()) console.log(`- ${v}`);
if (!tool) console.log('sarif-multitool not installed: npm i --no-save @microsoft/sarif-multitool@5.7.0 (or PIPEWARDEN_SARIF_MULTITOOL=path) for the peer columns');
rmSync(work, { recursive: true, force: true });
