import type { ManifestFile, Package } from '../../types.js';

export interface GemDeclared {
  line: number;
  scope: Package['scope'];
  /** version requirements as written ("~> 2.0", ">= 1.10") */
  requirements: string[];
  /** a git, github or path source: no gem server version */
  source?: string;
}

const DEV_GROUPS = /^(?:development|test|dev|ci|lint|tools)$/;

function scopeOfGroups(groups: string[]): Package['scope'] {
  if (groups.length === 0 || groups.some((g) => !DEV_GROUPS.test(g))) return 'runtime';
  return groups.every((g) => g === 'test') ? 'test' : 'dev';
}

function symbols(list: string): string[] {
  return list
    .split(',')
    .map((g) => g.trim().replace(/^:|['"[\]]/g, ''))
    .filter(Boolean);
}

/** The gems a Gemfile declares, read line by line (no Ruby is run): groups, requirements, sources. */
export function gemfileDeclarations(gemfile: ManifestFile | undefined): Map<string, GemDeclared> {
  const out = new Map<string, GemDeclared>();
  if (!gemfile) return out;
  const blocks: string[][] = [];
  const lines = gemfile.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? '').replace(/\s#.*$|^#.*$/, '').trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(l);
    if (group) {
      blocks.push(symbols(group[1] ?? ''));
      continue;
    }
    if (/\bdo(?:\s*\|[^|]*\|)?$/.test(l)) {
      blocks.push([]);
      continue;
    }
    if (l === 'end') {
      blocks.pop();
      continue;
    }
    const gem = /^gem\s*\(?\s*['"]([^'"]+)['"]\s*(.*)$/.exec(l);
    if (!gem || out.has(gem[1] ?? '')) continue;
    const rest = gem[2] ?? '';
    const requirements = [...rest.matchAll(/(?:^|,)\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
    const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+|['"][^'"]+['"])/.exec(rest)?.[1];
    const source = /\b(git|github|path|gist|bitbucket):\s*['"]([^'"]+)['"]/.exec(rest);
    out.set(gem[1] ?? '', {
      line: i + 1,
      scope: scopeOfGroups([...blocks.flat(), ...(inline ? symbols(inline) : [])]),
      requirements,
      ...(source ? { source: `${source[1]} ${source[2]}` } : {}),
    });
  }
  return out;
}
