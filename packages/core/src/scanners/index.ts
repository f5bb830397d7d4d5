// One line per scanner, in the order they run and are listed.
export { eslintSecurity } from './eslint-security.js';
export { secretlint } from './secretlint.js';
export { shellcheck } from './shellcheck.js';
