// One line per scanner; cheap ones are started first (see Scanner.cost).
export { eslintSecurity } from './eslint-security.js';
export { secretlint } from './secretlint.js';
export { shellcheck } from './shellcheck.js';
export { bandit } from './bandit.js';
export { flawfinder } from './flawfinder.js';
export { cppcheck } from './cppcheck.js';
export { npmAudit } from './npm-audit.js';
export { cyclonedxNpm } from './cyclonedx-npm.js';
export { semgrep } from './semgrep.js';
export { trivy } from './trivy.js';
export { grype } from './grype.js';
export { gitleaks } from './gitleaks.js';
export { osvScanner } from './osv-scanner.js';
export { checkov } from './checkov.js';
export { hadolint } from './hadolint.js';
export { wapiti } from './wapiti.js';
export { zap } from './zap.js';
