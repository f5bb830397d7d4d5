import { CATEGORIES, PRIORITIES } from '@pipewarden/core';
import { z } from 'zod';
import { html, type Html } from '../html.js';
import type { Query } from '../table.js';

/** A query string the user typed or pasted: every problem named at once, as a 400 page. */
export class BadQuery extends Error {
  override readonly name = 'BadQuery';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max, `at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));

export const findingFilterSchema = z.object({
  priority: z.enum(['', ...PRIORITIES], { error: (i) => `"${String(i.input)}" is not a priority (${PRIORITIES.join(', ')})` }).optional().transform((v) => v || undefined),
  category: z.enum(['', ...CATEGORIES], { error: (i) => `"${String(i.input)}" is not a category (${CATEGORIES.join(', ')})` }).optional().transform((v) => v || undefined),
  scanner: optionalText(100),
  since: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'expected a date as YYYY-MM-DD')
    .refine((v) => !v || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'not a real date')
    .optional()
    .transform((v) => v || undefined),
  q: optionalText(200),
});

export type FindingFilter = z.output<typeof findingFilterSchema>;

/** The query's values for these keys, checked; unknown keys (sorting, csv) are left to their owners. */
export function parseQuery<S extends z.ZodType>(schema: S, query: Query): z.output<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new BadQuery(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`));
  return parsed.data;
}

function select(name: string, label: string, values: readonly string[], chosen: string | undefined): Html {
  return html`<label>${label} <select name="${name}"><option value="">any</option>${values.map((v) => html`<option${v === chosen ? html` selected` : ''}>${v}</option>`)}</select></label>`;
}

/** A plain GET form: filtering works without script (the script only submits on change). */
export function filterForm(path: string, hidden: Record<string, string>, filter: FindingFilter, scanners: readonly string[]): Html {
  return html`<form class="filters" method="get" action="${path}">
${Object.entries(hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
${select('priority', 'Priority', PRIORITIES, filter.priority)}
${select('category', 'Category', CATEGORIES, filter.category)}
${select('scanner', 'Scanner', scanners, filter.scanner)}
<label>New since <input type="date" name="since" value="${filter.since ?? ''}"></label>
<label>Text <input type="search" name="q" value="${filter.q ?? ''}" placeholder="rule, path, message"></label>
<button type="submit">Filter</button> <a href="${path}?${new URLSearchParams(hidden).toString()}">Clear</a>
</form>`;
}
