// A parser for the eslint-security scanner: real code mixes ES modules with legacy scripts (`with`, octal
// literals, `delete x`, a top-level `return`) that do not parse as modules. Each file is parsed as ESLint
// would (a module for .js/.mjs, CommonJS for .cjs) and, on a syntax error, as the other kind; scope
// analysis follows the kind that parsed. Only a file that parses as neither is reported as not analysed.
// espree, eslint-scope and eslint-visitor-keys are pinned to the versions ESLint itself depends on.
import * as espree from 'espree';
import * as eslintScope from 'eslint-scope';
import * as visitorKeys from 'eslint-visitor-keys';

type SourceKind = 'module' | 'commonjs';

interface ParserOptions {
  ecmaVersion?: number | 'latest';
  sourceType?: string;
  ecmaFeatures?: { jsx?: boolean; impliedStrict?: boolean; globalReturn?: boolean };
  [option: string]: unknown;
}

function parseAs(code: string, options: ParserOptions, sourceType: SourceKind) {
  const ecmaFeatures = { ...options.ecmaFeatures, globalReturn: sourceType === 'commonjs' };
  const ast = espree.parse(code, { ...options, sourceType: sourceType === 'commonjs' ? 'script' : sourceType, ecmaFeatures });
  const ecmaVersion = options.ecmaVersion === 'latest' || typeof options.ecmaVersion !== 'number' ? espree.latestEcmaVersion : options.ecmaVersion;
  const scopeManager = eslintScope.analyze(ast, {
    ignoreEval: true,
    nodejsScope: sourceType === 'commonjs',
    impliedStrict: Boolean(options.ecmaFeatures?.impliedStrict),
    ecmaVersion,
    sourceType,
    childVisitorKeys: visitorKeys.KEYS,
    fallback: 'iteration',
  });
  return { ast, scopeManager, visitorKeys: visitorKeys.KEYS };
}

export function parseForESLint(code: string, options: ParserOptions = {}) {
  const first: SourceKind = options.sourceType === 'commonjs' || options.sourceType === 'script' ? 'commonjs' : 'module';
  const second: SourceKind = first === 'module' ? 'commonjs' : 'module';
  try {
    return parseAs(code, options, first);
  } catch (firstError) {
    try {
      return parseAs(code, options, second);
    } catch (secondError) {
      // The kind that got further is the one the file was meant to be: its error is the useful one.
      const at = (error: unknown) => (error as { index?: number }).index ?? 0;
      throw at(secondError) > at(firstError) ? secondError : firstError;
    }
  }
}

export const scriptOrModule = { meta: { name: 'pipewarden-script-or-module', version: '1.0.0' }, parseForESLint };
