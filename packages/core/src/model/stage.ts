/** The pipeline stages a scan runs in, from the developer's machine to production. */
export const STAGES = ['precommit', 'commit', 'acceptance', 'production'] as const;
export type Stage = (typeof STAGES)[number];
