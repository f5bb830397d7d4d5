#!/usr/bin/env node
// pnpm new-scanner <id> [--kind command|analyzer] [--category sast|sca|secrets|iac|container|dast|sbom] [--root <repo>]
// Creates packages/core/src/scanners/<id>.ts (a command scanner or an in-process analyzer, with an options
// schema), its test beside it, and the one barrel line in packages/core/src/scanners/index.ts.
import { existsSync } from 'node:fs';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const CATEGORIES = ['sast', 'sca', 'secrets', 'iac', 'container', 'dast', 'sbom'];

function fail(message) {
  process.stderr.write(`new-scanner: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { kind: { type: 'string' }, category: { type: 'string' }, root: { type: 'string' } } });
} catch (error) {
  fail(error.message.split('\n')[0]);
}
const { values, positionals } = parsed;
const id = positionals[0];
const kind = values.kind ?? 'command';
const category = values.category ?? 'sast';
const problems = [];
if (!id) problems.push('name the scanner: pnpm new-scanner <id> [--kind command|analyzer] [--category sast]');
else if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) problems.push(`"${id}" is not a kebab-case id (like "semgrep" or "npm-audit")`);
if (positionals.length > 1) problems.push(`one id at a time, got ${positionals.length}`);
if (!['command', 'analyzer'].includes(kind)) problems.push(`--kind "${kind}" is not command or analyzer`);
if (!CATEGORIES.includes(category)) problems.push(`--category "${category}" is not one of ${CATEGORIES.join(', ')}`);
if (problems.length) fail(problems.join('; '));

const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const dir = join(root, 'packages', 'core', 'src', 'scanners');
const barrel = join(dir, 'index.ts');
const file = join(dir, `${id}.ts`);
if (!existsSync(barrel)) fail(`${barrel}: not found (is --root the repository?)`);
if (existsSync(file)) fail(`${file}: already exists`);
const exportName = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const text = await readFile(barrel, 'utf8');
if (new RegExp(`\\b${exportName}\\b`).test(text)) fail(`${barrel}: already exports ${exportName}`);
const title = id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');

const command = `import { z } from 'zod';
import { asOperands, byExtension, pathToolAvailability, zeroOnlyExit } from './path-tool.js';
import type { Scanner } from './types.js';

/** ${title}: what it finds, and the version its flags and exit codes were checked against (docs/scanners.md). */
export const ${exportName}: Scanner = {
  kind: 'command',
  id: '${id}',
  title: '${title}',
  category: '${category}',
  stages: ['commit'],
  // The input format its report is read with (pnpm new-format, if Pipewarden does not read it yet).
  format: 'sarif',
  timeoutMs: 5 * 60_000,
  installHint: 'install it from its release page',
  fileList: true,
  // Its own settings under scanners.${id} in pipewarden.yml (timeout is common to every scanner).
  options: z.strictObject({ severity: z.enum(['low', 'medium', 'high']).optional() }),
  detect: (env) => pathToolAvailability(env, '${id}', ['--version'], /(\\d+\\.\\d+\\.\\d+)/),
  select: byExtension(/\\.js$/i),
  command: (target) => ({
    command: '${id}',
    args: ['--format', 'sarif', '--output', target.outputFile, ...(target.options.severity ? ['--severity', String(target.options.severity)] : []), '--', ...asOperands(target.files)],
    cwd: target.root,
    output: 'file',
  }),
  // What its exit codes mean, from its source: many tools exit 1 when they find something.
  exitMeaning: zeroOnlyExit,
};
`;

const analyzer = `import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Log, Result } from '../sarif/types.js';
import { version } from '../version.js';
import { byExtension } from './path-tool.js';
import type { Scanner } from './types.js';

/** ${title}: Pipewarden's own check, run in this process; files in, SARIF out. */
export const ${exportName}: Scanner = {
  kind: 'analyzer',
  id: '${id}',
  title: '${title}',
  category: '${category}',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 60_000,
  installHint: 'built in',
  fileList: true,
  cost: 1,
  // Its own settings under scanners.${id} in pipewarden.yml (timeout is common to every scanner).
  options: z.strictObject({ pattern: z.string().min(1).default('TODO-SECURITY') }),
  detect: async () => ({ available: true, version }),
  select: byExtension(/\\.js$/i),
  async analyze(target) {
    const pattern = String(target.options.pattern ?? 'TODO-SECURITY');
    const results: Result[] = [];
    for (const file of target.files) {
      const lines = (await readFile(join(target.root, file), 'utf8')).split('\\n');
      lines.forEach((line, index) => {
        if (line.includes(pattern)) results.push({ ruleId: '${id}/marker', level: 'warning', message: { text: \`\${pattern} left in the code\` }, locations: [{ physicalLocation: { artifactLocation: { uri: file }, region: { startLine: index + 1 } } }] });
      });
    }
    return { version: '2.1.0', runs: [{ tool: { driver: { name: '${title}', version, rules: [{ id: '${id}/marker', shortDescription: { text: 'A marker left in the code' } }] } }, results }] } satisfies Log;
  },
};
`;

const test = `import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeExec } from '../ports/node-exec.js';
import { runScan } from '../scan.js';
import { ${exportName} } from './${id}.js';

describe('${id}', () => {
  it('is registered, and its options are checked against its schema', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-${id}-'));
    await writeFile(join(dir, 'app.js'), 'const x = 1;\\n');
    expect(${exportName}.id).toBe('${id}');
    const bad = runScan({ cwd: dir, dir: '.', config: { scanners: { '${id}': { unknown: true } } }, stage: 'commit', scanners: ['${id}'], outDir: 'out', env: {} }, { exec: nodeExec, log: () => undefined });
    await expect(bad).rejects.toThrow(/scanners\\.${id}/);
  });

  it.todo('finds what it should in a small real input, and nothing in a clean one');
});
`;

await writeFile(file, kind === 'analyzer' ? analyzer : command);
await writeFile(join(dir, `${id}.test.ts`), test);
await appendFile(barrel, `${text.endsWith('\n') ? '' : '\n'}export { ${exportName} } from './${id}.js';\n`);
process.stdout.write(
  `created packages/core/src/scanners/${id}.ts (${kind}) and ${id}.test.ts, registered in scanners/index.ts\n` +
    `next: fill in what it runs and reads (docs/development.md#adding-a-scanner), replace the todo test, and add it to docs/scanners.md\n`,
);
