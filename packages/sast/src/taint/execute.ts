import type { Expr, Stmt } from '../ir/types.js';
import { bindPattern } from './bind.js';
import { evaluate, keyOf, pathOf } from './evaluate.js';
import { CLEAN, mapTaint, union, withStep, type Fact } from './facts.js';
import { analyzeFunction } from './functions.js';
import { checkAssignConstant } from './sinks.js';
import { NOTHING, Scope } from './scope.js';
import type { Frame, ModuleState } from './types.js';

/** Function declarations are bound before the block runs: calls above the declaration reach it. */
function hoist(frame: Frame, stmts: readonly Stmt[]): void {
  for (const stmt of stmts) if (stmt.kind === 'function' && stmt.fn.name) frame.scope.set(stmt.fn.name, { taint: CLEAN, fn: stmt.fn, closure: frame.scope });
}

/** Runs `stmts` in a fork of the frame's scope, and gives the fork back. */
function inFork(state: ModuleState, frame: Frame, stmts: readonly Stmt[], scope: Scope = frame.scope.fork()): Scope {
  const saved = frame.scope;
  frame.scope = scope;
  try {
    execute(state, frame, stmts);
    return frame.scope;
  } finally {
    frame.scope = saved;
  }
}

/**
 * The classes a test cleans its subject for: a type or check the rules accept, or a prefix a class's safePrefix
 * accepts; and those it cleans for once the subject is put after constant text (`prefixed` sanitizers).
 */
function guardMask(state: ModuleState, test: Extract<Expr, { kind: 'is-type' }>): { now: number; afterPrefix: number } {
  const afterPrefix = state.rules.prefixedChecks.get(test.type) ?? 0;
  if (test.type !== 'prefix') return { now: state.rules.typeSanitizers.get(test.type) ?? 0, afterPrefix };
  const value = test.value;
  return { now: value === undefined ? 0 : state.rules.rules.reduce((mask, rule) => (rule.safePrefix?.test(value) ? mask | rule.bit : mask), 0), afterPrefix };
}

/**
 * Where a test holds (or fails, `holds` false), the value it tests is clean for the classes that accept that check
 * as a sanitizer. Where `a and b` holds, or `a or b` fails, each part does: `if not ok(x) or not ok2(x): return`.
 */
function guard(state: ModuleState, frame: Frame, test: Expr, scope: Scope, holds: boolean): void {
  if (test.kind === 'union' && test.logic) {
    if ((test.logic === 'and') === holds) for (const part of test.parts) guard(state, frame, part, scope, holds);
    return;
  }
  if (test.kind !== 'is-type' || test.negated === holds) return;
  const { now: mask, afterPrefix } = guardMask(state, test);
  const key = keyOf(test.subject);
  if ((!mask && !afterPrefix) || key === undefined) return;
  const saved = frame.scope;
  frame.scope = scope;
  const value = evaluate(state, frame, test.subject);
  frame.scope = saved;
  // A value already after constant text (`path = BASE + '/' + name`) takes the after-prefix classes now.
  const cleaned = (f: Fact) => ({ ...f, clean: f.clean | mask | (f.lead ? afterPrefix : 0), cleanAfterPrefix: (f.cleanAfterPrefix ?? 0) | afterPrefix || undefined, str: f.str || test.type !== 'object' });
  scope.set(key, { ...value, taint: mapTaint(value.taint, cleaned) });
}

function ifStatement(state: ModuleState, frame: Frame, stmt: Extract<Stmt, { kind: 'if' }>): void {
  evaluate(state, frame, stmt.test);
  const thenScope = frame.scope.fork();
  const elseScope = frame.scope.fork();
  guard(state, frame, stmt.test, thenScope, true);
  guard(state, frame, stmt.test, elseScope, false);
  frame.scope.adopt(Scope.join(inFork(state, frame, stmt.then, thenScope), inFork(state, frame, stmt.else, elseScope)));
}

