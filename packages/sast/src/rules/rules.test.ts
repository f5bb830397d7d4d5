import type { Result } from 'sarif';
import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeSources } from '../engine/analyze.js';
import { ruleSetOf } from '../engine/ruleset.js';
import { ADAPTERS } from '../lang/registry.js';
import { BUILTIN_RULE_FILES } from './builtin.js';
import { loadRules, RuleError } from './load.js';
import type { RuleSpec, Snippet } from './schema.js';

// Every rule carries its own examples: each positive snippet must raise the rule, each negative one must not.
// All snippets run in one analysis (one parser set-up), each as its own file.

const rules = ruleSetOf({}).rules;

function defaultFile(rule: RuleSpec): string {
  const adapter = ADAPTERS.find((a) => a.id === rule.language);
  if (!adapter) throw new Error(`${rule.id}: no adapter for language ${rule.language}`);
  return adapter.snippetFile;
}

/** Each snippet in its own folder, so that its files (a route and its template) see each other and nothing else. */
function snippetFiles(dir: string, rule: RuleSpec, snippet: Snippet): { path: string; text: string }[] {
  if (typeof snippet === 'string') return [{ path: `${dir}/${defaultFile(rule)}`, text: snippet }];
  if ('files' in snippet) return snippet.files.map((f) => ({ path: `${dir}/${f.file}`, text: f.code }));
  return [{ path: `${dir}/${snippet.file ?? defaultFile(rule)}`, text: snippet.code }];
}

const cases = rules.flatMap((rule) =>
  (['positive', 'negative'] as const).flatMap((kind) =>
    rule.tests[kind].map((snippet, i) => {
      const dir = `${rule.id}/${kind}-${i}`;
      return { rule, kind, dir, files: snippetFiles(dir, rule, snippet) };
    }),
  ),
);
let results: Result[] = [];

beforeAll(async () => {
  const { log } = await analyzeSources(cases.flatMap((c) => c.files));
  results = log.runs[0]!.results ?? [];
});

function found(ruleId: string, dir: string): Result[] {
  return results.filter((r) => r.ruleId === ruleId && r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.startsWith(`${dir}/`));
}

const code = (c: (typeof cases)[number]) => c.files.map((f) => `${f.path}:\n${f.text}`).join('\n');

describe('rule snippets', () => {
  test.each(cases.filter((c) => c.kind === 'positive').map((c) => [c.dir, c] as const))('%s is reported', (_, c) => {
    const hits = found(c.rule.id, c.dir);
    expect(hits.length, `${c.rule.id} on:\n${code(c)}`).toBeGreaterThan(0);
    expect(hits[0]!.codeFlows?.[0]?.threadFlows[0]?.locations.length).toBeGreaterThan(1);
  });
  test.each(cases.filter((c) => c.kind === 'negative').map((c) => [c.dir, c] as const))('%s is not reported', (_, c) => {
    expect(found(c.rule.id, c.dir).map((r) => r.message.text), code(c)).toEqual([]);
  });
});

describe('rule files', () => {
  test('every built-in rule has positive and negative snippets', () => {
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) expect([rule.id, rule.tests.positive.length > 0 && rule.tests.negative.length > 0]).toEqual([rule.id, true]);
  });

  test('a rule without tests, or with problems, is refused with every problem named', () => {
    const text = BUILTIN_RULE_FILES.find((f) => f.path === 'javascript/log-injection.yaml')!.text.replace(/\ntests:[\s\S]*$/, '\n');
    const broken = { path: 'mine.yaml', text: text.replace('level: note', 'level: loud') };
    const error = (() => {
      try {
        loadRules([broken]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).problems).toEqual([expect.stringMatching(/^mine\.yaml: level: /), expect.stringMatching(/^mine\.yaml: tests: /)]);
  });

  test('disabling an unknown rule id is an error; a known one removes it', () => {
    expect(() => ruleSetOf({ disable: ['js-nope'] })).toThrow(/no rule "js-nope"/);
    expect(ruleSetOf({ disable: ['js-log-injection'] }).rules.map((r) => r.id)).not.toContain('js-log-injection');
  });
});
