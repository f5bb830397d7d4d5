import type { SensitiveTag } from '@pipewarden/sast';
import { readsFile } from '@pipewarden/sast/files';
import type { ChangedFile, ChangeSignal } from './signal.js';

/**
 * Changed lines inside code the SAST engine tags as security-sensitive from what it calls (authentication,
 * sessions, crypto, access checks, input validation, deserialization): one signal per function and kind.
 */
export async function codeSignals(files: readonly ChangedFile[], grammarsDir?: string): Promise<ChangeSignal[]> {
  const sources = files.filter((f) => f.head !== undefined && readsFile(f.path)).map((f) => ({ path: f.path, text: f.head! }));
  if (!sources.length) return [];
  const { tagSensitiveCode } = await import('@pipewarden/sast');
  const byPath = new Map(files.map((f) => [f.path, f]));
  // One signal per function: bcrypt.compare is authentication and crypto, said in one reason.
  const byFunction = new Map<string, SensitiveTag[]>();
  for (const tag of await tagSensitiveCode(sources, { grammarsDir })) {
    const key = `${tag.file}\0${tag.startLine}\0${tag.endLine}`;
    byFunction.set(key, [...(byFunction.get(key) ?? []), tag]);
  }
  const signals: ChangeSignal[] = [];
  for (const tags of byFunction.values()) {
    const tag = tags[0]!;
    const file = byPath.get(tag.file)!;
    const lines = [...file.added].filter((n) => n >= tag.startLine && n <= tag.endLine);
    // Removed lines count too: deleting a check is as much a change as adding one.
    const removedIn = file.added.size === 0 && file.hunks.some(([a, b]) => a <= tag.endLine && b >= tag.startLine);
    if (!lines.length && !removedIn) continue;
    const where = tag.function ? `${tag.function}()` : `line ${tag.startLine}`;
    const kinds = tags.map((t) => t.kind).join(', ');
    const evidence = [...new Set(tags.map((t) => t.evidence))].join(', ');
    signals.push({ kind: 'security-code', file: tag.file, lines: lines.length ? lines : [tag.startLine], detail: `${where} ${evidence} (${kinds}): ${tag.why}` });
  }
  return signals;
}
