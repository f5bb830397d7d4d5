import type { Expr, ModuleIR, Pattern, Span, Stmt } from '../ir/types.js';
import type { LanguageAdapter } from '../lang/types.js';
import type { SourceText } from '../parse/syntax.js';
import { compilePattern, type PathPattern } from '../rules/patterns.js';
import type { RuleSpec, SinkSpec } from '../rules/schema.js';
import { conditionHolds } from '../taint/sink-conditions.js';

// The per-file half of route rules (mode: route): what a file shows of its app (it keeps users in cookies, it
// turns a protection on) and the places that would be findings if the app as a whole turns out unprotected.
// Read from the lowered module alone, so it runs in the worker that parsed the file; src/routes/decide.ts
// joins the files of each app.

/** A place in a file: where a reference or candidate is. */
export interface Place {
  file: string;
  span: Span;
  /** The code there, white space folded. */
  text: string;
}

/** A route registration, reference or setting that is a finding unless the app is protected. */
export interface Candidate extends Place {
  /** The sink as written (`app.post`), or the reference or setting's name. */
  callee: string;
  label: string;
  /** What it is, for the message: "the route `POST '/transfer'`". */
  what: string;
  /** A route as named in a list: "`POST '/transfer'`". */
  name: string;
  /** Reported whatever the app uses (csrf_exempt, a settings list): not only in apps that keep cookies. */
  always: boolean;
}

export interface RouteFacts {
  rule: string;
  /** The first reference that shows the app keeps users in cookies. */
  uses?: Place | undefined;
  protection?: Place | undefined;
  /** The first call that creates the app (`express()`): where the app's finding is. */
  created?: Place | undefined;
  candidates: Candidate[];
}

interface CompiledRouteRule {
  spec: RuleSpec;
  uses: PathPattern[];
  protections: PathPattern[];
  creates: PathPattern[];
  references: { pattern: PathPattern; label: string }[];
  /** The first segments a reference must start with to match any of the patterns above; undefined: any (a wildcard or regex leads). */
  firsts: ReadonlySet<string> | undefined;
  sinks: { spec: SinkSpec; pattern: PathPattern; equals: RegExp | undefined }[];
}

const compiled = new WeakMap<RuleSpec, CompiledRouteRule>();

function compileRouteRule(spec: RuleSpec): CompiledRouteRule {
  let rule = compiled.get(spec);
  if (!rule) {
    const app = spec.app!;
    const texts = [...app.uses, ...app.protections, ...app.references.map((r) => r.pattern)];
    const firsts = texts.some((t) => t.startsWith('re:') || t.startsWith('*')) ? undefined : new Set(texts.map((t) => t.split('.')[0]!));
    rule = {
      spec,
      uses: app.uses.map(compilePattern),
      protections: app.protections.map(compilePattern),
      creates: app.creates.map(compilePattern),
      references: app.references.map((r) => ({ pattern: compilePattern(r.pattern), label: r.label })),
      firsts,
      sinks: spec.sinks.map((s) => ({ spec: s, pattern: compilePattern(s.call!), equals: s.when?.equals ? new RegExp(s.when.equals, 'i') : undefined })),
    };
    compiled.set(spec, rule);
  }
  return rule;
}

/** Every expression and statement of the module, nested functions included, visited once. */
function walk(module: ModuleIR, onExpr: (e: Expr) => void, onStmt: (s: Stmt) => void): void {
  const expr = (e: Expr | undefined): void => {
    if (!e) return;
    onExpr(e);
    switch (e.kind) {
      case 'member': expr(e.object); expr(e.index); break;
      case 'call': expr(e.callee); e.args.forEach(expr); break;
      case 'concat': case 'union': case 'opaque': e.parts.forEach(expr); break;
      case 'cond': expr(e.test); expr(e.then); expr(e.else); break;
      case 'is-type': expr(e.subject); break;
      case 'object': e.entries.forEach((x) => expr(x.value)); break;
      case 'array': e.items.forEach(expr); break;
      case 'assign': pattern(e.target); expr(e.value); break;
      default: break;
    }
  };
  const pattern = (p: Pattern | undefined): void => {
    if (p?.kind === 'member') expr({ kind: 'member', span: p.span, object: p.object, property: p.property });
  };
  const stmts = (list: readonly Stmt[]): void => {
    for (const s of list) {
      onStmt(s);
      switch (s.kind) {
        case 'expr': expr(s.expr); break;
        case 'assign': pattern(s.target); expr(s.value); expr(s.fallback); break;
        case 'if': expr(s.test); stmts(s.then); stmts(s.else); break;
        case 'loop': stmts(s.head); expr(s.test); if (s.each) expr(s.each.iterable); stmts(s.body); break;
        case 'return': case 'throw': expr(s.value); break;
        case 'try': stmts(s.body); stmts(s.handler); stmts(s.finalizer); break;
        case 'branches': expr(s.test); s.arms.forEach(stmts); break;
        case 'class': s.fields.forEach((f) => expr(f.value)); break;
        default: break;
      }
    }
  };
  stmts(module.body);
  // Function bodies are listed once in module.functions, however deeply they are nested.
  for (const fn of module.functions) stmts(fn.body);
}

