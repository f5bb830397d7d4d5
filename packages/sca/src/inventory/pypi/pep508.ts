/** A PEP 508 requirement as written in requirements files and pyproject.toml. */
export interface Requirement {
  name: string;
  extras: string[];
  /** the version specifier as written ("" when none) */
  specifier: string;
  marker?: string;
  /** a direct reference (`name @ https://…`): not a registry version */
  url?: string;
}

export function parseRequirement(text: string): Requirement | undefined {
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!m) return undefined;
  let rest = m[3] ?? '';
  let marker: string | undefined;
  const semi = rest.indexOf(';');
  if (semi !== -1) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi);
  }
  rest = rest.trim();
  const req: Requirement = {
    name: m[1] ?? '',
    extras: (m[2] ?? '').split(',').map((e) => e.trim()).filter(Boolean),
    specifier: '',
  };
  if (marker) req.marker = marker;
  if (rest.startsWith('@')) {
    req.url = rest.slice(1).trim();
    return req;
  }
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1);
  if (rest !== '' && !/^(?:===|==|~=|!=|<=|>=|<|>)/.test(rest)) return undefined;
  req.specifier = rest.replace(/\s+/g, '');
  return req;
}

export interface Lowest {
  version: string;
  /** the specifier admits exactly one version */
  exact: boolean;
}

/**
 * The lowest version a PEP 440 specifier admits when it has an inclusive lower bound
 * ("" otherwise), and whether it pins one version.
 */
export function lowestPep440(specifier: string): Lowest {
  let lowest = '';
  for (const clause of specifier.split(',').map((c) => c.trim()).filter(Boolean)) {
    const m = /^(===|==|~=|>=|!=|<=|<|>)\s*(.+)$/.exec(clause);
    if (!m) continue;
    const [, op, version = ''] = m;
    if ((op === '==' || op === '===') && !version.includes('*')) return { version, exact: true };
    if (op === '==' && version.endsWith('.*')) lowest = version.slice(0, -2);
    else if (op === '>=' || op === '~=') lowest = version;
  }
  return { version: lowest, exact: false };
}

/** Poetry's constraint syntax: caret and tilde ranges, wildcards, bare versions (exact), PEP 440. */
export function lowestPoetry(constraint: string): Lowest {
  const c = constraint.trim();
  if (c === '' || c === '*') return { version: '', exact: false };
  if (c.includes('||')) {
    // the lowest of the alternatives is the one an old install could have
    const parts = c.split('||').map((p) => lowestPoetry(p));
    const withVersion = parts.filter((p) => p.version);
    return withVersion.length === parts.length ? (withVersion[0] as Lowest) : { version: '', exact: false };
  }
  const caret = /^[\^~]=?\s*(\d[\w.+-]*)$/.exec(c);
  if (caret) return { version: caret[1] ?? '', exact: false };
  if (/^\d[\w.+!-]*$/.test(c)) return { version: c, exact: true };
  if (/^\d[\w.]*\.\*$/.test(c)) return { version: c.slice(0, -2), exact: false };
  return lowestPep440(c.replace(/\s+/g, ''));
}
