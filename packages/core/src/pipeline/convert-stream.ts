import { randomBytes } from 'node:crypto';
import { InputError } from '../errors.js';
import type { InputDocument } from '../input/read-document.js';
import { readRegularHead } from '../files/safe-read.js';
import { detectFormat } from '../formats/registry.js';
import { nopathCounter } from '../identity/fingerprint.js';
import { KeyTable } from '../identity/key-table.js';
import type { SecretKeyer, SecretKeying } from '../identity/secret-hash.js';
import { ChunkedJsonOffSpine, ChunkedJsonTooDeep, ChunkedJsonUnreadable, type SpineEvent, type SpineNode } from '../input/json-chunked.js';
import { readJsonAlongSpine } from '../input/json-chunked-read.js';
import { DEFAULT_MAX_DEPTH } from '../input/json-stream.js';
import { keyUnkeyed, propagated, redactLog, runRedaction, type RedactionState, type RunRedaction } from '../sarif/redact-log.js';
import { PROP, SARIF_SCHEMA_URI, SARIF_VERSION, type Log, type Run } from '../sarif/types.js';
import { dedupeNewlineSequences } from '../sarif/rule-index.js';
import { isValidSarifPart } from '../sarif/validate.js';
import { pieces, RUN_SPINE } from '../sarif/write-log.js';
import { KEY_WORDS, NotStreamable, type BatchReply } from './convert-batch.js';
import { defaultConvertThreads, startBatchRunner, type BatchRunner } from './convert-pool.js';
import { plainPrefix, relativizeRunMembers, reportSource, type NormalizeOptions } from './normalize.js';

export { NotStreamable } from './convert-batch.js';

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

export interface StreamOptions {
  /** The CLI's folder: relative paths resolve here, URIs become relative to it. */
  baseDir: string;
  /** The command's secret keying and keyer (the redactor's). */
  secrets: SecretKeying;
  keyer: SecretKeyer;
  /** Threads converting batches (default: one per core, at most four; 1: this thread alone). */
  threads?: number | undefined;
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
  id: number;
  run: Run;
  redaction: RunRedaction;
  /** The run's members before its results, as written (the first ones of the run object, in order). */
  before: string[];
  values: unknown[];
  results: unknown[];
  written: number;
}

/** What one conversion carries across runs and batches. */
class Conversion {
  readonly state: RedactionState = { found: new Set(), known: [], unkeyed: [] };
  /** The occurrences counted per tool (and per tool for the path-free keys), in file order. */
  private readonly tables = new Map<string, KeyTable>();
  readonly root: NormalizeOptions;
  readonly prefix: string | undefined;
  readonly source: string;
  readonly counts: StreamCounts = { runs: 0, results: 0 };
  readonly mark = `#pw-${randomBytes(12).toString('hex')}-`;
  private runIds = 0;

  constructor(
    readonly file: string,
    readonly options: StreamOptions,
  ) {
    this.root = { baseDir: options.baseDir, srcRoot: options.baseDir };
    this.prefix = plainPrefix(this.root);
    this.source = reportSource(file, options.baseDir);
  }

  /** Secret hashes met so far keyed, as redactLog keys them at its end. */
  async rekey(): Promise<void> {
    await keyUnkeyed(this.state.unkeyed, this.options.keyer);
  }

  /** A value masked in one place is masked everywhere by the whole path, in parts already written here too. */
  checkFound(): void {
    if (this.state.found.size && propagated(this.state.found).length) throw new NotStreamable('a secret value found is masked everywhere it appears');
  }

  private table(counter: string): KeyTable {
    let table = this.tables.get(counter);
    if (!table) this.tables.set(counter, (table = new KeyTable()));
    return table;
  }

  /** The numbers of a batch's marks, reused from batch to batch. */
  private numbers = new Uint32Array(4096);

  /** A converted batch's bytes, its occurrence numbers counted on in file order (nothing when it kept no result). */
  write(state: RunState, reply: BatchReply): Uint8Array | undefined {
    if ('abort' in reply) throw new NotStreamable(reply.abort);
    const { bytes, places, slots, keys, has } = reply;
    if (this.numbers.length < slots.length) this.numbers = new Uint32Array(slots.length);
    const numbers = this.numbers;
    const tool = state.run.tool.driver.name;
    const keyTable = this.table(tool);
    const nopathTable = this.table(nopathCounter(tool));
    let wide = false;
    let mark = 0;
    for (let result = 0; result < has.length; result++, mark++) {
      const n = has[result]! & 1 ? keyTable.next(keys, 2 * KEY_WORDS * result) : 0;
      const nopathN = has[result]! & 2 ? nopathTable.next(keys, (2 * result + 1) * KEY_WORDS) : 0;
      for (; slots[mark] !== 0; mark++) {
        const number = slots[mark] === 1 ? n : nopathN;
        numbers[mark] = number;
        if (number > 9) wide = true;
      }
    }
    this.counts.results += has.length;
    // The first result of a run follows no other: no comma before it.
    const from = state.written === 0 && bytes.length ? 1 : 0;
    state.written += has.length;
    if (!bytes.length) return undefined;
    if (!wide) {
      for (let at = 0; at < mark; at++) if (slots[at] !== 0) bytes[places[at]!] = 0x30 + numbers[at]!;
      return from ? bytes.subarray(from) : bytes;
    }
    return this.widened(bytes, from, places, slots, numbers, mark);
  }

