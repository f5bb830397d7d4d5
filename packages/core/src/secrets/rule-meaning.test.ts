import { describe, expect, it } from 'vitest';
import type { Run } from '../sarif/types.js';
import { isAboutSecret, isSecretRule } from './rule-meaning.js';

describe('rules about hardcoded secrets', () => {
  it.each([
    ['Bandit B105', { id: 'B105' }],
    ['Bandit by name', { id: 'X', name: 'hardcoded_password_funcarg' }],
    ['gosec G101', { id: 'G101' }],
    ['SonarQube', { id: 'python:S2068' }],
    ['CodeQL', { id: 'js/hardcoded-credentials' }],
    ['Semgrep', { id: 'javascript.jsonwebtoken.security.jwt-hardcode.hardcoded-jwt-secret' }],
    ['Semgrep secrets', { id: 'generic.secrets.security.detected-aws-access-key-id-value' }],
    ['ESLint no-secrets', { id: 'no-secrets/no-secrets' }],
    ['a CWE-798 tag', { id: 'r1', properties: { tags: ['security', 'external/cwe/cwe-798'] } }],
    ['CWE-259 recorded', { id: 'r2', properties: { 'pipewarden/cwe': ['CWE-259'] } }],
    ['a secret tag', { id: 'r3', properties: { tags: ['secret'] } }],
  ])('%s is one', (_, rule) => {
    expect(isSecretRule(rule)).toBe(true);
  });

  it.each([
    ['SQL built from strings', { id: 'B608', name: 'hardcoded_sql_expressions' }],
    ['a weak password policy', { id: 'weak-password-policy' }],
    ['a missing CSRF token', { id: 'csrf-token-missing', properties: { tags: ['external/cwe/cwe-352'] } }],
  ])('%s is not', (_, rule) => {
    expect(isSecretRule(rule)).toBe(false);
  });

  it('a dependency whose weakness is CWE-798 is about its package, not a value here', () => {
    const run: Run = { tool: { driver: { name: 'Trivy', rules: [{ id: 'CVE-2020-1', properties: { tags: ['CWE-798'] } }] } } };
    expect(isAboutSecret(run, { ruleId: 'CVE-2020-1', message: {}, properties: { 'pipewarden/package': { name: 'router-lib' } } })).toBe(false);
    expect(isAboutSecret(run, { ruleId: 'CVE-2020-1', message: {} })).toBe(true);
  });
});
