#!/usr/bin/env node
// pnpm new-format <id> [--corpus <folder>] [--root <repo>]
// Creates packages/core/src/formats/<id>/ with index.ts, <id>.test.ts wired to ../shared/corpus/<folder> and
// testdata/ (a placeholder input and a note: formats/testdata.test.ts fails until a real input / expected pair
// replaces it), and adds the one barrel line to packages/core/src/formats/index.ts.
import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

function fail(message) {
  process.stderr.write(`new-format: ${message}\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { corpus: { type: 'string' }, root: { type: 'string' } } });
} catch (error) {
  fail(error.message.split('\n')[0]);
}
const { values, positionals } = parsed;
const id = positionals[0];
const problems = [];
if (!id) problems.push('name the format: pnpm new-format <id> [--corpus <folder>]');
else if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(id)) problems.push(`"${id}" is not a kebab-case id (like "trivy" or "npm-audit")`);
if (positionals.length > 1) problems.push(`one id at a time, got ${positionals.length}`);
const corpus = values.corpus ?? id?.replace(/-/g, '_');
if (corpus !== undefined && !/^[a-z0-9_]+$/.test(corpus)) problems.push(`--corpus "${corpus}" is not a corpus folder name`);
if (problems.length) fail(problems.join('; '));

const root = resolve(values.root ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const formatsDir = join(root, 'packages', 'core', 'src', 'formats');
const barrel = join(formatsDir, 'index.ts');
const folder = join(formatsDir, id);
if (!existsSync(barrel)) fail(`${barrel}: not found (is --root the repository?)`);
if (existsSync(folder)) fail(`${folder}: already exists`);
const exportName = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const text = await readFile(barrel, 'utf8');
if (new RegExp(`\\b${exportName}\\b`).test(text)) fail(`${barrel}: already exports ${exportName}`);

const title = id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
await mkdir(folder, { recursive: true });
await writeFile(
  join(folder, 'index.ts'),
  `import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, levelOf, logOf, missing, read, scoreOf } from '../toolkit.js';

export const ${exportName}: InputFormat = {
  id: '${id}',
  title: '${title} report',
  producedBy: 'the command line that writes this report',
  detect({ document }) {
    // Judge by content only: keys and shapes only this tool writes. Return 0 when unsure.
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    return root && Array.isArray(root.findings) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'json' ? read.obj(document.data) : undefined;
    if (!root || !Array.isArray(root.findings)) missing(file, '${title}', 'no "findings" array');
    const run = new RunBuilder({ name: '${title}' });
    for (const [index, value] of root.findings.entries()) {
      const finding = read.obj(value);
      const id = read.str(finding?.rule);
      if (!finding || !id) missing(file, '${title}', \`findings[\${index}] lacks "rule"\`);
      const score = scoreOf(finding.severity);
      run.rule({ id, short: read.str(finding.title) ?? id, score, level: levelOf(score) });
      run.result({
        ruleId: id,
        message: read.str(finding.message) ?? id,
        level: levelOf(score),
        score,
        category: 'sast',
        locations: [fileLocation(read.str(finding.file), { startLine: finding.line })],
      });
    }
    return logOf(run.build());
  },
};
`,
);
await writeFile(
  join(folder, `${id}.test.ts`),
  `import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: '${corpus}',
  format: '${id}',
  // Count the findings of a native report independently of the parser.
  count: (text) => ((JSON.parse(text) as { findings?: unknown[] }).findings ?? []).length,
});
`,
);
const regenerate = 'UPDATE_TESTDATA=1 pnpm vitest run packages/core/src/formats/testdata.test.ts';
await mkdir(join(folder, 'testdata'));
// The shape the scaffolded parser reads, so the pipeline runs end to end; testdata.test.ts refuses it until it is replaced.
await writeFile(
  join(folder, 'testdata', 'placeholder.input.json'),
  `${JSON.stringify(
    {
      findings: [
        { rule: 'example-rule', title: 'Example rule', severity: 'high', message: 'Replace this file with an excerpt of a real report', file: 'src/app.js', line: 3 },
      ],
    },
    null,
    2,
  )}\n`,
);
await writeFile(
  join(folder, 'testdata', 'README.md'),
  `# ${title} test data

\`packages/core/src/formats/testdata.test.ts\` reads every \`<case>.input.<ext>\` here with this format and compares
the SARIF log it makes with \`<case>.expected.sarif\`. It fails while \`placeholder.input.json\` is here and while an
input has no expected file.

1. Replace \`placeholder.input.json\` with a small excerpt of a real report of the tool (a few results that show its
   severities, ids such as CVE or CWE, locations, fixed versions), named \`<case>.input.<ext>\` with the extension
   the tool writes (\`.json\`, \`.xml\`, \`.jsonl\`, \`.sarif\`, ...). Take out real secrets and personal data.
2. Generate the expected file:

   \`\`\`sh
   ${regenerate}
   \`\`\`

3. Read \`<case>.expected.sarif\` through before committing it: it is what the parser must keep producing, so a
   parser bug must not be frozen in it. This note can go once the first pair is in.
`,
);
await appendFile(barrel, `${text.endsWith('\n') ? '' : '\n'}export { ${exportName} } from './${id}/index.js';\n`);
process.stdout.write(
  `created ${join('packages/core/src/formats', id)}/index.ts, ${id}.test.ts (corpus: ../shared/corpus/${corpus}/) and testdata/, registered in formats/index.ts\n` +
    `next: replace testdata/placeholder.input.json with an excerpt of a real report, then: ${regenerate}\n`,
);
