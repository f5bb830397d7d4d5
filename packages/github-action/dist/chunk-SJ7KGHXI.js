import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);

// ../core/dist/chunk-3WCY2HOE.js
import { createRequire as __pwCoreCreateRequire } from "module";
import { createHmac, scrypt, scryptSync } from "crypto";
var require2 = __pwCoreCreateRequire(import.meta.url);
var KEYS = [
  "category",
  "scanner",
  "severity",
  "severityLabel",
  "risk",
  "priority",
  "factors",
  "slaDays",
  "redacted",
  "source",
  "ids",
  "cwe",
  "cvss",
  "cvssVector",
  "epss",
  "kev",
  "context",
  "package",
  "dast",
  "requests",
  "route",
  "image",
  "scope",
  "confidence",
  "fingerprint",
  "toolFingerprint",
  "secretHash",
  "entropy",
  "verified",
  "tools",
  "duplicates",
  "carriedOver",
  "waiver",
  "ticketAcceptance",
  "dev",
  "direct",
  "via",
  "pkgPath",
  "fixState",
  "fixedUpstream",
  "baseAgeDays",
  "vexState",
  "exploitMaturity",
  "framework",
  "host",
  "status",
  "alertNumber",
  "alertState",
  "issueType",
  "sonarType",
  "pluginId",
  "qid",
  "commit",
  "repository",
  "outsideRoot",
  "feeds",
  "inventory",
  "sbomComponents",
  "dependencies",
  "advisories",
  "stage",
  "shard",
  "baseline",
  "diff",
  "merged",
  "verdict",
  "waivers",
  "scanners",
  "provenance",
  "images",
  "coverage",
  "excluded",
  "review"
];
var PROP = Object.fromEntries(KEYS.map((k) => [k, `pipewarden/${k}`]));
function prop(bag, key) {
  return bag?.[key];
}
var SECRET_PATTERNS = [
  /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|APKA)[A-Z2-7]{16}\b/g,
  /\bgh[pousr]_[A-Za-z0-9]{36,255}\b/g,
  /\bgithub_pat_[A-Za-z0-9_]{22,255}\b/g,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/g,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g,
  /\bnpm_[A-Za-z0-9]{36}\b/g,
  /\bsk_(?:live|test)_[A-Za-z0-9]{20,}\b/g,
  /\bAIza[0-9A-Za-z_-]{35}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b/g,
  /(?<=:\/\/[^\s:/@]{1,64}:)[^\s@/]{3,}(?=@)/g
];
var REDACTED = "[redacted]";
var CANDIDATE = /A[KSGIRNP][A-Z]A|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|npm_|sk_(?:live|test)_|AIza|PRIVATE KEY|eyJ/;
var TOKEN_RUN = /[A-Za-z0-9+/=_-]{20,}/g;
function hasTokenRun(text) {
  return (textMarks(text) & TOKEN_RUN_MARK) !== 0;
}
var SHAPE_MARK = 1;
var TOKEN_RUN_MARK = 2;
function textMarks(text) {
  let marks = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 43 || c === 47 || c === 61 || c === 95 || c === 45) {
      if (c === 65 || c === 95 || c === 45 || c === 74) marks |= SHAPE_MARK;
      if (++run >= MIN_TOKEN_LENGTH) marks |= TOKEN_RUN_MARK;
      if (marks === (SHAPE_MARK | TOKEN_RUN_MARK)) return marks;
    } else run = 0;
  }
  return marks;
}
var DIGEST_PREFIX = /(?:sha(?:1|224|256|384|512)|md5|blake2[bs]?|h1)[:-]$|base64,$/i;
var DIGEST_START = /^(?:sha(?:1|224|256|384|512)|md5|blake2[bs]?)-/i;
var HEX = /^[0-9a-f]+(?:[-_][0-9a-f]+)*$/i;
var MIN_TOKEN_ENTROPY = 3.5;
var MIN_TOKEN_LENGTH = 20;
function entropy(value) {
  const counts = /* @__PURE__ */ new Map();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function isWordy(value) {
  const letters = value.split(/[-_+/=\d]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
  if (!letters.length) return true;
  const singles = letters.filter((piece) => piece.length === 1).length;
  const length = letters.reduce((n, piece) => n + piece.length, 0);
  const spoken = letters.filter((piece) => /[a-z]/.test(piece)).join("");
  const vowels = spoken.replace(/[^aeiouAEIOU]/g, "").length;
  return singles * 2 <= letters.length && length / letters.length >= 3 && (!spoken || vowels / spoken.length >= 0.25);
}
function looksGenerated(run) {
  const value = run.replace(/=+$/, "");
  if (value.length < MIN_TOKEN_LENGTH) return false;
  if (value.split(/[-_=]+/).every((piece) => HEX.test(piece) || /^[A-Za-z]*$/.test(piece))) return false;
  const classes = Number(/[a-z]/.test(value)) + Number(/[A-Z]/.test(value)) + Number(/\d/.test(value));
  if (classes < 2 || isWordy(value)) return false;
  return entropy(value) >= MIN_TOKEN_ENTROPY;
}
function isPathLike(run) {
  return run.includes("/") && run.split("/").some((piece) => /^(?:[A-Z]?[a-z]{2,})+$/.test(piece));
}
var URL_SPAN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
var CREDENTIAL_PARAMETER = /^([\w.-]*(?:token|key|secret|passw|pwd|sig|signature|auth|session|sid|credential)[\w.-]*=)(.+)$/i;
function maskGenerated(text, found) {
  if (text.length < MIN_TOKEN_LENGTH || !hasTokenRun(text)) return text;
  const urls = [];
  if (text.includes("://")) for (const match of text.matchAll(URL_SPAN)) urls.push([match.index, match.index + match[0].length]);
  return text.replace(TOKEN_RUN, (run, offset) => {
    if (urls.some(([start, end]) => offset >= start && offset < end)) {
      const parameter = text[offset - 1] === "?" || text[offset - 1] === "&" ? CREDENTIAL_PARAMETER.exec(run) : null;
      if (!parameter) return run;
      found?.add(parameter[2]);
      return `${parameter[1]}${REDACTED}`;
    }
    if (DIGEST_START.test(run) || DIGEST_PREFIX.test(text.slice(Math.max(0, offset - 8), offset))) return run;
    if (isPathLike(run)) {
      return run.split("/").map((piece) => looksGenerated(piece) ? (found?.add(piece), REDACTED) : piece).join("/");
    }
    if (!looksGenerated(run)) return run;
    found?.add(run);
    return REDACTED;
  });
}
function redactShapes(text, found, marks = textMarks(text)) {
  if (((marks & SHAPE_MARK) === 0 || !CANDIDATE.test(text)) && !(text.includes("://") && text.includes("@"))) return text;
  let out = text;
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (secret) => {
      found?.add(secret);
      return REDACTED;
    });
  }
  return out;
}
function redactText(text, found) {
  const marks = textMarks(text);
  const shaped = redactShapes(text, found, marks);
  if (shaped === text && (marks & TOKEN_RUN_MARK) === 0) return text;
  return maskGenerated(shaped, found);
}
var QUOTED = /(?<![\p{L}\p{N}])(["'`])((?:(?!\1)[^\n]){1,500}?)\1(?![\p{L}\p{N}])|“([^”\n]{1,500})”|‘([^’\n]{1,500})’/gu;
var CREDENTIAL_WORD = /^(?:(?:password|passwd|pwd|pass|secret|token|key|api[-_ ]?key|credential|auth|private[-_ ]?key)s?|\[redacted\]|\{\d+\})$/i;
var PATH_LIKE = /[\\/]|\.[a-z]{1,5}$/i;
var TRAILING_VALUE = /((?:password|passwd|pwd|secret|token|key|credential)s?\b[^:\n]{0,40}:\s*)([^\s'"`]{4,})\s*$/i;
function maskQuotedValues(text, found) {
  let quoted = false;
  const out = text.replace(QUOTED, (whole, quote, straight, double, single) => {
    const value = straight ?? double ?? single ?? "";
    if (CREDENTIAL_WORD.test(value.trim())) return whole;
    quoted = true;
    found?.add(value);
    return quote ? `${quote}${REDACTED}${quote}` : double !== void 0 ? `\u201C${REDACTED}\u201D` : `\u2018${REDACTED}\u2019`;
  });
  if (quoted) return out;
  return out.replace(TRAILING_VALUE, (_whole, lead, value) => {
    if (value === REDACTED || CREDENTIAL_WORD.test(value) || PATH_LIKE.test(value)) return `${lead}${value}`;
    found?.add(value);
    return `${lead}${REDACTED}`;
  });
}
var LONG_MASK = /[*•●]{5,}/g;
function shortenMasks(text) {
  return text.replace(LONG_MASK, (mask, offset) => /[A-Za-z0-9]/.test(text[offset + mask.length] ?? "") ? "****\u2026" : "****");
}
var ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_]?)|\x9b[0-?]*[ -/]*[@-~]/g;
var CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
var ANY_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
var BREAKS = /\s*(?:\r\n|[\r\n\u0085\u2028\u2029])\s*/g;
function stripControls(text) {
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPES, "").replace(CONTROLS, "");
}
function safeLine(text, max = 1e3) {
  const flat = stripControls(text).replace(BREAKS, " ").replace(/\t/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}\u2026` : flat;
}
var PipewardenError = class extends Error {
  file;
  constructor(message, details = {}) {
    super(message, details.cause === void 0 ? void 0 : { cause: details.cause });
    this.file = details.file;
  }
  /** One line for humans: `<file>: <problem>` (no stack, no newlines). */
  /** One line whatever the file name or message holds (a newline, an escape sequence, 40 KB of path). */
  toLine() {
    const text = safeLine(redactText(this.message), 2e3);
    return this.file ? `${safeLine(this.file, 300)}: ${text}` : text;
  }
};
var ConfigError = class extends PipewardenError {
  name = "ConfigError";
  /** Every problem found, each with its path, so users fix them all in one go. */
  problems;
  constructor(message, details = {}) {
    super(message, details);
    this.problems = details.problems ?? [message];
  }
};
var InputError = class extends PipewardenError {
  name = "InputError";
};
var ScannerError = class extends PipewardenError {
  name = "ScannerError";
  scanner;
  constructor(scanner, message, details = {}) {
    super(message, details);
    this.scanner = scanner;
  }
};
var InternalError = class extends PipewardenError {
  name = "InternalError";
};
function isPipewardenError(error) {
  return error instanceof PipewardenError;
}
function describeFsError(error) {
  const code = error?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory, expected a file";
    case "ENOTDIR":
      return "a parent of this path is not a directory";
    case "EMFILE":
      return "too many open files";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
var SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
var SARIF_VERSION = "2.1.0";
var FINGERPRINT_KEY = "pipewarden/v1";
function fingerprintOf(result) {
  return result.partialFingerprints?.[FINGERPRINT_KEY] ?? prop(result.properties, PROP.fingerprint);
}
var SRCROOT = "%SRCROOT%";
var SECRET_SALT = "pipewarden/secret/v1";
var KEYED_CONTEXT = "pipewarden/secret/v2";
var SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
var MIN_SECRET_KEY_LENGTH = 16;
var UNKEYED_SECRET_HASH = /^hmac-sha256:[0-9a-f]{32}$/;
function secretHash(value) {
  return `hmac-sha256:${createHmac("sha256", SECRET_SALT).update(value).digest("hex").slice(0, 32)}`;
}
function secretKeyingOf(env, repository) {
  const key = env.PIPEWARDEN_SECRET_KEY?.trim();
  return { ...key ? { key } : {}, ...repository ? { repository } : {} };
}
function createSecretKeyer(keying = {}) {
  const cache = /* @__PURE__ */ new Map();
  const key = keying.key;
  if (key !== void 0 && key.length < MIN_SECRET_KEY_LENGTH) {
    throw new ConfigError(`PIPEWARDEN_SECRET_KEY is ${key.length} characters: use at least ${MIN_SECRET_KEY_LENGTH} random ones (openssl rand -hex 32)`);
  }
  const salt = `${KEYED_CONTEXT}\0${keying.repository ?? ""}`;
  const input = (hash) => `${KEYED_CONTEXT}\0${hash}`;
  if (key !== void 0) {
    const rekey = (hash) => {
      let keyed = cache.get(hash);
      if (keyed === void 0) cache.set(hash, keyed = `keyed:${createHmac("sha256", key).update(input(hash)).digest("hex").slice(0, 32)}`);
      return keyed;
    };
    return { mode: "key", prepare: async () => {
    }, rekey };
  }
  const derived = (bytes) => `derived:${bytes.toString("hex")}`;
  return {
    mode: "derived",
    async prepare(hashes) {
      const missing2 = [...new Set(hashes)].filter((hash) => !cache.has(hash));
      await Promise.all(
        missing2.map(
          (hash) => new Promise(
            (resolve, reject) => scrypt(input(hash), salt, 16, SCRYPT, (error, bytes) => {
              if (error) reject(error);
              else {
                cache.set(hash, derived(bytes));
                resolve();
              }
            })
          )
        )
      );
    },
    rekey(hash) {
      let keyed = cache.get(hash);
      if (keyed === void 0) cache.set(hash, keyed = derived(scryptSync(input(hash), salt, 16, SCRYPT)));
      return keyed;
    }
  };
}
function toUriReference(text) {
  return text.replace(/\\/g, "/").replace(/%(?![0-9A-Fa-f]{2})/g, "%25").replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}
function decodeUri(uri) {
  if (!uri.includes("%")) return uri;
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
function leavesRoot(location) {
  const uri = location?.uri;
  if (!uri) return false;
  if (location.uriBaseId !== void 0 && location.uriBaseId !== SRCROOT) return false;
  if (/^file:/i.test(uri)) return true;
  if (/^[a-z][a-z0-9+.-]+:/i.test(uri)) return false;
  const path = decodeUri(uri.replace(/[?#].*$/, ""));
  if (path.startsWith("/") || path.startsWith("\\") || /^[A-Za-z]:/.test(path)) return true;
  let depth = 0;
  for (const segment of path.split(/[\\/]/)) {
    if (segment === "..") {
      if (--depth < 0) return true;
    } else if (segment !== "" && segment !== ".") {
      depth++;
    }
  }
  return false;
}
var SEVERITY_TABLE = {
  critical: 9.5,
  blocker: 9.5,
  high: 8,
  error: 8,
  major: 8,
  medium: 5.5,
  moderate: 5.5,
  warning: 5.5,
  low: 3,
  minor: 3,
  note: 3,
  info: 0,
  informational: 0,
  information: 0,
  negligible: 0,
  none: 0,
  unknown: 5.5,
  // not yet rated: treated as medium until it is
  style: 0,
  "best-practice": 0
};
function scoreOf(severity, fallback = 5.5) {
  if (typeof severity === "number" && Number.isFinite(severity)) return Math.min(10, Math.max(0, severity));
  if (typeof severity !== "string") return fallback;
  const number = Number(severity);
  if (severity.trim() !== "" && Number.isFinite(number)) return Math.min(10, Math.max(0, number));
  return SEVERITY_TABLE[severity.trim().toLowerCase()] ?? fallback;
}
function levelOf(score) {
  if (score >= 7) return "error";
  if (score >= 4) return "warning";
  return "note";
}
function formatScore(score) {
  return score.toFixed(1);
}
function firstScore(...candidates) {
  for (const candidate of candidates) {
    const number = typeof candidate === "string" ? Number(candidate) : candidate;
    if (typeof number === "number" && Number.isFinite(number) && number > 0 && number <= 10) return number;
  }
  return void 0;
}
function cweId(value) {
  if (typeof value === "number" && Number.isInteger(value) && value > 0) return `CWE-${value}`;
  if (typeof value !== "string") return void 0;
  const match = /^\s*(?:CWE[-_ :]*)?(\d{1,5})\b/i.exec(value);
  return match && Number(match[1]) > 0 ? `CWE-${Number(match[1])}` : void 0;
}
function cweTag(cwe) {
  return `external/cwe/${cwe.toLowerCase()}`;
}
function uniqueIds(values) {
  const out = /* @__PURE__ */ new Set();
  for (const value of values) if (typeof value === "string" && value.trim()) out.add(value.trim());
  return [...out];
}
var ECOSYSTEM_PURL = {
  npm: "npm",
  node: "npm",
  "node.js": "npm",
  nodejs: "npm",
  yarn: "npm",
  pnpm: "npm",
  javascript: "npm",
  pypi: "pypi",
  pip: "pypi",
  python: "pypi",
  pipenv: "pypi",
  poetry: "pypi",
  maven: "maven",
  java: "maven",
  gradle: "maven",
  jar: "maven",
  go: "golang",
  golang: "golang",
  gomod: "golang",
  gobinary: "golang",
  cargo: "cargo",
  rust: "cargo",
  "crates.io": "cargo",
  gem: "gem",
  rubygems: "gem",
  ruby: "gem",
  bundler: "gem",
  gemspec: "gem",
  nuget: "nuget",
  dotnet: "nuget",
  ".net": "nuget",
  composer: "composer",
  packagist: "composer",
  php: "composer",
  debian: "deb",
  ubuntu: "deb",
  deb: "deb",
  dpkg: "deb",
  alpine: "apk",
  apk: "apk",
  wolfi: "apk",
  chainguard: "apk",
  redhat: "rpm",
  centos: "rpm",
  rocky: "rpm",
  alma: "rpm",
  amazon: "rpm",
  fedora: "rpm",
  oracle: "rpm",
  rpm: "rpm",
  suse: "rpm",
  "opensuse.leap": "rpm",
  "sles": "rpm",
  hex: "hex",
  pub: "pub",
  swift: "swift",
  cocoapods: "cocoapods",
  conan: "conan",
  hackage: "hackage",
  cran: "cran"
};
function purlOf(ecosystem, name, version) {
  if (!ecosystem || !name) return void 0;
  const type = ECOSYSTEM_PURL[ecosystem.toLowerCase()];
  if (!type) return void 0;
  let namespace = "";
  let base = name;
  if (type === "maven" && name.includes(":")) [namespace, base] = name.split(":", 2);
  else if (name.includes("/") && (type === "npm" || type === "golang" || type === "composer")) {
    const cut = name.lastIndexOf("/");
    namespace = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const enc = (text) => encodeURIComponent(text).replace(/%2F/g, "/");
  const path = namespace ? `${namespace.split("/").map((p) => enc(p)).join("/")}/${enc(base)}` : enc(base);
  return `pkg:${type}/${path}${version ? `@${enc(version)}` : ""}`;
}
var REGION_MEMBERS = ["startLine", "endLine", "startColumn", "endColumn"];
function lineNumber(value) {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return Number.isSafeInteger(number) && number >= 1 ? number : void 0;
}
function regionNumbers(raw, note, noneWords = false) {
  const out = {};
  let lostStart = false;
  for (const member of REGION_MEMBERS) {
    const value = raw[member];
    if (value === void 0 || noneWords && (value === null || value === "" || value === 0 || value === "0")) continue;
    const number = lineNumber(value);
    if (number !== void 0) out[member] = number;
    else if (member === "startLine") {
      note?.({ member, value, kind: "invalid" });
      lostStart = true;
      break;
    } else note?.({ member, value, kind: "invalid" });
  }
  if (lostStart) return {};
  if (out.endLine !== void 0 && out.startLine !== void 0 && out.endLine < out.startLine) {
    note?.({ member: "endLine", value: out.endLine, kind: "reversed", startLine: out.startLine });
    delete out.endLine;
  }
  return out;
}
function shown(value) {
  if (typeof value === "string") return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}\u2026` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : `an ${typeof value}`;
}
var NOTE_WORDING = {
  start: {
    one: (example) => `${example} is not a line number; left the finding without a line (it keeps its file)`,
    many: (count, examples) => `${count} start lines are not line numbers (${examples}); left those findings without a line (they keep their files)`
  },
  other: {
    one: (example) => `${example} is not a line or column number; dropped it`,
    many: (count, examples) => `${count} end lines and columns are not line or column numbers (${examples}); dropped them`
  },
  reversed: {
    one: (example) => `${example}; dropped the end line`,
    many: (count, examples) => `${count} regions end before they start (${examples}); dropped their end lines`
  }
};
var SHOWN_NOTES = 3;
var RegionNotes = class {
  groups = /* @__PURE__ */ new Map();
  /** `where` names the place when the caller knows it ("run 0 result 3"). */
  add(problem, where) {
    const key = problem.kind === "reversed" ? "reversed" : problem.member === "startLine" ? "start" : "other";
    const group = this.groups.get(key) ?? { count: 0, examples: [] };
    this.groups.set(key, group);
    group.count++;
    if (group.examples.length >= SHOWN_NOTES) return;
    const what = problem.kind === "reversed" ? `endLine ${shown(problem.value)} is before startLine ${problem.startLine}` : `${problem.member} ${shown(problem.value)}`;
    group.examples.push(where ? `${where}: ${what}` : what);
  }
  lines() {
    return [...this.groups].map(
      ([key, { count, examples }]) => count === 1 ? NOTE_WORDING[key].one(examples[0]) : NOTE_WORDING[key].many(count, `${examples.join(", ")}${count > examples.length ? ", \u2026" : ""}`)
    );
  }
};
var regionNote;
function notingRegions(note, parse) {
  const outer = regionNote;
  regionNote = note;
  try {
    return parse();
  } finally {
    regionNote = outer;
  }
}
function checkedRegion(raw) {
  const region = regionNumbers(raw, regionNote, true);
  return region.startLine === void 0 ? void 0 : region;
}
function fileLocation(uri, region = {}, message) {
  if (!uri) return void 0;
  const numbers = checkedRegion(region);
  return {
    physicalLocation: {
      artifactLocation: { uri: toUriReference(uri) },
      ...numbers ? {
        region: {
          startLine: numbers.startLine,
          ...numbers.endLine !== void 0 ? { endLine: numbers.endLine } : {},
          ...numbers.startColumn !== void 0 ? { startColumn: numbers.startColumn } : {},
          // An end column at or before the start column on the start line marks no span: left out, as tools mean none.
          ...numbers.endColumn !== void 0 && ((numbers.endLine ?? numbers.startLine) > numbers.startLine || numbers.startColumn === void 0 || numbers.endColumn > numbers.startColumn) ? { endColumn: numbers.endColumn } : {},
          ...region.snippet ? { snippet: { text: region.snippet } } : {}
        }
      } : {}
    },
    ...message ? { message: { text: message } } : {}
  };
}
function logicalLocation(name, kind, fullyQualifiedName) {
  return { name, ...kind ? { kind } : {}, ...fullyQualifiedName ? { fullyQualifiedName } : {} };
}
function clean(text, max = 2e4) {
  if (text === void 0 || text === null) return void 0;
  const value = String(text).trim();
  if (!value) return void 0;
  return value.length > max ? `${value.slice(0, max - 1)}\u2026` : value;
}
var RunBuilder = class {
  constructor(driver, runProperties = {}) {
    this.driver = driver;
    this.runProperties = runProperties;
  }
  driver;
  runProperties;
  rules = /* @__PURE__ */ new Map();
  results = [];
  rule(spec) {
    const cwes = uniqueIds((spec.cwes ?? []).map(cweId));
    const tags = uniqueIds(["security", ...spec.tags ?? [], ...cwes.map(cweTag)]);
    const existing = this.rules.get(spec.id);
    if (existing) {
      const merged = /* @__PURE__ */ new Set([...existing.properties?.tags ?? [], ...tags]);
      existing.properties = { ...existing.properties, tags: [...merged] };
      const current = Number(existing.properties["security-severity"] ?? NaN);
      if (spec.score !== void 0 && !(current >= spec.score)) existing.properties["security-severity"] = formatScore(spec.score);
      if (cwes.length) existing.properties[PROP.cwe] = uniqueIds([...prop(existing.properties, PROP.cwe) ?? [], ...cwes]);
      return;
    }
    const short = clean(spec.short ?? spec.name ?? spec.id, 1e3);
    const full = clean(spec.full, 2e4);
    const help = clean(spec.help, 5e4);
    const link = spec.helpUri ? /https?:\/\/[^\s"'<>]+/i.exec(spec.helpUri)?.[0]?.replace(/[.,;)]+$/, "") : void 0;
    const helpUri = link ? toUriReference(link) : void 0;
    this.rules.set(spec.id, {
      id: spec.id,
      ...spec.name ? { name: clean(spec.name, 300) } : {},
      shortDescription: { text: short },
      ...full ? { fullDescription: { text: full } } : {},
      ...help ? { help: { text: help } } : {},
      ...helpUri ? { helpUri } : {},
      ...spec.level ? { defaultConfiguration: { level: spec.level } } : {},
      properties: {
        ...spec.properties,
        tags,
        ...spec.score !== void 0 ? { "security-severity": formatScore(spec.score) } : {},
        ...spec.precision ? { precision: spec.precision } : {},
        ...cwes.length ? { [PROP.cwe]: cwes } : {}
      }
    });
  }
  result(spec) {
    if (!this.rules.has(spec.ruleId)) this.rule({ id: spec.ruleId, short: spec.message, score: spec.score, level: spec.level });
    const ids = uniqueIds([...spec.ids ?? [], ...(spec.cwes ?? []).map(cweId)]);
    const props = { ...spec.properties };
    if (spec.category) props[PROP.category] = spec.category;
    if (spec.score !== void 0) props["security-severity"] = formatScore(spec.score);
    if (ids.length) {
      props[PROP.ids] = ids;
      props.tags = uniqueIds([...props.tags ?? [], ...ids]);
    }
    if (spec.package) {
      const { fixedVersions, ...pkg } = spec.package;
      props[PROP.package] = {
        ...Object.fromEntries(Object.entries(pkg).filter(([, v]) => v !== void 0 && v !== "")),
        purl: pkg.purl ?? purlOf(pkg.ecosystem, pkg.name, pkg.version),
        fixedVersions: uniqueIds([...fixedVersions ?? []])
      };
    }
    if (spec.dast) props[PROP.dast] = Object.fromEntries(Object.entries(spec.dast).filter(([, v]) => v !== void 0 && v !== ""));
    if (spec.image) props[PROP.image] = Object.fromEntries(Object.entries(spec.image).filter(([, v]) => v !== void 0 && v !== ""));
    if (spec.secret) props[PROP.secretHash] = secretHash(spec.secret);
    const locations = (spec.locations ?? []).filter((l) => l !== void 0);
    const logical = spec.logicalLocations ?? [];
    if (logical.length) {
      if (locations.length) locations[0] = { ...locations[0], logicalLocations: [...logical] };
      else locations.push({ logicalLocations: [...logical] });
    }
    const related = (spec.relatedLocations ?? []).filter((l) => l !== void 0).map((l, id) => ({ ...l, id }));
    this.results.push({
      ruleId: spec.ruleId,
      level: spec.level ?? this.rules.get(spec.ruleId)?.defaultConfiguration?.level ?? "warning",
      message: { text: clean(spec.message, 2e4) ?? spec.ruleId },
      ...locations.length ? { locations } : {},
      ...related.length ? { relatedLocations: related } : {},
      ...spec.fingerprints && Object.keys(spec.fingerprints).length ? { partialFingerprints: spec.fingerprints } : {},
      ...spec.suppressed ? { suppressions: [{ kind: "external", status: "accepted", justification: spec.suppressed }] } : {},
      ...Object.keys(props).length ? { properties: props } : {}
    });
  }
  get size() {
    return this.results.length;
  }
  build() {
    const rules = [...this.rules.values()];
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    for (const result of this.results) result.ruleIndex = index.get(result.ruleId);
    const { name, version, informationUri, organization } = this.driver;
    return {
      tool: {
        driver: {
          name,
          ...version ? { version: String(version) } : {},
          ...informationUri ? { informationUri } : {},
          ...organization ? { organization } : {},
          rules
        }
      },
      results: this.results,
      ...Object.keys(this.runProperties).length ? { properties: this.runProperties } : {}
    };
  }
};
function logOf(...runs) {
  return { version: "2.1.0", runs };
}
var read = {
  obj(value) {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
  },
  arr(value) {
    return Array.isArray(value) ? value : [];
  },
  str(value) {
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return void 0;
  },
  num(value) {
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof number === "number" && Number.isFinite(number) ? number : void 0;
  },
  /** XML children: fast-xml-parser gives one child as an object and several as an array. */
  list(value) {
    if (value === void 0 || value === null || value === "") return [];
    return Array.isArray(value) ? value : [value];
  },
  /** Text of an XML element that may carry attributes ({ '#text': … }). */
  text(value) {
    if (typeof value === "string" || typeof value === "number") return String(value);
    const object = read.obj(value);
    return object ? read.str(object["#text"]) : void 0;
  }
};
function missing(file, format, what) {
  throw new InputError(`is not a valid ${format} report: ${what}`, { file });
}
function htmlToText(html) {
  if (!html) return void 0;
  return html.replace(/<br\s*\/?>/gi, "\n").replace(/<\/(p|li|div|h\d)>/gi, "\n").replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/\n{3,}/g, "\n\n").trim();
}

// ../core/dist/chunk-YEVI7O26.js
import { createRequire as __pwCoreCreateRequire2 } from "module";
var require3 = __pwCoreCreateRequire2(import.meta.url);
var DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
function parseReference(text) {
  let rest = text.trim();
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return void 0;
  }
  let tag;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return void 0;
  }
  const parts = rest.split("/");
  let registry = "docker.io";
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost")) registry = parts.shift();
  if (!parts.length || !parts.every((p) => COMPONENT.test(p))) return void 0;
  const repository = registry === "docker.io" && parts.length === 1 ? `library/${parts[0]}` : parts.join("/");
  return { registry, repository, tag, digest };
}
function familiarName(ref) {
  if (ref.registry !== "docker.io") return `${ref.registry}/${ref.repository}`;
  return ref.repository.startsWith("library/") ? ref.repository.slice("library/".length) : ref.repository;
}
function formatReference(ref) {
  return `${familiarName(ref)}${ref.tag ? `:${ref.tag}` : ""}${ref.digest ? `@${ref.digest}` : ""}`;
}
function globRegExp(glob) {
  const source = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*\*/g, "\0").replace(/\*/g, "[^/]*").replace(/\u0000/g, ".*");
  return new RegExp(`^${source}$`);
}
function matchesPattern(ref, pattern) {
  const slash = pattern.lastIndexOf("/");
  const colon = pattern.lastIndexOf(":");
  const hasTag = colon > slash;
  const namePattern = hasTag ? pattern.slice(0, colon) : pattern;
  const tagPattern = hasTag ? pattern.slice(colon + 1) : void 0;
  const name = globRegExp(namePattern);
  const names = [familiarName(ref), `${ref.registry}/${ref.repository}`];
  if (!names.some((n) => name.test(n))) return false;
  return tagPattern === void 0 || ref.tag !== void 0 && globRegExp(tagPattern).test(ref.tag);
}
function sanctionedEntry(ref, list) {
  return list?.find((entry) => matchesPattern(ref, entry.name) && (!ref.digest || !entry.digests || entry.digests.includes(ref.digest)));
}

export {
  PROP,
  prop,
  REDACTED,
  redactShapes,
  redactText,
  maskQuotedValues,
  shortenMasks,
  stripControls,
  PipewardenError,
  ConfigError,
  InputError,
  ScannerError,
  InternalError,
  isPipewardenError,
  describeFsError,
  SARIF_SCHEMA_URI,
  SARIF_VERSION,
  FINGERPRINT_KEY,
  fingerprintOf,
  SRCROOT,
  UNKEYED_SECRET_HASH,
  secretHash,
  secretKeyingOf,
  createSecretKeyer,
  toUriReference,
  decodeUri,
  leavesRoot,
  scoreOf,
  levelOf,
  firstScore,
  cweId,
  regionNumbers,
  RegionNotes,
  notingRegions,
  checkedRegion,
  fileLocation,
  logicalLocation,
  RunBuilder,
  logOf,
  read,
  missing,
  htmlToText,
  parseReference,
  familiarName,
  formatReference,
  sanctionedEntry
};
