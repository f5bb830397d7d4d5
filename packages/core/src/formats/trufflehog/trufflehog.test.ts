import { corpusSuite } from '../corpus-harness.js';

const items = (text: string): Record<string, unknown>[] => {
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as Record<string, unknown>[];
  return trimmed.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);
};

const secrets = (text: string): string[] =>
  items(text).flatMap((item) => {
    const values: unknown[] = [item.Raw, item.RawV2, item.Redacted, item.secret, ...(Array.isArray(item.stringsFound) ? item.stringsFound : [])];
    if (typeof item.Raw === 'string') values.push(Buffer.from(item.Raw, 'base64').toString('utf8'));
    return values.filter((v): v is string => typeof v === 'string' && v.length >= 8).map((v) => v.trim());
  });

corpusSuite({ folder: 'trufflehog', format: 'trufflehog', count: (text) => items(text).length, secrets });
corpusSuite({ folder: 'trufflehog3', format: 'trufflehog', count: (text) => items(text).length, secrets });
