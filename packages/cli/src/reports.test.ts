import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasShared, repoRoot, sharedNotice } from '../../../test-support/shared.js';
import { validateGitlab } from '../../../test-support/gitlab-schema.js';
import { demoExpected } from '../../../test-support/demo-app.js';
import { validateSarif } from '../../../test-support/sarif-schema.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) process.stderr.write('\n[pipewarden tests] /usr/bin/chromium is not installed: skipping the HTML report browser tests (apt-get install chromium)\n');

const HOSTILE = '<img src=x onerror=alert(1)> @everyone [x](javascript:alert(1)) <script>window.__pwned=1</script>';

function cli(args: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PIPEWARDEN_OFFLINE: '1', ...env } });
}

/** A report whose every text field is an attack on the renderers. */
async function hostileProject(): Promise<{ dir: string; out: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-hostile-'));
  await writeFile(join(dir, 'README.md'), '# app\n');
  const sarif = {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Evil<b>Tool</b>', rules: [{ id: '"><svg onload=alert(2)>', shortDescription: { text: HOSTILE }, properties: { 'security-severity': '9.1' } }] } },
        results: [
          {
            ruleId: '"><svg onload=alert(2)>',
            level: 'error',
            message: { text: HOSTILE },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'src/"><img src=y onerror=alert(3)>.js' }, region: { startLine: 3 } } }],
          },
        ],
      },
    ],
  };
  await writeFile(join(dir, 'hostile.sarif'), JSON.stringify(sarif));
  const out = join(dir, '.out');
  const run = cli(['scan', dir, '--scanners', 'none', '--report', join(dir, 'hostile.sarif'), '--out-dir', out], repoRoot, { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'abc123', GITHUB_RUN_ID: '9' });
  expect(run.status, run.stderr).toBe(1);
  return { dir, out };
}

