import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'gitlab_dast',
  format: 'yarn-audit',
  include: (name) => name === 'empty_with_error.json',
  count: (text) => text.split('\n').filter((line) => line.includes('"type":"auditAdvisory"')).length,
});
