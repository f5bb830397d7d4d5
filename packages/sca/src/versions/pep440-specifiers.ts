import { comparePep440, parsePep440, type Pep440 } from './pep440.js';

// PEP 440 version specifiers ("~=2.2, !=2.2.1, <3", "==1.4.*"), as requirements.txt and pyproject.toml declare them.
const CLAUSE = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*([^\s,;]+)\s*$/;

function withoutLocal(v: Pep440): Pep440 {
  return { ...v, local: undefined };
}

function prefixMatches(candidate: Pep440, prefix: string): boolean {
  const p = parsePep440(prefix);
  if (!p || p.epoch !== candidate.epoch) return false;
  // "==1.4.*" matches 1.4, 1.4.2, 1.4.2.post1; the release is padded with zeros to the prefix's length.
  return p.release.every((part, i) => BigInt(part) === BigInt(candidate.release[i] ?? '0'));
}

function clauseHolds(op: string, spec: string, candidate: Pep440, raw: string): boolean {
  if (op === '===') return raw.trim().toLowerCase() === spec.toLowerCase();
  if (spec.endsWith('.*')) {
    if (op !== '==' && op !== '!=') return false;
    const matches = prefixMatches(candidate, spec.slice(0, -2));
    return op === '==' ? matches : !matches;
  }
  const v = parsePep440(spec);
  if (!v) return false;
  // A specifier without a local label ignores the candidate's.
  const c = comparePep440(v.local ? candidate : withoutLocal(candidate), v);
  switch (op) {
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
    case '<':
      // "<3.0" excludes 3.0's own pre-releases unless the specifier is one.
      return c < 0 && (v.pre !== undefined || v.dev !== undefined || !isPreOf(candidate, v));
    case '>':
      // ">3.0" excludes 3.0's post-releases unless the specifier is one.
      return c > 0 && (v.post !== undefined || !isPostOf(candidate, v));
    case '~=': {
      if (v.release.length < 2) return false;
      const prefix = [...v.release.slice(0, -1)].join('.');
      return c >= 0 && prefixMatches(candidate, `${v.epoch}!${prefix}`);
    }
    default:
      return false;
  }
}

function sameRelease(a: Pep440, b: Pep440): boolean {
  return comparePep440({ epoch: a.epoch, release: a.release }, { epoch: b.epoch, release: b.release }) === 0;
}

function isPreOf(candidate: Pep440, v: Pep440): boolean {
  return sameRelease(candidate, v) && (candidate.pre !== undefined || candidate.dev !== undefined);
}

function isPostOf(candidate: Pep440, v: Pep440): boolean {
  return sameRelease(candidate, v) && candidate.post !== undefined;
}

/** Whether a version satisfies a PEP 440 specifier set; undefined when either cannot be read. */
export function satisfiesPep440(version: string, specifiers: string): boolean | undefined {
  const candidate = parsePep440(version);
  if (!candidate) return undefined;
  const clauses = specifiers.split(',').map((c) => c.trim()).filter(Boolean);
  let holds = true;
  for (const clause of clauses) {
    const m = CLAUSE.exec(clause) ?? CLAUSE.exec(`==${clause}`);
    if (!m) return undefined;
    holds &&= clauseHolds(m[1]!, m[2]!, candidate, version);
  }
  return holds;
}
