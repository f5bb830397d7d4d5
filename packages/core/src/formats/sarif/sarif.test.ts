import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusFiles, hasShared, sharedNotice } from '../../../../../test-support/shared.js';
import { validateSarif } from '../../../../../test-support/sarif-schema.js';
import { InputError } from '../../errors.js';
import { readReport } from '../registry.js';
import { sarif } from './index.js';

const json = (data: unknown) => ({ kind: 'json' as const, data });

sharedNotice('the SARIF corpus tests');

// The corpus holds logs written by real tools; some break the schema in ways a consumer (GitHub's upload, for
// one) would reject. A slip with one reading is repaired and named in a warning; anything else is refused with
// the reason, never passed on.
const INVALID: Record<string, RegExp> = {
  'blackduck_nested_fingerprints.sarif': /fingerprints\.csvRowSha256: must be a string/,
};
const REPAIRED: Record<string, RegExp[]> = {
  // The example of the SARIF specification's appendix K.3 says "artifact" for "artifacts".
  'appendix_k3.sarif': [/^run 0 has an unknown property "artifact" \(did you mean "artifacts"\?\); moved it into the run's properties$/],
};

describe.skipIf(!hasShared)('sarif format on the real corpus', () => {
  const files = corpusFiles('sarif', '.sarif');

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(18);
  });

  for (const file of files) {
    const name = basename(file);
    const what = INVALID[name] ? 'is refused with the reason' : REPAIRED[name] ? 'is repaired, with a warning, into schema-valid SARIF with every result kept' : 'is read into schema-valid SARIF with every result kept';
    it(`${name}: ${what}`, async () => {
      if (INVALID[name]) {
        const error = await readReport(file).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).file).toBe(file);
        expect((error as InputError).message).toMatch(INVALID[name]!);
        return;
      }
      const original = JSON.parse(await readFile(file, 'utf8')) as { runs?: { results?: unknown[] }[] };
      const { log, format, warnings } = await readReport(file);
      expect(format).toBe('sarif');
      expect(warnings.length).toBe(REPAIRED[name]?.length ?? 0);
      for (const [i, pattern] of (REPAIRED[name] ?? []).entries()) expect(warnings[i]).toMatch(pattern);
      const check = validateSarif(log);
      expect(check.errors).toEqual([]);
      const count = (runs: { results?: unknown[] | null }[] | null | undefined) => (runs ?? []).reduce((n, run) => n + (run.results?.length ?? 0), 0);
      expect(count(log.runs)).toBe(count(original.runs));
    });
  }
});

describe('sarif format', () => {
  it('claims SARIF 2.1.0 with certainty and other SARIF versions so it can name the version', () => {
    expect(sarif.detect({ document: json({ version: '2.1.0', runs: [] }), file: 'x' })).toBe(1);
    expect(sarif.detect({ document: json({ version: '2.0.0', $schema: 'http://json.schemastore.org/sarif-2.0.0', runs: [] }), file: 'x' })).toBeGreaterThan(0.5);
    expect(sarif.detect({ document: json({ comments: [] }), file: 'x' })).toBe(0);
    expect(() => sarif.parse(json({ version: '2.0.0', runs: [] }), { file: 'old.sarif' })).toThrow(/version: must be "2\.1\.0"/);
  });

  it('drops duplicate newline sequences, a harmless slip, instead of refusing the log', () => {
    const log = sarif.parse(json({ version: '2.1.0', runs: [{ tool: { driver: { name: 't' } }, newlineSequences: ['\n', '\r\n', '\n'], results: [] }] }), { file: 'x' });
    expect(log.runs[0]!.newlineSequences).toEqual(['\n', '\r\n']);
  });

  it('fills in rules that results name but the tool did not describe, and fixes stray rule indexes', () => {
    const log = sarif.parse(
      json({ version: '2.1.0', runs: [{ tool: { driver: { name: 't', rules: [{ id: 'A' }] } }, results: [{ ruleId: 'B', ruleIndex: 0, message: { text: 'm' } }, { ruleId: 'A', message: { text: 'm' } }] }] }),
      { file: 'x' },
    );
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((r) => r.id)).toEqual(['A', 'B']);
    expect(run.results![0]!.ruleIndex).toBe(1);
  });

  it('reads testdata/one-slip-per-result.input.sarif with one warning per slip, naming the result and the repair', async () => {
    const file = fileURLToPath(new URL('./testdata/one-slip-per-result.input.sarif', import.meta.url));
    const { warnings } = await readReport(file);
    expect(warnings).toEqual([
      "run 0 result 1 has no message; used the rule's short description",
      'run 0 result 2 has an unknown property "severity"; moved it into the result\'s properties',
      'run 0 result 2 has baselineState "existing" (a value of the SARIF 2.0 drafts); read it as "unchanged"',
    ]);
  });

  it('names the path of every kind of problem', () => {
    expect(() => sarif.parse(json({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: {} }] }] }), { file: 'bad.sarif' })).toThrow(
      /runs\[0\]\.tool\.driver\.name: .*; runs\[0\]\.results\[0\]\.message: a message needs "text" or "id"/,
    );
  });
});
