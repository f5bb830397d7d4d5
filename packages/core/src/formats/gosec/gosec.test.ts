import { corpusSuite } from '../corpus-harness.js';

corpusSuite({ folder: 'gosec', format: 'gosec', count: (text) => ((JSON.parse(text) as { Issues: unknown[] | null }).Issues ?? []).length });
