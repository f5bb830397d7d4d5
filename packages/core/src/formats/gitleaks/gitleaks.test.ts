import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_KEY, identify } from '../../identity/fingerprint.js';
import { normalizeReport } from '../../pipeline/normalize.js';
import { PROP } from '../../sarif/props.js';
import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'gitleaks',
  format: 'gitleaks',
  count: (text) => {
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? data.length : 0;
  },
  secrets: (text) => {
    const data = JSON.parse(text) as Record<string, unknown>[] | null;
    return (data ?? []).flatMap((leak) => [leak.Secret, leak.Match, leak.offender, leak.line].filter((v): v is string => typeof v === 'string' && v.length >= 6));
  },
});

// AWS's documentation keys: shaped like real ones, valid nowhere.
const KEYS = ['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE'];

/** What `gitleaks dir . --redact` writes for a leak (report/finding.go, keys in its order). */
function redactedLeak(file: string, line: number, column: number) {
  return {
    RuleID: 'aws-access-token',
    Description: 'Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.',
    StartLine: line,
    EndLine: line,
    StartColumn: column,
    EndColumn: column + 19,
    Match: 'REDACTED',
    Secret: 'REDACTED',
    File: file,
    SymlinkFile: '',
    Commit: '',
    Entropy: 3.6841838,
    Author: '',
    Email: '',
    Date: '',
    Message: '',
    Tags: [],
    Fingerprint: `${file}:aws-access-token:${line}`,
  };
}

describe('gitleaks --redact', () => {
  async function fingerprints(padding: number): Promise<{ prints: string[]; log: string }> {
    const root = await mkdtemp(join(tmpdir(), 'pw-gitleaks-'));
    await mkdir(join(root, 'config'));
    const lines = [...Array.from({ length: padding }, () => '// settings'), `const primary = '${KEYS[0]}';`, `const backup = '${KEYS[1]}';`];
    await writeFile(join(root, 'config', 'aws.js'), `${lines.join('\n')}\n`);
    const report = join(root, 'gitleaks.json');
    await writeFile(report, JSON.stringify([redactedLeak('config/aws.js', padding + 1, 18), redactedLeak('config/aws.js', padding + 2, 17)]));
    const { log } = await normalizeReport({ file: report, format: 'gitleaks', scanner: { id: 'gitleaks', version: '8.30.1', category: 'secrets' } }, { baseDir: root, srcRoot: root });
    for (const result of log.runs[0]!.results!) expect(result.properties?.[PROP.secretHash]).toBeUndefined();
    await identify(log, { srcRoot: root });
    return { prints: log.runs[0]!.results!.map((r) => r.partialFingerprints![FINGERPRINT_KEY]!), log: JSON.stringify(log) };
  }

  it('every Secret is "REDACTED": each leak is still told apart (by its line), and moving it keeps its identity', async () => {
    const before = await fingerprints(0);
    expect(new Set(before.prints).size).toBe(2);
    // Occurrence counters ("…:1") would tell two identical keys apart too: the digests themselves must differ.
    expect(new Set(before.prints.map((p) => p.split(':')[0])).size).toBe(2);
    const moved = await fingerprints(3);
    expect(moved.prints).toEqual(before.prints);
    for (const key of KEYS) expect(before.log).not.toContain(key);
  });
});
