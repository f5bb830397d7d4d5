/** A package-lock.json (v3) of a project that depends on left-pad 1.3.0 alone: enough for lockfile tools and an SBOM. */
export function leftPadLockfile(name: string): string {
  return JSON.stringify({
    name,
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name, version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } },
      'node_modules/left-pad': { version: '1.3.0', resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz', integrity: 'sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQpQcRenBVZXPh+a7vdA99w5RWmZ4ZCrt+bbqSNU9AJmhHkKA==' },
    },
  });
}
