import { parseDocument } from 'yaml';
import type { ManifestFile } from '../../types.js';
import { readLockYaml } from './lock-yaml.js';
import { ManifestError, oneLine } from './model.js';

/**
 * Lines of the block-mapping keys at the top two levels of a YAML text (lockfiles keep
 * their entries there), keyed "<top>" and "<top>\0<key>" with quotes removed.
 */
export function yamlKeyLines(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split('\n');
  let top: string | undefined;
  let childIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const m = /^( *)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"-][^\n]*?|-[^\s][^\n]*?):(?:\s|$)/.exec(lines[i] ?? '');
    if (!m) continue;
    const indent = (m[1] ?? '').length;
    const key = unquote(m[2] ?? '');
    if (indent === 0) {
      top = key;
      childIndent = undefined;
      if (!out.has(key)) out.set(key, i + 1);
    } else if (top !== undefined) {
      childIndent ??= indent;
      if (indent !== childIndent) continue;
      const path = `${top}\u0000${key}`;
      if (!out.has(path)) out.set(path, i + 1);
    }
  }
  return out;
}

export function unquote(s: string): string {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s) as string;
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/** YAML as plain data; aliases are capped so that a "billion laughs" file cannot blow up. */
export function parseYaml(file: ManifestFile): unknown {
  const doc = parseDocument(file.text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new ManifestError(`not valid YAML (${oneLine(error)})`, { cause: error });
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new ManifestError(`not valid YAML (${oneLine(cause)})`, { cause });
  }
}

/** A lockfile's data and the lines of its top two levels: the fast reader first, the full parser when it declines. */
export function parseLockfileYaml(file: ManifestFile): { data: unknown; lines: Map<string, number> } {
  const fast = readLockYaml(file.text);
  if (fast) return fast;
  return { data: parseYaml(file), lines: yamlKeyLines(file.text) };
}
