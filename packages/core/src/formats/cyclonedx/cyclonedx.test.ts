import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'cyclonedx',
  format: 'cyclonedx',
  count(text) {
    if (text.trimStart().startsWith('{')) return ((JSON.parse(text) as { vulnerabilities?: unknown[] }).vulnerabilities ?? []).length;
    // Start tags of vulnerability elements, with or without the v: extension prefix.
    return (text.match(/<(?:\w+:)?vulnerability[\s>]/g) ?? []).length;
  },
});
