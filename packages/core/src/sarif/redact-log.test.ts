import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretKeyer, secretHash } from '../identity/secret-hash.js';
import { createRedactor, redactLog } from './redact-log.js';
import { REDACTED } from './redact.js';
import { PROP, type Log } from './types.js';

const TOKEN = `ghp_${'Zx9Qw3Er7Ty1'.repeat(3)}`;
const PASSWORD = 'Hunter2-Wint3r-Q9x';
/** The secret's end alone must not survive either (a mask that keeps the last characters keeps too many). */
const leaks = (text: string, secret: string) => text.includes(secret) || text.includes(secret.slice(-12));

/** A log with the token in every kind of text field SARIF has. */
function everyField(): Log {
  const text = (what: string) => ({ text: `${what} ${TOKEN}`, markdown: `**${what}** \`${TOKEN}\`` });
  const region = { startLine: 3, snippet: { text: `token = "${TOKEN}"` }, message: { text: `region ${TOKEN}` } };
  const location = { physicalLocation: { artifactLocation: { uri: 'src/app.js' }, region, contextRegion: { ...region, startLine: 2 } }, message: { text: `here ${TOKEN}` } };
  return {
    version: '2.1.0',
    properties: { note: `log ${TOKEN}` },
    runs: [
      {
        tool: {
          driver: {
            name: 'Linter',
            fullDescription: text('driver'),
            rules: [{ id: 'no-eval', shortDescription: text('short'), fullDescription: text('full'), help: text('help'), messageStrings: { default: { text: `template {0} ${TOKEN}` } }, properties: { tags: ['security'], example: `x ${TOKEN}` } }],
            notifications: [{ id: 'n1', shortDescription: text('notification') }],
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            commandLine: `linter --token ${TOKEN} src`,
            arguments: ['--token', TOKEN],
            environmentVariables: { LINTER_TOKEN: 'plain-looking-value', HOME: '/home/ci' },
            toolExecutionNotifications: [{ level: 'warning', message: { text: `could not read ${TOKEN}` } }],
            toolConfigurationNotifications: [{ level: 'note', message: text('config') }],
          },
        ],
        artifacts: [{ location: { uri: 'src/app.js' }, contents: { text: `const t = "${TOKEN}";` }, description: { text: `artifact ${TOKEN}` } }],
        webRequests: [{ method: 'GET', target: '/x', headers: { Authorization: 'Basic dXNlcjpwYXNz', Accept: 'text/html' } }],
        results: [
          {
            ruleId: 'no-eval',
            ruleIndex: 0,
            message: { text: `eval of ${TOKEN}`, markdown: `eval of \`${TOKEN}\``, arguments: [TOKEN] },
            locations: [location],
            relatedLocations: [{ ...location, id: 1 }],
            codeFlows: [{ message: { text: `flow ${TOKEN}` }, threadFlows: [{ message: { text: `thread ${TOKEN}` }, locations: [{ location, state: { value: { text: TOKEN } } }] }] }],
            stacks: [{ message: { text: `stack ${TOKEN}` }, frames: [{ location }] }],
            fixes: [
              {
                description: { text: `fix ${TOKEN}` },
                artifactChanges: [{ artifactLocation: { uri: 'src/app.js' }, replacements: [{ deletedRegion: { startLine: 3, snippet: { text: TOKEN } }, insertedContent: { text: `"${TOKEN}"` } }] }],
              },
            ],
            attachments: [{ description: { text: `attachment ${TOKEN}` }, artifactLocation: { uri: 'shot.png' }, regions: [region] }],
            partialFingerprints: { 'pipewarden/v1': '0123456789abcdef0123456789abcdef:1' },
            properties: { nested: { deeper: [`deep ${TOKEN}`] }, 'pipewarden/fingerprint': 'keep-me', tags: ['security'] },
          },
        ],
        properties: { 'pipewarden/scanners': [{ reason: `failed: ${TOKEN}` }] },
      },
    ],
  };
}

