export { jiraPlatform, jiraFlavor } from './platform.js';
export { jiraTracker } from './tracker.js';
export { jiraApi, withRetry, type JiraApi, type JiraFlavor, type JiraIssue, type RetryOptions } from './client.js';
export { adfSection, wikiSection, spliceAdf, spliceWiki, type AdfNode } from './render.js';
