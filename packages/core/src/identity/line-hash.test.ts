import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedDir, sharedNotice } from '../../../../test-support/shared.js';
import { lineHashesOf, lineHashesOfFile } from './line-hash.js';

interface RefResult {
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string; index?: number }; region?: { startLine?: number } } }[];
  partialFingerprints?: Record<string, string>;
}
interface RefLog {
  runs: { artifacts?: { location?: { uri?: string } }[]; results: RefResult[] }[];
}

const dir = join(sharedDir, 'fingerprints');

describe.skipIf(!hasShared)("GitHub's primaryLocationLineHash on codeql-action's reference data", () => {
  sharedNotice('the GitHub fingerprint reference cases');
  for (const name of ['fingerprinting', 'fingerprinting2']) {
    it(`${name}: every expected hash is reproduced`, async () => {
      // Raw U+2028/U+2029 in these files are data: parse them as they are.
      const input = JSON.parse(await readFile(join(dir, `${name}.input.sarif`), 'utf8')) as RefLog;
      const expected = JSON.parse(await readFile(join(dir, `${name}.expected.sarif`), 'utf8')) as RefLog;
      let compared = 0;
      for (const [r, run] of input.runs.entries()) {
        for (const [i, result] of run.results.entries()) {
          const physical = result.locations?.[0]?.physicalLocation;
          const uri = physical?.artifactLocation?.uri ?? run.artifacts?.[physical?.artifactLocation?.index ?? -1]?.location?.uri;
          const line = physical?.region?.startLine;
          const want = expected.runs[r]!.results[i]!.partialFingerprints?.primaryLocationLineHash;
          if (!uri || !line) {
            expect(want).toBeUndefined();
            continue;
          }
          const hashes = await lineHashesOfFile(join(dir, uri));
          expect(hashes?.get(line)).toBe(want);
          compared++;
        }
      }
      if (name === 'fingerprinting') expect(compared).toBe(2);
    });
  }
});

describe('line hashes', () => {
  it('ignore indentation and line-end style, count repeats, and differ for different code', () => {
    const a = lineHashesOf('var a = 0;\nvar b = 0;\n');
    const b = lineHashesOf('  var a = 0;\r\n\tvar b = 0;\r\n');
    expect(b.get(1)).toBe(a.get(1));
    // Lines whose next 100 characters are the same share a hash and are told apart by occurrence.
    const repeated = lineHashesOf('y\n'.repeat(300));
    const [hash, occurrence] = repeated.get(2)!.split(':');
    expect(repeated.get(1)).toBe(`${hash}:1`);
    expect(occurrence).toBe('2');
    expect(lineHashesOf('eval(a);\n').get(1)).not.toBe(lineHashesOf('eval(b);\n').get(1));
  });
});
