import { randomUUID } from 'node:crypto';
import type { InventoryResult, Package } from './types.js';
import { VERSION } from './version.js';

/** CycloneDX scope: what ships (required), what may (optional), what never does (excluded: dev and test). */
function scopeOf(pkg: Package): 'required' | 'optional' | 'excluded' {
  if (pkg.scope === 'dev' || pkg.scope === 'test') return 'excluded';
  if (pkg.scope === 'optional' || pkg.scope === 'peer' || pkg.scope === 'provided') return 'optional';
  return 'required';
}

/**
 * A CycloneDX 1.5 SBOM (JSON) of the inventory: one library component per package version, keyed by purl,
 * with the manifest it came from; packages only declared (not locked) say so.
 */
export function cyclonedxOf(inventory: InventoryResult, options: { timestamp?: string; serial?: string } = {}): Record<string, unknown> {
  const seen = new Map<string, Record<string, unknown>>();
  for (const pkg of inventory.packages) {
    if (!pkg.version || seen.has(pkg.purl)) continue;
    const properties = [
      { name: 'pipewarden:ecosystem', value: pkg.ecosystem },
      { name: 'pipewarden:manifest', value: pkg.manifest },
      { name: 'pipewarden:direct', value: String(pkg.direct) },
      ...(pkg.unresolved ? [{ name: 'pipewarden:unresolved', value: `declared ${pkg.declared ?? ''}`.trim() }] : []),
      ...(pkg.vendored ? [{ name: 'pipewarden:vendored', value: pkg.location.file }] : []),
    ];
    seen.set(pkg.purl, { type: 'library', 'bom-ref': pkg.purl, name: pkg.name, version: pkg.version, purl: pkg.purl, scope: scopeOf(pkg), properties });
  }
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${options.serial ?? randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: options.timestamp ?? new Date().toISOString(),
      tools: { components: [{ type: 'application', name: 'pipewarden-sca', version: VERSION }] },
    },
    components: [...seen.values()],
  };
}
