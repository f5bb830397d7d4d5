// Real tools write SARIF that breaks one rule of the schema in one place: a result without a message, a
// baselineState from the SARIF 2.0 drafts, a property the schema does not allow, a line number that is none (0, 2.5,
// 1e308, an end before its start). Refusing the whole log for that
// loses every other result, so these slips are repaired, each named in a warning, and the log is checked again.
// Only slips with one obvious reading are repaired; anything else is still refused by the check.
import { CLOSED_MEMBERS } from '../../sarif/validate.js';
import { RegionNotes, regionNumbers, type RegionMember } from '../toolkit.js';

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Wording {
  /** What is wrong, after the place: "has no message". */
  one: string;
  /** The same for several places: "have no message". */
  many: string;
  /** What several places are: "results". */
  noun: string;
  /** What was done: "used the rule's short description". */
  fix: string;
}

/** How many places to name when one repair was made in many: enough to find them, not a wall of text. */
const SHOWN_PLACES = 3;

/** Repairs of one kind are said once, with a count and the first places, so a log of 10,000 broken results is one line. */
class Repairs {
  private readonly groups = new Map<string, { wording: Wording; places: string[]; count: number }>();

  add(where: string, wording: Wording): void {
    const key = `${wording.one}\u0000${wording.fix}`;
    const group = this.groups.get(key) ?? { wording, places: [], count: 0 };
    this.groups.set(key, group);
    group.count++;
    if (group.places.length < SHOWN_PLACES) group.places.push(where);
  }

  lines(): string[] {
    return [...this.groups.values()].map(({ wording, places, count }) =>
      count === 1
        ? `${places[0]} ${wording.one}; ${wording.fix}`
        : `${count} ${wording.noun} ${wording.many} (${places.join(', ')}${count > places.length ? ', …' : ''}); ${wording.fix}`,
    );
  }
}

const BASELINE_STATES = ['new', 'unchanged', 'updated', 'absent'];
/** SARIF 2.0 drafts said "existing" for what 2.1.0 calls "unchanged". */
const LEGACY_BASELINE: Record<string, string> = { existing: 'unchanged' };
const LEVELS = ['none', 'note', 'warning', 'error'];
/** Level words tools write that have one meaning in SARIF's scale. */
const LEVEL_SYNONYMS: Record<string, string> = { warn: 'warning', info: 'note', information: 'note', informational: 'note' };

/** "artifact" → "artifacts": a near miss of an allowed property, to name in the warning. */
function nearMiss(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  return allowed.find((name) => name.toLowerCase() === lower || name.toLowerCase() === `${lower}s` || `${name.toLowerCase()}s` === lower);
}

/** Moves properties the schema does not allow on a closed object into that object's property bag. */
function strayProperties(object: Obj, allowed: readonly string[], where: string, noun: string, owner: string, repairs: Repairs): void {
  // A property bag that is not an object is a problem of its own: left for the check to name.
  if (object.properties !== undefined && !isObject(object.properties)) return;
  const known = new Set(allowed);
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    const near = nearMiss(key, allowed);
    const hint = near ? ` (did you mean "${near}"?)` : '';
    const one = `has an unknown property "${key}"${hint}`;
    const many = `have an unknown property "${key}"${hint}`;
    const value = object[key];
    delete object[key];
    // "ruleID" for "ruleId": the same name in another case has one reading.
    if (near && near.toLowerCase() === key.toLowerCase() && !Object.hasOwn(object, near)) {
      object[near] = value;
      repairs.add(where, { one: `has a property "${key}"`, many: `have a property "${key}"`, noun, fix: `read it as "${near}"` });
      continue;
    }
    const bag = (object.properties ??= {}) as Obj;
    if (Object.hasOwn(bag, key)) {
      repairs.add(where, { one, many, noun, fix: `dropped it (the ${owner}'s properties already hold "${key}")` });
      continue;
    }
    // Defined, not assigned: a report's "__proto__" must become a property, not the bag's prototype.
    Object.defineProperty(bag, key, { value, enumerable: true, writable: true, configurable: true });
    repairs.add(where, { one, many, noun, fix: `moved it into the ${owner}'s properties` });
  }
}

