// Seeded synthetic history for the dashboard's benchmark and tests: N repositories × D days of runs, as
// pipelines write them (history lines, added through the store's own API). Each repository runs its commit
// stage on the default branch every day (against a baseline: new, fixed and waived findings), a feature
// branch every week (whose findings are mostly caught before they merge), a production scan every week
// (which sometimes finds what the pipeline missed), and builds an image every other week.

import { prng } from './prng.mjs';

const DAY = 86_400_000;
const PRIORITIES = ['P0', 'P1', 'P2', 'P3', 'P4'];
const KINDS = [
  { s: 'pipewarden-sast', c: 'sast', rules: ['js-sql-injection', 'js-xss', 'js-path-traversal', 'js-command-injection', 'js-weak-random'] },
  { s: 'pipewarden-deps', c: 'sca', rules: ['CVE-2021-44228', 'CVE-2022-24999', 'GHSA-c2qf-rxjj-qqgw', 'CVE-2023-26136', 'CVE-2024-21538'] },
  { s: 'secretlint', c: 'secrets', rules: ['aws-access-key', 'github-token', 'private-key'] },
  { s: 'dockerfile', c: 'iac', rules: ['DL3002', 'DL3007', 'root-user'] },
];
const OWNERS = ['platform-team', 'payments-team', 'web-team', 'data-team'];
const BASES = ['node:20-alpine', 'python:3.12-slim', 'eclipse-temurin:21-jre'];

