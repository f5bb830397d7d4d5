import { RunBuilder, fileLocation, logOf } from '../formats/toolkit.js';
import { runnerAvailability, toolRunner } from './node-tool.js';
import type { Scanner } from './types.js';

const LOCKFILES: Record<string, string> = { 'package-lock.json': 'npm', 'npm-shrinkwrap.json': 'npm', 'yarn.lock': 'yarn' };

/** lockfile-lint's plain report: "detected <problem> for package: <name>@<version>[-<hash>]" then expected/actual lines. */
const ISSUE = /^detected (.+?) for package: (.+?)\n\s+expected: (.*)\n\s+actual: (.*)$/gm;

export const lockfileLint: Scanner = {
  kind: 'command',
  id: 'lockfile-lint',
  title: 'lockfile-lint',
  category: 'sca',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 2 * 60_000,
  installHint: 'built in',
  cost: 1,
  async detect() {
    return runnerAvailability('lockfile-lint');
  },
  select: (files) => files.filter((file) => LOCKFILES[file] !== undefined),
  command(target) {
    const lockfile = target.files[0]!;
    return {
      command: process.execPath,
      // Packages only from the registry, over HTTPS, under their own names: a tampered lockfile fails all three.
      args: [toolRunner('lockfile-lint')!.script, '--path', lockfile, '--type', LOCKFILES[lockfile]!, '--validate-https', '--allowed-hosts', 'npm', 'yarn', '--validate-package-names', '--format', 'plain'],
      cwd: target.root,
      output: 'convert',
    };
  },
  // 1 both when it finds problems and when it fails: convert() tells them apart by the report.
  exitMeaning: (code) => (code === 0 ? 'clean' : code === 1 ? 'findings' : 'error'),
  convert({ stdout, stderr, exitCode }, target) {
    const text = `${stdout}\n${stderr}`.replace(/\r\n/g, '\n');
    const run = new RunBuilder({ name: 'lockfile-lint', informationUri: 'https://github.com/lirantal/lockfile-lint' });
    for (const match of text.matchAll(ISSUE)) {
      const [, problem, pkg, expected, actual] = match;
      const id = `lockfile-lint/${problem!.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
      const name = pkg!.replace(/-[0-9a-f]{40}$/, '');
      const at = name.lastIndexOf('@');
      run.rule({ id, short: `Lockfile entry with ${problem}`, help: 'A lockfile entry that does not come from the registry over HTTPS under its own name may be tampered with (lockfile injection).', score: 7.5, level: 'error', cwes: ['CWE-829'], tags: ['supply-chain'] });
      run.result({
        ruleId: id,
        message: `${name}: ${problem} (expected ${expected!.trim()}, found ${actual!.trim()})`,
        level: 'error',
        score: 7.5,
        category: 'sca',
        locations: [fileLocation(target.files[0])],
        cwes: ['CWE-829'],
        package: at > 0 ? { name: name.slice(0, at), version: name.slice(at + 1) } : { name },
      });
    }
    if (exitCode !== 0 && run.size === 0) throw new Error(text.trim().split('\n').find((line) => line.trim()) ?? `exited with ${exitCode}`);
    return logOf(run.build());
  },
};
