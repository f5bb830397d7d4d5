// Stand-ins for the scanners that cannot be installed here: executables of the tool's name, put on PATH by a test.
// Each behaves like the tool's current release where Pipewarden depends on it: the version probe, the arguments
// it accepts or refuses, where it writes its report, the report's shape and the exit code. docs/scanners.md
// names the release each emulates and the source read. The reports come from ../shared/corpus (read here at
// test time, never copied) or, where the tool's output depends on the checkout, are made from the files.
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StandInPlace {
  /** Folder put first on PATH. */
  bin: string;
  /** JSON lines {tool, args, cwd}, one per call. */
  log: string;
}

/** One call a stand-in recorded. */
export interface StandInCall {
  tool: string;
  args: string[];
  cwd: string;
}

const PRELUDE = (tool: string, log: string) => `#!${process.execPath}
'use strict';
const fs = require('fs');
const path = require('path');
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify({ tool: ${JSON.stringify(tool)}, args, cwd: process.cwd() }) + '\\n');
const fail = (code, ...lines) => { for (const line of lines) process.stderr.write(line + '\\n'); process.exit(code); };
/** Splits "--flag=value" and reads the value of "--flag value". */
function options(list, takesValue) {
  const flags = {}; const positionals = []; const unknown = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i];
    if (arg === '--') { positionals.push(...list.slice(i + 1)); break; }
    if (!arg.startsWith('-') || arg === '-') { positionals.push(arg); continue; }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const known = takesValue[name];
    if (known === undefined) { unknown.push(name); continue; }
    const value = known ? (eq > 0 ? arg.slice(eq + 1) : list[++i]) : eq > 0 ? arg.slice(eq + 1) : true;
    (flags[name] = flags[name] || []).push(value);
  }
  const last = (...names) => { for (const n of names) if (flags[n]) return flags[n][flags[n].length - 1]; return undefined; };
  const all = (...names) => names.flatMap((n) => flags[n] || []);
  return { flags, positionals, unknown, last, all };
}
/** Files under a folder, relative to it (POSIX), without .git. */
function walk(root, dir = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    if (entry.name === '.git') continue;
    const rel = dir ? dir + '/' + entry.name : entry.name;
    if (entry.isDirectory()) out.push(...walk(root, rel)); else if (entry.isFile()) out.push(rel);
  }
  return out;
}
`;

async function install(place: StandInPlace, tool: string, body: string): Promise<void> {
  const file = join(place.bin, tool);
  await writeFile(file, `${PRELUDE(tool, place.log)}${body}`);
  await chmod(file, 0o755);
}

/**
 * Semgrep 1.185.0 (`semgrep scan`): refuses `--config auto` under `--metrics off` exactly as the real one does
 * (exit 2, nothing written); takes Registry ids (p/…, r/…) and existing local rule files, exits 7 for a
 * config it cannot find; writes `report` to `--output`; exits 0 with findings unless `--error`.
 */
export function semgrepStandIn(place: StandInPlace, report: string): Promise<void> {
  return install(
    place,
    'semgrep',
    `if (args[0] === '--version') { console.log('1.185.0'); process.exit(0); }
const o = options(args[0] === 'scan' ? args.slice(1) : args, { '--config': true, '-c': true, '-f': true, '--metrics': true, '--output': true, '-o': true, '--json': false, '--sarif': false, '--quiet': false, '-q': false, '--error': false, '--strict': false, '--verbose': false });
if (o.unknown.length) fail(2, 'Usage: semgrep scan [OPTIONS] [TARGETS]...', "Error: No such option: " + o.unknown[0]);
const configs = o.all('--config', '-c', '-f');
if (!configs.length) configs.push('auto');
const metrics = String(o.last('--metrics') || process.env.SEMGREP_SEND_METRICS || 'auto').toLowerCase();
if (configs.includes('auto') && ['off', '0', 'false'].includes(metrics)) fail(2, '[ERROR] Cannot create auto config when metrics are off. Please allow metrics or run with a specific config.');
const missing = configs.filter((c) => c !== 'auto' && !/^(?:p|r|s)\\//.test(c) && !/^https?:/.test(c) && !fs.existsSync(c));
if (missing.length) fail(7, '[ERROR] invalid configuration file found (' + missing.length + ' configs were invalid)');
const text = fs.readFileSync(${JSON.stringify(report)}, 'utf8');
const output = o.last('--output', '-o');
if (output) fs.writeFileSync(output, text); else process.stdout.write(text);
process.exit(o.last('--error') && JSON.parse(text).results.length ? 1 : 0);
`,
  );
}

