import type { Ecosystem } from '../../types.js';

const PURL_TYPE: Record<Ecosystem, string> = {
  npm: 'npm',
  PyPI: 'pypi',
  Go: 'golang',
  Maven: 'maven',
  Packagist: 'composer',
  RubyGems: 'gem',
  'crates.io': 'cargo',
  NuGet: 'nuget',
};

// The purl spec percent-encodes everything outside its unreserved set in each segment;
// encodeURIComponent leaves a few characters ("!'()*") that the spec wants encoded too.
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Splits a normalised package name into purl namespace segments and name. */
function segments(ecosystem: Ecosystem, name: string): string[] {
  switch (ecosystem) {
    case 'Maven': {
      const [group, artifact] = name.split(':');
      return artifact === undefined ? [name] : [group ?? '', artifact];
    }
    case 'npm':
    case 'Packagist':
    case 'Go':
      return name.split('/');
    default:
      return [name];
  }
}

export function purlOf(ecosystem: Ecosystem, name: string, version: string): string {
  const path = segments(ecosystem, name).map(encodeSegment).join('/');
  return `pkg:${PURL_TYPE[ecosystem]}/${path}${version ? `@${encodeSegment(version)}` : ''}`;
}