function ruleText(run: Obj, result: Obj): { text: string; from: string } | undefined {
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  const rules = Array.isArray(driver?.rules) ? driver.rules.filter(isObject) : [];
  const reference = isObject(result.rule) ? result.rule : undefined;
  const id = typeof result.ruleId === 'string' ? result.ruleId : typeof reference?.id === 'string' ? reference.id : undefined;
  const index = typeof result.ruleIndex === 'number' ? result.ruleIndex : typeof reference?.index === 'number' ? reference.index : undefined;
  const rule = (id !== undefined ? rules.find((r) => r.id === id) : undefined) ?? (index !== undefined && !reference?.toolComponent ? rules[index] : undefined);
  const text = (value: unknown) => (isObject(value) && typeof value.text === 'string' && value.text.trim() ? value.text : undefined);
  const short = text(rule?.shortDescription);
  if (short) return { text: short, from: "the rule's short description" };
  const full = text(rule?.fullDescription);
  if (full) return { text: full, from: "the rule's full description" };
  if (id) return { text: id, from: 'the rule id' };
  return undefined;
}

function repairMessage(run: Obj, result: Obj, where: string, repairs: Repairs): void {
  const message = result.message;
  if (typeof message === 'string') {
    result.message = { text: message };
    repairs.add(where, { one: 'has a message that is a plain string, not a message object', many: 'have a message that is a plain string, not a message object', noun: 'results', fix: 'read it as the message text' });
    return;
  }
  if (isObject(message) && (message.text !== undefined || message.id !== undefined)) return;
  if (isObject(message) && typeof message.markdown === 'string') {
    message.text = message.markdown;
    repairs.add(where, { one: 'has a message with markdown but no text', many: 'have a message with markdown but no text', noun: 'results', fix: 'used the markdown as its text' });
    return;
  }
  // Not an object at all (a number, an array): that is not a slip with one reading, it stays for the check to name.
  if (message !== undefined && !isObject(message)) return;
  const found = ruleText(run, result);
  result.message = { ...(isObject(message) ? message : {}), text: found?.text ?? '(no message)' };
  repairs.add(where, { one: 'has no message', many: 'have no message', noun: 'results', fix: found ? `used ${found.from}` : 'wrote "(no message)"' });
}

function repairEnum(result: Obj, member: 'baselineState' | 'level', valid: readonly string[], synonyms: Record<string, string>, where: string, repairs: Repairs): void {
  const value = result[member];
  if (value === undefined || (typeof value === 'string' && valid.includes(value))) return;
  if (typeof value !== 'string') return;
  const lower = value.trim().toLowerCase();
  const reading = valid.includes(lower) ? lower : synonyms[lower];
  if (reading) {
    result[member] = reading;
    const why = LEGACY_BASELINE[lower] && member === 'baselineState' ? ' (a value of the SARIF 2.0 drafts)' : '';
    repairs.add(where, { one: `has ${member} "${value}"${why}`, many: `have ${member} "${value}"${why}`, noun: 'results', fix: `read it as "${reading}"` });
    return;
  }
  delete result[member];
  // Without a level SARIF means "warning"; without a baselineState, a --baseline comparison sets one.
  const fix = member === 'level' ? 'dropped it (SARIF reads no level as "warning")' : 'dropped it';
  repairs.add(where, { one: `has ${member} "${value}", which SARIF 2.1.0 does not know`, many: `have ${member} "${value}", which SARIF 2.1.0 does not know`, noun: 'results', fix });
}

const REGION_MEMBERS: readonly RegionMember[] = ['startLine', 'endLine', 'startColumn', 'endColumn'];

