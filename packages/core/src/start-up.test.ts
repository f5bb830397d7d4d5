import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPackages } from '../../../test-support/static-imports.js';

// Every command (convert, merge, gate, report, a pre-commit scan) and the GitHub Action load core before anything
// else. The engines, YAML and the archive readers are loaded by the code that uses them (a scan that runs them, a
// config file, a pipeline definition changed, a tool installed): loading them with every command took about 0.2 s
// of a 0.5 s `convert` of an empty log. This list is what every run pays for; adding to it is a decision.
describe("core's start-up", () => {
  it('loads only zod, picomatch and the engines\' light entries before its code runs', () => {
    const loaded = [...staticPackages(join(import.meta.dirname, '..', 'dist', 'index.js'))].sort();
    expect(loaded).toEqual(['@pipewarden/sast/files', '@pipewarden/sca/files', 'picomatch', 'zod']);
  });
});
