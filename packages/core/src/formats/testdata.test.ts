// Golden tests that live beside each input format and need nothing outside the repository (no ../shared).
//
// Every folder packages/core/src/formats/<id>/ holds testdata/<case>.input.<ext>, a small excerpt of a real report
// of that tool, and testdata/<case>.expected.sarif, the SARIF log that readReport(input, '<id>') makes of it
// (2-space JSON with a trailing newline). A format folder without at least one such pair fails this test.
// The inputs are excerpts cut by hand from real reports: ../shared/corpus (DefectDojo's unittests/scans) or, for
// cppcheck and shellcheck, which have no corpus folder, the tools' own output (cppcheck 2.10, ShellCheck 0.9.0).
//
// After a deliberate change to a parser, or to add a case, regenerate the expected files and review the diff
// (a parser bug must not be frozen as "expected"):
//
//   UPDATE_TESTDATA=1 pnpm vitest run packages/core/src/formats/testdata.test.ts
//
// With UPDATE_TESTDATA=1 the expected files are written instead of compared; every other check still runs, and
// the values listed in KNOWN_PARSER_BUGS are kept as they are in the expected file (they hold the right answer).
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSarifLog } from '../sarif/validate.js';
import { formats, readReport } from './registry.js';

const FORMATS_DIR = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = join(FORMATS_DIR, '..', '..', '..', '..');
const UPDATE = process.env.UPDATE_TESTDATA === '1';
const REGENERATE = 'UPDATE_TESTDATA=1 pnpm vitest run packages/core/src/formats/testdata.test.ts';

/** Inputs stay excerpts: a few results each, so the golden files can be read in review. */
const MAX_INPUT_BYTES = 16 * 1024;

/**
 * Pairs that auto-detection cannot (and should not) recognise, each with the reason; they are read with their
 * format named, as `--format ID` / `--report FILE:ID` would. Keyed by "<id>/<case>.input.<ext>".
 */
const NOT_DETECTED: Record<string, string> = {
  // nuclei writes an empty file when no template matched: nothing in it names the tool.
  'nuclei/no-findings.input.jsonl': 'an empty file is read only with the format named',
  // osv-scanner writes nothing at all when it finds no lockfile to scan.
  'osv-scanner/no-lockfile.input.json': 'an empty file is read only with the format named',
};

/**
 * Parser bugs these excerpts show, not yet fixed. At the listed JSON pointers the expected file holds the right
 * value, not what the parser writes today: the rest of the log is compared as usual, and a second test fails as
 * soon as the parser gets those values right, so that the entry is removed then.
 */
const KNOWN_PARSER_BUGS: Record<string, { bug: string; paths: string[] }> = {
  'cyclonedx/grype-vulnerability-extension.input.xml': {
    bug: 'components without bom-ref or purl are not counted, and a vulnerability nested in a component is located by its own ref, not by that component',
    paths: [
      '/runs/0/properties/pipewarden~1sbomComponents',
      ...[0, 1, 2, 3, 4].map((i) => `/runs/0/results/${i}/locations/0/logicalLocations/0/name`),
    ],
  },
  'dependency-check/log4j-api.input.xml': {
    bug: 'the purl in <identifiers><package><id> (report schema 2.x) is not read: the package is named after the jar file, without version',
    paths: ['/runs/0/results/0/message/text', '/runs/0/results/0/properties/pipewarden~1package'],
  },
  'sonarqube/issues-search-api.input.json': {
    bug: 'an issue on the project itself (component of qualifier TRK, no path) gets the project key as its file',
    paths: ['/runs/0/results/0/locations'],
  },
  'trivy/kubernetes-cluster.input.json': {
    bug: 'a workload\'s vulnerability names the cluster (ClusterName) as its image instead of the image of the result\'s Target',
    paths: ['/runs/0/results/0/properties/pipewarden~1image/reference'],
  },
};

interface Pair {
  format: string;
  name: string;
  input: string;
  expected: string;
}

const INPUT = /^(.+)\.input\.([a-z0-9]+)$/;

function formatFolders(): string[] {
  return readdirSync(FORMATS_DIR)
    .filter((name) => statSync(join(FORMATS_DIR, name)).isDirectory())
    .sort();
}

function pairsOf(format: string): { pairs: Pair[]; problems: string[] } {
  const dir = join(FORMATS_DIR, format, 'testdata');
  const problems: string[] = [];
  if (!existsSync(dir)) return { pairs: [], problems: [`${format}/testdata/ is missing`] };
  const files = readdirSync(dir).sort();
  const pairs: Pair[] = [];
  for (const file of files) {
    const match = INPUT.exec(file);
    if (!match) continue;
    const name = match[1]!;
    if (name === 'placeholder') {
      problems.push(`${format}/testdata/${file} is the scaffold's placeholder: replace it with a small excerpt of a real report`);
      continue;
    }
    const expected = join(dir, `${name}.expected.sarif`);
    if (!UPDATE && !existsSync(expected)) problems.push(`${format}/testdata/${file} has no ${name}.expected.sarif (generate it: ${REGENERATE})`);
    pairs.push({ format, name, input: join(dir, file), expected });
  }
  for (const file of files) {
    if (!file.endsWith('.expected.sarif')) continue;
    const name = file.slice(0, -'.expected.sarif'.length);
    if (!files.some((f) => INPUT.exec(f)?.[1] === name)) problems.push(`${format}/testdata/${file} has no ${name}.input.* beside it`);
  }
  if (!pairs.length && !problems.length) problems.push(`${format}/testdata/ holds no <case>.input.<ext> + <case>.expected.sarif pair`);
  return { pairs, problems };
}

