// Shared by every format: builds SARIF runs that keep the normalization contract (docs/formats.md),
// so each format's folder holds only what is particular to its tool.
import { InputError } from '../errors.js';
import type { Category } from '../finding.js';
import type { Location, LogicalLocation, Log, PropertyBag, ReportingDescriptor, Result, Run } from '../sarif/types.js';
import { PROP, prop } from '../sarif/types.js';
import { toUriReference } from '../sarif/uri.js';
import { secretHash } from '../identity/secret-hash.js';

export { secretHash };

export type Level = 'none' | 'note' | 'warning' | 'error';

/** The documented table from a tool's severity words to a 0–10 `security-severity`. */
export const SEVERITY_TABLE: Record<string, number> = {
  critical: 9.5,
  blocker: 9.5,
  high: 8.0,
  error: 8.0,
  major: 8.0,
  medium: 5.5,
  moderate: 5.5,
  warning: 5.5,
  low: 3.0,
  minor: 3.0,
  note: 3.0,
  info: 0.0,
  informational: 0.0,
  information: 0.0,
  negligible: 0.0,
  none: 0.0,
  unknown: 5.5, // not yet rated: treated as medium until it is
  style: 0.0,
  'best-practice': 0.0,
};

/** A tool's severity word (any case) to a score; numbers pass through (clamped to 0–10). */
export function scoreOf(severity: unknown, fallback = 5.5): number {
  if (typeof severity === 'number' && Number.isFinite(severity)) return Math.min(10, Math.max(0, severity));
  if (typeof severity !== 'string') return fallback;
  const number = Number(severity);
  if (severity.trim() !== '' && Number.isFinite(number)) return Math.min(10, Math.max(0, number));
  return SEVERITY_TABLE[severity.trim().toLowerCase()] ?? fallback;
}

/** SARIF level from a 0–10 score: 7+ error, 4+ warning, else note (a finding is never level none). */
export function levelOf(score: number): Level {
  if (score >= 7) return 'error';
  if (score >= 4) return 'warning';
  return 'note';
}

export function formatScore(score: number): string {
  return score.toFixed(1);
}

/** The first usable CVSS base score among a tool's candidates (numbers or numeric strings). */
export function firstScore(...candidates: unknown[]): number | undefined {
  for (const candidate of candidates) {
    const number = typeof candidate === 'string' ? Number(candidate) : candidate;
    if (typeof number === 'number' && Number.isFinite(number) && number > 0 && number <= 10) return number;
  }
  return undefined;
}

/** "CWE-79", "cwe-79", 79, "79", "CWE-79: Improper…" → "CWE-79"; anything else → undefined. */
export function cweId(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return `CWE-${value}`;
  if (typeof value !== 'string') return undefined;
  const match = /^\s*(?:CWE[-_ :]*)?(\d{1,5})\b/i.exec(value);
  return match && Number(match[1]) > 0 ? `CWE-${Number(match[1])}` : undefined;
}

export function cweTag(cwe: string): string {
  return `external/cwe/${cwe.toLowerCase()}`;
}

/** Ids worth searching by: CVE, GHSA, CWE, OWASP and the like, each once. */
export function uniqueIds(values: readonly unknown[]): string[] {
  const out = new Set<string>();
  for (const value of values) if (typeof value === 'string' && value.trim()) out.add(value.trim());
  return [...out];
}

const ECOSYSTEM_PURL: Record<string, string> = {
  npm: 'npm', node: 'npm', 'node.js': 'npm', nodejs: 'npm', yarn: 'npm', pnpm: 'npm', javascript: 'npm',
  pypi: 'pypi', pip: 'pypi', python: 'pypi', pipenv: 'pypi', poetry: 'pypi',
  maven: 'maven', java: 'maven', gradle: 'maven', jar: 'maven',
  go: 'golang', golang: 'golang', gomod: 'golang', gobinary: 'golang',
  cargo: 'cargo', rust: 'cargo', 'crates.io': 'cargo',
  gem: 'gem', rubygems: 'gem', ruby: 'gem', bundler: 'gem', gemspec: 'gem',
  nuget: 'nuget', dotnet: 'nuget', '.net': 'nuget',
  composer: 'composer', packagist: 'composer', php: 'composer',
  debian: 'deb', ubuntu: 'deb', deb: 'deb', dpkg: 'deb',
  alpine: 'apk', apk: 'apk', wolfi: 'apk', chainguard: 'apk',
  redhat: 'rpm', centos: 'rpm', rocky: 'rpm', alma: 'rpm', amazon: 'rpm', fedora: 'rpm', oracle: 'rpm', rpm: 'rpm', suse: 'rpm', 'opensuse.leap': 'rpm', 'sles': 'rpm',
  hex: 'hex', pub: 'pub', swift: 'swift', cocoapods: 'cocoapods', conan: 'conan', hackage: 'hackage', cran: 'cran',
};

