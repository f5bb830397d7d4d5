import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Log } from '../sarif/types.js';
import { createOccurrences, FINGERPRINT_KEY, FINGERPRINT_NOPATH_KEY, LINE_HASH_KEY, identify } from './fingerprint.js';
import { createSecretKeyer, secretHash, type SecretKeying } from './secret-hash.js';
import { lineHashesOf } from './line-hash.js';

function logAt(lines: number[]): Log {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ESLint' } },
        results: lines.map((line) => ({
          ruleId: 'security/detect-eval-with-expression',
          message: { text: `eval at ${line}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'app.js', uriBaseId: '%SRCROOT%' }, region: { startLine: line } } }],
        })),
      },
    ],
  };
}

async function fingerprints(source: string, lines: number[]): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pw-fp-'));
  await writeFile(join(dir, 'app.js'), source);
  const log = await identify(logAt(lines), { srcRoot: dir });
  return log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!);
}

describe('fingerprints', () => {
  it('stay the same when the flagged line moves', async () => {
    const [before] = await fingerprints('const a = 1;\neval(input);\n', [2]);
    const [after] = await fingerprints('// a new comment\n\nconst a = 1;\n  eval(input);\n', [4]);
    expect(after).toBe(before);
    expect(before).toMatch(/^[0-9a-f]{32}:1$/);
  });

  it('tell identical lines apart by occurrence, and change when the line changes', async () => {
    const [first, second] = await fingerprints('eval(input);\neval(input);\n', [1, 2]);
    expect(first).not.toBe(second);
    const [changed] = await fingerprints('eval(other);\n', [1]);
    expect(changed).not.toBe(first);
  });
});

describe('fingerprints by kind of finding', () => {
  async function one(result: Record<string, unknown>, files: Record<string, string> = {}, keying?: SecretKeying, keep?: (props: Record<string, unknown>) => void): Promise<Record<string, string>> {
    const dir = await mkdtemp(join(tmpdir(), 'pw-fp-kind-'));
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    const log = await identify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'T' } }, results: [{ message: { text: 'm' }, ...result } as never] }] }, { srcRoot: dir, secrets: createSecretKeyer(keying) });
    keep?.(log.runs[0]!.results![0]!.properties ?? {});
    return log.runs[0]!.results![0]!.partialFingerprints!;
  }
  const at = (uri: string, startLine?: number) => [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(startLine ? { region: { startLine } } : {}) } }];

  it('a dependency: same across versions and tools, apart by manifest', async () => {
    const a = await one({ ruleId: 'GHSA-xxxx', locations: at('package-lock.json'), properties: { 'pipewarden/ids': ['CVE-2021-1'], 'pipewarden/package': { name: 'Lodash', version: '4.17.4' } } });
    const b = await one({ ruleId: 'CVE-2021-1', locations: at('package-lock.json'), properties: { 'pipewarden/package': { name: 'lodash', version: '4.17.20' } } });
    const c = await one({ ruleId: 'CVE-2021-1', locations: at('web/package-lock.json'), properties: { 'pipewarden/package': { name: 'lodash' } } });
    expect(a[FINGERPRINT_KEY]).toBe(b[FINGERPRINT_KEY]);
    expect(c[FINGERPRINT_KEY]).not.toBe(a[FINGERPRINT_KEY]);
  });

  it('a DAST finding: one per rule, method, route and parameter, whatever the ids in the URL', async () => {
    const dast = (url: string, parameter = 'id') => one({ ruleId: 'zap/40018', properties: { 'pipewarden/dast': { url, method: 'GET', parameter } } });
    expect((await dast('http://127.0.0.1:3000/item?id=1'))[FINGERPRINT_KEY]).toBe((await dast('http://localhost:8080/item?id=2'))[FINGERPRINT_KEY]);
    expect((await dast('http://a/users/12/orders'))[FINGERPRINT_KEY]).toBe((await dast('http://a/users/977/orders'))[FINGERPRINT_KEY]);
    expect((await dast('http://a/item?id=1', 'name'))[FINGERPRINT_KEY]).not.toBe((await dast('http://a/item?id=1'))[FINGERPRINT_KEY]);
  });

  it('an image finding: the same for every tag of the image', async () => {
    const img = (reference: string) => one({ ruleId: 'CVE-2023-4039', properties: { 'pipewarden/package': { name: 'gcc-10' }, 'pipewarden/image': { reference } } });
    expect((await img('registry.example/app:1.2'))[FINGERPRINT_KEY]).toBe((await img('registry.example/app:1.3@sha256:abc'))[FINGERPRINT_KEY]);
  });

  it('a secret: by rule, file and the salted hash of its line, never the line itself', async () => {
    const secret = 'ghp_' + 'Q'.repeat(36);
    const fp = await one({ ruleId: 'github', locations: at('config.js', 2), properties: { 'pipewarden/category': 'secrets' } }, { 'config.js': `// config\nconst token = '${secret}';\n` });
    const moved = await one({ ruleId: 'github', locations: at('config.js', 5), properties: { 'pipewarden/category': 'secrets' } }, { 'config.js': `// config\n\n\n\n  const token = '${secret}';\n` });
    expect(moved[FINGERPRINT_KEY]).toBe(fp[FINGERPRINT_KEY]);
    expect(JSON.stringify(fp)).not.toContain(secret);
  });

  it("a secret's identity is keyed: PIPEWARDEN_SECRET_KEY, else scrypt salted with the repository; GitHub's line hash is not given", async () => {
    const file = { 'config.js': `// config\nconst password = 'Hunter2-Wint3r-Q9x';\n` };
    const secret = { ruleId: 'generic', locations: at('config.js', 2), properties: { 'pipewarden/category': 'secrets' } };
    const keyed = await one(secret, file, { key: 'k'.repeat(32) });
    expect(await one(secret, file, { key: 'k'.repeat(32) })).toEqual(keyed);
    expect((await one(secret, file, { key: 'j'.repeat(32) }))[FINGERPRINT_KEY]).not.toBe(keyed[FINGERPRINT_KEY]);
    const derived = await one(secret, file, { repository: 'acme/shop' });
    expect(derived[FINGERPRINT_KEY]).not.toBe(keyed[FINGERPRINT_KEY]);
    expect((await one(secret, file, { repository: 'acme/other' }))[FINGERPRINT_KEY]).not.toBe(derived[FINGERPRINT_KEY]);
    // GitHub's hash of the line would test a guess of it: an opaque one, from the keyed identity, stands in.
    const github = lineHashesOf(file['config.js']).get(2);
    expect(keyed[LINE_HASH_KEY]).toMatch(/^[0-9a-f]{16}:1$/);
    expect(keyed[LINE_HASH_KEY]).not.toBe(github);
    expect(keyed[LINE_HASH_KEY]).toBe(`${keyed[FINGERPRINT_KEY]!.slice(0, 16)}:1`);
  });

  it("a finding of a rule about hardcoded secrets from a code scanner (Bandit B105) is identified as a secret; a parser's unkeyed hash is keyed", async () => {
    const file = { 'app.py': `password = 'Hunter2-Wint3r-Q9x'\n` };
    const b105 = await one({ ruleId: 'B105', locations: at('app.py', 1) }, file, { key: 'k'.repeat(32) });
    expect(b105[FINGERPRINT_NOPATH_KEY]).toBeUndefined();
    expect(b105[LINE_HASH_KEY]).not.toBe(lineHashesOf(file['app.py']).get(1));
    let kept: unknown;
    await one({ ruleId: 'x', properties: { 'pipewarden/category': 'secrets', 'pipewarden/secretHash': secretHash('s3cr3t-value') } }, {}, { key: 'k'.repeat(32) }, (props) => (kept = props['pipewarden/secretHash']));
    expect(kept).toMatch(/^keyed:[0-9a-f]{32}$/);
  });

  it('code: GitHub line hash added, and a path-free fingerprint that survives a rename', async () => {
    const a = await one({ ruleId: 'r', locations: at('a.js', 1) }, { 'a.js': 'eval(x);\n' });
    const b = await one({ ruleId: 'r', locations: at('b.js', 1) }, { 'b.js': 'eval(x);\n' });
    expect(a[LINE_HASH_KEY]).toMatch(/^[0-9a-f]+:1$/);
    expect(a[FINGERPRINT_KEY]).not.toBe(b[FINGERPRINT_KEY]);
    expect(a[FINGERPRINT_NOPATH_KEY]).toBe(b[FINGERPRINT_NOPATH_KEY]);
  });
});

describe('occurrence counts', () => {
  it('count each key apart, keys that share their first digits and keys that are not hex too, per tool', () => {
    const occurrence = createOccurrences();
    const keys = ['abcdef01', 'abcdef02', 'abcdef01', 'zz-not-hex', 'yy-not-hex', 'abcdef02', 'zz-not-hex', 'abcdef01', '12g', '12h', '12g'];
    expect(keys.map((key) => occurrence('A', key))).toEqual([1, 1, 2, 1, 1, 2, 2, 3, 1, 1, 2]);
    expect(occurrence('B', 'abcdef01')).toBe(1);
    expect(occurrence('A', 'abcdef02')).toBe(3);
  });
});
