import { fieldOf, firstNamed, namedChildren, type SyntaxNode } from '../../parse/syntax.js';
import { JavaContext, stringValue, type Constant } from './context.js';

// Constant folding of what a condition is made of: literals, locals that hold a constant (declared with one and
// never assigned again), arithmetic, comparisons, `s.charAt(i)`, `s.length()`. A branch that cannot run is not
// lowered at all: `if ((7 * 42) - num > 200)` with `int num = 86;` keeps only the branch that runs.

function integer(text: string): number | undefined {
  const clean = text.replace(/_/g, '').replace(/[lL]$/, '');
  const value = /^0[xX]/.test(clean) ? parseInt(clean.slice(2), 16) : /^0[bB]/.test(clean) ? parseInt(clean.slice(2), 2) : Number(clean);
  return Number.isFinite(value) ? value : undefined;
}

function binary(op: string, a: Constant, b: Constant): Constant | undefined {
  if (op === '+' ) return typeof a === 'number' && typeof b === 'number' ? a + b : typeof a === 'boolean' || typeof b === 'boolean' ? undefined : `${a}${b}`;
  if (op === '==') return a === b;
  if (op === '!=') return a !== b;
  if (op === '&&' || op === '||') {
    if (typeof a !== 'boolean' || typeof b !== 'boolean') return undefined;
    return op === '&&' ? a && b : a || b;
  }
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  switch (op) {
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0 ? undefined : Math.trunc(a / b);
    case '%': return b === 0 ? undefined : a % b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: return undefined;
  }
}

export function fold(ctx: JavaContext, node: SyntaxNode | undefined): Constant | undefined {
  if (!node) return undefined;
  switch (node.type) {
    case 'parenthesized_expression':
      return fold(ctx, firstNamed(node));
    case 'decimal_integer_literal':
    case 'hex_integer_literal':
    case 'binary_integer_literal':
    case 'octal_integer_literal':
      return integer(ctx.text(node));
    case 'true':
      return true;
    case 'false':
      return false;
    case 'string_literal':
      return node.children.some((c) => c.type === 'escape_sequence' || c.type === 'string_interpolation') ? undefined : stringValue(ctx, node);
    case 'character_literal': {
      const inner = stringValue(ctx, node);
      return inner.length === 1 ? inner : undefined;
    }
    case 'identifier': {
      const name = ctx.text(node);
      const method = ctx.method;
      if (!method || method.reassigned.has(name)) return undefined;
      return method.constants.get(name);
    }
    case 'unary_expression': {
      const operand = fieldOf(node, 'operand') ?? namedChildren(node)[0];
      const value = fold(ctx, operand);
      const op = ctx.text(node).trim()[0];
      if (op === '!' && typeof value === 'boolean') return !value;
      if (op === '-' && typeof value === 'number') return -value;
      return undefined;
    }
    case 'binary_expression': {
      const op = fieldOf(node, 'operator');
      const a = fold(ctx, fieldOf(node, 'left'));
      if (a === undefined || !op) return undefined;
      const b = fold(ctx, fieldOf(node, 'right'));
      return b === undefined ? undefined : binary(ctx.text(op), a, b);
    }
    case 'ternary_expression': {
      const test = fold(ctx, fieldOf(node, 'condition'));
      if (typeof test !== 'boolean') return undefined;
      return fold(ctx, fieldOf(node, test ? 'consequence' : 'alternative'));
    }
    case 'method_invocation': {
      const object = fold(ctx, fieldOf(node, 'object'));
      const name = fieldOf(node, 'name');
      if (typeof object !== 'string' || !name) return undefined;
      const args = namedChildren(fieldOf(node, 'arguments') ?? node).map((a) => fold(ctx, a));
      const method = ctx.text(name);
      if (method === 'length' && !args.length) return object.length;
      if (method === 'charAt' && typeof args[0] === 'number') return object.charAt(args[0]) || undefined;
      if (method === 'equals' && args[0] !== undefined) return object === args[0];
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Names assigned (=, +=, ++) anywhere in a method body: they never hold a constant. */
export function assignedNames(ctx: JavaContext, node: SyntaxNode, out: Set<string> = new Set()): Set<string> {
  if (node.type === 'assignment_expression') {
    const left = fieldOf(node, 'left');
    if (left?.type === 'identifier') out.add(ctx.text(left));
  } else if (node.type === 'update_expression') {
    const operand = namedChildren(node)[0];
    if (operand?.type === 'identifier') out.add(ctx.text(operand));
  }
  for (const child of node.children) assignedNames(ctx, child, out);
  return out;
}

/** Every name declared in a method (parameters, locals, loop and catch variables, lambda parameters). */
export function declaredNames(ctx: JavaContext, node: SyntaxNode, out: Set<string> = new Set()): Set<string> {
  if (node.type === 'variable_declarator' || node.type === 'formal_parameter' || node.type === 'catch_formal_parameter' || node.type === 'resource' || node.type === 'enhanced_for_statement' || node.type === 'spread_parameter') {
    const name = fieldOf(node, 'name') ?? namedChildren(node).find((c) => c.type === 'variable_declarator');
    if (name?.type === 'identifier') out.add(ctx.text(name));
    else if (name) {
      const inner = fieldOf(name, 'name');
      if (inner) out.add(ctx.text(inner));
    }
  } else if (node.type === 'lambda_expression') {
    const params = fieldOf(node, 'parameters');
    if (params?.type === 'identifier') out.add(ctx.text(params));
    else if (params) for (const p of namedChildren(params)) if (p.type === 'identifier') out.add(ctx.text(p));
  }
  for (const child of node.children) declaredNames(ctx, child, out);
  return out;
}
