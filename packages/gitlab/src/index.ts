export { readGitlabContext, type GitlabJobContext } from './context.js';
export { gitlabPlatform, describeGitlabError } from './platform.js';
export { upsertMergeRequestNote, noteMarker } from './note.js';
export { gitlabTracker } from './tracker.js';
export { makeClient, isForbidden } from './client.js';
export { gitlabReview, ApprovalRuleRefused } from './review.js';
