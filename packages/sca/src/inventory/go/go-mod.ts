import type { ManifestFile, Package } from '../../types.js';
import { makePackage, ManifestError, type ManifestParser, type ParseContext } from '../common/model.js';

interface Requirement {
  module: string;
  version: string;
  indirect: boolean;
  line: number;
}

interface Replacement {
  /** only this version of the module is replaced, when given */
  oldVersion?: string;
  module?: string;
  version?: string;
  /** replaced by a folder on disk */
  local?: string;
}

function unquote(token: string): string {
  return token.replace(/^["`]|["`]$/g, '');
}

/** The directives of a go.mod, single-line and block form, with their lines. */
function directives(text: string): { verb: string; args: string[]; comment: string; line: number }[] {
  const out: { verb: string; args: string[]; comment: string; line: number }[] = [];
  let block: string | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const cut = raw.indexOf('//');
    const code = (cut === -1 ? raw : raw.slice(0, cut)).trim();
    const comment = cut === -1 ? '' : raw.slice(cut + 2).trim();
    if (code === '') continue;
    if (block !== undefined) {
      if (code === ')') block = undefined;
      else out.push({ verb: block, args: code.split(/\s+/).map(unquote), comment, line: i + 1 });
      continue;
    }
    const m = /^(\w+)\s*(.*)$/.exec(code);
    if (!m) throw new ManifestError(`line ${i + 1}: not a go.mod directive`);
    const verb = m[1] ?? '';
    const rest = (m[2] ?? '').trim();
    if (rest === '(') block = verb;
    else out.push({ verb, args: rest.split(/\s+/).filter(Boolean).map(unquote), comment, line: i + 1 });
  }
  if (block !== undefined) throw new ManifestError(`the ${block} block is not closed`);
  return out;
}

function readGoMod(file: ManifestFile, ctx: ParseContext): Package[] {
  const requires: Requirement[] = [];
  const replaces = new Map<string, Replacement[]>();
  for (const d of directives(file.text)) {
    if (d.verb === 'require' && d.args.length >= 2) {
      requires.push({ module: d.args[0] ?? '', version: d.args[1] ?? '', indirect: /\bindirect\b/.test(d.comment), line: d.line });
    } else if (d.verb === 'replace') {
      const arrow = d.args.indexOf('=>');
      if (arrow < 1) continue;
      const [old, oldVersion] = d.args.slice(0, arrow);
      const [target, version] = d.args.slice(arrow + 1);
      if (!old || !target) continue;
      const r: Replacement = /^(?:\.{1,2}\/|\/)/.test(target) || !version ? { local: target } : { module: target, version };
      if (oldVersion) r.oldVersion = oldVersion;
      replaces.set(old, [...(replaces.get(old) ?? []), r]);
    }
  }
  const out: Package[] = [];
  for (const req of requires) {
    const candidates = replaces.get(req.module) ?? [];
    const replacement = candidates.find((r) => r.oldVersion === req.version) ?? candidates.find((r) => !r.oldVersion);
    if (replacement?.local) {
      ctx.note(`line ${req.line}: ${req.module} is replaced by the folder ${replacement.local}: skipped`);
      continue;
    }
    // the build uses the replacement, so that is what advisories must be matched against
    const module = replacement?.module ?? req.module;
    const version = replacement?.version ?? req.version;
    out.push(
      makePackage({
        ecosystem: 'Go',
        name: module,
        version,
        direct: !req.indirect,
        scope: 'runtime',
        location: { file: file.path, line: req.line },
        manifest: file.path,
        ...(replacement ? { declared: `${req.module} ${req.version} => ${module} ${version}` } : {}),
      }),
    );
  }
  return out;
}

export const goMod: ManifestParser = {
  kind: 'go.mod',
  ecosystem: 'Go',
  parse: readGoMod,
};
