import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledModules, licenseFilesOnDisk, NOTICES, packedFiles, readNotices } from '../../../test-support/notices.js';

const coreDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(coreDir, 'dist');

describe("core's third-party notices", () => {
  it('dist/ gives sigstore-js and every package bundled with it, with their license files', () => {
    const notices = readNotices(join(dist, NOTICES));
    const { packages } = bundledModules(coreDir);
    expect([...packages.keys()]).toContain(`sigstore@${JSON.parse(readFileSync(join(coreDir, 'node_modules', 'sigstore', 'package.json'), 'utf8')).version}`);
    // Exactly what the chunks contain: core's own dependencies stay external and are not listed.
    expect([...notices.entries.keys()].sort()).toEqual([...packages.keys()].sort());
    for (const { key, dir } of packages.values()) expect(notices.entries.get(key)?.files.map((file) => file.name), key).toEqual(licenseFilesOnDisk(dir).sort());
    for (const [key, entry] of notices.entries) if (key.startsWith('@sigstore/') || key.startsWith('sigstore@')) expect(entry.license, key).toBe('Apache-2.0');
  });

  it('dist/runners/ gives each runner tool at the version the manifest reports, and what the tools bundle', () => {
    const notices = readNotices(join(dist, 'runners', NOTICES));
    const manifest = JSON.parse(readFileSync(join(dist, 'runners', 'manifest.json'), 'utf8')) as Record<string, { tool: string; version: string }>;
    for (const { tool, version } of Object.values(manifest)) expect(notices.entries.has(`${tool}@${version}`), tool).toBe(true);
    const eslint = [...notices.entries].find(([key]) => key.startsWith('eslint@'))?.[1];
    expect(eslint?.license).toBe('MIT');
    expect(eslint?.files[0]?.text).toContain('Permission is hereby granted');
    for (const name of ['eslint-plugin-security', '@secretlint/secretlint-rule-preset-recommend', '@microsoft/eslint-formatter-sarif', 'espree']) {
      expect([...notices.entries.keys()].some((key) => key.startsWith(`${name}@`)), name).toBe(true);
    }
  });

  it('ships both files in the package', () => {
    expect(packedFiles(coreDir)).toEqual(expect.arrayContaining([`dist/${NOTICES}`, `dist/runners/${NOTICES}`]));
  });
});
