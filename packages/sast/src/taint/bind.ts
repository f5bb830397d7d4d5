import type { Pattern } from '../ir/types.js';
import { evaluate, keyOf, memberValue, pathOf } from './evaluate.js';
import { mapTaint, union, withStep } from './facts.js';
import { checkAssignSinks } from './sinks.js';
import { joinValues, type Value } from './scope.js';
import type { Frame, ModuleState } from './types.js';

function bindName(state: ModuleState, frame: Frame, name: string, value: Value, pattern: Pattern, built: boolean): void {
  // A built string's step already says where it went ("concatenated into `query`").
  const taint = built || !value.taint.length ? value.taint : withStep(value.taint, { file: state.module.file, span: pattern.span, message: `assigned to \`${name}\`` });
  frame.scope.rebind(name, taint === value.taint ? value : { ...value, taint });
}

/** obj.x = v: obj.x holds v, and obj as a whole now carries it too (it may be passed on whole). */
function bindMember(state: ModuleState, frame: Frame, pattern: Extract<Pattern, { kind: 'member' }>, value: Value): void {
  const expr = { kind: 'member' as const, span: pattern.span, object: pattern.object, property: pattern.property };
  const path = pathOf(state, frame, expr);
  if (path) checkAssignSinks(state, frame, path, value, pattern.span);
  const key = keyOf(expr);
  if (key === undefined) {
    evaluate(state, frame, pattern.object);
    return;
  }
  const stepped = value.taint.length ? { ...value, taint: withStep(value.taint, { file: state.module.file, span: pattern.span, message: `stored in \`${key}\`` }) } : value;
  frame.scope.rebind(key, stepped);
  const baseKey = keyOf(pattern.object);
  if (baseKey === undefined || !value.taint.length) return;
  const base = frame.scope.get(baseKey);
  frame.scope.set(baseKey, base ? joinValues(base, { taint: stepped.taint }) : { taint: stepped.taint });
}

export function bindPattern(state: ModuleState, frame: Frame, pattern: Pattern, value: Value, built = false): void {
  switch (pattern.kind) {
    case 'name':
      return bindName(state, frame, pattern.name, value, pattern, built);
    case 'member':
      return bindMember(state, frame, pattern, value);
    case 'object': {
      for (const prop of pattern.props) {
        let sub = memberValue(state, value, prop.key, prop.value.span);
        if (prop.fallback) sub = { ...sub, taint: union(sub.taint, evaluate(state, frame, prop.fallback).taint) };
        bindPattern(state, frame, prop.value, sub);
      }
      if (pattern.rest) bindPattern(state, frame, pattern.rest, { taint: value.taint });
      return;
    }
    case 'array': {
      const element = { taint: mapTaint(value.taint, (f) => (f.key === undefined ? f : { ...f, key: undefined })) };
      for (const item of pattern.items) if (item) bindPattern(state, frame, item, element);
      if (pattern.rest) bindPattern(state, frame, pattern.rest, element);
      return;
    }
    case 'none':
      return;
  }
}
