import type { Run } from '../../sarif/types.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, fileLocation, levelOf, logOf, logicalLocation, missing, read, scoreOf } from '../toolkit.js';

const TYPES = new Set(['auditAdvisory', 'auditSummary', 'warning', 'error', 'info', 'activityStart', 'activityTick', 'activityEnd', 'step', 'success']);

function isLine(value: unknown): boolean {
  const object = read.obj(value);
  return !!object && typeof object.type === 'string' && TYPES.has(object.type) && 'data' in object;
}

export const yarnAudit: InputFormat = {
  id: 'yarn-audit',
  title: 'yarn audit --json (JSON Lines)',
  producedBy: 'yarn audit --json (yarn 1)',
  detect({ document }) {
    const lines = document.kind === 'jsonl' ? document.data : document.kind === 'json' ? [document.data] : [];
    if (!lines.length || !lines.every(isLine)) return 0;
    return lines.some((l) => read.obj(l)?.type === 'auditAdvisory' || read.obj(l)?.type === 'auditSummary') ? 1 : 0.8;
  },
  parse(document, { file }) {
    const lines = document.kind === 'jsonl' ? document.data : document.kind === 'json' ? [document.data] : missing(file, 'yarn audit', 'expected JSON lines');
    const run = new RunBuilder({ name: 'yarn audit', informationUri: 'https://classic.yarnpkg.com/en/docs/cli/audit' });
    const errors: string[] = [];
    for (const [index, line] of lines.entries()) {
      if (!isLine(line)) missing(file, 'yarn audit', `line ${index + 1} is not a yarn message ({"type", "data"})`);
      const message = read.obj(line)!;
      if (message.type === 'error') errors.push(read.str(message.data) ?? 'yarn audit failed');
      if (message.type !== 'auditAdvisory') continue;
      const data = read.obj(message.data) ?? {};
      const advisory = read.obj(data.advisory) ?? {};
      const resolution = read.obj(data.resolution) ?? {};
      const url = read.str(advisory.url);
      const id = (url && /GHSA-[\w-]+/i.exec(url)?.[0]) ?? `npm-advisory-${read.str(advisory.id) ?? 'unknown'}`;
      const score = scoreOf(advisory.severity);
      const name = read.str(advisory.module_name) ?? 'package';
      const patched = read.str(advisory.patched_versions);
      run.rule({ id, short: read.str(advisory.title) ?? id, full: read.str(advisory.overview), help: read.str(advisory.recommendation), helpUri: url, score, level: levelOf(score), cwes: [cweId(advisory.cwe)], tags: ['vulnerability', 'npm'] });
      run.result({
        ruleId: id,
        message: `${name} (${read.str(advisory.vulnerable_versions) ?? 'affected versions'}): ${read.str(advisory.title) ?? id}${patched ? `; patched in ${patched}` : ''}`,
        level: levelOf(score),
        score,
        category: 'sca',
        locations: [fileLocation('yarn.lock')],
        logicalLocations: read.str(resolution.path) ? [logicalLocation(read.str(resolution.path)!, 'module')] : [],
        ids: [id, ...read.arr(advisory.cves)],
        cwes: [cweId(advisory.cwe)],
        package: { name, ecosystem: 'npm', version: read.str(read.obj(read.arr(advisory.findings)[0])?.version), fixedVersions: patched ? [patched] : [] },
      });
    }
    const built: Run = run.build();
    if (errors.length) built.invocations = [{ executionSuccessful: false, toolExecutionNotifications: errors.map((text) => ({ level: 'error' as const, message: { text } })) }];
    return logOf(built);
  },
};
