import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'sonarqube',
  format: 'sonarqube',
  // The folder also holds sonar-report HTML pages and zip exports, which are other formats.
  include: (name) => name.endsWith('.json'),
  count: (text) => (JSON.parse(text) as { issues: unknown[] }).issues.length,
});
