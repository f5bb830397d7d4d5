import { corpusSuite } from '../corpus-harness.js';

const count = (text: string) => (JSON.parse(text) as { vulnerabilities: unknown[] }).vulnerabilities.length;
for (const folder of ['gitlab_sast', 'gitlab_dep_scan', 'gitlab_container_scan']) corpusSuite({ folder, format: 'gitlab', count });

corpusSuite({
  folder: 'gitlab_dast',
  format: 'gitlab',
  // empty_with_error.json in this folder is yarn audit's JSON Lines output, tested with that format.
  include: (name) => name !== 'empty_with_error.json',
  count,
});

corpusSuite({
  folder: 'gitlab_secret_detection_report',
  format: 'gitlab',
  count,
  secrets: (text) => (JSON.parse(text) as { vulnerabilities: { raw_source_code_extract?: string }[] }).vulnerabilities.map((v) => v.raw_source_code_extract ?? '').filter((s) => s.length > 4),
});