/**
 * Trivy 0.74.0 (`trivy fs|image`): reads trivy.yaml from its working directory unless `--config` names another
 * (or ''), where `exit-code` may be set; a flag wins over the file. Writes `report` to `--output`; exits with that
 * code when the report has findings, else 0. An unknown flag is a fatal error (1).
 */
export function trivyStandIn(place: StandInPlace, report: string): Promise<void> {
  return install(
    place,
    'trivy',
    `if (args[0] === '--version' || args[0] === 'version') { console.log('Version: 0.74.0'); process.exit(0); }
const o = options(args.slice(1), { '--format': true, '-f': true, '--output': true, '-o': true, '--scanners': true, '--exit-code': true, '--exit-on-eol': true, '--quiet': false, '-q': false, '--input': true, '--config': true, '-c': true, '--severity': true });
if (!['fs', 'filesystem', 'image', 'i'].includes(args[0])) fail(1, 'Error: unknown command "' + args[0] + '" for "trivy"');
if (o.unknown.length) fail(1, 'Error: unknown flag: ' + o.unknown[0]);
const configFile = o.last('--config', '-c') ?? 'trivy.yaml';
const fromFile = configFile && fs.existsSync(configFile) ? /^exit-code:\\s*(\\d+)/m.exec(fs.readFileSync(configFile, 'utf8')) : null;
const exitCode = Number(o.last('--exit-code') ?? (fromFile ? fromFile[1] : 0));
const text = fs.readFileSync(${JSON.stringify(report)}, 'utf8');
const output = o.last('--output', '-o');
if (output) fs.writeFileSync(output, text); else process.stdout.write(text);
const found = (JSON.parse(text).Results || []).some((r) => (r.Vulnerabilities || []).length || (r.Secrets || []).length || (r.Misconfigurations || []).some((m) => m.Status === 'FAIL'));
process.exit(exitCode && found ? exitCode : 0);
`,
  );
}

/**
 * Grype 0.121.2: reads .grype.yaml (or .grype/config.yaml) from its working directory, where
 * `fail-on-severity` may be set, `--fail-on` wins; writes the report to `--file` after the scan; exits 2 when a
 * match is at or above that severity. The corpus reports predate `cwes`: each match gets them in the current
 * schema's shape, objects {cve, cwe, source, type}.
 */
export function grypeStandIn(place: StandInPlace, report: string): Promise<void> {
  return install(
    place,
    'grype',
    `if (args[0] === 'version') { console.log('Application:         grype\\nVersion:             0.121.2'); process.exit(0); }
const o = options(args, { '-o': true, '--output': true, '--file': true, '--quiet': false, '-q': false, '--fail-on': true, '-f': true, '--config': true, '-c': true });
if (o.unknown.length) fail(1, 'unknown flag: ' + o.unknown[0]);
const configFile = o.last('--config', '-c') || ['.grype.yaml', '.grype/config.yaml'].find((f) => fs.existsSync(f));
const fromFile = configFile ? /^fail-on-severity:\\s*["']?(\\w+)/m.exec(fs.readFileSync(configFile, 'utf8')) : null;
const failOn = o.last('--fail-on', '-f') || (fromFile && fromFile[1]) || '';
const doc = JSON.parse(fs.readFileSync(${JSON.stringify(report)}, 'utf8'));
for (const m of doc.matches) {
  const cve = [m.vulnerability.id, ...(m.relatedVulnerabilities || []).map((r) => r.id)].find((id) => /^CVE-/.test(id)) || m.vulnerability.id;
  m.vulnerability.cwes = [{ cve, cwe: 'CWE-20', source: 'nvd@nist.gov', type: 'Primary' }];
  for (const r of m.relatedVulnerabilities || []) r.cwes = [{ cve: r.id, cwe: 'CWE-20', source: 'nvd@nist.gov', type: 'Primary' }];
}
const text = JSON.stringify(doc, null, 1);
const file = o.last('--file');
if (file) fs.writeFileSync(file, text); else process.stdout.write(text);
const order = ['negligible', 'low', 'medium', 'high', 'critical'];
const threshold = order.indexOf(failOn.toLowerCase());
if (threshold >= 0 && doc.matches.some((m) => order.indexOf(String(m.vulnerability.severity).toLowerCase()) >= threshold)) fail(2, 'discovered vulnerabilities at or above the severity threshold');
process.exit(0);
`,
  );
}