/** A package URL (purl spec) for a name and version in an ecosystem, or undefined when the ecosystem is unknown. */
export function purlOf(ecosystem: string | undefined, name: string | undefined, version?: string): string | undefined {
  if (!ecosystem || !name) return undefined;
  const type = ECOSYSTEM_PURL[ecosystem.toLowerCase()];
  if (!type) return undefined;
  let namespace = '';
  let base = name;
  if (type === 'maven' && name.includes(':')) [namespace, base] = name.split(':', 2) as [string, string];
  else if (name.includes('/') && (type === 'npm' || type === 'golang' || type === 'composer')) {
    const cut = name.lastIndexOf('/');
    namespace = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const enc = (text: string) => encodeURIComponent(text).replace(/%2F/g, '/');
  const path = namespace ? `${namespace.split('/').map((p) => enc(p)).join('/')}/${enc(base)}` : enc(base);
  return `pkg:${type}/${path}${version ? `@${enc(version)}` : ''}`;
}

export interface PackageInfo {
  name: string;
  version?: string | undefined;
  ecosystem?: string | undefined;
  purl?: string | undefined;
  fixedVersions?: readonly string[] | undefined;
  /** Whether the project reaches the vulnerable code (Semgrep Supply Chain): absent when the tool could not tell. */
  reachable?: boolean | undefined;
}

export interface DastInfo {
  url: string;
  method?: string | undefined;
  parameter?: string | undefined;
  evidence?: string | undefined;
  /** The request line that showed it (method, path and the payload), never headers: they can carry cookies. */
  request?: string | undefined;
  attack?: string | undefined;
}

export interface ImageInfo {
  reference: string;
  layer?: string | undefined;
}


export type RegionMember = 'startLine' | 'endLine' | 'startColumn' | 'endColumn';
const REGION_MEMBERS: readonly RegionMember[] = ['startLine', 'endLine', 'startColumn', 'endColumn'];

/** A region's line and column numbers, each as a report wrote it (a number, a string, anything). */
export type RawRegion = Partial<Record<RegionMember, unknown>>;
/** The same, as SARIF allows them. */
export type RegionNumbers = Partial<Record<RegionMember, number>>;

/** A line or column number a report wrote that SARIF cannot carry. */
export interface RegionProblem {
  member: RegionMember;
  value: unknown;
  /** invalid: not a whole number from 1 that JSON carries exactly; reversed: an end line before its start line. */
  kind: 'invalid' | 'reversed';
  /** The start line a reversed end line is before. */
  startLine?: number | undefined;
}

/** A line or column number as SARIF has them (a whole number from 1, and safe: 1e308 is none), from a number or its text. */
export function lineNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return Number.isSafeInteger(number) && (number as number) >= 1 ? (number as number) : undefined;
}

/**
 * The one rule for a region's line and column numbers, for every format (fileLocation) and for SARIF read as it is
 * (sarif/repair.ts), so that no log we write is one our own check (sarif/validate.ts) refuses: each is a safe whole
 * number from 1, and an end line is not before its start line. What breaks it is left out and told to `note`; a
 * start line left out takes the region's other numbers with it (columns of no line mean nothing).
 * An absent number is no problem: undefined, and when `noneWords` also null, "" and 0, which tools write for "no
 * line" (SARIF has no such words: there, they are numbers SARIF cannot carry).
 */
export function regionNumbers(raw: RawRegion, note?: (problem: RegionProblem) => void, noneWords = false): RegionNumbers {
  const out: RegionNumbers = {};
  let lostStart = false;
  for (const member of REGION_MEMBERS) {
    const value = raw[member];
    if (value === undefined || (noneWords && (value === null || value === '' || value === 0 || value === '0'))) continue;
    const number = lineNumber(value);
    if (number !== undefined) out[member] = number;
    else if (member === 'startLine') {
      note?.({ member, value, kind: 'invalid' });
      lostStart = true;
      break;
    } else note?.({ member, value, kind: 'invalid' });
  }
  if (lostStart) return {};
  if (out.endLine !== undefined && out.startLine !== undefined && out.endLine < out.startLine) {
    note?.({ member: 'endLine', value: out.endLine, kind: 'reversed', startLine: out.startLine });
    delete out.endLine;
  }
  return out;
}

