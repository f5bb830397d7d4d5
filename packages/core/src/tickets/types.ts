import type { Priority } from '../finding.js';
import type { TicketPlan } from './plan.js';

/**
 * A run of ticket text. `text` is report text (hostile: the renderer escapes it, to at most `max`
 * characters); `plain` and `strong` are Pipewarden's own words; `code` is a literal, linked when `href` is set.
 */
export type TicketInline = { text: string; max: number } | { plain: string } | { strong: string } | { code: string; href?: string | undefined } | { url: string };

/** A block of a ticket body; `tight` joins it to the next block without a blank line. */
export type TicketBlock =
  | { kind: 'paragraph'; content: TicketInline[]; tight?: boolean }
  | { kind: 'list'; items: TicketInline[][] }
  | { kind: 'code'; language: string; text: string; tight?: boolean }
  | { kind: 'note'; content: TicketInline[] };

export interface TicketSection {
  heading?: string | undefined;
  blocks: TicketBlock[];
}

/** What a ticket should say, in no tracker's markup: each tracker renders it (Markdown, ADF, wiki markup). */
export interface TicketDraft {
  /** Stable id of the finding group (rule + component), kept in the hidden marker. */
  key: string;
  title: string;
  sections: TicketSection[];
  /** What the tracker keeps hidden with the ticket, so the next run finds it again. */
  marker: TicketMarker;
  labels: string[];
  /** YYYY-MM-DD: first seen + the priority's SLA. */
  dueDate?: string | undefined;
  priority?: Priority | undefined;
  /** Security findings default to confidential where the tracker supports it (GitLab). */
  confidential: boolean;
}

/** A ticket as the tracker holds it, with Pipewarden's marker read back. */
export interface Ticket {
  /** The tracker's own id: an issue number, or a key such as SEC-12. */
  id: string;
  state: 'open' | 'closed';
  title: string;
  /** The body in the tracker's markup, as it is now. */
  body: string;
  /** Pipewarden's own part of the body as the tracker keeps it (compared with `render`); the whole body when undefined. */
  section?: string | undefined;
  labels: string[];
  marker: TicketMarker;
  /** Where a person reads it: the acceptance's justification. */
  url?: string | undefined;
  /** How it was closed, as the tracker says: its state reason or resolution, who closed it and when. */
  closure?: TicketClosure | undefined;
}

export interface TicketClosure {
  /** GitHub's state reason (not_planned), Jira's resolution (Won't Do), or undefined where the tracker has none (GitLab). */
  reason?: string | undefined;
  /** Who closed it (a login, username or display name). */
  by?: string | undefined;
  /** ISO date-time it was closed. */
  at?: string | undefined;
}

export interface TicketMarker {
  key: string;
  scanner: string;
  fingerprints: string[];
  /** The due date set when the ticket was opened: re-runs keep it. */
  due?: string | undefined;
  /** The day it was first seen. */
  since?: string | undefined;
  /** The day Pipewarden closed it as fixed: an open ticket that still says so was reopened by a person. */
  fixed?: string | undefined;
  /** The day Pipewarden said once that a person reopened it while the finding stays fixed. */
  reopenNoted?: string | undefined;
  /** The title Pipewarden last wrote: a different title is a person's edit, and is kept. */
  title?: string | undefined;
}

/** What a platform supplies: its issue tracker, reduced to the calls the planner needs. */
export interface TicketTracker {
  /** The body this tracker would write for a draft, in its markup (to tell an up-to-date ticket from a stale one). */
  render(draft: TicketDraft): string;
  /** Every ticket Pipewarden opened (open and closed), marker parsed. */
  list(): Promise<Ticket[]>;
  create(draft: TicketDraft): Promise<Ticket>;
  update(ticket: Ticket, draft: TicketDraft): Promise<void>;
  /** Closes it as fixed, with the comment, and keeps the marker (which now says when it was fixed). */
  close(ticket: Ticket, comment: string, marker: TicketMarker): Promise<void>;
  reopen(ticket: Ticket, draft: TicketDraft, comment: string): Promise<void>;
  /**
   * Before any change, what the plan needs that the tracker may lack (a workflow transition): a ConfigError
   * here stops the run with exit 2 and nothing half-done.
   */
  check?(plan: TicketPlan): Promise<void>;
  /** A comment only, and the marker that remembers it was made (so a retry does not say it twice). */
  comment(ticket: Ticket, comment: string, marker: TicketMarker): Promise<void>;
}

/** Trackers' ids sort as numbers where they are numbers (#9 before #10), else as text. */
export function compareTicketIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
