import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sarifSchemaFile, sharedNotice } from '../../../../../test-support/shared.js';
import { validateSarif } from '../../../../../test-support/sarif-schema.js';
import { InputError } from '../../errors.js';
import { CLOSED_MEMBERS } from '../../sarif/validate.js';
import { readReport } from '../registry.js';
import { sarif } from './index.js';
import { repairSarif } from './repair.js';

type Obj = Record<string, unknown>;

/** A log as a tool writes it: one run with two rules, and the results given. */
function logWith(results: Obj[], run: Obj = {}): Obj {
  return {
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'DevSkim',
            rules: [
              { id: 'DS126858', shortDescription: { text: 'Weak/Broken Hash Algorithm' }, fullDescription: { text: 'A weak or broken hash algorithm was detected.' } },
              { id: 'DS137138', fullDescription: { text: 'An HTTP-based URL without TLS was detected.' } },
            ],
          },
        },
        results,
        ...run,
      },
    ],
  };
}

const ok = { ruleId: 'DS126858', message: { text: 'Weak/Broken Hash Algorithm' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/hash.js' }, region: { startLine: 4 } } }] };

function parse(data: Obj): { log: ReturnType<typeof sarif.parse>; warnings: string[] } {
  const warnings: string[] = [];
  const log = sarif.parse({ kind: 'json', data }, { file: 'results.sarif', warn: (message) => warnings.push(message) });
  return { log, warnings };
}

sharedNotice('the SARIF repair schema checks');

describe('SARIF repairs', () => {
  it('gives a result without a message its rule\'s short description, then full description, then rule id, and says so', () => {
    const { log, warnings } = parse(
      logWith([ok, { ruleId: 'DS126858', level: 'error' }, { ruleId: 'DS137138' }, { ruleId: 'custom-rule', message: {} }, { level: 'note' }]),
    );
    const messages = log.runs[0]!.results!.map((r) => r.message.text);
    expect(messages).toEqual(['Weak/Broken Hash Algorithm', 'Weak/Broken Hash Algorithm', 'An HTTP-based URL without TLS was detected.', 'custom-rule', '(no message)']);
    expect(warnings).toEqual([
      "run 0 result 1 has no message; used the rule's short description",
      "run 0 result 2 has no message; used the rule's full description",
      'run 0 result 3 has no message; used the rule id',
      'run 0 result 4 has no message; wrote "(no message)"',
    ]);
  });

  it('finds the rule by ruleIndex when the result names no ruleId', () => {
    const { log } = parse(logWith([{ ruleIndex: 1, level: 'warning' }]));
    expect(log.runs[0]!.results![0]!.message.text).toBe('An HTTP-based URL without TLS was detected.');
  });

  it('reads a plain string message and a markdown-only message as text', () => {
    const { log, warnings } = parse(logWith([{ ruleId: 'DS126858', message: 'MD5 is broken' }, { ruleId: 'DS126858', message: { markdown: '**MD5** is broken' } }]));
    expect(log.runs[0]!.results!.map((r) => r.message)).toEqual([{ text: 'MD5 is broken' }, { markdown: '**MD5** is broken', text: '**MD5** is broken' }]);
    expect(warnings).toEqual([
      'run 0 result 0 has a message that is a plain string, not a message object; read it as the message text',
      'run 0 result 1 has a message with markdown but no text; used the markdown as its text',
    ]);
  });

  it('reads the drafts\' baselineState "existing" as "unchanged", fixes the case of known values, drops unknown ones', () => {
    const { log, warnings } = parse(logWith([{ ...ok, baselineState: 'existing' }, { ...ok, baselineState: 'New' }, { ...ok, baselineState: 'fixd' }, { ...ok, baselineState: 'absent' }]));
    expect(log.runs[0]!.results!.map((r) => r.baselineState)).toEqual(['unchanged', 'new', undefined, 'absent']);
    expect(warnings).toEqual([
      'run 0 result 0 has baselineState "existing" (a value of the SARIF 2.0 drafts); read it as "unchanged"',
      'run 0 result 1 has baselineState "New"; read it as "new"',
      'run 0 result 2 has baselineState "fixd", which SARIF 2.1.0 does not know; dropped it',
    ]);
  });

  it('reads level words with one meaning and drops others (SARIF reads no level as "warning")', () => {
    const { log, warnings } = parse(logWith([{ ...ok, level: 'info' }, { ...ok, level: 'Error' }, { ...ok, level: 'severe' }]));
    expect(log.runs[0]!.results!.map((r) => r.level)).toEqual(['note', 'error', undefined]);
    expect(warnings).toEqual([
      'run 0 result 0 has level "info"; read it as "note"',
      'run 0 result 1 has level "Error"; read it as "error"',
      'run 0 result 2 has level "severe", which SARIF 2.1.0 does not know; dropped it (SARIF reads no level as "warning")',
    ]);
  });

  it('moves properties SARIF does not allow on the log, a run or a result into their property bags, naming near misses', () => {
    const data = logWith([{ ...ok, severity: 'HIGH', properties: { tags: ['security'] } }, { ...ok, cwe: 'CWE-328', properties: { cwe: 'CWE-327' } }], { artifact: [{ location: { uri: 'bin/app' } }] });
    data.generator = 'devskim 1.0.28';
    const { log, warnings } = parse(data);
    const run = log.runs[0]!;
    expect(run.properties).toEqual({ artifact: [{ location: { uri: 'bin/app' } }] });
    expect(run.results![0]!.properties).toEqual({ tags: ['security'], severity: 'HIGH' });
    expect(run.results![1]!.properties).toEqual({ cwe: 'CWE-327' });
    expect(log.properties).toEqual({ generator: 'devskim 1.0.28' });
    expect(warnings).toEqual([
      "the log has an unknown property \"generator\"; moved it into the log's properties",
      "run 0 has an unknown property \"artifact\" (did you mean \"artifacts\"?); moved it into the run's properties",
      "run 0 result 0 has an unknown property \"severity\"; moved it into the result's properties",
      "run 0 result 1 has an unknown property \"cwe\"; dropped it (the result's properties already hold \"cwe\")",
    ]);
  });

  it('reads a property in another case as the property it names (ruleID for ruleId), before any other repair', () => {
    const { log, warnings } = parse(logWith([{ ruleID: 'DS137138', Message: { text: 'http://example.com' } }]));
    const result = log.runs[0]!.results![0]!;
    expect([result.ruleId, result.message.text]).toEqual(['DS137138', 'http://example.com']);
    expect(warnings).toEqual(['run 0 result 0 has a property "ruleID"; read it as "ruleId"', 'run 0 result 0 has a property "Message"; read it as "message"']);
  });

  it('moves properties named like Object.prototype members as plain properties', () => {
    const result = JSON.parse('{"ruleId":"DS126858","message":{"text":"m"},"__proto__":{"polluted":true},"constructor":"x"}') as Obj;
    const { log, warnings } = parse(logWith([result]));
    const bag = log.runs[0]!.results![0]!.properties as Obj;
    expect(Object.getPrototypeOf(bag)).toBe(Object.prototype);
    expect(Object.keys(bag)).toEqual(['__proto__', 'constructor']);
    expect(({} as Obj).polluted).toBeUndefined();
    expect(warnings).toEqual([
      "run 0 result 0 has an unknown property \"__proto__\"; moved it into the result's properties",
      "run 0 result 0 has an unknown property \"constructor\"; moved it into the result's properties",
    ]);
  });

  it('says a repair made in many results once, with a count and the first places', () => {
    const results = Array.from({ length: 1200 }, (_, i) => ({ ruleId: 'DS126858', locations: [{ physicalLocation: { artifactLocation: { uri: `src/f${i}.js` } } }] }));
    const { log, warnings } = parse(logWith(results));
    expect(log.runs[0]!.results!.every((r) => r.message.text === 'Weak/Broken Hash Algorithm')).toBe(true);
    expect(warnings).toEqual(["1200 results have no message (run 0 result 0, run 0 result 1, run 0 result 2, …); used the rule's short description"]);
  });

  it('leaves a valid log untouched and warns of nothing', () => {
    const data = logWith([ok]);
    const before = structuredClone(data);
    const { warnings } = parse(data);
    expect(warnings).toEqual([]);
    expect(data).toEqual(before);
    expect(repairSarif({ version: '2.0.0', runs: [{ results: [{}] }] })).toEqual([]);
  });

  it('still refuses what has no one reading, naming the problem, and never half-repairs silently', () => {
    expect(() => parse(logWith([{ ...ok, message: 42 }]))).toThrow(InputError);
    expect(() => parse(logWith([{ ...ok, message: 42 }]))).toThrow(/runs\[0\]\.results\[0\]\.message/);
    // One slip repaired, one problem left: the problem is refused, nothing is warned of.
    const warned: string[] = [];
    expect(() => sarif.parse({ kind: 'json', data: logWith([{ ruleId: 'DS126858' }, { ...ok, fingerprints: { sha: { value: 'x' } } }]) }, { file: 'bad.sarif', warn: (m) => warned.push(m) })).toThrow(
      /fingerprints\.sha: must be a string/,
    );
    expect(warned).toEqual([]);
    expect(() => parse({ version: '2.0.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ ruleId: 'a' }] }] })).toThrow(/must be "2\.1\.0"/);
  });

  it('hands the warnings out of readReport, without the file name (the caller names the file as given)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-sarif-repair-'));
    const file = join(dir, 'results.sarif');
    await writeFile(file, JSON.stringify(logWith([ok, { ruleId: 'DS137138', locations: ok.locations }])));
    const report = await readReport(file);
    expect(report.format).toBe('sarif');
    expect(report.warnings).toEqual(["run 0 result 1 has no message; used the rule's full description"]);
    const clean = join(dir, 'clean.sarif');
    await writeFile(clean, JSON.stringify(logWith([ok])));
    expect((await readReport(clean)).warnings).toEqual([]);
  });

  it('drops line and column numbers SARIF cannot carry, by the rule every format follows, and says so with the places', () => {
    const at = (region: Obj) => ({ physicalLocation: { artifactLocation: { uri: 'src/hash.js' }, region } });
    const data = logWith([
      { ...ok, locations: [at({ startLine: 1e308, startColumn: 3 })] },
      { ...ok, locations: [at({ startLine: 0 })] },
      { ...ok, locations: [at({ startLine: 7, endLine: 3, startColumn: 2.5, endColumn: 'x' })] },
      { ...ok, locations: [at({ startLine: -5, charOffset: 10, charLength: 4 })], relatedLocations: [{ ...at({ startLine: 4, endLine: 4 }), id: 0 }] },
      {
        ...ok,
        codeFlows: [{ threadFlows: [{ locations: [{ location: at({ startLine: 'NaN' }) }] }] }],
        fixes: [
          { artifactChanges: [{ artifactLocation: { uri: 'a' }, replacements: [{ deletedRegion: { startLine: 3, endLine: 1 } }] }] },
          { artifactChanges: [{ artifactLocation: { uri: 'a' }, replacements: [{ deletedRegion: { startLine: 3 }, insertedContent: { text: 'x' } }] }] },
        ],
      },
    ]);
    const { log, warnings } = parse(data);
    const regions = log.runs[0]!.results!.map((r) => r.locations?.[0]?.physicalLocation?.region);
    expect(regions).toEqual([undefined, undefined, { startLine: 7 }, { charOffset: 10, charLength: 4 }, { startLine: 4 }]);
    expect(log.runs[0]!.results![4]!.codeFlows![0]!.threadFlows[0]!.locations[0]!.location!.physicalLocation!.region).toBeUndefined();
    expect(log.runs[0]!.results![4]!.fixes!.map((f) => f.artifactChanges[0]!.replacements[0]!.deletedRegion)).toEqual([{ startLine: 3 }]);
    expect(warnings).toEqual([
      'run 0 result 4 has a fix whose region has a line or column number SARIF cannot carry; dropped the fix',
      '4 start lines are not line numbers (run 0 result 0: startLine 1e+308, run 0 result 1: startLine 0, run 0 result 3: startLine -5, …); left those findings without a line (they keep their files)',
      '2 end lines and columns are not line or column numbers (run 0 result 2: startColumn 2.5, run 0 result 2: endColumn "x"); dropped them',
      'run 0 result 2: endLine 3 is before startLine 7; dropped the end line',
    ]);
    // Read again, the repaired log needs no repair: nothing SARIF cannot carry is left.
    expect(parse(JSON.parse(JSON.stringify(log)) as Obj).warnings).toEqual([]);
    if (hasShared) expect(validateSarif(JSON.parse(JSON.stringify(log))).errors).toEqual([]);
  });

  it.skipIf(!hasShared)('writes logs the official schema accepts', () => {
    const data = logWith([{ ruleId: 'DS126858', baselineState: 'existing', level: 'info', note: 'x' }, { ruleIndex: 1, message: 'plain' }], { artifact: [] });
    const { log } = parse(data);
    expect(validateSarif(JSON.parse(JSON.stringify(log))).errors).toEqual([]);
  });

  it.skipIf(!hasShared)('knows the same closed objects as the official schema', () => {
    const schema = JSON.parse(readFileSync(sarifSchemaFile, 'utf8')) as { properties: Obj; additionalProperties: boolean; definitions: Record<string, { properties: Obj; additionalProperties: boolean }> };
    expect(schema.additionalProperties).toBe(false);
    expect([...CLOSED_MEMBERS.log].sort()).toEqual(Object.keys(schema.properties).sort());
    for (const name of ['run', 'result'] as const) {
      expect(schema.definitions[name]!.additionalProperties).toBe(false);
      expect([...CLOSED_MEMBERS[name]].sort(), name).toEqual(Object.keys(schema.definitions[name]!.properties).sort());
    }
  });
});
