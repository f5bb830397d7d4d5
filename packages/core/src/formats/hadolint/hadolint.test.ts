import { corpusSuite } from '../corpus-harness.js';

corpusSuite({ folder: 'hadolint', format: 'hadolint', count: (text) => (JSON.parse(text) as unknown[]).length });
