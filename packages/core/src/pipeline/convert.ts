import { InputError } from '../errors.js';
import { readReport } from '../formats/registry.js';
import { identify } from '../identity/fingerprint.js';
import type { SecretKeying } from '../identity/secret-hash.js';
import { createRedactor, type Redactor } from '../sarif/redact-log.js';
import type { Log } from '../sarif/types.js';
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
}

/** Native reports → one clean SARIF log (normalized, fingerprinted). */
export async function convertReports(options: ConvertOptions): Promise<Log> {
  const logs: Log[] = [];
  const redactor = createRedactor(options.secrets);
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
