import { ejs } from './ejs/adapter.js';
import { java } from './java/adapter.js';
import { jinja } from './jinja/adapter.js';
import { jsp } from './jsp/adapter.js';
import { javascript } from './javascript/adapter.js';
import { python } from './python/adapter.js';
import { php } from './php/adapter.js';
import type { LanguageAdapter } from './types.js';

// One line per language adapter.
export const ADAPTERS: readonly LanguageAdapter[] = [javascript, ejs, java, jsp, php, python, jinja];

/** The adapter and grammar for a file, or undefined when no adapter reads it. */
export function adapterFor(file: string, adapters: readonly LanguageAdapter[] = ADAPTERS) {
  for (const adapter of adapters) {
    const grammar = adapter.grammarFor(file);
    if (grammar) return { adapter, grammar };
  }
  return undefined;
}
