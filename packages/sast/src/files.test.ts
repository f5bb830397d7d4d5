import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticBytes, staticPackages } from '../../../test-support/static-imports.js';
import { readsFile } from './files.js';
import { GRAMMAR_FOR } from './lang/grammar-for.js';
import { ADAPTERS, adapterFor } from './lang/registry.js';

const dist = join(import.meta.dirname, '..', 'dist');

describe('@pipewarden/sast/files', () => {
  it('reads exactly the files some language adapter reads', () => {
    const names = [
      'a.js', 'a.jsx', 'a.mjs', 'a.cjs', 'a.ts', 'a.mts', 'a.cts', 'a.tsx', 'a.d.ts', 'a.d.mts', 'A.JS', 'a.ejs', 'a.java', 'a.jsp', 'a.jspf', 'a.php',
      'a.phtml', 'a.php5', 'a.inc', 'a.py', 'a.pyw', 'a.twig', 'a.txt.twig', 'a.j2', 'a.jinja', 'a.jinja2', 'templates/a.html', 'app/templates/x/a.svg',
      'a.html', 'static/a.html', 'a.rb', 'a.go', 'a.json', 'Makefile', 'src/templates', 'a.js.map', 'a.pyc', 'templates/a.css',
    ];
    for (const name of names) expect(readsFile(name), name).toBe(adapterFor(name) !== undefined);
    expect(names.filter(readsFile).length).toBeGreaterThan(20);
    // Every adapter decides by the light table, and the table holds no language without an adapter: a new adapter
    // with a grammarFor of its own would read files readsFile says no to.
    expect(new Set(ADAPTERS.map((adapter) => adapter.grammarFor))).toEqual(new Set(Object.values(GRAMMAR_FOR)));
  });

  it('loads none of the engine: no tree-sitter, rules or schemas before a scan runs', () => {
    expect([...staticPackages(join(dist, 'files.js'))]).toEqual([]);
    // Nor the engine's own code (languages, rules): a few KB, where the engine is about half a megabyte.
    expect(staticBytes(join(dist, 'files.js'))).toBeLessThan(16 * 1024);
    expect(staticBytes(join(dist, 'index.js'))).toBeGreaterThan(256 * 1024);
    // The whole engine does load them: the check above sees imports at all.
    expect(staticPackages(join(dist, 'index.js'))).toContain('web-tree-sitter');
  });
});
