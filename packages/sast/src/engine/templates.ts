import { addStep } from '../taint/facts.js';
import type { RenderEvent, TaintFinding } from '../taint/types.js';
import type { FirstPass } from './file-analyzer.js';

/** Folders frameworks look templates up in: Express views/, Flask and Symfony templates/, JSPs under webapp/ and WEB-INF/. */
const TEMPLATE_ROOTS = /(?:^|\/)(?:views|templates|webapp|WEB-INF)\//;

/**
 * The template files a render() name may mean. A name with its extension is the file (Flask's 'search.html',
 * Symfony's 'blog/show.html.twig', a JSP's '/WEB-INF/views/list.jsp'); one without is any extension of it (EJS's
 * 'search' is views/search.ejs). Names are relative to a template folder or the root; Twig's '@App/' namespaces
 * are dropped. Where one folder is a usual template folder and another is not, the template folder wins.
 * `from` is the file that renders.
 */
export function templatesNamed(name: string, templates: readonly FirstPass[], from: string): FirstPass[] {
  const wanted = name.replace(/^@\w+\//, '').replace(/^\.?\//, '');
  const matches = (path: string) => path === wanted || path.endsWith(`/${wanted}`);
  const exact = templates.filter((t) => matches(t.path));
  const named = exact.length || /\.\w+$/.test(wanted) ? exact : templates.filter((t) => matches(t.path.replace(/\.\w+$/, '')));
  const rooted = named.filter((t) => TEMPLATE_ROOTS.test(t.path));
  return nearest(rooted.length ? rooted : named, from);
}

/** Several apps in one scan: the templates nearest the rendering file (the longest shared folder) are its own. */
function nearest(candidates: readonly FirstPass[], from: string): FirstPass[] {
  const dir = from.split('/').slice(0, -1);
  const shared = (path: string) => {
    const a = path.split('/').slice(0, -1);
    let n = 0;
    while (n < a.length && n < dir.length && a[n] === dir[n]) n++;
    return n;
  };
  const best = Math.max(0, ...candidates.map((t) => shared(t.path)));
  return candidates.filter((t) => shared(t.path) === best);
}

/** A request attribute's templates: those the rendering file forwards to, else the nearest with the extension. */
function attributeTemplates(pattern: string, templates: readonly FirstPass[], from: string, targets: readonly string[]): FirstPass[] {
  const typed = templates.filter((t) => t.path.endsWith(pattern.slice(1)));
  if (!targets.length) return nearest(typed, from);
  return [...new Set(targets.flatMap((target) => templatesNamed(target, typed, from)))];
}

/**
 * Joins what the code hands to templates with what templates print unescaped: a finding in the template,
 * its flow running from the request through render() to the output tag.
 */
export function renderFindings(renders: readonly RenderEvent[], firsts: readonly FirstPass[]): TaintFinding[] {
  // Every template counts in choosing the one a name means, also those that print nothing unescaped.
  const templates = firsts.filter((f) => f.rawOutputs !== undefined);
  if (!templates.some((t) => t.rawOutputs!.length)) return [];
  const targets = new Map<string, string[]>();
  for (const r of renders) if (r.fact === undefined) targets.set(r.site.file, [...(targets.get(r.site.file) ?? []), r.template]);
  const out: TaintFinding[] = [];
  for (const render of renders) {
    const fact = render.fact;
    if (fact?.origin.type !== 'source') continue;
    const from = render.site.file;
    const named = render.template.startsWith('*') ? attributeTemplates(render.template, templates, from, targets.get(from) ?? []) : templatesNamed(render.template, templates, from);
    for (const template of named) {
      for (const output of template.rawOutputs!.filter((o) => o.name === render.key)) {
        const via = output.via ?? '<%-';
        const handed = addStep(fact.trail, { file: from, span: render.site.span, message: `passed to \`${render.site.callee}\` as \`${render.key}\`` });
        const trail = addStep(handed, { file: template.path, span: output.span, message: `printed unescaped by \`${via}\` (${render.site.label})` });
        out.push({
          ruleId: render.sink.slice(0, render.sink.lastIndexOf('#')),
          file: template.path,
          sink: { file: template.path, span: output.span, callee: via, label: render.site.label },
          origin: fact.origin,
          trail,
          weak: fact.weak,
        });
      }
    }
  }
  return out;
}
