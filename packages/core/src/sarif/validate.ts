import { z } from 'zod';
import { InputError } from '../errors.js';
import type { Log } from './types.js';

// The parts of SARIF 2.1.0 that consumers (GitHub, GitLab, our own stages) rely on, checked
// as the official schema checks them, so a log we pass on is not rejected downstream.
// Objects the schema closes (additionalProperties: false) are strict here too.

const propertyBag = z.looseObject({ tags: z.array(z.string()).optional() });
const text = z.string();
const message = z
  .looseObject({ text: text.optional(), markdown: text.optional(), id: text.optional(), arguments: z.array(text).optional() })
  .refine((m) => m.text !== undefined || m.id !== undefined, 'a message needs "text" or "id"');
const multiformat = z.looseObject({ text, markdown: text.optional() });
const stringMap = z.record(z.string(), z.string({ error: 'must be a string' }));

const artifactLocation = z.looseObject({
  uri: z.string().optional(),
  uriBaseId: z.string().optional(),
  index: z.number().int().min(-1).optional(),
  description: message.optional(),
});

/** SARIF 2.1.0 §3.30.7: a region's end line is not before its start line (the JSON Schema cannot say so). */
const endsAfterStart = (r: { startLine?: unknown; endLine?: unknown }) => typeof r.startLine !== 'number' || typeof r.endLine !== 'number' || r.endLine >= r.startLine;

const region = z
  .looseObject({
    startLine: z.number().int().min(1).optional(),
    startColumn: z.number().int().min(1).optional(),
    endLine: z.number().int().min(1).optional(),
    endColumn: z.number().int().min(1).optional(),
    charOffset: z.number().int().min(-1).optional(),
    charLength: z.number().int().min(0).optional(),
    byteOffset: z.number().int().min(-1).optional(),
    byteLength: z.number().int().min(0).optional(),
  })
  .refine(endsAfterStart, { message: 'endLine is before startLine', path: ['endLine'] });

const physicalLocation = z.looseObject({
  artifactLocation: artifactLocation.optional(),
  region: region.optional(),
  contextRegion: region.optional(),
});

const location = z.looseObject({
  id: z.number().int().min(-1).optional(),
  physicalLocation: physicalLocation.optional(),
  logicalLocations: z.array(z.looseObject({})).optional(),
  message: message.optional(),
});

const fix = z.looseObject({
  description: message.optional(),
  artifactChanges: z.array(
    z.looseObject({ artifactLocation, replacements: z.array(z.looseObject({ deletedRegion: region })).min(1) }),
  ).min(1),
});

const suppression = z.looseObject({
  kind: z.enum(['inSource', 'external']),
  status: z.enum(['accepted', 'underReview', 'rejected']).optional(),
  justification: z.string().optional(),
});

const result = z.strictObject({
  ruleId: z.string().optional(),
  ruleIndex: z.number().int().min(-1).optional(),
  rule: z.looseObject({}).optional(),
  kind: z.enum(['notApplicable', 'pass', 'fail', 'review', 'open', 'informational']).optional(),
  level: z.enum(['none', 'note', 'warning', 'error']).optional(),
  message,
  analysisTarget: artifactLocation.optional(),
  locations: z.array(location).optional(),
  guid: z.string().optional(),
  correlationGuid: z.string().optional(),
  occurrenceCount: z.number().int().min(1).optional(),
  partialFingerprints: stringMap.optional(),
  fingerprints: stringMap.optional(),
  stacks: z.array(z.looseObject({})).optional(),
  codeFlows: z.array(z.looseObject({})).optional(),
  graphs: z.array(z.looseObject({})).optional(),
  graphTraversals: z.array(z.looseObject({})).optional(),
  relatedLocations: z.array(location).optional(),
  suppressions: z.array(suppression).optional(),
  baselineState: z.enum(['new', 'unchanged', 'updated', 'absent']).optional(),
  rank: z.number().min(-1).max(100).optional(),
  attachments: z.array(z.looseObject({})).optional(),
  hostedViewerUri: z.string().optional(),
  workItemUris: z.array(z.string()).optional(),
  provenance: z.looseObject({}).optional(),
  fixes: z.array(fix).optional(),
  taxa: z.array(z.looseObject({})).optional(),
  webRequest: z.looseObject({}).optional(),
  webResponse: z.looseObject({}).optional(),
  properties: propertyBag.optional(),
});

