import type { Finding } from '../finding.js';
import type { Provenance, ReportLinks } from '../model/provenance.js';
import type { TicketTracker } from '../tickets/types.js';

/** What the platform knows about the build it runs in. */
export interface BuildInfo {
  /** Where the run comes from: commit, branch, repository, default branch, pipeline. */
  provenance?: Provenance | undefined;
  /** Links for the reports: file:line at the commit, the full report. */
  links: ReportLinks;
  /** A full run of the default branch (not a pull/merge request): the only kind whose missing findings mean "fixed". */
  onDefaultBranch: boolean;
  /** A merge request's merge-base with its target: "new in this change" when the commit is in the clone. */
  diffBase?: string | undefined;
  /** The PR/MR's labels as the CI's event or variables gave them (ReviewPort.labels() reads them live). */
  labels?: readonly string[] | undefined;
}

/** Who to ask for a security review: users and teams (GitHub), users and a count of approvals (GitLab). */
export interface ReviewRequest {
  users: readonly string[];
  teams: readonly string[];
  approvals: number;
}

/** The PR/MR's labels and reviewers, for high-risk changes (review.high_risk). */
export interface ReviewPort {
  /** The labels on the PR/MR now. */
  labels(): Promise<string[]>;
  /** Puts a label on the PR/MR; returns what was done, e.g. "label security-review added to PR #12". */
  addLabel(name: string): Promise<string>;
  /** Asks for reviewers (GitHub review requests; GitLab an MR approval rule); returns what was done. */
  requestReviewers(request: ReviewRequest, ruleName: string): Promise<string>;
}

/** One sticky comment on the pull or merge request, edited in place run after run. */
export interface CommentPort {
  /** What it is called in messages: "the PR comment", "the MR note". */
  readonly what: string;
  /** Posts or updates the summary; returns what was done, e.g. "PR comment updated (#12)". */
  upsert(summary: string, stage: string): Promise<string>;
}

/** Where a platform shows results besides comments and tickets (code scanning), and what it reports back. */
export interface UploadPort {
  upload(files: readonly string[]): Promise<{ posted: string[]; notPosted: string[] }>;
}

/**
 * A platform, as core sees it: the build it runs in, and each capability it has (reviewdog's small
 * interfaces). A capability it lacks is left out, never faked.
 */
export interface Platform {
  readonly name: string;
  readonly build: BuildInfo;
  comment?: CommentPort | undefined;
  tracker?: (TicketTracker & { readonly where: string }) | undefined;
  upload?: UploadPort | undefined;
  /** Labels and reviewers of the PR/MR (only inside one, with a token that may write). */
  review?: ReviewPort | undefined;
  /** Line-level annotations in the platform's own UI (GitHub's workflow annotations). */
  annotate?: ((findings: readonly Finding[]) => void) | undefined;
  /** A refusal in the platform's words (a read-only token, a missing scope), one line. */
  describeError?: ((error: unknown) => string) | undefined;
}