/** A value from a report, short enough for one line of a warning: a string of a megabyte is not echoed. */
function shown(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `an ${typeof value}`;
}

const NOTE_WORDING: Record<'start' | 'other' | 'reversed', { one: (example: string) => string; many: (count: number, examples: string) => string }> = {
  start: {
    one: (example) => `${example} is not a line number; left the finding without a line (it keeps its file)`,
    many: (count, examples) => `${count} start lines are not line numbers (${examples}); left those findings without a line (they keep their files)`,
  },
  other: {
    one: (example) => `${example} is not a line or column number; dropped it`,
    many: (count, examples) => `${count} end lines and columns are not line or column numbers (${examples}); dropped them`,
  },
  reversed: {
    one: (example) => `${example}; dropped the end line`,
    many: (count, examples) => `${count} regions end before they start (${examples}); dropped their end lines`,
  },
};

/** How many bad numbers a warning names: enough to find them, not a wall of text. */
const SHOWN_NOTES = 3;

/** Region problems said once per kind, with a count and the first few, so a report of 10,000 bad lines is a line or three. */
export class RegionNotes {
  private readonly groups = new Map<keyof typeof NOTE_WORDING, { count: number; examples: string[] }>();

  /** `where` names the place when the caller knows it ("run 0 result 3"). */
  add(problem: RegionProblem, where?: string): void {
    const key = problem.kind === 'reversed' ? 'reversed' : problem.member === 'startLine' ? 'start' : 'other';
    const group = this.groups.get(key) ?? { count: 0, examples: [] };
    this.groups.set(key, group);
    group.count++;
    if (group.examples.length >= SHOWN_NOTES) return;
    const what = problem.kind === 'reversed' ? `endLine ${shown(problem.value)} is before startLine ${problem.startLine}` : `${problem.member} ${shown(problem.value)}`;
    group.examples.push(where ? `${where}: ${what}` : what);
  }

  lines(): string[] {
    return [...this.groups].map(([key, { count, examples }]) =>
      count === 1 ? NOTE_WORDING[key].one(examples[0]!) : NOTE_WORDING[key].many(count, `${examples.join(', ')}${count > examples.length ? ', …' : ''}`),
    );
  }
}

// Told of the numbers fileLocation drops while a report is parsed (readReport sets it; see notingRegions).
let regionNote: ((problem: RegionProblem) => void) | undefined;

/**
 * Runs a format's parse with every line or column number that fileLocation (or checkedRegion) drops told to `note`.
 * Formats build locations deep inside their own helpers, with no context at hand; parse is synchronous, so nothing
 * else runs while the note is set, and it is put back even when parse throws.
 */
export function notingRegions<T>(note: (problem: RegionProblem) => void, parse: () => T): T {
  const outer = regionNote;
  regionNote = note;
  try {
    return parse();
  } finally {
    regionNote = outer;
  }
}

/** A format's region numbers by the one rule (0, null and "" meaning "no line"), or undefined without a start line. */
export function checkedRegion(raw: RawRegion): RegionNumbers | undefined {
  const region = regionNumbers(raw, regionNote, true);
  return region.startLine === undefined ? undefined : region;
}

/** Where a finding is: a file (repo-relative or absolute; normalize makes it relative) and optional lines. */
export function fileLocation(uri: string | undefined, region: RawRegion & { snippet?: string | undefined } = {}, message?: string): Location | undefined {
  if (!uri) return undefined;
  const numbers = checkedRegion(region);
  return {
    physicalLocation: {
      artifactLocation: { uri: toUriReference(uri) },
      ...(numbers
        ? {
            region: {
              startLine: numbers.startLine!,
              ...(numbers.endLine !== undefined ? { endLine: numbers.endLine } : {}),
              ...(numbers.startColumn !== undefined ? { startColumn: numbers.startColumn } : {}),
              // An end column at or before the start column on the start line marks no span: left out, as tools mean none.
              ...(numbers.endColumn !== undefined && ((numbers.endLine ?? numbers.startLine!) > numbers.startLine! || numbers.startColumn === undefined || numbers.endColumn > numbers.startColumn)
                ? { endColumn: numbers.endColumn }
                : {}),
              ...(region.snippet ? { snippet: { text: region.snippet } } : {}),
            },
          }
        : {}),
    },
    ...(message ? { message: { text: message } } : {}),
  };
}

