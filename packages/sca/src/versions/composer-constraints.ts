import { normalizeComposer, phpVersionCompare } from './composer.js';

// Composer constraints ("^7.2 || ^8.0", "~1.2.3", ">=5.4 <6", "1.0 - 2.0", "2.1.*"), as composer.json declares them.
type Bound = { op: '>=' | '>' | '<' | '<=' | '==' | '!='; version: string };

function parts(version: string): string[] {
  return version.replace(/^v/i, '').split(/[-+@]/)[0]!.split('.').filter((p) => p !== '');
}

function bump(nums: string[], index: number): string {
  const out = nums.slice(0, index + 1).map((n) => n);
  out[index] = String(Number(out[index]) + 1);
  return `${out.join('.')}-dev`;
}

function clause(text: string): Bound[] | undefined {
  const t = text.trim().replace(/@\w+$/, '');
  if (t === '*' || t === '') return [];
  let m = /^\^(.+)$/.exec(t);
  if (m) {
    const nums = parts(m[1]!);
    const first = nums.findIndex((n, i) => n !== '0' || i === nums.length - 1);
    return [{ op: '>=', version: m[1]! }, { op: '<', version: bump(nums, Math.max(0, first)) }];
  }
  m = /^~(?!=)(.+)$/.exec(t);
  if (m) {
    const nums = parts(m[1]!);
    return [{ op: '>=', version: m[1]! }, { op: '<', version: bump(nums, Math.max(0, nums.length - 2)) }];
  }
  m = /^v?(\d+(?:\.\d+)*)\.[*xX]$/.exec(t);
  if (m) {
    const nums = m[1]!.split('.');
    return [{ op: '>=', version: `${m[1]}-dev` }, { op: '<', version: bump(nums, nums.length - 1) }];
  }
  m = /^(>=|<=|!=|<>|==|=|>|<)?\s*(.+)$/.exec(t);
  if (!m || normalizeComposer(m[2]!) === undefined) return undefined;
  const op = m[1] === '=' || !m[1] ? '==' : m[1] === '<>' ? '!=' : (m[1] as Bound['op']);
  return [{ op, version: m[2]! }];
}

function hyphen(text: string): Bound[] | undefined {
  const m = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (!m) return undefined;
  const upper = parts(m[2]!);
  // A partial upper bound means "anything in it": 1.0 - 2.1 admits 2.1.5.
  const to: Bound = upper.length < 3 ? { op: '<', version: bump(upper, upper.length - 1) } : { op: '<=', version: m[2]! };
  return [{ op: '>=', version: m[1]! }, to];
}

function holds(version: string, bound: Bound): boolean {
  const target = normalizeComposer(bound.version);
  if (target === undefined) return false;
  const c = phpVersionCompare(version, target);
  return { '>=': c >= 0, '>': c > 0, '<': c < 0, '<=': c <= 0, '==': c === 0, '!=': c !== 0 }[bound.op];
}

/** Whether a version satisfies a Composer constraint; undefined when either cannot be read. */
export function satisfiesComposer(version: string, constraint: string): boolean | undefined {
  const v = normalizeComposer(version);
  if (v === undefined) return undefined;
  let any = false;
  for (const group of constraint.split(/\s*\|\|?\s*/)) {
    const bounds = hyphen(group) ?? (() => {
      // AND: commas, or spaces not right after an operator (">= 1.0" is one clause).
      const clauses = group.trim().replace(/(>=|<=|!=|<>|==|=|>|<|\^|~)\s+/g, '$1').split(/\s*,\s*|\s+/);
      const out: Bound[] = [];
      for (const c of clauses) {
        const b = clause(c);
        if (!b) return undefined;
        out.push(...b);
      }
      return out;
    })();
    if (!bounds) return undefined;
    if (bounds.every((b) => holds(v, b))) any = true;
  }
  return any;
}
