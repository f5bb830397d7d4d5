// ae-cvss-calculator (metaeffekt) implements FIRST's CVSS 2.0, 3.0, 3.1 and 4.0. It is loaded on the first
// vector, not at start: it alone took 44 ms of every command's start. Imported by default (a CommonJS
// bundle) so bundlers (the GitHub Action's) still take it in.
type Calculator = { fromVector(vector: string): { calculateScores(): { base?: number; overall?: number } } | null };
let calculator: Promise<Calculator> | undefined;
const loadCalculator = () => (calculator ??= import('ae-cvss-calculator').then((module) => module.default as unknown as Calculator));

export interface CvssScore {
  version: '2.0' | '3.0' | '3.1' | '4.0';
  vector: string;
  /** The base score (v2, v3) or CVSS-B/BT score (v4), 0–10. */
  score: number;
}

function versionOf(vector: string): CvssScore['version'] | undefined {
  if (vector.startsWith('CVSS:4.0/')) return '4.0';
  if (vector.startsWith('CVSS:3.1/')) return '3.1';
  if (vector.startsWith('CVSS:3.0/')) return '3.0';
  if (/^\(?AV:[LAN]\/AC:[HML]\/Au:[MSN]\//.test(vector)) return '2.0';
  return undefined;
}

/** Parses and scores a CVSS vector of any version; undefined when it is not a valid vector. */
export async function scoreVector(input: string): Promise<CvssScore | undefined> {
  const vector = input.trim().replace(/^\((.*)\)$/, '$1');
  const version = versionOf(vector);
  if (!version) return undefined;
  const cvss = await loadCalculator();
  let parsed;
  try {
    parsed = cvss.fromVector(vector);
  } catch {
    return undefined;
  }
  if (!parsed) return undefined;
  const scores = parsed.calculateScores();
  const score = version === '4.0' ? (scores.overall ?? scores.base) : scores.base;
  if (typeof score !== 'number' || !Number.isFinite(score)) return undefined;
  return { version, vector, score };
}
