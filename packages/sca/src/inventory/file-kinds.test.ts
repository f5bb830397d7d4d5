import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticBytes, staticPackages } from '../../../../test-support/static-imports.js';
import { FILE_MATCHERS, manifestKind } from './file-kinds.js';
import { MANIFEST_KINDS } from './kinds.js';
import { PARSERS } from './registry.js';

const dist = join(import.meta.dirname, '..', '..', 'dist');

describe('manifest kinds by file name (@pipewarden/sca/files)', () => {
  it('has one parser per kind, and a file-name rule for each', () => {
    expect(PARSERS.map((parser) => parser.kind)).toEqual([...MANIFEST_KINDS]);
    expect(Object.keys(FILE_MATCHERS)).toEqual([...MANIFEST_KINDS]);
  });

  it('names the format of a file, and none inside installed trees', () => {
    expect(manifestKind('svc/package-lock.json')).toBe('package-lock.json');
    expect(manifestKind('requirements/dev.txt')).toBe('requirements.txt');
    expect(manifestKind('constraints-dev.txt')).toBe('constraints.txt');
    expect(manifestKind('gradle/dependency-locks/compileClasspath.lockfile')).toBe('gradle.lockfile');
    expect(manifestKind('App.FSPROJ')).toBe('*.csproj');
    expect(manifestKind('public/js/jquery-3.4.1.min.js')).toBe('vendored-js');
    expect(manifestKind('src/app.js')).toBeUndefined();
    expect(manifestKind('node_modules/x/package.json')).toBeUndefined();
    expect(manifestKind('vendor/guzzlehttp/guzzle/composer.json')).toBeUndefined();
  });

  it('loads none of the parsers: no YAML, TOML or version library before a scan runs', () => {
    expect([...staticPackages(join(dist, 'files.js'))]).toEqual([]);
    // Nor the parsers themselves: a few KB, where the engine is about 150 KB.
    expect(staticBytes(join(dist, 'files.js'))).toBeLessThan(32 * 1024);
    expect(staticBytes(join(dist, 'index.js'))).toBeGreaterThan(100 * 1024);
    expect(staticPackages(join(dist, 'index.js'))).toContain('yaml');
  });
});
