import { describe, expect, it } from 'vitest';
import { findingsOf } from '../finding.js';
import { PROP, SRCROOT, type Log, type Result } from '../sarif/types.js';
import { readMarker, writeMarker } from '../tickets/marker.js';
import { renderTicketMarkdown } from './ticket-markdown.js';
import { ticketSections } from '../tickets/content.js';
import { planTickets, ticketKey } from '../tickets/plan.js';
import { describeTrackerError, syncTickets } from '../tickets/sync.js';
import type { Ticket, TicketDraft, TicketTracker } from '../tickets/types.js';

function result(rule: string, file: string, line: number, priority: string, risk: number, extra: Partial<Result> = {}): Result {
  return {
    ruleId: rule,
    message: { text: `${rule} at ${file}:${line}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: file, uriBaseId: SRCROOT }, region: { startLine: line } } }],
    partialFingerprints: { 'pipewarden/v1': `${rule}-${file}-${line}` },
    properties: { [PROP.priority]: priority, [PROP.risk]: risk, 'pipewarden/slaDays': 30 },
    ...extra,
  };
}

function log(results: Result[], category = 'sast', scanner = 'eslint-security'): Log {
  return { version: '2.1.0', runs: [{ tool: { driver: { name: 'ESLint', rules: [{ id: 'secret-rule', help: { text: 'rotate <b>it</b>' } }] } }, results, properties: { [PROP.scanner]: scanner, [PROP.category]: category } }] };
}

/** An in-memory tracker: the planner's contract without a platform. */
function memoryTracker(): TicketTracker & { tickets: Ticket[]; calls: string[] } {
  const tickets: Ticket[] = [];
  const calls: string[] = [];
  const apply = (ticket: Ticket, draft: TicketDraft) => Object.assign(ticket, { title: draft.title, body: renderTicketMarkdown(draft), labels: draft.labels, marker: readMarker(renderTicketMarkdown(draft))! });
  return {
    tickets,
    calls,
    render: renderTicketMarkdown,
    list: async () => tickets.map((t) => ({ ...t })),
    create: async (draft) => {
      calls.push(`create ${draft.title}`);
      const ticket = apply({ id: String(tickets.length + 1), state: 'open', title: '', body: '', labels: [], marker: { key: '', scanner: '', fingerprints: [] } }, draft);
      tickets.push(ticket);
      return ticket;
    },
    update: async (t, draft) => {
      calls.push(`update #${t.id}`);
      apply(tickets.find((x) => x.id === t.id)!, draft);
    },
    close: async (t, _comment, marker) => {
      calls.push(`close #${t.id}`);
      Object.assign(tickets.find((x) => x.id === t.id)!, { state: 'closed', marker });
    },
    comment: async (t, _comment, marker) => {
      calls.push(`comment #${t.id}`);
      tickets.find((x) => x.id === t.id)!.marker = marker;
    },
    reopen: async (t, draft) => {
      calls.push(`reopen #${t.id}`);
      const ticket = tickets.find((x) => x.id === t.id)!;
      ticket.state = 'open';
      apply(ticket, draft);
    },
  };
}

const options = { closeMissing: true, completeScanners: new Set(['eslint-security']), today: '2026-11-22', render: renderTicketMarkdown };