/**
 * Gitleaks 8.30.1: `dir [path]` (`detect` is hidden, not gone); an unknown flag exits 126. Finds AWS access key
 * ids (rule aws-access-token) in the files; `--redact` turns every Secret and its place in Match into "REDACTED";
 * writes the JSON array (keys in report/finding.go's order) to `--report-path`, `[]` when nothing was found; exits
 * `--exit-code` (default 1) when it found something, else 0. With STAND_IN_PARTIAL set it plays a scan cut short
 * (cmd/root.go: the report is written, "partial scan completed", exit 1).
 */
export function gitleaksStandIn(place: StandInPlace): Promise<void> {
  return install(
    place,
    'gitleaks',
    `if (args[0] === 'version' || args[0] === '--version') { console.log('8.30.1'); process.exit(0); }
const common = { '--report-path': true, '-r': true, '--report-format': true, '-f': true, '--redact': false, '--no-banner': false, '--exit-code': true, '-c': true, '--config': true, '-v': false, '--verbose': false, '-l': true, '--log-level': true, '--max-target-megabytes': true, '--no-color': false };
const command = args[0];
const own = command === 'dir' || command === 'directory' || command === 'file' ? { '--follow-symlinks': false } : command === 'detect' ? { '--no-git': false, '--source': true, '-s': true } : null;
if (!own) fail(1, 'Error: unknown command "' + command + '" for "gitleaks"');
const o = options(args.slice(1), { ...common, ...own });
if (o.unknown.length) fail(126, 'Error: unknown flag: ' + o.unknown[0]);
const source = command === 'detect' ? (o.last('--source', '-s') || '.') : (o.positionals[0] || '.');
const redact = o.last('--redact');
const percent = redact === undefined ? 0 : redact === true ? 100 : Number(redact);
const findings = [];
for (const file of walk(source)) {
  const lines = fs.readFileSync(path.join(source, file), 'utf8').split('\\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(/\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b/g)) {
      const secret = match[0];
      const shown = percent >= 100 ? 'REDACTED' : percent > 0 ? secret.slice(0, Math.round(secret.length * (100 - percent) / 100)) + '...' : secret;
      findings.push({
        RuleID: 'aws-access-token',
        Description: 'Identified a pattern that may indicate AWS credentials, risking unauthorized cloud resource access and data breaches on AWS platforms.',
        StartLine: index + 1, EndLine: index + 1, StartColumn: match.index + 1, EndColumn: match.index + secret.length,
        Match: secret.split(secret).join(shown), Secret: shown, File: file, SymlinkFile: '', Commit: '', Entropy: 3.684,
        Author: '', Email: '', Date: '', Message: '', Tags: [], Fingerprint: file + ':aws-access-token:' + (index + 1),
      });
    }
  });
}
const report = o.last('--report-path', '-r');
if (report) fs.writeFileSync(report, JSON.stringify(findings, null, 1));
// A scan cut short (its timeout, an unreadable source) still writes its report, then says so and exits 1.
if (process.env.STAND_IN_PARTIAL) fail(1, 'ERR partial scan completed');
if (findings.length) process.exit(Number(o.last('--exit-code') ?? 1));
process.exit(0);
`,
  );
}