function hex(rnd, n) {
  let out = '';
  while (out.length < n) out += Math.floor(rnd() * 0xffffffff).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

function newFinding(rnd, repo, n) {
  const kind = KINDS[Math.floor(rnd() * KINDS.length)];
  const r = kind.rules[Math.floor(rnd() * kind.rules.length)];
  const weights = rnd();
  const p = weights < 0.04 ? 'P0' : weights < 0.18 ? 'P1' : weights < 0.5 ? 'P2' : weights < 0.8 ? 'P3' : 'P4';
  const fp = `${hex(rnd, 32)}`;
  const file = `src/${['api', 'web', 'lib', 'jobs'][n % 4]}/module${n % 37}.${kind.c === 'iac' ? 'Dockerfile' : 'js'}`;
  const line = 1 + Math.floor(rnd() * 400);
  const risk = { P0: 92, P1: 78, P2: 58, P3: 38, P4: 15 }[p] + Math.floor(rnd() * 6);
  return {
    ref: { fp, p, c: kind.c, s: kind.s, r },
    detail: {
      m: `${r}: ${kind.c === 'sca' ? `vulnerable package in ${repo}` : `untrusted input reaches a sensitive call in module${n % 37}`}`,
      l: `${file}:${line}`,
      k: risk,
      f: [
        { factor: 'severity', detail: p === 'P0' ? 'critical' : 'high', points: Math.round(risk * 0.6) },
        { factor: 'exposure', detail: n % 3 ? 'internal' : 'internet-facing', points: Math.round(risk * 0.4) },
      ],
    },
  };
}

function scannerRuns(rnd) {
  return KINDS.map((k) => ({ id: k.s, status: rnd() < 0.02 ? 'failed' : 'ran', durationMs: Math.round(200 + rnd() * 3000) }));
}

function counts(open) {
  const c = { total: open.length, byPriority: {}, byCategory: {}, byScanner: {} };
  for (const f of open) {
    c.byPriority[f.ref.p] = (c.byPriority[f.ref.p] ?? 0) + 1;
    c.byCategory[f.ref.c] = (c.byCategory[f.ref.c] ?? 0) + 1;
    c.byScanner[f.ref.s] = (c.byScanner[f.ref.s] ?? 0) + 1;
  }
  return c;
}

function line(base) {
  const { findings, details } = base;
  return {
    v: 1,
    ...base,
    new: findings.new.length,
    fixed: findings.fixed.length,
    waived: findings.waived.length,
    ...(details && Object.keys(details).length ? { details } : {}),
  };
}

/**
 * The lines of one repository, oldest first. `end` is the last day (YYYY-MM-DD); `hostile` puts markup and
 * script into one finding's message and rule, as a hostile scanner report would.
 */
export function repositoryLines({ repo, days, end, seed, hostile = false }) {
  const rnd = prng(seed);
  const endTime = Date.parse(`${end}T00:00:00Z`);
  const open = [];
  const waived = [];
  const lines = [];
  let n = 0;
  let baseDigest = `sha256:${hex(rnd, 64)}`;
  for (let d = days - 1; d >= 0; d--) {
    const day = endTime - d * DAY;
    const stamp = (hour) => new Date(day + hour * 3_600_000 + Math.floor(rnd() * 3_000_000)).toISOString();
    const commit = hex(rnd, 40);
    const pipeline = `https://ci.example.test/${repo}/-/pipelines/${100000 + days - d}`;
    // The default branch: a few new findings, some fixed, now and then a waiver.
    const arrived = [];
    const count = rnd() < 0.35 ? 1 + Math.floor(rnd() * 2) : 0;
    for (let i = 0; i < count; i++) arrived.push(newFinding(rnd, repo, n++));
    if (hostile && d === Math.floor(days / 2)) {
      const evil = newFinding(rnd, repo, n++);
      evil.ref = { ...evil.ref, p: 'P1', r: '<img src=x onerror=alert(1)>' };
      evil.keep = true;
      evil.detail.m = '<script>window.__pwned = true</script><b>bold</b> & "quoted" \u202eevil';
      arrived.push(evil);
    }
    const fixed = [];
    for (let i = open.length - 1; i >= 0; i--) {
      const chance = { P0: 0.2, P1: 0.1, P2: 0.04, P3: 0.02, P4: 0.01 }[open[i].ref.p];
      if (!open[i].keep && rnd() < chance) fixed.push(...open.splice(i, 1));
    }
    const newlyWaived = [];
    if (open.length > 3 && rnd() < 0.03) {
      const [w] = open.splice(Math.floor(rnd() * open.length), 1);
      w.expires = new Date(day + (10 + Math.floor(rnd() * 80)) * DAY).toISOString().slice(0, 10);
      w.owner = OWNERS[Math.floor(rnd() * OWNERS.length)];
      newlyWaived.push(w);
      waived.push(w);
    }
    // An expired waiver stops applying: its finding is back among the open ones.
    for (let i = waived.length - 1; i >= 0; i--) if (waived[i].expires < new Date(day).toISOString().slice(0, 10)) open.push(...waived.splice(i, 1));
    open.push(...arrived);
    const details = Object.fromEntries([...arrived, ...newlyWaived].map((f) => [f.ref.fp, f.detail]));
    const time = stamp(9);
    for (const f of arrived) f.first = time;
    lines.push(
      line({
        time,
        repo,
        commit,
        branch: 'main',
        defaultBranch: 'main',
        pipeline,
        stage: 'commit',
        verdict: arrived.some((f) => f.ref.p === 'P0' || f.ref.p === 'P1') ? 'fail' : 'pass',
        baseline: true,
        counts: counts(open),
        scanners: scannerRuns(rnd),
        findings: {
          new: arrived.map((f) => f.ref),
          fixed: fixed.map((f) => ({ ...f.ref, first: f.first })),
          waived: waived.map((f) => ({ ...f.ref, expires: f.expires, owner: f.owner })),
        },
        details,
      }),
    );
    // A feature branch: what it finds is fixed before the merge (caught before production).
    if (d % 7 === 3) {
      const caught = newFinding(rnd, repo, n++);
      const branch = { repo, branch: `feature/${days - d}`, defaultBranch: 'main', pipeline, stage: 'commit', baseline: true };
      lines.push(line({ ...branch, time: stamp(14), commit: hex(rnd, 40), verdict: 'fail', counts: counts([...open, caught]), scanners: scannerRuns(rnd), findings: { new: [caught.ref], fixed: [], waived: [] }, details: { [caught.ref.fp]: caught.detail } }));
      // Fixed on the branch before the merge, mostly; now and then the branch is left as it was.
      if (rnd() < 0.8) lines.push(line({ ...branch, time: stamp(17), commit: hex(rnd, 40), verdict: 'pass', counts: counts(open), scanners: scannerRuns(rnd), findings: { new: [], fixed: [caught.ref], waived: [] } }));
    }
    // Production: now and then it finds what no earlier stage saw.
    if (d % 7 === 5) {
      const found = rnd() < 0.3 ? [newFinding(rnd, repo, n++)] : [];
      lines.push(line({ time: stamp(20), repo, commit, pipeline, stage: 'production', verdict: found.length ? 'fail' : 'pass', baseline: true, counts: counts(found), scanners: scannerRuns(rnd), findings: { new: found.map((f) => f.ref), fixed: [], waived: [] }, details: Object.fromEntries(found.map((f) => [f.ref.fp, f.detail])) }));
    }
    // An image every other week; its base is rebuilt upstream now and then.
    if (d % 14 === 0) {
      if (rnd() < 0.3) baseDigest = `sha256:${hex(rnd, 64)}`;
      // Two of every three repositories share a base, each on its own build of it: drift shows.
      const base = BASES[seed % 3 === 2 ? 2 : 0];
      lines.push(
        line({
          time: stamp(11),
          repo,
          commit,
          branch: 'main',
          defaultBranch: 'main',
          pipeline,
          stage: 'acceptance',
          verdict: 'pass',
          baseline: true,
          counts: counts(open),
          scanners: [{ id: 'trivy-image', status: 'ran', durationMs: 5000 }],
          images: [{ digest: `sha256:${hex(rnd, 64)}`, names: [`registry.example.test/${repo}:${commit.slice(0, 8)}`], base: { name: base, digest: baseDigest, fresh: rnd() < 0.7, sanctioned: seed % 5 !== 0 } }],
          // The same waivers apply on every stage of the default branch.
          findings: { new: [], fixed: [], waived: waived.map((f) => ({ ...f.ref, expires: f.expires, owner: f.owner })) },
        }),
      );
    }
  }
  return lines;
}

/** Every repository's lines, repository by repository (`org-N/service-M`). */
export function* storeLines({ repos, days, end, seed = 1, hostileRepo }) {
  for (let i = 0; i < repos; i++) {
    const repo = `org-${i % 12}/service-${i}`;
    yield repositoryLines({ repo, days, end, seed: seed * 100_003 + i, hostile: repo === hostileRepo });
  }
}