/** Replaces machine-specific paths (this checkout and the test data folder) wherever they appear in a string value. */
function normalize(value: unknown, replacements: readonly [string, string][]): unknown {
  if (typeof value === 'string') return replacements.reduce((text, [from, to]) => text.split(from).join(to), value);
  if (Array.isArray(value)) return value.map((item) => normalize(item, replacements));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normalize(item, replacements)]));
  }
  return value;
}

function replacementsFor(pair: Pair): [string, string][] {
  // Longest first, so the test data folder wins over the checkout that contains it.
  const paths: [string, string][] = [
    [dirname(pair.input), '<testdata>'],
    [REPO_ROOT, '<repo>'],
  ];
  return paths.flatMap(([from, to]) => [[from, to], [from.replace(/\\/g, '/'), to]] as [string, string][]);
}

// JSON pointers (RFC 6901) into a parsed log, for KNOWN_PARSER_BUGS.
const tokens = (pointer: string) => pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
const child = (node: unknown, token: string): unknown => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[token] : undefined);

function getAt(root: unknown, pointer: string): unknown {
  return tokens(pointer).reduce(child, root);
}

/** Sets (or, for undefined, deletes) the object member at pointer, when its parent exists. */
function setAt(root: unknown, pointer: string, value: unknown): void {
  const path = tokens(pointer);
  const parent = path.slice(0, -1).reduce(child, root);
  if (parent === null || typeof parent !== 'object') return;
  const key = path[path.length - 1]!;
  if (value === undefined) delete (parent as Record<string, unknown>)[key];
  else (parent as Record<string, unknown>)[key] = value;
}

function withoutPaths(log: unknown, pointers: readonly string[]): unknown {
  const copy = structuredClone(log);
  for (const pointer of pointers) setAt(copy, pointer, undefined);
  return copy;
}

function pretty(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

const folders = formatFolders();

describe('format test data', () => {
  it('one folder per registered format, and only those', () => {
    expect(folders).toEqual(formats.map((format) => format.id).sort());
  });

  it('every format folder has at least one input / expected pair', () => {
    const problems = folders.flatMap((format) => pairsOf(format).problems);
    expect(problems).toEqual([]);
  });

  it('every known parser bug and undetected pair names an existing input', () => {
    const inputs = folders.flatMap((format) => pairsOf(format).pairs.map((pair) => `${format}/${basename(pair.input)}`));
    expect([...Object.keys(KNOWN_PARSER_BUGS), ...Object.keys(NOT_DETECTED)].filter((key) => !inputs.includes(key))).toEqual([]);
  });

  for (const format of folders) {
    for (const pair of pairsOf(format).pairs) {
      const key = `${format}/${basename(pair.input)}`;
      const reason = NOT_DETECTED[key];
      const known = KNOWN_PARSER_BUGS[key];
      let produced: Promise<unknown> | undefined;
      /** The log the parser makes of the input, as plain JSON with machine paths replaced; read once per pair. */
      const actualLog = () => (produced ??= readReport(pair.input, format).then(({ log }) => normalize(JSON.parse(JSON.stringify(log)), replacementsFor(pair))));

      it(key, async () => {
        expect(statSync(pair.input).size, `${key}: keep inputs to a few results`).toBeLessThanOrEqual(MAX_INPUT_BYTES);
        const { log, format: used } = await readReport(pair.input, format);
        expect(used).toBe(format);
        // What a consumer of the log relies on: SARIF 2.1.0 as the schema describes it.
        expect(() => checkSarifLog(JSON.parse(JSON.stringify(log)), pair.input)).not.toThrow();
        if (reason) {
          await expect(readReport(pair.input), reason).rejects.toThrow(/name it with --format|is empty/);
        } else {
          expect((await readReport(pair.input)).format, 'auto-detection picks the same format').toBe(format);
        }
        const actual = await actualLog();
        if (UPDATE) {
          const keep = known && existsSync(pair.expected) ? (JSON.parse(readFileSync(pair.expected, 'utf8')) as unknown) : undefined;
          const written = structuredClone(actual);
          if (keep !== undefined) for (const pointer of known!.paths) setAt(written, pointer, getAt(keep, pointer));
          writeFileSync(pair.expected, pretty(written));
          return;
        }
        expect(existsSync(pair.expected), `${key} has no ${basename(pair.expected)}; generate it: ${REGENERATE}`).toBe(true);
        const text = readFileSync(pair.expected, 'utf8');
        const expected = JSON.parse(text) as unknown;
        expect(text, `${relative(REPO_ROOT, pair.expected)} is stored prettified (2 spaces, trailing newline)`).toBe(pretty(expected));
        const ignored = known?.paths ?? [];
        expect(withoutPaths(actual, ignored), `differs from ${relative(REPO_ROOT, pair.expected)}; if the change is intended: ${REGENERATE}`).toEqual(withoutPaths(expected, ignored));
      });

      if (known) {
        // Passes while the bug is there; fails once the parser writes the right values: then drop the entry.
        it.fails(`${key}: still has a known parser bug (${known.bug}); when this fails, remove it from KNOWN_PARSER_BUGS`, async () => {
          const actual = await actualLog();
          const expected = JSON.parse(readFileSync(pair.expected, 'utf8')) as unknown;
          expect(known.paths.map((pointer) => getAt(actual, pointer))).toEqual(known.paths.map((pointer) => getAt(expected, pointer)));
        });
      }
    }
  }
});