/** Names resolved through imports and assignments: `session` → express-session, `app` → flask.Flask(). */
class Resolver {
  private readonly bound = new Map<string, Expr | string[]>();

  constructor(private readonly module: ModuleIR, private readonly adapter: LanguageAdapter, private readonly files: ReadonlySet<string>) {
    for (const imp of module.imports) {
      const ref = this.moduleRef(imp.module);
      this.bound.set(imp.local, imp.imported === '*' || (imp.imported === 'default' && !ref[0]?.startsWith('<')) ? ref : [...ref, imp.imported]);
    }
  }

  bind(name: string, value: Expr): void {
    if (!this.bound.has(name)) this.bound.set(name, value);
  }

  moduleRef(spec: string): string[] {
    const target = this.adapter.resolveModule(spec, this.module.file, this.files);
    return 'file' in target ? [`<${target.file}>`] : target.package;
  }

  /** The dotted path an expression names, resolved; `depth` stops cycles (a = b; b = a). */
  path(e: Expr, resolve = true, depth = 0): string[] | undefined {
    switch (e.kind) {
      case 'name': {
        const bound = resolve && depth < 8 ? this.bound.get(e.name) : undefined;
        if (Array.isArray(bound)) return bound;
        return (bound && this.path(bound, resolve, depth + 1)) ?? [e.name];
      }
      case 'member': {
        const base = this.path(e.object, resolve, depth);
        return base ? [...base, e.property ?? '*'] : undefined;
      }
      case 'call': {
        const base = this.path(e.callee, resolve, depth);
        return base?.length ? [...base.slice(0, -1), `${base.at(-1)}()`] : undefined;
      }
      case 'module':
        return this.moduleRef(e.module);
      case 'union':
        return e.parts.length ? this.path(e.parts[0]!, resolve, depth) : undefined;
      default:
        return undefined;
    }
  }
}

function textOf(src: SourceText, span: Span): string {
  return src.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
}

/** A route as named in a list: "`POST '/transfer'`". */
function routeName(call: Extract<Expr, { kind: 'call' }>, callee: string, src: SourceText): string {
  const text = textOf(src, call.span);
  const first = call.args[0];
  // Flask's route('/p', methods=[…]), Hapi's route({ method: 'POST', path: '/p' }): the methods named that change state.
  const listed = /\bmethods?\s*[:=]\s*(\[[^\]]*\]|'[^']*'|"[^"]*")/.exec(text)?.[1]?.match(/\b(?:POST|PUT|PATCH|DELETE)\b/gi);
  const method = listed ? listed.map((m) => m.toUpperCase()).join('/') : (/\.(\w+)$/.exec(callee)?.[1] ?? callee).toUpperCase();
  // router.route('/:id').delete(fn): the path is the argument of route().
  const chained = call.callee.kind === 'member' && call.callee.object.kind === 'call' ? call.callee.object.args[0] : undefined;
  const literal = [first, chained].find((a) => a && (a.kind === 'literal' || a.kind === 'concat'));
  const path = literal ? textOf(src, literal.span) : /\bpath\s*:\s*('[^']*'|"[^"]*"|`[^`]*`)/.exec(text)?.[1];
  return `\`${method}${path ? ` ${path}` : ''}\``;
}

function settingsOf(rule: CompiledRouteRule, stmt: Stmt, file: string, src: SourceText, out: Candidate[]): void {
  if (stmt.kind !== 'assign' || stmt.target.kind !== 'name' || stmt.value?.kind !== 'array') return;
  for (const setting of rule.spec.app!.settings) {
    if (setting.name !== stmt.target.name) continue;
    const items = stmt.value.items.flatMap((i) => (i.kind === 'literal' && typeof i.value === 'string' ? [i.value] : []));
    if (setting.has !== undefined && !items.some((i) => new RegExp(setting.has!).test(i))) continue;
    if (items.some((i) => new RegExp(setting.lacks).test(i))) continue;
    out.push({ file, span: stmt.target.span, text: setting.name, callee: setting.name, label: setting.label, what: `the \`${setting.name}\` list`, name: `\`${setting.name}\``, always: true });
  }
}

