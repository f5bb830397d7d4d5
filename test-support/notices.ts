// Reads a built THIRD-PARTY-NOTICES.txt and the bundles beside it, independently of the code that wrote it, so the
// packages' tests check the notices against what the bundles really contain.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export const NOTICES = 'THIRD-PARTY-NOTICES.txt';
export const MISSING = '(no license file in the package)';

export interface NoticeEntry {
  license: string;
  /** Each license file's name and text, in the order written. */
  files: { name: string; text: string }[];
  missing: boolean;
}

export interface Notices {
  text: string;
  /** The index at the top: name@version → license. */
  index: Map<string, string>;
  entries: Map<string, NoticeEntry>;
}

const HEADER = /^={80}\nPackage: (.+)\nLicense: (.*)\n={80}\n/m;

export function readNotices(file: string): Notices {
  const text = readFileSync(file, 'utf8');
  const [head = '', ...blocks] = text.split(/\n(?=={80}\nPackage: )/);
  const index = new Map<string, string>();
  for (const line of head.split('\n')) {
    const match = /^ {2}(\S+@\S+) +(.+)$/.exec(line);
    if (match?.[1] && match[2]) index.set(match[1], match[2]);
  }
  const entries = new Map<string, NoticeEntry>();
  for (const block of blocks) {
    const match = HEADER.exec(block);
    if (!match?.[1] || match[2] === undefined) throw new Error(`${file}: a block without its header: ${block.slice(0, 120)}`);
    const body = block.slice(match[0].length);
    const files = [...body.matchAll(/\n--- (\S+) ---\n\n([\s\S]*?)\n(?=\n--- \S+ ---\n|$)/g)].map((m) => ({ name: m[1] ?? '', text: m[2] ?? '' }));
    entries.set(match[1], { license: match[2], files, missing: body.trim() === MISSING });
  }
  // A text given once is named by the packages after it that have the same one.
  for (const [key, entry] of entries) {
    for (const given of entry.files) {
      const ref = /^\(the same text as the (\S+) of (\S+)\)$/.exec(given.text);
      if (!ref) continue;
      const original = entries.get(ref[2] ?? '')?.files.find((other) => other.name === ref[1]);
      if (!original) throw new Error(`${file}: ${key} refers to ${ref[1]} of ${ref[2]}, which is not given`);
      given.text = original.text;
    }
  }
  return { text, index, entries };
}

/** The root folder of the package a file is in: the folder under its last node_modules. */
function packageRoot(file: string): string | undefined {
  const parts = file.split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  return parts.slice(0, parts[at + 1]?.startsWith('@') ? at + 3 : at + 2).join(sep);
}

export interface BundledPackage {
  key: string;
  dir: string;
}

/**
 * What esbuild says it put in the unminified bundles of `dist` (top level only): the `// path` comment it writes
 * before each module, relative to the package that was built. Third-party modules become packages (read from their
 * package.json on disk); modules from a workspace package's dist/ are returned as that folder.
 */
export function bundledModules(packageDir: string, dist = join(packageDir, 'dist')): { packages: Map<string, BundledPackage>; workspaceDists: Set<string> } {
  const packages = new Map<string, BundledPackage>();
  const workspaceDists = new Set<string>();
  for (const name of readdirSync(dist).filter((file) => file.endsWith('.js'))) {
    for (const [, path = ''] of readFileSync(join(dist, name), 'utf8').matchAll(/^\/\/ (\.\.?\/\S+)$/gm)) {
      const file = resolve(packageDir, path);
      const root = packageRoot(file);
      if (root) {
        const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
        packages.set(`${manifest.name}@${manifest.version}`, { key: `${manifest.name}@${manifest.version}`, dir: root });
      } else if (!file.startsWith(packageDir + sep) && existsSync(file)) {
        workspaceDists.add(dirname(file));
      }
    }
  }
  return { packages, workspaceDists };
}

/** The license files at a package's root, as the notices select them. */
export function licenseFilesOnDisk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /^(?:licen[cs]e|copying|notice)/i.test(entry.name) && !/\.(?:[cm]?[jt]s|json|map)$/i.test(entry.name))
    .filter((entry) => readFileSync(join(dir, entry.name), 'utf8').trim() !== '')
    .map((entry) => entry.name);
}

/** The files `npm pack` would put in the package's tarball (its `files` and npm's own rules), without packing. */
export function packedFiles(packageDir: string): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: packageDir, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'silent' } });
  return (JSON.parse(out) as { files: { path: string }[] }[]).flatMap((pack) => pack.files.map((file) => file.path));
}
