export { makeOctokit, isForbidden, statusOf, type Octokit } from './client.js';
export { readGithubContext, githubBuildInfo, githubTicketsTarget, type GithubContext } from './context.js';
export { githubTracker } from './tracker.js';
export { upsertStickyComment, commentMarker, type CommentTarget } from './comment.js';
export { uploadSarif, type UploadResult } from './upload.js';
export { annotationsFor, ANNOTATIONS_PER_LEVEL, type Annotation } from './annotations.js';
export { githubPlatform, githubIssuesPlatform, describeGithubError, type GithubPlatformOptions } from './platform.js';
export { githubReview } from './review.js';
