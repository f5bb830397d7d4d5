import { describe, expect, it } from 'vitest';
import { findingsOf } from '../finding.js';
import { renderTicketSection, spliceTicketSection, ticketSectionOf, withTicketMarker } from '../report/ticket-markdown.js';
import { PROP, SRCROOT, type Log } from '../sarif/types.js';
import { acceptanceOf, applyTicketAcceptances, ticketAcceptances } from './acceptance.js';
import { readMarker } from './marker.js';
import { planTickets, ticketKey } from './plan.js';
import type { Ticket } from './types.js';

function log(): Log {
  const result = { ruleId: 'r1', message: { text: 'r1' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js', uriBaseId: SRCROOT }, region: { startLine: 1 } } }], partialFingerprints: { 'pipewarden/v1': 'fp-a' }, properties: { [PROP.priority]: 'P1', [PROP.risk]: 80 } };
  return { version: '2.1.0', runs: [{ tool: { driver: { name: 'ESLint' } }, results: [result], properties: { [PROP.scanner]: 'eslint-security', [PROP.category]: 'sast' } }] };
}

const key = ticketKey(findingsOf(log())[0]!);
const ticket = (over: Partial<Ticket>): Ticket => ({ id: '7', state: 'closed', title: 't', body: '', labels: ['pipewarden'], marker: { key, scanner: 'eslint-security', fingerprints: ['fp-a'] }, url: 'https://tracker.example/7', ...over });
const options = { closeMissing: true, completeScanners: new Set(['eslint-security']), today: '2026-11-30', render: renderTicketSection };

describe('two-way tickets', () => {
  it('an acceptance holds from the day it was closed for accepted_for_days, by reason or by label, never for a fix of Pipewarden', () => {
    const notPlanned = ticket({ closure: { reason: 'not_planned', by: 'ana', at: '2026-09-01T10:00:00Z' } });
    expect(acceptanceOf(notPlanned, { today: '2026-11-29' })).toMatchObject({ as: 'not_planned', owner: 'ana', since: '2026-09-01', until: '2026-11-30', expired: false });
    expect(acceptanceOf(notPlanned, { today: '2026-11-30' })!.expired).toBe(true);
    expect(acceptanceOf(notPlanned, { today: '2026-11-30', acceptedForDays: 365 })!.expired).toBe(false);
    expect(acceptanceOf(ticket({ labels: ['pipewarden', 'Risk Accepted'], closure: { at: '2026-11-01' } }), { today: '2026-11-30' })!.as).toBe('Risk Accepted');
    expect(acceptanceOf(ticket({ closure: { reason: "Won’t Do" } }), { today: '2026-11-30' })!.as).toBe('Won’t Do');
    expect(acceptanceOf(ticket({ closure: { reason: 'completed' } }), { today: '2026-11-30' })).toBeUndefined();
    expect(acceptanceOf(ticket({ closure: { reason: 'not_planned' }, marker: { key, scanner: 's', fingerprints: [], fixed: '2026-11-01' } }), { today: '2026-11-30' })).toBeUndefined();
    expect(acceptanceOf(ticket({ closure: { reason: 'duplicate' } }), { today: '2026-11-30', acceptedAs: ['risk accepted'] })).toBeUndefined();
  });

  it('a held acceptance waives the group (unless a config waiver already did) and leaves the ticket closed; an expired one reopens it saying why', () => {
    const accepted = ticket({ closure: { reason: 'not_planned', by: 'ana', at: '2026-11-20T00:00:00Z' } });
    const sarif = log();
    expect(applyTicketAcceptances(sarif, ticketAcceptances([accepted], { today: '2026-11-30' }))).toBe(1);
    const result = sarif.runs[0]!.results![0]!;
    expect(result.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted on https://tracker.example/7: closed as not_planned by ana on 2026-11-20, until 2027-02-18' }]);
    const plan = planTickets(findingsOf(sarif), [accepted], options);
    expect(plan).toMatchObject({ reopen: [], create: [], close: [], unchanged: 0 });
    const waived = log();
    waived.runs[0]!.results![0]!.suppressions = [{ kind: 'external', status: 'accepted', justification: 'waiver: x' }];
    expect(applyTicketAcceptances(waived, ticketAcceptances([accepted], { today: '2026-11-30' }))).toBe(0);

    const old = ticket({ closure: { reason: 'not_planned', by: 'ana', at: '2026-06-01T00:00:00Z' } });
    const reopen = planTickets(findingsOf(log()), [old], { ...options, run: { commit: 'abcdef0123456789', pipeline: 'https://ci/1' } }).reopen;
    expect(reopen).toHaveLength(1);
    expect(reopen[0]!.comment).toBe('The risk acceptance (closed as "not_planned" by ana on 2026-06-01) ended on 2026-08-30, and the finding is still there in commit abcdef012345 (pipeline https://ci/1) on 2026-11-30 (1 place): reopened by Pipewarden. Close it again as accepted to renew the acceptance.');
  });

  it('closing records the fix in the marker; a person reopening it gets one comment and is never closed again', () => {
    const open = ticket({ state: 'open', closure: undefined });
    const closed = planTickets([], [open], options).close;
    expect(closed[0]!.marker.fixed).toBe('2026-11-30');
    const reopened = ticket({ state: 'open', marker: closed[0]!.marker });
    const first = planTickets([], [reopened], { ...options, today: '2026-12-01' });
    expect(first.close).toEqual([]);
    expect(first.comment[0]!.marker).toMatchObject({ fixed: '2026-11-30', reopenNoted: '2026-12-01' });
    expect(planTickets([], [ticket({ state: 'open', marker: first.comment[0]!.marker })], options)).toMatchObject({ close: [], comment: [] });
  });

  it('a person\'s title, labels and text around the section are kept', () => {
    const [draft] = planTickets(findingsOf(log()), [], options).create;
    const body = `Triage notes\n\n${renderTicketSection(draft!)}\n\nMore notes`;
    const mine = ticket({ state: 'open', title: 'My title', body, section: ticketSectionOf(body), labels: [...draft!.labels, 'team-a'], marker: readMarker(body)! });
    const { update } = planTickets(findingsOf(log()), [mine], { ...options, labels: ['extra'] });
    expect(update[0]!.draft.title).toBe('My title');
    expect(update[0]!.draft.labels).toEqual(expect.arrayContaining(['team-a', 'extra', 'pipewarden']));
    expect(spliceTicketSection(body, 'NEW')).toBe('Triage notes\n\nNEW\n\nMore notes');
    expect(readMarker(withTicketMarker(body, { ...mine.marker, fixed: '2026-11-30' }))!.fixed).toBe('2026-11-30');
  });
});
