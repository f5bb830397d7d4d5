import type { ManifestFile, Package } from '../../types.js';
import { emitGraph, type Declaration, type GraphNode } from '../common/emit.js';
import type { Root } from '../common/graph.js';
import { gemfileDeclarations } from './gemfile-declared.js';
import { dirOf, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';

function readGemfileLock(file: ManifestFile, ctx: ParseContext): Package[] {
  const lines = file.text.split(/\r?\n/);
  const nodes = new Map<string, GraphNode>();
  const deps = new Map<string, string[]>();
  const direct: { name: string; line: number }[] = [];
  let section = '';
  let inSpecs = false;
  let current: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (/^[A-Z]/.test(l)) {
      section = l.trim();
      inSpecs = false;
      continue;
    }
    if (/^ {2}specs:\s*$/.test(l)) {
      inSpecs = true;
      continue;
    }
    if (section === 'DEPENDENCIES') {
      const m = /^ {2}([^\s!(]+)/.exec(l);
      if (m) direct.push({ name: m[1] ?? '', line: i + 1 });
      continue;
    }
    if (!inSpecs) continue;
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)\s*$/.exec(l);
    if (spec) {
      const name = spec[1] ?? '';
      current = name;
      // only gems from a rubygems source are registry packages; GIT and PATH gems are not
      if (section === 'GEM') {
        // "1.10.1-x86_64-linux": the platform is no part of the version
        const version = (spec[2] ?? '').replace(/-(?:x86|x64|arm|aarch|universal|java|jruby|mswin|mingw|darwin|linux|ruby)[^\s]*$/, '');
        if (!nodes.has(name)) nodes.set(name, { name, version, line: i + 1 });
      }
      continue;
    }
    const dep = /^ {6}([^\s(]+)/.exec(l);
    if (dep && current) deps.set(current, [...(deps.get(current) ?? []), dep[1] ?? '']);
  }
  if (nodes.size === 0 && direct.length === 0 && file.text.trim() !== '' && !/^GEM$/m.test(file.text)) {
    throw new ManifestError('not a Gemfile.lock (no GEM section)');
  }
  const edges = new Map([...deps].map(([id, ds]) => [id, ds.filter((d) => nodes.has(d))]));
  const dir = dirOf(file.path);
  const gemfileName = file.path.endsWith('gems.locked') ? 'gems.rb' : 'Gemfile';
  const gemfile = gemfileDeclarations(ctx.files.get(dir ? `${dir}/${gemfileName}` : gemfileName));
  const roots: Root[] = [];
  const declarations = new Map<string, Declaration | undefined>();
  for (const d of direct) {
    if (!nodes.has(d.name)) continue;
    const g = gemfile.get(d.name);
    roots.push({ node: d.name, scope: g?.scope ?? (gemfile.size ? 'runtime' : 'unknown') });
    declarations.set(d.name, {
      location: g ? { file: dir ? `${dir}/${gemfileName}` : gemfileName, line: g.line } : { file: file.path, line: d.line },
    });
  }
  return emitGraph({ file, ecosystem: 'RubyGems', nodes, edges, roots, declarations });
}

export const gemfileLock: ManifestParser = {
  kind: 'Gemfile.lock',
  ecosystem: 'RubyGems',
  parse: readGemfileLock,
};

