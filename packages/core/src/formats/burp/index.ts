import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, htmlToText, levelOf, logOf, logicalLocation, missing, read } from '../toolkit.js';

const SEVERITY: Record<string, number> = { High: 8.0, Medium: 5.5, Low: 3.0, Information: 0.5 };
const PRECISION: Record<string, 'very-high' | 'high' | 'low'> = { Certain: 'very-high', Firm: 'high', Tentative: 'low' };

export const burp: InputFormat = {
  id: 'burp',
  title: 'Burp Suite issues XML',
  producedBy: 'Burp Suite: Report issues → XML',
  detect({ document }) {
    if (document.kind !== 'xml' || document.root !== 'issues') return 0;
    const issues = read.obj(document.data.issues);
    return issues && ('@_burpVersion' in issues || read.list(issues.issue).some((i) => read.obj(i)?.serialNumber !== undefined)) ? 1 : 0.5;
  },
  parse(document, { file }) {
    if (document.kind !== 'xml' || document.root !== 'issues') missing(file, 'Burp', 'the root element is not <issues>');
    const root = read.obj(document.data.issues) ?? {};
    const run = new RunBuilder({ name: 'Burp Suite', version: read.str(root['@_burpVersion']), informationUri: 'https://portswigger.net/burp' });
    for (const value of read.list(root.issue)) {
      const issue = read.obj(value) ?? {};
      const type = read.text(issue.type) ?? 'unknown';
      const name = read.text(issue.name) ?? `Burp issue ${type}`;
      const id = `burp/${type}`;
      const severity = read.text(issue.severity) ?? 'Information';
      const score = SEVERITY[severity] ?? 3.0;
      const classifications = read.text(issue.vulnerabilityClassifications) ?? '';
      const cwes = [...classifications.matchAll(/CWE-(\d+)/g)].map((m) => cweId(m[1]));
      const host = read.text(issue.host) ?? '';
      const path = read.text(issue.path) ?? '/';
      const location = read.text(issue.location) ?? path;
      const parameter = /\[(.+?) parameter\]/.exec(location)?.[1];
      const url = `${host.replace(/\/$/, '')}${path}`;
      const method = read.str(read.obj(read.obj(read.list(issue.requestresponse)[0])?.request)?.['@_method']);
      const references = read.text(issue.references) ?? '';
      run.rule({
        id,
        name,
        short: name,
        full: htmlToText(read.text(issue.issueBackground)),
        help: htmlToText(read.text(issue.remediationBackground)),
        helpUri: /href="(https?:[^"]+)"/.exec(references)?.[1] ?? `https://portswigger.net/kb/issues/${Number(type).toString(16).padStart(8, '0')}`,
        score,
        level: levelOf(score),
        cwes,
        tags: ['dast'],
      });
      // Requests and responses (base64) are left out: they carry cookies and bearer tokens.
      run.result({
        ruleId: id,
        message: `${name}: ${method ?? 'GET'} ${url}${parameter ? ` (parameter ${parameter})` : ''}`,
        level: levelOf(score),
        score,
        category: 'dast',
        logicalLocations: [logicalLocation(url, 'url')],
        cwes,
        dast: { url, method, parameter, evidence: htmlToText(read.text(issue.issueDetail))?.slice(0, 300) },
        fingerprints: read.text(issue.serialNumber) ? { 'burp/serial': read.text(issue.serialNumber)! } : undefined,
        properties: { [PROP.severityLabel]: severity, [PROP.confidence]: read.text(issue.confidence), precision: PRECISION[read.text(issue.confidence) ?? ''] },
      });
    }
    return logOf(run.build());
  },
};
