import { describe, expect, it } from 'vitest';
import { categoryOf, cwesOf } from './finding.js';
import type { ReportingDescriptor, Result, Run } from './sarif/types.js';

describe('cwesOf', () => {
  it("reads a rule's CWEs once and still sees tags the rule is given later, and a result's own tags", () => {
    const rule: ReportingDescriptor = { id: 'R1', properties: { tags: ['security', 'external/cwe/cwe-79'] } };
    const plain: Result = { ruleId: 'R1', message: { text: 'x' } };
    const first = cwesOf(plain, rule);
    expect(first).toEqual(['CWE-79']);
    first.push('CWE-1');
    expect(cwesOf(plain, rule)).toEqual(['CWE-79']);
    rule.properties = { ...rule.properties, tags: ['CWE-89', 'CWE-79'] };
    expect(cwesOf(plain, rule)).toEqual(['CWE-89', 'CWE-79']);
    const tagged: Result = { ...plain, properties: { tags: ['CWE-22'] } };
    expect(cwesOf(tagged, rule)).toEqual(['CWE-89', 'CWE-79', 'CWE-22']);
  });
});

describe('categoryOf', () => {
  it("guesses from the tool's name when nothing recorded one, and a recorded category wins", () => {
    const run = (name: string): Run => ({ tool: { driver: { name } }, results: [] });
    const result: Result = { ruleId: 'R', message: { text: 'x' } };
    expect(categoryOf(run('Gitleaks'), result)).toBe('secrets');
    expect(categoryOf(run('Gitleaks'), result)).toBe('secrets');
    expect(categoryOf(run('Grype'), result)).toBe('sca');
    expect(categoryOf(run('Checkov'), result)).toBe('iac');
    expect(categoryOf(run('Semgrep'), result)).toBe('sast');
    expect(categoryOf(run('Gitleaks'), { ...result, properties: { 'pipewarden/category': 'sast' } })).toBe('sast');
  });
});
