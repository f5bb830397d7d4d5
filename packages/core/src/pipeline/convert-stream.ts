import { InputError } from '../errors.js';
import type { InputDocument } from '../input/read-document.js';
import { readRegularHead } from '../files/safe-read.js';
import { detectFormat } from '../formats/registry.js';
import { createIdentifier, type Identifier } from '../identity/fingerprint.js';
import type { SecretKeyer } from '../identity/secret-hash.js';
import { ChunkedJsonOffSpine, ChunkedJsonTooDeep, ChunkedJsonUnreadable, readJsonAlongSpine, type SpineEvent, type SpineNode } from '../input/json-chunked.js';
import { DEFAULT_MAX_DEPTH } from '../input/json-stream.js';
import { propagated, redactLog, runRedaction, type RedactionState, type RunRedaction } from '../sarif/redact-log.js';
import { PROP, SARIF_SCHEMA_URI, SARIF_VERSION, type Log, type Result, type Run } from '../sarif/types.js';
import { isValidSarifPart } from '../sarif/validate.js';
import { Packer, pieces, RUN_SPINE } from '../sarif/write-log.js';
import { createLineReader, demoteDocumentationSecret, isPlaceholderFinding, isSecretFinding, type ReadLine } from '../secrets/index.js';
import { plainPrefix, relativizeResult, relativizeRunMembers, reportSource, type NormalizeOptions } from './normalize.js';

// convert of one large SARIF log as it is read: each batch of results is checked, redacted, normalized,
// screened, identified, written and dropped before the next chunk of the file is read, so a million results
// are never held at once (memory stays flat, and young objects die young: far less garbage collection).
// It gives byte for byte what the whole-document path (convert.ts) gives, or gives up (NotStreamable) and
// leaves the log to that path: whenever the log's order or shape would make a later part change an earlier
// one already written (results before their run's tool, a rule named only by results, a secret found that
// the whole path would mask everywhere, a repair, an error to explain).

/** The log's spine: the log, its runs, each run's results handed out in batches. */
const SARIF_SPINE: SpineNode = {
  array: false,
  name: 'log',
  members: { runs: { array: true, name: 'runs', items: { array: false, name: 'run', members: { results: { array: true, sink: true, name: 'results' } } } } },
};

/** Members of a run that the work on each result reads: they must come before the run's results. */
const READ_PER_RESULT = ['tool', 'properties', 'artifacts'];

/** A SARIF log's runs begin within this many bytes (a log's own members before them are small). */
const FIRST_BYTES = 1024 * 1024;

/** Why a log is left to the whole-document path (said by tests; never shown to users, who see the same result either way). */
export class NotStreamable extends Error {
  override readonly name = 'NotStreamable';
}

export interface StreamOptions {
  /** The CLI's folder: relative paths resolve here, URIs become relative to it. */
  baseDir: string;
  /** The command's secret keyer (the redactor's). */
  keyer: SecretKeyer;
  /** Whether the format was named (--format sarif); otherwise the log is detected as the whole path detects it. */
  formatGiven: boolean;
  /** Chunk size of the reader (tests make it small to put boundaries everywhere). */
  chunkBytes?: number | undefined;
}

export interface StreamCounts {
  runs: number;
  results: number;
}

interface RunState {
  run: Run;
  redaction: RunRedaction;
  /** The run's members before its results, as written (the first ones of the run object, in order). */
  before: string[];
  values: unknown[];
  results: unknown[];
  rules: Map<string, number>;
  written: number;
}

/** What one conversion carries across runs and batches. */
class Conversion {
  readonly state: RedactionState = { found: new Set(), known: [], unkeyed: [] };
  readonly identifier: Identifier;
  readonly readLine: ReadLine;
  readonly root: NormalizeOptions;
  readonly prefix: string | undefined;
  readonly source: string;
  readonly counts: StreamCounts = { runs: 0, results: 0 };

