import { createIdentifier, LINE_HASH_KEY, setFingerprints, type Identifier, type IdentityKeys } from '../identity/fingerprint.js';
import { createSecretKeyer, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { keyUnkeyed, propagated, runRedaction, type RedactionState, type RunRedaction } from '../sarif/redact-log.js';
import type { Result, Run } from '../sarif/types.js';
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
  /** Stand-ins for the occurrence numbers in the text: of the key, of the path-free key (random per command). */
  marks: readonly [string, string];
}

/**
 * A converted batch: each kept result's JSON text, as UTF-8, cut where its occurrence numbers go. `ends` are
 * the byte offsets where the pieces end, in order; `slots` says, result by result, which number goes between
 * its pieces ("1" the key's, "2" the path-free key's) and ends each result with "."; `keys` gives each result's
 * key and path-free key, KEY_WIDTH characters each (blank for none; both blank for a result not identified).
 * Typed arrays and one string each: a reply crosses to the reading thread as a few blocks, not as thousands
 * of values (structured cloning of arrays of strings and numbers cost a tenth of a worker's time).
 */
export interface BatchDone {
  bytes: Uint8Array;
  ends: Uint32Array;
  slots: string;
  keys: string;
}

/** The width of a key in BatchDone.keys: a fingerprint key is 32 hex digits. */
export const KEY_WIDTH = 32;
const BLANK = ' '.repeat(KEY_WIDTH);
const padded = (key: string | undefined) => (key === undefined ? BLANK : key.length === KEY_WIDTH ? key : key.padEnd(KEY_WIDTH).slice(0, KEY_WIDTH));

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
    const rules = new Map((run.tool.driver.rules ?? []).map((rule, i) => [rule.id, i]));
    this.runs.set(id, { run, redaction: runRedaction(run, this.state), rules });
    this.runs.delete(id - 1);
  }

  /** Converts a batch (the JSON text of results between commas); batches given at once are taken one after the other. */
  convert(runId: number, text: string): Promise<BatchReply> {
    const next = this.queue.then(async (): Promise<BatchReply> => {
      try {
        return await this.convertOrAbort(this.runs.get(runId)!, text);
      } catch (error) {
        if (error instanceof NotStreamable) return { abort: error.message };
        throw error;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async convertOrAbort(context: RunContext, text: string): Promise<BatchDone> {
    const { run } = context;
    let items: unknown[];
    try {
      items = JSON.parse(`[${text}]`) as unknown[];
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
    return this.write(kept, identified);
  }

  /** A result checked, its rule index put right (fillRules in formats/sarif), its texts redacted. */
  private check({ run, rules, redaction }: RunContext, item: unknown): void {
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
    // A value masked here is masked everywhere by the whole path, in results already written too.
    if (this.state.found.size && propagated(this.state.found).length) throw new NotStreamable('a secret value found is masked everywhere it appears');
  }

  /** Secret hashes met so far keyed, as redactLog keys them at its end. */
  private async rekey(): Promise<void> {
    await keyUnkeyed(this.state.unkeyed, this.keyer);
  }

  private write(kept: readonly Result[], identified: Map<Result, IdentityKeys>): BatchDone {
    const bytes = new ByteWriter();
    const done = { ends: [] as number[], slots: '', keys: '' };
    for (const result of kept) {
      const entry = identified.get(result);
      if (!entry) {
        bytes.write(JSON.stringify(result));
        done.ends.push(bytes.length);
        done.slots += '.';
        done.keys += BLANK + BLANK;
        continue;
      }
      // The marks are random per command: one in a report's own text would show as a count that is off.
      const expected = `${entry.secret && result.partialFingerprints?.[LINE_HASH_KEY] === undefined ? '11' : '1'}${entry.nopath !== undefined ? '2' : ''}.`;
      setFingerprints(entry, ...this.init.marks);
      const slots = this.cut(result, bytes, done);
      if ([...slots].sort().join('') !== [...expected].sort().join('')) throw new NotStreamable("a report's text holds the command's marks");
      done.keys += padded(entry.key) + padded(entry.nopath);
    }
    return { bytes: bytes.take(), ends: Uint32Array.from(done.ends), slots: done.slots, keys: done.keys };
  }

  /** A result's text cut at its marks. Its fingerprints are mostly its last member: only their text is searched then. */
  private cut(result: Result, bytes: ByteWriter, done: { ends: number[]; slots: string }): string {
    const [mark, nopathMark] = this.init.marks;
    const fingerprints = result.partialFingerprints!;
    let head = '';
    let text: string;
    const keys = Object.keys(result);
    if (keys.at(-1) === 'partialFingerprints') {
      // Left undefined rather than deleted: a deleted member turns the object into a dictionary, which
      // JSON.stringify walks far more slowly.
      result.partialFingerprints = undefined;
      const rest = JSON.stringify(result);
      head = `${rest.slice(0, -1)}${keys.length > 1 ? ',' : ''}"partialFingerprints":`;
      text = `${JSON.stringify(fingerprints)}}`;
    } else {
      text = JSON.stringify(result);
    }
    const parts = text.split(mark);
    let slots = '';
    for (let i = 0; i < parts.length; i++) {
      if (i) slots += '1';
      const nopathParts = parts[i]!.split(nopathMark);
      for (let k = 0; k < nopathParts.length; k++) {
        if (k) slots += '2';
        if (i === 0 && k === 0) bytes.write(head);
        bytes.write(nopathParts[k]!);
        done.ends.push(bytes.length);
      }
    }
    done.slots += `${slots}.`;
    return `${slots}.`;
  }
}

/** Texts encoded into one growing buffer: a batch goes back to the reading thread as bytes, not as strings. */
class ByteWriter {
  private buffer = Buffer.allocUnsafe(1 << 20);
  length = 0;

  write(text: string): void {
    // At most 3 bytes per UTF-16 unit.
    if (this.length + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length);
  }

  take(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
