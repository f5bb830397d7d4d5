import type { Document, LineCounter, Node } from 'yaml';
import { linesMatching } from './lines.js';
import { touchedLines, type ChangedFile, type ChangeSignal } from './signal.js';

/** Pipeline definitions of the CI/CD systems we know, by path. */
const CI_PATHS: readonly RegExp[] = [
  /^\.github\/workflows\/[^/]+\.ya?ml$/,
  /(^|\/)action\.ya?ml$/,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /^\.gitlab\/ci\/.+\.ya?ml$/,
  /(^|\/)Jenkinsfile([._-][^/]*)?$/,
  /\.jenkinsfile$/i,
  /(^|\/)\.circleci\/config\.ya?ml$/,
  /(^|\/)azure-pipelines\.ya?ml$/,
  /(^|\/)bitbucket-pipelines\.ya?ml$/,
  /(^|\/)\.buildkite\/.+\.ya?ml$/,
];

export const isCiDefinition = (path: string) => CI_PATHS.some((p) => p.test(path));
const isGithubWorkflow = (path: string) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
const isJenkinsfile = (path: string) => /(^|\/)Jenkinsfile([._-][^/]*)?$|\.jenkinsfile$/i.test(path);

/**
 * Triggers that run a workflow with a write token and the repository's secrets on input an outsider controls:
 * pull_request_target and workflow_run check out or read a fork's work with the base's privileges; comments
 * and issues run on anyone's text.
 */
const PRIVILEGED_TRIGGERS: Readonly<Record<string, string>> = {
  pull_request_target: 'runs with a write token and the secrets on events from forks',
  workflow_run: 'runs with a write token and the secrets after workflows a fork can start',
  issue_comment: 'anyone who can comment starts it, with the repository\'s token and secrets',
  issues: 'anyone who can open an issue starts it, with the repository\'s token and secrets',
  discussion_comment: 'anyone who can comment starts it, with the repository\'s token and secrets',
};

function triggersOf(workflow: unknown): Set<string> {
  const on = (workflow as { on?: unknown; true?: unknown } | undefined)?.on ?? (workflow as { true?: unknown } | undefined)?.true;
  if (typeof on === 'string') return new Set([on]);
  if (Array.isArray(on)) return new Set(on.map(String));
  if (on && typeof on === 'object') return new Set(Object.keys(on));
  return new Set();
}

type Permissions = 'write-all' | 'read-all' | Record<string, string> | undefined;

/** permissions blocks by where they are: "" for the workflow, "jobs.<id>" per job. */
function permissionsOf(workflow: unknown): Map<string, Permissions> {
  const out = new Map<string, Permissions>();
  const w = (workflow ?? {}) as { permissions?: Permissions; jobs?: Record<string, { permissions?: Permissions } | null> };
  if (w.permissions !== undefined) out.set('', w.permissions);
  for (const [id, job] of Object.entries(w.jobs ?? {})) if (job && job.permissions !== undefined) out.set(`jobs.${id}`, job.permissions);
  return out;
}

/** The scopes given write access: every scope for write-all. */
function writeScopes(permissions: Permissions): Set<string> {
  if (permissions === 'write-all') return new Set(['*']);
  if (!permissions || typeof permissions !== 'object') return new Set();
  return new Set(Object.entries(permissions).filter(([, v]) => v === 'write').map(([k]) => k));
}

type Yaml = typeof import('yaml');
/** The YAML library, loaded when a pipeline definition changed: every other command starts without it. */
const loadYaml = (): Promise<Yaml> => import('yaml');

/** The line of a key (`permissions:`), where the reader looks for it. */
function lineOfPath({ isMap, isScalar }: Yaml, doc: Document, counter: LineCounter, path: string[]): number | undefined {
  const parent = (path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents) as Node | undefined;
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path.at(-1)) : undefined;
  const range = (pair?.key as Node | undefined)?.range;
  return range ? counter.linePos(range[0]).line : undefined;
}

function parseLoose({ parse }: Yaml, text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch {
    return undefined;
  }
}

