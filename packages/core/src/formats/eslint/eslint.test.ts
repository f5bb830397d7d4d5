import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'eslint',
  format: 'eslint',
  count: (text) => (JSON.parse(text) as { messages: unknown[] }[]).reduce((n, file) => n + file.messages.length, 0),
});
