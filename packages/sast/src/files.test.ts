import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPackages } from '../../../test-support/static-imports.js';
import { readsFile } from './files.js';
import { adapterFor } from './lang/registry.js';

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
  });

  it('loads none of the engine: no tree-sitter, rules or schemas before a scan runs', () => {
    expect([...staticPackages(join(dist, 'files.js'))]).toEqual([]);
    // The whole engine does load them: the check above sees imports at all.
    expect(staticPackages(join(dist, 'index.js'))).toContain('web-tree-sitter');
  });
});