/**
 * OSV-Scanner 2.3.8 (`osv-scanner [scan [source]]`): finds lockfiles in the folders it is given (-r: recursively);
 * none, or none with a package: "No package sources found" on stderr, nothing written, exit 128. Otherwise `report`
 * with each result's source.path set to the lockfile's absolute path (v2 walks from /), to stdout (every log line
 * goes to stderr with --format json) or `--output-file`; `--output` still works with its deprecation warning;
 * exit 1 when there are vulnerabilities.
 */
export function osvScannerStandIn(place: StandInPlace, report: string): Promise<void> {
  return install(
    place,
    'osv-scanner',
    `if (args[0] === '--version' || args[0] === 'version') { console.log('osv-scanner version: 2.3.8\\nosv-scalibr version: 0.3.6\\ncommit: n/a\\nbuilt at: n/a'); process.exit(0); }
let rest = args;
if (rest[0] === 'scan') rest = rest.slice(rest[1] === 'source' ? 2 : 1);
const o = options(rest, { '--format': true, '-f': true, '--output': true, '--output-file': true, '--recursive': false, '-r': false, '--lockfile': true, '-L': true, '--allow-no-lockfiles': false, '--verbosity': true });
if (o.unknown.length) fail(127, 'flag provided but not defined: ' + o.unknown[0]);
if (o.last('--output')) process.stderr.write('Warning: --output has been deprecated in favor of --output-file\\n');
const recursive = o.last('--recursive', '-r');
const names = ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'requirements.txt', 'go.sum', 'Cargo.lock'];
const lockfiles = o.positionals.flatMap((dir) => (recursive ? walk(dir) : fs.readdirSync(dir)).filter((f) => names.includes(path.basename(f))).map((f) => path.resolve(dir, f)));
const packagesIn = (file) => {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('package-lock.json')) return Object.keys(JSON.parse(text).packages || {}).filter((k) => k !== '').length;
  return text.split('\\n').filter((l) => l.trim() && !l.startsWith('#')).length;
};
const withPackages = lockfiles.filter((f) => packagesIn(f) > 0);
if (!withPackages.length) {
  if (o.last('--allow-no-lockfiles')) { process.stderr.write('No package sources found\\n'); }
  else fail(128, 'No package sources found, --help for usage information.');
}
const doc = JSON.parse(fs.readFileSync(${JSON.stringify(report)}, 'utf8'));
doc.results = withPackages.length ? doc.results.map((r) => ({ ...r, source: { ...r.source, path: withPackages[0] } })) : [];
const text = JSON.stringify(doc, null, 2);
const output = o.last('--output-file', '--output');
if (output) fs.writeFileSync(output, text); else process.stdout.write(text);
process.exit(doc.results.some((r) => r.packages.some((p) => (p.vulnerabilities || []).length)) ? 1 : 0);
`,
  );
}

/**
 * Checkov 3.3.30 (`checkov -d DIR -o json`): prints to stdout one report per framework that checked something
 * (`reports`, from the corpus): a dict for one, a list for several, and when nothing was checked the bare summary
 * `{passed, failed, skipped, parsing_errors, resource_count, checkov_version}` (runner_registry.py print_reports).
 * Exits 1 when a check failed, else 0.
 */
export function checkovStandIn(place: StandInPlace, reports: readonly string[]): Promise<void> {
  return install(
    place,
    'checkov',
    `if (args[0] === '--version' || args[0] === '-v') { console.log('3.3.30'); process.exit(0); }
const o = options(args, { '--directory': true, '-d': true, '--file': true, '-f': true, '--output': true, '-o': true, '--quiet': false, '--compact': false, '--skip-download': false, '--output-file-path': true, '--framework': true, '--soft-fail': false });
if (o.unknown.length) fail(2, 'checkov: error: unrecognized arguments: ' + o.unknown[0]);
const reports = ${JSON.stringify(reports)}.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
const out = reports.length === 0 ? { passed: 0, failed: 0, skipped: 0, parsing_errors: 0, resource_count: 0, checkov_version: '3.3.30' } : reports.length === 1 ? reports[0] : reports;
process.stdout.write(JSON.stringify(out, null, 4) + '\\n');
process.exit(!o.last('--soft-fail') && reports.some((r) => ((r.results || {}).failed_checks || []).length) ? 1 : 0);
`,
  );
}

