import { describe, expect, it } from 'vitest';
import { checkSarifLog } from './validate.js';

const log = (results: unknown[]) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'T' } }, results }] });
const ok = { ruleId: 'R1', level: 'error', message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js' }, region: { startLine: 3 } } }] };

describe('checkSarifLog: the fast path for results never changes the verdict', () => {
  it('accepts plain results and results with members only zod knows (suppressions, fixes)', () => {
    expect(checkSarifLog(log([ok, { ...ok, suppressions: [{ kind: 'inSource' }] }]), 'x.sarif').runs[0]!.results).toHaveLength(2);
  });

  it('accepts a region of one line, and an end line with no start line (a region by offsets)', () => {
    const at = (region: object) => ({ ...ok, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.js' }, region } }] });
    expect(checkSarifLog(log([at({ startLine: 3, endLine: 3 }), at({ charOffset: 4, endLine: 2 })]), 'x.sarif').runs[0]!.results).toHaveLength(2);
  });

  it.each([
    ['a member named like an Object.prototype one', { ...ok, constructor: 1 }, 'unknown property "constructor"'],
    ['__proto__ as an own member', JSON.parse('{"message":{"text":"m"},"__proto__":{"x":1}}'), 'unknown property "__proto__"'],
    ['a line number that is not a positive integer', { ...ok, locations: [{ physicalLocation: { region: { startLine: 0 } } }] }, 'runs[0].results[1].locations[0].physicalLocation.region.startLine'],
    ['a line number JSON cannot carry exactly', { ...ok, locations: [{ physicalLocation: { region: { startLine: 1e308 } } }] }, 'region.startLine: Too big'],
    ['a region that ends before it starts', { ...ok, locations: [{ physicalLocation: { region: { startLine: 7, endLine: 3 } } }] }, 'region.endLine: endLine is before startLine'],
    ['a fix whose region ends before it starts', { ...ok, fixes: [{ artifactChanges: [{ artifactLocation: { uri: 'a' }, replacements: [{ deletedRegion: { startLine: 2, endLine: 1 } }] }] }] }, 'deletedRegion.endLine: endLine is before startLine'],
    ['a message with neither text nor id', { ...ok, message: {} }, 'a message needs "text" or "id"'],
    ['a fingerprint that is not a string', { ...ok, partialFingerprints: { a: 1 } }, 'partialFingerprints.a: must be a string'],
    ['an unknown level', { ...ok, level: 'fatal' }, 'runs[0].results[1].level'],
    ['a result without a message', { ruleId: 'R1', level: 'error' }, 'runs[0].results[1].message'],
  ])('refuses %s, with zod\'s message and path', (_, bad, message) => {
    expect(() => checkSarifLog(log([ok, bad]), 'x.sarif')).toThrow(message);
  });

  it('still checks the run around the results', () => {
    expect(() => checkSarifLog({ version: '2.1.0', runs: [{ tool: { driver: { name: '' } }, results: [ok] }] }, 'x.sarif')).toThrow('the tool needs a name');
  });
});
