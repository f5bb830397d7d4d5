import { describe, expect, it } from 'vitest';
import { fixtureFiles, lineOf } from './fixtures.js';
import { manifestKind, readInventory } from './index.js';
import { VENDORED_LIBRARIES } from './vendored-libraries.js';

describe('vendored JavaScript libraries', () => {
  const files = fixtureFiles('vendored');

  it('takes library-named, minified and vendor-folder .js files, never node_modules', () => {
    expect(manifestKind('public/js/jquery-3.4.1.min.js')).toBe('vendored-js');
    expect(manifestKind('src/lodash.js')).toBe('vendored-js');
    expect(manifestKind('web/static/app.js')).toBe('vendored-js');
    expect(manifestKind('src/server.js')).toBeUndefined();
    expect(manifestKind('node_modules/jquery/dist/jquery.min.js')).toBeUndefined();
  });

  it('recognises libraries by banner or version constant, as npm packages located in the file', () => {
    const { packages, manifests, problems } = readInventory(files);
    expect(problems).toEqual([]);
    const found = packages.map((p) => `${p.location.file} ${p.name}@${p.version}`).sort();
    expect(found).toEqual([
      'public/js/jquery-3.4.1.min.js jquery@3.4.1',
      'public/js/others.js backbone@1.1.2',
      'public/js/others.js dompurify@2.0.8',
      'public/js/others.js ember-source@3.1.0',
      'public/js/others.js handlebars@4.0.11',
      'public/js/others.js knockout@3.4.2',
      'public/js/others.js react-dom@16.4.1',
      'public/js/others.js underscore@1.8.3',
      'public/js/others.js vue@2.5.16',
      'public/js/vendor.js jquery-ui@1.12.1',
      'public/js/vendor.js jquery@1.12.4',
      'public/js/vendor.js moment@2.19.1',
      'src/lodash.js lodash@4.17.4',
      'static/vendor/angular.js angular@1.6.0',
      'static/vendor/angular.min.js angular@1.5.8',
      'static/vendor/bootstrap.min.js bootstrap@3.3.7',
      'static/vendor/lodash.min.js lodash@4.17.4',
      'static/vendor/underscore-min.js underscore@1.13.4',
    ].sort());
    // a file that carries no library is no manifest of the run
    expect(manifests.some((m) => m.file === 'public/js/app.js')).toBe(false);
    expect(manifests).toContainEqual({ file: 'public/js/others.js', kind: 'vendored-js', packages: 8 });
    const jquery = packages.find((p) => p.name === 'jquery' && p.version === '3.4.1');
    expect(jquery).toMatchObject({
      ecosystem: 'npm',
      purl: 'pkg:npm/jquery@3.4.1',
      vendored: true,
      direct: true,
      scope: 'runtime',
      location: { file: 'public/js/jquery-3.4.1.min.js', line: 1 },
      manifest: 'public/js/jquery-3.4.1.min.js',
    });
    const moment = packages.find((p) => p.name === 'moment')!;
    expect(moment.location.line).toBe(lineOf(files.find((f) => f.path === 'public/js/vendor.js')!.text, '//! moment.js'));
    const lodashMin = packages.find((p) => p.location.file === 'static/vendor/lodash.min.js')!;
    expect(lodashMin.location.line).toBeGreaterThan(200);
  });

  it('keeps every pattern in one table, each naming an npm package', () => {
    const names = VENDORED_LIBRARIES.map((l) => l.npm);
    expect(new Set(names).size).toBe(names.length);
    for (const lib of VENDORED_LIBRARIES) expect(lib.banners.length).toBeGreaterThan(0);
  });
});
