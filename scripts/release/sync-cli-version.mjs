#!/usr/bin/env node
// After `changeset version`: the released CLI version wherever a user's pipeline names it (the GitLab component's
// and the Jenkins step's default `npx --yes @pipewarden/cli@<version>`, the docs and examples), and the GitHub
// Action's major tag (`packages/github-action@v<major>`). A test (packages/cli/src/release.test.ts) fails when one
// is out of step.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './workspace.mjs';

export const CLI_REFERENCE = /@pipewarden\/cli@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/g;
export const ACTION_REFERENCE = /packages\/github-action@v\d+\b/g;

/** The tracked files that may name a version: not changelogs nor changesets, which record the past. */
export function filesNamingVersions(root = repoRoot) {
  return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && !/(?:^|\/)CHANGELOG\.md$|^\.changeset\/|\/dist\/|pnpm-lock\.yaml$/.test(file) && /\.(?:ya?ml|groovy|txt|md|mjs|ts|json)$|Jenkinsfile$/.test(file));
}

/** Rewrites every reference in `files` (relative to root) to `version`; returns the files changed. */
export function syncVersions(root, files, version) {
  const major = version.split('.')[0];
  const changed = [];
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    const next = text.replace(CLI_REFERENCE, `@pipewarden/cli@${version}`).replace(ACTION_REFERENCE, `packages/github-action@v${major}`);
    if (next !== text) {
      writeFileSync(join(root, file), next);
      changed.push(file);
    }
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages', 'cli', 'package.json'), 'utf8'));
  const changed = syncVersions(repoRoot, filesNamingVersions(), version);
  console.log(changed.length ? `@pipewarden/cli@${version} in ${changed.join(', ')}` : `every reference already names @pipewarden/cli@${version}`);
}
