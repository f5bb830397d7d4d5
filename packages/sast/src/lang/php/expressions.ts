import type { Expr, ObjectEntry, Pattern, Span } from '../../ir/types.js';
import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { LowerContext, stringValue } from './context.js';
import { lowerFunction } from './functions.js';
import { outputContext, outputSink } from './html.js';

type Lower = (ctx: LowerContext, node: SyntaxNode) => Expr;

const TRANSPARENT = new Set(['parenthesized_expression', 'error_suppression_expression', 'clone_expression', 'reference_modifier', 'by_ref']);
const UNION_OPERATORS = new Set(['??', '?:']);
const EQUALITY = new Set(['==', '===', '!=', '!==', '<>']);
/** Casts to these types leave no text of the value: a number or a yes/no. */
const NUMERIC_CASTS = /^(?:int|integer|float|double|real|bool|boolean|unset)$/i;
/** settype() to these types: the variable holds a number or a yes/no afterwards. */
const NUMERIC_TYPES = /^(?:int|integer|float|double|bool|boolean|null)$/i;
/** Functions that run a shell command and give back its output: the output is data from outside the program. */
const COMMAND_OUTPUT = new Set(['shell_exec', 'system', 'exec', 'passthru', 'proc_open', 'popen']);
/** Functions that read a whole file or URL: a sink for its name and a source for its content. */
const FILE_CONTENT = new Set(['file_get_contents', 'file']);
/** sprintf conversions that print a number whatever the argument holds. */
const NUMERIC_CONVERSIONS = /[bcdeEfFgGhHouxX]/;

function literal(ctx: LowerContext, node: SyntaxNode, value: string | number | boolean | null): Expr {
  return { kind: 'literal', span: ctx.span(node), value };
}

function name(span: Span, text: string): Expr {
  return { kind: 'name', span, name: text };
}

/** `\App\Http\Request` → `Request`; PHP's names of functions and classes without their namespace. */
export function bareName(text: string): string {
  return text.replace(/^.*\\/, '');
}

/** A variable `$x` is the name `x`; superglobals are plain names too (`$_GET` → `_GET`), matched by source patterns. */
function variable(ctx: LowerContext, node: SyntaxNode): Expr {
  const inner = firstNamed(node);
  if (!inner || inner.type !== 'name') return ctx.opaque(node, inner ? [lowerExpr(ctx, inner)] : []);
  return name(ctx.span(node), ctx.text(inner));
}

/** "…$x…", heredocs, backticks: the parts end up in one string. */
function interpolated(ctx: LowerContext, node: SyntaxNode, open = 1, close = 1): Expr {
  const parts: Expr[] = [];
  for (const child of node.children) {
    if (!child.named) continue;
    if (child.type === 'string_content' || child.type === 'escape_sequence' || child.type === 'string_value') parts.push(literal(ctx, child, ctx.text(child)));
    else if (child.type === 'heredoc_start' || child.type === 'heredoc_end') continue;
    else if (child.type === 'heredoc_body') return interpolated(ctx, child, 0, 0);
    else parts.push(lowerExpr(ctx, child));
  }
  if (parts.every((p) => p.kind === 'literal')) return literal(ctx, node, ctx.src.text.slice(node.start + open, node.end - close));
  return { kind: 'concat', span: ctx.span(node), parts };
}

function subscript(ctx: LowerContext, node: SyntaxNode): Expr {
  const [object, index] = namedChildren(node);
  const base = object ? lowerExpr(ctx, object) : ctx.opaque(node);
  if (index && (index.type === 'string' || index.type === 'encapsed_string') && !namedChildren(index).some((c) => c.type !== 'string_content' && c.type !== 'string_value')) {
    return { kind: 'member', span: ctx.span(node), object: base, property: stringValue(ctx, index) };
  }
  if (index && index.type === 'integer') return { kind: 'member', span: ctx.span(node), object: base, property: ctx.text(index) };
  return { kind: 'member', span: ctx.span(node), object: base, property: undefined, index: index ? lowerExpr(ctx, index) : undefined };
}

