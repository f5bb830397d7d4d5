import { parse } from 'smol-toml';
import type { ManifestFile } from '../../types.js';
import { escapeRegExp } from './lines.js';
import { ManifestError, oneLine } from './model.js';

export function parseToml(file: ManifestFile): Record<string, unknown> {
  try {
    return parse(file.text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    throw new ManifestError(`not valid TOML (${oneLine(error)})`, { cause: error });
  }
}

/**
 * Where things sit in a TOML text, by lines: enough to point a finding at a table or a
 * key without a full-fidelity parser.
 */
export class TomlLines {
  readonly lines: string[];

  constructor(text: string) {
    this.lines = text.split(/\r?\n/);
  }

  /** Line ranges [start, end) of the tables with this header (`[a.b]` or `[[a]]`). */
  tables(header: string): [number, number][] {
    const out: [number, number][] = [];
    const want = header.replace(/\s+/g, '');
    for (let i = 0; i < this.lines.length; i++) {
      const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(this.lines[i] ?? '');
      if (!m || (m[1] ?? '').replace(/\s+|"/g, '') !== want.replace(/"/g, '')) continue;
      let end = i + 1;
      while (end < this.lines.length && !/^\s*\[/.test(this.lines[end] ?? '')) end++;
      out.push([i, end]);
    }
    return out;
  }

  /** 1-based line of `key = …` inside the first table with this header ('' is the root table). */
  keyLine(header: string, key: string): number | undefined {
    const ranges = header === '' ? [[0, this.firstHeader()] as [number, number]] : this.tables(header);
    const pattern = new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*=`, 'i');
    for (const [start, end] of ranges) {
      for (let i = start; i < end; i++) if (pattern.test(this.lines[i] ?? '')) return i + 1;
    }
    return undefined;
  }

  /** 1-based line of the first line of the table (or after its header) containing `needle`. */
  lineContaining(header: string, needle: string): number | undefined {
    for (const [start, end] of this.tables(header)) {
      for (let i = start; i < end; i++) if ((this.lines[i] ?? '').includes(needle)) return i + 1;
    }
    return undefined;
  }

  headerLine(header: string): number | undefined {
    const first = this.tables(header)[0];
    return first ? first[0] + 1 : undefined;
  }

  /**
   * For array-of-tables lockfiles (`[[package]]` with `name = "…"`, `version = "…"`): the
   * line of each entry's header, by "name@version".
   */
  entryLines(header: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const [start, end] of this.tables(header)) {
      let name: string | undefined;
      let version = '';
      for (let i = start + 1; i < end; i++) {
        const m = /^\s*(name|version)\s*=\s*"([^"]*)"/.exec(this.lines[i] ?? '');
        if (m?.[1] === 'name') name = m[2];
        else if (m?.[1] === 'version') version = m[2] ?? '';
      }
      if (name !== undefined && !out.has(`${name}@${version}`)) out.set(`${name}@${version}`, start + 1);
      if (name !== undefined && !out.has(name)) out.set(name, start + 1);
    }
    return out;
  }

  private firstHeader(): number {
    const i = this.lines.findIndex((l) => /^\s*\[/.test(l));
    return i === -1 ? this.lines.length : i;
  }
}
