import { createIdentifier, LINE_HASH_KEY, setFingerprints, type Identifier, type IdentityKeys } from '../identity/fingerprint.js';
import { createSecretKeyer, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { keyUnkeyed, propagated, runRedaction, type RedactionState, type RunRedaction } from '../sarif/redact-log.js';
import type { Result, Run } from '../sarif/types.js';
import { pointAtRule, ruleIndexById } from '../sarif/rule-index.js';
import { isValidSarifPart } from '../sarif/validate.js';
import { createLineReader, demoteDocumentationSecret, isPlaceholderFinding, isSecretFinding, type ReadLine } from '../secrets/index.js';
import { plainPrefix, relativizeResult, type NormalizeOptions } from './normalize.js';

// The work on each batch of a streamed convert's results (convert-stream.ts), in this thread or in a worker
// (convert-worker.ts): checked, redacted, made relative, screened, keyed and written as JSON text. Only the
// occurrence numbers of the fingerprints are left to the caller, which sees every batch in file order: the
// text holds a mark in their place.

/** Why a log is left to the whole-document path (told to tests; users see the same result either way). */
export class NotStreamable extends Error {
  override readonly name = 'NotStreamable';
}

export interface BatchInit {
  baseDir: string;
  /** The command's secret keying (the same key in every thread gives the same identities). */
  secrets: SecretKeying;
  /**
   * The stem of the stand-ins for the occurrence numbers in the text (random per command): followed by "1#" for
   * the key's number, "2#" for the path-free key's.
   */
  mark: string;
}

/**
 * A converted batch: each kept result's JSON text, as UTF-8, after ",\n" (the caller drops the comma before the
 * first result of a run), with one "0" standing where each occurrence number goes. `places` are those bytes'
 * offsets, in order; `slots` says, mark by mark, which number goes there (1 the key's, 2 the path-free key's),
 * and ends each result with 0. `keys` holds each result's key and path-free key, KEY_WORDS each (the 32 hex
 * digits as 16 bytes), `has` which of them it has (1 the key, 2 the path-free key; 0 for a result not
 * identified). Typed arrays only: a reply crosses to the reading thread as a few transferred blocks, the keys
 * are counted there without a string made per result, and a batch whose numbers are all one digit is
 * written as it came (its digits set in place): the reading thread copies and allocates nothing per result.
 */
export interface BatchDone {
  bytes: Uint8Array;
  places: Uint32Array;
  slots: Uint8Array;
  keys: Uint32Array;
  has: Uint8Array;
}

/** The words of a key in BatchDone.keys: a fingerprint key is 32 hex digits, 128 bits. */
export const KEY_WORDS = 4;

export type BatchReply = BatchDone | { abort: string };

interface RunContext {
  run: Run;
  redaction: RunRedaction;
  rules: Map<string, number>;
}

export class BatchConverter {
  private readonly state: RedactionState = { found: new Set(), known: [], unkeyed: [] };
  private readonly keyer: SecretKeyer;
  private readonly identifier: Identifier;
  private readonly readLine: ReadLine;
  private readonly root: NormalizeOptions;
  private readonly prefix: string | undefined;
  private readonly runs = new Map<number, RunContext>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly init: BatchInit) {
    this.keyer = createSecretKeyer(init.secrets);
    this.root = { baseDir: init.baseDir, srcRoot: init.baseDir };
    this.prefix = plainPrefix(this.root);
    this.identifier = createIdentifier({ srcRoot: init.baseDir, secrets: this.keyer });
    this.readLine = createLineReader(init.baseDir);
  }

  /** The run that the next batches belong to: its members before its results, already prepared (convert-stream.ts). */
  setRun(id: number, run: Run): void {
    const rules = ruleIndexById(run.tool.driver.rules ?? []);
    this.runs.set(id, { run, redaction: runRedaction(run, this.state), rules });
    this.runs.delete(id - 1);
  }

  /** Converts a batch (the UTF-8 of a JSON array of results); batches given at once are taken one after the other. */
  convert(runId: number, items: Uint8Array): Promise<BatchReply> {
    const next = this.queue.then(async (): Promise<BatchReply> => {
      try {
        return await this.convertOrAbort(this.runs.get(runId)!, items);
      } catch (error) {
        if (error instanceof NotStreamable) return { abort: error.message };
        throw error;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async convertOrAbort(context: RunContext, bytes: Uint8Array): Promise<BatchDone> {
    const { run } = context;
    let items: unknown[];
    try {
      items = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')) as unknown[];
    } catch {
      throw new NotStreamable('a piece of the document is not valid JSON');
    }
    for (const item of items) this.check(context, item);
    await this.rekey();
    const kept: Result[] = [];
    for (const item of items) {
      const result = item as Result;
      relativizeResult(result, this.root, this.prefix);
      if (isSecretFinding(run, result)) {
        if (await isPlaceholderFinding(run, result, this.readLine)) continue;
        demoteDocumentationSecret(run, result);
      }
      kept.push(result);
    }
    const identified = new Map((await this.identifier.keys([{ run, results: kept }])).map((entry) => [entry.result, entry]));
    return this.write(kept, identified, bytes.length);
  }

  /** A result checked, its rule index put right (fillRules in formats/sarif), its texts redacted. */
  private check({ run, rules, redaction }: RunContext, item: unknown): void {
    if (!isValidSarifPart('result', item)) throw new NotStreamable('a result does not pass the check');
    const result = item as Result;
    // The reader would add the rule to the tool's, already written: left to the whole path.
    if (pointAtRule(result, run.tool.driver.rules!, rules) !== undefined) throw new NotStreamable('a result names a rule its tool does not list');
    redaction.result(result);
    // A value masked here is masked everywhere by the whole path, in results already written too.
    if (this.state.found.size && propagated(this.state.found).length) throw new NotStreamable('a secret value found is masked everywhere it appears');
  }

  /** Secret hashes met so far keyed, as redactLog keys them at its end. */
  private async rekey(): Promise<void> {
    await keyUnkeyed(this.state.unkeyed, this.keyer);
  }

  private write(kept: readonly Result[], identified: Map<Result, IdentityKeys>, size: number): BatchDone {
    const count = kept.length;
    const out = new BatchWriter(this.init.mark, count, 2 * size);
    const keys = new Uint32Array(2 * KEY_WORDS * count);
    const keyBytes = Buffer.from(keys.buffer);
    const has = new Uint8Array(count);
    for (let i = 0; i < count; i++) {
      const result = kept[i]!;
      const entry = identified.get(result);
      if (!entry) {
        out.result(JSON.stringify(result), 0, 0);
        continue;
      }
      // The key's number goes in twice for a secret without a line hash of its own (setFingerprints).
      const keyNumbers = entry.secret && result.partialFingerprints?.[LINE_HASH_KEY] === undefined ? 2 : 1;
      setFingerprints(entry, `${this.init.mark}1#`, `${this.init.mark}2#`);
      out.result(JSON.stringify(result), keyNumbers, entry.nopath !== undefined ? 1 : 0);
      if (entry.key.length !== KEY_DIGITS || (entry.nopath !== undefined && entry.nopath.length !== KEY_DIGITS)) throw new NotStreamable('a fingerprint key is not a digest');
      keyBytes.write(entry.key, 2 * i * KEY_BYTES, 'hex');
      if (entry.nopath !== undefined) keyBytes.write(entry.nopath, (2 * i + 1) * KEY_BYTES, 'hex');
      has[i] = entry.nopath !== undefined ? 3 : 1;
    }
    return { ...out.take(), keys, has };
  }
}

const KEY_BYTES = 4 * KEY_WORDS;
const KEY_DIGITS = 2 * KEY_BYTES;

/**
 * A batch's results encoded into one growing buffer, each mark replaced by one placeholder digit: a batch goes
 * back to the reading thread as bytes, not as strings.
 */
class BatchWriter {
  private buffer: Buffer;
  private length = 0;
  private readonly stem: Buffer;
  // At most three numbers per result (the key's twice for a secret, the path-free key's), and its end.
  private readonly places: Uint32Array;
  private readonly slots: Uint8Array;
  private mark = 0;

  constructor(stem: string, results: number, size: number) {
    this.stem = Buffer.from(stem);
    // Never from Buffer's shared pool: the buffer is transferred to the reading thread whole.
    this.buffer = Buffer.allocUnsafeSlow(Math.max(size, 1024));
    this.places = new Uint32Array(4 * results);
    this.slots = new Uint8Array(4 * results);
  }

  /** A result's text, with the number of marks of each kind it must hold (a report's own text could hold more). */
  result(text: string, keyMarks: number, nopathMarks: number): void {
    // At most 3 bytes per UTF-16 unit, and the separator.
    if (this.length + text.length * 3 + 2 > this.buffer.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + text.length * 3 + 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.buffer[this.length++] = 0x2c;
    this.buffer[this.length++] = 0x0a;
    const start = this.length;
    this.length += this.buffer.write(text, start);
    if (keyMarks + nopathMarks) this.cut(start, keyMarks, nopathMarks);
    this.slots[this.mark++] = 0;
  }

  /** Each of the result's marks replaced by a placeholder digit; its place and slot noted. */
  private cut(start: number, keyMarks: number, nopathMarks: number): void {
    const stem = this.stem;
    const width = stem.length + 2;
    // Only the result's own text is searched (past it lie bytes of another use of the memory), and as marks
    // are cut out its last bytes become stale copies: a mark counts only when whole before `length`.
    const text = this.buffer.subarray(start, this.length);
    let keys = 0;
    let nopaths = 0;
    for (let found = text.indexOf(stem); found >= 0; found = text.indexOf(stem, found + 1)) {
      const at = start + found;
      if (at + width > this.length) break;
      const slot = this.buffer[at + width - 2]! - 0x30;
      if ((slot !== 1 && slot !== 2) || this.buffer[at + width - 1] !== 0x23) break;
      this.buffer[at] = 0x30;
      this.buffer.copyWithin(at + 1, at + width, this.length);
      this.length -= width - 1;
      this.places[this.mark] = at;
      this.slots[this.mark++] = slot;
      if (slot === 1) keys++;
      else nopaths++;
    }
    if (keys !== keyMarks || nopaths !== nopathMarks) throw new NotStreamable("a report's text holds the command's marks");
  }

  take(): { bytes: Uint8Array; places: Uint32Array; slots: Uint8Array } {
    return { bytes: this.buffer.subarray(0, this.length), places: this.places, slots: this.slots };
  }
}
