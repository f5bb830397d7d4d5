import type { ReportingDescriptor, Result } from './types.js';

// What the SARIF reader puts right in every log it reads (formats/sarif), shared with a streamed convert
// (pipeline/convert-batch.ts, convert-stream.ts), which does the same to each result and run as it comes.

/** Where each rule id is listed in a tool's rules (the last of an id listed twice, as the reader takes it). */
export function ruleIndexById(rules: readonly ReportingDescriptor[]): Map<string, number> {
  return new Map(rules.map((rule, i) => [rule.id, i]));
}

/**
 * Points a result's rule index (and its rule reference's) at its rule, found by id, when it points at another
 * rule or at none. A rule found through an extension (rule.toolComponent) is the extension's business.
 * Returns the result's rule id when its tool does not list it (the reader then adds the rule), else undefined.
 */
export function pointAtRule(result: Result, rules: readonly ReportingDescriptor[], index: ReadonlyMap<string, number>): string | undefined {
  const id = result.ruleId ?? result.rule?.id;
  if (id === undefined || result.rule?.toolComponent) return undefined;
  const at = index.get(id);
  if (at === undefined) return id;
  if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== id) result.ruleIndex = at;
  if (result.rule?.index !== undefined && rules[result.rule.index]?.id !== id) result.rule.index = at;
  return undefined;
}

/** A run's newline sequences named twice kept once: a repair that changes no meaning, made before the check. */
export function dedupeNewlineSequences(run: Record<string, unknown>): void {
  if (Array.isArray(run.newlineSequences)) run.newlineSequences = [...new Set(run.newlineSequences)];
}
