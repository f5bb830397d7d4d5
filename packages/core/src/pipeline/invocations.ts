import type { ScannerRun } from '../model/scanner-run.js';
import { SRCROOT, type Invocation, type Log, type Notification } from '../sarif/types.js';
import { decodeUri } from '../sarif/uri.js';

/** A file the tool said it could not analyse (a parse error), with its words. */
export interface FileProblem {
  file: string;
  reason: string;
}

function fileOf(notification: Notification): string | undefined {
  const uri = notification.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  return uri && !/^[a-z][a-z0-9+.-]*:/i.test(uri) ? decodeUri(uri) : undefined;
}

function notificationsOf(invocation: Invocation): Notification[] {
  return [...(invocation.toolExecutionNotifications ?? []), ...(invocation.toolConfigurationNotifications ?? [])];
}

/**
 * What a scanner's own log says of how it went. A tool that marks its run unsuccessful only because some
 * files did not parse (ESLint on a legacy script) still ran: its findings count, the files are named.
 */
export function judgeInvocations(log: Log): { refused?: string; problems: FileProblem[] } {
  const invocations = log.runs.flatMap((run) => run.invocations ?? []);
  const notifications = invocations.flatMap(notificationsOf);
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  for (const notification of notifications) {
    const file = fileOf(notification);
    if (!file || (notification.level !== 'error' && notification.level !== 'warning') || seen.has(file)) continue;
    seen.add(file);
    problems.push({ file, reason: (notification.message.text ?? '').split('\n')[0]!.slice(0, 300) || 'could not be analysed' });
  }
  const failed = invocations.filter((invocation) => invocation.executionSuccessful === false);
  if (!failed.length) return { problems };
  // Failed for reasons beyond single files: the run failed, whatever else it reported.
  const general = failed.flatMap(notificationsOf).filter((n) => n.level !== 'warning' && n.level !== 'note' && !fileOf(n));
  if (general.length || !problems.length) {
    const reason = general.map((n) => n.message.text).filter(Boolean).join('; ') || notifications.map((n) => n.message.text).filter(Boolean).join('; ');
    return { refused: reason || 'the tool reported that it failed and gave no reason', problems };
  }
  return { problems };
}

/**
 * Every run says how it went, as GitHub's tool status page and SARIF consumers read it: success, exit code,
 * times, the masked command line, one notification per file the tool could not analyse, and the tool's notes.
 */
export function stampInvocation(log: Log, scanner: ScannerRun, problems: readonly FileProblem[]): void {
  for (const run of log.runs) {
    const own = run.invocations?.[0];
    // Per-file problems are restated below from the judgement; a tool's notes about a file (a line it skipped) stay as it said them.
    const kept = (own?.toolExecutionNotifications ?? []).filter((n) => !fileOf(n) || n.level === 'note');
    const configuration = (own?.toolConfigurationNotifications ?? []).filter((n) => !fileOf(n));
    const perFile: Notification[] = problems.map((problem) => ({
      level: 'warning',
      message: { text: `not analysed: ${problem.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: problem.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT } } }],
      descriptor: { id: 'file-not-analysed' },
    }));
    const invocation: Invocation = {
      executionSuccessful: scanner.status !== 'failed',
      ...(scanner.exitCode !== undefined && scanner.exitCode !== null ? { exitCode: scanner.exitCode } : {}),
      ...(scanner.commandLine ? { commandLine: scanner.commandLine } : {}),
      ...(scanner.startedAt ? { startTimeUtc: scanner.startedAt } : {}),
      ...(scanner.endedAt ? { endTimeUtc: scanner.endedAt } : {}),
      ...(kept.length || perFile.length ? { toolExecutionNotifications: [...kept, ...perFile] } : {}),
      ...(configuration.length ? { toolConfigurationNotifications: configuration } : {}),
    };
    run.invocations = [invocation];
  }
}

/** Reports read from files may carry no invocation: a report with results is one whose tool ran. */
export function ensureInvocations(log: Log): void {
  for (const run of log.runs) if (!run.invocations?.length) run.invocations = [{ executionSuccessful: true }];
}
