export { readGitlabContext, type GitlabJobContext } from './context.js';
export { postToGitlab, type GitlabPostInput, type GitlabPostResult } from './post.js';
export { upsertMergeRequestNote, noteMarker } from './note.js';
export { gitlabTracker } from './tracker.js';
export { makeClient, isForbidden } from './client.js';
