import { z } from 'zod';
import { ConfigError } from '../errors.js';
import { DIFF_FILTERS } from '../identity/scope.js';
import { STAGES } from '../model/stage.js';
import type { Provenance, ReportLinks } from '../model/provenance.js';
import type { TicketAcceptance } from '../tickets/acceptance.js';
import type { Ticket } from '../tickets/types.js';
import type { Targets } from '../model/targets.js';
import type { PipewardenConfig } from '../policy/config-schema.js';
import { FAIL_ON } from '../policy/fail-on.js';
import type { Fetcher } from '../risk/feeds.js';

// The one definition of what a scan takes. `scanOptionsSchema` is what runScan accepts from any platform;
// `SCAN_INPUTS` is the user's view of the same options, which every platform offers under its own naming
// (kebab-case flags and Action inputs, snake_case GitLab inputs, camelCase Jenkins parameters). One test
// (packages/cli/src/platform-options.test.ts) holds every platform to SCAN_INPUTS.

const path = z.string().min(1);

const targetsSchema: z.ZodType<Targets> = z.object({
  url: z.object({ href: z.string().min(1), auth: z.unknown().optional() }).optional(),
  image: z.string().min(1).optional(),
  imageArchive: path.optional(),
  baseArchives: z.array(path).optional(),
  vulnerabilityReports: z.object({ image: path, base: path }).optional(),
});

export const scanOptionsSchema = z.object({
  /** Where relative paths (dir, outDir, reports) resolve: the platform's working directory. */
  cwd: path,
  /** The directory to scan, as the user wrote it (errors name it so). */
  dir: path,
  config: z.custom<PipewardenConfig>((value) => typeof value === 'object' && value !== null),
  /** Where the config came from, as the user would name it (errors in it name this file). */
  configFile: z.string().min(1).optional(),
  stage: z.enum(STAGES),
  /** Scanner ids the user named; [] runs none (only reports); undefined takes the stage's. */
  scanners: z.array(z.string()).readonly().optional(),
  /** Path patterns never scanned nor reported, over pipewarden.yml's `exclude:` (--exclude). */
  exclude: z.array(z.string().trim().min(1).refine((p) => !p.startsWith('!'), 'negation is not supported; use include: in pipewarden.yml')).readonly().optional(),
  /** Only the files staged in git (pre-commit). */
  staged: z.boolean().optional(),
  reports: z.array(z.object({ file: path, format: z.string().optional() })).readonly().optional(),
  outDir: path,
  /**
   * The key of secret identities (docs/identity.md); default: PIPEWARDEN_SECRET_KEY of `env`. Without one, secret
   * hashes are derived with scrypt from the repository's name (provenance.repository).
   */
  secretKey: z.string().min(1).optional(),
  // process.env is not a plain object: checked for shape, not prototype.
  env: z.custom<Readonly<Record<string, string | undefined>>>((value) => typeof value === 'object' && value !== null),
  /** Folders of installed tools (the tool cache), searched before the PATH of env: the scanners run the verified builds. */
  toolDirs: z.array(z.string().min(1)).readonly().optional(),
  /** SARIF of the last default-branch run: results become new / unchanged / updated, and gone ones absent. */
  baseline: path.optional(),
  /** Scope the gate to what changed since the merge-base with this ref. */
  diffBase: z.string().min(1).optional(),
  /** The PR/MR's labels, as the platform adapter read them: the approval label of review.high_risk. */
  labels: z.array(z.string()).readonly().optional(),
  diffFilter: z.enum(DIFF_FILTERS).optional(),
  /** Run one shard of the work (parallel CI jobs); `pipewarden merge` joins the shards. */
  shard: z.object({ index: z.number().int().min(1), total: z.number().int().min(1) }).optional(),
  /** What the run targets besides files, passed to the scanners unchanged. */
  targets: targetsSchema.optional(),
  /** Where the run came from, as the platform tells; the commit defaults to git's HEAD. */
  provenance: z.custom<Provenance>().optional(),
  /** Tickets a person closed as accepted (read from the tracker before the scan): their findings are waived while it holds. */
  ticketAcceptances: z.custom<readonly TicketAcceptance[]>().optional(),
  /** The tracker's tickets read before the scan: the history names each finding's ticket (the dashboard links it). */
  tickets: z.custom<readonly Ticket[]>().optional(),
  /** Stop at the first scanner whose findings alone fail the gate (running scanners are stopped). */
  failFast: z.boolean().optional(),
  /** KEV and EPSS files kept by the user (offline, reproducible); else the feed cache. */
  feedsDir: path.optional(),
  /** OSV advisories kept by the user (a folder of records or all.zip exports): nothing downloaded. */
  advisoriesDir: path.optional(),
  feedCache: z.object({ cacheDir: path, fetch: z.custom<Fetcher>().optional(), offline: z.boolean().optional() }).optional(),
  /** The day waivers and the feed cache are judged by (YYYY-MM-DD); default today (UTC). */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Links for the reports: file:line at the commit, the full report (the platform knows them). */
  links: z.custom<ReportLinks>().optional(),
  /** The history file: read for the trend, then this run's line is added (not by a shard: the merge's gate adds it). */
  history: z.object({ file: path, shown: z.string() }).optional(),
});