  /** A batch with a number of two digits or more: its text made again with the numbers in. */
  private widened(bytes: Uint8Array, from: number, places: Uint32Array, slots: Uint8Array, numbers: Uint32Array, marks: number): Uint8Array {
    const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const digits: string[] = [];
    let length = source.length - from;
    for (let at = 0; at < marks; at++) {
      if (slots[at] === 0) continue;
      const text = String(numbers[at]);
      digits.push(text);
      length += text.length - 1;
    }
    const out = Buffer.allocUnsafe(length);
    let written = 0;
    let start = from;
    let next = 0;
    for (let at = 0; at < marks; at++) {
      if (slots[at] === 0) continue;
      const place = places[at]!;
      written += source.copy(out, written, start, place);
      written += out.write(digits[next++]!, written, 'latin1');
      start = place + 1;
    }
    source.copy(out, written, start);
    return out;
  }

  /** The repairs the SARIF reader makes before its check (formats/sarif), to the members given. */
  repair(run: Run, members: readonly string[]): void {
    if (members.includes('newlineSequences')) dedupeNewlineSequences(run as unknown as Record<string, unknown>);
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
    run.tool.driver.rules ??= [];
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
    return { state: { id: this.runIds++, run, redaction, before, values, results, written: 0 }, text };
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
    yield* readJsonAlongSpine(file, SARIF_SPINE, { start, maxDepth: DEFAULT_MAX_DEPTH, chunkBytes: chunkBytes ?? BATCH_BYTES });
  } catch (error) {
    throw unreadable(error) ?? error;
  }
}

/**
 * One SARIF log converted as it is read: the converted log (what sarifText writes of the whole path's log),
 * in chunks: texts, and each batch's bytes as its thread made them. Throws NotStreamable before the end when the log is to be left to the
 * whole-document path; the caller then discards what it wrote. `counts` is filled as it goes.
 */
export async function* convertSarifStream(file: string, options: StreamOptions, counts?: StreamCounts): AsyncGenerator<string | Uint8Array> {
  const conversion = new Conversion(file, options);
  const runner = startBatchRunner({ baseDir: options.baseDir, secrets: options.secrets, mark: conversion.mark }, options.threads ?? defaultConvertThreads());
  try {
    yield* convertWith(conversion, runner);
  } finally {
    await runner.close();
  }
  if (counts) Object.assign(counts, conversion.counts);
}

/**
 * The bytes read at a time, so about the JSON of a batch: small enough that a batch's objects die in the young
 * generation (1 MB batches made twice the garbage collection), large enough to amortise a message to a worker.
 */
const BATCH_BYTES = 256 * 1024;

/** Batches converted at once: enough to keep every thread busy while this one reads on. */
const IN_FLIGHT = 8;

async function* convertWith(conversion: Conversion, runner: BatchRunner): AsyncGenerator<string | Uint8Array> {
  yield `{"$schema":${JSON.stringify(SARIF_SCHEMA_URI)},"version":${JSON.stringify(SARIF_VERSION)},"runs":[`;
  let run: Run | undefined;
  let state: RunState | undefined;
  let runs: unknown[] | undefined;
  let root: Record<string, unknown> | undefined;
  const inFlight: { state: RunState; reply: Promise<BatchReply> }[] = [];
  async function* settle(left: number): AsyncGenerator<Uint8Array> {
    while (inFlight.length > left) {
      const { state, reply } = inFlight.shift()!;
      const bytes = conversion.write(state, await reply);
      if (bytes) yield bytes;
    }
  }
  try {
    for await (const batch of events(conversion.file, conversion.options.chunkBytes)) {
      for (const event of batch.events) {
        if (event.type === 'open') {
          if (event.name === 'runs') runs = event.value as unknown[];
          else if (event.name === 'run') [run, state] = [event.value as unknown as Run, undefined];
          else if (event.name === 'results') {
            const opened = await conversion.open(run!, event.parent!.keys, event.value as unknown[], conversion.counts.runs === 0);
            state = opened.state;
            runner.setRun(state.id, run!);
            yield opened.text;
          }
        } else if (event.type === 'items') {
          inFlight.push({ state: state!, reply: runner.convert(state!.id, event.items) });
          yield* settle(IN_FLIGHT);
        } else if (event.name === 'run') {
          yield* settle(0);
          yield await conversion.close(run!, state, conversion.counts.runs === 0);
          [run, state] = [undefined, undefined];
        } else if (event.name === 'log') {
          root = event.value as Record<string, unknown>;
        }
      }
      // A document that is not a SARIF log shows it early: its runs are not under way after its first megabyte.
      if (batch.read >= FIRST_BYTES && runs === undefined && root === undefined) throw new NotStreamable('no runs in the first megabyte');
    }
  } finally {
    // Replies not awaited (the log given up) must not fail unhandled.
    for (const { reply } of inFlight) reply.catch(() => undefined);
  }
  if (!root) throw new NotStreamable('the document has no top-level object');
  await conversion.finish(root, runs);
  yield conversion.counts.runs ? '\n]}\n' : ']}\n';
}