/** New privileged triggers, broadened permissions and secrets put straight into `run:` scripts. */
export async function workflowSignals(file: ChangedFile): Promise<ChangeSignal[]> {
  if (file.head === undefined) return [];
  const yaml = await loadYaml();
  const counter = new yaml.LineCounter();
  const doc = yaml.parseDocument(file.head, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length) return [];
  const head = doc.toJS() as unknown;
  const base = parseLoose(yaml, file.base);
  const signals: ChangeSignal[] = [];
  const had = triggersOf(base);
  for (const trigger of triggersOf(head)) {
    const why = PRIVILEGED_TRIGGERS[trigger];
    if (!why || had.has(trigger)) continue;
    const lines = linesMatching(file.head, new RegExp(`(^|[\\s\\[,{-])${trigger}\\s*(:|,|\\]|$)`));
    signals.push({ kind: 'ci-trigger', file: file.path, lines: lines.length ? lines : touchedLines(file), detail: `adds the ${trigger} trigger: it ${why}` });
  }
  const before = permissionsOf(base);
  const baseSet = base !== undefined;
  for (const [where, permissions] of permissionsOf(head)) {
    const wasWrite = writeScopes(before.get(where));
    const added = [...writeScopes(permissions)].filter((scope) => !wasWrite.has(scope) && !wasWrite.has('*'));
    if (!added.length) continue;
    const path = where ? [...where.split('.'), 'permissions'] : ['permissions'];
    const line = lineOfPath(yaml, doc, counter, path);
    const at = where ? `job ${where.slice(5)}` : 'the workflow';
    const what = added.includes('*') ? 'permissions: write-all' : `write access to ${added.join(', ')}`;
    signals.push({ kind: 'ci-permissions', file: file.path, lines: line ? [line] : touchedLines(file), detail: `gives ${at} ${what}${baseSet ? '' : ' (a new workflow)'}` });
  }
  // A workflow-wide block removed: the jobs fall back to the repository's default token, often read-write.
  if (before.has('') && !permissionsOf(head).has('')) {
    signals.push({ kind: 'ci-permissions', file: file.path, lines: touchedLines(file), detail: 'removes the workflow\'s permissions block: its jobs get the repository\'s default token, often read-write' });
  }
  signals.push(...secretsInRun(yaml, doc, counter, file));
  return signals;
}

/** `${{ secrets.X }}` written into a run: script on an added line: the value lands in the shell's command line and in any log of it. */
function secretsInRun({ isPair, isScalar, visit }: Yaml, doc: Document, counter: LineCounter, file: ChangedFile): ChangeSignal[] {
  const lines = new Set<number>();
  const text = file.head ?? '';
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'run' || !isScalar(pair.value) || !pair.value.range) return;
      const start = counter.linePos(pair.value.range[0]).line;
      const end = counter.linePos(pair.value.range[1]).line;
      const all = text.split('\n');
      for (let line = start; line <= end; line++) {
        if (file.added.has(line) && /\$\{\{[^}]*\bsecrets\./.test(all[line - 1] ?? '')) lines.add(line);
      }
    },
  });
  if (!lines.size) return [];
  return [{ kind: 'ci-secrets', file: file.path, lines: [...lines], detail: 'puts secrets straight into a run: script, where the shell and its logs see the value (pass them through env: instead)' }];
}

/** Jenkins credentials bound on added lines. */
function jenkinsSignals(file: ChangedFile): ChangeSignal[] {
  const all = (file.head ?? '').split('\n');
  const lines = [...file.added].filter((n) => /\bwithCredentials\b|\bcredentials\s*\(/.test(all[n - 1] ?? ''));
  return lines.length ? [{ kind: 'ci-secrets', file: file.path, lines, detail: 'binds Jenkins credentials in the pipeline' }] : [];
}

/** Every change to a pipeline definition, and what in it widens what the pipeline may do. */
export async function ciSignals(file: ChangedFile): Promise<ChangeSignal[]> {
  if (!isCiDefinition(file.path)) return [];
  const verb = file.base === undefined ? 'adds' : file.head === undefined ? 'removes' : 'changes';
  const signals: ChangeSignal[] = [{ kind: 'ci-definition', file: file.path, lines: touchedLines(file), detail: `${verb} a pipeline definition` }];
  if (isGithubWorkflow(file.path)) signals.push(...(await workflowSignals(file)));
  else if (isJenkinsfile(file.path)) signals.push(...jenkinsSignals(file));
  return signals;
}
