/** An image reference taken apart the way Docker reads it. */
export interface ImageReference {
  /** Registry host (and port); Docker Hub is `docker.io`. */
  registry: string;
  /** Repository path on the registry; Docker Hub's official images are under `library/`. */
  repository: string;
  tag?: string | undefined;
  digest?: string | undefined;
}

const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Parses `[registry/]repository[:tag][@digest]`; undefined when it is not a valid reference. */
export function parseReference(text: string): ImageReference | undefined {
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  // The first part is a registry when it looks like a host: it has a dot or a port, or is localhost.
  if (parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === 'localhost')) registry = parts.shift()!;
  if (!parts.length || !parts.every((p) => COMPONENT.test(p))) return undefined;
  const repository = registry === 'docker.io' && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
  return { registry, repository, tag, digest };
}

/** The short name people write: `node`, `bitnami/redis`, `registry.example.com/base/node`. */
export function familiarName(ref: ImageReference): string {
  if (ref.registry !== 'docker.io') return `${ref.registry}/${ref.repository}`;
  return ref.repository.startsWith('library/') ? ref.repository.slice('library/'.length) : ref.repository;
}

/** `name[:tag][@digest]` in the familiar form. */
export function formatReference(ref: ImageReference): string {
  return `${familiarName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}

/** A glob (`*` within a path segment, `**` across them) as an anchored regular expression. */
function globRegExp(glob: string): RegExp {
  const source = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*');
  return new RegExp(`^${source}$`);
}

/**
 * Whether a reference matches a pattern such as `node:20-*`, `docker.io/library/node`, `registry.example.com/base/**`.
 * A pattern without a tag matches every tag; names are compared in both the familiar and the full form.
 */
export function matchesPattern(ref: ImageReference, pattern: string): boolean {
  const slash = pattern.lastIndexOf('/');
  const colon = pattern.lastIndexOf(':');
  // A colon after the last slash starts a tag; one before it is a registry's port.
  const hasTag = colon > slash;
  const namePattern = hasTag ? pattern.slice(0, colon) : pattern;
  const tagPattern = hasTag ? pattern.slice(colon + 1) : undefined;
  const name = globRegExp(namePattern);
  const names = [familiarName(ref), `${ref.registry}/${ref.repository}`];
  if (!names.some((n) => name.test(n))) return false;
  return tagPattern === undefined || (ref.tag !== undefined && globRegExp(tagPattern).test(ref.tag));
}
