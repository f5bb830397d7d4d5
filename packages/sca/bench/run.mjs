#!/usr/bin/env node
// pnpm bench (dependency part): a seeded synthetic package-lock.json of 5,000 packages against a synthetic npm
// advisory database the size of OSV's whole npm export (~220,000 records, most of them MAL- reports of
// malicious packages), plus the real shared records when ../shared is present. Measurements, never assertions:
// reading the lockfile, indexing the advisories, matching, and the SARIF log, each timed alone.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AdvisoryIndex, advisoryOf, analyzeInventory, matchPackages, openAdvisories, readAdvisoryDir, readInventory } from '../dist/index.js';
import { prng } from '../../../bench/prng.mjs';

const PACKAGES = 5_000;
const RECORDS = 220_000;
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const out = (line) => process.stdout.write(`${line}\n`);

const random = prng(24);
const pick = (n) => Math.floor(random() * n);
const version = () => `${pick(12)}.${pick(30)}.${pick(40)}`;

/** A package-lock.json v3 with PACKAGES packages, a tenth of them direct, the rest nested one or two levels. */
function lockfile() {
  const packages = { '': { name: 'bench-app', version: '1.0.0', dependencies: {} } };
  const names = [];
  for (let i = 0; i < PACKAGES; i++) {
    const name = i % 7 === 0 ? `@scope${i % 13}/pkg-${i}` : `pkg-${i}`;
    names.push(name);
    const direct = i < PACKAGES / 10;
    if (direct) packages[''].dependencies[name] = `^${version()}`;
    packages[`node_modules/${name}`] = { version: version(), resolved: `https://registry.npmjs.org/${name}/-/${name}.tgz`, integrity: 'sha512-x', ...(i % 5 === 0 ? { dev: true } : {}) };
  }
  return { text: JSON.stringify({ name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2), names };
}

/** OSV-shaped records: one in ten names an installed package, the rest other names (as MAL- reports mostly do). */
function advisories(installed) {
  const list = [];
  for (let i = 0; i < RECORDS; i++) {
    const name = i % 10 === 0 ? installed[pick(installed.length)] : `other-${i}`;
    const malicious = i % 10 !== 0 && i % 3 !== 0;
    const record = malicious
      ? { id: `MAL-2024-${i}`, affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }] }] }
      : {
          id: `GHSA-b${i}`,
          aliases: [`CVE-2024-${i}`],
          modified: '2026-11-29T00:00:00Z',
          severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
          database_specific: { severity: 'HIGH' },
          affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: version() }, { introduced: `${5 + pick(3)}.0.0` }, { fixed: `${8 + pick(3)}.1.0` }] }] }],
        };
    list.push(advisoryOf(record, `bench/${record.id}.json`));
  }
  return list;
}

// Wall time, and the CPU time this process used: on a shared machine the wall time includes waiting for a CPU.
const time = (fn) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return { value, ms: performance.now() - start, cpu: (used.user + used.system) / 1000 };
};
const both = (t) => `${t.ms.toFixed(0).padStart(6)} ms wall, ${t.cpu.toFixed(0).padStart(5)} ms CPU`;

out('');
out(`Dependency check (@pipewarden/sca): ${PACKAGES.toLocaleString('en')} packages in one package-lock.json against ${RECORDS.toLocaleString('en')} npm advisories`);
const { text, names } = lockfile();
const records = advisories(names);
const inventory = time(() => readInventory([{ path: 'package-lock.json', text }]));
const index = time(() => new AdvisoryIndex(records));
const database = { index: index.value, snapshot: '2026-11-29', sources: ['synthetic'], skipped: 0, problems: [] };
const matched = time(() => analyzeInventory(inventory.value, database));
const again = time(() => matchPackages(inventory.value.packages, index.value));
const results = matched.value.runs[0].results.length;
out(`  read the lockfile        ${both(inventory)}  (${inventory.value.packages.length} packages)`);
out(`  index advisories        ${both(index)}  (once per run)`);
out(`  match + SARIF           ${both(matched)}  (${again.value.packages.length} vulnerable packages, ${results} results)`);
out(`  match again             ${both(again)}  (ranges already sorted)`);
out(`  lockfile to SARIF       ${both({ ms: inventory.ms + matched.ms, cpu: inventory.cpu + matched.cpu })}  (target: under 2,000 ms)`);
out(`  (load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} CPUs while measuring)`);

const shared = join(repo, '..', 'shared', 'advisories', 'osv');
if (existsSync(shared)) {
  for (const ecosystem of ['npm', 'Go', 'PyPI']) {
    const start = performance.now();
    const read = await readAdvisoryDir(join(shared, ecosystem));
    const db = openAdvisories([read], { sources: [ecosystem] });
    out(`  read ../shared ${ecosystem.padEnd(5)}${(performance.now() - start).toFixed(0).padStart(6)} ms  (${db.index.size} records, ${read.files} files)`);
  }
}
