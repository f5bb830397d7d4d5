import type { Priority } from '../finding.js';

/** What a ticket should say: the same draft goes to GitHub issues, GitLab issues or any tracker. */
export interface TicketDraft {
  /** Stable id of the finding group (rule + component), kept in the hidden marker. */
  key: string;
  title: string;
  /** Markdown, every report text escaped, the marker at the end. */
  body: string;
  labels: string[];
  /** YYYY-MM-DD: first seen + the priority's SLA. */
  dueDate?: string | undefined;
  priority?: Priority | undefined;
  /** Security findings default to confidential where the tracker supports it (GitLab). */
  confidential: boolean;
}

/** A ticket as the tracker holds it, with Pipewarden's marker read back from its body. */
export interface Ticket {
  id: number;
  state: 'open' | 'closed';
  title: string;
  body: string;
  labels: string[];
  marker: TicketMarker;
}

export interface TicketMarker {
  key: string;
  scanner: string;
  fingerprints: string[];
  /** The due date set when the ticket was opened: re-runs keep it. */
  due?: string | undefined;
  /** The day it was first seen. */
  since?: string | undefined;
}

/** What a platform supplies: its issue tracker, reduced to the calls the planner needs. */
export interface TicketTracker {
  /** Every ticket Pipewarden opened (open and closed), marker parsed. */
  list(): Promise<Ticket[]>;
  create(draft: TicketDraft): Promise<Ticket>;
  update(ticket: Ticket, draft: TicketDraft): Promise<void>;
  close(ticket: Ticket, comment: string): Promise<void>;
  reopen(ticket: Ticket, draft: TicketDraft, comment: string): Promise<void>;
}
