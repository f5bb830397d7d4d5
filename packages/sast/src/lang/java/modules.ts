import { posix } from 'node:path';
import type { ModuleTarget } from '../types.js';

const BY_NAME = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

/** The .java files of a scan by their base name, built once per scan. */
function javaFilesByName(files: ReadonlySet<string>): Map<string, string[]> {
  let index = BY_NAME.get(files);
  if (!index) {
    index = new Map();
    for (const file of files) {
      if (!file.endsWith('.java')) continue;
      const base = posix.basename(file, '.java');
      index.set(base, [...(index.get(base) ?? []), file]);
    }
    BY_NAME.set(files, index);
  }
  return index;
}

/**
 * A class name as written (`org.acme.Db`, an imported `Db`, or a simple `Db` of the same package) → the file of
 * the scan declaring it, else the name's segments (a library class: `java.io.File`, `Math`).
 */
export function resolveJavaModule(spec: string, from: string, files: ReadonlySet<string>): ModuleTarget {
  const segments = spec.split('.');
  if (spec.startsWith('$')) return { package: segments };
  const name = segments.at(-1)!;
  const candidates = javaFilesByName(files).get(name);
  if (candidates) {
    if (segments.length > 1) {
      const suffix = `${segments.join('/')}.java`;
      const found = candidates.find((f) => f === suffix || f.endsWith(`/${suffix}`));
      if (found) return { file: found };
    } else {
      const same = posix.join(posix.dirname(from), `${name}.java`);
      if (candidates.includes(same) && same !== from) return { file: same };
    }
  }
  return { package: segments };
}
