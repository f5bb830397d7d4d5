import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'bandit',
  format: 'bandit',
  count: (text) => (JSON.parse(text) as { results: unknown[] }).results.length,
  // The flagged code is never copied (hardcoded-password checks would carry the password).
  secrets: (text) =>
    (JSON.parse(text) as { results: { test_id: string; code: string }[] }).results
      .filter((r) => ['B105', 'B106', 'B107'].includes(r.test_id))
      .map((r) => r.code.split('\n').find((line) => /=/.test(line))?.replace(/^\d+\s*/, '').trim() ?? '')
      .filter((line) => line.length > 6),
});