const reportingDescriptor = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  shortDescription: multiformat.optional(),
  fullDescription: multiformat.optional(),
  help: multiformat.optional(),
  helpUri: z.string().optional(),
  properties: propertyBag.optional(),
});

const toolComponent = z.looseObject({
  name: z.string().min(1, 'the tool needs a name'),
  version: z.string().optional(),
  semanticVersion: z.string().optional(),
  rules: z.array(reportingDescriptor).optional(),
});

const run = z.strictObject({
  tool: z.looseObject({ driver: toolComponent, extensions: z.array(toolComponent).optional() }),
  invocations: z.array(z.looseObject({ executionSuccessful: z.boolean() })).optional(),
  conversion: z.looseObject({}).optional(),
  language: z.string().optional(),
  versionControlProvenance: z.array(z.looseObject({ repositoryUri: z.string() })).optional(),
  originalUriBaseIds: z.record(z.string(), artifactLocation).optional(),
  artifacts: z.array(z.looseObject({})).optional(),
  logicalLocations: z.array(z.looseObject({})).optional(),
  graphs: z.array(z.looseObject({})).optional(),
  results: z.array(result).nullable().optional(),
  automationDetails: z.looseObject({ id: z.string().optional() }).optional(),
  runAggregates: z.array(z.looseObject({})).optional(),
  baselineGuid: z.string().optional(),
  redactionTokens: z.array(z.string()).optional(),
  defaultEncoding: z.string().optional(),
  defaultSourceLanguage: z.string().optional(),
  newlineSequences: z.array(z.string()).optional(),
  columnKind: z.enum(['utf16CodeUnits', 'unicodeCodePoints']).optional(),
  externalPropertyFileReferences: z.looseObject({}).optional(),
  threadFlowLocations: z.array(z.looseObject({})).optional(),
  taxonomies: z.array(toolComponent).optional(),
  addresses: z.array(z.looseObject({})).optional(),
  translations: z.array(toolComponent).optional(),
  policies: z.array(toolComponent).optional(),
  webRequests: z.array(z.looseObject({})).optional(),
  webResponses: z.array(z.looseObject({})).optional(),
  specialLocations: z.looseObject({}).optional(),
  properties: propertyBag.optional(),
});

const log = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal('2.1.0', { error: 'must be "2.1.0" (only SARIF 2.1.0 is supported)' }),
  runs: z.array(run).nullable(),
  inlineExternalProperties: z.array(z.looseObject({})).optional(),
  properties: propertyBag.optional(),
});

/**
 * The members SARIF 2.1.0 allows on the objects it closes (additionalProperties: false) that this check refuses
 * others on: the SARIF reader's repairs move a stray member into the object's properties instead of refusing the log.
 */
export const CLOSED_MEMBERS: Readonly<Record<'log' | 'run' | 'result', readonly string[]>> = {
  log: Object.keys(log.shape),
  run: Object.keys(run.shape),
  result: Object.keys(result.shape),
};

/** JSON-path-like text for a zod issue path: runs[0].results[3].message */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