  constructor(
    readonly file: string,
    readonly options: StreamOptions,
  ) {
    this.root = { baseDir: options.baseDir, srcRoot: options.baseDir };
    this.prefix = plainPrefix(this.root);
    this.source = reportSource(file, options.baseDir);
    this.identifier = createIdentifier({ srcRoot: options.baseDir, secrets: options.keyer });
    this.readLine = createLineReader(options.baseDir);
  }

  /** Secret hashes met so far keyed, as redactLog keys them at its end. */
  async rekey(): Promise<void> {
    const unkeyed = this.state.unkeyed;
    if (!unkeyed.length) return;
    await this.options.keyer.prepare(unkeyed.map(({ bag, key }) => bag[key] as string));
    for (const { bag, key } of unkeyed) bag[key] = this.options.keyer.rekey(bag[key] as string);
    unkeyed.length = 0;
  }

  /** A value masked in one place is masked everywhere by the whole path, in parts already written here too. */
  checkFound(): void {
    if (this.state.found.size && propagated(this.state.found).length) throw new NotStreamable('a secret value found is masked everywhere it appears');
  }

  /** The repairs the SARIF reader makes before its check (formats/sarif), to the members given. */
  repair(run: Run, members: readonly string[]): void {
    const data = run as unknown as Record<string, unknown>;
    if (members.includes('newlineSequences') && Array.isArray(data.newlineSequences)) data.newlineSequences = [...new Set(data.newlineSequences)];
  }

  /**
   * The run-level work on the members given (all but results), as the whole path does it: checked, redacted,
   * the report named in the run's properties, file names made relative.
   */
  prepareMembers(run: Run, redaction: RunRedaction, members: readonly string[], all: boolean): void {
    if ((run.artifacts ?? []).some((artifact) => artifact?.contents !== undefined)) throw new NotStreamable('artifacts carry contents');
    if (all) {
      run.tool.driver.rules ??= [];
      redaction.rules();
      redaction.rest();
    } else {
      redaction.rest(new Set(members));
    }
    if (all || !Object.hasOwn(run, 'properties')) run.properties = { ...run.properties, [PROP.source]: this.source };
    relativizeRunMembers(run, this.root, this.prefix, all ? undefined : new Set(members));
  }

  /** The run's members before its results: the run checked and prepared, its text up to the results' opening bracket. */
  async open(run: Run, keys: readonly string[], results: unknown[], first: boolean): Promise<{ state: RunState; text: string }> {
    const before = keys.slice(0, -1);
    if (!before.includes('tool')) throw new NotStreamable("a run's results come before its tool");
    this.repair(run, before);
    if (!isValidSarifPart('run', run)) throw new NotStreamable('a run does not pass the check');
    const redaction = runRedaction(run, this.state);
    // The tool's rules first (fillRules in formats/sarif): results may only name rules it has.
    const driver = run.tool.driver;
    driver.rules ??= [];
    const rules = new Map(driver.rules.map((rule, i) => [rule.id, i]));
    redaction.rules();
    redaction.rest(new Set(before));
    if (before.includes('properties')) run.properties = { ...run.properties, [PROP.source]: this.source };
    relativizeRunMembers(run, this.root, this.prefix, new Set(before));
    if ((run.artifacts ?? []).some((artifact) => artifact?.contents !== undefined)) throw new NotStreamable('artifacts carry contents');
    await this.rekey();
    let text = first ? '\n{' : ',\n{';
    let firstMember = true;
    for (const key of before) {
      const value = (run as unknown as Record<string, unknown>)[key];
      if (value === undefined) continue;
      text += `${firstMember ? '' : ','}${JSON.stringify(key)}:${[...pieces(value, RUN_SPINE[key])].join('')}`;
      firstMember = false;
    }
    text += `${firstMember ? '' : ','}"results":[`;
    const values = before.map((key) => (run as unknown as Record<string, unknown>)[key]);
    return { state: { run, redaction, before, values, results, rules, written: 0 }, text };
  }

