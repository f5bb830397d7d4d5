// Test helper (not exported): runs a format over every real report of its corpus folder.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusFiles, hasShared, sharedNotice } from '../../../../test-support/shared.js';
import { validateSarif } from '../../../../test-support/sarif-schema.js';
import { readReport } from './registry.js';

export interface CorpusSuite {
  folder: string;
  format: string;
  /** Which files of the folder are this format (others in the folder are other formats). */
  include?: (name: string) => boolean;
  /** Counts findings from the native file, written independently of the parser under test. */
  count: (text: string, name: string) => number;
  /** Files that can only be read with --format (a tool's empty output): the format is named for them. */
  explicitFormat?: (text: string, name: string) => boolean;
  /** Secret values present in the native file, which must not appear in the output. */
  secrets?: (text: string) => string[];
}

export function corpusSuite(suite: CorpusSuite): void {
  sharedNotice(`the ${suite.format} corpus tests`);
  describe.skipIf(!hasShared)(`${suite.format} on ../shared/corpus/${suite.folder}`, () => {
    const files = corpusFiles(suite.folder).filter((file) => !suite.include || suite.include(basename(file)));
    it('has reports to read', () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
      it(`${basename(file)}: detected, schema-valid, one result per finding`, async () => {
        const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
        const expected = suite.count(text, basename(file));
        const { log, format } = await readReport(file, suite.explicitFormat?.(text, basename(file)) ? suite.format : undefined);
        if (format !== 'empty') expect(format).toBe(suite.format);
        expect(validateSarif(log).errors).toEqual([]);
        const results = log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0);
        expect(results).toBe(expected);
        const output = JSON.stringify(log);
        for (const secret of suite.secrets?.(text) ?? []) expect(output).not.toContain(secret);
      });
    }
  });
}
