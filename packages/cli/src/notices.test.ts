import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledModules, licenseFilesOnDisk, NOTICES, packedFiles, readNotices } from '../../../test-support/notices.js';

const cliDir = join(dirname(fileURLToPath(import.meta.url)), '..');

describe("the CLI's dist/THIRD-PARTY-NOTICES.txt", () => {
  const notices = readNotices(join(cliDir, 'dist', NOTICES));

  it('gives exactly the packages bundled in (the GitHub and Jira clients), with their license files', () => {
    const { packages } = bundledModules(cliDir);
    expect([...notices.entries.keys()].sort()).toEqual([...packages.keys()].sort());
    for (const { key, dir } of packages.values()) expect(notices.entries.get(key)?.files.map((file) => file.name), key).toEqual(licenseFilesOnDisk(dir).sort());
    const names = [...notices.entries.keys()].map((key) => key.slice(0, key.lastIndexOf('@')));
    expect(names).toEqual(expect.arrayContaining(['jira.js', 'axios', '@octokit/core', '@octokit/plugin-throttling']));
    const jira = [...notices.entries].find(([key]) => key.startsWith('jira.js@'))?.[1];
    expect(jira?.license).toBe('MIT');
    expect(jira?.files.map((file) => file.text).join('\n')).toContain('Permission is hereby granted');
  });

  it('is in the published package', () => {
    expect(packedFiles(cliDir)).toContain(`dist/${NOTICES}`);
  });
});
