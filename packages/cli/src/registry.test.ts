import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { DEMO, demoExpected } from '../../../test-support/demo-app.js';
import { canRunPipelines, componentProject, declaredReports, runPipeline } from '../../../test-support/gitlab-ci-local.js';
import { repoRoot } from '../../../test-support/shared.js';
import { seedDependencies, startRegistry, type LocalRegistry } from '../../../scripts/release/local-registry.mjs';
import { filesNamingVersions } from '../../../scripts/release/sync-cli-version.mjs';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const VERSION = (JSON.parse(await readFile(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8')) as { version: string }).version;

/** npm as a CI job runs it, against the loopback registry only, with a cache of its own (nothing from this machine's). */
function npmEnv(registry: LocalRegistry, cache: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: cache,
    npm_config_registry: `${registry.url}/`,
    npm_config_cache: cache,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    PIPEWARDEN_OFFLINE: '1',
    NO_COLOR: '1',
    // The dependency check's advisories, offline (test-support/advisories.ts), as for the workspace build below.
    ...offlineAdvisories,
  };
}

async function demoCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-demo-'));
  await cp(DEMO, dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  return dir;
}

type Log = { runs: { tool: { driver: { name: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine?: number } } }[] }[] }[]; properties: { 'pipewarden/verdict': { status: string; counts: unknown } } };
async function outcome(outDir: string) {
  const log = JSON.parse(await readFile(join(outDir, 'results.sarif'), 'utf8')) as Log;
  const verdict = log.properties['pipewarden/verdict'];
  const findings = log.runs.flatMap((run) => run.results.map((r) => `${run.tool.driver.name} ${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region?.startLine ?? 0}`)).sort();
  return { status: verdict.status, counts: verdict.counts, findings };
}

const offlineAdvisories: Record<string, string> = process.env.PIPEWARDEN_ADVISORIES_DIR ? { PIPEWARDEN_ADVISORIES_DIR: process.env.PIPEWARDEN_ADVISORIES_DIR } : {};

let workspace: Promise<Awaited<ReturnType<typeof outcome>>> | undefined;
/** The workspace build's scan of a copy of the demo, once: what every released way of running it must match. */
function workspaceOutcome(): Promise<Awaited<ReturnType<typeof outcome>>> {
  workspace ??= (async () => {
    const [demo, work] = [await demoCopy(), await mkdtemp(join(tmpdir(), 'pw-local-'))];
    const local = spawnSync(process.execPath, [CLI, 'scan', demo, '--out-dir', join(work, 'local')], { env: { PATH: process.env.PATH, HOME: work, PIPEWARDEN_OFFLINE: '1', ...offlineAdvisories }, encoding: 'utf8' });
    expect(local.status, local.stderr).toBe(1);
    return outcome(join(work, 'local'));
  })();
  return workspace;
}

/** Every folder under `dir` that holds a package.json named `name`. */
async function installed(dir: string, names: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.name === 'binding.gyp' || (entry.isDirectory() && names.includes(entry.name))) found.push(join(entry.parentPath, entry.name));
  }
  return found;
}

/** Megabytes on disk under `dir`, each file in whole 4 KiB blocks (what `du` counts, as the install bench does). */
async function diskMegabytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) bytes += Math.ceil((await stat(join(entry.parentPath, entry.name))).size / 4096) * 4096;
  }
  return bytes / 1024 / 1024;
}

