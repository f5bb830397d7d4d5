// Writes THIRD-PARTY-NOTICES.txt beside a bundle: every npm package whose files went into it, with its license
// and the texts its license asks to travel with copies (MIT/ISC/BSD: the notice; Apache-2.0: the license and any
// NOTICE). The bytes depend only on the packages bundled, never on where the repository is or when it was built:
// the Action's dist/ is checked in and compared with a fresh build.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.txt';
export const NO_LICENSE_FILE = 'no license file in the package';

const RULE = '='.repeat(80);
const BLOCK_START = `${RULE}\nPackage: `;
const LICENSE_FILE = /^(?:licen[cs]e|copying|notice)/i;
// A package's licence-checking code (licenses.json, license.js) is not a licence text.
const NOT_A_TEXT = /\.(?:[cm]?[jt]s|json|map)$/i;

/** The root of the package a file belongs to: the folder right under its last node_modules (pnpm nests them). */
export function packageRoot(file) {
  const parts = resolve(file).split(sep);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const end = parts[at + 1].startsWith('@') ? at + 3 : at + 2;
  return end <= parts.length ? parts.slice(0, end).join(sep) : undefined;
}

/** The nearest package.json with a name and a version, from the file up to its package root (some packages ship
 * nested package.json files that only say `"type": "module"`). */
function manifestOf(file, root) {
  for (let dir = dirname(resolve(file)); dir.length >= root.length; dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (!existsSync(path)) continue;
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof manifest.name === 'string' && typeof manifest.version === 'string') return { dir, manifest };
    if (dir === root) break;
  }
  return undefined;
}

/** SPDX from package.json: `license` (a string, or the old `{ type }`), else the older `licenses: [{ type }]`. */
function licenseOf(manifest) {
  const { license, licenses } = manifest;
  if (typeof license === 'string' && license.trim()) return license.trim();
  if (license && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses) && licenses.length) return licenses.map((entry) => entry?.type ?? String(entry)).join(' OR ');
  return 'UNKNOWN (no license field in package.json)';
}

const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** LICENSE*, LICENCE*, COPYING*, NOTICE* at the package root, in byte order, line endings made LF. */
function licenseTexts(dir) {
  const texts = [];
  for (const name of readdirSync(dir).sort(byCodeUnits)) {
    if (!LICENSE_FILE.test(name) || NOT_A_TEXT.test(name) || !statSync(join(dir, name)).isFile()) continue;
    const text = readFileSync(join(dir, name), 'utf8').replace(/\r\n?/g, '\n').replace(/\s+$/, '');
    if (text) texts.push({ name, text });
  }
  return texts;
}

/**
 * The third-party packages among `files` (paths relative to `cwd`, or absolute), by name@version. A file outside
 * any node_modules is ours and is not listed.
 */
export function collectPackages(files, cwd = process.cwd()) {
  const found = new Map();
  for (const file of [...files].map((f) => resolve(cwd, f)).sort(byCodeUnits)) {
    const root = packageRoot(file);
    if (!root || !existsSync(file)) continue;
    const owner = manifestOf(file, root);
    if (!owner) throw new Error(`${file}: no package.json with a name and a version above it`);
    const { name, version } = owner.manifest;
    const key = `${name}@${version}`;
    // pnpm keeps one copy per set of peers: the same name@version at two paths is the same package.
    if (!found.has(key)) found.set(key, { name, version, license: licenseOf(owner.manifest), texts: licenseTexts(owner.dir) });
  }
  return found;
}

const sameAs = (file, key) => `(the same text as the ${file} of ${key})`;
const SAME_AS = /^\(the same text as the (\S+) of (\S+)\)$/;

/** One package's block; a text already written for an earlier package is named, not repeated (half the size). */
function renderBlock(key, { license, texts }, written) {
  const head = `${BLOCK_START}${key}\nLicense: ${license}\n${RULE}\n`;
  if (!texts.length) return `${head}\n(${NO_LICENSE_FILE})\n`;
  const files = texts.map(({ name, text }) => {
    const first = written.get(text);
    if (!first) written.set(text, { name, key });
    return `\n--- ${name} ---\n\n${first ? sameAs(first.name, first.key) : text}\n`;
  });
  return `${head}${files.join('')}`;
}

/** A block's body back into its files: `--- NAME ---`, a blank line, the text. */
function splitTexts(body) {
  if (body.trim() === `(${NO_LICENSE_FILE})`) return [];
  const parts = body.split(/^\n--- (\S+) ---\n\n/m);
  const texts = [];
  for (let i = 1; i < parts.length; i += 2) texts.push({ name: parts[i], text: parts[i + 1].replace(/\n$/, '') });
  return texts;
}

