import { touchedLines, type ChangedFile, type ChangeSignal } from './signal.js';

const DOCKERFILE = /(^|\/)(Dockerfile|Containerfile)([._-][^/]*)?$|\.(dockerfile|containerfile)$/i;
const COMPOSE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;
const CODEOWNERS = /^(\.github\/|\.gitlab\/|docs\/)?CODEOWNERS$/;
const TERRAFORM = /\.(tf|tfvars|tf\.json|hcl|bicep)$/;
const HELM = /(^|\/)(Chart\.ya?ml|values[\w.-]*\.ya?ml|helmfile\.ya?ml)$|(^|\/)templates\/[^/]+\.(ya?ml|tpl)$/;
const KUSTOMIZE = /(^|\/)kustomization\.ya?ml$/;
const PULUMI = /(^|\/)Pulumi(\.[\w-]+)?\.ya?ml$/;

/** What a YAML or JSON file is by its content: a Kubernetes object or a CloudFormation template. */
function iacByContent(path: string, text: string | undefined): string | undefined {
  if (!text || !/\.(ya?ml|json|template)$/.test(path)) return undefined;
  if (/AWSTemplateFormatVersion|"?Type"?\s*:\s*"?AWS::\w+::/.test(text)) return 'a CloudFormation template';
  if (/^\s*"?apiVersion"?\s*:/m.test(text) && /^\s*"?kind"?\s*:\s*"?[A-Z]\w+/m.test(text)) return 'a Kubernetes manifest';
  return undefined;
}

function iacWhat(path: string, text: string | undefined): string | undefined {
  if (TERRAFORM.test(path)) return path.endsWith('.bicep') ? 'Bicep infrastructure code' : 'Terraform infrastructure code';
  if (HELM.test(path) && /(^|\/)(charts?|helm)\//.test(`/${path}`) || /(^|\/)Chart\.ya?ml$/.test(path)) return 'a Helm chart';
  if (KUSTOMIZE.test(path)) return 'a Kustomize overlay';
  if (PULUMI.test(path)) return 'a Pulumi project';
  return iacByContent(path, text);
}

/** Infrastructure as code, container builds and code ownership: changes to what runs where and who approves. */
export function infraSignals(file: ChangedFile): ChangeSignal[] {
  const lines = touchedLines(file);
  const verb = file.base === undefined ? 'adds' : file.head === undefined ? 'removes' : 'changes';
  if (CODEOWNERS.test(file.path)) return [{ kind: 'codeowners', file: file.path, lines, detail: `${verb} who must approve changes (CODEOWNERS)` }];
  if (DOCKERFILE.test(file.path)) return [{ kind: 'dockerfile', file: file.path, lines, detail: `${verb} a container image build` }];
  if (COMPOSE.test(file.path)) return [{ kind: 'dockerfile', file: file.path, lines, detail: `${verb} how containers run (Compose)` }];
  const iac = iacWhat(file.path, file.head ?? file.base);
  return iac ? [{ kind: 'iac', file: file.path, lines, detail: `${verb} ${iac}` }] : [];
}
