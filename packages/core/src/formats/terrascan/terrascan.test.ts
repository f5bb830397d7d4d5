import { corpusSuite } from '../corpus-harness.js';

corpusSuite({ folder: 'terrascan', format: 'terrascan', count: (text) => ((JSON.parse(text) as { results: { violations: unknown[] | null } }).results.violations ?? []).length });
