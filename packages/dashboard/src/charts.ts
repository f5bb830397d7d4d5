import { html, type Html } from './html.js';

export interface Series {
  label: string;
  /** A CSS class (colours live in the stylesheet: no inline style under the CSP). */
  kind: string;
  values: readonly number[];
}

const W = 720;
const H = 180;
const PAD = { left: 36, bottom: 22, top: 8 };

function axis(max: number): Html {
  const ticks = [0, Math.round(max / 2), max];
  return html`${ticks.map((t) => {
    const y = PAD.top + (H - PAD.top - PAD.bottom) * (1 - t / (max || 1));
    return html`<line class="grid" x1="${PAD.left}" x2="${W}" y1="${y}" y2="${y}"></line><text class="tick" x="${PAD.left - 4}" y="${y + 4}" text-anchor="end">${t}</text>`;
  })}`;
}

function legend(series: readonly Series[]): Html {
  return html`<p class="legend">${series.map((s) => html`<span class="key ${s.kind}"></span>${s.label} `)}</p>`;
}

/** Grouped bars per label (weeks): each series one bar. A table of the same numbers sits beside it for screen readers. */
export function bars(title: string, labels: readonly string[], series: readonly Series[]): Html {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (W - PAD.left) / Math.max(1, labels.length);
  const width = Math.max(1, (slot - 2) / series.length);
  const plot = H - PAD.top - PAD.bottom;
  const rects = labels.map((label, i) =>
    series.map((s, j) => {
      const value = s.values[i] ?? 0;
      const h = (value / max) * plot;
      return html`<rect class="${s.kind}" x="${(PAD.left + i * slot + j * width).toFixed(1)}" y="${(PAD.top + plot - h).toFixed(1)}" width="${width.toFixed(1)}" height="${h.toFixed(1)}"><title>${label} ${s.label}: ${value}</title></rect>`;
    }),
  );
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const names = labels.map((label, i) => (i % every ? '' : html`<text class="tick" x="${(PAD.left + i * slot).toFixed(1)}" y="${H - 6}">${label}</text>`));
  return html`<figure class="chart"><figcaption>${title}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">${axis(max)}${rects}${names}</svg>${legend(series)}</figure>`;
}

/** A line per series over the labels (a percentage or a count through time). */
export function lines(title: string, labels: readonly string[], series: readonly Series[], unit = ''): Html {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const plot = H - PAD.top - PAD.bottom;
  const step = (W - PAD.left) / Math.max(1, labels.length - 1);
  const paths = series.map((s) => {
    const points = s.values.map((v, i) => `${(PAD.left + i * step).toFixed(1)},${(PAD.top + plot - (v / max) * plot).toFixed(1)}`).join(' ');
    return html`<polyline class="line ${s.kind}" points="${points}"><title>${s.label}</title></polyline>`;
  });
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const names = labels.map((label, i) => (i % every ? '' : html`<text class="tick" x="${(PAD.left + i * step).toFixed(1)}" y="${H - 6}">${label}</text>`));
  return html`<figure class="chart"><figcaption>${title}${unit ? ` (${unit})` : ''}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">${axis(max)}${paths}${names}</svg>${legend(series)}</figure>`;
}