describe('summary.md', () => {
  it('renders report text inert: no HTML, no link, no ping, no javascript: URL', async () => {
    const { out } = await hostileProject();
    const md = await readFile(join(out, 'summary.md'), 'utf8');
    // Code spans show their text literally (CommonMark); everywhere else no tag may survive.
    const prose = md.replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toMatch(/<img|<script|<svg/i);
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(prose).not.toMatch(/@everyone/);
    expect(md).toContain('`@everyone`');
    expect(md).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
    expect(md).not.toMatch(/\]\(javascript:/i);
    // The file link goes to the commit, with the hostile path percent-encoded inside the URL.
    expect(md).toContain('(https://github.com/acme/app/blob/abc123/src/%22%3E%3Cimg%20src%3Dy%20onerror%3Dalert%28');
    expect(md.indexOf('gate failed')).toBeLessThan(md.indexOf('Why the gate failed'));
  });

  it('stays under 65,000 characters with thousands of findings, and says where the rest is', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-many-'));
    const results = Array.from({ length: 5000 }, (_, i) => ({ ruleId: `R${i % 50}`, level: 'warning', message: { text: `finding number ${i} ${'x'.repeat(120)}` }, locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.js` }, region: { startLine: 1 } } }] }));
    await writeFile(join(dir, 'many.sarif'), JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Many' } }, results }] }));
    const run = cli(['scan', dir, '--scanners', 'none', '--report', join(dir, 'many.sarif'), '--out-dir', join(dir, 'out')], repoRoot, { PIPEWARDEN_REPORT_URL: 'https://ci.example.com/job/1' });
    expect(run.status, run.stderr).toBe(0);
    const md = await readFile(join(dir, 'out', 'summary.md'), 'utf8');
    expect(md.length).toBeLessThanOrEqual(65_000);
    expect(md).toMatch(/\d+ more findings are not shown here: see \[the full report\]\(https:\/\/ci\.example\.com\/job\/1\)/);
    expect(md).toContain('### Scanners');
  });

  it('a bad link variable is one line naming it, exit 2', () => {
    const run = cli(['scan', 'examples/vulnerable-app', '--scanners', 'none', '--out-dir', join(tmpdir(), 'pw-badlink')], repoRoot, { PIPEWARDEN_REPORT_URL: 'javascript:alert(1)' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['pipewarden: PIPEWARDEN_REPORT_URL must be an http(s) URL']);
  });
});

describe('report.json', () => {
  it('the demo scan matches the documented, versioned schema (docs/schemas/report-v1.schema.json)', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pw-json-'));
    cli(['scan', 'examples/vulnerable-app', '--out-dir', out]);
    const schema = JSON.parse(await readFile(join(repoRoot, 'docs', 'schemas', 'report-v1.schema.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as { schemaVersion: string; findings: unknown[] };
    expect(validate(report) ? [] : validate.errors).toEqual([]);
    expect(report.schemaVersion).toBe('1.5');
    expect(report.findings).toHaveLength(demoExpected().total);
  });
});

describe('pipewarden report', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'pw-report-'));
    cli(['scan', 'examples/vulnerable-app', '--out-dir', out]);
  });

  it('renders the same summary.md from results.sarif alone, and every other format', async () => {
    const again = cli(['report', join(out, 'results.sarif'), '--format', 'markdown']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(await readFile(join(out, 'summary.md'), 'utf8'));
    const json = JSON.parse(cli(['report', join(out, 'results.sarif'), '--format', 'json']).stdout) as { verdict: string; findings: unknown[] };
    expect(json).toMatchObject({ verdict: 'fail' });
    expect(json.findings).toHaveLength(demoExpected().total);
    expect(cli(['report', join(out, 'results.sarif'), '--format', 'junit']).stdout).toBe(await readFile(join(out, 'junit.xml'), 'utf8'));
    expect(cli(['report', join(out, 'results.sarif'), '--format', 'html']).stdout).toMatch(/^<!doctype html>[\s\S]*Gate failed/);
    const github = join(out, 'gh');
    expect(cli(['report', join(out, 'results.sarif'), '--format', 'github', '-o', github]).status).toBe(0);
    expect((await readdir(github)).sort()).toEqual(['iac.sarif', 'sast.sarif', ...(demoExpected().advisories ? ['sca.sarif'] : []), 'secrets.sarif']);
  });

  it.skipIf(!hasShared)('its GitHub files are valid SARIF and its GitLab reports valid against the schemas', async () => {
    sharedNotice('the report command schema checks');
    for (const name of await readdir(join(out, 'github'))) {
      const log = JSON.parse(await readFile(join(out, 'github', name), 'utf8')) as { runs: { automationDetails: { id: string } }[] };
      expect(validateSarif(log)).toEqual({ valid: true, errors: [] });
      for (const run of log.runs) expect(run.automationDetails.id).toBe(`pipewarden/${name.replace('.sarif', '')}/`);
    }
    const gl = join(out, 'gl');
    expect(cli(['report', join(out, 'results.sarif'), '--format', 'gitlab', '-o', gl]).status).toBe(0);
    expect(validateGitlab('sast', JSON.parse(await readFile(join(gl, 'gl-sast-report.json'), 'utf8')))).toEqual([]);
    expect(validateGitlab('secret_detection', JSON.parse(await readFile(join(gl, 'gl-secret-detection-report.json'), 'utf8')))).toEqual([]);
  });

  it('refuses a bad format, a missing log and a history that is a folder, one line each, exit 2; skips a line that is not history, saying which', async () => {
    const bad = cli(['report', join(out, 'results.sarif'), '--format', 'pdf']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('pipewarden: --format: "pdf" is not a format (formats: markdown, html, json, junit, text, github, gitlab, all)\n');
    const missing = cli(['report', 'nope.sarif', '--format', 'html']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^pipewarden: nope\.sarif: .*\n$/);
    const folder = cli(['report', join(out, 'results.sarif'), '--format', 'html', '--history', out]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toMatch(/^pipewarden: .*: is not a file \(expected a history\.jsonl\)\n$/);
    const history = join(out, 'not-history.jsonl');
    await writeFile(history, '{"hello": 1}\n');
    const wrong = cli(['report', join(out, 'results.sarif'), '--format', 'markdown', '--history', history]);
    expect(wrong.status).toBe(0);
    expect(wrong.stderr).toMatch(/^pipewarden: warning: .*not-history\.jsonl:1: not a Pipewarden history line: v: .*; skipped\n$/);
    expect(wrong.stdout).toContain('## Pipewarden');
  });
});

describe.skipIf(!hasChromium)('report.html in headless Chromium', () => {
  type Browser = import('playwright-core').Browser;
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'] });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(file: string) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForLoadState('load');
    return { page, requests, dialogs, errors };
  }

  it('the demo report renders, filters and sorts, fetches nothing, and is kept as a screenshot', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pw-html-'));
    // An earlier run of the same repository and stage in the history: the trend chart.
    const history = join(out, 'history.jsonl');
    expect(cli(['scan', 'examples/vulnerable-app', '--out-dir', join(out, 'earlier'), '--history', history, '--quiet']).status).toBe(1);
    const run = cli(['scan', 'examples/vulnerable-app', '--out-dir', out, '--history', history]);
    expect(run.status, run.stderr).toBe(1);
    const { page, requests, dialogs, errors } = await open(join(out, 'report.html'));
    expect(await page.textContent('#verdict')).toContain('Gate failed');
    const visible = () => page.locator('#findings tbody tr:visible').count();
    const demo = demoExpected();
    expect(await visible()).toBe(demo.total);
    expect(await page.locator('figure.chart').count()).toBe(4);
    expect(await page.locator('figure.chart svg rect').count()).toBeGreaterThan(5);
    await page.fill('#q', demo.shellcheck ? 'SC2086' : 'js-command-injection');
    expect(await visible()).toBe(demo.shellcheck ? 6 : 1);
    await page.fill('#q', '');
    await page.selectOption('select[data-filter="priority"]', 'P0');
    expect(await visible()).toBe(demo.byPriority[0]);
    expect(await page.textContent('#shown')).toBe(`${demo.byPriority[0]} of ${demo.total} shown`);
    await page.selectOption('select[data-filter="priority"]', '');
    await page.click('th:has-text("Risk")');
    const risks = await page.locator('#findings tbody tr td:nth-child(2)').allTextContents();
    expect(risks.map(Number)).toEqual([...risks.map(Number)].sort((a, b) => a - b));
    await mkdir(join(repoRoot, '.pipewarden', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(repoRoot, '.pipewarden', 'screenshots', 'report-demo.png'), fullPage: true });
    expect(requests.every((url) => url.startsWith('file://'))).toBe(true);
    expect(requests).toHaveLength(1);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a hostile finding stays text: no element, no script, no dialog, no request', async () => {
    const { out } = await hostileProject();
    const { page, requests, dialogs, errors } = await open(join(out, 'report.html'));
    expect(await page.locator('#findings tbody tr').count()).toBe(1);
    expect(await page.locator('#findings img, #findings svg, #findings script, img').count()).toBe(0);
    expect(await page.textContent('#findings td.message')).toBe(HOSTILE);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const hrefs = await page.locator('a').evaluateAll((links) => links.map((a) => (a as unknown as { href: string }).href));
    expect(hrefs.every((href) => href.startsWith('https://github.com/acme/app/blob/abc123/'))).toBe(true);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toHaveLength(1);
  }, 60_000);
});

describe('--tickets github when the issues cannot be read', () => {
  it('posts nothing (it would open every ticket again), says so in one warning, and ends by the gate', () => {
    const run = cli(['scan', 'examples/vulnerable-app', '--tickets', 'github', '--out-dir', join(tmpdir(), 'pw-gh-down')], repoRoot, { PIPEWARDEN_GITHUB_TOKEN: 'ghp_test', GITHUB_REPOSITORY: 'acme/shop', GITHUB_API_URL: 'http://127.0.0.1:9' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^pipewarden: warning: could not read the issues of acme\/shop, so none were posted and no ticket closed as accepted \(won't fix, not planned\) was honoured at the gate: /m);
    expect(run.stderr.match(/could not read the issues/g)).toHaveLength(1);
  });

  it('without a token or a repository: every problem in one line, exit 2, before anything runs', () => {
    const run = cli(['scan', 'examples/vulnerable-app', '--tickets', 'github', '--out-dir', join(tmpdir(), 'pw-gh-none')], repoRoot, { PIPEWARDEN_GITHUB_TOKEN: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: 'not a repo' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('pipewarden: --tickets github needs PIPEWARDEN_GITHUB_TOKEN (a token that may write issues); GITHUB_REPOSITORY must be owner/repo (got "not a repo")\n');
  });
});
