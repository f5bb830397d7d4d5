// Pipewarden's ESLint config for the eslint-security scanner: security rules only, so a
// project's own style config never changes what is reported.
import security from 'eslint-plugin-security';
import scriptOrModule from './fallback-parser.mjs';

export default [
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/coverage/**', '**/*.min.js', '.pipewarden/**'],
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: {
      ecmaVersion: 'latest',
      // Legacy scripts next to modules: each file parsed as the kind it is (see fallback-parser.mjs).
      parser: scriptOrModule,
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    plugins: { security },
    rules: Object.fromEntries(Object.keys(security.rules).map((id) => [`security/${id}`, 'warn'])),
  },
];