/**
 * Drops the line and column numbers of holder[key] that SARIF cannot carry, by the rule every format follows
 * (toolkit.ts); a region left with no start (no startLine, charOffset or byteOffset) is no region and goes too.
 */
function repairRegion(holder: Obj, key: 'region' | 'contextRegion', where: string, notes: RegionNotes): void {
  const region = holder[key];
  if (!isObject(region)) return;
  const numbers = regionNumbers(region, (problem) => notes.add(problem, where));
  for (const member of REGION_MEMBERS) if (region[member] !== undefined && numbers[member] === undefined) delete region[member];
  if (region.startLine === undefined && region.charOffset === undefined && region.byteOffset === undefined) delete holder[key];
}

function repairPhysicalLocation(location: unknown, where: string, notes: RegionNotes): void {
  const physical = isObject(location) ? location.physicalLocation : undefined;
  if (!isObject(physical)) return;
  repairRegion(physical, 'region', where, notes);
  repairRegion(physical, 'contextRegion', where, notes);
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A fix says which text to replace: with a line number SARIF cannot carry, it cannot be applied as written. */
function fixIsPlaced(fix: unknown): boolean {
  for (const change of list(isObject(fix) ? fix.artifactChanges : undefined)) {
    for (const replacement of list(isObject(change) ? change.replacements : undefined)) {
      const region = isObject(replacement) ? replacement.deletedRegion : undefined;
      if (!isObject(region)) continue;
      let broken = false;
      regionNumbers(region, () => (broken = true));
      if (broken) return false;
    }
  }
  return true;
}

/** The regions of a result: its locations, related locations and code-flow steps; and its fixes. */
function repairRegions(result: Obj, where: string, notes: RegionNotes, repairs: Repairs): void {
  for (const location of [...list(result.locations), ...list(result.relatedLocations)]) repairPhysicalLocation(location, where, notes);
  for (const flow of list(result.codeFlows)) {
    for (const thread of list(isObject(flow) ? flow.threadFlows : undefined)) {
      for (const step of list(isObject(thread) ? thread.locations : undefined)) repairPhysicalLocation(isObject(step) ? step.location : undefined, where, notes);
    }
  }
  if (!Array.isArray(result.fixes)) return;
  const placed = result.fixes.filter(fixIsPlaced);
  if (placed.length === result.fixes.length) return;
  if (placed.length) result.fixes = placed;
  else delete result.fixes;
  repairs.add(where, { one: 'has a fix whose region has a line or column number SARIF cannot carry', many: 'have a fix whose region has a line or column number SARIF cannot carry', noun: 'results', fix: 'dropped the fix' });
}

/**
 * Repairs, in place, the slips a SARIF 2.1.0 log can be read past and returns one warning line per kind of repair
 * (none when there was nothing to repair). Logs of another version are left alone: they are refused as they are.
 */
export function repairSarif(data: unknown): string[] {
  if (!isObject(data) || data.version !== '2.1.0' || !Array.isArray(data.runs)) return [];
  const repairs = new Repairs();
  const regions = new RegionNotes();
  strayProperties(data, CLOSED_MEMBERS.log, 'the log', 'logs', 'log', repairs);
  for (const [i, run] of data.runs.entries()) {
    if (!isObject(run)) continue;
    strayProperties(run, CLOSED_MEMBERS.run, `run ${i}`, 'runs', 'run', repairs);
    if (!Array.isArray(run.results)) continue;
    for (const [j, result] of run.results.entries()) {
      if (!isObject(result)) continue;
      const where = `run ${i} result ${j}`;
      strayProperties(result, CLOSED_MEMBERS.result, where, 'results', 'result', repairs);
      repairMessage(run, result, where, repairs);
      repairEnum(result, 'baselineState', BASELINE_STATES, LEGACY_BASELINE, where, repairs);
      repairEnum(result, 'level', LEVELS, LEVEL_SYNONYMS, where, repairs);
      repairRegions(result, where, regions, repairs);
    }
  }
  return [...repairs.lines(), ...regions.lines()];
}
