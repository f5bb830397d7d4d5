import type { Ticket, TicketClosure, TicketMarker } from './types.js';

const MARKER = /<!--\s*pipewarden:ticket\s+(\{[^<>]*\})\s*-->/;

/** The hidden marker: HTML comments do not render on GitHub or GitLab, and `-->` cannot occur in its JSON. */
export function writeMarker(marker: TicketMarker): string {
  const json = JSON.stringify(marker).replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
  return `<!-- pipewarden:ticket ${json} -->`;
}

export function readMarker(body: string | null | undefined): TicketMarker | undefined {
  const match = MARKER.exec(body ?? '');
  if (!match) return undefined;
  try {
    const data = JSON.parse(match[1]!) as Partial<TicketMarker>;
    if (typeof data.key !== 'string' || !Array.isArray(data.fingerprints)) return undefined;
    return {
      key: data.key,
      scanner: typeof data.scanner === 'string' ? data.scanner : '',
      fingerprints: data.fingerprints.filter((f): f is string => typeof f === 'string'),
      ...(typeof data.due === 'string' ? { due: data.due } : {}),
      ...(typeof data.since === 'string' ? { since: data.since } : {}),
      ...(typeof data.fixed === 'string' ? { fixed: data.fixed } : {}),
      ...(typeof data.reopenNoted === 'string' ? { reopenNoted: data.reopenNoted } : {}),
      ...(typeof data.title === 'string' ? { title: data.title } : {}),
    };
  } catch {
    return undefined;
  }
}

/** A tracker's Markdown issue as a Ticket, when it is one of Pipewarden's (it carries the marker). */
export function ticketFrom(issue: {
  id: number | string;
  closed: boolean;
  title: string;
  body: string | null | undefined;
  labels: readonly (string | { name?: string })[] | undefined;
  url?: string | undefined;
  closure?: TicketClosure | undefined;
  /** Pipewarden's delimited part of the body, when the tracker's body has one. */
  section?: (body: string) => string;
}): Ticket | undefined {
  const marker = readMarker(issue.body);
  if (!marker) return undefined;
  const body = issue.body ?? '';
  return {
    id: String(issue.id),
    state: issue.closed ? 'closed' : 'open',
    title: issue.title,
    body,
    ...(issue.section ? { section: issue.section(body) } : {}),
    labels: (issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
    marker,
    ...(issue.url ? { url: issue.url } : {}),
    ...(issue.closed && issue.closure ? { closure: issue.closure } : {}),
  };
}
