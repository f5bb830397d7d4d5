import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, fileLocation, logOf, missing, read, scoreOf } from '../toolkit.js';

type Obj = Record<string, unknown>;

// Three shapes: TruffleHog v3 (JSON Lines with SourceMetadata/DetectorName), TruffleHog v2 and
// trufflehog3's legacy output ({reason, stringsFound, path}), and trufflehog3 ({rule, path, line, secret}).
function shapeOf(value: unknown): 'v3' | 'v2' | 'th3' | undefined {
  const item = read.obj(value);
  if (!item) return undefined;
  if (read.obj(item.SourceMetadata) && ('DetectorName' in item || 'DetectorType' in item)) return 'v3';
  if ('reason' in item && 'stringsFound' in item) return 'v2';
  if (read.obj(item.rule) && 'path' in item && ('secret' in item || 'line' in item)) return 'th3';
  return undefined;
}

function v3Source(item: Obj): { file?: string | undefined; line?: unknown; commit?: string | undefined; link?: string | undefined } {
  const data = read.obj(read.obj(item.SourceMetadata)?.Data) ?? {};
  // The one key names the source: Git, Github, Filesystem, Gitlab, S3, …
  const source = read.obj(Object.values(data)[0]) ?? {};
  return { file: read.str(source.file), line: source.line, commit: read.str(source.commit), link: read.str(source.link) };
}

export const trufflehog: InputFormat = {
  id: 'trufflehog',
  title: 'TruffleHog JSON (v3 JSON Lines, v2) and trufflehog3 JSON',
  producedBy: 'trufflehog git|github|filesystem --json; trufflehog3 -f json',
  detect({ document }) {
    const items = document.kind === 'jsonl' ? document.data : document.kind === 'json' ? (Array.isArray(document.data) ? document.data : [document.data]) : [];
    if (!items.length) return 0;
    const shape = shapeOf(items[0]);
    return shape && items.every((item) => shapeOf(item) === shape) ? 1 : 0;
  },
  parse(document, { file }) {
    const items = document.kind === 'jsonl' ? document.data : document.kind === 'json' ? (Array.isArray(document.data) ? document.data : [document.data]) : missing(file, 'TruffleHog', 'expected JSON');
    const run = new RunBuilder({ name: 'TruffleHog', informationUri: 'https://github.com/trufflesecurity/trufflehog' });
    for (const [index, value] of items.entries()) {
      const shape = shapeOf(value);
      if (!shape) missing(file, 'TruffleHog', `item ${index} is not a TruffleHog finding`);
      const item = read.obj(value)!;
      // Raw, RawV2, Redacted, stringsFound, secret and context all carry the secret: only its salted hash goes on.
      if (shape === 'v3') {
        const detector = read.str(item.DetectorName) ?? `detector-${read.str(item.DetectorType) ?? 'unknown'}`;
        const id = `trufflehog/${detector.toLowerCase()}`;
        const verified = item.Verified === true;
        const score = verified ? 9.5 : 8.0;
        const source = v3Source(item);
        run.rule({ id, name: detector, short: `${detector} credential`, score: 9.5, level: 'error', tags: ['secret'], cwes: ['CWE-798'] });
        run.result({
          ruleId: id,
          message: `${verified ? 'Verified' : 'Unverified'} ${detector} credential found${source.file ? ` in ${source.file}` : ''}${source.commit ? ` (commit ${source.commit.slice(0, 12)})` : ''}`,
          level: 'error',
          score,
          category: 'secrets',
          locations: [fileLocation(source.file, { startLine: source.line })],
          secret: read.str(item.Raw) ?? read.str(item.RawV2) ?? read.str(item.Redacted) ?? `${source.file}:${String(source.line)}`,
          cwes: ['CWE-798'],
          properties: { [PROP.verified]: verified, ...(source.commit ? { [PROP.commit]: source.commit } : {}), [PROP.source]: read.str(item.SourceName) },
        });
      } else if (shape === 'v2') {
        const reason = read.str(item.reason) ?? 'secret';
        const id = `trufflehog/${reason.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
        const commit = read.str(item.commitHash);
        const found = read.arr(item.stringsFound).map(read.str).filter(Boolean) as string[];
        run.rule({ id, name: reason, short: reason, score: 8.0, level: 'error', tags: ['secret'], cwes: ['CWE-798'] });
        run.result({
          ruleId: id,
          message: `${reason}: ${found.length} string${found.length === 1 ? '' : 's'} found in ${read.str(item.path) ?? 'the history'}${commit ? ` (commit ${commit.slice(0, 12)})` : ''}`,
          level: 'error',
          score: 8.0,
          category: 'secrets',
          locations: [fileLocation(read.str(item.path))],
          secret: found.join('\n') || `${read.str(item.path)}:${commit}`,
          cwes: ['CWE-798'],
          properties: commit ? { [PROP.commit]: commit } : {},
        });
      } else {
        const rule = read.obj(item.rule) ?? {};
        const ruleName = read.str(rule.id) ?? 'secret';
        const id = `trufflehog3/${ruleName}`;
        const score = Math.max(scoreOf(rule.severity, 8.0), 7.0);
        const commit = read.str(item.commit);
        run.rule({ id, name: ruleName, short: read.str(rule.message) ?? ruleName, score, level: 'error', tags: ['secret'], cwes: ['CWE-798'] });
        run.result({
          ruleId: id,
          message: `${read.str(rule.message) ?? ruleName} in ${read.str(item.path) ?? 'a file'}${commit ? ` (commit ${commit.slice(0, 12)})` : ''}`,
          level: 'error',
          score,
          category: 'secrets',
          locations: [fileLocation(read.str(item.path), { startLine: item.line })],
          secret: read.str(item.secret) ?? `${read.str(item.path)}:${read.str(item.line)}`,
          cwes: ['CWE-798'],
          properties: { [PROP.severityLabel]: read.str(rule.severity), ...(commit ? { [PROP.commit]: commit } : {}) },
        });
      }
    }
    return logOf(run.build());
  },
};
