import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'nuclei',
  format: 'nuclei',
  // nuclei writes an empty file when nothing matched: such a file is read with --format nuclei.
  explicitFormat: (text) => text.trim() === '',
  count(text) {
    const trimmed = text.trim();
    if (!trimmed) return 0;
    if (trimmed.startsWith('[')) return (JSON.parse(trimmed) as unknown[]).length;
    return trimmed.split('\n').filter((line) => line.trim()).length;
  },
});