// A fast path for the results of large logs, where zod's parse cost an eighth of a 100k-result convert.
// It only ever says yes to what the result schema above accepts (it is stricter: anything it does not know
// is left to zod), so it changes speed, never the verdict or its messages.
type Check = (value: unknown) => boolean;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString: Check = (v) => typeof v === 'string';
const intFrom = (min: number): Check => (v) => Number.isSafeInteger(v) && (v as number) >= min;
const arrayOf = (item: Check): Check => (v) => Array.isArray(v) && v.every(item);
const oneOf = (...values: string[]): Check => (v) => values.includes(v as string);
/** Known members checked, others allowed (looseObject); `closed` refuses others (strictObject). */
const shape = (members: Record<string, Check>, closed = false): Check => {
  // No prototype: "constructor" or "__proto__" in a report must not find Object.prototype's members.
  const known: Record<string, Check | undefined> = Object.assign(Object.create(null) as Record<string, Check>, members);
  return (v) => {
    if (!isObject(v)) return false;
    // for-in over parsed JSON sees own members only (Object.prototype has no enumerable ones).
    for (const key in v) {
      const check = known[key];
      if (check ? !check(v[key]) : closed) return false;
    }
    return true;
  };
};
// Made once: a shape per message checked was a closure and a lookup object for each of a million messages.
const messageMembers = shape({ text: isString, markdown: isString, id: isString, arguments: arrayOf(isString) });
const fastMessage: Check = (v) => messageMembers(v) && ((v as { text?: unknown; id?: unknown }).text !== undefined || (v as { id?: unknown }).id !== undefined);
const regionMembers = shape(Object.fromEntries(['startLine', 'startColumn', 'endLine', 'endColumn'].map((k) => [k, intFrom(1)]).concat([['charOffset', intFrom(-1)], ['charLength', intFrom(0)], ['byteOffset', intFrom(-1)], ['byteLength', intFrom(0)]])));
const fastRegion: Check = (v) => regionMembers(v) && endsAfterStart(v as Record<string, unknown>);
const fastLocation = shape({
  id: intFrom(-1),
  physicalLocation: shape({ artifactLocation: shape({ uri: isString, uriBaseId: isString, index: intFrom(-1), description: fastMessage }), region: fastRegion, contextRegion: fastRegion }),
  logicalLocations: arrayOf(isObject),
  message: fastMessage,
});
const stringRecord: Check = (v) => isObject(v) && Object.values(v).every(isString);
const fastResultMembers = shape(
  {
    ruleId: isString,
    ruleIndex: intFrom(-1),
    rule: isObject,
    kind: oneOf('notApplicable', 'pass', 'fail', 'review', 'open', 'informational'),
    level: oneOf('none', 'note', 'warning', 'error'),
    message: fastMessage,
    locations: arrayOf(fastLocation),
    relatedLocations: arrayOf(fastLocation),
    guid: isString,
    correlationGuid: isString,
    partialFingerprints: stringRecord,
    fingerprints: stringRecord,
    codeFlows: arrayOf(isObject),
    stacks: arrayOf(isObject),
    baselineState: oneOf('new', 'unchanged', 'updated', 'absent'),
    properties: (v) => isObject(v) && (v.tags === undefined || arrayOf(isString)(v.tags)),
  },
  true,
);
// shape() checks the members a result has; a result must also have a message (the schema requires one).
const fastResult: Check = (v) => fastResultMembers(v) && (v as Record<string, unknown>).message !== undefined;

/** True when every result passes the fast check: then only the log's frame (runs without results) goes to zod. */
function frameOnly(data: Record<string, unknown>): Record<string, unknown> | undefined {
  const runs = data.runs;
  if (!Array.isArray(runs)) return undefined;
  const frame: unknown[] = [];
  for (const run of runs) {
    if (!isObject(run)) return undefined;
    if (run.results === undefined || run.results === null) {
      frame.push(run);
      continue;
    }
    if (!Array.isArray(run.results)) return undefined;
    for (const result of run.results) if (!fastResult(result)) return undefined;
    frame.push({ ...run, results: [] });
  }
  return { ...data, runs: frame };
}

/** Checks that data is a SARIF 2.1.0 log; throws one InputError naming the first problems and their paths. */
export function checkSarifLog(data: unknown, file: string): Log {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError('is not SARIF: expected a JSON object with "version" and "runs"', { file });
  }
  const frame = frameOnly(data as Record<string, unknown>);
  if (frame && log.safeParse(frame).success) return data as Log;
  const parsed = log.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = formatIssuePath(issue.path);
      if (issue.code === 'unrecognized_keys') return `${where}: unknown ${issue.keys.length > 1 ? 'properties' : 'property'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${where}: ${issue.message}`;
    });
    const shown = problems.slice(0, 3).join('; ');
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
    throw new InputError(`is not valid SARIF 2.1.0: ${shown}${more}`, { file });
  }
  return data as Log;
}

/**
 * Whether one part of a log passes checkSarifLog's check on its own, for a log checked part by part as it
 * streams (pipeline/convert-stream.ts): a result; a run without its results; the log without its runs.
 */
export function isValidSarifPart(part: 'log' | 'run' | 'result', value: unknown): boolean {
  if (part === 'result') return fastResult(value) || result.safeParse(value).success;
  return (part === 'run' ? run : log).safeParse(value).success;
}