export function logicalLocation(name: string, kind?: string, fullyQualifiedName?: string): LogicalLocation {
  return { name, ...(kind ? { kind } : {}), ...(fullyQualifiedName ? { fullyQualifiedName } : {}) };
}

export interface RuleSpec {
  id: string;
  name?: string | undefined;
  short?: string | undefined;
  full?: string | undefined;
  /** Markdown or text help. */
  help?: string | undefined;
  helpUri?: string | undefined;
  tags?: readonly (string | undefined)[];
  cwes?: readonly unknown[];
  /** 0–10; written as `security-severity`. */
  score?: number | undefined;
  level?: Level | undefined;
  precision?: 'very-high' | 'high' | 'medium' | 'low' | undefined;
  properties?: PropertyBag | undefined;
}

export interface ResultSpec {
  ruleId: string;
  message: string;
  level?: Level | undefined;
  /** 0–10 for this result when it differs from its rule's (e.g. CVSS of one CVE in one package). */
  score?: number | undefined;
  locations?: readonly (Location | undefined)[];
  logicalLocations?: readonly LogicalLocation[];
  relatedLocations?: readonly (Location | undefined)[];
  category?: Category | undefined;
  ids?: readonly unknown[];
  cwes?: readonly unknown[];
  package?: PackageInfo | undefined;
  dast?: DastInfo | undefined;
  image?: ImageInfo | undefined;
  secret?: string | undefined;
  fingerprints?: Record<string, string> | undefined;
  suppressed?: string | undefined;
  properties?: PropertyBag | undefined;
}

