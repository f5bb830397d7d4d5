import { whereOf, type Finding } from '../finding.js';
import type { Verdict } from '../policy/gate.js';
import { sortByRisk } from '../risk/prioritize.js';
import { componentOf } from '../model/groups.js';

// Characters XML 1.0 does not allow (dropped) and the five it must escape, in one pass; most texts have none.
const XML_SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/g;
const XML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function xml(text: string): string {
  XML_SPECIAL.lastIndex = 0;
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL, (c) => XML_ENTITY[c] ?? '') : text;
}

/**
 * JUnit XML for CI test views (GitLab's junit report, Jenkins' junit step): a suite for the gate, one case per
 * rule (failing when it tripped), and a suite per tool with one case per finding group (a rule in one
 * component: a file, package, image or route), failing when one of its findings tripped the gate.
 */
export function renderJunit(findings: readonly Finding[], verdict: Verdict, stage: string): string {
  return [...junitText(findings, verdict, stage)].join('');
}

/** The same document in pieces, a few hundred cases at a time: at 100k findings it is never one string. */
export function* junitText(findings: readonly Finding[], verdict: Verdict, stage: string): Generator<string> {
  const tripped = new Set(verdict.failures.flatMap((f) => f.findings.map((t) => t.fingerprint ?? t.where)));
  const gateCases = verdict.failures.map(
    (failure) => `    <testcase classname="pipewarden.gate" name="${xml(failure.rule)}"><failure message="${xml(`${failure.matched} findings, at most ${failure.max}`)}">${xml(failure.findings.map((f) => `${f.priority ?? ''} ${f.ruleId} ${f.where}`).join('\n'))}</failure></testcase>`,
  );
  // An incomplete scan is a failing case of its own when it fails the gate (dast.on_incomplete: fail), else passes with the reasons as output.
  const incomplete = verdict.incomplete?.length ? (verdict.status === 'pass' ? 0 : 1) : 0;
  if (verdict.incomplete?.length) {
    const reasons = xml(verdict.incomplete.join('\n'));
    gateCases.push(incomplete ? `    <testcase classname="pipewarden.gate" name="complete scan"><failure message="the scan is incomplete">${reasons}</failure></testcase>` : `    <testcase classname="pipewarden.gate" name="complete scan"><system-out>${reasons}</system-out></testcase>`);
  }
  if (gateCases.length === 0) gateCases.push(`    <testcase classname="pipewarden.gate" name="gate (${xml(stage)})"/>`);
  // Every suite's counts go in the headers, before its cases: the groups are made (and their failing counted)
  // first, the text of each case only as it is written.
  const suites = toolSuites(findings, tripped);
  const failures = verdict.failures.length + incomplete + suites.reduce((n, suite) => n + suite.failed, 0);
  const tests = gateCases.length + suites.reduce((n, suite) => n + suite.groups.length, 0);
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pipewarden" tests="${tests}" failures="${failures}">\n`;
  yield `  <testsuite name="pipewarden gate" tests="${gateCases.length}" failures="${verdict.failures.length + incomplete}">\n${gateCases.join('\n')}\n  </testsuite>\n`;
  for (const suite of suites) {
    yield `  <testsuite name="${xml(suite.tool)}" tests="${suite.groups.length}" failures="${suite.failed}">\n`;
    for (let i = 0; i < suite.groups.length; i += 256) {
      let text = '';
      for (const group of suite.groups.slice(i, i + 256)) text += `${caseOf(group)}\n`;
      yield text;
    }
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

interface CaseGroup {
  members: Finding[];
  failing: boolean;
}

interface ToolSuite {
  tool: string;
  groups: CaseGroup[];
  failed: number;
}

/** Per tool (most urgent first), its findings grouped by rule and component, each group failing or not. */
function toolSuites(findings: readonly Finding[], tripped: ReadonlySet<string>): ToolSuite[] {
  const byTool = new Map<string, Finding[]>();
  for (const finding of sortByRisk(findings)) if (!finding.suppressed) {
    const list = byTool.get(finding.tool);
    if (list) list.push(finding);
    else byTool.set(finding.tool, [finding]);
  }
  return [...byTool].map(([tool, list]) => {
    const groups = new Map<string, Finding[]>();
    for (const f of list) {
      const key = `${f.ruleId}\u0000${componentOf(f)}`;
      const members = groups.get(key);
      if (members) members.push(f);
      else groups.set(key, [f]);
    }
    let failed = 0;
    const cases = [...groups.values()].map((members) => {
      const failing = members.some((f) => tripped.has(f.fingerprint ?? whereOf(f)));
      if (failing) failed++;
      return { members, failing };
    });
    return { tool, groups: cases, failed };
  });
}

function caseOf({ members, failing }: CaseGroup): string {
  const top = members[0]!;
  const component = componentOf(top);
  const body = members.map((f) => `${f.priority ?? ''} risk ${f.risk ?? ''} ${f.severity} ${whereOf(f)}: ${f.message}`).join('\n');
  const summary = `${top.severity}: ${top.message}`.slice(0, 300);
  return `    <testcase classname="${xml(component)}" name="${xml(`${top.ruleId} in ${component}${members.length > 1 ? ` (${members.length} places)` : ''}`)}" file="${xml(top.location?.uri ?? '')}"${top.location?.startLine ? ` line="${top.location.startLine}"` : ''}>${failing ? `<failure message="${xml(summary)}" type="${xml(top.priority ?? top.severity)}">${xml(body)}</failure>` : `<system-out>${xml(body)}</system-out>`}</testcase>`;
}
