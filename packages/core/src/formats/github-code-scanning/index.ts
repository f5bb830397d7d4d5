import { PROP } from '../../sarif/props.js';
import type { PropertyBag, Run } from '../../sarif/types.js';
import type { InputDocument, InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, levelOf, logOf, missing, read, scoreOf, type Level } from '../toolkit.js';

type Obj = Record<string, unknown>;

const TITLE = 'GitHub code scanning alerts';

/**
 * The alert lists as users have them: the REST answer (one array), `gh api --paginate` (pages written one after
 * another: JSON Lines of arrays), `gh api --paginate --slurp` (an array of page arrays) and
 * `gh api --paginate --jq '.[]'` (one alert per line).
 */
function alertsOf(document: InputDocument): unknown[] | undefined {
  if (document.kind === 'jsonl') {
    if (document.data.every(Array.isArray)) return (document.data as unknown[][]).flat();
    return document.data.every((line) => read.obj(line)) ? document.data : undefined;
  }
  if (document.kind !== 'json' || !Array.isArray(document.data)) return undefined;
  return document.data.length && document.data.every(Array.isArray) ? (document.data as unknown[][]).flat() : document.data;
}

/** A code scanning alert has a rule and a most recent instance; Dependabot and secret scanning alerts have neither. */
function isAlert(value: unknown): boolean {
  const alert = read.obj(value);
  return !!alert && !!read.obj(alert.rule) && !!read.obj(alert.most_recent_instance) && !('security_advisory' in alert) && !('dependency' in alert) && !('secret_type' in alert);
}

/** GitHub's security severity levels, read through the documented severity table (critical 9.5 … low 3.0). */
function scoreOfAlert(rule: Obj): number | undefined {
  const level = read.str(rule.security_severity_level);
  return level ? scoreOf(level) : undefined;
}

/** The rule's SARIF level as GitHub keeps it (none, note, warning, error), for alerts without a security severity. */
function levelOfRule(rule: Obj): Level {
  const severity = read.str(rule.severity)?.toLowerCase();
  if (severity === 'error' || severity === 'warning' || severity === 'note') return severity;
  return severity === 'none' ? 'note' : 'warning';
}

/**
 * GitHub keeps a rule's CWEs only as tags: CodeQL writes "external/cwe/cwe-079", tools uploading SARIF often
 * "CWE-601: URL Redirection…" (Semgrep). Both → "CWE-79", "CWE-601".
 */
function cwesOf(tags: readonly string[]): string[] {
  return tags.map((tag) => /^external\/cwe\/cwe-(\d+)$/i.exec(tag)?.[1] ?? /^CWE-(\d+)\b/i.exec(tag)?.[1]).map((n) => (n ? cweId(Number(n)) : undefined)).filter((c): c is string => !!c);
}

function dismissal(alert: Obj): string {
  const reason = read.str(alert.dismissed_reason);
  const by = read.str(read.obj(alert.dismissed_by)?.login);
  const comment = read.str(alert.dismissed_comment)?.trim();
  return `dismissed on GitHub${reason ? ` as ${reason}` : ''}${by ? ` by ${by}` : ''}${comment ? `: ${comment}` : ''}`;
}

interface Extra {
  hostedViewerUri: string | undefined;
  firstDetection: string | undefined;
}