describe('a release, from a real npm registry (Verdaccio) on 127.0.0.1 with no uplink', () => {
  let registry: LocalRegistry;
  beforeAll(async () => {
    registry = await startRegistry();
    await seedDependencies(registry);
    // The release's own publish step: pnpm pack, then npm publish of each tarball.
    const published = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'release', 'publish.mjs'), '--registry', `${registry.url}/`, '--userconfig', registry.npmrc], { encoding: 'utf8' });
    expect(published).toContain(`New tag: @pipewarden/cli@${VERSION}`);
  }, 600_000);
  afterAll(async () => registry?.stop());

  it(`the GitLab component's default command (npx --yes @pipewarden/cli@${VERSION}) scans the demo in an empty folder: the workspace build's verdict and findings; nothing compiled`, async () => {
    // The command exactly as the component runs it by default.
    const template = filesNamingVersions().find((file) => /^packages\/gitlab\/.*templates\/scan\.ya?ml$/.test(file))!;
    const spec = parseAllDocuments(await readFile(join(repoRoot, template), 'utf8'))[0]!.toJSON() as { spec: { inputs: { command: { default: string } } } };
    const [npx, ...command] = spec.spec.inputs.command.default.split(' ');
    expect([npx, ...command]).toEqual(['npx', '--yes', `@pipewarden/cli@${VERSION}`]);
    const cache = await mkdtemp(join(tmpdir(), 'pw-npm-cache-'));
    const work = await mkdtemp(join(tmpdir(), 'pw-empty-'));
    const demo = await demoCopy();
    const run = spawnSync(npx!, [...command, 'scan', demo, '--out-dir', join(work, 'out')], { cwd: work, env: npmEnv(registry, cache), encoding: 'utf8', timeout: 300_000 });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/eslint-security 9\.\d+\.\d+: scanning 3 files/);
    expect(run.stderr).not.toMatch(/\b(?:eslint-security|secretlint): (?:skipped|failed)/);
    const [fromRegistry, fromWorkspace] = [await outcome(join(work, 'out')), await workspaceOutcome()];
    expect(fromRegistry).toEqual(fromWorkspace);
    expect(fromRegistry.status).toBe('fail');
    // What npx installed: no native addon, no node-gyp build, neither database driver, no CycloneDX XML validator.
    expect(await installed(join(cache, '_npx'), ['better-sqlite3', 'pg', 'libxmljs2', 'node-gyp', 'eslint', 'secretlint'])).toEqual([]);
    expect(await installed(join(cache, '_npx'), ['@pipewarden'])).toHaveLength(1);
    // Issue 25's budget for what a CI job installs (pnpm bench prints it beside the time): under 60 MB. The clients
    // of Jira, GitHub and keyless signing ride in the CLI's and core's bundles, loaded only when used.
    expect(await installed(join(cache, '_npx'), ['jira.js', 'axios', '@octokit', 'sigstore', 'make-fetch-happen'])).toEqual([]);
    const [npxDir] = await readdir(join(cache, '_npx'));
    expect(await diskMegabytes(join(cache, '_npx', npxDir!, 'node_modules'))).toBeLessThan(60);

    // The shared store's driver is the user's to add: one line naming it, exit 2.
    await mkdir(join(work, 'metrics'));
    const metrics = spawnSync('npx', ['--yes', `@pipewarden/cli@${VERSION}`, 'metrics', '--store', 'sqlite:runs.db'], { cwd: join(work, 'metrics'), env: npmEnv(registry, cache), encoding: 'utf8', timeout: 120_000 });
    expect(metrics.status).toBe(2);
    expect(metrics.stderr.trim()).toBe(`pipewarden: sqlite:runs.db: the SQLite store needs the better-sqlite3 package, which Pipewarden does not install: add it beside @pipewarden/cli (npm install better-sqlite3@12.9.0)`);
  }, 600_000);

  it.skipIf(!canRunPipelines('the GitLab component run from the loopback registry'))(`gitlab-ci-local runs the component with its default command (npx --yes @pipewarden/cli@${VERSION}), npm pointed at the registry by a CI/CD variable: the workspace build's verdict, findings and reports`, async () => {
    // The component included as a user includes it: no command input.
    const dir = await componentProject('stages: [test]\ninclude:\n  - local: templates/scan.yml\n    inputs:\n      job_name: security\n      comment: false\n');
    // The project's CI/CD variables, as a GitLab user sets them for a private registry (here the loopback one); offline feeds and advisories.
    const variables = { NPM_CONFIG_REGISTRY: `${registry.url}/`, PIPEWARDEN_OFFLINE: '1', ...offlineAdvisories };
    // The runner's environment: nothing of this machine's npm setup, nor of pnpm running the tests.
    const run = await runPipeline(dir, variables, { PATH: process.env.PATH, HOME: await mkdtemp(join(tmpdir(), 'pw-runner-home-')), NO_COLOR: '1' }, 500_000);
    expect(run.status, run.out).toBe(1);
    const job = (parse(run.expanded) as Record<string, { script: string[]; artifacts: { paths: string[]; reports: Record<string, string> } }>).security!;
    expect(job.script.join('\n')).toContain(`\nnpx --yes @pipewarden/cli@${VERSION} "$@"`);
    expect(run.out).toMatch(/security finished in [\d.]+ m?s\s+FAIL 1/);
    expect(run.out).toMatch(/Gate FAILED/);
    expect(run.out).toMatch(/eslint-security 9\.\d+\.\d+: scanning 3 files/);
    // The npm cache the template keeps in the project holds the CLI's own lockfile and code: never scanned as the project's.
    expect(run.out).toMatch(/pipewarden-sca: checked package\.json \(3\)$/m);
    expect(run.out).not.toMatch(/\.npm\//);
    // npx fetched the release from the registry into the npm cache the template keeps in the project (empty before).
    expect(await installed(join(dir, '.npm', '_npx'), ['@pipewarden'])).toHaveLength(1);
    expect(await installed(join(dir, '.npm', '_npx'), ['better-sqlite3', 'pg', 'libxmljs2', 'node-gyp'])).toEqual([]);

    const demo = demoExpected();
    const reports = await declaredReports(dir, job.artifacts.reports);
    // No image and no running app in this pipeline: no container scanning or DAST report, as GitLab accepts.
    expect(reports.filter((r) => r.exists).map((r) => r.type).sort()).toEqual(['dependency_scanning', 'junit', 'sast', 'secret_detection']);
    for (const report of reports) expect(report.invalid, report.type).toEqual([]);
    expect(reports.reduce((n, r) => n + r.vulnerabilities, 0)).toBe(demo.total);
    for (const path of job.artifacts.paths) expect(existsSync(join(dir, path)), path).toBe(true);
    const json = JSON.parse(await readFile(join(dir, '.pipewarden', 'report.json'), 'utf8')) as { verdict: string; counts: { total: number } };
    expect(json).toMatchObject({ verdict: 'fail', counts: { total: demo.total } });
    expect(await outcome(join(dir, '.pipewarden'))).toEqual(await workspaceOutcome());
  }, 600_000);
});
