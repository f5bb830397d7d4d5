// One line per input format; `pnpm new-format <id>` adds a folder, its test and a line here.
export { sarif } from './sarif/index.js';
export { shellcheck } from './shellcheck/index.js';
export { trivy } from './trivy/index.js';
export { grype } from './grype/index.js';
export { semgrep } from './semgrep/index.js';
export { gitleaks } from './gitleaks/index.js';
export { npmAudit } from './npm-audit/index.js';
export { osvScanner } from './osv-scanner/index.js';
export { checkov } from './checkov/index.js';
export { bandit } from './bandit/index.js';
export { eslint } from './eslint/index.js';
export { hadolint } from './hadolint/index.js';
export { gitlab } from './gitlab/index.js';
export { githubVulnerability } from './github-vulnerability/index.js';
export { yarnAudit } from './yarn-audit/index.js';
