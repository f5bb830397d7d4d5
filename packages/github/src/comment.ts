import type { Octokit } from './client.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  issue_number: number;
}

export function commentMarker(key: string): string {
  return `<!-- pipewarden:comment ${key.replace(/[^A-Za-z0-9._/-]/g, '_')} -->`;
}

/**
 * One sticky comment per PR and key: found by its hidden marker and updated in place. When two runs race
 * and both create one, each then keeps the oldest and deletes the others, so one remains either way.
 */
export async function upsertStickyComment(octokit: Octokit, target: CommentTarget, body: string, key: string): Promise<{ id: number; action: 'created' | 'updated' | 'unchanged' }> {
  const marker = commentMarker(key);
  const text = `${body.trimEnd()}\n\n${marker}\n`;
  const find = async () =>
    (await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 100 }))
      .filter((c) => (c.body ?? '').includes(marker))
      .sort((a, b) => a.id - b.id);
  let mine = await find();
  let action: 'created' | 'updated' | 'unchanged' = 'unchanged';
  if (!mine.length) {
    await octokit.rest.issues.createComment({ ...target, body: text });
    action = 'created';
    mine = await find();
  }
  const [keep, ...extra] = mine;
  if (!keep) throw new Error('the comment was created but cannot be found again');
  if (keep.body !== text) {
    await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: keep.id, body: text });
    if (action === 'unchanged') action = 'updated';
  }
  for (const comment of extra) {
    await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: comment.id }).catch((error: unknown) => {
      // Deleted by the other run already.
      if ((error as { status?: number }).status !== 404) throw error;
    });
  }
  return { id: keep.id, action };
}
