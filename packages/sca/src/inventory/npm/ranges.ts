import { lowestOfRange } from '../common/semver-lowest.js';

export interface LowestMatch {
  /** the real package name when the spec is an `npm:` alias */
  name?: string;
  version?: string;
  /** the spec names one version exactly */
  exact?: boolean;
  /** why no registry version can be named: a git, file, link or workspace spec */
  notRegistry?: string;
}

const NOT_REGISTRY = /^(?:file:|link:|portal:|workspace:|git\+|git:|github:|gitlab:|bitbucket:|https?:|exec:|patch:)/;

/**
 * The lowest version a declared npm range admits, which is the version an install could
 * have picked that is oldest, so that advisories for it are not missed.
 */
export function lowestMatch(spec: string): LowestMatch {
  let range = spec.trim();
  let name: string | undefined;
  if (range.startsWith('npm:')) {
    const body = range.slice(4);
    const at = body.lastIndexOf('@');
    if (at > 0) {
      name = body.slice(0, at);
      range = body.slice(at + 1);
    } else {
      name = body;
      range = '';
    }
  }
  if (NOT_REGISTRY.test(range) || /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(range)) {
    return { notRegistry: range };
  }
  const low = lowestOfRange(range);
  return { ...(name ? { name } : {}), ...(low.version ? { version: low.version } : {}), ...(low.exact ? { exact: true } : {}) };
}
