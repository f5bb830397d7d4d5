import { rootReader } from '../files/safe-read.js';
import type { Log } from '../sarif/types.js';
import { version } from '../version.js';
import { DOCKERFILES, byName } from './path-tool.js';
import type { Scanner } from './types.js';

/** No Dockerfile is this long; a file that is, is not one. */
const MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;

/** Pipewarden's own Dockerfile checks (docs/images.md): base pinning, the sanctioned list, root, ADD URLs, secrets, versions. */
export const dockerfile: Scanner = {
  kind: 'analyzer',
  id: 'dockerfile',
  title: 'Pipewarden Dockerfile checks (base images against images.sanctioned)',
  category: 'iac',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 60_000,
  installHint: 'built in',
  fileList: true,
  cost: 1,
  detect: async () => ({ available: true, version }),
  select: byName(DOCKERFILES),
  async analyze(target) {
    // The parser loads when there is a Dockerfile to read, not at every start.
    const { analyzeDockerfile } = await import('../images/dockerfile.js');
    const runs = [];
    const reader = rootReader(target.root);
    for (const file of target.files) {
      // Only a regular file under the root: a Dockerfile that is a symlink out of it, or a FIFO, is not read.
      const read = await reader.read(file, { maxBytes: MAX_DOCKERFILE_BYTES });
      if ('refused' in read) continue;
      runs.push(analyzeDockerfile(read.data.toString('utf8'), file, target.config.images).run);
    }
    // One run for all Dockerfiles: the rules are the same, results say which file.
    const [first, ...rest] = runs;
    for (const run of rest) first!.results!.push(...(run.results ?? []));
    return { version: '2.1.0', runs: first ? [first] : [] } satisfies Log;
  },
};