describe('redactLog', () => {
  it('masks a token in every text field a SARIF log carries, and leaves identities as they are', async () => {
    const log = everyField();
    await redactLog(log, createSecretKeyer());
    const text = JSON.stringify(log);
    expect(leaks(text, TOKEN)).toBe(false);
    const result = log.runs[0]!.results![0]!;
    expect(result.ruleId).toBe('no-eval');
    expect(result.partialFingerprints).toEqual({ 'pipewarden/v1': '0123456789abcdef0123456789abcdef:1' });
    expect(result.properties?.['pipewarden/fingerprint']).toBe('keep-me');
    expect(result.properties?.[PROP.redacted]).toBe(true);
    expect(result.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('src/app.js');
    // Not a secret rule: snippets stay, scrubbed.
    expect(result.locations![0]!.physicalLocation!.region!.snippet!.text).toBe(`token = "${REDACTED}"`);
    // A credential header and a credential-named variable are masked whatever they look like.
    expect(log.runs[0]!.webRequests![0]!.headers).toEqual({ Authorization: REDACTED, Accept: 'text/html' });
    expect(log.runs[0]!.invocations![0]!.environmentVariables).toEqual({ LINTER_TOKEN: REDACTED, HOME: '/home/ci' });
    expect(log.runs[0]!.tool.driver.rules![0]!.messageStrings!.default!.text).toBe(`template {0} ${REDACTED}`);
  });

  it('is idempotent: a redacted log read again is left as it is', async () => {
    const log = everyField();
    await redactLog(log, createSecretKeyer());
    const once = JSON.stringify(log);
    await redactLog(log, createSecretKeyer());
    expect(JSON.stringify(log)).toBe(once);
  });

  it("a finding of a rule about hardcoded secrets (Bandit's B105, by id, name, tag or CWE) loses its quoted value, snippets and the value wherever else it appears", async () => {
    const log: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'Bandit',
              rules: [
                { id: 'B105', name: 'hardcoded_password_string', shortDescription: { text: `Possible hardcoded password: '${PASSWORD}'` } },
                { id: 'custom-1', shortDescription: { text: 'credentials' }, properties: { tags: ['external/cwe/cwe-798'] } },
                { id: 'B608', name: 'hardcoded_sql_expressions', shortDescription: { text: 'SQL' } },
              ],
            },
          },
          results: [
            { ruleId: 'B105', ruleIndex: 0, message: { text: `Possible hardcoded password: '${PASSWORD}'` }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 2, snippet: { text: `password = '${PASSWORD}'` } } } }] },
            { ruleId: 'custom-1', ruleIndex: 1, message: { id: 'default', arguments: ['Q9x-Wint3r'] } },
            // Another rule on the same line: its snippet holds the password too.
            { ruleId: 'B608', ruleIndex: 2, message: { text: 'SQL built from strings' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'app.py' }, region: { startLine: 2, snippet: { text: `password = '${PASSWORD}'` } } } }] },
          ],
        },
      ],
    };
    const found = new Set<string>();
    await redactLog(log, createSecretKeyer(), found);
    const [b105, custom, sql] = log.runs[0]!.results!;
    expect(b105!.message.text).toBe(`Possible hardcoded password: '${REDACTED}'`);
    expect(b105!.locations![0]!.physicalLocation!.region!.snippet).toBeUndefined();
    expect(log.runs[0]!.tool.driver.rules![0]!.shortDescription!.text).toBe(`Possible hardcoded password: '${REDACTED}'`);
    expect(custom!.message.arguments).toEqual([REDACTED]);
    expect(sql!.locations![0]!.physicalLocation!.region!.snippet!.text).toBe(`password = '${REDACTED}'`);
    expect(found).toContain(PASSWORD);
    expect(JSON.stringify(log)).not.toContain(PASSWORD);
  });

  it('drops the snippets of a secrets finding and the contents of the file it is in', async () => {
    const log: Log = {
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'gitleaks', rules: [{ id: 'generic-api-key' }] } },
          artifacts: [{ location: { uri: '.env' }, contents: { text: `API_KEY=${PASSWORD}` } }],
          results: [{ ruleId: 'generic-api-key', message: { text: 'generic-api-key has detected secret for file .env.' }, locations: [{ physicalLocation: { artifactLocation: { uri: '.env', index: 0 }, region: { startLine: 1, snippet: { text: PASSWORD } }, contextRegion: { startLine: 1, snippet: { text: `API_KEY=${PASSWORD}` } } } }] }],
        },
      ],
    };
    await redactLog(log, createSecretKeyer());
    expect(JSON.stringify(log)).not.toContain(PASSWORD);
    expect(log.runs[0]!.artifacts![0]!.contents).toBeUndefined();
  });

  it('re-keys a secret hash made by a parser (or written by an older version), the same way every time', async () => {
    const unkeyed = secretHash(PASSWORD);
    const log = (): Log => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'trufflehog' } }, results: [{ ruleId: 'x', message: { text: 'found' }, properties: { [PROP.secretHash]: unkeyed } }] }] });
    const keyedOf = async (keying: Parameters<typeof createSecretKeyer>[0]) => {
      const read = log();
      await redactLog(read, createSecretKeyer(keying));
      return read.runs[0]!.results![0]!.properties![PROP.secretHash] as string;
    };
    const withKey = await keyedOf({ key: 'k'.repeat(32) });
    expect(withKey).toMatch(/^keyed:[0-9a-f]{32}$/);
    expect(await keyedOf({ key: 'k'.repeat(32) })).toBe(withKey);
    expect(await keyedOf({ key: 'j'.repeat(32) })).not.toBe(withKey);
    const derived = await keyedOf({ repository: 'acme/shop' });
    expect(derived).toMatch(/^derived:[0-9a-f]{32}$/);
    expect(await keyedOf({ repository: 'acme/shop' })).toBe(derived);
    expect(await keyedOf({ repository: 'acme/other' })).not.toBe(derived);
    // An already keyed hash is left as it is.
    const read = log();
    read.runs[0]!.results![0]!.properties![PROP.secretHash] = withKey;
    await redactLog(read, createSecretKeyer());
    expect(read.runs[0]!.results![0]!.properties![PROP.secretHash]).toBe(withKey);
  });

  it('scrubs a native report of the values found and of unkeyed hashes (Redactor.file)', async () => {
    const redactor = createRedactor({ key: 'k'.repeat(32) });
    const log: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Bandit' } }, results: [{ ruleId: 'B105', message: { text: `Possible hardcoded password: '${PASSWORD}'` } }] }] };
    await redactor.log(log);
    const dir = await mkdtemp(join(tmpdir(), 'pw-scrub-'));
    const file = join(dir, 'bandit.json');
    await writeFile(file, JSON.stringify({ results: [{ issue_text: `Possible hardcoded password: '${PASSWORD}'`, code: `2 password = '${PASSWORD}'\n`, hash: secretHash('x'), token: TOKEN }] }));
    await redactor.file(file);
    const scrubbed = await readFile(file, 'utf8');
    expect(leaks(scrubbed, PASSWORD)).toBe(false);
    expect(leaks(scrubbed, TOKEN)).toBe(false);
    expect(scrubbed).not.toContain(secretHash('x'));
    expect(JSON.parse(scrubbed)).toMatchObject({ results: [{ hash: expect.stringMatching(/^keyed:/) }] });
  });

  it('a value found in one report is masked in another read by the same command, whichever came first (Redactor.finish)', async () => {
    const redactor = createRedactor();
    const semgrep: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Semgrep' } }, results: [{ ruleId: 'sqli', message: { text: 'SQL' }, locations: [{ physicalLocation: { region: { startLine: 2, snippet: { text: `password = '${PASSWORD}'` } } } }] }] }] };
    const bandit = (): Log => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'Bandit' } }, results: [{ ruleId: 'B105', message: { text: `Possible hardcoded password: '${PASSWORD}'` } }] }] });
    await redactor.log(semgrep);
    await redactor.log(bandit());
    expect(JSON.stringify(semgrep)).toContain(PASSWORD);
    redactor.finish(semgrep);
    expect(JSON.stringify(semgrep)).not.toContain(PASSWORD);
    // Read after the value was found: masked as it is read.
    const later: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Other' } }, results: [{ ruleId: 'x', message: { text: `uses ${PASSWORD}` } }] }] };
    await redactor.log(later);
    expect(later.runs[0]!.results![0]!.message.text).toBe(`uses ${REDACTED}`);
  });

  it('refuses a PIPEWARDEN_SECRET_KEY too short to stay unguessed', () => {
    expect(() => createSecretKeyer({ key: 'short' })).toThrow(/at least 16/);
  });
});
