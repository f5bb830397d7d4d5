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


/** Where a finding is: a file (repo-relative or absolute; normalize makes it relative) and optional lines. */
export function fileLocation(
  uri: string | undefined,
  region: { startLine?: unknown; endLine?: unknown; startColumn?: unknown; endColumn?: unknown; snippet?: string | undefined } = {},
  message?: string,
): Location | undefined {
  if (!uri) return undefined;
  const int = (value: unknown) => {
    const number = typeof value === 'string' ? Number(value) : value;
    return typeof number === 'number' && Number.isInteger(number) && number >= 1 ? number : undefined;
  };
  const startLine = int(region.startLine);
  const endLine = int(region.endLine);
  const startColumn = int(region.startColumn);
  const endColumn = int(region.endColumn);
  const hasRegion = startLine !== undefined;
  return {
    physicalLocation: {
      artifactLocation: { uri: toUriReference(uri) },
      ...(hasRegion
        ? {
            region: {
              startLine,
              ...(endLine !== undefined && endLine >= startLine ? { endLine } : {}),
              ...(startColumn !== undefined ? { startColumn } : {}),
              ...(endColumn !== undefined && (endLine !== undefined && endLine > startLine! || startColumn === undefined || endColumn > startColumn) ? { endColumn } : {}),
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
