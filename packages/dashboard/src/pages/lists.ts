import { href, html } from '../html.js';
import type { ImageRow, Overview, WaiverRow } from '../data.js';
import type { TableSpec } from '../table.js';
import { repoLink, repositoriesTable } from './overview.js';
import { daysSince, day, type PageView } from './page.js';
import { waiversTable } from './repository.js';

export function repositoriesPage(overview: Overview): PageView {
  const all = repositoriesTable(overview, 'repositories', 'Every repository, riskiest first');
  return { title: 'Repositories', current: '/repositories', tables: [all], body: (table) => table(all) };
}

const yesNo = (value: boolean | undefined, yes: string, no: string) => (value === undefined ? '' : value ? yes : no);

export function imagesPage(overview: Overview): PageView {
  const images: TableSpec<ImageRow> = {
    id: 'images',
    caption: 'Images each repository built last',
    rows: overview.images,
    defaultSort: { key: 'base', dir: 'asc' },
    empty: 'No run recorded a built image (scan with --image or --image-archive to record them).',
    columns: [
      { key: 'repo', label: 'Repository', value: (i) => i.repo, cell: (i) => repoLink(i.repo) },
      { key: 'names', label: 'Image', value: (i) => i.names.join(' '), cell: (i) => html`${i.names.map((n) => html`<code>${n}</code> `)}` },
      { key: 'digest', label: 'Digest', value: (i) => i.digest, cell: (i) => html`<code>${i.digest.slice(0, 19)}</code>` },
      { key: 'built', label: 'Built', value: (i) => i.time, cell: (i) => html`${day(i.time)}` },
      { key: 'base', label: 'Base', value: (i) => i.base, cell: (i) => html`<code>${i.base ?? '(unknown)'}</code>` },
      { key: 'fresh', label: 'Base fresh', value: (i) => yesNo(i.fresh, 'fresh', 'outdated'), cell: (i) => (i.fresh === false ? html`<span class="bad">outdated</span>` : html`${yesNo(i.fresh, 'fresh', '')}`) },
      { key: 'sanctioned', label: 'Sanctioned', value: (i) => yesNo(i.sanctioned, 'yes', 'no'), cell: (i) => (i.sanctioned === false ? html`<span class="bad">no</span>` : html`${yesNo(i.sanctioned, 'yes', '')}`) },
      { key: 'drift', label: 'Drift', value: (i) => (i.drift ? 'older base build' : ''), cell: (i) => (i.drift ? html`<span class="bad">older base build</span>` : html``) },
    ],
  };
  const outdated = overview.images.filter((i) => i.fresh === false || i.sanctioned === false || i.drift).length;
  return {
    title: 'Images',
    current: '/images',
    tables: [images],
    body: (table) => html`<p class="lede">${overview.images.length} images from ${new Set(overview.images.map((i) => i.repo)).size} repositories; <b>${outdated}</b> on an outdated, unsanctioned or drifted base. Drift: built on another build of its base than the newest one another repository used.</p>${table(images)}`,
  };
}

const NO_OWNER = '(no owner)';

export function waiversPage(overview: Overview, today: string, withinDays: number, owner: string | undefined): PageView {
  const theirs = overview.waivers.filter((w: WaiverRow) => owner === undefined || (w.ref.owner ?? NO_OWNER) === owner);
  const soon = theirs.filter((w) => w.ref.expires && -daysSince(`${w.ref.expires}T23:59:59.999Z`, today) <= withinDays);
  const owners = new Map<string, number>();
  for (const w of soon) owners.set(w.ref.owner ?? NO_OWNER, (owners.get(w.ref.owner ?? NO_OWNER) ?? 0) + 1);
  const expiring = waiversTable('expiring', `Expiring within ${withinDays} days, by owner${owner ? ` (${owner})` : ''}`, soon, today, true);
  expiring.defaultSort = { key: 'owner', dir: 'asc' };
  const all = waiversTable('all', `Every waiver in force${owner ? ` (${owner})` : ''}`, theirs, today, true);
  return {
    title: 'Waivers',
    current: '/waivers',
    tables: [expiring, all],
    body: (table) => html`<p class="lede">${soon.length} of ${theirs.length} waivers in force expire within ${withinDays} days${owners.size ? html`: ${[...owners.entries()].sort((a, b) => b[1] - a[1]).map(([name, n], i) => html`${i ? ', ' : ''}<a href="${href('/waivers', { days: withinDays, owner: name })}">${name}</a> ${n}`)}` : ''}. An expired waiver stops applying: its finding is open again.</p>
<form class="filters" method="get" action="/waivers"><label>Within <input type="number" name="days" min="1" max="3650" value="${withinDays}"> days</label>${owner ? html`<input type="hidden" name="owner" value="${owner}">` : ''} <button type="submit">Show</button>${owner ? html` <a href="${href('/waivers', { days: withinDays })}">Every owner</a>` : ''}</form>
${table(expiring)}
${table(all)}`,
  };
}