/**
 * zap-baseline.py of ZAP 2.16.1 (docker/zap-baseline.py): inside a container (zap_common.running_in_docker:
 * /.dockerenv, /run/.containerenv or IS_CONTAINERIZED=true) it writes -J as os.path.join('/zap/wrk/', J) and exits 3
 * when /zap/wrk is missing; outside, relative to its working directory. The report is ZAP's traditional JSON.
 * Exit: 2 for warnings (every alert is a WARN), 0 with -I; 3 for a bad option or a target that is not http(s).
 * `-z` passes ZAP options through (zap-baseline.py's -z "zap_options"); with the network add-on's upstream proxy
 * (network.connection.httpProxy.enabled/host/port) its requests go through that proxy, and the ZAP_AUTH_HEADER*
 * environment variables add their header, as ZAP does. Like the spider, it fetches the target and the pages it
 * links to (one level), and records each answer's status in the call log ({tool: 'zap-request', …}).
 */
export function zapBaselineStandIn(place: StandInPlace): Promise<void> {
  return install(
    place,
    'zap-baseline.py',
    `const o = options(args, { '-t': true, '-J': true, '-m': true, '-I': false, '-h': false, '-r': true, '-x': true, '-w': true, '-c': true, '-z': true });
if (o.last('-h')) { console.log('Usage: zap-baseline.py -t <target> [options]'); process.exit(0); }
if (o.unknown.length) fail(3, new Date().toISOString() + ' Invalid option ' + o.unknown[0].replace(/^-/, '') + ' : option ' + o.unknown[0] + ' not recognized');
const target = o.last('-t') || '';
if (!/^https?:\\/\\//.test(target)) fail(3, new Date().toISOString() + " Target must start with 'http://' or 'https://'");
const inContainer = fs.existsSync('/.dockerenv') || fs.existsSync('/run/.containerenv') || process.env.IS_CONTAINERIZED === 'true';
const base = inContainer ? '/zap/wrk/' : '';
const json = o.last('-J');
if (inContainer && json && !fs.existsSync(base)) { process.stderr.write(new Date().toISOString() + " A file based option has been specified but the directory '/zap/wrk' is not mounted \\n"); console.log('Usage: zap-baseline.py -t <target> [options]'); process.exit(3); }
const site = target.replace(/\\/$/, '');
const zapOptions = Object.fromEntries([...(o.last('-z') || '').matchAll(/-config\\s+([\\w.]+)=(\\S*)/g)].map((m) => [m[1], m[2]]));
const http = require('http');
const upstream = zapOptions['network.connection.httpProxy.enabled'] === 'true' ? { host: zapOptions['network.connection.httpProxy.host'], port: Number(zapOptions['network.connection.httpProxy.port']) } : undefined;
const authHeader = process.env.ZAP_AUTH_HEADER_VALUE && (!process.env.ZAP_AUTH_HEADER_SITE || target.includes(process.env.ZAP_AUTH_HEADER_SITE)) ? { [(process.env.ZAP_AUTH_HEADER || 'Authorization').toLowerCase()]: process.env.ZAP_AUTH_HEADER_VALUE } : {};
function get(href) {
  const url = new URL(href);
  const where = upstream ? { host: upstream.host, port: upstream.port, path: url.href } : { host: url.hostname, port: url.port, path: url.pathname + url.search };
  return new Promise((resolve) => {
    const req = http.request({ ...where, method: 'GET', headers: { host: url.host, ...authHeader } }, (res) => { let body = ''; res.on('data', (c) => (body += c)); res.on('end', () => resolve({ status: res.statusCode, body })); });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end();
  });
}
const report = { '@programName': 'ZAP', '@version': '2.16.1', '@generated': new Date().toUTCString(), site: [{ '@name': site, '@host': new URL(target).hostname, '@port': new URL(target).port || '80', '@ssl': String(target.startsWith('https')), alerts: [
  { pluginid: '10038', alertRef: '10038-1', alert: 'Content Security Policy (CSP) Header Not Set', name: 'Content Security Policy (CSP) Header Not Set', riskcode: '2', confidence: '3', riskdesc: 'Medium (High)', desc: '<p>Content Security Policy (CSP) is an added layer of security.</p>', instances: [{ uri: site + '/', method: 'GET', param: '', attack: '', evidence: '', otherinfo: '' }], count: '1', solution: '<p>Set the Content-Security-Policy header.</p>', reference: '<p>https://developer.mozilla.org/en-US/docs/Web/HTTP/CSP</p>', cweid: '693', wascid: '15', sourceid: '1' },
  { pluginid: '10021', alertRef: '10021', alert: 'X-Content-Type-Options Header Missing', name: 'X-Content-Type-Options Header Missing', riskcode: '1', confidence: '2', riskdesc: 'Low (Medium)', desc: '<p>The Anti-MIME-Sniffing header X-Content-Type-Options was not set to nosniff.</p>', instances: [{ uri: site + '/', method: 'GET', param: 'x-content-type-options', attack: '', evidence: '', otherinfo: '' }], count: '1', solution: '<p>Set the X-Content-Type-Options header to nosniff.</p>', reference: '', cweid: '693', wascid: '15', sourceid: '1' },
] }] };
(async () => {
  const first = await get(target);
  const record = (href, answer) => fs.appendFileSync(${JSON.stringify(place.log)}, JSON.stringify({ tool: 'zap-request', args: [href, String(answer.status)], cwd: process.cwd() }) + '\\n');
  record(target, first);
  for (const link of new Set([...first.body.matchAll(/href="([^"#]+)"/g)].map((m) => new URL(m[1], target).href).filter((href) => href.startsWith(new URL(target).origin)))) record(link, await get(link));
  if (json) fs.writeFileSync(path.join(base, json), JSON.stringify(report, null, 2));
  console.log('FAIL-NEW: 0\\tFAIL-INPROG: 0\\tWARN-NEW: 2\\tWARN-INPROG: 0\\tINFO: 0\\tIGNORE: 0\\tPASS: 60');
  process.exit(o.last('-I') ? 0 : 2);
})();
`,
  );
}

