import type { LanguageAdapter } from './types.js';

/** What every template adapter shares: no modules of its own, no methods to model (its data comes from render calls). */
export const TEMPLATE_BASE = {
  kind: 'template',
  resolveModule: (spec: string) => ({ package: [spec] }),
  mutators: new Set<string>(),
  elementCallbacks: new Set<string>(),
  stringMethods: new Set<string>(),
  cleanMembers: new Set<string>(),
  lookups: /^$/,
} satisfies Partial<LanguageAdapter>;
