import { stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import { readReport } from '../formats/registry.js';
import { IN_MEMORY_JSON_BYTES } from '../input/read-document.js';
import { identify } from '../identity/fingerprint.js';
import { createSecretKeyer, type SecretKeyer, type SecretKeying } from '../identity/secret-hash.js';
import { createRedactor, type Redactor } from '../sarif/redact-log.js';
import type { Log } from '../sarif/types.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import { sarifText } from '../sarif/write-log.js';
import { convertSarifStream, NotStreamable, type StreamCounts } from './convert-stream.js';
import { createLineReader, screenSecretFindings } from '../secrets/index.js';
import { combineLogs, normalizeReport } from './normalize.js';

export interface ReportInput {
  file: string;
  format?: string | undefined;
}

/** The last default-branch run's SARIF, redacted like any log read (its absent results go into this run's outputs); refused with one line when it is not a SARIF log. */
export async function readBaseline(file: string, shown: string, redactor?: Redactor): Promise<Log> {
  try {
    return (await readReport(file, 'sarif', { redactor })).log;
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`baseline ${error.message}`, { file: shown, cause: error });
    throw error;
  }
}

export interface ConvertOptions {
  reports: readonly ReportInput[];
  /** Where relative paths resolve and what URIs are made relative to. */
  baseDir: string;
  /** Told each repair made to read a report that broke a rule of its format ("FILE: what was repaired"). */
  warn?: ((message: string) => void) | undefined;
  /** The key of secret identities (PIPEWARDEN_SECRET_KEY, else derived from the repository's name): docs/identity.md. */
  secrets?: SecretKeying | undefined;
  /** The keyer of `secrets` when the caller has one already (what it keyed is not keyed again). */
  keyer?: SecretKeyer | undefined;
}

/** Native reports → one clean SARIF log (normalized, fingerprinted). */
export async function convertReports(options: ConvertOptions): Promise<Log> {
  const logs: Log[] = [];
  const redactor = createRedactor(options.secrets, options.keyer);
  for (const input of options.reports) {
    const { log, warnings } = await normalizeReport({ file: input.file, format: input.format }, { baseDir: options.baseDir, srcRoot: options.baseDir, redactor });
    for (const warning of warnings) options.warn?.(`${input.file}: ${warning}`);
    logs.push(log);
  }
  const combined = combineLogs(logs);
  redactor.finish(combined);
  await screenSecretFindings(combined, createLineReader(options.baseDir));
  return identify(combined, { srcRoot: options.baseDir, secrets: redactor.keyer });
}

/**
 * Logs at least this large are converted as they are read (convert-stream.ts); smaller ones whole. Where the
 * whole path's reader turns to chunks too (IN_MEMORY_JSON_BYTES): below, it holds the log in little memory and
 * is quicker (100k results, 38 MB: 2.3–2.7 s whole against 3.1–3.3 s streamed, the workers' start and their
 * own caches not paid back).
 */
export const STREAM_CONVERT_BYTES = IN_MEMORY_JSON_BYTES;

export interface ConvertToOptions extends ConvertOptions {
  /** Files from this size on are streamed (default STREAM_CONVERT_BYTES; tests lower it). */
  streamBytes?: number | undefined;
  /** The streaming reader's chunk size (tests make it small). */
  chunkBytes?: number | undefined;
  /** Threads converting a streamed log's batches (default: one per core, at most four). */
  threads?: number | undefined;
}

export interface Converted {
  runs: number;
  results: number;
  /** Whether the log was converted as it was read; else why not (undefined when streaming was not tried). */
  streamed: boolean;
  notStreamed?: string | undefined;
}

/**
 * convertReports written to a file (temp file and rename: nothing is left behind on error). One large SARIF
 * log is converted as it is read, batch by batch, with memory flat whatever its size; when its order or shape
 * does not allow that, or for other formats and several reports, the whole-document path does it. Either
 * way the file holds the same bytes.
 */
export async function convertReportsTo(options: ConvertToOptions, output: string): Promise<Converted> {
  let notStreamed: string | undefined;
  let keyer: SecretKeyer | undefined;
  const [report] = options.reports;
  if (options.reports.length === 1 && (report!.format === undefined || report!.format === 'sarif') && (await sizeOf(report!.file)) >= (options.streamBytes ?? STREAM_CONVERT_BYTES)) {
    const counts: StreamCounts = { runs: 0, results: 0 };
    // The keyer is the command's (a fallback reuses what it keyed); the redaction state is the stream's own.
    const streamKeyer = (keyer = createSecretKeyer(options.secrets));
    let failure: unknown;
    const chunks = async function* () {
      try {
        yield* convertSarifStream(report!.file, { baseDir: options.baseDir, secrets: options.secrets ?? {}, keyer: streamKeyer, formatGiven: report!.format !== undefined, chunkBytes: options.chunkBytes, threads: options.threads }, counts);
      } catch (error) {
        failure = error;
        throw error;
      }
    };
    try {
      await writeFileAtomic(output, chunks());
      return { ...counts, streamed: true };
    } catch (error) {
      if (!(failure instanceof NotStreamable)) throw failure ?? error;
      notStreamed = failure.message;
    }
  }
  const log = await convertReports({ ...options, keyer });
  await writeFileAtomic(output, sarifText(log));
  return { runs: log.runs.length, results: log.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0), streamed: false, notStreamed };
}

async function sizeOf(file: string): Promise<number> {
  return stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
}
