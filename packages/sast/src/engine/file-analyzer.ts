import { GrammarError } from '../errors.js';
import type { ModuleIR, RawOutput } from '../ir/types.js';
import { adapterFor } from '../lang/registry.js';
import type { LanguageAdapter } from '../lang/types.js';
import { Parsers } from '../parse/parsers.js';
import { SourceText } from '../parse/syntax.js';
import type { CompiledRules } from '../rules/compile.js';
import type { RuleSet } from '../rules/load.js';
import type { RuleSpec } from '../rules/schema.js';
import { collectRouteFacts, type RouteFacts } from '../routes/collect.js';
import { analyzeModule } from '../taint/module.js';
import type { RenderEvent, Summary, TaintFinding } from '../taint/types.js';
import { compileRuleSet } from './ruleset.js';

export interface SourceFile {
  /** Relative to the scanned root, POSIX. */
  path: string;
  text: string;
}

/** What the first pass learns of a file: its findings alone, and what it offers and needs across files. */
export interface FirstPass {
  path: string;
  lines: number;
  findings: TaintFinding[];
  /** Its exported functions' summaries, keyed `<file>#<name>`. */
  exports: [string, Summary][];
  /** Files of the scan it imports. */
  deps: string[];
  /** Tainted data it hands to templates. */
  renders: RenderEvent[];
  /** A template's unescaped outputs. */
  rawOutputs?: RawOutput[] | undefined;
  /** What the file shows of its app, for the route rules (src/routes/). */
  routes?: RouteFacts[] | undefined;
  /** The file could not be analysed (a bug of ours in lowering it): reported, never fatal. */
  error?: string | undefined;
}

export interface SecondPass {
  path: string;
  findings: TaintFinding[];
  renders: RenderEvent[];
}

interface Prepared {
  module: ModuleIR;
  src: SourceText;
  adapter: LanguageAdapter;
  rules: CompiledRules;
}

/**
 * Parses, lowers and analyses files; the same in the main thread and in each worker. Each file is parsed
 * once: its lowered form stays cached for the second pass (cross-file flows), the wasm tree is freed at once.
 */
export class FileAnalyzer {
  private readonly compiled: Map<string, CompiledRules>;
  private readonly parsers: Parsers;
  private readonly prepared = new Map<string, Prepared>();
  private readonly routeRules: readonly RuleSpec[];

  constructor(
    ruleSet: RuleSet,
    private readonly files: ReadonlySet<string>,
    grammarsDir?: string,
    modules?: ReadonlyMap<string, WebAssembly.Module>,
  ) {
    this.compiled = compileRuleSet(ruleSet);
    this.routeRules = ruleSet.rules.filter((r) => r.mode === 'route');
    this.parsers = new Parsers(grammarsDir, modules);
  }

  async first(file: SourceFile): Promise<FirstPass> {
    const src = new SourceText(file.text);
    const base: FirstPass = { path: file.path, lines: src.lineCount, findings: [], exports: [], deps: [], renders: [] };
    const found = adapterFor(file.path);
    const rules = found ? this.compiled.get(found.adapter.id) : undefined;
    if (!found || (!rules && found.adapter.kind !== 'template')) return base;
    try {
      // Template languages without a grammar are lexed from the text (the adapter's `lex`).
      const module = found.grammar === 'lexed' ? found.adapter.lex!(src, file.path) : found.adapter.lower(await this.parsers.parse(found.grammar, found.adapter.preprocess?.(file.text) ?? file.text), src, file.path);
      if (!rules) return { ...base, rawOutputs: module.rawOutputs ?? [] };
      const prepared = { module, src, adapter: found.adapter, rules };
      this.prepared.set(file.path, prepared);
      const result = analyzeModule({ ...prepared, files: this.files });
      const routes = collectRouteFacts(module, src, found.adapter, this.files, this.routeRules.filter((r) => r.language === found.adapter.id));
      return { ...base, findings: result.findings, exports: [...result.exports].map(([name, s]) => [`${file.path}#${name}`, s]), deps: result.deps, renders: result.renders, rawOutputs: module.rawOutputs, routes };
    } catch (error) {
      // Missing grammars stop the run (nothing can be parsed); a file we fail to lower is reported and skipped.
      if (error instanceof GrammarError) throw error;
      return { ...base, error: (error as Error).stack ?? String(error) };
    }
  }

  /** The file again, now with the summaries of the files it imports: its findings replace the first pass's. */
  second(path: string, imported: ReadonlyMap<string, Summary>): SecondPass {
    const prepared = this.prepared.get(path);
    if (!prepared) return { path, findings: [], renders: [] };
    const result = analyzeModule({ ...prepared, files: this.files, imported });
    return { path, findings: result.findings, renders: result.renders };
  }

  dispose(): void {
    this.parsers.dispose();
    this.prepared.clear();
  }
}
