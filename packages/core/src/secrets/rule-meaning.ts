import { categoryOf, ruleOf } from '../finding.js';
import { PROP, prop, type ReportingDescriptor, type Result, type Run } from '../sarif/types.js';

/** Hard-coded credentials (798), password (259), cryptographic key (321). */
const SECRET_CWES = /^CWE-(?:798|259|321)$/i;

/**
 * The hardcoded-secret checks of tools that are not secret scanners, by rule id or name: their messages
 * often quote the value (Bandit's "Possible hardcoded password: 'Hunter2'").
 */
const SECRET_RULES: readonly RegExp[] = [
  /^B10[567]$/, // Bandit: hardcoded_password_string, _funcarg, _default
  /^G101$/, // gosec: potential hardcoded credentials
  /(?:^|[:.])S(?:2068|6418|6437)$/, // SonarQube: hard-coded passwords, secrets, credentials
  /^CKV_SECRET_\d+$/, // Checkov's secrets checks
  /hard[-_ ]?code[ds]?[-_ ]?(?:[a-z]+[-_ ])?(?:password|passwd|secret|credential|key|token)/i, // CodeQL js/hardcoded-credentials, Semgrep …hardcoded-jwt-secret, Bandit's names
  /(?:^|\/)no-secrets$/, // eslint-plugin-no-secrets
  /(?:^|\.)secrets\./, // Semgrep's generic.secrets.…
  /(?:^|[./])detected-[\w-]*(?:token|key|secret|password|credential)/i, // Semgrep's detected-aws-access-key-id-value, …
];

const SECRET_TAG = /^secrets?$|^hard[-_ ]?coded[-_ ]?(?:credentials?|passwords?|secrets?)$|(?:^|\/)cwe-(?:798|259|321)$/i;

/** CWE ids a rule or result names, in the spellings tools use (`CWE-798`, `external/cwe/cwe-798`, `CWE:798`). */
function cwesIn(values: readonly unknown[]): string[] {
  const found: string[] = [];
  for (const value of values) {
    const match = typeof value === 'string' ? /CWE[-_:/ ]?(\d+)/i.exec(value) : null;
    if (match) found.push(`CWE-${match[1]}`);
  }
  return found;
}

// Rules are asked about once per result: the answer is kept per rule object, until its properties change
// (a scanner's annotate replaces them with tags and CWE ids of its own).
const ruleAnswers = new WeakMap<ReportingDescriptor, { properties: unknown; answer: boolean }>();

function namesSecret(name: string | undefined): boolean {
  return typeof name === 'string' && SECRET_RULES.some((pattern) => pattern.test(name));
}

/** Whether a rule is about a hardcoded secret: by its id or name, a `secret` tag, or CWE-798/259/321. */
export function isSecretRule(rule: ReportingDescriptor | undefined, ruleId?: string): boolean {
  if (ruleId !== undefined && ruleId !== rule?.id && namesSecret(ruleId)) return true;
  if (!rule) return false;
  const known = ruleAnswers.get(rule);
  if (known && known.properties === rule.properties) return known.answer;
  const tags = (rule.properties?.tags ?? []) as unknown[];
  const answer =
    namesSecret(rule.id) ||
    namesSecret(rule.name) ||
    tags.some((tag) => typeof tag === 'string' && SECRET_TAG.test(tag)) ||
    cwesIn([...(prop(rule.properties, PROP.cwe) ?? []), ...tags]).some((cwe) => SECRET_CWES.test(cwe));
  ruleAnswers.set(rule, { properties: rule.properties, answer });
  return answer;
}

/**
 * Whether a result is about a secret value: a secrets finding (its category, or its tool), or a finding of
 * a rule about hardcoded secrets (isSecretRule, or the result's own tags and CWE ids). A dependency or image
 * vulnerability whose weakness is CWE-798 is about a package, not about a value here, and is not one.
 */
export function isAboutSecret(run: Run, result: Result): boolean {
  // Asked up to four times per result (redaction, screening, identity): kept per rule (byPlainRule).
  return byPlainRule(run, result, 0, answer);
}

/** The questions byPlainRule keeps answers to: isAboutSecret, and the screening's "tagged secret". */
export type RuleQuestion = 0 | 1;

interface PlainAnswers {
  /** Weakly: a run kept here would keep all its results alive after the command is done with them. */
  run: WeakRef<Run>;
  /** What the answers were made from: a change to any of them makes them again. */
  runProperties: unknown;
  category: unknown;
  tool: string;
  rules: readonly ReportingDescriptor[] | undefined;
  length: number;
  byId: Map<string, { rule: ReportingDescriptor | undefined; properties: unknown; answers: (boolean | undefined)[] }>;
}

let plain: PlainAnswers | undefined;

/**
 * A question about a result that, when the result names its rule by id alone and carries no properties of its
 * own (most results), depends only on its run and its rule: answered once per run and rule id. Any other
 * result is asked directly.
 */
export function byPlainRule(run: Run, result: Result, question: RuleQuestion, ask: (run: Run, result: Result) => boolean): boolean {
  if (result.properties !== undefined || result.ruleIndex !== undefined || result.rule !== undefined || typeof result.ruleId !== 'string') return ask(run, result);
  const rules = run.tool.driver.rules;
  const category = run.properties?.[PROP.category];
  if (!plain || plain.run.deref() !== run || plain.runProperties !== run.properties || plain.category !== category || plain.tool !== run.tool.driver.name || plain.rules !== rules || plain.length !== (rules?.length ?? 0)) {
    plain = { run: new WeakRef(run), runProperties: run.properties, category, tool: run.tool.driver.name, rules, length: rules?.length ?? 0, byId: new Map() };
  }
  let known = plain.byId.get(result.ruleId);
  if (!known || known.properties !== known.rule?.properties) {
    const rule = ruleOf(run, result);
    plain.byId.set(result.ruleId, (known = { rule, properties: rule?.properties, answers: [] }));
  }
  return (known.answers[question] ??= ask(run, result));
}

function answer(run: Run, result: Result): boolean {
  if (categoryOf(run, result) === 'secrets') return true;
  const props = result.properties;
  if (props?.[PROP.package] !== undefined || props?.[PROP.image] !== undefined) return false;
  if (isSecretRule(ruleOf(run, result), result.ruleId ?? result.rule?.id)) return true;
  // No bag, no tags nor CWE ids of its own (most results): nothing more to read, no arrays to make.
  if (!props) return false;
  const tags = (props?.tags ?? []) as unknown[];
  if (tags.some((tag) => typeof tag === 'string' && SECRET_TAG.test(tag))) return true;
  return cwesIn([...(prop(props, PROP.cwe) ?? []), ...(prop(props, PROP.ids) ?? []), ...tags]).some((cwe) => SECRET_CWES.test(cwe));
}
