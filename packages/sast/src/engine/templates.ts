import { addStep } from '../taint/facts.js';
import type { RenderEvent, TaintFinding } from '../taint/types.js';
import type { FirstPass } from './file-analyzer.js';

/** The template files a render() name may mean: 'search' is views/search.ejs, pages/search.ejs, search.ejs. */
function templatesNamed(name: string, templates: readonly FirstPass[]): FirstPass[] {
  const stem = name.replace(/^\.?\//, '').replace(/\.\w+$/, '');
  return templates.filter((t) => {
    const path = t.path.replace(/\.\w+$/, '');
    return path === stem || path.endsWith(`/${stem}`);
  });
}

/**
 * Joins what the code hands to templates with what templates print unescaped: a finding in the template,
 * its flow running from the request through render() to the output tag.
 */
export function renderFindings(renders: readonly RenderEvent[], firsts: readonly FirstPass[]): TaintFinding[] {
  const templates = firsts.filter((f) => f.rawOutputs?.length);
  if (!templates.length) return [];
  const out: TaintFinding[] = [];
  for (const render of renders) {
    if (render.fact.origin.type !== 'source') continue;
    for (const template of templatesNamed(render.template, templates)) {
      for (const output of template.rawOutputs!.filter((o) => o.name === render.key)) {
        const handed = addStep(render.fact.trail, { file: render.site.file, span: render.site.span, message: `passed to \`${render.site.callee}\` as \`${render.key}\`` });
        const trail = addStep(handed, { file: template.path, span: output.span, message: `printed unescaped by \`<%-\` (${render.site.label})` });
        out.push({
          ruleId: render.sink.slice(0, render.sink.lastIndexOf('#')),
          file: template.path,
          sink: { file: template.path, span: output.span, callee: '<%-', label: render.site.label },
          origin: render.fact.origin,
          trail,
          weak: render.fact.weak,
        });
      }
    }
  }
  return out;
}
