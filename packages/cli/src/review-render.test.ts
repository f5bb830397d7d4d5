import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedRepo, LOGIN_AFTER, LOGIN_BEFORE, WORKFLOW_AFTER, WORKFLOW_BEFORE } from '../../../test-support/review-repo.js';
import { repoRoot } from '../../../test-support/shared.js';

const CLI = join(repoRoot, 'packages', 'cli', 'dist', 'cli.js');
const CHROMIUM = '/usr/bin/chromium';
/** docs/review.md's picture: refreshed by running this test with PIPEWARDEN_UPDATE_SCREENSHOTS=1. */
const SCREENSHOT = join(repoRoot, 'docs', 'images', 'review-comment.png');

/** Enough of GitHub's comment styles that the picture reads like the PR page (nothing loaded from the network). */
const STYLE = `body{margin:0;background:#fff;font:14px/1.5 -apple-system,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif,"Noto Color Emoji";color:#1f2328}
.comment{margin:16px;border:1px solid #d1d9e0;border-radius:6px;max-width:900px}
.head{background:#f6f8fa;border-bottom:1px solid #d1d9e0;padding:8px 16px;color:#59636e}.head b{color:#1f2328}
.body{padding:16px}h2{font-size:1.5em;border-bottom:1px solid #d1d9e0;padding-bottom:.3em;margin-top:0}h3{font-size:1.25em}
code{background:#eff1f3;border-radius:6px;padding:.2em .4em;font:85% ui-monospace,SFMono-Regular,Menlo,monospace}
a{color:#0969da;text-decoration:none}table{border-collapse:collapse}td,th{border:1px solid #d1d9e0;padding:6px 13px}
li+li{margin-top:.35em}sub{color:#59636e}`;

const CONFIG = 'gate:\n  rules:\n    - severity: high\n    - high_risk: require_label\n';
const PKG = (deps: Record<string, string>) => `${JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: deps }, null, 2)}\n`;

/** The comment a high-risk PR gets, as GitHub would show it: summary.md through a GFM renderer. */
async function renderedComment(dir: string): Promise<string> {
  const run = spawnSync(process.execPath, [CLI, 'scan', '--scanners', 'pipewarden-sast', '--diff-base', 'main', '--out-dir', join(dir, '.pipewarden')], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, PIPEWARDEN_BLOB_URL: 'https://github.com/acme/shop/blob/3f2c1d0', PIPEWARDEN_LABELS: '' },
  });
  expect(run.status, run.stderr).toBe(1);
  const html = await marked.parse(await readFile(join(dir, '.pipewarden', 'summary.md'), 'utf8'), { gfm: true });
  return `<!doctype html><meta charset="utf-8"><style>${STYLE}</style><div class="comment"><div class="head"><b>github-actions</b> bot commented</div><div class="body">${html}</div></div>`;
}

describe.skipIf(!existsSync(CHROMIUM))('the "Needs security review" comment, rendered in headless Chromium', () => {
  type Browser = import('playwright-core').Browser;
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-sync'] });
  }, 60_000);
  afterAll(async () => browser?.close());

  it('shows each reason with a link to its lines and why; text from the change stays text', async () => {
    const base = { 'README.md': '# shop\n', 'auth/login.js': LOGIN_BEFORE, '.github/workflows/ci.yml': WORKFLOW_BEFORE, 'package.json': PKG({ express: '^4.21.2' }), Dockerfile: 'FROM node:20-slim\nUSER node\n', 'pipewarden.yml': CONFIG };
    const change = {
      'auth/login.js': LOGIN_AFTER,
      '.github/workflows/ci.yml': WORKFLOW_AFTER.replace('permissions:\n  contents: read\n', 'permissions: write-all\n'),
      'package.json': PKG({ express: '^5.1.0', 'left-pad': 'git+https://github.com/left-pad/left-pad.git' }),
      Dockerfile: 'FROM node:20-slim\n',
      // A file name that is markup: it must show as text, not become an element.
      'auth/<img src=x onerror=alert(1)>.js': "const jwt = require('jsonwebtoken');\nmodule.exports = (t) => jwt.verify(t, process.env.KEY);\n",
    };
    const { dir } = await changedRepo(base, change);
    const page = await browser.newPage({ viewport: { width: 940, height: 800 }, deviceScaleFactor: 1 });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.setContent(await renderedComment(dir));
    const section = page.locator('h3', { hasText: 'Needs security review' });
    await expect(section.count()).resolves.toBe(1);
    const reasons = await page.locator('h3:has-text("Needs security review") + p + ul > li').evaluateAll((items) => items.map((li) => ({ text: (li.textContent ?? '').replace(/\s+/g, ' '), href: li.querySelector('a')?.getAttribute('href') })));
    expect(reasons.map((r) => r.href)).toEqual([
      'https://github.com/acme/shop/blob/3f2c1d0/.github/workflows/ci.yml#L3',
      'https://github.com/acme/shop/blob/3f2c1d0/.github/workflows/ci.yml#L4',
      'https://github.com/acme/shop/blob/3f2c1d0/auth/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E.js#L2',
      'https://github.com/acme/shop/blob/3f2c1d0/auth/login.js#L7-L8',
      'https://github.com/acme/shop/blob/3f2c1d0/Dockerfile#L1',
      'https://github.com/acme/shop/blob/3f2c1d0/package.json#L5',
      'https://github.com/acme/shop/blob/3f2c1d0/package.json#L6',
    ]);
    expect(reasons[1]!.text).toContain('.github/workflows/ci.yml:4 · CI/CD privileges: gives the workflow permissions: write-all');
    expect(reasons[2]!.text).toContain('auth/<img src=x onerror=alert(1)>.js:2 · security-sensitive code: exports() calls jwt.verify (jsonwebtoken) (authentication)');
    expect(reasons[3]!.text).toContain('login() calls bcrypt.compare (bcrypt) (authentication, crypto): it decides who a user is');
    expect(reasons[5]!.text).toContain('package.json:5 · dependencies: upgrades express from ^4.21.2 to ^5.1.0, a major version');
    expect(reasons[6]!.text).toContain('package.json:6 · dependencies: takes a dependency from a git repository or a URL instead of a registry');
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);

    // The picture for docs/review.md: the change without the hostile file name.
    const { dir: clean } = await changedRepo(base, Object.fromEntries(Object.entries(change).filter(([name]) => !name.includes('<'))));
    await page.setContent(await renderedComment(clean));
    const shot = join(clean, 'review-comment.png');
    await page.locator('.comment').screenshot({ path: shot });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
    if (process.env.PIPEWARDEN_UPDATE_SCREENSHOTS === '1') {
      await mkdir(join(repoRoot, 'docs', 'images'), { recursive: true });
      await copyFile(shot, SCREENSHOT);
    }
  }, 90_000);
});
