import { PROP } from '../../sarif/props.js';
import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, htmlToText, levelOf, logOf, logicalLocation, missing, read } from '../toolkit.js';

type Obj = Record<string, unknown>;

// Qualys rates 1 (minimal) to 5 (urgent).
const SEVERITY: Record<string, number> = { '5': 9.5, '4': 8.0, '3': 5.5, '2': 3.0, '1': 0.5 };

export const qualysWas: InputFormat = {
  id: 'qualys-was',
  title: 'Qualys Web Application Scanning XML',
  producedBy: 'Qualys WAS: scan report → XML',
  detect({ document }) {
    return document.kind === 'xml' && document.root === 'WAS_SCAN_REPORT' ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === 'xml' ? read.obj(document.data.WAS_SCAN_REPORT) : undefined;
    if (!root) missing(file, 'Qualys WAS', 'the root element is not <WAS_SCAN_REPORT>');
    const glossary = new Map<string, Obj>();
    for (const entry of read.list(read.obj(read.obj(root.GLOSSARY)?.QID_LIST)?.QID)) {
      const qid = read.obj(entry);
      if (qid && read.text(qid.QID)) glossary.set(read.text(qid.QID)!, qid);
    }
    const results = read.obj(root.RESULTS) ?? {};
    const run = new RunBuilder({ name: 'Qualys WAS', informationUri: 'https://www.qualys.com/apps/web-app-scanning/' });
    const lists: [string, string, boolean][] = [['VULNERABILITY_LIST', 'VULNERABILITY', false], ['SENSITIVE_CONTENT_LIST', 'SENSITIVE_CONTENT', true]];
    for (const [listName, element, sensitive] of lists) {
      for (const value of read.list(read.obj(results[listName])?.[element])) {
        const finding = read.obj(value) ?? {};
        const qid = read.text(finding.QID) ?? 'unknown';
        const info = glossary.get(qid) ?? {};
        const id = `qualys/${qid}`;
        const score = SEVERITY[read.text(info.SEVERITY) ?? '3'] ?? 5.5;
        const title = read.text(info.TITLE) ?? `Qualys QID ${qid}`;
        const cwes = (read.text(info.CWE) ?? '').split(/[,\s]+/).map(cweId);
        const url = read.text(finding.URL) ?? '';
        const payload = read.obj(read.list(read.obj(finding.PAYLOADS)?.PAYLOAD)[0]);
        const method = read.text(read.obj(payload?.REQUEST)?.METHOD);
        const parameter = read.text(finding.PARAM);
        run.rule({
          id,
          name: title,
          short: title,
          full: htmlToText(read.text(info.DESCRIPTION)),
          help: htmlToText(read.text(info.SOLUTION)),
          score,
          level: levelOf(score),
          cwes,
          tags: ['dast', read.text(info.GROUP), read.text(info.OWASP) ? `OWASP-${read.text(info.OWASP)}` : undefined],
        });
        // Payload requests and responses stay out: they carry headers and what the app leaked.
        run.result({
          ruleId: id,
          message: `${title}: ${method ?? 'GET'} ${url}${parameter ? ` (parameter ${parameter})` : ''}`,
          level: levelOf(score),
          score,
          category: sensitive ? 'secrets' : 'dast',
          logicalLocations: url ? [logicalLocation(url, 'url')] : [],
          cwes,
          dast: { url, method, parameter },
          secret: sensitive ? `${url}:${qid}:${read.text(finding.CONTENT) ?? ''}` : undefined,
          fingerprints: read.text(finding.UNIQUE_ID) ? { 'qualys/unique-id': read.text(finding.UNIQUE_ID)! } : undefined,
          suppressed: read.text(finding.IGNORED) === 'true' ? `ignored in Qualys${read.text(finding.IGNORE_REASON) ? `: ${read.text(finding.IGNORE_REASON)}` : ''}` : undefined,
          properties: { [PROP.severityLabel]: read.text(info.SEVERITY), [PROP.qid]: qid },
        });
      }
    }
    return logOf(run.build());
  },
};
