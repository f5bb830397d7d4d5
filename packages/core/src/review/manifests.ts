import type { Package } from '@pipewarden/sca';
import { manifestKind } from '@pipewarden/sca/files';
import { touchedLines, type ChangedFile, type ChangeSignal } from './signal.js';

/** Manifests a team writes (lockfiles follow them: a new entry there is not a decision of its own). */
const DECLARING = new Set(['package.json', 'requirements.txt', 'pyproject.toml', 'Pipfile', 'go.mod', 'pom.xml', 'build.gradle', 'libs.versions.toml', 'composer.json', 'Gemfile', 'Cargo.toml', '*.csproj', 'Directory.Packages.props', 'packages.config']);
const LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|Cargo\.lock|go\.sum|gradle\.lockfile|packages\.lock\.json)$/;
/** Where package managers are told which registry to use. */
const REGISTRY_CONFIG = /(^|\/)(\.npmrc|\.yarnrc(\.ya?ml)?|\.pnpmrc|pip\.conf|pip\.ini|\.pypirc|settings\.xml|NuGet\.config|nuget\.config|\.cargo\/config(\.toml)?|gradle\.properties|settings\.gradle(\.kts)?)$/;

/** A dependency fetched from somewhere no registry vouches for: a git repository, a tarball URL, a local path. */
const NON_REGISTRY = /(git\+(https?|ssh|file):\/\/|git:\/\/|git@[\w.-]+:|\b(github|gitlab|bitbucket):[\w.-]+\/[\w.-]+|https?:\/\/\S+\.(tgz|tar\.gz|tar\.bz2|zip|whl|gem|jar)\b|\{[^}]*\bgit\s*=|\bgit\s*:\s*["']|@\s*git\+|^\s*-e\s+(git\+|https?:))/;

export const isDependencyFile = (path: string) => manifestKind(path) !== undefined || LOCKFILE.test(path) || REGISTRY_CONFIG.test(path);

type ReadInventory = (typeof import('@pipewarden/sca'))['readInventory'];

function directOf(readInventory: ReadInventory, path: string, text: string | undefined): Map<string, Package> {
  const out = new Map<string, Package>();
  if (text === undefined) return out;
  for (const p of readInventory([{ path, text }]).packages) if (p.direct) out.set(`${p.ecosystem}:${p.name}`, p);
  return out;
}

/** The release line a version belongs to, as [major, minor]: the minor counts only below 1.0, where minors break. */
function lineOfVersion(version: string): [number, number] | undefined {
  const m = /^\D*(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) return undefined;
  const major = Number(m[1]);
  return [major, major === 0 ? Number(m[2] ?? 0) : 0];
}

const newerLine = (now: [number, number], was: [number, number]) => now[0] > was[0] || (now[0] === was[0] && now[1] > was[1]);

async function newDependencies(file: ChangedFile): Promise<ChangeSignal[]> {
  const kind = manifestKind(file.path);
  if (!kind || !DECLARING.has(kind) || file.head === undefined) return [];
  // The manifests' parsers load only when a manifest a team writes changed.
  const { readInventory } = await import('@pipewarden/sca');
  const before = directOf(readInventory, file.path, file.base);
  const signals: ChangeSignal[] = [];
  for (const [key, p] of directOf(readInventory, file.path, file.head)) {
    const line = (p.declaredAt ?? p.location).line;
    const old = before.get(key);
    const scope = p.scope === 'runtime' || p.scope === 'unknown' ? '' : ` (${p.scope})`;
    if (!old) {
      signals.push({ kind: 'new-dependency', file: file.path, lines: [line], detail: `adds ${p.name} ${p.declared ?? p.version}${scope}, a new direct dependency: new code from new maintainers runs in the build and the product` });
      continue;
    }
    const was = lineOfVersion(old.version);
    const now = lineOfVersion(p.version);
    if (was && now && newerLine(now, was)) {
      signals.push({ kind: 'major-upgrade', file: file.path, lines: [line], detail: `upgrades ${p.name} from ${old.declared ?? old.version} to ${p.declared ?? p.version}, a major version: its behaviour and defaults may change` });
    }
  }
  return signals;
}

function sourceSignals(file: ChangedFile): ChangeSignal[] {
  if (file.head === undefined || LOCKFILE.test(file.path)) return [];
  const all = file.head.split('\n');
  const lines = [...file.added].filter((n) => NON_REGISTRY.test(all[n - 1] ?? ''));
  if (!lines.length) return [];
  return [{ kind: 'dependency-source', file: file.path, lines, detail: 'takes a dependency from a git repository or a URL instead of a registry: nothing pins what it contains or who published it' }];
}

const hostsOf = (text: string | undefined) => new Set([...(text ?? '').matchAll(/https?:\/\/([\w.-]+(?::\d+)?)/g)].map((m) => m[1]!.toLowerCase()));

/** A registry host the change brings in: in a registry setting, or where a lockfile resolves packages. */
function registrySignals(file: ChangedFile): ChangeSignal[] {
  if (file.head === undefined) return [];
  const all = file.head.split('\n');
  const registryLine = REGISTRY_CONFIG.test(file.path) || LOCKFILE.test(file.path) ? () => true : (line: string) => /registry|index-url|extra-index-url|find-links|\bsource\b|repositor|<url>|maven\s*\{|url\s*[=(]/i.test(line);
  const known = hostsOf(file.base);
  const fresh = new Map<string, number[]>();
  for (const n of file.added) {
    const line = all[n - 1] ?? '';
    // A lockfile's resolved tarball URLs are where its registry is; elsewhere a URL dependency is said as such.
    if (!registryLine(line) || (!LOCKFILE.test(file.path) && NON_REGISTRY.test(line))) continue;
    for (const host of hostsOf(line)) if (!known.has(host)) fresh.set(host, [...(fresh.get(host) ?? []), n]);
  }
  return [...fresh].map(([host, lines]) => ({ kind: 'new-registry' as const, file: file.path, lines, detail: `fetches packages from ${host}, a registry this repository did not use: whoever runs it decides what the build installs` }));
}

/** New direct dependencies, major upgrades, dependencies from outside a registry and new registries. */
export async function dependencySignals(file: ChangedFile): Promise<ChangeSignal[]> {
  if (!isDependencyFile(file.path)) return [];
  return [...(await newDependencies(file)), ...sourceSignals(file), ...registrySignals(file)].map((s) => (s.lines.length ? s : { ...s, lines: touchedLines(file) }));
}
