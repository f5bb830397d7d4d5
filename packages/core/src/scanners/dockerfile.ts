import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Log } from '../sarif/types.js';
import { version } from '../version.js';
import { DOCKERFILES, byName } from './path-tool.js';
import type { Scanner } from './types.js';

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
    for (const file of target.files) {
      const text = await readFile(join(target.root, file), 'utf8');
      runs.push(analyzeDockerfile(text, file, target.config.images).run);
    }
    // One run for all Dockerfiles: the rules are the same, results say which file.
    const [first, ...rest] = runs;
    for (const run of rest) first!.results!.push(...(run.results ?? []));
    return { version: '2.1.0', runs: first ? [first] : [] } satisfies Log;
  },
};
