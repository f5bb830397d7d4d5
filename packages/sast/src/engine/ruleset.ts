import { BUILTIN_RULE_FILES } from '../rules/builtin.js';
import { classBits, compileRules, type CompiledRules } from '../rules/compile.js';
import { loadRules, RuleError, type RuleFile, type RuleSet } from '../rules/load.js';
import type { RuleSpec } from '../rules/schema.js';

export interface RuleOptions {
  /** Rule files of the user's (`sast.rules`): added to the built-in ones; a rule with a built-in id replaces it. */
  rules?: readonly RuleFile[] | undefined;
  /** Rule ids turned off (`sast.disable`). */
  disable?: readonly string[] | undefined;
}

/** The rules in force: built in plus the user's, minus the disabled; every problem at once as a RuleError. */
export function ruleSetOf(options: RuleOptions): RuleSet {
  const builtin = loadRules(BUILTIN_RULE_FILES);
  const extra = loadRules(options.rules ?? []);
  const byId = new Map<string, RuleSpec>(builtin.rules.map((r) => [r.id, r]));
  for (const rule of extra.rules) byId.set(rule.id, rule);
  const known = new Set(byId.keys());
  const unknown = (options.disable ?? []).filter((id) => !known.has(id));
  if (unknown.length) throw new RuleError(unknown.map((id) => `sast.disable: no rule "${id}"`));
  for (const id of options.disable ?? []) byId.delete(id);
  return { rules: [...byId.values()], models: [...builtin.models, ...extra.models] };
}

/**
 * Compiled per language, each with its own class bits (facts never cross languages, and 30 bits would not hold
 * every language's classes together); the same rule set gives the same bits in every thread.
 */
export function compileRuleSet(set: RuleSet): Map<string, CompiledRules> {
  const languages = new Set(set.rules.map((r) => r.language));
  return new Map([...languages].map((language) => [language, compileRules(language, set.rules, set.models, classBits(set.rules.filter((r) => r.language === language)))]));
}
