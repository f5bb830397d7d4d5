import type { InputFormat } from '../types.js';
import { RunBuilder, cweId, levelOf, logOf, logicalLocation, missing, read } from '../toolkit.js';


// Wapiti's per-entry "level" changed meaning between releases (1 was high in 3.0, low in 3.1),
// so the weakness itself sets the severity.
const SEVERITY: [RegExp, number][] = [
  [/sql injection|command execution|xxe|xml external|server side request|ssrf|remote inclusion|file handling|path traversal|log4shell|spring4shell/i, 8.0],
  [/cross site scripting|xss/i, 7.5],
  [/crlf|open redirect|cross site request forgery|csrf|htaccess|fingerprint.*vuln|vulnerable software|unencrypted channel|weak credentials|takeover/i, 5.5],
];

function severityOf(name: string): number {
  return SEVERITY.find(([pattern]) => pattern.test(name))?.[1] ?? 3.0;
}

interface Entry {
  name: string;
  method?: string | undefined;
  path?: string | undefined;
  parameter?: string | undefined;
  info?: string | undefined;
  /** The first line of http_request: the proving request without its headers. */
  request?: string | undefined;
  anomaly: boolean;
}

interface Classification {
  description?: string | undefined;
  solution?: string | undefined;
  references: { title?: string | undefined; url?: string | undefined }[];
}

export const wapiti: InputFormat = {
  id: 'wapiti',
  title: 'Wapiti report (XML and JSON)',
  producedBy: 'wapiti -f xml|json -o report',
  detect({ document }) {
    if (document.kind === 'xml') {
      if (document.root !== 'report') return 0;
      const infos = read.list(read.obj(read.obj(document.data.report)?.report_infos)?.info);
      return infos.some((i) => /wapiti/i.test(read.text(i) ?? '')) ? 1 : 0.5;
    }
    if (document.kind !== 'json') return 0;
    const root = read.obj(document.data);
    if (!root || !read.obj(root.vulnerabilities) || !read.obj(root.infos)) return 0;
    return /wapiti/i.test(read.str(read.obj(root.infos)?.version) ?? '') || 'classifications' in root ? 1 : 0.7;
  },
  parse(document, { file }) {
    const entries: Entry[] = [];
    const classes = new Map<string, Classification>();
    let target: string | undefined;
    let version: string | undefined;
    if (document.kind === 'xml' && document.root === 'report') {
      const report = read.obj(document.data.report) ?? {};
      for (const info of read.list(read.obj(report.report_infos)?.info)) {
        const name = read.str(read.obj(info)?.['@_name']);
        if (name === 'target') target = read.text(info);
        if (name === 'generatorVersion') version = read.text(info)?.replace(/^Wapiti\s+/i, '');
      }
      for (const [section, anomaly] of [['vulnerabilities', false], ['anomalies', true]] as const) {
        for (const value of read.list(read.obj(report[section])?.[section === 'vulnerabilities' ? 'vulnerability' : 'anomaly'])) {
          const vuln = read.obj(value) ?? {};
          const name = read.str(vuln['@_name']) ?? 'Wapiti finding';
          classes.set(name, {
            description: read.text(vuln.description),
            solution: read.text(vuln.solution),
            references: read.list(read.obj(vuln.references)?.reference).map((r) => ({ title: read.text(read.obj(r)?.title), url: read.text(read.obj(r)?.url) })),
          });
          for (const item of read.list(read.obj(vuln.entries)?.entry)) {
            const entry = read.obj(item) ?? {};
            entries.push({ name, method: read.text(entry.method), path: read.text(entry.path), parameter: read.text(entry.parameter), info: read.text(entry.info), request: read.text(entry.http_request)?.split('\n')[0]?.slice(0, 2000), anomaly });
          }
        }
      }
    } else if (document.kind === 'json' && read.obj(read.obj(document.data)?.vulnerabilities)) {
      const root = read.obj(document.data)!;
      const infos = read.obj(root.infos) ?? {};
      target = read.str(infos.target);
      version = read.str(infos.version)?.replace(/^Wapiti\s+/i, '');
      for (const [name, value] of Object.entries(read.obj(root.classifications) ?? {})) {
        const c = read.obj(value) ?? {};
        classes.set(name, { description: read.str(c.desc), solution: read.str(c.sol), references: Object.entries(read.obj(c.ref) ?? {}).map(([title, url]) => ({ title, url: read.str(url) })) });
      }
      for (const [section, anomaly] of [['vulnerabilities', false], ['anomalies', true]] as const) {
        for (const [name, list] of Object.entries(read.obj(root[section]) ?? {})) {
          for (const item of read.arr(list)) {
            const entry = read.obj(item) ?? {};
            entries.push({ name, method: read.str(entry.method), path: read.str(entry.path), parameter: read.str(entry.parameter), info: read.str(entry.info), request: read.str(entry.http_request)?.split('\n')[0]?.slice(0, 2000), anomaly });
          }
        }
      }
    } else {
      missing(file, 'Wapiti', 'neither a Wapiti XML <report> nor a JSON report with "vulnerabilities"');
    }
    const origin = target ? (() => { try { return new URL(target).origin; } catch { return undefined; } })() : undefined;
    const run = new RunBuilder({ name: 'Wapiti', version, informationUri: 'https://wapiti-scanner.github.io' });
    for (const entry of entries) {
      const id = `wapiti/${entry.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
      const score = entry.anomaly ? 3.0 : severityOf(entry.name);
      const klass = classes.get(entry.name) ?? { references: [] };
      const cwes = klass.references.map((r) => (/^CWE-\d+/i.test(r.title ?? '') ? cweId(r.title) : undefined));
      const wstg = klass.references.map((r) => /WSTG-[A-Z]+-\d+/.exec(`${r.title} ${r.url}`)?.[0]);
      run.rule({
        id,
        name: entry.name,
        short: entry.name,
        full: klass.description,
        help: klass.solution,
        helpUri: klass.references.find((r) => r.url)?.url,
        score,
        level: levelOf(score),
        cwes,
        tags: ['dast', entry.anomaly ? 'anomaly' : 'vulnerability', ...wstg],
      });
      const url = entry.path && /^https?:\/\//i.test(entry.path) ? entry.path : `${origin ?? ''}${entry.path ?? '/'}`;
      // Only the request line of http_request is kept: its headers and curl_command can carry cookies and tokens.
      run.result({
        ruleId: id,
        message: `${entry.info ?? entry.name}: ${entry.method ?? 'GET'} ${url}${entry.parameter ? ` (parameter ${entry.parameter})` : ''}`,
        level: levelOf(score),
        score,
        category: 'dast',
        logicalLocations: [logicalLocation(url, 'url')],
        cwes,
        ids: wstg,
        dast: { url, method: entry.method, parameter: entry.parameter, evidence: entry.info?.slice(0, 300), request: entry.request },
      });
    }
    return logOf(run.build());
  },
};
