import { fitsCommandLine, leftOutLinkPatterns, runnerAvailability, toolRunner } from './node-tool.js';
import { annotateRules, zeroOneExit } from './rules.js';
import type { Scanner } from './types.js';

const JS = /\.(?:js|cjs|mjs|jsx)$/i;

// eslint-plugin-security writes no severity; these follow the weakness each rule looks for.
export const ESLINT_SECURITY_RULES: Record<string, { severity: string; cwe: string }> = {
  'detect-eval-with-expression': { severity: '8.8', cwe: 'CWE-95' },
  'detect-child-process': { severity: '8.1', cwe: 'CWE-78' },
  'detect-non-literal-require': { severity: '6.5', cwe: 'CWE-829' },
  'detect-disable-mustache-escape': { severity: '6.1', cwe: 'CWE-79' },
  'detect-no-csrf-before-method-override': { severity: '6.5', cwe: 'CWE-352' },
  'detect-non-literal-fs-filename': { severity: '5.3', cwe: 'CWE-22' },
  'detect-unsafe-regex': { severity: '5.3', cwe: 'CWE-1333' },
  'detect-non-literal-regexp': { severity: '5.3', cwe: 'CWE-1333' },
  'detect-pseudoRandomBytes': { severity: '5.3', cwe: 'CWE-338' },
  'detect-buffer-noassert': { severity: '5.3', cwe: 'CWE-787' },
  'detect-bidi-characters': { severity: '5.3', cwe: 'CWE-451' },
  'detect-new-buffer': { severity: '3.7', cwe: 'CWE-770' },
  'detect-possible-timing-attacks': { severity: '3.7', cwe: 'CWE-208' },
  'detect-object-injection': { severity: '3.1', cwe: 'CWE-915' },
};

export const eslintSecurity: Scanner = {
  kind: 'command',
  id: 'eslint-security',
  title: 'ESLint with eslint-plugin-security',
  category: 'sast',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 5 * 60_000,
  installHint: 'built in',
  fileList: true,
  async detect() {
    return runnerAvailability('eslint-security');
  },
  select(files) {
    return files.filter((file) => JS.test(file) && !/\.min\.js$/i.test(file));
  },
  command(target) {
    const list = fitsCommandLine(target.files);
    // Walking a folder, ESLint lints a symlinked .js file wherever it points: the links the list left out are ignored.
    const skips = list ? [] : leftOutLinkPatterns(target.leftOutLinks);
    return {
      // ESLint with eslint-plugin-security and Pipewarden's config, built into the runner (runners/eslint-security.ts).
      command: process.execPath,
      args: [toolRunner('eslint-security')!.script, '--output', target.outputFile, ...skips, ...(list ? ['--', ...target.files] : ['--all'])],
      cwd: target.root,
      output: 'file',
    };
  },
  // 1: lint errors found; 2: a configuration or internal error.
  exitMeaning: zeroOneExit,
  annotate(log) {
    annotateRules(log, (rule) => {
      const known = ESLINT_SECURITY_RULES[rule.id.replace(/^security\//, '')];
      return known && { severity: known.severity, tags: ['security', `external/cwe/${known.cwe.toLowerCase()}`] };
    });
  },
};