  /** A batch of results: each checked, redacted, normalized, screened and identified; their text, one a line. */
  async results(state: RunState, items: readonly unknown[]): Promise<string> {
    const { run, redaction, rules } = state;
    for (const item of items) {
      if (!isValidSarifPart('result', item)) throw new NotStreamable('a result does not pass the check');
      const result = item as Result;
      const id = result.ruleId ?? result.rule?.id;
      if (id !== undefined && !result.rule?.toolComponent) {
        const at = rules.get(id);
        if (at === undefined) throw new NotStreamable('a result names a rule its tool does not list');
        const listed = run.tool.driver.rules!;
        if (result.ruleIndex !== undefined && listed[result.ruleIndex]?.id !== id) result.ruleIndex = at;
        if (result.rule?.index !== undefined && listed[result.rule.index]?.id !== id) result.rule.index = at;
      }
      redaction.result(result);
    }
    this.checkFound();
    await this.rekey();
    const kept: Result[] = [];
    for (const item of items) {
      const result = item as Result;
      relativizeResult(result, this.root, this.prefix);
      if (isSecretFinding(run, result) && (await isPlaceholderFinding(run, result, this.readLine))) continue;
      demoteDocumentationSecret(run, result);
      kept.push(result);
    }
    await this.identifier.add([{ run, results: kept }]);
    let text = '';
    for (const result of kept) text += `${state.written++ ? ',\n' : '\n'}${JSON.stringify(result)}`;
    this.counts.results += kept.length;
    return text;
  }

  /** The run's members after its results (or the whole run, when it has no results array): checked, prepared, their text. */
  async close(run: Run, state: RunState | undefined, first: boolean): Promise<string> {
    const data = run as unknown as Record<string, unknown>;
    this.counts.runs++;
    if (!state) {
      // No results array (none, or null): the run as a whole, as the whole path takes it.
      if (data.results === null) delete data.results;
      const members = Object.keys(run);
      this.repair(run, members);
      if (!isValidSarifPart('run', run)) throw new NotStreamable('a run does not pass the check');
      this.prepareMembers(run, runRedaction(run, this.state), members, true);
      this.checkFound();
      await this.rekey();
      return `${first ? '\n' : ',\n'}${[...pieces(run, RUN_SPINE)].join('')}`;
    }
    const keys = Object.keys(run);
    if (data.results !== state.results || state.before.some((key, i) => keys[i] !== key || data[key] !== state.values[i])) {
      throw new NotStreamable('a member of a run is named twice');
    }
    const after = keys.slice(state.before.length + 1);
    if (after.some((key) => READ_PER_RESULT.includes(key))) throw new NotStreamable(`a run's ${after.find((key) => READ_PER_RESULT.includes(key))} comes after its results`);
    this.repair(run, after);
    const rest = Object.fromEntries(after.map((key) => [key, data[key]]));
    if (!isValidSarifPart('run', { ...rest, tool: { driver: { name: 'check' } } })) throw new NotStreamable('a run does not pass the check');
    this.prepareMembers(run, state.redaction, after, false);
    this.checkFound();
    await this.rekey();
    let text = state.written ? '\n]' : ']';
    for (const key of Object.keys(run).slice(state.before.length + 1)) {
      if (data[key] === undefined) continue;
      text += `,${JSON.stringify(key)}:${[...pieces(data[key], RUN_SPINE[key])].join('')}`;
    }
    return `${text}}`;
  }

