// Every fact Pipewarden keeps in a SARIF property bag, declared once with its type: readers and writers
// go through PROP and prop(), so a key cannot be misspelt and a value cannot be read as the wrong type.
import type { PropertyBag } from 'sarif';

/** A package a dependency finding is about. */
export interface PackageProp {
  name?: string;
  version?: string;
  purl?: string;
  ecosystem?: string;
  fixedVersions?: string[];
  [extra: string]: unknown;
}

/** What a DAST scanner saw: the request that proved the finding. */
export interface DastProp {
  url?: string;
  method?: string;
  parameter?: string;
  evidence?: string;
  request?: string;
  [extra: string]: unknown;
}

export interface RiskFactorProp {
  factor: string;
  detail: string;
  points: number;
}

/** The asset context a result's path matched (pipewarden.yml context), and the pattern that matched. */
export interface ContextProp {
  environment?: string;
  exposure?: string;
  data_sensitivity?: string;
  match: string;
}

/** The properties of results, runs and logs, by key. */
export interface PipewardenProps {
  // result
  'pipewarden/category': string;
  'pipewarden/scanner': string;
  'pipewarden/severity': string;
  'pipewarden/severityLabel': string;
  'pipewarden/risk': number;
  'pipewarden/priority': string;
  'pipewarden/factors': RiskFactorProp[];
  'pipewarden/slaDays': number;
  'pipewarden/redacted': boolean;
  'pipewarden/source': string;
  'pipewarden/ids': string[];
  'pipewarden/cwe': string[];
  'pipewarden/cvss': { version: string; vector: string; score: number };
  'pipewarden/cvssVector': string;
  'pipewarden/epss': { cve: string; epss: number; percentile: number };
  'pipewarden/kev': { cve: string; dateAdded: string; dueDate?: string; knownRansomware: boolean };
  'pipewarden/context': ContextProp;
  'pipewarden/package': PackageProp;
  'pipewarden/dast': DastProp;
  'pipewarden/requests': string[];
  'pipewarden/route': string;
  'pipewarden/image': { reference?: string; digest?: string; [extra: string]: unknown };
  'pipewarden/scope': string;
  'pipewarden/confidence': string;
  'pipewarden/fingerprint': string;
  'pipewarden/toolFingerprint': string;
  'pipewarden/secretHash': string;
  'pipewarden/entropy': number;
  'pipewarden/verified': boolean;
  'pipewarden/tools': string[];
  'pipewarden/duplicates': unknown[];
  'pipewarden/carriedOver': boolean;
  'pipewarden/waiver': Record<string, unknown>;
  /** A person closed the finding group's ticket as accepted (won't fix, not planned): where, who, until when. */
  'pipewarden/ticketAcceptance': { url: string; ticket: string; as: string; owner: string; since: string; until: string };
  'pipewarden/dev': boolean;
  'pipewarden/direct': boolean;
  'pipewarden/via': string[];
  'pipewarden/pkgPath': string;
  'pipewarden/fixState': string;
  'pipewarden/fixedUpstream': boolean;
  'pipewarden/baseAgeDays': number;
  'pipewarden/vexState': string;
  'pipewarden/exploitMaturity': string;
  'pipewarden/framework': string;
  'pipewarden/host': string;
  'pipewarden/status': string;
  'pipewarden/alertNumber': number;
  'pipewarden/alertState': string;
  'pipewarden/issueType': string;
  'pipewarden/sonarType': string;
  'pipewarden/pluginId': string;
  'pipewarden/qid': string;
  'pipewarden/commit': string;
  'pipewarden/repository': string;
  /** The primary location lies outside the scanned root ("..", an absolute path or file: URI elsewhere, a symlink out): kept as given, never read. */
  'pipewarden/outsideRoot': boolean;
  // run
  'pipewarden/feeds': Record<string, unknown>;
  'pipewarden/inventory': Record<string, unknown>;
  'pipewarden/sbomComponents': number;
  'pipewarden/dependencies': Record<string, unknown>;
  'pipewarden/advisories': Record<string, unknown>;
  // log
  'pipewarden/stage': string;
  'pipewarden/shard': string;
  'pipewarden/baseline': { new: number; unchanged: number; updated: number; absent: number };
  'pipewarden/diff': { base: string; filter: string; in: number; out: number };
  'pipewarden/merged': number;
  'pipewarden/verdict': Record<string, unknown>;
  'pipewarden/waivers': Record<string, unknown>;
  'pipewarden/scanners': { id: string; status: string; durationMs: number; [extra: string]: unknown }[];
  'pipewarden/provenance': Record<string, string | undefined>;
  'pipewarden/images': Record<string, unknown>[];
  'pipewarden/coverage': Record<string, unknown>[];
  'pipewarden/excluded': Record<string, unknown>;
  'pipewarden/review': Record<string, unknown>;
}

export type PropKey = keyof PipewardenProps;

type Short<K> = K extends `pipewarden/${infer S}` ? S : never;

const KEYS = [
  'category', 'scanner', 'severity', 'severityLabel', 'risk', 'priority', 'factors', 'slaDays', 'redacted', 'source', 'ids', 'cwe', 'cvss', 'cvssVector', 'epss', 'kev',
  'context', 'package', 'dast', 'requests', 'route', 'image', 'scope', 'confidence', 'fingerprint', 'toolFingerprint', 'secretHash', 'entropy', 'verified', 'tools',
  'duplicates', 'carriedOver', 'waiver', 'ticketAcceptance', 'dev', 'direct', 'via', 'pkgPath', 'fixState', 'fixedUpstream', 'baseAgeDays', 'vexState', 'exploitMaturity', 'framework',
  'host', 'status', 'alertNumber', 'alertState', 'issueType', 'sonarType', 'pluginId', 'qid', 'commit', 'repository', 'outsideRoot', 'feeds', 'inventory', 'sbomComponents', 'dependencies', 'advisories', 'stage',
  'shard', 'baseline', 'diff', 'merged', 'verdict', 'waivers', 'scanners', 'provenance', 'images', 'coverage', 'excluded', 'review',
] as const satisfies readonly Short<PropKey>[];

/** Every key by its short name: PROP.risk is 'pipewarden/risk'. */
export const PROP = Object.fromEntries(KEYS.map((k) => [k, `pipewarden/${k}`])) as { readonly [S in Short<PropKey>]: `pipewarden/${S}` };

/** A property's value with its declared type (undefined when absent). */
export function prop<K extends PropKey>(bag: PropertyBag | Record<string, unknown> | undefined, key: K): PipewardenProps[K] | undefined {
  return bag?.[key] as PipewardenProps[K] | undefined;
}

// Compile-time: every declared key has its short name in KEYS.
type Missing = Exclude<Short<PropKey>, (typeof KEYS)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
