import type { ManifestFile, Package } from '../../types.js';
import { canonicalName } from '../common/names.js';
import { baseName, dirOf, joinPath, makePackage, nameAtVersion, type ManifestParser, type ParseContext } from '../common/model.js';
import { lowestPep440, parseRequirement } from './pep508.js';

interface LogicalLine {
  text: string;
  line: number;
  /** the comment lines that follow it, for pip-compile's "# via" annotations */
  comments: string[];
}

/** Continuation lines joined, comments cut, each logical line with the physical line it starts on. */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let buffer = '';
  let start = 0;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    if (buffer === '' && /^\s*#/.test(raw)) {
      out[out.length - 1]?.comments.push(raw.trim());
      continue;
    }
    if (buffer === '') start = i + 1;
    const continued = /\\$/.test(raw);
    buffer += continued ? `${raw.slice(0, -1)} ` : raw;
    if (continued && i < physical.length - 1) continue;
    const cut = buffer.replace(/(^|\s)#.*$/, '').trim();
    if (cut !== '') out.push({ text: cut, line: start, comments: [] });
    buffer = '';
  }
  return out;
}

// pip options that change where packages come from or how, not which ones are installed
const IGNORED_OPTION = /^(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--no-index|--pre|--prefer-binary|--no-binary|--only-binary|--require-hashes|--use-feature|--no-deps|--upgrade-strategy|-Z|--always-unzip|--process-dependency-links)\b/;

export function requirementsScope(path: string): Package['scope'] {
  // requirements-dev.txt, dev-requirements.txt, requirements/test.txt: the file's own name says
  const words = baseName(path).toLowerCase().replace(/\.txt$/, '').split(/[^a-z]+/);
  if (words.some((w) => w === 'test' || w === 'tests' || w === 'testing')) return 'test';
  if (words.some((w) => ['dev', 'develop', 'development', 'lint', 'docs', 'ci', 'local', 'typing'].includes(w))) return 'dev';
  return 'runtime';
}

/** "# via a, b" or "# via\n#   a\n#   b" below a pip-compile pin: the packages that need it. */
function viaOf(comments: string[]): string[] | undefined {
  const first = comments.findIndex((c) => /^#\s+via\b/.test(c));
  if (first === -1) return undefined;
  const names: string[] = [];
  const inline = comments[first]?.replace(/^#\s+via\b/, '').trim() ?? '';
  if (inline) names.push(...inline.split(','));
  for (let i = first + 1; i < comments.length && /^#\s{3,}\S/.test(comments[i] ?? ''); i++) names.push(comments[i]?.slice(1) ?? '');
  return names.map((n) => n.trim()).filter(Boolean);
}

interface Pending {
  name: string;
  version: string;
  exact: boolean;
  declared: string;
  line: number;
  file: string;
  scope: Package['scope'];
  via?: string[];
}

function readRequirements(file: ManifestFile, ctx: ParseContext): Package[] {
  const pending: Pending[] = [];
  const constraints = new Map<string, string>();
  // an included file is a manifest read on its own too: its notes are made when it is
  const note = (current: ManifestFile, line: number, message: string): void => {
    if (current.path === file.path) ctx.note(`line ${line}: ${message}`);
  };
  const visit = (current: ManifestFile, scope: Package['scope'], seen: Set<string>, constraint: boolean): void => {
    seen.add(current.path);
    for (const l of logicalLines(current.text)) {
      const include = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)$/.exec(l.text);
      if (include) {
        const target = joinPath(dirOf(current.path), include[2] ?? '');
        const isConstraint = include[1] === '-c' || include[1] === '--constraint';
        const other = target === undefined ? undefined : ctx.files.get(target);
        if (!other) {
          note(current, l.line, `${include[2]} is not among the files scanned: not read`);
        } else if (!seen.has(other.path)) {
          const own = requirementsScope(other.path);
          visit(other, own === 'runtime' ? scope : own, seen, constraint || isConstraint);
        }
        continue;
      }
      if (/^(-e|--editable)\b/.test(l.text)) {
        note(current, l.line, 'editable install skipped (not a registry package)');
        continue;
      }
      if (l.text.startsWith('-')) {
        if (!IGNORED_OPTION.test(l.text)) note(current, l.line, `option "${l.text.split(/\s/)[0]}" not understood: skipped`);
        continue;
      }
      // per-requirement options such as --hash ride on the same line
      const spec = l.text.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/g, '').trim();
      const req = /^(?:[a-z+]+:\/\/|git\+|\.{0,2}\/|file:)/i.test(spec) ? undefined : parseRequirement(spec);
      if (!req || req.url) {
        note(current, l.line, `"${spec.slice(0, 80)}" is a URL, a path or a VCS reference, not a registry package: skipped`);
        continue;
      }
      const low = lowestPep440(req.specifier);
      if (constraint) {
        if (low.exact) constraints.set(canonicalName('PyPI', req.name), low.version);
        continue;
      }
      const via = viaOf(l.comments);
      pending.push({
        name: req.name,
        version: low.version,
        exact: low.exact,
        declared: spec.replace(/\s+/g, ' '),
        line: l.line,
        file: current.path,
        scope,
        ...(via && via.every((v) => !v.startsWith('-')) ? { via } : {}),
      });
    }
  };
  visit(file, requirementsScope(file.path), new Set(), false);
  const pinned = new Map(pending.map((p) => [canonicalName('PyPI', p.name), p]));
  return pending.map((p) => {
    const key = canonicalName('PyPI', p.name);
    const constrained = !p.exact ? constraints.get(key) : undefined;
    const version = constrained ?? p.version;
    const parent = p.via?.map((v) => pinned.get(canonicalName('PyPI', v))).find((x) => x !== undefined);
    const self = nameAtVersion(key, version);
    return makePackage({
      ecosystem: 'PyPI',
      name: p.name,
      version,
      direct: !p.via,
      scope: p.scope,
      location: { file: p.file, line: p.line },
      manifest: p.file,
      declared: p.declared,
      unresolved: !p.exact && !constrained,
      path: parent ? [nameAtVersion(canonicalName('PyPI', parent.name), parent.version), self] : [self],
      ...(parent && !parent.via ? { declaredAt: { file: parent.file, line: parent.line } } : {}),
    });
  });
}

export const requirementsTxt: ManifestParser = {
  kind: 'requirements.txt',
  ecosystem: 'PyPI',
  // a constraints file pins versions without asking for the packages: read only through -c
  parse: readRequirements,
};

/**
 * A pip constraints file asks for no package: it is read only through the `-c` of a
 * requirements file. It is a kind of its own so that it is among the files given.
 */
export const constraintsTxt: ManifestParser = {
  kind: 'constraints.txt',
  ecosystem: 'PyPI',
  incidental: true,
  parse: () => [],
};