/** The packages of a notices file this module wrote, to merge into another's (a bundle of bundles). */
export function parseNotices(text, file = 'notices') {
  const packages = new Map();
  for (const part of text.split(`\n${BLOCK_START}`).slice(1)) {
    const [key, licenseLine, , ...rest] = part.split('\n');
    const at = key.lastIndexOf('@');
    const texts = splitTexts(rest.join('\n').replace(/\n+$/, ''));
    packages.set(key, { name: key.slice(0, at), version: key.slice(at + 1), license: licenseLine.replace(/^License: /, ''), texts });
  }
  for (const [key, pkg] of packages) {
    pkg.texts = pkg.texts.map(({ name, text }) => {
      const ref = SAME_AS.exec(text);
      if (!ref) return { name, text };
      const given = packages.get(ref[2])?.texts.find((other) => other.name === ref[1]);
      if (!given) throw new Error(`${file}: ${key}'s ${name} names the ${ref[1]} of ${ref[2]}, which the file does not give`);
      return { name, text: given.text };
    });
  }
  return packages;
}

/** The whole file: a header, an index, then one block per package sorted by name and version. */
export function renderNotices(title, packages) {
  const keys = [...packages.keys()].sort(byCodeUnits);
  const width = Math.max(0, ...keys.map((key) => key.length));
  const index = keys.map((key) => `  ${key.padEnd(width)}  ${packages.get(key).license}`).join('\n');
  const written = new Map();
  const text = [
    `Third-party notices: ${title}`,
    '',
    'These files include code from the third-party packages below, each under its own license. For each one:',
    'its name and version, its license as its package.json declares it, and the text of every LICENSE, LICENCE,',
    'COPYING and NOTICE file at the root of the package as published (a text identical to one given for a package',
    'above is named, not repeated).',
    '',
    `${keys.length} packages:`,
    index,
    '',
    ...keys.map((key) => renderBlock(key, packages.get(key), written)),
  ].join('\n');
  // A license text that looked like this file's own structure would make it ambiguous to read back: refuse it.
  const back = parseNotices(text);
  const same = keys.every((key) => JSON.stringify(back.get(key)) === JSON.stringify(packages.get(key)));
  if (back.size !== keys.length || !same) throw new Error(`${title}: a license text cannot be told apart from the notices' own structure`);
  return text;
}

/**
 * Writes the notices for `files` (bundled inputs) plus every notices file in `include` (bundles this one contains
 * or ships beside itself), through a temp file renamed into place.
 */
export async function writeNotices({ output, title, files = [], include = [], cwd = process.cwd() }) {
  const packages = new Map();
  for (const file of include) {
    for (const [key, pkg] of parseNotices(readFileSync(resolve(cwd, file), 'utf8'), file)) packages.set(key, pkg);
  }
  for (const [key, pkg] of collectPackages(files, cwd)) packages.set(key, pkg);
  const target = resolve(cwd, output);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(`${target}.tmp`, renderNotices(title, packages));
  await rename(`${target}.tmp`, target);
  return packages.size;
}

/** Bundled inputs that are already bundles of ours (a workspace package's dist/) bring their own notices. */
function nestedNotices(files, cwd) {
  const found = new Set();
  for (const file of files) {
    const path = resolve(cwd, file);
    if (packageRoot(path)) continue;
    const notices = join(dirname(path), NOTICES_FILE);
    if (existsSync(notices)) found.add(notices);
  }
  return [...found].sort(byCodeUnits);
}

/**
 * An esbuild plugin (tsup's `esbuildPlugins`) that writes the notices from the build's metafile when it ends:
 * tsup always asks esbuild for one and keeps it in memory unless told `metafile: true`.
 * `output`: the notices file; `title`: what it covers; `include`: other notices files to merge in.
 */
export function thirdPartyNotices({ output, title, include = [] }) {
  return {
    name: 'third-party-notices',
    setup(build) {
      build.initialOptions.metafile = true;
      build.onEnd(async (result) => {
        if (result.errors.length || !result.metafile) return;
        const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
        // Inputs from another plugin's namespace ("cjs-facade:path") are still files.
        const files = Object.keys(result.metafile.inputs).map((input) => input.replace(/^[a-z][\w-]+:(?![\\/])/i, ''));
        await writeNotices({ output, title, files, include: [...nestedNotices(files, cwd), ...include], cwd });
      });
    },
  };
}
