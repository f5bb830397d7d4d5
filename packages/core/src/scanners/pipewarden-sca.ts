import { readdir } from 'node:fs/promises';
import { dirname, join, posix, resolve } from 'node:path';
import type { ManifestFile } from '@pipewarden/sca';
// Planning asks only the light entry; the engine (parsers, version orders, advisory readers) loads when it runs.
import { manifestKind, VERSION as engineVersion } from '@pipewarden/sca/files';
import { z } from 'zod';
import { rootReader, type RootReader } from '../files/safe-read.js';
import { loadAdvisories, type AdvisorySettings } from '../risk/advisories.js';
import { scoreVector } from '../risk/cvss.js';
import { PROP } from '../sarif/props.js';
import type { Log } from '../sarif/types.js';
import { writeFileAtomic } from '../sarif/write-atomic.js';
import type { Scanner, ScannerTarget } from './types.js';

const ID = 'pipewarden-sca';
/** Larger than any real lockfile: a bigger one is reported, not read. */
const MAX_MANIFEST_BYTES = 50 * 1024 * 1024;
const MAX_SHOWN_NOTES = 5;

/** The manifests of the folders given: a staged lockfile is read with its package.json, and the other way round. */
async function withSiblings(reader: RootReader, files: readonly string[]): Promise<string[]> {
  const all = new Set(files);
  for (const folder of new Set(files.map((f) => posix.dirname(f)))) {
    const where = await reader.locate(folder).catch(() => undefined);
    if (!where || !('real' in where)) continue;
    const entries = await readdir(where.real, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && manifestKind(path) !== undefined) all.add(path);
    }
  }
  return [...all].sort();
}

async function readManifests(root: string, files: readonly string[]): Promise<{ manifests: ManifestFile[]; unread: { file: string; message: string }[] }> {
  const reader = rootReader(root);
  const manifests: ManifestFile[] = [];
  const unread: { file: string; message: string }[] = [];
  for (const file of await withSiblings(reader, files)) {
    const read = await reader.read(file, { maxBytes: MAX_MANIFEST_BYTES });
    if ('refused' in read) {
      if (read.refused !== 'missing') unread.push({ file, message: read.refused === 'too-large' ? `is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB` : read.refused === 'outside' ? 'leads outside the scanned folder' : 'is not a regular file' });
      continue;
    }
    manifests.push({ path: file, text: read.data.toString('utf8') });
  }
  return { manifests, unread };
}

/** Scores each result's CVSS vector with core's calculator, for the severity gates read (security-severity). */
async function scoreResults(log: Log): Promise<void> {
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const props = result.properties ?? {};
      const vector = props[PROP.cvssVector];
      if (typeof vector !== 'string') continue;
      const cvss = await scoreVector(vector);
      if (!cvss) continue;
      props['security-severity'] = cvss.score.toFixed(1);
      result.level = cvss.score >= 7 ? 'error' : cvss.score >= 4 ? 'warning' : 'note';
    }
  }
}

function settingsOf(target: ScannerTarget, own: { advisories_dir?: string | undefined; mirror_url?: string | undefined }, given: AdvisorySettings | undefined): AdvisorySettings {
  const sca = target.config.sca;
  // The command line (--advisories-dir) wins over the configuration; the configuration's folder is relative to the scanned one.
  const dir = given?.dir ?? (own.advisories_dir ?? sca?.advisories_dir ? resolve(target.root, own.advisories_dir ?? sca!.advisories_dir!) : undefined);
  return { today: given?.today ?? new Date().toISOString().slice(0, 10), ...given, dir, mirrorUrl: own.mirror_url ?? sca?.mirror_url ?? given?.mirrorUrl };
}

/**
 * Pipewarden's own dependency check (@pipewarden/sca, docs/sca.md): the packages of every manifest and lockfile
 * of eight ecosystems, matched against OSV advisories, offline first. It also writes a CycloneDX SBOM of them.
 */
export const pipewardenSca: Scanner = {
  kind: 'analyzer',
  id: ID,
  title: 'Pipewarden SCA (vulnerable dependencies of eight ecosystems, from OSV advisories)',
  category: 'sca',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 10 * 60_000,
  installHint: 'built in',
  // With --staged or --diff-base it reads the changed manifests (and their folder's others): in precommit it runs only when one changed.
  fileList: true,
  sbom: 'app',
  cost: 2,
  options: z.strictObject({
    advisories_dir: z.string().min(1).optional().describe('A folder of OSV advisories (JSON or YAML records, or all.zip exports), relative to the scanned directory.'),
    mirror_url: z.url().optional().describe('A mirror of OSV\'s exports (<url>/<Ecosystem>/all.zip), e.g. an internal artifact store.'),
  }),
  detect: async () => ({ available: true, version: engineVersion }),
  select: (files) => files.filter((file) => manifestKind(file) !== undefined),
  async analyze(target, context) {
    const { analyzeInventory, cyclonedxOf, ecosystemsOf, openAdvisories, readInventory } = await import('@pipewarden/sca');
    const { manifests, unread } = await readManifests(target.root, target.files);
    const inventory = readInventory(manifests);
    inventory.problems.push(...unread);
    // Which manifests were checked, said where the user looks first (the run's properties keep the whole list).
    const shown = inventory.manifests.slice(0, 8).map((m) => `${m.file} (${m.packages})`);
    if (shown.length) context.log('info', `${ID}: checked ${shown.join(', ')}${inventory.manifests.length > 8 ? ` and ${inventory.manifests.length - 8} more` : ''}`);
    // Notes are remarks on files that were read (a line that is no registry package): said, but the run stays complete.
    for (const note of inventory.notes.slice(0, MAX_SHOWN_NOTES)) context.log('info', `${ID}: ${note.file}: ${note.message}`);
    if (inventory.notes.length > MAX_SHOWN_NOTES) context.log('info', `${ID}: and ${inventory.notes.length - MAX_SHOWN_NOTES} more notes in results.sarif`);
    const ecosystems = ecosystemsOf(inventory);
    // No package at all (an empty manifest): nothing to match, and no advisory data needed.
    const { database, warnings } = ecosystems.length
      ? await loadAdvisories(settingsOf(target, target.options as { advisories_dir?: string; mirror_url?: string }, context.advisories), ecosystems)
      : { database: openAdvisories([], { sources: [] }), warnings: [] };
    for (const warning of warnings) context.log('warn', `${ID}: ${warning}`);
    const log = analyzeInventory(inventory, database) as Log;
    await scoreResults(log);
    const sbom = join(dirname(target.outputFile), `${ID}.cdx.json`);
    await writeFileAtomic(sbom, JSON.stringify(cyclonedxOf(inventory), null, 2));
    const run = log.runs[0]!;
    run.properties = { ...run.properties, [PROP.sbomComponents]: new Set(inventory.packages.filter((p) => p.version).map((p) => p.purl)).size };
    return log;
  },
};