export type ScanOptions = z.input<typeof scanOptionsSchema>;
export type FeedCache = NonNullable<ScanOptions['feedCache']>;

/** Checks options given by a platform (or a program); every problem at once, each with its path. */
export function parseScanOptions(options: ScanOptions): z.output<typeof scanOptionsSchema> {
  const parsed = scanOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`);
  throw new ConfigError(`invalid scan options: ${problems.join('; ')}`, { problems });
}

/** How a user-facing option is typed on the platforms: a CI input is a string, a boolean or a number. */
export type InputKind = 'string' | 'boolean' | 'number' | 'list' | 'enum';

export interface ScanInput {
  kind: InputKind;
  /** The default every platform shows ('' for none). */
  default: string | boolean | number;
  values?: readonly string[];
  /** Platforms that do not offer it, and why (a platform-only input is declared on that platform alone). */
  absent?: Partial<Record<Platform, string>>;
  /** A name that differs from the platform's convention for this option. */
  names?: Partial<Record<Platform, string>>;
}

export type Platform = 'cli' | 'action' | 'gitlab' | 'jenkins';

const PER_JOB = 'the CI job runs one shard; shards are a CLI option the job passes';
const ADVISORIES = 'sca.advisories_dir in pipewarden.yml, or PIPEWARDEN_ADVISORIES_DIR in the job';
const IMAGE_FILES = 'image archives and reports are passed as CLI options in the job that built the image';

/** Every option of `pipewarden scan` that a user sets, by its kebab-case name. */
export const SCAN_INPUTS: Readonly<Record<string, ScanInput>> = {
  'working-directory': { kind: 'string', default: '.', names: { cli: 'DIR' } },
  config: { kind: 'string', default: '' },
  stage: { kind: 'enum', values: STAGES, default: 'commit', names: { gitlab: 'pipewarden_stage' } },
  scanners: { kind: 'string', default: '' },
  reports: { kind: 'list', default: '', names: { cli: '--report' } },
  exclude: { kind: 'list', default: '' },
  baseline: { kind: 'string', default: '' },
  'diff-base': { kind: 'string', default: '' },
  'target-url': { kind: 'string', default: '' },
  image: { kind: 'string', default: '' },
  'fail-on': { kind: 'enum', values: FAIL_ON, default: 'policy' },
  comment: { kind: 'boolean', default: true, names: { cli: '--no-note' } },
  tickets: { kind: 'enum', values: ['none', 'gitlab', 'github', 'jira'], default: 'none' },
  'jira-url': { kind: 'string', default: '' },
  'jira-project': { kind: 'string', default: '' },
  'max-new-tickets': { kind: 'number', default: 10 },
  'out-dir': { kind: 'string', default: '.pipewarden' },
  'feeds-dir': { kind: 'string', default: '' },
  'advisories-dir': { kind: 'string', default: '', absent: { action: ADVISORIES, gitlab: ADVISORIES, jenkins: ADVISORIES } },
  'install-tools': { kind: 'boolean', default: false },
  history: { kind: 'string', default: '' },
  staged: { kind: 'boolean', default: false, absent: { action: 'pre-commit only', gitlab: 'pre-commit only', jenkins: 'pre-commit only' } },
  'diff-filter': { kind: 'enum', values: DIFF_FILTERS, default: 'added', absent: { action: 'the CLI option, for local runs', gitlab: 'the CLI option, for local runs', jenkins: 'the CLI option, for local runs' } },
  shard: { kind: 'string', default: '', absent: { action: PER_JOB, gitlab: PER_JOB } },
  'fail-fast': { kind: 'boolean', default: false, absent: { action: 'local runs', gitlab: 'local runs', jenkins: 'local runs' } },
  'image-archive': { kind: 'string', default: '', absent: { action: IMAGE_FILES, gitlab: IMAGE_FILES, jenkins: IMAGE_FILES } },
  'base-archive': { kind: 'list', default: '', absent: { action: IMAGE_FILES, gitlab: IMAGE_FILES, jenkins: IMAGE_FILES } },
  'image-report': { kind: 'string', default: '', absent: { action: IMAGE_FILES, gitlab: IMAGE_FILES, jenkins: IMAGE_FILES } },
  'base-report': { kind: 'string', default: '', absent: { action: IMAGE_FILES, gitlab: IMAGE_FILES, jenkins: IMAGE_FILES } },
};

/** The name an option has on a platform: kebab-case flags and inputs, snake_case in GitLab, camelCase in Jenkins. */
export function inputName(option: string, platform: Platform): string {
  const named = SCAN_INPUTS[option]?.names?.[platform];
  if (named) return named;
  if (platform === 'cli') return `--${option}`;
  if (platform === 'gitlab') return option.replace(/-/g, '_');
  if (platform === 'jenkins') return option.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return option;
}