function memberAccess(ctx: LowerContext, node: SyntaxNode): Expr {
  const object = fieldOf(node, 'object') ?? fieldOf(node, 'scope');
  const prop = fieldOf(node, 'name');
  const property = prop ? (prop.type === 'name' ? ctx.text(prop) : prop.type === 'variable_name' ? ctx.text(prop).slice(1) : undefined) : undefined;
  return { kind: 'member', span: ctx.span(node), object: object ? scopeOrObject(ctx, object) : ctx.opaque(node), property };
}

/** The object of `$o->m()`, or the class of `Foo::m()` / `\App\Foo::m()` as a plain name. */
function scopeOrObject(ctx: LowerContext, node: SyntaxNode): Expr {
  if (node.type === 'name' || node.type === 'qualified_name' || node.type === 'relative_scope') return name(ctx.span(node), bareName(ctx.text(node)));
  return lowerExpr(ctx, node);
}

export function argumentsOf(ctx: LowerContext, node: SyntaxNode | undefined): Expr[] {
  if (!node) return [];
  return namedChildren(node).map((arg) => {
    if (arg.type !== 'argument') return lowerExpr(ctx, arg);
    const value = namedChildren(arg).filter((c) => c.field !== 'name').at(-1);
    return value ? lowerExpr(ctx, value) : ctx.opaque(arg);
  });
}

function argNodes(node: SyntaxNode | undefined): SyntaxNode[] {
  if (!node) return [];
  return namedChildren(node).map((arg) => (arg.type === 'argument' ? namedChildren(arg).filter((c) => c.field !== 'name').at(-1) ?? arg : arg));
}

/** A constant string an argument holds: a literal, or a variable assigned only constant strings (a regex kept in `$re`). */
function constantString(ctx: LowerContext, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'string' || (node.type === 'encapsed_string' && namedChildren(node).every((c) => c.type === 'string_content' || c.type === 'escape_sequence'))) return stringValue(ctx, node);
  if (node.type === 'variable_name') return ctx.constants.get(ctx.text(node).slice(1)) ?? undefined;
  return undefined;
}