  /** The log itself, once read: checked as the whole path checks it, detected as SARIF when the format was not named. */
  async finish(root: Record<string, unknown>, runs: unknown[] | undefined): Promise<void> {
    if (root.runs !== runs && !(runs === undefined && root.runs === null)) throw new NotStreamable('the runs are named twice');
    // Every element of the runs was a run object followed here (a null or a number among them is not).
    if (runs && runs.length !== this.counts.runs) throw new NotStreamable('a run is not an object');
    const frame = { ...root, runs: runs === undefined ? root.runs : [] };
    if (!isValidSarifPart('log', frame)) throw new NotStreamable('the log does not pass the check');
    // The log's own members are dropped from the output, but a secret found in them is masked everywhere.
    await redactLog({ ...frame, runs: [] } as unknown as Log, this.options.keyer, this.state.found);
    this.checkFound();
    if (!this.options.formatGiven) {
      const document: InputDocument = { kind: 'json', data: { ...root, runs: runs === undefined ? root.runs : runs } };
      let format: string;
      try {
        format = detectFormat(document, this.file).format.id;
      } catch (error) {
        if (error instanceof InputError) throw new NotStreamable('the format is not clearly SARIF');
        throw error;
      }
      if (format !== 'sarif') throw new NotStreamable(`the report reads as ${format}`);
    }
  }
}

async function startOf(file: string): Promise<number> {
  const { head } = await readRegularHead(file, 3);
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/** Reading problems (broken JSON, a file that went away) are the whole path's to explain. */
function unreadable(error: unknown): NotStreamable | undefined {
  if (error instanceof ChunkedJsonUnreadable || error instanceof ChunkedJsonOffSpine || error instanceof ChunkedJsonTooDeep) return new NotStreamable(error.message);
  if (error instanceof InputError || (error instanceof Error && 'code' in error)) return new NotStreamable(`cannot be read as it streams: ${error.message}`);
  return undefined;
}

async function* events(file: string, chunkBytes: number | undefined): AsyncGenerator<{ events: SpineEvent[]; read: number }> {
  try {
    const start = await startOf(file);
    yield* readJsonAlongSpine(file, SARIF_SPINE, { start, maxDepth: DEFAULT_MAX_DEPTH, ...(chunkBytes ? { chunkBytes } : {}) });
  } catch (error) {
    throw unreadable(error) ?? error;
  }
}

/**
 * One SARIF log converted as it is read: the bytes of the converted log (what sarifText writes of the
 * whole path's log), in chunks. Throws NotStreamable before the end when the log is to be left to the
 * whole-document path; the caller then discards what it wrote. `counts` is filled as it goes.
 */
export async function* convertSarifStream(file: string, options: StreamOptions, counts?: StreamCounts): AsyncGenerator<Uint8Array> {
  const conversion = new Conversion(file, options);
  const packer = new Packer();
  yield* packer.add(`{"$schema":${JSON.stringify(SARIF_SCHEMA_URI)},"version":${JSON.stringify(SARIF_VERSION)},"runs":[`);
  let run: Run | undefined;
  let state: RunState | undefined;
  let runs: unknown[] | undefined;
  let root: Record<string, unknown> | undefined;
  for await (const batch of events(file, options.chunkBytes)) {
    for (const event of batch.events) {
      if (event.type === 'open') {
        if (event.name === 'runs') runs = event.value as unknown[];
        else if (event.name === 'run') [run, state] = [event.value as unknown as Run, undefined];
        else if (event.name === 'results') {
          const opened = await conversion.open(run!, event.parent!.keys, event.value as unknown[], conversion.counts.runs === 0);
          state = opened.state;
          yield* packer.add(opened.text);
        }
      } else if (event.type === 'items') {
        yield* packer.add(await conversion.results(state!, event.items));
      } else if (event.name === 'run') {
        yield* packer.add(await conversion.close(run!, state, conversion.counts.runs === 0));
        [run, state] = [undefined, undefined];
      } else if (event.name === 'log') {
        root = event.value as Record<string, unknown>;
      }
    }
    // A document that is not a SARIF log shows it early: its runs are not under way after its first megabyte.
    if (batch.read >= FIRST_BYTES && runs === undefined && root === undefined) throw new NotStreamable('no runs in the first megabyte');
  }
  if (!root) throw new NotStreamable('the document has no top-level object');
  await conversion.finish(root, runs);
  yield* packer.add(conversion.counts.runs ? '\n]}\n' : ']}\n');
  yield packer.take();
  if (counts) Object.assign(counts, conversion.counts);
}
