import { DockerfileParser, type Add, type Arg, type Env, type From, type Instruction } from 'dockerfile-ast';
import { RunBuilder, fileLocation, type ResultSpec } from '../formats/toolkit.js';
import type { ImagesPolicy } from '../policy/config-schema.js';
import { REDACTED, redactText } from '../sarif/redact.js';
import type { Run } from '../sarif/types.js';
import { formatReference, parseReference, type ImageReference } from './reference.js';
import { sanctionedEntry } from './sanctioned.js';

/** What the analysis found out about a stage's base, for the image checks that follow the build. */
export interface StageBase {
  stage: number;
  alias?: string | undefined;
  /** As written, variables resolved. */
  image: string;
  reference?: ImageReference | undefined;
  /** The stage it builds on, when FROM names an earlier stage. */
  fromStage?: number | undefined;
  line: number;
}

const RULES = {
  unpinned: { id: 'PW-DF001', name: 'base-image-not-pinned', short: 'Base image not pinned by digest', score: 4, help: 'A tag can be moved to other content at any time: the same Dockerfile then builds on code nobody reviewed. Pin the base as name:tag@sha256:… and let a bot (Renovate, Dependabot) propose the updates.' },
  latest: { id: 'PW-DF002', name: 'base-image-latest', short: 'Base image is `latest` or has no tag', score: 5, help: '`latest` (or no tag) follows whatever was pushed last, including a new major version: builds stop being reproducible and can change under you. Name a version, and pin the digest.' },
  unsanctioned: { id: 'PW-DF003', name: 'base-image-not-sanctioned', short: 'Base image not on the sanctioned list', score: 7, help: 'Only base images on the sanctioned list (images.sanctioned in pipewarden.yml) are maintained, scanned and patched by the platform team. Build on one of them, or have the image added to the list.' },
  finalUnsanctioned: { id: 'PW-DF004', name: 'final-stage-not-sanctioned', short: 'Final stage of a multi-stage build not from a sanctioned image', score: 7, help: 'What ships is the final stage: build stages may use any toolchain image, but the final stage must start from a sanctioned base (images.sanctioned in pipewarden.yml).' },
  root: { id: 'PW-DF005', name: 'runs-as-root', short: 'The image runs as root', score: 6, help: 'A process running as root in a container is one kernel bug away from root on the host. Add a user and end the final stage with USER <name or uid>.' },
  addUrl: { id: 'PW-DF006', name: 'add-from-url', short: 'ADD fetches from a URL', score: 5, help: 'ADD <url> downloads whatever the server returns at build time, with no check of what it is. Download with curl and verify a checksum, or use ADD --checksum=sha256:….' },
  secret: { id: 'PW-DF007', name: 'secret-in-env-or-arg', short: 'Secret in ENV or ARG', score: 8, help: 'ENV values are stored in the image and ARG values in its history: anyone who can pull the image can read them. Pass secrets at build time with RUN --mount=type=secret, and at run time from the platform.' },
  unpinnedPackages: { id: 'PW-DF008', name: 'package-install-without-version', short: 'Packages installed without versions', score: 3, help: 'Installing packages without versions builds whatever the mirror has that day: pin them (apt-get install pkg=1.2.3, apk add pkg=1.2.3-r0, pip install pkg==1.2.3, npm install -g pkg@1.2.3) so rebuilds are reproducible and reviewable.' },
} as const;

const SECRET_NAME = /(?:^|_)(?:PASS(?:WORD|WD)?|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIALS?|AUTH)(?:_|$)/i;

/** $VAR and ${VAR} from the ARGs declared before the first FROM (their defaults): FROM may use only those. */
function resolve(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+][^}]*)?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, a: string | undefined, b: string | undefined) => args.get((a ?? b)!) ?? whole);
}

const lineOf = (instruction: Instruction) => instruction.getRange().start.line + 1;

/** The base a stage really starts from: FROM <earlier stage> followed back to an image (the last stage: what ships). */
export function baseOfStage(bases: readonly StageBase[], stage = bases.length - 1): StageBase | undefined {
  let base = bases[stage];
  for (let guard = 0; base?.fromStage !== undefined && guard < bases.length; guard++) base = bases[base.fromStage];
  return base;
}

