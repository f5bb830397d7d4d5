import type { Category } from '../finding.js';
import type { CoverageLine } from '../model/coverage.js';
import { NOTHING_TO_SCAN, type ScannerRun } from '../model/scanner-run.js';
import type { Scanner } from '../scanners/types.js';

export type { CoverageLine } from '../model/coverage.js';

interface Area {
  what: string;
  kind: CoverageLine['kind'];
  /** Which files are this area's, by path. */
  files: RegExp;
  /** Dependency areas read third-party folders too (a vendored library, a lockfile under vendor/). */
  thirdParty?: boolean;
}

const name = (pattern: string) => new RegExp(`(?:^|/)(?:${pattern})$`, 'i');

// What a repository may hold that a security check applies to. Dependencies are named by what declares them,
// so "declared but not locked" shows as its own gap.
const AREAS: readonly Area[] = [
  { what: 'JavaScript/TypeScript code', kind: 'code', files: /\.(?:[cm]?js|jsx|ts|tsx|mts|cts|vue|svelte)$/i },
  { what: 'Python code', kind: 'code', files: /\.py$/i },
  { what: 'PHP code', kind: 'code', files: /\.(?:php|phtml)$/i },
  { what: 'Java/Kotlin code', kind: 'code', files: /\.(?:java|kt|kts|jsp)$/i },
  { what: 'Go code', kind: 'code', files: /\.go$/i },
  { what: 'Ruby code', kind: 'code', files: /\.rb$/i },
  { what: 'C/C++ code', kind: 'code', files: /\.(?:c|cc|cpp|cxx|h|hh|hpp)$/i },
  { what: 'C# code', kind: 'code', files: /\.cs$/i },
  { what: 'Shell scripts', kind: 'code', files: /\.(?:sh|bash)$/i },
  { what: 'npm dependencies (lockfile)', kind: 'dependencies', files: name('package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml'), thirdParty: true },
  { what: 'npm dependencies (package.json without a lockfile)', kind: 'dependencies', files: name('package\\.json'), thirdParty: true },
  { what: 'Python dependencies', kind: 'dependencies', files: name('requirements[\\w.-]*\\.txt|Pipfile\\.lock|poetry\\.lock|uv\\.lock|pyproject\\.toml'), thirdParty: true },
  { what: 'PHP dependencies', kind: 'dependencies', files: name('composer\\.lock|composer\\.json'), thirdParty: true },
  { what: 'Go modules', kind: 'dependencies', files: name('go\\.mod|go\\.sum'), thirdParty: true },
  { what: 'Java dependencies', kind: 'dependencies', files: name('pom\\.xml|gradle\\.lockfile|build\\.gradle(?:\\.kts)?'), thirdParty: true },
  { what: 'Ruby gems', kind: 'dependencies', files: name('Gemfile\\.lock'), thirdParty: true },
  { what: 'Rust crates', kind: 'dependencies', files: name('Cargo\\.lock'), thirdParty: true },
  { what: '.NET packages', kind: 'dependencies', files: name('packages\\.lock\\.json|[\\w.-]+\\.csproj'), thirdParty: true },
  { what: 'Vendored JavaScript libraries', kind: 'dependencies', files: /(?:^|\/)(?:vendor|vendors|third_party|third-party|bower_components)\/.*\.js$|[.-]min\.js$/i, thirdParty: true },
  { what: 'Dockerfiles', kind: 'infrastructure', files: /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[\w-]+)?$|\.dockerfile$/i },
  { what: 'Terraform', kind: 'infrastructure', files: /\.tf$/i },
  { what: 'Kubernetes and Helm manifests', kind: 'infrastructure', files: /(?:^|\/)(?:k8s|kubernetes|helm|charts|manifests)\/.*\.ya?ml$/i },
  { what: 'CI/CD definitions', kind: 'infrastructure', files: /^\.github\/workflows\/.*\.ya?ml$|(?:^|\/)\.gitlab-ci\.yml$|(?:^|\/)Jenkinsfile$/i },
];

const CATEGORIES: Readonly<Record<CoverageLine['kind'], readonly Category[]>> = {
  code: ['sast'],
  dependencies: ['sca'],
  infrastructure: ['iac', 'container'],
  secrets: ['secrets'],
};

const list = (ids: readonly string[]) => ids.join(', ');

/** One area: which of the run's scanners apply to its files, and what became of them. */
function judgeArea(area: Pick<Area, 'what' | 'kind'>, files: readonly string[], scanners: readonly Scanner[], runs: readonly ScannerRun[]): CoverageLine {
  const line: CoverageLine = { what: area.what, kind: area.kind, files: files.length, checkedBy: [], status: 'not checked' };
  const applicable = scanners.filter((s) => (s.target ?? 'files') === 'files' && CATEGORIES[area.kind].includes(s.category) && s.select(files).length > 0);
  const runOf = (s: Scanner) => runs.find((r) => r.id === s.id);
  const ran = applicable.filter((s) => ['ran', 'partial'].includes(runOf(s)?.status ?? ''));
  line.checkedBy = ran.map((s) => s.id);
  if (!applicable.length) {
    line.why = area.kind === 'code' ? 'no SAST scanner of this run reads it' : 'no scanner of this run reads it';
    return line;
  }
  if (!ran.length) {
    const missing = applicable.filter((s) => runOf(s)?.status === 'skipped' && runOf(s)?.reason !== NOTHING_TO_SCAN);
    const failed = applicable.filter((s) => runOf(s)?.status === 'failed');
    line.why = failed.length ? `${list(failed.map((s) => s.id))} failed` : missing.length ? `${list(missing.map((s) => s.id))} ${missing.length === 1 ? 'is' : 'are'} not installed` : 'its scanners did not run';
    return line;
  }
  const caveats = ran.map((s) => runOf(s)!).filter((r) => r.caveat).map((r) => `${r.id}: ${r.caveat}`);
  const partial = ran.map((s) => runOf(s)!).filter((r) => r.status === 'partial');
  line.status = caveats.length || partial.length ? 'partly checked' : 'checked';
  if (caveats.length || partial.length) line.why = [...caveats, ...partial.map((r) => `${r.id}: ${r.notAnalysed?.length ?? 0} files not analysed`)].join('; ');
  return line;
}

/**
 * What this run checked and what it did not, per language and kind of check present in the repository:
 * a gap is said, never implied by silence ("PHP code: no SAST").
 */
export function coverageOf(input: { files: readonly string[]; filesWithThirdParty: readonly string[]; scanners: readonly Scanner[]; runs: readonly ScannerRun[] }): CoverageLine[] {
  const lines: CoverageLine[] = [];
  const lockfiles = input.filesWithThirdParty.filter((f) => /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/.test(f));
  const locked = new Set(lockfiles.map((f) => f.slice(0, f.lastIndexOf('/') + 1)));
  for (const area of AREAS) {
    let files = (area.thirdParty ? input.filesWithThirdParty : input.files).filter((file) => area.files.test(file));
    // Dependencies are not code: only manifests of the project itself, not those inside node_modules.
    if (area.kind === 'dependencies' && area.what !== 'Vendored JavaScript libraries') files = files.filter((f) => !/(?:^|\/)node_modules\//.test(f));
    if (area.what.includes('without a lockfile')) files = files.filter((f) => !locked.has(f.slice(0, f.lastIndexOf('/') + 1)));
    if (files.length) lines.push(judgeArea(area, files, input.scanners, input.runs));
  }
  if (input.files.length) lines.push(judgeArea({ what: 'Secrets in every file', kind: 'secrets' }, input.files, input.scanners, input.runs));
  return lines;
}
