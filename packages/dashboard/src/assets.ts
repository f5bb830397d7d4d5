/**
 * The one stylesheet and the one script, served by the app itself (no CDN, nothing inline, so the CSP can
 * forbid inline code). The script only submits a filter form when a select changes: every page works without it.
 */
export const CSS = `:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--bad:#cf222e;--good:#1a7f37;--p0:#82071e;--p1:#cf222e;--p2:#bc4c00;--p3:#9a6700;--p4:#57606a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
.top{display:flex;gap:1.5rem;align-items:center;padding:.6rem 1.5rem;border-bottom:1px solid var(--line);background:var(--soft)}
.top nav{display:flex;gap:1rem}.top a{color:var(--fg);text-decoration:none}.top a[aria-current=page]{font-weight:600;border-bottom:2px solid var(--fg)}
.brand{font-weight:700}.meta{margin-left:auto;color:var(--muted);font-size:12px}
main{padding:1rem 1.5rem 3rem;max-width:1400px}
h1{font-size:1.5rem;margin:.5rem 0 1rem;word-break:break-all}h2{font-size:1.05rem;margin:0}
a{color:#0969da}.lede{color:var(--muted)}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:1rem;margin-bottom:1rem}
.figure{border:1px solid var(--line);border-radius:6px;padding:.8rem 1rem;display:flex;flex-direction:column;gap:.2rem}
.figure .value{font-size:1.9rem;font-weight:600}.figure .label{color:var(--muted)}.figure .note{font-size:12px;color:var(--muted)}
.prio{display:inline-block;font-weight:600;margin-right:.3rem}.prio.P0{color:var(--p0)}.prio.P1{color:var(--p1)}.prio.P2{color:var(--p2)}.prio.P3{color:var(--p3)}.prio.P4{color:var(--p4)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem;margin:1rem 0}
.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:.6rem}.chart figcaption{font-weight:600;margin-bottom:.3rem}
.chart svg{width:100%;height:auto}.grid{stroke:var(--line)}.tick{font-size:10px;fill:var(--muted)}
.s-bad{fill:var(--bad)}.s-good{fill:var(--good)}.s-P0{fill:var(--p0)}.s-P1{fill:var(--p1)}.s-P2{fill:var(--p2)}.s-P3{fill:var(--p3)}.s-P4{fill:var(--p4)}
.line{fill:none;stroke-width:2}.line.s-good{stroke:var(--good)}.line.s-bad{stroke:var(--bad)}
.legend{font-size:12px;color:var(--muted);margin:.3rem 0 0}.key{display:inline-block;width:10px;height:10px;margin:0 .25rem 0 .5rem}
.key.s-bad{background:var(--bad)}.key.s-good{background:var(--good)}.key.s-P0{background:var(--p0)}.key.s-P1{background:var(--p1)}.key.s-P2{background:var(--p2)}.key.s-P3{background:var(--p3)}.key.s-P4{background:var(--p4)}
.table{margin:1.5rem 0}.table-head{display:flex;align-items:baseline;gap:1rem;margin-bottom:.4rem}.csv{font-size:12px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft);white-space:nowrap}th a{color:var(--fg);text-decoration:none}.num{text-align:right;font-variant-numeric:tabular-nums}
td .message{display:block;max-width:38rem;overflow-wrap:anywhere}code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}
.bad{color:var(--bad);font-weight:600}.verdict.fail,.verdict.error{color:var(--bad)}.verdict.pass{color:var(--good)}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;padding:.6rem;border:1px solid var(--line);border-radius:6px;background:var(--soft)}
.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
.facts{display:grid;grid-template-columns:12rem 1fr;gap:.4rem 1rem}.facts dt{color:var(--muted)}.facts dd{margin:0;overflow-wrap:anywhere}
.empty,.note{color:var(--muted)}.problems{color:var(--bad)}
`;

export const JS = `document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.tagName === 'SELECT' && target.form && target.form.classList.contains('filters')) target.form.submit();
});
`;