describe('ticket planning', () => {
  it('one ticket per group (rule + file), created most urgent first up to the cap, the rest deferred', async () => {
    const findings = findingsOf(log([result('r1', 'a.js', 1, 'P1', 80), result('r1', 'a.js', 9, 'P1', 80), result('r2', 'b.js', 1, 'P0', 95), result('r3', 'c.js', 1, 'P2', 50), result('r4', 'd.js', 1, 'P3', 30)]));
    const plan = planTickets(findings, [], { ...options, maxNew: 2 });
    expect(plan.create.map((d) => d.title)).toEqual(['[P0] r2 in b.js', '[P1] r1 in a.js']);
    expect(plan.deferred.map((d) => d.title)).toEqual(['[P2] r3 in c.js']);
    expect(renderTicketMarkdown(plan.create[1]!)).toMatch(/### Where \(2 places\)/);
    expect(plan.create[1]!.dueDate).toBe('2026-12-22');
    expect(readMarker(renderTicketMarkdown(plan.create[1]!))).toEqual({ key: ticketKey(findings[0]!), scanner: 'eslint-security', fingerprints: ['r1-a.js-1', 'r1-a.js-9'], due: '2026-12-22', since: '2026-11-22', title: '[P1] r1 in a.js' });
  });

  it('update, reopen a regression, close what is gone, but never for a scanner that did not complete', async () => {
    const tracker = memoryTracker();
    const first = findingsOf(log([result('r1', 'a.js', 1, 'P1', 80), result('r2', 'b.js', 1, 'P1', 80)]));
    await syncTickets(planTickets(first, await tracker.list(), options), tracker);
    expect(tracker.tickets.map((t) => t.state)).toEqual(['open', 'open']);
    // r2 gone, but its scanner failed this time: the ticket stays open.
    const partial = findingsOf(log([result('r1', 'a.js', 1, 'P1', 80)]));
    const kept = planTickets(partial, await tracker.list(), { ...options, completeScanners: new Set() });
    expect(kept.close).toEqual([]);
    expect(kept.unchanged).toBe(1);
    // r2 gone from a complete default-branch run: closed. A PR run (closeMissing false) would not close it.
    expect(planTickets(partial, await tracker.list(), { ...options, closeMissing: false }).close).toEqual([]);
    await syncTickets(planTickets(partial, await tracker.list(), options), tracker);
    expect(tracker.tickets.map((t) => t.state)).toEqual(['open', 'closed']);
    // r2 back: reopened, not duplicated; the due date is the original one.
    const back = findingsOf(log([result('r1', 'a.js', 1, 'P1', 80), result('r2', 'b.js', 3, 'P1', 80)]));
    const plan = planTickets(back, await tracker.list(), { ...options, today: '2027-01-30' });
    expect(plan.reopen).toHaveLength(1);
    expect(plan.create).toHaveLength(0);
    await syncTickets(plan, tracker);
    expect(tracker.tickets.map((t) => t.state)).toEqual(['open', 'open']);
    expect(tracker.tickets[1]!.marker.due).toBe('2026-12-22');
    expect(tracker.calls).toEqual(['create [P1] r1 in a.js', 'create [P1] r2 in b.js', 'close #2', 'reopen #2']);
  });

  it('a secret ticket withholds the message and help; report text is escaped; the marker cannot be broken out of', () => {
    const secret = result('secret-rule', 'config.js', 4, 'P0', 95, { message: { text: 'found token ghp_PARTIAL**** <img src=x onerror=alert(1)> @everyone' } });
    const [draft] = planTickets(findingsOf(log([secret], 'secrets', 'secretlint')), [], options).create;
    expect(renderTicketMarkdown(draft!)).not.toMatch(/ghp_|<img|@everyone|rotate <b>/);
    expect(renderTicketMarkdown(draft!)).toMatch(/A secret \(secret-rule\) is committed in `config.js`/);
    expect(draft!.confidential).toBe(true);
    const hostile = writeMarker({ key: 'k', scanner: '--><script>x</script>', fingerprints: [] });
    expect(hostile).not.toMatch(/-->.*-->/s);
    expect(readMarker(`text ${hostile}`)!.scanner).toBe('--><script>x</script>');
  });

  it('a read-only tracker stops at the first refusal and says so', async () => {
    const tracker = memoryTracker();
    tracker.create = async () => {
      throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
    };
    const findings = findingsOf(log([result('r1', 'a.js', 1, 'P1', 80), result('r2', 'b.js', 1, 'P1', 80)]));
    const outcome = await syncTickets(planTickets(findings, [], options), tracker);
    expect(outcome).toMatchObject({ created: 0, forbidden: true });
    expect(outcome.failures.map(({ what, error }) => `${what}: ${describeTrackerError(error)}`)).toEqual(['create "[P1] r1 in a.js": HTTP 403: Resource not accessible by integration']);
  });
});

describe('a taint finding\'s ticket', () => {
  it('shows how the data gets from the source to the sink, step by step', () => {
    const step = (line: number, text: string) => ({ location: { physicalLocation: { artifactLocation: { uri: 'server.js', uriBaseId: SRCROOT }, region: { startLine: line } }, message: { text } } });
    const flow = { codeFlows: [{ threadFlows: [{ locations: [step(42, 'request parameter `id`'), step(43, 'concatenated into `query`'), step(44, 'passed to `db.exec`')] }] }] };
    const findings = findingsOf(log([result('js-sql-injection', 'server.js', 44, 'P0', 98, flow)], 'sast', 'pipewarden-sast'));
    const body = renderTicketMarkdown({ key: 'k', title: 't', sections: ticketSections(findings, { since: '2026-11-29' }), marker: { key: 'k', scanner: 'pipewarden-sast', fingerprints: [] }, labels: [], dueDate: undefined, priority: 'P0', confidential: false } as unknown as TicketDraft);
    expect(body).toMatch(/How the data gets there[\s\S]*`server\.js:42`: request parameter \\`id\\`[\s\S]*`server\.js:43`: concatenated into \\`query\\`[\s\S]*`server\.js:44`: passed to \\`db\.exec\\`/);
  });
});
