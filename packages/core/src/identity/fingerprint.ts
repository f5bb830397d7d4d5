import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { toFinding } from '../finding.js';
import { PROP, SRCROOT, type Log } from '../sarif/types.js';


export const FINGERPRINT_KEY = 'pipewarden/v1';

export interface IdentifyOptions {
  /** Where %SRCROOT%-relative URIs are read from, to hash the flagged line's text. */
  srcRoot: string;
}

function normalizeLine(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/**
 * Gives every result a fingerprint that survives lines moving: tool, rule, file and the flagged line's
 * text (whitespace folded), plus an occurrence counter for identical lines. When the file cannot be read,
 * the message stands in for the line text.
 */
export async function identify(log: Log, options: IdentifyOptions): Promise<Log> {
  const lines = new Map<string, Promise<string[] | undefined>>();
  const linesOf = (uri: string): Promise<string[] | undefined> => {
    let cached = lines.get(uri);
    if (!cached) {
      let path: string;
      try {
        path = join(options.srcRoot, decodeURIComponent(uri));
      } catch {
        path = join(options.srcRoot, uri);
      }
      cached = readFile(path, 'utf8').then(
        (text) => text.split(/\r\n|\r|\n|\u2028|\u2029/),
        () => undefined,
      );
      lines.set(uri, cached);
    }
    return cached;
  };
  const seen = new Map<string, number>();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const finding = toFinding(run, result);
      const physical = result.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      const local = uri !== undefined && (physical?.artifactLocation?.uriBaseId === SRCROOT || !/^[a-z][a-z0-9+.-]*:/i.test(uri));
      let anchor = finding.message;
      if (uri && local && physical?.region?.startLine) {
        const text = (await linesOf(uri))?.[physical.region.startLine - 1];
        if (text !== undefined) anchor = normalizeLine(text);
      }
      const key = [finding.tool, finding.ruleId, uri ?? '', anchor].join('\u0000');
      const occurrence = (seen.get(key) ?? 0) + 1;
      seen.set(key, occurrence);
      const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
      result.partialFingerprints = { ...result.partialFingerprints, [FINGERPRINT_KEY]: fingerprint };
      result.properties = { ...result.properties, [PROP.fingerprint]: fingerprint };
    }
  }
  return log;
}
