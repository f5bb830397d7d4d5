import { PROP, prop } from './props.js';

// SARIF types come from @types/sarif, re-exported from this one place and never redefined.
export type {
  Artifact,
  ArtifactLocation,
  Fix,
  Invocation,
  Location,
  Log,
  LogicalLocation,
  Message,
  MultiformatMessageString,
  Notification,
  PhysicalLocation,
  PropertyBag,
  Region,
  ReportingDescriptor,
  Result,
  Run,
  Suppression,
  Tool,
  ToolComponent,
} from 'sarif';

/** The official schema URI written into every log Pipewarden produces. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_VERSION = '2.1.0';

/** Our fingerprint, in partialFingerprints. */
export const FINGERPRINT_KEY = 'pipewarden/v1';

/** A result's Pipewarden fingerprint (logs before 0.2 also carried it in properties). */
export function fingerprintOf(result: { partialFingerprints?: Record<string, string>; properties?: Record<string, unknown> }): string | undefined {
  return result.partialFingerprints?.[FINGERPRINT_KEY] ?? prop(result.properties, PROP.fingerprint);
}

/** Pipewarden's own facts ride in property bags under this prefix: every key, with its type, in props.ts. */
export { PROP, prop, type PipewardenProps, type PropKey } from './props.js';

/** The uriBaseId of every location Pipewarden writes: relative to the repository, never the runner's disk. */
export const SRCROOT = '%SRCROOT%';