/** sprintf's format filled in: a concatenation, where numeric conversions (%d, %u, %f) print no text of their argument. */
function formatted(ctx: LowerContext, node: SyntaxNode, args: Expr[], format: string | undefined): Expr {
  if (format === undefined) return { kind: 'concat', span: ctx.span(node), parts: args };
  const parts: Expr[] = [];
  const span = ctx.span(node);
  let next = 1;
  let last = 0;
  const re = /%(?:(\d+)\$)?[-+ 0]*(?:'.)?\d*(?:\.\d+)?([%a-zA-Z])/g;
  for (let m = re.exec(format); m; m = re.exec(format)) {
    if (m[2] === '%') continue;
    parts.push({ kind: 'literal', span, value: format.slice(last, m.index) });
    last = m.index + m[0].length;
    const arg = args[m[1] ? Number(m[1]) : next++];
    if (!arg) continue;
    parts.push(NUMERIC_CONVERSIONS.test(m[2]!) ? { kind: 'opaque', span: arg.span, parts: [arg] } : arg);
  }
  parts.push({ kind: 'literal', span, value: format.slice(last) });
  return { kind: 'concat', span, parts };
}

/** A regex that only a string of letters, digits and `_` (or only digits) can match whole: nothing of it can break out. */
function isAllowListRegex(regex: string): boolean {
  const m = /^([^a-zA-Z0-9\s\\])([\s\S]*)\1([a-zA-Z]*)$/.exec(regex) ?? /^\(([\s\S]*)\)([a-zA-Z]*)$/.exec(regex);
  if (!m) return false;
  const [body, flags] = m.length === 4 ? [m[2]!, m[3]!] : [m[1]!, m[2]!];
  if (flags.includes('m')) return false;
  const inner = /^(?:\^|\\A)([\s\S]*)(?:\$|\\z|\\Z)$/.exec(body)?.[1];
  if (inner === undefined) return false;
  const atom = String.raw`(?:\[(?:[a-zA-Z0-9]-[a-zA-Z0-9]|[a-zA-Z0-9_]|\\d|\\w)+\]|\\d|\\w|[a-zA-Z0-9_])(?:[*+?]|\{\d+(?:,\d*)?\})?`;
  return new RegExp(`^(?:${atom})+$`).test(inner);
}

function isConstantScalar(node: SyntaxNode): boolean {
  if (node.type === 'string' || node.type === 'integer' || node.type === 'float' || node.type === 'boolean') return true;
  return node.type === 'encapsed_string' && namedChildren(node).every((c) => c.type === 'string_content' || c.type === 'escape_sequence');
}

/** in_array($x, [constants…]) or in_array($x, $allowed) with $allowed only ever a constant array: $x is one of them. */
function allowList(ctx: LowerContext, node: SyntaxNode, negated: boolean): Expr | undefined {
  const [subject, haystack] = argNodes(fieldOf(node, 'arguments'));
  if (!subject || !haystack) return undefined;
  const constant = haystack.type === 'array_creation_expression'
    ? namedChildren(haystack).every((el) => namedChildren(el).every(isConstantScalar))
    : haystack.type === 'variable_name' && ctx.constants.get(`[]${ctx.text(haystack).slice(1)}`) === '';
  if (!constant) return undefined;
  return { kind: 'is-type', span: ctx.span(node), subject: lowerExpr(ctx, subject), type: 'number', negated };
}

/** preg_match(allow-list regex, $x): a test the engine takes as "holds no metacharacters" (type number). */
function pregTest(ctx: LowerContext, node: SyntaxNode, negated: boolean): Expr | undefined {
  if (node.type === 'parenthesized_expression') {
    const inner = firstNamed(node);
    return inner ? pregTest(ctx, inner, negated) : undefined;
  }
  if (node.type !== 'function_call_expression') return undefined;
  const fn = fieldOf(node, 'function');
  if (fn && bareName(ctx.text(fn)).toLowerCase() === 'in_array') return allowList(ctx, node, negated);
  if (!fn || bareName(ctx.text(fn)).toLowerCase() !== 'preg_match') return undefined;
  const [pattern, subject] = argNodes(fieldOf(node, 'arguments'));
  const regex = constantString(ctx, pattern);
  if (!subject || regex === undefined || !isAllowListRegex(regex)) return undefined;
  return { kind: 'is-type', span: ctx.span(node), subject: lowerExpr(ctx, subject), type: 'number', negated };
}

/** A call used as a whole condition that the engine can take as a test: preg_match with an allow-list regex, in_array. */
export function conditionTest(ctx: LowerContext, node: SyntaxNode): Expr | undefined {
  return pregTest(ctx, node, false);
}

/** The callee's name as written, for special forms: `sprintf`, `\filter_var`. */
function calleeName(ctx: LowerContext, fn: SyntaxNode | undefined): string | undefined {
  if (!fn || (fn.type !== 'name' && fn.type !== 'qualified_name')) return undefined;
  return bareName(ctx.text(fn)).toLowerCase();
}

function keywordSpan(ctx: LowerContext, node: SyntaxNode, keyword: string): Span {
  return ctx.src.span(node.start, node.start + keyword.length);
}

/** Output (echo, print, printf, `<?=`): a call of `echo` or `echo:<context>` by where in the page it lands. */
export function output(ctx: LowerContext, node: SyntaxNode, calleeSpan: Span, args: Expr[]): Expr {
  const lead = args[0]?.kind === 'concat' ? args[0].parts.filter((p, i, all) => all.slice(0, i + 1).every((q) => q.kind === 'literal')).map((p) => (p.kind === 'literal' ? String(p.value ?? '') : '')).join('') : '';
  const context = outputContext(ctx.htmlBefore(node.start) + lead);
  return { kind: 'call', span: ctx.span(node), callee: name(calleeSpan, outputSink(context)), args };
}

/** A PCRE pattern as written in PHP ('/x/i', '#x#', '{x}') as a global JavaScript RegExp, when it means the same there. */
function pcre(pattern: string | undefined): RegExp | undefined {
  const m = pattern === undefined ? null : /^([^\w\s\\])([\s\S]*)([^\w\s\\])([imsuU]*)$/.exec(pattern);
  if (!m || m[3] !== ({ '{': '}', '(': ')', '[': ']', '<': '>' }[m[1]!] ?? m[1])) return undefined;
  try {
    return new RegExp(m[2]!, `g${m[4]!.replace(/U/g, '')}`);
  } catch {
    return undefined;
  }
}

/** The string constants of a literal or of an array of literals (str_replace's search list). */
function constantStrings(ctx: LowerContext, node: SyntaxNode | undefined): string[] | undefined {
  if (node?.type !== 'array_creation_expression') {
    const one = constantString(ctx, node);
    return one === undefined ? undefined : [one];
  }
  const items = namedChildren(node).map((e) => (e.type === 'array_element_initializer' && namedChildren(e).length === 1 ? constantString(ctx, namedChildren(e)[0]) : undefined));
  return items.every((x): x is string => x !== undefined) && items.length ? items : undefined;
}

/** A replacement that leaves no single quote (tried on quotes in every position): a value that cannot close a '…' string. */
function stripsSingleQuotes(regex: RegExp | undefined, replacement: string | undefined): boolean {
  if (!regex || replacement === undefined || replacement.includes("'") || /\$\d|\\\d/.test(replacement)) return false;
  return !"'a'' b '''c'".replace(regex, replacement).includes("'");
}

/** preg_replace('/\'/', '', $x) is `preg_replace.strip_single_quotes` to the rules: clean inside single quotes only. */
function quoteStripped(call: Extract<Expr, { kind: 'call' }>): Expr {
  return { ...call, callee: { kind: 'member', span: call.callee.span, object: call.callee, property: 'strip_single_quotes' } };
}

function synthetic(span: Span, callee: string, args: Expr[] = []): Expr {
  return { kind: 'call', span, callee: name(span, callee), args };
}

function functionCall(ctx: LowerContext, node: SyntaxNode): Expr {
  const fn = fieldOf(node, 'function');
  const argsNode = fieldOf(node, 'arguments');
  const nodes = argNodes(argsNode);
  const args = argumentsOf(ctx, argsNode);
  const span = ctx.span(node);
  const called = calleeName(ctx, fn);
  const callee = fn ? (called ? name(ctx.span(fn), bareName(ctx.text(fn))) : lowerExpr(ctx, fn)) : ctx.opaque(node);
  const call: Expr = { kind: 'call', span, callee, args };
  switch (called) {
    case 'sprintf':
    case 'vsprintf':
      return formatted(ctx, node, called === 'vsprintf' && args[1]?.kind === 'array' ? [args[0]!, ...args[1].items] : args, constantString(ctx, nodes[0]));
    case 'printf':
      return output(ctx, node, ctx.span(fn!), [formatted(ctx, node, args, constantString(ctx, nodes[0]))]);
    case 'print_r':
    case 'var_dump':
    case 'vprintf':
      return output(ctx, node, ctx.span(fn!), args.slice(0, 1));
    case 'filter_var': {
      // filter_var($x, FILTER_VALIDATE_INT) is `filter_var.FILTER_VALIDATE_INT` to the rules.
      const filter = nodes[1]?.type === 'name' ? ctx.text(nodes[1]) : undefined;
      return filter ? { ...call, callee: { kind: 'member', span: callee.span, object: callee, property: filter } } : call;
    }
    case 'filter_input': {
      // filter_input(INPUT_GET, 'id', FILTER_…) reads $_GET['id'] through filter_var.
      const type = nodes[0] ? ctx.text(nodes[0]).replace(/^INPUT_/, '_') : '';
      const key = constantString(ctx, nodes[1]);
      if (!/^_(?:GET|POST|COOKIE|SERVER|ENV|REQUEST)$/.test(type)) return call;
      const read: Expr = { kind: 'member', span, object: name(span, type), property: key };
      const filter = nodes[2]?.type === 'name' ? ctx.text(nodes[2]) : undefined;
      const filterVar = name(callee.span, 'filter_var');
      return { kind: 'call', span, callee: filter ? { kind: 'member', span: callee.span, object: filterVar, property: filter } : filterVar, args: [read] };
    }
    case 'settype': {
      const type = constantString(ctx, nodes[1]);
      const target = nodes[0] ? lowerTarget(ctx, nodes[0]) : undefined;
      if (!target || type === undefined || !NUMERIC_TYPES.test(type)) return call;
      return { kind: 'assign', span, target, value: { kind: 'opaque', span, parts: [args[0]!] } };
    }
    case 'preg_replace': {
      // Removing every character that is not a letter or digit leaves nothing that can break out.
      const regex = constantString(ctx, nodes[0]);
      const replacement = constantString(ctx, nodes[1]);
      if (regex !== undefined && replacement === '' && /^(.)(?:\\W|\[\^(?:a-z|A-Z|0-9|_|\\w|\\d)+\])\+?\1[a-zA-Z]*$/.test(regex)) return { kind: 'opaque', span, parts: args };
      return stripsSingleQuotes(pcre(regex), replacement) ? quoteStripped(call) : call;
    }
    case 'str_replace': {
      const search = constantStrings(ctx, nodes[0]);
      const replacement = constantString(ctx, nodes[1]);
      const regex = search && new RegExp(search.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
      return stripsSingleQuotes(regex, replacement) ? quoteStripped(call) : call;
    }
    case 'preg_match': {
      // preg_match($re, $subject, $matches): $matches holds parts of the subject.
      const target = nodes[2] ? lowerTarget(ctx, nodes[2]) : undefined;
      return target && args[1] ? { kind: 'union', span, parts: [call, { kind: 'assign', span, target, value: args[1] }] } : call;
    }
    case 'parse_str':
    case 'mb_parse_str': {
      const target = nodes[1] ? lowerTarget(ctx, nodes[1]) : undefined;
      return target && args[0] ? { kind: 'union', span, parts: [call, { kind: 'assign', span, target, value: args[0] }] } : call;
    }
    case 'unserialize':
      // A sink for the serialized text, and its result still holds what the text held.
      return { kind: 'union', span, parts: [call, synthetic(span, '__unserialized', args.slice(0, 1))] };
    case 'isset':
    case 'empty':
    case 'is_numeric':
    case 'is_int':
    case 'ctype_digit':
    case 'ctype_alnum':
      return { kind: 'opaque', span, parts: args };
  }
  if (called && COMMAND_OUTPUT.has(called)) {
    const parts: Expr[] = [call, synthetic(span, '__command_output')];
    // exec($cmd, $output): the output lines land in the second argument.
    const out = called === 'exec' && nodes[1] ? lowerTarget(ctx, nodes[1]) : undefined;
    if (out) parts.push({ kind: 'assign', span, target: out, value: synthetic(span, '__command_output') });
    return { kind: 'union', span, parts };
  }
  if (called && FILE_CONTENT.has(called)) return { kind: 'union', span, parts: [call, synthetic(span, '__file_contents')] };
  return call;
}

function memberCall(ctx: LowerContext, node: SyntaxNode): Expr {
  const object = fieldOf(node, 'object') ?? fieldOf(node, 'scope');
  const method = fieldOf(node, 'name');
  const args = argumentsOf(ctx, fieldOf(node, 'arguments'));
  const span = ctx.span(node);
  const property = method?.type === 'name' ? ctx.text(method) : undefined;
  const base = object ? scopeOrObject(ctx, object) : ctx.opaque(node);
  const call: Expr = { kind: 'call', span, callee: { kind: 'member', span: ctx.src.span(node.start, method?.end ?? node.end), object: base, property }, args };
  // $obj->getInput() of a class of this file: the method's summary, and the object's own data (its constructor stored it).
  if (property && ctx.methods.has(property) && !(base.kind === 'name' && base.name === 'this')) {
    return { kind: 'union', span, parts: [{ kind: 'call', span, callee: name(call.callee.span, property), args }, call] };
  }
  return call;
}

function construct(ctx: LowerContext, node: SyntaxNode): Expr {
  const cls = namedChildren(node).find((c) => c.type === 'name' || c.type === 'qualified_name' || c.type === 'variable_name');
  const argsNode = node.children.find((c) => c.type === 'arguments');
  const args = argumentsOf(ctx, argsNode);
  const className = cls && cls.type !== 'variable_name' ? bareName(ctx.text(cls)) : undefined;
  const callee = cls ? (className ? name(ctx.span(cls), className) : lowerExpr(ctx, cls)) : ctx.opaque(node);
  // new C(…) of a class of this file runs its constructor, lowered to return $this (what it stored).
  return { kind: 'call', span: ctx.span(node), callee: className && ctx.constructors.has(className) ? name(callee.span, `new ${className}`) : callee, args, construct: true };
}

function binary(ctx: LowerContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  const operator = fieldOf(node, 'operator');
  if (!left || !right || !operator) return ctx.opaque(node);
  const op = ctx.text(operator).toLowerCase();
  if (EQUALITY.has(op)) {
    // preg_match(…) == 1, === false, != 0
    const [call, other] = left.type === 'integer' || left.type === 'boolean' ? [right, left] : [left, right];
    const value = ctx.text(other).toLowerCase();
    if (value === '1' || value === 'true' || value === '0' || value === 'false') {
      const positive = (value === '1' || value === 'true') === (op === '==' || op === '===');
      const test = pregTest(ctx, call, !positive);
      if (test) return test;
    }
  }
  const parts = [lowerExpr(ctx, left), lowerExpr(ctx, right)];
  if (op === '.') return { kind: 'concat', span: ctx.span(node), parts: parts.flatMap((p) => (p.kind === 'concat' ? p.parts : [p])) };
  if (UNION_OPERATORS.has(op)) return { kind: 'union', span: ctx.span(node), parts };
  return { kind: 'opaque', span: ctx.span(node), parts };
}

function unary(ctx: LowerContext, node: SyntaxNode): Expr {
  const argument = fieldOf(node, 'argument') ?? namedChildren(node).at(-1);
  if (argument && ctx.text(node).trimStart().startsWith('!')) {
    const test = pregTest(ctx, argument, true);
    if (test) return test;
  }
  const inner = argument ? lowerExpr(ctx, argument) : undefined;
  if (inner?.kind === 'is-type' && ctx.text(node).trimStart().startsWith('!')) return { ...inner, span: ctx.span(node), negated: !inner.negated };
  return ctx.opaque(node, inner ? [inner] : []);
}

/** What an assignment's left side binds: $x, $a['k'], $o->p, list($a, $b), [$a, 'k' => $b]. */
export function lowerTarget(ctx: LowerContext, node: SyntaxNode): Pattern | undefined {
  const span = ctx.span(node);
  switch (node.type) {
    case 'variable_name': {
      const expr = variable(ctx, node);
      return expr.kind === 'name' ? { kind: 'name', span, name: expr.name } : undefined;
    }
    case 'by_ref':
    case 'reference_modifier':
    case 'parenthesized_expression': {
      const inner = firstNamed(node);
      return inner ? lowerTarget(ctx, inner) : undefined;
    }
    case 'subscript_expression':
    case 'member_access_expression':
    case 'nullsafe_member_access_expression':
    case 'scoped_property_access_expression': {
      const expr = node.type === 'subscript_expression' ? subscript(ctx, node) : memberAccess(ctx, node);
      if (expr.kind !== 'member') return undefined;
      return { kind: 'member', span, object: expr.object, property: expr.property };
    }
    case 'list_literal':
    case 'array_creation_expression': {
      const items: (Pattern | undefined)[] = [];
      const props: { key: string | undefined; value: Pattern }[] = [];
      for (const child of namedChildren(node)) {
        const el = child.type === 'array_element_initializer' ? namedChildren(child) : [child];
        if (el.length === 2) {
          const target = lowerTarget(ctx, el[1]!);
          if (target) props.push({ key: el[0]!.type === 'string' ? stringValue(ctx, el[0]!) : ctx.text(el[0]!), value: target });
        } else if (el.length === 1) items.push(lowerTarget(ctx, el[0]!));
      }
      return props.length ? { kind: 'object', span, props } : { kind: 'array', span, items };
    }
    default:
      return undefined;
  }
}

function assignment(ctx: LowerContext, node: SyntaxNode): Expr {
  const left = fieldOf(node, 'left');
  const right = fieldOf(node, 'right');
  if (!left || !right) return ctx.opaque(node);
  const value = lowerExpr(ctx, right);
  // $a[] = $v appends $v to $a: the array now holds it.
  if (left.type === 'subscript_expression' && namedChildren(left).length === 1 && node.type !== 'augmented_assignment_expression') {
    const arrayTarget = lowerTarget(ctx, namedChildren(left)[0]!);
    if (arrayTarget) return { kind: 'assign', span: ctx.span(node), target: arrayTarget, value, append: true };
  }
  if (left.type === 'variable_name') {
    const isConstantArray = right.type === 'array_creation_expression' && namedChildren(right).every((el) => namedChildren(el).every(isConstantScalar));
    const key = `[]${ctx.text(left).slice(1)}`;
    ctx.constants.set(key, isConstantArray && !ctx.constants.has(key) ? '' : null);
  }
  const target = lowerTarget(ctx, left) ?? { kind: 'none' as const, span: ctx.span(left) };
  if (target.kind === 'name') {
    // A variable keeps a constant string only while every assignment to it gives that same string.
    const constant = value.kind === 'literal' && typeof value.value === 'string' && node.type === 'assignment_expression' ? value.value : undefined;
    const known = ctx.constants.get(target.name);
    ctx.constants.set(target.name, constant !== undefined && (known === undefined ? !ctx.constants.has(target.name) : known === constant) ? constant : null);
  }
  if (node.type !== 'augmented_assignment_expression') return { kind: 'assign', span: ctx.span(node), target, value };
  const op = fieldOf(node, 'operator');
  const text = op ? ctx.text(op) : '';
  // $s .= $x keeps $s and appends $x; ??= may keep the old value; arithmetic makes a number.
  if (text === '.=' || text === '??=') return { kind: 'assign', span: ctx.span(node), target, value, append: true };
  return { kind: 'assign', span: ctx.span(node), target, value: ctx.opaque(node, [value]) };
}

function arrayLiteral(ctx: LowerContext, node: SyntaxNode): Expr {
  const entries: ObjectEntry[] = [];
  const items: Expr[] = [];
  for (const child of namedChildren(node)) {
    const el = child.type === 'array_element_initializer' ? namedChildren(child) : [child];
    const spread = child.children.some((c) => c.type === 'variadic_unpacking');
    if (el.length === 2) {
      const key = el[0]!.type === 'string' ? stringValue(ctx, el[0]!) : el[0]!.type === 'integer' ? ctx.text(el[0]!) : undefined;
      entries.push({ key, value: lowerExpr(ctx, el[1]!), span: ctx.span(child) });
    } else if (el.length === 1) {
      const value = lowerExpr(ctx, el[0]!);
      if (spread) entries.push({ key: undefined, value, spread: true, span: ctx.span(child) });
      else items.push(value);
    }
  }
  if (!entries.length) return { kind: 'array', span: ctx.span(node), items };
  return { kind: 'object', span: ctx.span(node), entries: [...items.map((value, i) => ({ key: String(i), value, span: value.span })), ...entries] };
}

function include(ctx: LowerContext, node: SyntaxNode): Expr {
  const keyword = node.type.replace(/_expression$/, '');
  const arg = firstNamed(node);
  return { kind: 'call', span: ctx.span(node), callee: name(keywordSpan(ctx, node, keyword), keyword), args: arg ? [lowerExpr(ctx, arg)] : [] };
}

const LOWER: Record<string, Lower> = {
  variable_name: variable,
  name: (ctx, n) => {
    const text = ctx.text(n).toLowerCase();
    if (text === 'true' || text === 'false') return literal(ctx, n, text === 'true');
    if (text === 'null') return literal(ctx, n, null);
    return literal(ctx, n, ctx.text(n));
  },
  qualified_name: (ctx, n) => literal(ctx, n, ctx.text(n)),
  boolean: (ctx, n) => literal(ctx, n, ctx.text(n).toLowerCase() === 'true'),
  null: (ctx, n) => literal(ctx, n, null),
  integer: (ctx, n) => literal(ctx, n, Number(ctx.text(n))),
  float: (ctx, n) => literal(ctx, n, Number(ctx.text(n))),
  string: (ctx, n) => literal(ctx, n, stringValue(ctx, n)),
  nowdoc: (ctx, n) => literal(ctx, n, ctx.text(n)),
  encapsed_string: (ctx, n) => interpolated(ctx, n),
  heredoc: (ctx, n) => interpolated(ctx, n),
  shell_command_expression: (ctx, n) => {
    // `…`: shell_exec of the interpolated command, whose output is data from outside.
    const span = ctx.span(n);
    const command = interpolated(ctx, n);
    return { kind: 'union', span, parts: [{ kind: 'call', span, callee: name(ctx.src.span(n.start, n.start + 1), 'shell_exec'), args: [command] }, synthetic(span, '__command_output')] };
  },
  subscript_expression: subscript,
  member_access_expression: memberAccess,
  nullsafe_member_access_expression: memberAccess,
  scoped_property_access_expression: memberAccess,
  class_constant_access_expression: (ctx, n) => literal(ctx, n, ctx.text(n)),
  function_call_expression: functionCall,
  member_call_expression: memberCall,
  nullsafe_member_call_expression: memberCall,
  scoped_call_expression: memberCall,
  object_creation_expression: construct,
  binary_expression: binary,
  unary_op_expression: unary,
  update_expression: (ctx, n) => ctx.opaque(n, namedChildren(n).map((c) => lowerExpr(ctx, c))),
  cast_expression: (ctx, n) => {
    const type = fieldOf(n, 'type');
    const value = fieldOf(n, 'value') ?? namedChildren(n).at(-1);
    const inner = value ? lowerExpr(ctx, value) : ctx.opaque(n);
    return type && NUMERIC_CASTS.test(ctx.text(type).trim()) ? ctx.opaque(n, [inner]) : inner;
  },
  conditional_expression: (ctx, n) => {
    const test = fieldOf(n, 'condition');
    const then = fieldOf(n, 'body');
    const other = fieldOf(n, 'alternative');
    if (!test || !other) return ctx.opaque(n);
    // $a ?: $b is $a or $b.
    if (!then) return { kind: 'union', span: ctx.span(n), parts: [lowerExpr(ctx, test), lowerExpr(ctx, other)] };
    return { kind: 'cond', span: ctx.span(n), test: lowerExpr(ctx, test), then: lowerExpr(ctx, then), else: lowerExpr(ctx, other) };
  },
  assignment_expression: assignment,
  reference_assignment_expression: assignment,
  augmented_assignment_expression: assignment,
  array_creation_expression: arrayLiteral,
  sequence_expression: (ctx, n) => ({ kind: 'union', span: ctx.span(n), parts: namedChildren(n).map((c) => lowerExpr(ctx, c)) }),
  include_expression: include,
  include_once_expression: include,
  require_expression: include,
  require_once_expression: include,
  print_intrinsic: (ctx, n) => {
    const arg = firstNamed(n);
    return output(ctx, n, keywordSpan(ctx, n, 'print'), arg ? [lowerExpr(ctx, arg)] : []);
  },
  anonymous_function: (ctx, n) => ({ kind: 'function', span: ctx.span(n), fn: lowerFunction(ctx, n, {}) }),
  arrow_function: (ctx, n) => ({ kind: 'function', span: ctx.span(n), fn: lowerFunction(ctx, n, {}) }),
};

export function lowerExpr(ctx: LowerContext, node: SyntaxNode): Expr {
  if (TRANSPARENT.has(node.type)) {
    const inner = firstNamed(node);
    return inner ? lowerExpr(ctx, inner) : ctx.opaque(node);
  }
  const lower = LOWER[node.type];
  if (lower) return lower(ctx, node);
  // Anything else (match, instanceof, yield, throw as an expression): what is inside still runs.
  return ctx.opaque(node, namedChildren(node).map((child) => lowerExpr(ctx, child)));
}
