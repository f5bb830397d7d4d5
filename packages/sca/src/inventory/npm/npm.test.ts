import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('npm manifests', () => {
  it('names the kind of each npm manifest and skips installed trees', () => {
    expect(manifestKind('web/package-lock.json')).toBe('package-lock.json');
    expect(manifestKind('npm-shrinkwrap.json')).toBe('npm-shrinkwrap.json');
    expect(manifestKind('pnpm-lock.yaml')).toBe('pnpm-lock.yaml');
    expect(manifestKind('a/b/yarn.lock')).toBe('yarn.lock');
    expect(manifestKind('package.json')).toBe('package.json');
    expect(manifestKind('node_modules/lodash/package.json')).toBeUndefined();
    expect(manifestKind('README.md')).toBeUndefined();
  });

  it('reads a Berry yarn.lock: vulnerable transitive packages with their paths, patch entries folded into their original', () => {
    const files = fixtureFiles('npm/berry');
    const lock = files.find((f) => f.path === 'yarn.lock')!;
    const manifest = files.find((f) => f.path === 'package.json')!;
    const { packages, manifests, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(manifests).toEqual([{ file: 'yarn.lock', kind: 'yarn.lock', packages: 9 }]);
    const qs = find(packages, 'qs', '6.7.0');
    expect(qs).toMatchObject({
      direct: false,
      scope: 'runtime',
      purl: 'pkg:npm/qs@6.7.0',
      path: ['express@4.17.1', 'qs@6.7.0'],
      location: { file: 'yarn.lock', line: lineOf(lock.text, '"qs@npm:6.7.0":') },
      declaredAt: { file: 'package.json', line: lineOf(manifest.text, '"express"') },
      manifest: 'yarn.lock',
    });
    // path-to-regexp 0.1.7 has an advisory in ../shared/advisories (GHSA-9wv6-86v2-598j)
    expect(find(packages, 'path-to-regexp')).toMatchObject({ version: '0.1.7', direct: false, path: ['express@4.17.1', 'path-to-regexp@0.1.7'] });
    expect(find(packages, 'express')).toMatchObject({
      direct: true,
      declared: '^4.17.1',
      location: { file: 'package.json', line: lineOf(manifest.text, '"express"') },
    });
    expect(find(packages, 'minimist')).toMatchObject({ direct: true, scope: 'dev' });
    expect(packages.filter((p) => p.name === 'resolve')).toHaveLength(1);
    // the virtual copy made for peer dependencies is its npm original, declared in the package.json
    expect(packages.filter((p) => p.name === 'use-sync-external-store')).toHaveLength(1);
    expect(find(packages, 'use-sync-external-store')).toMatchObject({ direct: true, scope: 'runtime', declared: '1.2.0' });
    expect(find(packages, 'function-bind')).toMatchObject({ path: ['resolve@1.22.8', 'function-bind@1.1.2'], scope: 'runtime' });
    expect(packages.some((p) => p.name === 'shop-api')).toBe(false);
  });

  it('reads Berry aliases under their real name, and skips git and link entries', () => {
    const text = [
      '__metadata:',
      '  version: 6',
      '',
      '"string-width-cjs@npm:string-width@^4.2.0":',
      '  version: 4.2.3',
      '  resolution: "string-width@npm:4.2.3"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"tool@https://github.com/acme/tool.git#commit=abc":',
      '  version: 1.0.0',
      '  resolution: "tool@https://github.com/acme/tool.git#commit=abc"',
      '  languageName: node',
      '  linkType: hard',
      '',
      '"app@workspace:.":',
      '  version: 0.0.0-use.local',
      '  resolution: "app@workspace:."',
      '  dependencies:',
      '    string-width-cjs: "npm:string-width@^4.2.0"',
      '    tool: "https://github.com/acme/tool.git#commit=abc"',
      '  languageName: unknown',
      '  linkType: soft',
      '',
    ].join('\n');
    const { packages, problems } = readInventory([{ path: 'yarn.lock', text }]);
    expect(problems).toEqual([]);
    expect(packages.map((p) => [p.name, p.version, p.direct, p.purl, p.location.line])).toEqual([
      ['string-width', '4.2.3', true, 'pkg:npm/string-width@4.2.3', 4],
    ]);
  });

  it('reads a classic yarn.lock with aliases and dev scopes from the package.json', () => {
    const files = fixtureFiles('npm/classic');
    const lock = files.find((f) => f.path === 'yarn.lock')!;
    const { packages, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(find(packages, 'lodash', '4.17.4')).toMatchObject({ direct: true, scope: 'runtime', declared: '^4.17.4' });
    expect(find(packages, 'minimist', '0.0.8')).toMatchObject({
      direct: false,
      scope: 'dev',
      path: ['mkdirp@0.5.1', 'minimist@0.0.8'],
      location: { file: 'yarn.lock', line: lineOf(lock.text, 'minimist@0.0.8:') },
    });
    expect(find(packages, 'string-width', '4.2.3')).toMatchObject({ direct: true, purl: 'pkg:npm/string-width@4.2.3' });
    expect(find(packages, 'ansi-regex')).toMatchObject({
      path: ['string-width@4.2.3', 'strip-ansi@6.0.1', 'ansi-regex@5.0.1'],
    });
  });

  it('reads a classic yarn.lock alone, taking the entries nothing requires as direct', () => {
    const lock = fixtureFiles('npm/classic').filter((f) => f.path === 'yarn.lock');
    const { packages } = readInventory(lock);
    expect(find(packages, 'mkdirp')).toMatchObject({ direct: true, scope: 'unknown' });
    expect(find(packages, 'minimist')).toMatchObject({ direct: false, path: ['mkdirp@0.5.1', 'minimist@0.0.8'] });
  });

  it('reads a classic yarn.lock of a workspace: each package.json says which entries are direct', () => {
    const files = fixtureFiles('npm/classic-workspaces');
    const web = files.find((f) => f.path === 'packages/web/package.json')!;
    const { packages, manifests } = readInventory(files);
    expect(manifests.map((m) => m.file)).toEqual(['yarn.lock']);
    expect(find(packages, 'react')).toMatchObject({
      direct: true,
      scope: 'runtime',
      location: { file: 'packages/web/package.json', line: lineOf(web.text, '"react"') },
    });
    expect(find(packages, 'ms')).toMatchObject({ direct: true, scope: 'dev' });
    expect(find(packages, 'js-tokens')).toMatchObject({ version: '4.0.0', path: ['react@16.0.0', 'loose-envify@1.4.0', 'js-tokens@4.0.0'] });
    expect(find(packages, 'loose-envify')).toMatchObject({ direct: false, path: ['react@16.0.0', 'loose-envify@1.4.0'] });
  });

  it('reads package-lock.json v3 with workspaces, nested installs, aliases and dev flags', () => {
    const files = fixtureFiles('npm/lock-v3');
    const lock = files.find((f) => f.path === 'package-lock.json')!;
    const { packages, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(find(packages, 'follow-redirects')).toMatchObject({
      direct: false,
      scope: 'runtime',
      path: ['axios@0.21.0', 'follow-redirects@1.13.0'],
      location: { file: 'package-lock.json', line: lineOf(lock.text, '"node_modules/follow-redirects"') },
      declaredAt: { file: 'package.json', line: lineOf(files.find((f) => f.path === 'package.json')!.text, '"axios"') },
    });
    expect(find(packages, 'minimist', '1.2.0')).toMatchObject({ scope: 'dev', direct: false });
    // the workspace's own nested copy, and the alias under its real name
    expect(find(packages, 'minimist', '1.2.6')).toMatchObject({ direct: true, scope: 'runtime' });
    expect(find(packages, 'lodash', '4.17.11')).toMatchObject({ direct: true, purl: 'pkg:npm/lodash@4.17.11' });
    expect(find(packages, 'lodash', '4.17.20')).toMatchObject({ direct: true, declared: '4.17.20' });
    expect(packages.some((p) => p.name === '@billing/ui')).toBe(false);
  });

  it('reads package-lock.json v1 nested trees without the package.json', () => {
    const { packages, problems } = readInventory(fixtureFiles('npm/lock-v1'));
    expect(problems).toEqual([]);
    expect(packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual(['debug@2.6.8', 'debug@3.1.0', 'mocha@5.2.0', 'ms@2.0.0']);
    expect(find(packages, 'debug', '3.1.0')).toMatchObject({ scope: 'dev', path: ['mocha@5.2.0', 'debug@3.1.0'] });
    expect(find(packages, 'ms')).toMatchObject({ direct: false, scope: 'runtime', path: ['debug@2.6.8', 'ms@2.0.0'] });
    expect(find(packages, 'debug', '2.6.8').direct).toBe(true);
  });

  it('reads pnpm-lock.yaml v9: snapshots with peer suffixes, aliases, workspace links, dev only by reach', () => {
    const files = fixtureFiles('npm/pnpm-v9');
    const lock = files[0]!;
    const { packages, problems } = readInventory(files);
    expect(problems).toEqual([]);
    expect(packages.map((p) => `${p.name}@${p.version}`).sort()).toEqual([
      'js-tokens@4.0.0',
      'loose-envify@1.4.0',
      'next-auth-stub@1.0.0',
      'react@18.2.0',
      'semver@7.5.1',
      'tough-cookie@4.1.2',
      'vitest-stub@0.1.0',
    ]);
    expect(find(packages, 'tough-cookie')).toMatchObject({
      direct: false,
      scope: 'runtime',
      path: ['next-auth-stub@1.0.0', 'tough-cookie@4.1.2'],
      location: { file: 'pnpm-lock.yaml', line: lineOf(lock.text, '  tough-cookie@4.1.2: {}') },
    });
    expect(find(packages, 'vitest-stub')).toMatchObject({ direct: true, scope: 'dev' });
    expect(find(packages, 'semver')).toMatchObject({ direct: true, location: { line: lineOf(lock.text, 'packages/tools:') } });
    expect(find(packages, 'js-tokens').path).toEqual(['react@18.2.0', 'loose-envify@1.4.0', 'js-tokens@4.0.0']);
  });

  it('reads pnpm-lock.yaml v6 of a single project', () => {
    const { packages } = readInventory(fixtureFiles('npm/pnpm-v6'));
    expect(find(packages, 'semver')).toMatchObject({ version: '5.7.1', direct: false, path: ['jsonwebtoken@8.5.1', 'semver@5.7.1'] });
    expect(find(packages, '@types/node')).toMatchObject({ direct: true, scope: 'dev', purl: 'pkg:npm/%40types/node@18.11.9' });
  });

  it('resolves a package.json alone to the lowest matching versions, marked unresolved', () => {
    const files = fixtureFiles('npm/no-lock');
    const { packages, problems, notes } = readInventory(files);
    const text = files[0]!.text;
    expect(find(packages, 'lodash')).toMatchObject({
      version: '4.17.4',
      unresolved: true,
      declared: '^4.17.4',
      direct: true,
      scope: 'runtime',
      location: { file: 'package.json', line: lineOf(text, '"lodash": "^4.17.4"') },
    });
    expect(find(packages, 'express')).toMatchObject({ version: '4.16.0', unresolved: true });
    expect(find(packages, 'left-pad').unresolved).toBeUndefined();
    expect(find(packages, 'react')).toMatchObject({ version: '16.8.0', declared: 'npm:react@^16.8.0' });
    expect(find(packages, 'anything')).toMatchObject({ version: '', unresolved: true });
    expect(find(packages, 'minimist')).toMatchObject({ version: '0.2.0', scope: 'dev' });
    expect(packages.some((p) => p.name === 'tool' || p.name === 'local-lib')).toBe(false);
    expect(notes).toEqual([{ file: 'package.json', message: expect.stringContaining('tool comes from "github:acme/tool#v1"') }]);
    expect(problems).toEqual([]);
  });

  it('reads the demo app, whose package.json pins an old lodash', () => {
    const path = fileURLToPath(new URL('../../../../../examples/vulnerable-app/package.json', import.meta.url));
    const { packages } = readInventory([{ path: 'examples/vulnerable-app/package.json', text: readFileSync(path, 'utf8') }]);
    expect(find(packages, 'lodash')).toMatchObject({ version: '4.17.4', direct: true });
    expect(find(packages, 'lodash').unresolved).toBeUndefined();
  });

  it("reads this repository's own pnpm-lock.yaml", () => {
    const root = new URL('../../../../../', import.meta.url);
    const text = readFileSync(fileURLToPath(new URL('pnpm-lock.yaml', root)), 'utf8');
    const cli = readFileSync(fileURLToPath(new URL('packages/cli/package.json', root)), 'utf8');
    const { packages, problems } = readInventory([
      { path: 'pnpm-lock.yaml', text },
      { path: 'packages/cli/package.json', text: cli },
    ]);
    expect(problems).toEqual([]);
    expect(packages.length).toBeGreaterThan(300);
    expect(packages.every((p) => /^\d+\.\d+\.\d+/.test(p.version) && p.purl.startsWith('pkg:npm/'))).toBe(true);
    const direct = packages.filter((p) => p.direct);
    expect(direct.length).toBeGreaterThan(10);
    expect(find(packages, 'vitest')).toMatchObject({ direct: true, scope: 'dev' });
    const transitive = packages.filter((p) => !p.direct);
    expect(transitive.every((p) => p.path.length >= 2 || p.scope === 'unknown')).toBe(true);
    // the CLI's own dependencies point at its package.json
    const cliDeps = packages.filter((p) => p.location.file === 'packages/cli/package.json');
    expect(cliDeps.length).toBeGreaterThan(0);
  });

  it('turns broken lockfiles into one problem each, never an exception', () => {
    const { packages, problems } = readInventory([
      { path: 'a/package-lock.json', text: '{"lockfileVersion": 3, "packages": {' },
      { path: 'b/pnpm-lock.yaml', text: 'importers:\n  .:\n    dependencies: [unclosed' },
      { path: 'c/yarn.lock', text: '__metadata:\n  version: 8\n"x@npm:1": {' },
      { path: 'd/package.json', text: '' },
    ]);
    expect(packages).toEqual([]);
    expect(problems.map((p) => p.file)).toEqual(['a/package-lock.json', 'b/pnpm-lock.yaml', 'c/yarn.lock', 'd/package.json']);
    for (const p of problems) expect(p.message).not.toContain('\n');
  });
});
