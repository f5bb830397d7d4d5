import { ECOSYSTEMS } from '../ecosystems.js';
import type { Ecosystem } from '../types.js';

export interface OsvEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface OsvRange {
  type: string;
  events: OsvEvent[];
}

export interface OsvAffected {
  ecosystem: Ecosystem;
  name: string;
  ranges: OsvRange[];
  versions: string[];
}

/** One OSV record, reduced to what matching and the report need (a whole npm export is ~200,000 of them). */
export interface Advisory {
  id: string;
  aliases: string[];
  summary?: string | undefined;
  details?: string | undefined;
  published?: string | undefined;
  modified?: string | undefined;
  /** CVSS vectors by type (CVSS_V2, CVSS_V3, CVSS_V4), as the record gives them. */
  severity: { type: string; score: string }[];
  /** GitHub's label (LOW, MODERATE, HIGH, CRITICAL) from database_specific.severity. */
  label?: string | undefined;
  cwes: string[];
  /** The advisory's own page, when the record links one. */
  url?: string | undefined;
  affected: OsvAffected[];
  /** The file (or zip entry) it came from, for problems and the run's properties. */
  source: string;
}

export class OsvRecordError extends Error {
  override name = 'OsvRecordError';
}

const MAX_DETAILS = 4000;
const ZERO_TIME = /^0001-01-01/;
const ECOSYSTEM_SET = new Set<string>(ECOSYSTEMS);

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function eventOf(value: unknown): OsvEvent | undefined {
  const e = obj(value);
  if (!e) return undefined;
  for (const key of ['introduced', 'fixed', 'last_affected', 'limit'] as const) {
    const v = str(e[key]);
    if (v !== undefined) return { [key]: v };
  }
  return undefined;
}

function affectedOf(value: unknown): OsvAffected | undefined {
  const a = obj(value);
  const pkg = obj(a?.package);
  const ecosystem = str(pkg?.ecosystem);
  const name = str(pkg?.name);
  // Only the ecosystems the inventory knows; "Debian:12", "Alpine:v3.19" and the like describe OS packages.
  if (!a || !ecosystem || !name || !ECOSYSTEM_SET.has(ecosystem)) return undefined;
  return {
    ecosystem: ecosystem as Ecosystem,
    name,
    ranges: arr(a.ranges).flatMap((r) => {
      const range = obj(r);
      const type = str(range?.type);
      return type ? [{ type, events: arr(range!.events).map(eventOf).filter((e): e is OsvEvent => e !== undefined) }] : [];
    }),
    versions: arr(a.versions).filter((v): v is string => typeof v === 'string'),
  };
}

/**
 * Reads one OSV record (schema 1.x, JSON or YAML already parsed). Throws OsvRecordError when it is not one;
 * returns undefined for a record that must be skipped: withdrawn, or about no package of the known ecosystems.
 */
export function advisoryOf(data: unknown, source: string): Advisory | undefined {
  const record = obj(data);
  const id = str(record?.id);
  if (!record || !id) throw new OsvRecordError('is not an OSV record: no "id"');
  if (!Array.isArray(record.affected) && record.affected !== undefined) throw new OsvRecordError(`is not an OSV record: "affected" of ${id} is not a list`);
  if (str(record.withdrawn)) return undefined;
  const affected = arr(record.affected).map(affectedOf).filter((a): a is OsvAffected => a !== undefined);
  if (!affected.length) return undefined;
  const specific = obj(record.database_specific);
  const refs = arr(record.references).map(obj);
  const advisoryRef = refs.find((r) => str(r?.type) === 'ADVISORY' && /github\.com\/advisories|osv\.dev|pkg\.go\.dev\/vuln/.test(str(r?.url) ?? ''));
  const details = str(record.details);
  const modified = str(record.modified);
  const published = str(record.published);
  return {
    id,
    aliases: arr(record.aliases).filter((v): v is string => typeof v === 'string' && v !== id),
    summary: str(record.summary),
    details: details && details.length > MAX_DETAILS ? `${details.slice(0, MAX_DETAILS)}…` : details,
    published: published && !ZERO_TIME.test(published) ? published : undefined,
    modified: modified && !ZERO_TIME.test(modified) ? modified : undefined,
    severity: arr(record.severity).flatMap((s) => {
      const type = str(obj(s)?.type);
      const score = str(obj(s)?.score);
      return type && score ? [{ type, score }] : [];
    }),
    label: str(specific?.severity)?.toUpperCase(),
    cwes: arr(specific?.cwe_ids).filter((c): c is string => typeof c === 'string' && /^CWE-\d+$/.test(c)),
    url: str(advisoryRef?.url),
    affected,
    source,
  };
}
