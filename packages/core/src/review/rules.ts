import picomatch from 'picomatch';
import type { ChangeKind, HighRiskConfig, HighRiskRule } from './config.js';
import { rangesOf, type LineRange } from './lines.js';
import { touchedLines, type ChangedFile, type ChangeSignal } from './signal.js';

/** One reason a change needs a security reviewer: which rule, which file and lines, and why. */
export interface HighRiskReason {
  rule: string;
  /** The kind of change, or "path" when a rule matched by its paths alone. */
  kind: ChangeKind | 'path';
  file: string;
  lines: LineRange[];
  /** What the change does: "adds the pull_request_target trigger: it runs with a write token…". */
  detail: string;
  /** Why the rule asks for a reviewer. */
  explanation: string;
  builtIn: boolean;
}

/** The built-in rules: each kind of change, with why a reviewer should look. */
export const BUILT_IN_RULES: readonly (HighRiskRule & { name: string; explanation: string })[] = [
  { name: 'security-sensitive code', change: ['security-code'], explanation: 'Code that authenticates, keeps sessions, encrypts, checks access, validates input or deserializes is where one mistake exposes every user.' },
  {
    name: 'security-named code',
    paths: ['**/auth/**', '**/*auth*.*', '**/login*', '**/session*/**', '**/session*.*', '**/crypto/**', '**/security/**', '**/permission*/**', '**/acl/**', '**/*password*.*'],
    explanation: 'Its path says it handles authentication, sessions, crypto or permissions.',
  },
  { name: 'CI/CD privileges', change: ['ci-trigger', 'ci-permissions', 'ci-secrets'], explanation: 'The pipeline holds the deploy credentials and the repository token: what starts it and what it may write decides who can ship code.' },
  { name: 'CI/CD definition', change: ['ci-definition'], explanation: 'The pipeline builds, tests and ships the product with the repository\'s credentials.' },
  { name: 'infrastructure as code', change: ['iac'], explanation: 'It changes what is exposed, who may reach it and with which privileges, in every environment it is applied to.' },
  { name: 'container build', change: ['dockerfile'], explanation: 'It changes the base image, the packages and the user every container runs with.' },
  { name: 'code ownership', change: ['codeowners'], explanation: 'CODEOWNERS decides who must approve changes: changing it changes the review itself.' },
  { name: 'dependencies', change: ['new-dependency', 'major-upgrade', 'dependency-source', 'new-registry'], explanation: 'Third-party code runs with the product\'s privileges; the supply chain is where attackers now come in.' },
];

const kindsOf = (rule: HighRiskRule): ChangeKind[] | undefined => (rule.change === undefined ? undefined : Array.isArray(rule.change) ? rule.change : [rule.change]);

function nameOf(rule: HighRiskRule): string {
  return rule.name ?? [rule.paths?.join(', '), kindsOf(rule)?.join(', ')].filter(Boolean).join(' · ');
}

/** The reasons the rules give for the signals and the changed files; one per rule, file and finding in words. */
export function applyRules(config: HighRiskConfig, signals: readonly ChangeSignal[], files: readonly ChangedFile[]): HighRiskReason[] {
  const rules = [...(config.defaults ? BUILT_IN_RULES.map((r) => ({ ...r, builtIn: true })) : []), ...(config.rules ?? []).map((r) => ({ ...r, builtIn: false }))];
  const reasons = new Map<string, HighRiskReason>();
  const add = (reason: HighRiskReason) => {
    const key = `${reason.rule}\0${reason.file}\0${reason.detail}`;
    if (!reasons.has(key)) reasons.set(key, reason);
  };
  for (const rule of rules) {
    const matchPath = rule.paths ? picomatch(rule.paths, { dot: true, nocase: true }) : () => true;
    const kinds = kindsOf(rule);
    const explanation = rule.explanation ?? (kinds ? `A change of kind ${kinds.join(', ')}.` : 'A path your policy marks as high-risk.');
    if (kinds) {
      for (const s of signals) if (kinds.includes(s.kind) && matchPath(s.file)) add({ rule: nameOf(rule), kind: s.kind, file: s.file, lines: rangesOf(s.lines), detail: s.detail, explanation, builtIn: rule.builtIn });
      continue;
    }
    for (const file of files) {
      if (!matchPath(file.path)) continue;
      // The built-in path rule says less than the code's own tags: it speaks only where they are silent.
      if (rule.builtIn && signals.some((s) => s.file === file.path && s.kind === 'security-code')) continue;
      add({ rule: nameOf(rule), kind: 'path', file: file.path, lines: rangesOf(touchedLines(file)), detail: file.base === undefined ? 'a new file' : file.head === undefined ? 'removed' : 'changed', explanation, builtIn: rule.builtIn });
    }
  }
  // A pipeline file whose privileges changed is said once, by the more specific reason.
  const specific = new Set([...reasons.values()].filter((r) => r.kind.startsWith('ci-') && r.kind !== 'ci-definition').map((r) => r.file));
  return [...reasons.values()].filter((r) => !(r.builtIn && r.kind === 'ci-definition' && specific.has(r.file))).sort((a, b) => a.file.localeCompare(b.file) || (a.lines[0]?.[0] ?? 0) - (b.lines[0]?.[0] ?? 0));
}
