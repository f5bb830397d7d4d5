import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'gitleaks',
  format: 'gitleaks',
  count: (text) => {
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? data.length : 0;
  },
  secrets: (text) => {
    const data = JSON.parse(text) as Record<string, unknown>[] | null;
    return (data ?? []).flatMap((leak) => [leak.Secret, leak.Match, leak.offender, leak.line].filter((v): v is string => typeof v === 'string' && v.length >= 6));
  },
});
