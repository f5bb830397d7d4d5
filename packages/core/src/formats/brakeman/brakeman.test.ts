import { corpusSuite } from '../corpus-harness.js';

corpusSuite({ folder: 'brakeman', format: 'brakeman', count: (text) => (JSON.parse(text) as { warnings: unknown[] }).warnings.length });
