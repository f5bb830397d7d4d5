// @pipewarden/sast: files in, SARIF out. See README.md and docs/sast.md.
export { analyzeFiles, analyzeSources, PARALLEL_FROM, type AnalyzeOptions, type AnalyzeOutcome, type AnalyzeStats } from './engine/analyze.js';
export { ruleSetOf, type RuleOptions } from './engine/ruleset.js';
export { GrammarError } from './errors.js';
export { grammarsDir, GRAMMAR_FILES, missingGrammars, type GrammarFile } from './grammars.js';
export { ADAPTERS, adapterFor } from './lang/registry.js';
export { readsFile } from './lang/grammar-for.js';
export type { LanguageAdapter, ModuleTarget } from './lang/types.js';
export type * from './ir/types.js';
export type { SyntaxNode, SourceText } from './parse/syntax.js';
export { BUILTIN_RULE_FILES } from './rules/builtin.js';
export { loadRules, readRuleFiles, RuleError, type RuleFile, type RuleSet } from './rules/load.js';
export { ruleSchema, modelsFileSchema, type RuleSpec, type SinkSpec, type ModelsFile } from './rules/schema.js';
export { FINGERPRINT_KEY } from './sarif/fingerprint.js';
export { TOOL_NAME } from './sarif/log.js';
export { VERSION } from './version.js';
export { KIND_WHY, SENSITIVE_APIS, SENSITIVE_KINDS, SENSITIVE_NAMES, type SensitiveApi, type SensitiveKind } from './sensitive/apis.js';
export { tagModule, tagSensitiveCode, type SensitiveTag } from './sensitive/tag.js';
