#!/usr/bin/env node
// pnpm bench (volume part): seeded synthetic reports at 10k, 100k (and 1M without --quick) results, as SARIF,
// Trivy JSON and Semgrep JSON; Pipewarden's convert, merge with a baseline match, and the scan pipeline on
// reports, against the floor (read + JSON.parse in a bare Node) and, when installed, sarif-multitool.
// Measurements, never assertions: one table, wall time, results per second, peak RSS from each process's
// own accounting (process.resourceUsage().maxRSS).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const work = mkdtempSync(join(tmpdir(), 'pw-volume-'));
const measure = join(root, 'bench', 'measure.mjs');

/** mulberry32: the same inputs on every machine and every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'user input flows into query without validation sanitizer missing tainted value reaches sink buffer overflow possible unchecked length path traversal via parameter deserialization of untrusted data weak hash algorithm hardcoded credential'.split(' ');
const sentence = (rnd, n) => Array.from({ length: n }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');

/** Writes a large file in chunks: the generator never holds the whole text. */
async function writeChunks(file, parts) {
  const out = createWriteStream(file);
  for (const part of parts()) if (!out.write(part)) await new Promise((r) => out.once('drain', r));
  await new Promise((r) => out.end(r));
}

async function sarif(file, n, seed, shift = 0) {
  const rnd = prng(seed);
  const rules = Math.min(5000, Math.max(20, Math.floor(n / 50)));
  await writeChunks(file, function* () {
    yield `{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":{"name":"SynthSAST","version":"1.0.0","rules":[`;
    for (let r = 0; r < rules; r++) yield `${r ? ',' : ''}{"id":"SYN${r}","shortDescription":{"text":"${sentence(rnd, 6)}"},"help":{"text":"${sentence(rnd, 30)}"},"properties":{"tags":["security","external/cwe/cwe-${(r % 900) + 20}"],"security-severity":"${(rnd() * 10).toFixed(1)}"}}`;
    yield `]}},"results":[`;
    for (let i = 0; i < n; i++) {
      const file = `src/module${i % 2000}/file${i % 97}.js`;
      const line = 10 + (i % 400) + shift;
      const locs = 1 + (i % 2);
      // About 340 bytes a result, as in the issue's measured 1M log (343 MB): the primary location carries the
      // snippet, the others point at helpers.
      const locations = Array.from({ length: locs }, (_, k) => (k ? `{"physicalLocation":{"artifactLocation":{"uri":"src/lib/helper${(i + k) % 300}.js"},"region":{"startLine":${line + k}}}}` : `{"physicalLocation":{"artifactLocation":{"uri":"${file}"},"region":{"startLine":${line},"startColumn":${1 + (i % 40)},"snippet":{"text":"const v = f(${sentence(rnd, 2).replace(/ /g, '_')});"}}}}`)).join(',');
      yield `${i ? ',' : ''}{"ruleId":"SYN${i % rules}","level":"${['error', 'warning', 'note'][i % 3]}","message":{"text":"Finding ${i}: ${sentence(rnd, 6 + (i % 10))}"},"locations":[${locations}]}`;
    }
    yield ']}]}';
  });
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

/** Runs one measured process: node bench/measure.mjs <mode> ...args; returns { ms, rss } or { error }. */
function run(mode, args) {
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', measure, mode, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, PIPEWARDEN_OFFLINE: '1' } });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return { error: (child.stderr || child.stdout).trim().split('\n').at(-1) ?? `exit ${child.status}` };
  }
}

function multitool() {
  const bin = join(root, 'node_modules', '.bin', 'sarif-multitool');
  return existsSync(bin) ? bin : undefined;
}

function timed(command, args) {
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const rss = Number(child.stderr.trim().split('\n').at(-1)) * 1024;
  return child.status === 0 ? { ms, rss } : { error: child.stderr.trim().split('\n').slice(-2, -1)[0] ?? `exit ${child.status}` };
}

