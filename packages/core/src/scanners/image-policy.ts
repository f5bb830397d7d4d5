import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readReport } from '../formats/registry.js';
import { readImageArchive } from '../images/archive.js';
import { checkImage } from '../images/check.js';
import type { analyzeDockerfile } from '../images/dockerfile.js';
import { parseReference } from '../images/reference.js';
import { RegistryClient } from '../images/registry.js';
import { InputError } from '../errors.js';
import { version } from '../version.js';
import type { Scanner } from './types.js';

/** The final stage's base in the target's Dockerfile, if it has one. */
async function dockerfileBase(root: string, images: Parameters<typeof analyzeDockerfile>[2]) {
  for (const file of ['Dockerfile', 'Containerfile']) {
    const text = await readFile(join(root, file), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const { analyzeDockerfile, baseOfStage } = await import('../images/dockerfile.js');
    const base = baseOfStage(analyzeDockerfile(text, file, images).bases);
    if (base?.reference) return { reference: base.reference, file, line: base.line };
  }
  return undefined;
}

/**
 * Pipewarden's own image checks (docs/images.md): the image the pipeline built (--image-archive, or --image
 * from a registry) against its base: drift, freshness, the sanctioned list, and the image's inventory entry.
 */
export const imagePolicy: Scanner = {
  id: 'image-policy',
  title: 'Pipewarden image checks (base drift, freshness, sanctioned bases, inventory)',
  category: 'container',
  stages: ['acceptance', 'production'],
  format: 'sarif',
  target: 'image',
  timeoutMs: 5 * 60_000,
  installHint: 'built in',
  cost: 2,
  detect: async () => ({ available: true, version }),
  select: () => [],
  command: () => {
    throw new Error('the image-policy scanner runs in process');
  },
  exitMeaning: () => 'clean',
  async analyze(target) {
    const registry = new RegistryClient({ insecure: target.images?.insecure_registries });
    let image;
    if (target.imageArchive) {
      image = await readImageArchive(target.imageArchive);
    } else {
      const ref = parseReference(target.image!);
      if (!ref) throw new InputError('is not an image reference', { file: target.image! });
      image = await registry.inspect(ref);
    }
    const bases = [];
    for (const file of target.baseArchives ?? []) bases.push(await readImageArchive(file));
    const vulnerabilities = target.vulnerabilityReports
      ? { image: (await readReport(target.vulnerabilityReports.image)).log, currentBase: (await readReport(target.vulnerabilityReports.base)).log }
      : undefined;
    const { run, inventory } = await checkImage({
      image,
      dockerfile: await dockerfileBase(target.root, target.images),
      policy: target.images,
      registry,
      bases,
      now: target.now ?? new Date(),
      vulnerabilities,
    });
    run.properties = { ...run.properties, 'pipewarden/inventory': inventory };
    return { version: '2.1.0', runs: [run] };
  },
};
