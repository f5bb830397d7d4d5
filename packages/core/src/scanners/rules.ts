import type { Log, ReportingDescriptor } from '../sarif/types.js';
import type { ExitMeaning } from './types.js';

/** The common convention: 0 nothing found, 1 something found, anything else the tool failed. */
export function zeroOneExit(code: number): ExitMeaning {
  return code === 0 ? 'clean' : code === 1 ? 'findings' : 'error';
}

/** Adds tags and a security-severity to every rule the tool wrote, where `describe` knows the rule. */
export function annotateRules(log: Log, describe: (rule: ReportingDescriptor) => { severity: string; tags: readonly string[] } | undefined): void {
  for (const run of log.runs) {
    for (const rule of run.tool.driver.rules ?? []) {
      const known = describe(rule);
      if (!known) continue;
      const tags = new Set([...(rule.properties?.tags ?? []), ...known.tags]);
      rule.properties = { ...rule.properties, tags: [...tags], 'security-severity': known.severity };
    }
  }
}
