import { esc, href, html, Html } from './html.js';

export interface Column<T> {
  key: string;
  label: string;
  /** The value sorted on and exported to CSV. */
  value: (row: T) => string | number | undefined;
  /** The cell's HTML; the escaped value when absent. */
  cell?: (row: T) => Html;
  numeric?: boolean;
}

export interface TableSpec<T> {
  /** The table's name in the query string (`csv=NAME`), unique on its page. */
  id: string;
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** The column and direction when the query string names none. */
  defaultSort?: { key: string; dir: 'asc' | 'desc' };
  /** At most this many rows on the page (the CSV has them all). */
  limit?: number;
  empty?: string;
}

export type Query = Record<string, string | undefined>;

function compare(a: string | number | undefined, b: string | number | undefined): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en', { numeric: true });
}

/** The rows in the order the query string asks (`TABLE.sort=KEY`, `TABLE.dir=asc|desc`), else the table's default. */
export function sorted<T>(spec: TableSpec<T>, query: Query): { rows: T[]; key: string | undefined; dir: 'asc' | 'desc' } {
  const asked = spec.columns.find((c) => c.key === query[`${spec.id}.sort`]);
  const key = asked?.key ?? spec.defaultSort?.key;
  const dir = asked ? (query[`${spec.id}.dir`] === 'desc' ? 'desc' : 'asc') : (spec.defaultSort?.dir ?? 'asc');
  const column = spec.columns.find((c) => c.key === key);
  if (!column) return { rows: [...spec.rows], key, dir };
  const sign = dir === 'desc' ? -1 : 1;
  // Stable: equal values keep the order the page gave them.
  const rows = spec.rows.map((row, index) => ({ row, index, value: column.value(row) }));
  rows.sort((a, b) => {
    const byValue = compare(a.value, b.value);
    // Blanks last in either direction: a missing age is not the oldest.
    if (a.value === undefined || a.value === '' || b.value === undefined || b.value === '') return byValue || a.index - b.index;
    return sign * byValue || a.index - b.index;
  });
  return { rows: rows.map((r) => r.row), key, dir };
}

/** The table, its headers links that sort it, and a link to the same rows as CSV: all in the query string. */
export function table<T>(spec: TableSpec<T>, path: string, query: Query): Html {
  const { rows, key, dir } = sorted(spec, query);
  const shown = spec.limit ? rows.slice(0, spec.limit) : rows;
  const headers = spec.columns.map((column) => {
    const active = column.key === key;
    const next = active && dir === 'asc' ? 'desc' : 'asc';
    const link = href(path, { ...query, [`${spec.id}.sort`]: column.key, [`${spec.id}.dir`]: next, csv: undefined });
    return html`<th scope="col"${column.numeric ? html` class="num"` : ''}${active ? html` aria-sort="${dir === 'asc' ? 'ascending' : 'descending'}"` : ''}><a href="${link}">${column.label}${active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}</a></th>`;
  });
  const body = shown.map(
    (row) => html`<tr>${spec.columns.map((column) => html`<td${column.numeric ? html` class="num"` : ''}>${column.cell ? column.cell(row) : (column.value(row) ?? '')}</td>`)}</tr>`,
  );
  const more = spec.limit && rows.length > spec.limit ? html`<p class="note">The first ${spec.limit} of ${rows.length} rows; the CSV has them all.</p>` : '';
  return html`<section class="table" id="${spec.id}">
<div class="table-head"><h2>${spec.caption}</h2><a class="csv" download href="${href(path, { ...query, csv: spec.id })}">CSV</a></div>
${rows.length ? html`<table><thead><tr>${headers}</tr></thead><tbody>${body}</tbody></table>${more}` : html`<p class="empty">${spec.empty ?? 'Nothing here.'}</p>`}
</section>`;
}

/** One CSV cell: quoted when needed; text a spreadsheet would run as a formula starts with a quote mark. */
function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table's rows, in the page's order, as CSV (RFC 4180, CRLF). */
export function csv<T>(spec: TableSpec<T>, query: Query): string {
  const { rows } = sorted(spec, query);
  const lines = [spec.columns.map((c) => csvCell(c.label)).join(',')];
  for (const row of rows) lines.push(spec.columns.map((c) => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