function loop(state: ModuleState, frame: Frame, stmt: Extract<Stmt, { kind: 'loop' }>): void {
  execute(state, frame, stmt.head);
  const body = frame.scope.fork();
  // Twice: what one iteration leaves in a variable reaches the next.
  for (let i = 0; i < 2; i++) {
    const saved = frame.scope;
    frame.scope = body;
    if (stmt.test) evaluate(state, frame, stmt.test);
    if (stmt.each) {
      const iterable = evaluate(state, frame, stmt.each.iterable);
      bindPattern(state, frame, stmt.each.target, { taint: mapTaint(iterable.taint, (f) => ({ ...f, key: undefined })) });
    }
    execute(state, frame, stmt.body);
    body.dead = false;
    frame.scope = saved;
  }
  frame.scope.adopt(Scope.join(frame.scope, body));
}

function tryStatement(state: ModuleState, frame: Frame, stmt: Extract<Stmt, { kind: 'try' }>): void {
  const entry = frame.scope.fork();
  const afterBody = inFork(state, frame, stmt.body);
  const handler = Scope.join(entry, afterBody.dead ? entry : afterBody).fork();
  handler.dead = false;
  if (stmt.param) {
    const saved = frame.scope;
    frame.scope = handler;
    bindPattern(state, frame, stmt.param, NOTHING);
    frame.scope = saved;
  }
  const afterHandler = inFork(state, frame, stmt.handler, handler);
  frame.scope.adopt(Scope.join(afterBody, afterHandler));
  const dead = frame.scope.dead;
  frame.scope.dead = false;
  execute(state, frame, stmt.finalizer);
  frame.scope.dead ||= dead;
}

function branches(state: ModuleState, frame: Frame, stmt: Extract<Stmt, { kind: 'branches' }>): void {
  if (stmt.test) evaluate(state, frame, stmt.test);
  let joined = frame.scope.fork();
  for (const arm of stmt.arms) joined = Scope.join(joined, inFork(state, frame, arm));
  frame.scope.adopt(joined);
}

function classStatement(state: ModuleState, frame: Frame, stmt: Extract<Stmt, { kind: 'class' }>): void {
  if (stmt.name) frame.scope.set(stmt.name, { taint: CLEAN, ref: [stmt.name] });
  for (const field of stmt.fields) evaluate(state, frame, field.value);
  for (const member of stmt.members) analyzeFunction(state, member, frame.scope);
}

function returnStatement(state: ModuleState, frame: Frame, stmt: Extract<Stmt, { kind: 'return' }>): void {
  if (stmt.value) {
    const value = evaluate(state, frame, stmt.value);
    if (value.taint.length) frame.returns = union(frame.returns, withStep(value.taint, { file: state.module.file, span: stmt.span, message: 'returned' }));
  }
  frame.scope.dead = true;
}

export function execute(state: ModuleState, frame: Frame, stmts: readonly Stmt[]): void {
  hoist(frame, stmts);
  for (const stmt of stmts) {
    if (frame.scope.dead) return;
    switch (stmt.kind) {
      case 'expr':
        evaluate(state, frame, stmt.expr);
        break;
      case 'assign': {
        const into = stmt.target.kind === 'name' ? stmt.target.name : undefined;
        if (stmt.target.kind === 'member' && stmt.value?.kind === 'literal') checkAssignConstant(state, frame, pathOf(state, frame, { ...stmt.target, kind: 'member' }), stmt.value);
        let value = stmt.value ? evaluate(state, frame, stmt.value, { into }) : NOTHING;
        if (stmt.fallback) value = { ...value, taint: union(value.taint, evaluate(state, frame, stmt.fallback).taint) };
        bindPattern(state, frame, stmt.target, value, stmt.value?.kind === 'concat');
        break;
      }
      case 'if':
        ifStatement(state, frame, stmt);
        break;
      case 'loop':
        loop(state, frame, stmt);
        break;
      case 'return':
        returnStatement(state, frame, stmt);
        break;
      case 'throw':
        if (stmt.value) evaluate(state, frame, stmt.value);
        frame.scope.dead = true;
        break;
      case 'try':
        tryStatement(state, frame, stmt);
        break;
      case 'branches':
        branches(state, frame, stmt);
        break;
      case 'function':
        analyzeFunction(state, stmt.fn, frame.scope);
        break;
      case 'class':
        classStatement(state, frame, stmt);
        break;
    }
  }
}
