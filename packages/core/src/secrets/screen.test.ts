import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFinding } from '../finding.js';
import { normalizeReport } from '../pipeline/normalize.js';
import type { Log, Result } from '../sarif/types.js';
import { createLineReader, type ReadLine } from './line-reader.js';
import { DOCUMENTATION_SCORE, isDocumentationPath, screenSecretFindings, secretCandidates } from './screen.js';

const README = [
  '# Shop',
  'Connect with `mongodb://<username>:<password>@cluster0.mongodb.net/shop`, then set:',
  '',
  '    DB_PASSWORD=<password>',
  '    SESSION_SECRET=${SESSION_SECRET}',
  'The staging database is mongodb://admin:Wint3r-2024-q7@staging.db.internal:27017/shop',
].join('\n');
const CONFIG = "module.exports = { token: 'xxxxxxxxxxxxxxxxxxxx', github: 'ghp_hGAkWvj7FAc9QeWJKY40uvSwMFLZDe1f8rES' };\n";

/** A secretlint report as `secretlint --format @secretlint/secretlint-formatter-sarif --maskSecrets` writes it. */
function secretlintReport(): object {
  const result = (uri: string, line: number, start: number, end: number, text: string) => ({
    level: 'error',
    message: { text },
    ruleId: '@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-database-connection-string',
    locations: [{ physicalLocation: { artifactLocation: { uri, index: 0 }, region: { startLine: line, startColumn: start, endLine: line, endColumn: end } } }],
    ruleIndex: 0,
  });
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'secretlint', rules: [{ id: '@secretlint/secretlint-rule-preset-recommend > @secretlint/secretlint-rule-database-connection-string' }] } },
        results: [
          result('README.md', 2, 15, 71, `found MongoDB connection string: ${'*'.repeat(56)}`),
          result('README.md', 6, 30, 89, `found MongoDB connection string: ${'*'.repeat(59)}`),
        ],
      },
    ],
  };
}

/** A Gitleaks v8 report (--redact): its end column counts the last character, one more than SARIF would. */
const GITLEAKS = [
  { RuleID: 'generic-api-key', Description: 'Generic API Key', File: 'README.md', StartLine: 4, EndLine: 4, StartColumn: 5, EndColumn: 26, Match: 'REDACTED', Secret: 'REDACTED', Entropy: 3.1 },
  { RuleID: 'generic-api-key', Description: 'Generic API Key', File: 'config.js', StartLine: 1, EndLine: 1, StartColumn: 20, EndColumn: 47, Match: 'REDACTED', Secret: 'REDACTED', Entropy: 0 },
  { RuleID: 'github-pat', Description: 'GitHub Personal Access Token', File: 'config.js', StartLine: 1, EndLine: 1, StartColumn: 58, EndColumn: 97, Match: 'REDACTED', Secret: 'REDACTED', Entropy: 4.5 },
];

/** TruffleHog v3 (filesystem): a line, no columns. */
const TRUFFLEHOG = [
  { SourceMetadata: { Data: { Filesystem: { file: 'README.md', line: 5 } } }, DetectorName: 'Generic', Verified: false, Raw: 'x' },
  { SourceMetadata: { Data: { Filesystem: { file: 'docs/setup.md', line: 1 } } }, DetectorName: 'AWS', Verified: false, Raw: 'y' },
];

async function checkout(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pw-screen-'));
  await mkdir(join(root, 'docs'));
  await writeFile(join(root, 'README.md'), README);
  await writeFile(join(root, 'config.js'), CONFIG);
  await writeFile(join(root, 'docs', 'setup.md'), 'aws_access_key_id = AKIAUJZDEGXDNCF32EPF\n');
  await writeFile(join(root, 'secretlint.sarif'), JSON.stringify(secretlintReport()));
  await writeFile(join(root, 'gitleaks.json'), JSON.stringify(GITLEAKS));
  await writeFile(join(root, 'trufflehog.jsonl'), TRUFFLEHOG.map((item) => JSON.stringify(item)).join('\n'));
  return root;
}

function where(log: Log): string[] {
  return log.runs.flatMap((run) => (run.results ?? []).map((r) => `${run.tool.driver.name} ${r.locations![0]!.physicalLocation!.artifactLocation!.uri}:${r.locations![0]!.physicalLocation!.region!.startLine}`));
}

