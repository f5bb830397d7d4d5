export function requireBanner(alias?: string): { js: string };
