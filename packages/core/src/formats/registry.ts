import { InputError } from '../errors.js';
import type { Category } from '../finding.js';
import { readDocument, type InputDocument } from '../input/read-document.js';
import { createRedactor, type Redactor } from '../sarif/redact-log.js';
import type { Log } from '../sarif/types.js';
import * as all from './index.js';
import { RegionNotes, notingRegions } from './toolkit.js';
import type { InputFormat } from './types.js';

export const formats: readonly InputFormat[] = Object.values(all);

/** Below this confidence a format is not a candidate at all. */
const MIN_CONFIDENCE = 0.5;

export function getFormat(id: string): InputFormat | undefined {
  return formats.find((format) => format.id === id);
}

export interface Detection {
  format: InputFormat;
  confidence: number;
}

/** Ranks every format by confidence; throws when none or more than one is a clear match. */
export function detectFormat(document: InputDocument, file: string): Detection {
  const candidates = formats
    .map((format) => ({ format, confidence: format.detect({ document, file }) }))
    .filter((candidate) => candidate.confidence >= MIN_CONFIDENCE)
    .sort((a, b) => b.confidence - a.confidence);
  const [best, second] = candidates;
  if (!best) {
    const near = formats
      .map((format) => ({ id: format.id, confidence: format.detect({ document, file }) }))
      .filter((c) => c.confidence > 0)
      .map((c) => c.id);
    const hint = near.length ? `closest: ${near.join(', ')}` : `${formats.length} formats are known, see \`pipewarden formats\``;
    throw new InputError(`unknown report format (${hint}); name it with --format ID`, { file });
  }
  if (second && second.confidence === best.confidence) {
    const names = candidates.filter((c) => c.confidence === best.confidence).map((c) => c.format.id);
    throw new InputError(`ambiguous report format: could be ${names.join(' or ')}; name it with --format ID`, { file });
  }
  return best;
}

function isEmptyReport(document: InputDocument): boolean {
  return document.kind === 'json' && (document.data === null || (Array.isArray(document.data) && document.data.length === 0));
}

export interface ReadReport {
  file: string;
  format: string;
  log: Log;
  /** The repairs made to read the report (one line each, without the file name), for the caller to show. */
  warnings: string[];
}

export interface ReadReportOptions {
  /**
   * The command's redaction (its secret key, the values found so far); default: one of its own, keyed without
   * PIPEWARDEN_SECRET_KEY (docs/identity.md). Every log read is redacted: there is no way to read one unredacted.
   */
  redactor?: Redactor | undefined;
  /** The report's category when the caller knows it (a scanner of ours wrote it). */
  category?: Category | undefined;
}

/**
 * Reads a native report, detects (or takes) its format and returns it as SARIF, redacted: no secret value in any
 * text field, secret hashes keyed (sarif/redact-log.ts). Every log enters through here, SARIF ones too.
 */
export async function readReport(file: string, formatId?: string, options: ReadReportOptions = {}): Promise<ReadReport> {
  let format: InputFormat | undefined;
  if (formatId !== undefined) {
    format = getFormat(formatId);
    if (!format) throw new InputError(`unknown format "${formatId}" (known: ${formats.map((f) => f.id).join(', ')})`, { file });
  }
  const document = await readDocument(file, { allowEmpty: format?.acceptsEmpty === true });
  if (!format && isEmptyReport(document)) {
    // Several tools write `null` or `[]` when they find nothing: there is nothing to tell them apart by, and nothing to convert.
    return { file, format: 'empty', log: { version: '2.1.0', runs: [] }, warnings: [] };
  }
  format ??= detectFormat(document, file).format;
  const redactor = options.redactor ?? createRedactor();
  const warnings: string[] = [];
  // Line and column numbers that are not ones are dropped wherever a format builds a location, and said here once.
  const regions = new RegionNotes();
  const chosen = format;
  let log: Log;
  try {
    log = notingRegions((problem) => regions.add(problem), () => chosen.parse(document, { file, warn: (message) => warnings.push(redactor.text(message)) }));
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A shape the parser did not expect is still the input's problem: one line, the cause kept for a bug report.
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`is not a valid ${format.title} report: ${redactor.text(message.split('\n')[0]!)}`, { file, cause: error });
  }
  await redactor.log(log, { category: options.category });
  for (const line of regions.lines()) warnings.push(redactor.text(line));
  return { file, format: format.id, log, warnings };
}
