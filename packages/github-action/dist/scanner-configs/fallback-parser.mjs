// A parser for the eslint-security scanner: real code mixes ES modules with legacy scripts (`with`, octal
// literals, `delete x`, a top-level `return`) that do not parse as modules. Each file is parsed as ESLint
// would (a module for .js/.mjs, CommonJS for .cjs) and, on a syntax error, as the other kind; scope
// analysis follows the kind that parsed. Only a file that parses as neither is reported as not analysed.
import { createRequire } from 'node:module';

// ESLint's own parser and scope analyser, the versions it ships with (never a second copy).
const fromEslint = createRequire(createRequire(import.meta.url).resolve('eslint'));
const espree = fromEslint('espree');
const eslintScope = fromEslint('eslint-scope');
const visitorKeys = fromEslint('eslint-visitor-keys');

function parseAs(code, options, sourceType) {
  const ecmaFeatures = { ...options.ecmaFeatures, globalReturn: sourceType === 'commonjs' };
  const ast = espree.parse(code, { ...options, sourceType: sourceType === 'commonjs' ? 'script' : sourceType, ecmaFeatures });
  const ecmaVersion = options.ecmaVersion === 'latest' || typeof options.ecmaVersion !== 'number' ? espree.latestEcmaVersion : options.ecmaVersion;
  const scopeManager = eslintScope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: sourceType === 'commonjs',
    impliedStrict: Boolean(options.ecmaFeatures?.impliedStrict),
    ecmaVersion,
    sourceType: sourceType === 'commonjs' ? 'commonjs' : sourceType,
    childVisitorKeys: visitorKeys.KEYS,
    fallback: 'iteration',
  });
  return { ast, scopeManager, visitorKeys: visitorKeys.KEYS };
}

export const meta = { name: 'pipewarden-script-or-module', version: '1.0.0' };

export function parseForESLint(code, options = {}) {
  const first = options.sourceType === 'commonjs' || options.sourceType === 'script' ? 'commonjs' : 'module';
  const second = first === 'module' ? 'commonjs' : 'module';
  try {
    return parseAs(code, options, first);
  } catch (firstError) {
    try {
      return parseAs(code, options, second);
    } catch (secondError) {
      // The kind that got further is the one the file was meant to be: its error is the useful one.
      throw (secondError.index ?? 0) > (firstError.index ?? 0) ? secondError : firstError;
    }
  }
}

export default { meta, parseForESLint };