describe('screenSecretFindings', () => {
  it('drops placeholder credentials whichever tool found them, keeps real ones, and lowers documentation', async () => {
    const root = await checkout();
    const logs = await Promise.all(
      [['secretlint.sarif', 'sarif'], ['gitleaks.json', 'gitleaks'], ['trufflehog.jsonl', 'trufflehog']].map(async ([file, format]) => (await normalizeReport({ file: join(root, file!), format }, { baseDir: root, srcRoot: root })).log),
    );
    const log: Log = { version: '2.1.0', runs: logs.flatMap((l) => l.runs) };
    const read: string[] = [];
    const reader = createLineReader(root);
    const readLine: ReadLine = (path, line) => {
      read.push(path);
      return reader(path, line);
    };

    const screening = await screenSecretFindings(log, readLine);

    expect(where(log)).toEqual(['secretlint README.md:6', 'Gitleaks config.js:1', 'TruffleHog docs/setup.md:1']);
    expect(screening).toEqual({ placeholders: 4, documentation: 2 });
    // secretlint's mask is made short by normalize (sarif/redact.ts), never 59 asterisks.
    expect(log.runs[0]!.results![0]!.message.text).toBe('found MongoDB connection string: ****');
    const readme = toFinding(log.runs[0]!, log.runs[0]!.results![0]!);
    expect(readme.score).toBe(DOCUMENTATION_SCORE);
    expect(readme.result.properties?.tags).toContain('documentation');
    expect(readme.result.level).toBe('warning');
    // The real token in code keeps its rank.
    expect(toFinding(log.runs[1]!, log.runs[1]!.results![0]!).score).toBe(9);
    expect(new Set(read)).toEqual(new Set(['README.md', 'config.js', 'docs/setup.md']));
  });

  it('keeps a finding whose value cannot be read, and uses the snippet when the file is not here', async () => {
    const result = (snippet?: string): Result => ({
      ruleId: 'x',
      message: { text: 'secret' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'gone.env', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, ...(snippet ? { snippet: { text: snippet } } : {}) } } }],
    });
    const log: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'gitleaks' } }, results: [result(), result('API_KEY=<your-api-key>'), result('API_KEY=9f8e7d6c5b4a39281706')] }] };
    expect(await screenSecretFindings(log, () => undefined)).toEqual({ placeholders: 1, documentation: 0 });
    expect(log.runs[0]!.results).toHaveLength(2);
  });

  it('never asks for a file outside the source root, and leaves other categories alone', async () => {
    const outside: Result = { ruleId: 'x', message: { text: 's' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///etc/shadow' }, region: { startLine: 1, startColumn: 1, endColumn: 5 } } }] };
    const sast: Result = { ruleId: 'y', message: { text: 's' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'README.md' }, region: { startLine: 2 } } }] };
    const log: Log = {
      version: '2.1.0',
      runs: [
        { tool: { driver: { name: 'gitleaks' } }, results: [outside] },
        { tool: { driver: { name: 'ESLint' } }, properties: { 'pipewarden/category': 'sast' }, results: [sast] },
      ],
    };
    const asked: string[] = [];
    await screenSecretFindings(log, (path) => {
      asked.push(path);
      return 'password = "<password>"';
    });
    expect(asked).toEqual([]);
    expect(log.runs.map((run) => run.results!.length)).toEqual([1, 1]);
  });
});

describe('secretCandidates', () => {
  it.each([
    ['mongodb://<username>:<password>@cluster0.mongodb.net', true, ['<password>']],
    ['https://ghp_abc123@github.com/o/r.git', true, ['ghp_abc123']],
    ['apikey = "dfjksdjfs3294dfjlsdaf213"', true, ['"dfjksdjfs3294dfjlsdaf213"']],
    ['"password": "<password>"', true, ['"<password>"']],
    ['AKIAUJZDEGXDNCF32EPF', true, ['AKIAUJZDEGXDNCF32EPF']],
    ['export GITHUB_TOKEN="<your-token>"', true, ['"<your-token>"']],
    ['    DB_PASSWORD=<password> # and token: "xxxx"', false, ['xxxx', '<password>']],
    ['Set the password in the dashboard', false, ['Set the password in the dashboard']],
  ])('%j', (text, exact, expected) => {
    expect(secretCandidates(text, exact)).toEqual(expected);
  });
});

describe('isDocumentationPath', () => {
  it.each([['README.md', true], ['docs/setup.md', true], ['guide.rst', true], ['notes.txt', true], ['manual.adoc', true], ['doc/api.yaml', true], ['README', true], ['src/config.js', false], ['documents.js', false]])(
    '%s: %s',
    (path, expected) => expect(isDocumentationPath(path)).toBe(expected),
  );
});
