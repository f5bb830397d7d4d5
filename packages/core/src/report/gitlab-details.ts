import type { Finding } from '../finding.js';
import { flowOf, type FlowStep } from '../model/groups.js';
import { decodeUri } from '../sarif/uri.js';

// A SAST finding's path from source to sink in GitLab's vulnerability `details`: the `code-flows` field (15.x
// schemas), which GitLab draws as the vulnerability's code flow, plus the source, the sink and every step as
// text, since GitLab's code-flow nodes carry no message of their own.

/** GitLab's code-flows field holds at most this many flows, and we show what the engine ranked surest first. */
const MAX_FLOWS = 10;

type Node = { type: 'code-flow-node'; node_type: 'source' | 'propagation' | 'sink'; file_location: { type: 'file-location'; file_name: string; line_start: number } };

/** A relative file of the repository; URLs and absolute paths are not file locations GitLab can open. */
function fileOf(uri: string | undefined): string | undefined {
  if (!uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) return undefined;
  const file = decodeUri(uri);
  return file.length ? file : undefined;
}

/** The step's file; a step that names none is in the finding's file (a URL or an absolute path is in none). */
function stepFile(step: FlowStep, fallback: string | undefined): string | undefined {
  return step.uri === undefined ? fallback : fileOf(step.uri);
}

function where(step: FlowStep, fallback: string | undefined): string {
  const file = stepFile(step, fallback);
  return file ? `${file}${step.line ? `:${step.line}` : ''}` : '';
}

function nodesOf(steps: readonly FlowStep[], fallback: string | undefined): Node[] {
  return steps.flatMap((step, i): Node[] => {
    const file = stepFile(step, fallback);
    if (!file || !step.line || step.line < 1) return [];
    const node_type = i === 0 ? 'source' : i === steps.length - 1 ? 'sink' : 'propagation';
    return [{ type: 'code-flow-node', node_type, file_location: { type: 'file-location', file_name: file, line_start: step.line } }];
  });
}

/** Every code flow of the finding, as its steps (source first, sink last). */
function flowsOf(finding: Finding): FlowStep[][] {
  const flows = finding.result.codeFlows ?? [];
  const out: FlowStep[][] = [];
  for (let i = 0; i < flows.length && out.length < MAX_FLOWS; i++) {
    const one = { ...finding, result: { ...finding.result, codeFlows: [flows[i]!] } };
    const steps = flowOf(one);
    if (steps.length) out.push(steps);
  }
  return out;
}

/** The `details` of a SAST vulnerability with a code flow, or undefined for a finding without one. */
export function flowDetails(finding: Finding): Record<string, unknown> | undefined {
  const flows = flowsOf(finding);
  const first = flows[0];
  if (!first || first.length < 2) return undefined;
  const fallback = fileOf(finding.location?.uri);
  const source = first[0]!;
  const sink = first.at(-1)!;
  const line = (step: FlowStep) => [where(step, fallback), step.text].filter(Boolean).join(' ');
  const nodes = flows.map((steps) => nodesOf(steps, fallback)).filter((n) => n.length >= 2);
  return {
    source: { name: 'Source', type: 'text', value: line(source) },
    sink: { name: 'Sink', type: 'text', value: line(sink) },
    ...(nodes.length ? { code_flows: { name: 'Code flow', type: 'code-flows', items: nodes } } : {}),
    steps: { name: 'Steps', type: 'list', items: first.map((step) => ({ type: 'text', value: line(step) })) },
  };
}
