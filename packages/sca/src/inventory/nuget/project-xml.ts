import type { Location, ManifestFile, Package } from '../../types.js';
import { ManifestError } from '../common/model.js';
import { parseXml, type XmlElement } from '../maven/xml.js';

export interface NugetReference {
  name: string;
  /** the version or range as written ("" when the project leaves it to central management) */
  spec: string;
  scope: Package['scope'];
  location: Location;
}

/** Attributes of a start tag, read from the text at the element's line (the XML reader keeps none). */
function attributes(lines: string[], element: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  // a start tag may run over several lines: read from its line until it closes
  let tag = '';
  for (let i = element.line - 1; i < lines.length && !tag.includes('>'); i++) tag += ` ${lines[i] ?? ''}`;
  const start = tag.indexOf(`<${element.name}`);
  const body = tag.slice(start, tag.indexOf('>', start) + 1);
  for (const m of body.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? '');
  return out;
}

function walk(element: XmlElement, visit: (e: XmlElement) => void): void {
  visit(element);
  for (const c of element.children) walk(c, visit);
}

/**
 * The package references of an MSBuild project or props file (`PackageReference`,
 * `PackageVersion` for central package management) and of a legacy packages.config (`package`).
 */
export function nugetReferences(file: ManifestFile, elementNames: readonly string[]): NugetReference[] {
  let root: XmlElement;
  try {
    root = parseXml(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (error instanceof ManifestError) throw new ManifestError(`not valid XML (${error.message})`, { cause: error });
    throw error;
  }
  const lines = file.text.split(/\r?\n/);
  // MSBuild properties of the same file, for versions written as $(Name)
  const properties = new Map<string, string>();
  walk(root, (e) => {
    if (e.name === 'PropertyGroup') for (const p of e.children) properties.set(p.name.toLowerCase(), p.text.trim());
  });
  const expand = (value: string): string => value.replace(/\$\(([\w.-]+)\)/g, (all, name: string) => properties.get(name.toLowerCase()) ?? all);
  const out: NugetReference[] = [];
  walk(root, (e) => {
    if (!elementNames.includes(e.name)) return;
    const attrs = attributes(lines, e);
    const name = attrs.get('include') ?? attrs.get('id') ?? attrs.get('update');
    if (!name) return;
    const child = e.children.find((c) => c.name === 'Version');
    const spec = expand(attrs.get('versionoverride') ?? attrs.get('version') ?? child?.text.trim() ?? '');
    const assets = (attrs.get('privateassets') ?? e.children.find((c) => c.name === 'PrivateAssets')?.text ?? '').toLowerCase();
    out.push({
      name,
      spec,
      // analyzers and build tools marked PrivateAssets="all" do not ship with the application
      scope: attrs.get('developmentdependency') === 'true' || assets.trim() === 'all' ? 'dev' : 'runtime',
      location: { file: file.path, line: e.line },
    });
  });
  return out;
}

/** NuGet's range syntax: "1.2.3" (at least, as NuGet resolves it, the lowest), "[1.2.3]", "[1.0,2.0)". */
export function lowestNuget(spec: string): { version: string; exact: boolean } {
  const s = spec.trim();
  const exact = /^\[\s*([^,\]]+)\s*\]$/.exec(s);
  if (exact) return { version: exact[1] ?? '', exact: true };
  const range = /^([[(])\s*([^,]*?)\s*,/.exec(s);
  if (range) return { version: range[1] === '[' ? (range[2] ?? '') : '', exact: false };
  if (/^\d[\w.-]*$/.test(s)) return { version: s, exact: !s.includes('*') };
  return { version: '', exact: false };
}
