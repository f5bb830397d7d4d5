import { PROP, prop } from '../sarif/props.js';
import { RunBuilder, fileLocation, logicalLocation, type ResultSpec } from '../formats/toolkit.js';
import type { ImagesPolicy } from '../policy/config-schema.js';
import type { Log, Run } from '../sarif/types.js';
import type { ImageFacts } from './archive.js';
import { familiarName, formatReference, parseReference, type ImageReference } from './reference.js';
import type { RegistryClient } from './registry.js';
import { sanctionedEntry } from './sanctioned.js';

/** One image of the run, as the inventory (report.json, the history) keeps it. */
export interface ImageInventory {
  names: string[];
  digest: string;
  created?: string | undefined;
  base?:
    | {
        name: string;
        /** The base digest the image is built on, when known (label, or its layers matched). */
        digest?: string | undefined;
        /** What the tag points at now, when the registry was asked. */
        currentDigest?: string | undefined;
        fresh?: boolean | undefined;
        sanctioned?: boolean | undefined;
        created?: string | undefined;
      }
    | undefined;
  layers: { total: number; base?: number | undefined; added: { digest: string; createdBy?: string | undefined }[] };
  sbom?: { generator: string; components: number } | undefined;
}

export interface ImageCheckInput {
  image: ImageFacts;
  /** The final stage's base as the Dockerfile names it, and where. */
  dockerfile?: { reference: ImageReference; file: string; line: number } | undefined;
  policy?: ImagesPolicy | undefined;
  /** To look up the base: its layers, and what its tag points at now. Without it, only labels and the policy judge. */
  registry?: RegistryClient | undefined;
  /** Bases given as archives (the sanctioned base saved beside the build), tried before the registry. */
  bases?: readonly ImageFacts[] | undefined;
  now: Date;
  /** Vulnerability reports (SARIF) of the image and of the base's current build: what upstream fixed. */
  vulnerabilities?: { image: Log; currentBase: Log } | undefined;
  sbom?: { generator: string; components: number } | undefined;
}

const RULES = {
  unsanctioned: { id: 'PW-IMG001', name: 'image-base-not-sanctioned', short: 'Image built on a base that is not sanctioned', score: 7, help: 'The image does not start from a base image on the sanctioned list (images.sanctioned in pipewarden.yml).' },
  drift: { id: 'PW-IMG002', name: 'image-base-drift', short: 'Base layers differ from the sanctioned base', score: 8, help: "The image's first layers are not the sanctioned base image's: the base was rebuilt, patched or replaced outside the pipeline. Rebuild on the sanctioned digest, or have the new base sanctioned." },
  outdated: { id: 'PW-IMG003', name: 'image-base-outdated', short: 'Image built on an outdated base', score: 4, help: 'The base tag now points at a newer build (usually with security fixes), or the base is older than images.max_base_age_days. Rebuild the image to pick it up.' },
} as const;

const DAY = 24 * 3600 * 1000;

/** Whether `prefix` is the first layers of `layers`. */
const startsWith = (layers: readonly string[], prefix: readonly string[]) => prefix.length > 0 && prefix.length <= layers.length && prefix.every((d, i) => layers[i] === d);

/** Vulnerability ids in a log (CVE or the rule), per package when known: the set a report holds. */
function vulnerabilityKeys(log: Log): Set<string> {
  const keys = new Set<string>();
  for (const run of log.runs) {
    for (const result of run.results ?? []) {
      const pkg = prop(result.properties, PROP.package)?.name ?? '';
      keys.add(`${result.ruleId ?? ''}\u0000${pkg}`);
    }
  }
  return keys;
}

/**
 * Judges a built image against its base: which layers the build added, whether the base layers are the
 * sanctioned base's (drift), whether the base tag has moved on since (freshness, priority rising with the
 * age and with what upstream fixed), and whether the base is sanctioned at all. Returns the findings as one
 * SARIF run and the image's inventory entry.
 */
