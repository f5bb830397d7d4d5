import type { Html } from '../html.js';
import type { Query, TableSpec } from '../table.js';

/** What a route makes: the body, and its tables (each exportable as CSV by its id). */
export interface PageView {
  title: string;
  /** The navigation entry it sits under. */
  current: string;
  body: (table: <T>(spec: TableSpec<T>) => Html) => Html;
  // Rows of different shapes per table: the table renderer only needs the spec's own consistency.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tables: TableSpec<any>[];
}

export interface PageRequest {
  path: string;
  query: Query;
}

/** A page for something the store does not have: 404 with a sentence, not a stack. */
export class NotFound extends Error {
  override readonly name = 'NotFound';
}

/** The days between an ISO time and the end of `today`, whole. */
export function daysSince(time: string, today: string): number {
  return Math.floor((Date.parse(`${today}T23:59:59.999Z`) - Date.parse(time)) / 86_400_000);
}

export const day = (time: string | undefined) => (time ? time.slice(0, 10) : '');
