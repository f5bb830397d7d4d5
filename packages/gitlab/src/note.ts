import type { GitlabClient } from './client.js';

export function noteMarker(key: string): string {
  return `<!-- pipewarden:note ${key.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`;
}

/**
 * One MR note per key, found by its hidden marker and edited in place; when two jobs race and both create
 * one, each keeps the oldest and deletes the others.
 */
export async function upsertMergeRequestNote(api: GitlabClient, projectId: string, iid: number, body: string, key: string): Promise<{ id: number; action: 'created' | 'updated' | 'unchanged' }> {
  const marker = noteMarker(key);
  const text = `${body.trimEnd()}\n\n${marker}\n`;
  const find = async () =>
    ((await api.MergeRequestNotes.all(projectId, iid, { perPage: 100 })) as unknown as { id: number; body: string; system?: boolean }[])
      .filter((n) => !n.system && (n.body ?? '').includes(marker))
      .sort((a, b) => a.id - b.id);
  let mine = await find();
  let action: 'created' | 'updated' | 'unchanged' = 'unchanged';
  if (!mine.length) {
    await api.MergeRequestNotes.create(projectId, iid, text);
    action = 'created';
    mine = await find();
  }
  const [keep, ...extra] = mine;
  if (!keep) throw new Error('the note was created but cannot be found again');
  if (keep.body !== text) {
    await api.MergeRequestNotes.edit(projectId, iid, keep.id, { body: text });
    if (action === 'unchanged') action = 'updated';
  }
  for (const note of extra) await api.MergeRequestNotes.remove(projectId, iid, note.id).catch(() => undefined);
  return { id: keep.id, action };
}
