import { PROP } from '../sarif/props.js';
import { rootReader } from '../files/safe-read.js';
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
  const reader = rootReader(root);
  for (const file of ['Dockerfile', 'Containerfile']) {
    const read = await reader.read(file, { maxBytes: 4 * 1024 * 1024 });
    if ('refused' in read) continue;
    const text = read.data.toString('utf8');
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
  kind: 'analyzer',
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
  async analyze(target) {
    const { targets, config } = target;
    const registry = new RegistryClient({ insecure: config.images?.insecure_registries });
    let image;
    if (targets.imageArchive) {
      image = await readImageArchive(targets.imageArchive);
    } else {
      const ref = parseReference(targets.image!);
      if (!ref) throw new InputError('is not an image reference', { file: targets.image! });
      image = await registry.inspect(ref);
    }
    const bases = [];
    for (const file of targets.baseArchives ?? []) bases.push(await readImageArchive(file));
    const vulnerabilities = targets.vulnerabilityReports
      ? { image: (await readReport(targets.vulnerabilityReports.image)).log, currentBase: (await readReport(targets.vulnerabilityReports.base)).log }
      : undefined;
    const { run, inventory } = await checkImage({
      image,
      dockerfile: await dockerfileBase(target.root, config.images),
      policy: config.images,
      registry,
      bases,
      now: target.now ?? new Date(),
      vulnerabilities,
    });
    run.properties = { ...run.properties, [PROP.inventory]: inventory };
    return { version: '2.1.0', runs: [run] };
  },
};