/** One file's facts for each route rule of its language. */
export function collectRouteFacts(module: ModuleIR, src: SourceText, adapter: LanguageAdapter, files: ReadonlySet<string>, specs: readonly RuleSpec[]): RouteFacts[] {
  if (!specs.length) return [];
  const rules = specs.map(compileRouteRule);
  const resolver = new Resolver(module, adapter, files);
  // Bindings first (a name used before its assignment in the text is still resolved), then the references.
  walk(module, (e) => {
    if (e.kind === 'assign' && e.target.kind === 'name') resolver.bind(e.target.name, e.value);
  }, (s) => {
    if (s.kind === 'assign' && s.target.kind === 'name' && s.value) resolver.bind(s.target.name, s.value);
  });
  const facts = rules.map((rule): RouteFacts => ({ rule: rule.spec.id, candidates: [] }));
  const place = (span: Span): Place => ({ file: module.file, span, text: textOf(src, span) });
  const see = (path: readonly string[], span: Span, imported = false): void => {
    rules.forEach((rule, i) => {
      const fact = facts[i]!;
      // Most references name nothing the rule knows: one set lookup turns them away.
      if (rule.firsts && !rule.firsts.has(path[0]!)) return;
      // An import alone does not show use (its place would be the file's first line); importing a protection does.
      if (!imported && !fact.uses && rule.uses.some((p) => p.prefix(path) > 0)) fact.uses = place(span);
      if (!fact.protection && rule.protections.some((p) => p.prefix(path) > 0)) fact.protection = place(span);
      if (imported) return;
      for (const ref of rule.references) {
        if (ref.pattern.matches(path)) fact.candidates.push({ ...place(span), callee: path.join('.'), label: ref.label, what: `\`${textOf(src, span)}\``, name: `\`${textOf(src, span)}\``, always: true });
      }
    });
  };
  const appCreated = (call: Extract<Expr, { kind: 'call' }>): void => {
    let path: string[] | undefined | null = null;
    rules.forEach((rule, i) => {
      if (facts[i]!.created || !rule.creates.length) return;
      // Resolved once per call, and only while some rule still looks for its app's creation in this file.
      if (path === null) path = resolver.path(call.callee);
      if (path && rule.creates.some((p) => p.matches(path!))) facts[i]!.created = place(call.span);
    });
  };
  const span0 = module.body[0]?.span ?? { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
  for (const imp of module.imports) see([...resolver.moduleRef(imp.module), ...(imp.imported === '*' || imp.imported === 'default' ? [] : [imp.imported])], span0, true);
  walk(module, (e) => {
    // References: every name and member chain, and the chains inside it (a.b.c, a.b, a): patterns match prefixes.
    if (e.kind === 'name' || e.kind === 'member' || e.kind === 'module') {
      const path = resolver.path(e);
      if (path) see(path, e.span);
    }
    if (e.kind !== 'call') return;
    appCreated(e);
    const written = resolver.path(e.callee, false);
    if (!written) return;
    rules.forEach((rule, i) => {
      for (const sink of rule.sinks) {
        if (!sink.pattern.matches(written) || !conditionHolds({ spec: sink.spec, equals: sink.equals }, e.args)) continue;
        const callee = textOf(src, e.callee.span);
        const name = routeName(e, callee, src);
        const what = `the route ${name}`;
        // The registration's head (`app.post('/x'`), not the handler after it; named by method and path, so that
        // the finding keeps its identity while the handler's code changes.
        const first = e.args[0];
        const head = first && (first.kind === 'literal' || first.kind === 'concat') ? first.span : e.callee.span;
        const span = { ...e.span, end: head.end, endLine: head.endLine, endColumn: head.endColumn };
        facts[i]!.candidates.push({ file: module.file, span, text: what, callee, label: sink.spec.label, what, name, always: false });
        break;
      }
    });
  }, (s) => rules.forEach((rule, i) => settingsOf(rule, s, module.file, src, facts[i]!.candidates)));
  return facts.filter((f) => f.uses || f.protection || f.created || f.candidates.length);
}
