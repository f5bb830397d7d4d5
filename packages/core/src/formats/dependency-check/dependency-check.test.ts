import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'dependency_check',
  format: 'dependency-check',
  // Vulnerabilities and suppressed ones (kept as suppressed results), counted by their start tags.
  count: (text) => (text.replace(/<!--[\s\S]*?-->/g, '').match(/<(?:vulnerability|suppressedVulnerability)[\s>]/g) ?? []).length,
});
