export const CLI_REFERENCE: RegExp;
export const ACTION_REFERENCE: RegExp;
export function filesNamingVersions(root?: string): string[];
export function syncVersions(root: string, files: readonly string[], version: string): string[];