export async function checkImage(input: ImageCheckInput): Promise<{ run: Run; inventory: ImageInventory }> {
  const { image, policy } = input;
  const builder = new RunBuilder({ name: 'Pipewarden Image', informationUri: 'https://github.com/pipewarden/pipewarden/blob/main/docs/images.md' });
  for (const rule of Object.values(RULES)) builder.rule({ id: rule.id, name: rule.name, short: rule.short, help: rule.help, score: rule.score, precision: 'high', tags: ['container', 'image'] });
  const shown = image.names[0] ?? image.digest;
  const where = input.dockerfile ? fileLocation(input.dockerfile.file, { startLine: input.dockerfile.line }) : undefined;
  const report = (rule: (typeof RULES)[keyof typeof RULES], message: string, extra: Partial<ResultSpec> = {}) =>
    builder.result({ ruleId: rule.id, message, score: rule.score, category: 'container', locations: [where], logicalLocations: [logicalLocation(shown, 'image')], image: { reference: shown }, ...extra });

  // The base: the label the build wrote (org.opencontainers.image.base.*), else the Dockerfile's FROM.
  const labelName = image.labels['org.opencontainers.image.base.name'];
  const labelDigest = image.labels['org.opencontainers.image.base.digest'];
  const baseRef = (labelName ? parseReference(labelName) : undefined) ?? input.dockerfile?.reference;
  const inventory: ImageInventory = { names: image.names, digest: image.digest, created: image.created, layers: { total: image.layers.length, added: [] }, sbom: input.sbom };
  if (!baseRef) return { run: builder.build(), inventory };

  const entry = policy?.sanctioned?.length ? sanctionedEntry({ ...baseRef, digest: undefined }, policy.sanctioned) : undefined;
  const base: NonNullable<ImageInventory['base']> = { name: formatReference({ ...baseRef, digest: undefined }), digest: labelDigest ?? baseRef.digest, sanctioned: policy?.sanctioned?.length ? entry !== undefined : undefined };
  inventory.base = base;
  if (policy?.sanctioned?.length && !entry) report(RULES.unsanctioned, `${shown} is built on ${base.name}, which is not on the sanctioned list (images.sanctioned).`);

  // Candidate bases, each with its layers: archives given, then the registry (the used digest, the current tag, the sanctioned digests).
  const known = new Map<string, ImageFacts>();
  for (const facts of input.bases ?? []) known.set(facts.digest, facts);
  const lookup = async (digestOrTag: { digest?: string; tag?: string }): Promise<ImageFacts | undefined> => {
    if (digestOrTag.digest && known.has(digestOrTag.digest)) return known.get(digestOrTag.digest);
    const local = [...known.values()].find((f) => f.names.some((n) => { const r = parseReference(n); return r && familiarName(r) === familiarName(baseRef) && (digestOrTag.tag === undefined || r.tag === digestOrTag.tag); }));
    if (local && !digestOrTag.digest) return local;
    if (!input.registry) return undefined;
    const facts = await input.registry.inspect({ ...baseRef, tag: digestOrTag.tag ?? baseRef.tag, digest: digestOrTag.digest });
    known.set(facts.digest, facts);
    return facts;
  };

  const current = baseRef.tag || !baseRef.digest ? await lookup({ tag: baseRef.tag ?? 'latest' }) : undefined;
  if (current) base.currentDigest = current.digest;
  let used = base.digest ? await lookup({ digest: base.digest }) : undefined;
  // No label: the base is whichever candidate's layers the image starts with.
  if (!used && current && startsWith(image.layers, current.layers)) used = current;
  if (!used) for (const digest of entry?.digests ?? []) {
    const facts = await lookup({ digest }).catch(() => undefined);
    if (facts && startsWith(image.layers, facts.layers)) {
      used = facts;
      break;
    }
  }
  if (used) {
    base.digest ??= used.digest;
    base.created = used.created;
  }

  const baseLayers = used && startsWith(image.layers, used.layers) ? used.layers.length : undefined;
  inventory.layers.base = baseLayers;
  const history = image.history.filter((h) => !h.emptyLayer);
  const from = baseLayers ?? 0;
  inventory.layers.added = image.layers.slice(from).map((digest, i) => ({ digest, createdBy: history[from + i]?.createdBy }));

  // Drift: the base layers are not those of the base the image says (or is sanctioned to be) built on.
  const sanctionedDigests = entry?.digests;
  if (used && baseLayers === undefined) {
    report(RULES.drift, `${shown} says it is built on ${base.name}@${used.digest}, but its first layers are not that image's: the base was rebuilt or patched outside the pipeline.`);
  } else if (!used && (current || sanctionedDigests?.length)) {
    report(RULES.drift, `${shown} does not start with the layers of ${base.name} (neither what its tag points at now${sanctionedDigests?.length ? ' nor a sanctioned digest' : ''}): the base was rebuilt or patched outside the pipeline.`);
  } else if (used && sanctionedDigests?.length && !sanctionedDigests.includes(used.digest)) {
    report(RULES.drift, `${shown} is built on ${base.name}@${used.digest}, which is not one of its sanctioned digests.`);
  }

  // Freshness: the tag has moved on, or the base is older than allowed. Priority rises with age and with fixes upstream.
  if (used && current) base.fresh = used.digest === current.digest;
  const ageDays = used?.created ? Math.floor((input.now.getTime() - Date.parse(used.created)) / DAY) : undefined;
  const tooOld = ageDays !== undefined && policy?.max_base_age_days !== undefined && ageDays > policy.max_base_age_days;
  if (base.fresh === false || tooOld) {
    let fixed: number | undefined;
    if (input.vulnerabilities) {
      const now = vulnerabilityKeys(input.vulnerabilities.currentBase);
      fixed = [...vulnerabilityKeys(input.vulnerabilities.image)].filter((key) => !now.has(key)).length;
    }
    const lag = used?.created && current?.created ? Math.max(0, Math.floor((Date.parse(current.created) - Date.parse(used.created)) / DAY)) : undefined;
    const age = ageDays ?? lag ?? 0;
    // 4 (medium) for a moved tag; +1 per 30 days of age (at most +3); +1 per 5 fixes upstream (at most +3).
    const score = Math.min(10, RULES.outdated.score + Math.min(3, Math.floor(age / 30)) + Math.min(3, Math.ceil((fixed ?? 0) / 5)));
    const why = [
      base.fresh === false ? `${base.name} now points at ${current!.digest}, not the ${used!.digest} it was built on` : undefined,
      ageDays !== undefined ? `the base is ${ageDays} days old${tooOld ? ` (more than images.max_base_age_days, ${policy!.max_base_age_days})` : ''}` : undefined,
      fixed !== undefined ? `${fixed} vulnerabilit${fixed === 1 ? 'y is' : 'ies are'} fixed in the current base` : undefined,
    ].filter(Boolean);
    report(RULES.outdated, `${shown} is built on an outdated base: ${why.join('; ')}.`, { score, properties: { [PROP.baseAgeDays]: age, ...(fixed !== undefined ? { [PROP.fixedUpstream]: fixed } : {}) } });
  }
  return { run: builder.build(), inventory };
}
