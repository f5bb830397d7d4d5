import { posix } from 'node:path';
import type { RuleSpec } from '../rules/schema.js';
import { addStep } from '../taint/facts.js';
import type { TaintFinding } from '../taint/types.js';
import type { Candidate, Place, RouteFacts } from './collect.js';

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

/** Related locations an app's finding lists: past this many, the message says how many more there are. */
export const MAX_PLACES = 50;
/** Routes named in the message. */
const NAMED = 3;

function finding(rule: RuleSpec, candidate: Candidate, facts: RouteFacts): TaintFinding {
  const origin = { type: 'source' as const, id: `r${candidate.span.start}`, kind: 'route', label: candidate.what, file: candidate.file, span: candidate.span, text: candidate.text };
  let trail = facts.uses && !candidate.always ? addStep(undefined, { file: facts.uses.file, span: facts.uses.span, message: `the app keeps users in cookies: \`${facts.uses.text.slice(0, 80)}\`` }) : undefined;
  trail = addStep(trail, { file: candidate.file, span: candidate.span, message: `${candidate.label}` });
  return { ruleId: rule.id, file: candidate.file, sink: { file: candidate.file, span: candidate.span, callee: candidate.callee, label: candidate.label }, origin, trail, weak: false };
}

/** "its 143 state-changing routes (`POST '/a'`, `PUT '/b'`, `DELETE '/c'` and 140 more…)", for the message's {source}. */
function summaryOf(routes: readonly Candidate[]): string {
  const n = routes.length;
  if (n === 1) return `its state-changing route ${routes[0]!.name}`;
  const named = routes.slice(0, NAMED).map((r) => r.name);
  const list = n <= NAMED ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : `${named.join(', ')} and ${n - NAMED} more`;
  const listed = n > MAX_PLACES ? `; the related locations list the first ${MAX_PLACES}, ${n - MAX_PLACES} more are left out` : '';
  return `its ${n} state-changing routes (${list}${listed})`;
}

/**
 * One finding for all the unprotected routes of an app: they share one cause and one fix (a CSRF protection for
 * the whole app), so a finding each is noise. It is where the app is created, else at its first route.
 */
function appFinding(rule: RuleSpec, root: string, routes: readonly Candidate[], created: Place | undefined, uses: Place | undefined): TaintFinding {
  const first = routes[0]!;
  const at: Place = created ?? first;
  const origin = { type: 'source' as const, id: `app:${root}`, kind: 'route', label: summaryOf(routes), file: at.file, span: at.span, text: root };
  let trail = uses ? addStep(undefined, { file: uses.file, span: uses.span, message: `the app keeps users in cookies: \`${uses.text.slice(0, 80)}\`` }) : undefined;
  trail = addStep(trail, { file: first.file, span: first.span, message: `${first.what}: ${first.label}` });
  const places = routes.slice(0, MAX_PLACES).map((r) => ({ file: r.file, span: r.span, message: `${r.what}: ${r.label}` }));
  const start = created ? `the app is created here: \`${created.text.slice(0, 80)}\`` : first.what;
  return {
    ruleId: rule.id,
    file: at.file,
    sink: { file: at.file, span: at.span, callee: created ? created.text : first.callee, label: first.label },
    origin,
    trail,
    weak: false,
    app: { root, places, more: Math.max(0, routes.length - MAX_PLACES), start },
  };
}

const byPlace = (a: Place, b: Place): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.span.start - b.span.start);

/** Findings of the route rules, given every file's facts and every file of the scan (for the project files). */
export function routeFindings(rules: readonly RuleSpec[], perFile: readonly RouteFacts[][], files: readonly string[]): TaintFinding[] {
  const projectDirs = projectDirsOf(files);
  const out: TaintFinding[] = [];
  for (const rule of rules) {
    if (rule.mode !== 'route') continue;
    const apps = new Map<string, RouteFacts[]>();
    for (const facts of perFile.flat()) {
      if (facts.rule !== rule.id) continue;
      const file = facts.candidates[0]?.file ?? facts.uses?.file ?? facts.protection?.file ?? facts.created?.file;
      if (!file) continue;
      const root = appRootOf(file, projectDirs);
      apps.set(root, [...(apps.get(root) ?? []), facts]);
    }
    for (const [root, list] of apps) {
      if (list.some((f) => f.protection)) continue;
      const uses = rule.app!.uses.length === 0 ? { rule: rule.id, candidates: [] } : list.find((f) => f.uses);
      // References and settings (csrf_exempt) are each a decision of their own: a finding each.
      const routes: Candidate[] = [];
      for (const facts of list) {
        for (const candidate of facts.candidates) {
          if (candidate.always) out.push(finding(rule, candidate, { ...facts, uses: uses?.uses }));
          else if (uses) routes.push(candidate);
        }
      }
      if (!routes.length) continue;
      // The creation in a file that registers routes (server.ts, not a test's own express()), else the first.
      const creations = list.flatMap((f) => (f.created ? [f.created] : [])).sort(byPlace);
      const created = creations.find((c) => routes.some((r) => r.file === c.file)) ?? creations[0];
      out.push(appFinding(rule, root, routes.sort(byPlace), created, uses?.uses));
    }
  }
  return out;
}
