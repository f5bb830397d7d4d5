import { posix } from 'node:path';
import type { RuleSpec } from '../rules/schema.js';
import { addStep } from '../taint/facts.js';
import type { TaintFinding } from '../taint/types.js';
import type { Candidate, RouteFacts } from './collect.js';

// The app-wide half of route rules: the files of one app are joined, and each candidate is a finding when the
// app keeps users in cookies (or the candidate does not depend on that) and nothing turns the protection on.

/** Files that make a folder a project of its own: an app's files are those under the nearest one. */
const PROJECT_FILES = new Set(['package.json', 'pyproject.toml', 'requirements.txt', 'setup.py', 'setup.cfg', 'manage.py', 'composer.json', 'pom.xml', 'build.gradle', 'Pipfile']);

/** The folder of the app a file belongs to: the nearest folder above it holding a project file, else its own. */
export function appRootOf(file: string, projectDirs: ReadonlySet<string>): string {
  let dir = posix.dirname(file);
  const own = dir;
  for (;;) {
    if (projectDirs.has(dir)) return dir;
    if (dir === '.' || dir === '/' || dir === '') return own;
    dir = posix.dirname(dir);
  }
}

export function projectDirsOf(files: Iterable<string>): Set<string> {
  const dirs = new Set<string>();
  for (const file of files) if (PROJECT_FILES.has(posix.basename(file))) dirs.add(posix.dirname(file));
  return dirs;
}

function finding(rule: RuleSpec, candidate: Candidate, facts: RouteFacts): TaintFinding {
  const origin = { type: 'source' as const, id: `r${candidate.span.start}`, kind: 'route', label: candidate.what, file: candidate.file, span: candidate.span, text: candidate.text };
  let trail = facts.uses && !candidate.always ? addStep(undefined, { file: facts.uses.file, span: facts.uses.span, message: `the app keeps users in cookies: \`${facts.uses.text.slice(0, 80)}\`` }) : undefined;
  trail = addStep(trail, { file: candidate.file, span: candidate.span, message: `${candidate.label}` });
  return { ruleId: rule.id, file: candidate.file, sink: { file: candidate.file, span: candidate.span, callee: candidate.callee, label: candidate.label }, origin, trail, weak: false };
}

/** Findings of the route rules, given every file's facts and every file of the scan (for the project files). */
export function routeFindings(rules: readonly RuleSpec[], perFile: readonly RouteFacts[][], files: readonly string[]): TaintFinding[] {
  const projectDirs = projectDirsOf(files);
  const out: TaintFinding[] = [];
  for (const rule of rules) {
    if (rule.mode !== 'route') continue;
    const apps = new Map<string, RouteFacts[]>();
    for (const facts of perFile.flat()) {
      if (facts.rule !== rule.id) continue;
      const file = facts.candidates[0]?.file ?? facts.uses?.file ?? facts.protection?.file;
      if (!file) continue;
      const root = appRootOf(file, projectDirs);
      apps.set(root, [...(apps.get(root) ?? []), facts]);
    }
    for (const list of apps.values()) {
      if (list.some((f) => f.protection)) continue;
      const uses = rule.app!.uses.length === 0 ? { rule: rule.id, candidates: [] } : list.find((f) => f.uses);
      for (const facts of list) {
        for (const candidate of facts.candidates) if (candidate.always || uses) out.push(finding(rule, candidate, { ...facts, uses: uses?.uses }));
      }
    }
  }
  return out;
}