/**
 * npm 12.2.2 whose registry refuses the audit endpoint (lib/utils/audit-error.js): `npm audit --json` prints
 * {message, method, uri, headers, statusCode, body} to stdout, warns and errors on stderr, exits 1.
 */
export function npmRefusedAuditStandIn(place: StandInPlace, registry = 'https://registry.example'): Promise<void> {
  const uri = `${registry}/-/npm/v1/security/advisories/bulk`;
  const refusal = {
    message: `405 Method Not Allowed - POST ${uri}`,
    method: 'POST',
    uri,
    headers: { server: ['nginx'], 'content-type': ['text/html'] },
    statusCode: 405,
    body: '<html>\r\n<head><title>405 Not Allowed</title></head>\r\n<body>\r\n<center><h1>405 Not Allowed</h1></center>\r\n</body>\r\n</html>\r\n',
  };
  return install(
    place,
    'npm',
    `if (args[0] === '--version') { console.log('12.2.2'); process.exit(0); }
if (args[0] !== 'audit') fail(1, 'npm error unknown command: ' + args[0]);
process.stderr.write(${JSON.stringify(`npm warn audit 405 Method Not Allowed - POST ${uri}\n`)});
if (args.includes('--json')) process.stdout.write(${JSON.stringify(JSON.stringify(refusal, null, 2))} + '\\n');
fail(1, 'npm error audit endpoint returned an error');
`,
  );
}
