import { InputError } from '../../errors.js';
import { checkSarifLog } from '../../sarif/validate.js';
import { dedupeNewlineSequences, pointAtRule, ruleIndexById } from '../../sarif/rule-index.js';
import { repairSarif } from './repair.js';
import type { Log, Run } from '../../sarif/types.js';
import type { InputFormat } from '../types.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Many tools name rules in results without describing them in tool.driver.rules, or write a ruleIndex
 * that points nowhere: the rules are filled in from the results, so every consumer finds them.
 */
function fillRules(run: Run): void {
  const rules = (run.tool.driver.rules ??= []);
  const index = ruleIndexById(rules);
  for (const result of run.results ?? []) {
    const unlisted = pointAtRule(result, rules, index);
    if (unlisted === undefined) continue;
    index.set(unlisted, rules.length);
    rules.push({ id: unlisted, shortDescription: { text: unlisted } });
    pointAtRule(result, rules, index);
  }
}

/**
 * A valid log is taken as it is (the repairs cost nothing then). A log the check refuses is repaired where a slip
 * has one reading (see repair.ts) and checked again; each repair is told to warn, and what is still wrong is refused.
 */
function checkOrRepair(data: unknown, file: string, warn: ((message: string) => void) | undefined): Log {
  try {
    return checkSarifLog(data, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const repairs = repairSarif(data);
    if (!repairs.length) throw error;
    let log: Log;
    try {
      log = checkSarifLog(data, file);
    } catch {
      // Still wrong after the repairs: refused with every problem as the file has it, not as half-repaired.
      throw error;
    }
    for (const repair of repairs) warn?.(repair);
    return log;
  }
}

export const sarif: InputFormat = {
  id: 'sarif',
  title: 'SARIF 2.1.0',
  producedBy: 'ESLint, secretlint, CodeQL, Semgrep, Trivy, Checkov, njsscan, SpotBugs and most other analyzers',
  detect({ document }) {
    if (document.kind !== 'json') return 0;
    const data = document.data;
    if (!isObject(data)) return 0;
    const schema = typeof data.$schema === 'string' ? data.$schema.toLowerCase() : '';
    if (data.version === '2.1.0' && (Array.isArray(data.runs) || data.runs === null)) return 1;
    // A SARIF log of another version still is SARIF: claim it so parse can say which version it is.
    if (schema.includes('sarif') || (typeof data.version === 'string' && Array.isArray(data.runs))) return 0.9;
    return 0;
  },
  parse(document, { file, warn }): Log {
    if (document.kind !== 'json') throw new InputError(`is ${document.kind === 'xml' ? 'XML' : 'JSON Lines'}, not a SARIF log`, { file });
    const data = document.data;
    // Repairs that change no meaning; anything else that is off is reported, not guessed at.
    if (isObject(data) && Array.isArray(data.runs)) {
      for (const run of data.runs) {
        if (!isObject(run)) continue;
        dedupeNewlineSequences(run);
        if (run.results === null) delete run.results;
      }
    }
    if (isObject(data) && data.runs === null) data.runs = [];
    const log = checkOrRepair(data, file, warn);
    for (const run of log.runs) fillRules(run);
    return log;
  },
};