export const githubCodeScanning: InputFormat = {
  id: 'github-code-scanning',
  title: TITLE,
  producedBy: 'GitHub REST API: GET /repos/{owner}/{repo}/code-scanning/alerts (or /orgs/{org}/…), gh api --paginate',
  detect({ document }) {
    const alerts = alertsOf(document);
    if (!alerts?.length) return 0;
    // The first alert decides (lists are uniform); the rest are checked when parsed.
    return isAlert(alerts[0]) ? 1 : 0;
  },
  parse(document, { file }) {
    const alerts = alertsOf(document);
    if (!alerts) missing(file, TITLE, 'expected a JSON array of alerts (GET /repos/{owner}/{repo}/code-scanning/alerts)');
    // One run per tool (and per repository, for an organization's list: paths are relative to each repository).
    const runs = new Map<string, { builder: RunBuilder; extras: Extra[] }>();
    for (const [index, value] of alerts.entries()) {
      const alert = read.obj(value);
      const rule = read.obj(alert?.rule);
      const instance = read.obj(alert?.most_recent_instance);
      if (!alert || !rule || !instance) missing(file, TITLE, `alert ${index} lacks "rule" or "most_recent_instance"`);
      const tool = read.obj(alert.tool) ?? {};
      const toolName = read.str(tool.name) ?? 'GitHub code scanning';
      const repository = read.str(read.obj(alert.repository)?.full_name);
      const key = `${toolName}\u0000${repository ?? ''}`;
      let run = runs.get(key);
      if (!run) {
        run = { builder: new RunBuilder({ name: toolName, version: read.str(tool.version) }), extras: [] };
        runs.set(key, run);
      }
      const state = read.str(alert.state)?.toLowerCase();
      // A fixed alert is not a finding: GitHub no longer sees it in the code. It is left out (its tool's run stays,
      // so a tool whose alerts are all fixed reads as clean) rather than marked absent, which would count it as
      // fixed by this run in every summary and history line of every import of the list.
      // "closed" is what the API said before "fixed" and "dismissed" were told apart: without a reason, fixed.
      if (state === 'fixed' || (state === 'closed' && !read.str(alert.dismissed_reason))) continue;
      const ruleId = read.str(rule.id) ?? read.str(rule.name) ?? 'github-code-scanning';
      const tags = read.arr(rule.tags).map(read.str).filter((t): t is string => !!t);
      const cwes = cwesOf(tags);
      const score = scoreOfAlert(rule);
      const level = score !== undefined ? levelOf(score) : levelOfRule(rule);
      run.builder.rule({
        id: ruleId,
        name: read.str(rule.name),
        short: read.str(rule.description) ?? read.str(rule.name),
        full: read.str(rule.full_description),
        help: read.str(rule.help),
        helpUri: read.str(rule.help_uri),
        score,
        level,
        cwes,
        // The CWE tags are written again in one spelling (external/cwe/cwe-79) from the CWE ids.
        tags: tags.filter((tag) => !/^(?:external\/cwe\/|CWE-\d)/i.test(tag)),
      });
      const where = read.obj(instance.location) ?? {};
      const number = read.num(alert.number);
      const properties: PropertyBag = {
        ...(number !== undefined ? { [PROP.alertNumber]: number } : {}),
        ...(state ? { [PROP.alertState]: state } : {}),
        ...(read.str(instance.commit_sha) ? { [PROP.commit]: read.str(instance.commit_sha) } : {}),
        ...(repository ? { [PROP.repository]: repository } : {}),
        ...(read.str(rule.security_severity_level) ? { [PROP.severityLabel]: read.str(rule.security_severity_level) } : {}),
      };
      run.builder.result({
        ruleId,
        message: read.str(read.obj(instance.message)?.text) ?? read.str(rule.description) ?? ruleId,
        level,
        score,
        category: 'sast',
        locations: [fileLocation(read.str(where.path), { startLine: where.start_line, endLine: where.end_line, startColumn: where.start_column, endColumn: where.end_column })],
        cwes,
        suppressed: state === 'dismissed' || state === 'closed' ? dismissal(alert) : undefined,
        properties,
      });
      const created = read.str(alert.created_at);
      run.extras.push({
        hostedViewerUri: read.str(alert.html_url),
        firstDetection: created && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString() : undefined,
      });
    }
    const built: Run[] = [...runs.values()].map(({ builder, extras }) => {
      const run = builder.build();
      // The alert's page, and when GitHub first saw it (the age an SLA counts from), carried on each result.
      for (const [i, result] of (run.results ?? []).entries()) {
        const extra = extras[i];
        if (extra?.hostedViewerUri) result.hostedViewerUri = extra.hostedViewerUri;
        if (extra?.firstDetection) result.provenance = { firstDetectionTimeUtc: extra.firstDetection };
      }
      return run;
    });
    return logOf(...built);
  },
};
