import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { HistoryLine } from '@pipewarden/core';
import { openStore } from './store.js';

/** The tables as the first release of the store made them: what a store in use today holds. */
const FIRST_SCHEMA = [
  'CREATE TABLE pipewarden_runs (id TEXT PRIMARY KEY, repo TEXT NOT NULL, time TEXT NOT NULL, branch TEXT, default_branch TEXT, commit_sha TEXT, pipeline TEXT, stage TEXT NOT NULL, verdict TEXT NOT NULL, baseline INTEGER NOT NULL, counts TEXT NOT NULL, new_count INTEGER NOT NULL, fixed_count INTEGER NOT NULL, waived_count INTEGER NOT NULL, scanners TEXT NOT NULL)',
  'CREATE INDEX pipewarden_runs_repo_time ON pipewarden_runs (repo, time)',
  'CREATE TABLE pipewarden_findings (run_id TEXT NOT NULL REFERENCES pipewarden_runs (id) ON DELETE CASCADE, kind TEXT NOT NULL, ord INTEGER NOT NULL, fingerprint TEXT NOT NULL, priority TEXT NOT NULL, category TEXT NOT NULL, scanner TEXT NOT NULL, rule TEXT NOT NULL, first_seen TEXT, expires TEXT, PRIMARY KEY (run_id, kind, ord))',
  'CREATE INDEX pipewarden_findings_fingerprint ON pipewarden_findings (fingerprint)',
  'CREATE TABLE pipewarden_images (run_id TEXT NOT NULL REFERENCES pipewarden_runs (id) ON DELETE CASCADE, ord INTEGER NOT NULL, digest TEXT NOT NULL, names TEXT NOT NULL, base_name TEXT, base_digest TEXT, base_fresh INTEGER, base_sanctioned INTEGER, sbom TEXT, PRIMARY KEY (run_id, ord))',
  "INSERT INTO pipewarden_runs VALUES ('old-run', 'acme/web', '2026-01-05T10:00:00.000Z', 'main', 'main', 'abc', NULL, 'commit', 'pass', 1, '{\"total\":1,\"byPriority\":{\"P2\":1},\"byCategory\":{\"sast\":1},\"byScanner\":{\"semgrep\":1}}', 1, 0, 0, '[]')",
  "INSERT INTO pipewarden_findings VALUES ('old-run', 'new', 0, 'fp-old', 'P2', 'sast', 'semgrep', 'r1', NULL, NULL)",
];

const line = (time: string): HistoryLine => ({
  v: 1,
  time,
  repo: 'acme/web',
  branch: 'main',
  defaultBranch: 'main',
  stage: 'commit',
  verdict: 'pass',
  baseline: true,
  counts: { total: 0, byPriority: {}, byCategory: {}, byScanner: {} },
  new: 1,
  fixed: 0,
  waived: 2,
  scanners: [],
  details: { 'fp-new': { m: 'first message', l: 'src/a.js:3', k: 71, f: [{ factor: 'kev', detail: 'in CISA KEV', points: 20 }] } },
  tickets: { 'fp-new': { id: '12', u: 'https://tracker.example/12', st: 'open' }, 'fp-acc': { id: 'SEC-3', u: 'https://jira.example/browse/SEC-3', st: 'accepted' } },
  findings: {
    new: [{ fp: 'fp-new', p: 'P1', c: 'sast', s: 'semgrep', r: 'r2' }],
    fixed: [],
    waived: [
      { fp: 'fp-old', p: 'P2', c: 'sast', s: 'semgrep', r: 'r1', expires: '2026-03-01', owner: 'web-team' },
      { fp: 'fp-acc', p: 'P3', c: 'sca', s: 'osv', r: 'GHSA-1', expires: '2026-04-01', owner: 'ana', ticket: 'https://jira.example/browse/SEC-3' },
    ],
  },
});

describe('a store made by an earlier version', () => {
  it('gains the new column, table and index when opened, keeping its runs', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pw-store-old-')), 'old.db');
    const old = new Database(file);
    for (const statement of FIRST_SCHEMA) old.exec(statement);
    old.close();

    const store = await openStore(file, '/');
    expect(await store.state()).toEqual({ runs: 1, last: '2026-01-05T10:00:00.000Z' });
    await store.add([line('2026-01-06T10:00:00.000Z')]);
    const lines = await store.lines();
    expect(lines.map((l) => l.time)).toEqual(['2026-01-05T10:00:00.000Z', '2026-01-06T10:00:00.000Z']);
    expect(lines[1]!.findings.waived).toEqual(line('x').findings.waived);
    expect(await store.tickets('acme/web', ['fp-new', 'fp-acc', 'fp-old'])).toEqual(
      new Map([
        ['fp-new', { time: '2026-01-06T10:00:00.000Z', id: '12', url: 'https://tracker.example/12', state: 'open' }],
        ['fp-acc', { time: '2026-01-06T10:00:00.000Z', id: 'SEC-3', url: 'https://jira.example/browse/SEC-3', state: 'accepted' }],
      ]),
    );
    expect((await store.sightings('acme/web', 'fp-acc')).map((s) => s.ticket)).toEqual(['https://jira.example/browse/SEC-3']);
    expect(await store.details('acme/web', ['fp-new', 'fp-none'])).toEqual(new Map([['fp-new', { time: '2026-01-06T10:00:00.000Z', message: 'first message', location: 'src/a.js:3', risk: 71, factors: [{ factor: 'kev', detail: 'in CISA KEV', points: 20 }] }]]));
    expect((await store.sightings('acme/web', 'fp-old')).map((s) => [s.time, s.kind, s.owner])).toEqual([
      ['2026-01-05T10:00:00.000Z', 'new', undefined],
      ['2026-01-06T10:00:00.000Z', 'waived', 'web-team'],
    ]);
    await store.close();

    // Opened again: nothing is added twice; an older line does not overwrite a newer finding's details.
    const again = await openStore(file, '/');
    const older = line('2026-01-04T10:00:00.000Z');
    older.details = { 'fp-new': { m: 'older message' } };
    older.tickets = { 'fp-new': { id: '9', st: 'closed' } };
    const newer = { ...line('2026-01-07T10:00:00.000Z'), tickets: { 'fp-acc': { id: 'SEC-3', u: 'https://jira.example/browse/SEC-3', st: 'open' as const } } };
    await again.add([older, newer]);
    expect((await again.details('acme/web', ['fp-new'])).get('fp-new')?.message).toBe('first message');
    // A ticket's latest state wins (reopened when the acceptance ended); an older line changes nothing.
    const tickets = await again.tickets('acme/web', ['fp-new', 'fp-acc']);
    expect([tickets.get('fp-new')?.id, tickets.get('fp-acc')?.state]).toEqual(['12', 'open']);
    await again.close();
    const db = new Database(file, { readonly: true });
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'pipewarden_%'").all() as { name: string }[];
    expect(indexes.map((i) => i.name)).toContain('pipewarden_runs_time');
    expect((db.prepare("SELECT name FROM pragma_table_info('pipewarden_findings')").all() as { name: string }[]).filter((c) => ['owner', 'ticket'].includes(c.name))).toHaveLength(2);
    db.close();
  });
});