/** The words of a shell command line, split at && || ; | and newlines (enough for install commands). */
function commands(script: string): string[][] {
  return script
    .replace(/\\\r?\n/g, ' ')
    .split(/&&|\|\||;|\||\n/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .filter((words) => words.length);
}

/** Package arguments of install commands that name no version. */
function unversionedPackages(script: string): { manager: string; packages: string[] }[] {
  const found: { manager: string; packages: string[] }[] = [];
  for (let words of commands(script)) {
    while (words[0] === 'sudo' || words[0] === 'env' || /^[A-Z_]+=/.test(words[0] ?? '')) words = words.slice(1);
    const [tool, verb, ...rest] = words;
    let manager: string | undefined;
    let args: string[] = [];
    let pinned: (pkg: string) => boolean = () => true;
    if ((tool === 'apt-get' || tool === 'apt') && verb === 'install') {
      manager = tool;
      args = rest;
      pinned = (p) => p.includes('=') || p.endsWith('.deb');
    } else if (tool === 'apk' && verb === 'add') {
      manager = 'apk';
      args = rest;
      pinned = (p) => /[=~<>]/.test(p);
    } else if ((tool === 'yum' || tool === 'dnf' || tool === 'microdnf') && verb === 'install') {
      manager = tool;
      args = rest;
      pinned = (p) => /-\d/.test(p) || p.endsWith('.rpm');
    } else if ((tool === 'pip' || tool === 'pip3') && verb === 'install') {
      manager = tool;
      // -r requirements.txt and -e . install what files pin (or not): not judged here.
      if (rest.some((a) => a === '-r' || a === '--requirement' || a === '-e' || a === '--editable' || a === '.')) continue;
      args = rest;
      pinned = (p) => /[=<>~]=|@/.test(p);
    } else if (tool === 'npm' && (verb === 'install' || verb === 'i' || verb === 'add') && rest.some((a) => a === '-g' || a === '--global')) {
      manager = 'npm';
      args = rest;
      pinned = (p) => /.@\S/.test(p.replace(/^@/, ''));
    } else if (tool === 'gem' && verb === 'install') {
      if (rest.some((a) => a === '-v' || a === '--version' || a.startsWith('--version='))) continue;
      manager = 'gem';
      args = rest;
      pinned = (p) => p.includes(':');
    }
    if (!manager) continue;
    // Options (and the values of the few that take one) are not packages; variables are left alone.
    const packages = args.filter((a, i) => !a.startsWith('-') && !/^(?:-o|-t|--target-release|-c)$/.test(args[i - 1] ?? '') && !a.startsWith('$') && !pinned(a));
    if (packages.length) found.push({ manager, packages });
  }
  return found;
}

function isRoot(user: string): boolean {
  const name = user.trim().split(':')[0]!;
  return name === 'root' || name === '0';
}

/**
 * Reads a Dockerfile and reports what makes the image it builds hard to trust: an unpinned or `latest`
 * base, a base (or final stage) off the sanctioned list, root at run time, ADD from a URL, secrets in
 * ENV/ARG, packages installed without versions. `file` is the path the findings point at.
 */
export function analyzeDockerfile(text: string, file: string, policy: ImagesPolicy | undefined): { run: Run; bases: StageBase[] } {
  const dockerfile = DockerfileParser.parse(text);
  const builder = new RunBuilder({ name: 'Pipewarden Dockerfile', informationUri: 'https://github.com/pipewarden/pipewarden/blob/main/docs/images.md' });
  for (const rule of Object.values(RULES)) builder.rule({ id: rule.id, name: rule.name, short: rule.short, help: rule.help, score: rule.score, precision: 'high', tags: ['container', 'dockerfile'] });
  const report = (rule: (typeof RULES)[keyof typeof RULES], instruction: Instruction, message: string, extra: Partial<ResultSpec> = {}) => {
    const range = instruction.getRange();
    builder.result({
      ruleId: rule.id,
      message,
      score: rule.score,
      category: 'iac',
      locations: [fileLocation(file, { startLine: range.start.line + 1, endLine: range.end.line + 1, startColumn: range.start.character + 1 })],
      ...extra,
    });
  };

  const globalArgs = new Map<string, string>();
  for (const arg of dockerfile.getInitialARGs()) {
    const property = arg.getProperty();
    const value = property?.getValue();
    if (property && value !== null && value !== undefined) globalArgs.set(property.getName(), value);
  }

  const froms = dockerfile.getFROMs();
  const bases: StageBase[] = [];
  const aliases = new Map<string, number>();
  froms.forEach((from: From, stage) => {
    const written = from.getImage() ?? '';
    const image = resolve(written, globalArgs);
    const alias = from.getBuildStage() ?? undefined;
    const fromStage = aliases.get(image.toLowerCase()) ?? (/^\d+$/.test(image) && Number(image) < stage ? Number(image) : undefined);
    const reference = fromStage === undefined && image !== 'scratch' ? parseReference(image) : undefined;
    bases.push({ stage, alias, image, reference, fromStage, line: lineOf(from) });
    if (alias) aliases.set(alias.toLowerCase(), stage);
  });

  const finalStage = bases.length - 1;
  for (const base of bases) {
    const from = froms[base.stage]!;
    if (base.fromStage !== undefined || base.image === 'scratch') continue;
    if (!base.reference) continue;
    const shown = formatReference(base.reference);
    if (!base.reference.digest) report(RULES.unpinned, from, `The base image ${shown} is not pinned by digest: its tag can move to other content.`, { image: { reference: shown } });
    if (!base.reference.digest && (!base.reference.tag || base.reference.tag === 'latest')) report(RULES.latest, from, `The base image ${shown} ${base.reference.tag ? 'uses the `latest` tag' : 'has no tag (Docker takes `latest`)'}.`, { image: { reference: shown } });
  }
  if (policy?.sanctioned?.length) {
    // Build stages may use any toolchain image: what ships is the final stage, followed back to its base.
    const multiStage = bases.length > 1;
    const shipped = baseOfStage(bases);
    if (shipped && shipped.image !== 'scratch') {
      const entry = shipped.reference ? sanctionedEntry(shipped.reference, policy.sanctioned) : undefined;
      const shown = shipped.reference ? formatReference(shipped.reference) : shipped.image;
      if (!entry) {
        const from = froms[finalStage]!;
        if (multiStage) report(RULES.finalUnsanctioned, from, `The final stage builds on ${shown}, which is not on the sanctioned list (images.sanctioned).`, { image: { reference: shown } });
        else report(RULES.unsanctioned, from, `The base image ${shown} is not on the sanctioned list (images.sanctioned).`, { image: { reference: shown } });
      }
    }
  }

  // The user the image runs as: the last USER of the final stage (or of the stages it builds on).
  const instructionsOf = (stage: number): Instruction[] => {
    const start = bases[stage]!.line;
    const end = stage + 1 < bases.length ? bases[stage + 1]!.line : Number.POSITIVE_INFINITY;
    return dockerfile.getInstructions().filter((i) => lineOf(i) > start && lineOf(i) < end);
  };
  if (bases.length) {
    let user: { value: string; at: Instruction } | undefined;
    for (let stage: number | undefined = finalStage; stage !== undefined && !user; stage = bases[stage]!.fromStage) {
      const users = instructionsOf(stage).filter((i) => i.getKeyword() === 'USER');
      const last = users.at(-1);
      if (last) user = { value: last.getArgumentsContent() ?? '', at: last };
    }
    if (!user) report(RULES.root, froms[finalStage]!, 'The final stage sets no USER: the container runs as root.');
    else if (isRoot(user.value)) report(RULES.root, user.at, `The final stage ends with USER ${user.value.trim()}: the container runs as root.`);
  }

  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'ADD') {
      const args = instruction.getArguments().map((a) => a.getValue());
      const checksum = (instruction as Add).getFlags().some((flag) => flag.getName() === 'checksum') || args.some((a) => a.startsWith('--checksum='));
      const url = args.filter((a) => !a.startsWith('--')).slice(0, -1).find((a) => /^https?:\/\//i.test(a));
      if (url && !checksum) report(RULES.addUrl, instruction, `ADD downloads ${redactText(url)} at build time without verifying it.`);
    } else if (keyword === 'ENV' || keyword === 'ARG') {
      const properties = keyword === 'ENV' ? (instruction as Env).getProperties() : [(instruction as Arg).getProperty()].filter((p) => p !== null);
      for (const property of properties) {
        const name = property.getName();
        const value = property.getValue();
        if (value === null || value === undefined || value === '' || /^\$\{?[A-Za-z_]/.test(value)) continue;
        const shaped = redactText(value) !== value;
        if (!SECRET_NAME.test(name) && !shaped) continue;
        // The value itself is never written anywhere: only its name, and a salted hash for identity.
        report(RULES.secret, instruction, `${keyword} ${name} holds a secret value (${REDACTED}): it is stored in the image${keyword === 'ARG' ? "'s history" : ''}.`, { category: 'secrets', secret: value });
      }
    } else if (keyword === 'RUN') {
      const script = instruction.getArgumentsContent() ?? '';
      for (const { manager, packages } of unversionedPackages(script)) {
        const shown = packages.slice(0, 8).join(', ') + (packages.length > 8 ? ` and ${packages.length - 8} more` : '');
        report(RULES.unpinnedPackages, instruction, `${manager} installs ${shown} without a version.`);
      }
    }
  }
  return { run: builder.build(), bases };
}
