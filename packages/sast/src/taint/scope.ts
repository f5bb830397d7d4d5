import type { FunctionIR } from '../ir/types.js';
import { CLEAN, union, type Taint } from './facts.js';

/** What a name or an access path holds while a function is walked. */
export interface Value {
  readonly taint: Taint;
  /** What it is by name, for patterns: ['$req'], ['child_process', 'exec'], ['<lib/db.ts>']. */
  readonly ref?: readonly string[] | undefined;
  /** A function value, and the scope it closes over. */
  readonly fn?: FunctionIR | undefined;
  readonly closure?: Scope | undefined;
}

export const NOTHING: Value = Object.freeze({ taint: CLEAN });

/**
 * Names and access paths ('id', 'req.body.id', 'this.db') to values, over the enclosing function's scope.
 * Branches fork it and join after; a scope after return/throw is dead and drops out of the join.
 */
export class Scope {
  dead = false;

  constructor(
    readonly parent: Scope | undefined,
    private readonly vars: Map<string, Value> = new Map(),
  ) {}

  get(key: string): Value | undefined {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      const value = scope.vars.get(key);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Only this function's own bindings: writes never reach an enclosing function's. */
  getOwn(key: string): Value | undefined {
    return this.vars.get(key);
  }

  set(key: string, value: Value): void {
    this.vars.set(key, value);
  }

  /** A new value for `name`: what was known about its fields no longer holds. */
  rebind(name: string, value: Value): void {
    const prefix = `${name}.`;
    for (const key of this.vars.keys()) if (key.startsWith(prefix)) this.vars.delete(key);
    this.vars.set(name, value);
  }

  fork(): Scope {
    return new Scope(this.parent, new Map(this.vars));
  }

  /** Both branches may have run: a name holds what either left in it. A path set in one branch only is dropped (it falls back to its object). */
  static join(a: Scope, b: Scope): Scope {
    if (a.dead) return b;
    if (b.dead) return a;
    const vars = new Map<string, Value>();
    for (const [key, left] of a.vars) {
      const right = b.vars.get(key);
      if (right === undefined) {
        if (!key.includes('.')) vars.set(key, left);
        continue;
      }
      vars.set(key, left === right ? left : joinValues(left, right));
    }
    for (const [key, right] of b.vars) if (!a.vars.has(key) && !key.includes('.')) vars.set(key, right);
    return new Scope(a.parent, vars);
  }

  /** Copies another scope's bindings into this one (the state after a branch becomes the current state). */
  adopt(other: Scope): void {
    this.vars.clear();
    for (const [key, value] of other.vars) this.vars.set(key, value);
    this.dead = other.dead;
  }
}

export function joinValues(a: Value, b: Value): Value {
  return { taint: union(a.taint, b.taint), ref: a.ref ?? b.ref, fn: a.fn ?? b.fn, closure: a.closure ?? b.closure };
}