const rows = [];
const fmt = (x) => (x.error ? `error: ${x.error}`.slice(0, 40) : `${(x.ms / 1000).toFixed(2)} s`);
const mb = (x) => (x.error ? '' : `${Math.round(x.rss / 1024 / 1024)} MB`);
for (const n of sizes) {
  const base = join(work, `${n}`);
  const files = { sarif: `${base}.sarif`, shifted: `${base}.shifted.sarif`, trivy: `${base}.trivy.json`, semgrep: `${base}.semgrep.json` };
  await sarif(files.sarif, n, n);
  await trivy(files.trivy, n, n + 1);
  await semgrep(files.semgrep, n, n + 2);
  const size = statSync(files.sarif).size;
  const floor = run('floor', [files.sarif]);
  const add = (what, input, result, ratioTo = floor, peer) => rows.push({ n, what, input, result, floor: ratioTo, peer });
  add('JSON.parse floor', files.sarif, floor, undefined);
  const tool = multitool();
  const convert = run('cli', ['convert', files.sarif, '-o', `${base}.out.sarif`]);
  add('convert SARIF', files.sarif, convert, floor, tool ? timed(tool, ['merge', files.sarif, '--output-file', `${base}.mt.sarif`, '--force']) : undefined);
  add('convert Trivy JSON', files.trivy, run('cli', ['convert', files.trivy, '-o', `${base}.trivy.out.sarif`]), run('floor', [files.trivy]));
  add('convert Semgrep JSON', files.semgrep, run('cli', ['convert', files.semgrep, '-o', `${base}.semgrep.out.sarif`]), run('floor', [files.semgrep]));
  if (n <= 100_000) {
    // Baseline match: the same findings shifted down 3 lines must all be unchanged.
    await sarif(files.shifted, n, n, 3);
    const out = join(work, `scan-${n}`);
    const match = run('cli', ['scan', work, '--scanners', 'none', '--report', files.shifted, '--baseline', `${base}.out.sarif`, '--out-dir', out, '--quiet', '--fail-on', 'never']);
    let wrong = '';
    try {
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      wrong = `${report.baseline?.new ?? '?'} new, ${report.baseline?.absent ?? '?'} absent`;
    } catch {
      wrong = 'no report';
    }
    const both = { ms: floor.ms * 2, rss: floor.rss };
    add(`scan + baseline match (${wrong})`, files.shifted, match, both, tool ? timed(tool, ['match-results-forward', files.shifted, '--previous', `${base}.out.sarif`, '--output-file', `${base}.mt-match.sarif`, '--force']) : undefined);
  }
  const merge = run('cli', ['merge', `${base}.out.sarif`, `${base}.trivy.out.sarif`, '-o', `${base}.merged.sarif`]);
  add('merge 2 logs', `${base}.out.sarif`, merge, floor);
  rows.push({ n, what: `(SARIF input ${(size / 1024 / 1024).toFixed(0)} MB)` });
  for (const f of Object.values(files)) rmSync(f, { force: true });
}
const startup = run('startup', []);

const header = ['results', 'what', 'wall', 'results/s', 'peak RSS', '× floor', 'multitool', '× multitool'];
const lines = [header, header.map(() => '---')];
for (const r of rows) {
  if (!r.result) {
    lines.push([String(r.n), r.what, '', '', '', '', '', '']);
    continue;
  }
  const rate = r.result.error ? '' : `${Math.round(r.n / (r.result.ms / 1000)).toLocaleString('en-US')}`;
  const ratio = r.floor && !r.result.error && !r.floor.error && r.what !== 'JSON.parse floor' ? `${(r.result.ms / r.floor.ms).toFixed(2)}` : '';
  const peer = r.peer ? fmt(r.peer) : '';
  const vsPeer = r.peer && !r.peer.error && !r.result.error ? `${(r.result.ms / r.peer.ms).toFixed(2)}` : '';
  lines.push([r.n.toLocaleString('en-US'), r.what, fmt(r.result), rate, mb(r.result), ratio, peer, vsPeer]);
}
console.log(`\nVolume (${quick ? 'quick: 10k and 100k' : '10k, 100k, 1M'}; seeded synthetic inputs; Node ${process.version})\n`);
for (const l of lines) console.log(`| ${l.join(' | ')} |`);
console.log(`\npipewarden --version: ${startup.error ? startup.error : `${startup.ms.toFixed(0)} ms`}${multitool() ? '' : '; sarif-multitool not installed (npm i -D @microsoft/sarif-multitool to compare)'}`);
rmSync(work, { recursive: true, force: true });
