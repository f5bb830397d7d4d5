import { describe, expect, it } from 'vitest';
import { toFinding } from '../finding.js';
import type { Verdict } from '../policy/gate.js';
import { FINGERPRINT_KEY, PROP, type Result, type Run } from '../sarif/types.js';
import { ticketKey } from '../tickets/key.js';
import type { Ticket } from '../tickets/types.js';
import { historyLineOf, historyLineSchema } from './line.js';

const run: Run = { tool: { driver: { name: 'semgrep' } }, results: [] };
const result = (fp: string, uri: string, extra: Partial<Result> = {}): Result => ({
  ruleId: 'js.eval',
  message: { text: 'eval of user input' },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: 3 } } }],
  partialFingerprints: { [FINGERPRINT_KEY]: fp },
  baselineState: 'unchanged',
  properties: { [PROP.priority]: 'P1' },
  ...extra,
});
const verdict = { status: 'pass', failures: [] } as unknown as Verdict;
const ticket = (id: string, key: string, state: Ticket['state'], closedAt?: string): Ticket => ({
  id,
  state,
  title: 't',
  body: '',
  labels: [],
  marker: { key, scanner: 'semgrep', fingerprints: [] },
  url: `https://github.example/acme/shop/issues/${id}`,
  ...(closedAt ? { closure: { at: closedAt } } : {}),
});

describe('a history line names the ticket of each finding', () => {
  it('the open ticket of its group (an unchanged finding too), the accepted one that waives it, none where there is none', () => {
    const open = toFinding(run, result('fp-open', 'a.js'));
    const accepted = toFinding(
      run,
      result('fp-acc', 'b.js', {
        suppressions: [{ kind: 'external', status: 'accepted', justification: 'accepted on https://github.example/acme/shop/issues/7: closed as not_planned by ana on 2026-11-01, until 2027-01-30' }],
        properties: { [PROP.priority]: 'P2', [PROP.ticketAcceptance]: { url: 'https://github.example/acme/shop/issues/7', ticket: '7', as: 'not_planned', owner: 'ana', since: '2026-11-01', until: '2027-01-30' } },
      }),
    );
    const none = toFinding(run, result('fp-none', 'c.js'));
    // The group's earlier ticket was closed, then a new one opened: the open one is the group's.
    const tickets = [ticket('3', ticketKey(open), 'closed', '2026-10-01T00:00:00Z'), ticket('5', ticketKey(open), 'open'), ticket('7', ticketKey(accepted), 'closed', '2026-11-01T00:00:00Z')];
    const line = historyLineOf({ time: new Date('2026-11-30T10:00:00Z'), repo: 'acme/shop', stage: 'commit', findings: [open, accepted, none], fixed: [], verdict, exitCode: 0, baseline: true, scanners: [], tickets });
    expect(historyLineSchema.parse(JSON.parse(JSON.stringify(line)))).toEqual(line);
    expect(line.tickets).toEqual({
      'fp-open': { id: '5', u: 'https://github.example/acme/shop/issues/5', st: 'open' },
      'fp-acc': { id: '7', u: 'https://github.example/acme/shop/issues/7', st: 'accepted' },
    });
    expect(line.findings.waived).toEqual([{ fp: 'fp-acc', p: 'P2', c: expect.any(String), s: 'semgrep', r: 'js.eval', expires: '2027-01-30', owner: 'ana', ticket: 'https://github.example/acme/shop/issues/7' }]);
    // Without tickets the line is as before: no field.
    expect(historyLineOf({ time: new Date(), repo: 'acme/shop', stage: 'commit', findings: [open], fixed: [], verdict, exitCode: 0, baseline: true, scanners: [] })).not.toHaveProperty('tickets');
  });
});
