// The lockfile-lint scanner's runner: lockfile-lint's own command line, bundled with everything it loads, so the
// same file runs from the CLI's install and from the GitHub Action's dist/runners/ (it reads process.argv itself).
import 'lockfile-lint/bin/lockfile-lint.js';