function clean(text: string | undefined, max = 20_000): string | undefined {
  if (text === undefined || text === null) return undefined;
  const value = String(text).trim();
  if (!value) return undefined;
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Builds one run: rules are merged by id (first description wins, tags and CWEs accumulate). */
export class RunBuilder {
  private readonly rules = new Map<string, ReportingDescriptor>();
  private readonly results: Result[] = [];

  constructor(
    private readonly driver: { name: string; version?: string | undefined; informationUri?: string | undefined; organization?: string | undefined },
    private readonly runProperties: PropertyBag = {},
  ) {}

  rule(spec: RuleSpec): void {
    const cwes = uniqueIds((spec.cwes ?? []).map(cweId));
    const tags = uniqueIds(['security', ...(spec.tags ?? []), ...cwes.map(cweTag)]);
    const existing = this.rules.get(spec.id);
    if (existing) {
      const merged = new Set([...(existing.properties?.tags ?? []), ...tags]);
      existing.properties = { ...existing.properties, tags: [...merged] };
      const current = Number(existing.properties['security-severity'] ?? NaN);
      if (spec.score !== undefined && !(current >= spec.score)) existing.properties['security-severity'] = formatScore(spec.score);
      if (cwes.length) existing.properties[PROP.cwe] = uniqueIds([...(prop(existing.properties, PROP.cwe) ?? []), ...cwes]);
      return;
    }
    const short = clean(spec.short ?? spec.name ?? spec.id, 1000)!;
    const full = clean(spec.full, 20_000);
    const help = clean(spec.help, 50_000);
    // Tools put prose around links ("See https://… for more"): keep the URL alone, as a valid URI.
    const link = spec.helpUri ? /https?:\/\/[^\s"'<>]+/i.exec(spec.helpUri)?.[0]?.replace(/[.,;)]+$/, '') : undefined;
    const helpUri = link ? toUriReference(link) : undefined;
    this.rules.set(spec.id, {
      id: spec.id,
      ...(spec.name ? { name: clean(spec.name, 300)! } : {}),
      shortDescription: { text: short },
      ...(full ? { fullDescription: { text: full } } : {}),
      ...(help ? { help: { text: help } } : {}),
      ...(helpUri ? { helpUri } : {}),
      ...(spec.level ? { defaultConfiguration: { level: spec.level } } : {}),
      properties: {
        ...spec.properties,
        tags,
        ...(spec.score !== undefined ? { 'security-severity': formatScore(spec.score) } : {}),
        ...(spec.precision ? { precision: spec.precision } : {}),
        ...(cwes.length ? { [PROP.cwe]: cwes } : {}),
      },
    });
  }

  result(spec: ResultSpec): void {
    if (!this.rules.has(spec.ruleId)) this.rule({ id: spec.ruleId, short: spec.message, score: spec.score, level: spec.level });
    const ids = uniqueIds([...(spec.ids ?? []), ...(spec.cwes ?? []).map(cweId)]);
    const props: PropertyBag = { ...spec.properties };
    if (spec.category) props[PROP.category] = spec.category;
    if (spec.score !== undefined) props['security-severity'] = formatScore(spec.score);
    if (ids.length) {
      props[PROP.ids] = ids;
      props.tags = uniqueIds([...(props.tags ?? []), ...ids]);
    }
    if (spec.package) {
      const { fixedVersions, ...pkg } = spec.package;
      props[PROP.package] = {
        ...Object.fromEntries(Object.entries(pkg).filter(([, v]) => v !== undefined && v !== '')),
        purl: pkg.purl ?? purlOf(pkg.ecosystem, pkg.name, pkg.version),
        fixedVersions: uniqueIds([...(fixedVersions ?? [])]),
      };
    }
    if (spec.dast) props[PROP.dast] = Object.fromEntries(Object.entries(spec.dast).filter(([, v]) => v !== undefined && v !== ''));
    if (spec.image) props[PROP.image] = Object.fromEntries(Object.entries(spec.image).filter(([, v]) => v !== undefined && v !== ''));
    if (spec.secret) props[PROP.secretHash] = secretHash(spec.secret);
    const locations = (spec.locations ?? []).filter((l): l is Location => l !== undefined);
    const logical = spec.logicalLocations ?? [];
    if (logical.length) {
      if (locations.length) locations[0] = { ...locations[0], logicalLocations: [...logical] };
      else locations.push({ logicalLocations: [...logical] });
    }
    const related = (spec.relatedLocations ?? []).filter((l): l is Location => l !== undefined).map((l, id) => ({ ...l, id }));
    this.results.push({
      ruleId: spec.ruleId,
      level: spec.level ?? this.rules.get(spec.ruleId)?.defaultConfiguration?.level ?? 'warning',
      message: { text: clean(spec.message, 20_000) ?? spec.ruleId },
      ...(locations.length ? { locations } : {}),
      ...(related.length ? { relatedLocations: related } : {}),
      ...(spec.fingerprints && Object.keys(spec.fingerprints).length ? { partialFingerprints: spec.fingerprints } : {}),
      ...(spec.suppressed ? { suppressions: [{ kind: 'external' as const, status: 'accepted' as const, justification: spec.suppressed }] } : {}),
      ...(Object.keys(props).length ? { properties: props } : {}),
    });
  }

  get size(): number {
    return this.results.length;
  }

  build(): Run {
    const rules = [...this.rules.values()];
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    for (const result of this.results) result.ruleIndex = index.get(result.ruleId!)!;
    const { name, version, informationUri, organization } = this.driver;
    return {
      tool: {
        driver: {
          name,
          ...(version ? { version: String(version) } : {}),
          ...(informationUri ? { informationUri } : {}),
          ...(organization ? { organization } : {}),
          rules,
        },
      },
      results: this.results,
      ...(Object.keys(this.runProperties).length ? { properties: this.runProperties } : {}),
    };
  }
}

export function logOf(...runs: Run[]): Log {
  return { version: '2.1.0', runs };
}

/** Narrowing helpers for untyped report data: wrong types read as absent, never as a crash. */
export const read = {
  obj(value: unknown): Record<string, unknown> | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  },
  arr(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
  },
  str(value: unknown): string | undefined {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return undefined;
  },
  num(value: unknown): number | undefined {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
  },
  /** XML children: fast-xml-parser gives one child as an object and several as an array. */
  list(value: unknown): unknown[] {
    if (value === undefined || value === null || value === '') return [];
    return Array.isArray(value) ? value : [value];
  },
  /** Text of an XML element that may carry attributes ({ '#text': … }). */
  text(value: unknown): string | undefined {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    const object = read.obj(value);
    return object ? read.str(object['#text']) : undefined;
  },
};

/** Fails parsing with one line that says which field the document lacks. */
export function missing(file: string, format: string, what: string): never {
  throw new InputError(`is not a valid ${format} report: ${what}`, { file });
}

/** Strips HTML tags and decodes the common entities, for tools that write descriptions as HTML. */
export function htmlToText(html: string | undefined): string | undefined {
  if (!html) return undefined;
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|div|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
