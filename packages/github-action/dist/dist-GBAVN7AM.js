import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);
import {
  VENDORED_LIBRARIES,
  VERSION,
  manifestKind
} from "./chunk-XPKD4T6B.js";
import {
  require_dist
} from "./chunk-4MSZKZUA.js";
import {
  __commonJS,
  __toESM
} from "./chunk-TOP57FAE.js";

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/constants.js
var require_constants = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/constants.js"(exports, module) {
    "use strict";
    var SEMVER_SPEC_VERSION = "2.0.0";
    var MAX_LENGTH = 256;
    var MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER || /* istanbul ignore next */
    9007199254740991;
    var MAX_SAFE_COMPONENT_LENGTH = 16;
    var MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6;
    var WHITESPACE_CHARACTERS = [
      "	",
      "\n",
      "\v",
      "\f",
      "\r",
      " ",
      "\xA0",
      "\u1680",
      "\u2000",
      "\u2001",
      "\u2002",
      "\u2003",
      "\u2004",
      "\u2005",
      "\u2006",
      "\u2007",
      "\u2008",
      "\u2009",
      "\u200A",
      "\u2028",
      "\u2029",
      "\u202F",
      "\u205F",
      "\u3000",
      "\uFEFF"
    ];
    var RELEASE_TYPES = [
      "major",
      "premajor",
      "minor",
      "preminor",
      "patch",
      "prepatch",
      "prerelease"
    ];
    module.exports = {
      MAX_LENGTH,
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_SAFE_INTEGER,
      WHITESPACE_CHARACTERS,
      RELEASE_TYPES,
      SEMVER_SPEC_VERSION,
      FLAG_INCLUDE_PRERELEASE: 1,
      FLAG_LOOSE: 2
    };
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/debug.js
var require_debug = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/debug.js"(exports, module) {
    "use strict";
    var debug = typeof process === "object" && process.env && process.env.NODE_DEBUG && /\bsemver\b/i.test(process.env.NODE_DEBUG) ? (...args) => console.error("SEMVER", ...args) : () => {
    };
    module.exports = debug;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/re.js
var require_re = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/re.js"(exports, module) {
    "use strict";
    var {
      MAX_SAFE_COMPONENT_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      MAX_LENGTH
    } = require_constants();
    var debug = require_debug();
    exports = module.exports = {};
    var re = exports.re = [];
    var safeRe = exports.safeRe = [];
    var src = exports.src = [];
    var safeSrc = exports.safeSrc = [];
    var t = exports.t = {};
    var R = 0;
    var LETTERDASHNUMBER = "[a-zA-Z0-9-]";
    var safeRegexReplacements = [
      ["\\s", 1],
      ["\\d", MAX_LENGTH],
      [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH]
    ];
    var makeSafeRegex = (value) => {
      for (const [token, max2] of safeRegexReplacements) {
        value = value.split(`${token}*`).join(`${token}{0,${max2}}`).split(`${token}+`).join(`${token}{1,${max2}}`);
      }
      return value;
    };
    var createToken = (name, value, isGlobal) => {
      const safe = makeSafeRegex(value);
      const index = R++;
      debug(name, index, value);
      t[name] = index;
      src[index] = value;
      safeSrc[index] = safe;
      re[index] = new RegExp(value, isGlobal ? "g" : void 0);
      safeRe[index] = new RegExp(safe, isGlobal ? "g" : void 0);
    };
    createToken("NUMERICIDENTIFIER", "0|[1-9]\\d*");
    createToken("NUMERICIDENTIFIERLOOSE", "\\d+");
    createToken("NONNUMERICIDENTIFIER", `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`);
    createToken("MAINVERSION", `(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})\\.(${src[t.NUMERICIDENTIFIER]})`);
    createToken("MAINVERSIONLOOSE", `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})\\.(${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASEIDENTIFIER", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIER]})`);
    createToken("PRERELEASEIDENTIFIERLOOSE", `(?:${src[t.NONNUMERICIDENTIFIER]}|${src[t.NUMERICIDENTIFIERLOOSE]})`);
    createToken("PRERELEASE", `(?:-(${src[t.PRERELEASEIDENTIFIER]}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`);
    createToken("PRERELEASELOOSE", `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`);
    createToken("BUILDIDENTIFIER", `${LETTERDASHNUMBER}+`);
    createToken("BUILD", `(?:\\+(${src[t.BUILDIDENTIFIER]}(?:\\.${src[t.BUILDIDENTIFIER]})*))`);
    createToken("FULLPLAIN", `v?${src[t.MAINVERSION]}${src[t.PRERELEASE]}?${src[t.BUILD]}?`);
    createToken("FULL", `^${src[t.FULLPLAIN]}$`);
    createToken("LOOSEPLAIN", `[v=\\s]*${src[t.MAINVERSIONLOOSE]}${src[t.PRERELEASELOOSE]}?${src[t.BUILD]}?`);
    createToken("LOOSE", `^${src[t.LOOSEPLAIN]}$`);
    createToken("GTLT", "((?:<|>)?=?)");
    createToken("XRANGEIDENTIFIERLOOSE", `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`);
    createToken("XRANGEIDENTIFIER", `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`);
    createToken("XRANGEPLAIN", `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:\\.(${src[t.XRANGEIDENTIFIER]})(?:${src[t.PRERELEASE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGEPLAINLOOSE", `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})(?:${src[t.PRERELEASELOOSE]})?${src[t.BUILD]}?)?)?`);
    createToken("XRANGE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`);
    createToken("XRANGELOOSE", `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COERCEPLAIN", `${"(^|[^\\d])(\\d{1,"}${MAX_SAFE_COMPONENT_LENGTH}})(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`);
    createToken("COERCE", `${src[t.COERCEPLAIN]}(?:$|[^\\d])`);
    createToken("COERCEFULL", src[t.COERCEPLAIN] + `(?:${src[t.PRERELEASE]})?(?:${src[t.BUILD]})?(?:$|[^\\d])`);
    createToken("COERCERTL", src[t.COERCE], true);
    createToken("COERCERTLFULL", src[t.COERCEFULL], true);
    createToken("LONETILDE", "(?:~>?)");
    createToken("TILDETRIM", `(\\s*)${src[t.LONETILDE]}\\s+`, true);
    exports.tildeTrimReplace = "$1~";
    createToken("TILDE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`);
    createToken("TILDELOOSE", `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("LONECARET", "(?:\\^)");
    createToken("CARETTRIM", `(\\s*)${src[t.LONECARET]}\\s+`, true);
    exports.caretTrimReplace = "$1^";
    createToken("CARET", `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`);
    createToken("CARETLOOSE", `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`);
    createToken("COMPARATORLOOSE", `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`);
    createToken("COMPARATOR", `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`);
    createToken("COMPARATORTRIM", `(\\s*)${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true);
    exports.comparatorTrimReplace = "$1$2$3";
    createToken("HYPHENRANGE", `^\\s*(${src[t.XRANGEPLAIN]})\\s+-\\s+(${src[t.XRANGEPLAIN]})\\s*$`);
    createToken("HYPHENRANGELOOSE", `^\\s*(${src[t.XRANGEPLAINLOOSE]})\\s+-\\s+(${src[t.XRANGEPLAINLOOSE]})\\s*$`);
    createToken("STAR", "(<|>)?=?\\s*\\*");
    createToken("GTE0", "^\\s*>=\\s*0\\.0\\.0\\s*$");
    createToken("GTE0PRE", "^\\s*>=\\s*0\\.0\\.0-0\\s*$");
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/parse-options.js
var require_parse_options = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/parse-options.js"(exports, module) {
    "use strict";
    var looseOption = Object.freeze({ loose: true });
    var emptyOpts = Object.freeze({});
    var parseOptions = (options) => {
      if (!options) {
        return emptyOpts;
      }
      if (typeof options !== "object") {
        return looseOption;
      }
      return options;
    };
    module.exports = parseOptions;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/identifiers.js
var require_identifiers = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/identifiers.js"(exports, module) {
    "use strict";
    var numeric = /^[0-9]+$/;
    var compareIdentifiers = (a, b) => {
      if (typeof a === "number" && typeof b === "number") {
        return a === b ? 0 : a < b ? -1 : 1;
      }
      const anum = numeric.test(a);
      const bnum = numeric.test(b);
      if (anum && bnum) {
        a = +a;
        b = +b;
      }
      return a === b ? 0 : anum && !bnum ? -1 : bnum && !anum ? 1 : a < b ? -1 : 1;
    };
    var rcompareIdentifiers = (a, b) => compareIdentifiers(b, a);
    module.exports = {
      compareIdentifiers,
      rcompareIdentifiers
    };
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/classes/semver.js
var require_semver = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/classes/semver.js"(exports, module) {
    "use strict";
    var debug = require_debug();
    var { MAX_LENGTH, MAX_SAFE_INTEGER } = require_constants();
    var { safeRe: re, t } = require_re();
    var parseOptions = require_parse_options();
    var { compareIdentifiers } = require_identifiers();
    var isPrereleaseIdentifier = (prerelease, identifier) => {
      const identifiers = identifier.split(".");
      if (identifiers.length > prerelease.length) {
        return false;
      }
      for (let i = 0; i < identifiers.length; i++) {
        if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
          return false;
        }
      }
      return true;
    };
    var SemVer = class _SemVer {
      constructor(version, options) {
        options = parseOptions(options);
        if (version instanceof _SemVer) {
          if (version.loose === !!options.loose && version.includePrerelease === !!options.includePrerelease) {
            return version;
          } else {
            version = version.version;
          }
        } else if (typeof version !== "string") {
          throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`);
        }
        if (version.length > MAX_LENGTH) {
          throw new TypeError(
            `version is longer than ${MAX_LENGTH} characters`
          );
        }
        debug("SemVer", version, options);
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL]);
        if (!m) {
          throw new TypeError(`Invalid Version: ${version}`);
        }
        this.raw = version;
        this.major = +m[1];
        this.minor = +m[2];
        this.patch = +m[3];
        if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
          throw new TypeError("Invalid major version");
        }
        if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
          throw new TypeError("Invalid minor version");
        }
        if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
          throw new TypeError("Invalid patch version");
        }
        if (!m[4]) {
          this.prerelease = [];
        } else {
          this.prerelease = m[4].split(".").map((id) => {
            if (/^[0-9]+$/.test(id)) {
              const num = +id;
              if (num >= 0 && num < MAX_SAFE_INTEGER) {
                return num;
              }
            }
            return id;
          });
        }
        this.build = m[5] ? m[5].split(".") : [];
        this.format();
      }
      format() {
        this.version = `${this.major}.${this.minor}.${this.patch}`;
        if (this.prerelease.length) {
          this.version += `-${this.prerelease.join(".")}`;
        }
        return this.version;
      }
      toString() {
        return this.version;
      }
      compare(other) {
        debug("SemVer.compare", this.version, this.options, other);
        if (!(other instanceof _SemVer)) {
          if (typeof other === "string" && other === this.version) {
            return 0;
          }
          other = new _SemVer(other, this.options);
        }
        if (other.version === this.version) {
          return 0;
        }
        return this.compareMain(other) || this.comparePre(other);
      }
      compareMain(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.major < other.major) {
          return -1;
        }
        if (this.major > other.major) {
          return 1;
        }
        if (this.minor < other.minor) {
          return -1;
        }
        if (this.minor > other.minor) {
          return 1;
        }
        if (this.patch < other.patch) {
          return -1;
        }
        if (this.patch > other.patch) {
          return 1;
        }
        return 0;
      }
      comparePre(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        if (this.prerelease.length && !other.prerelease.length) {
          return -1;
        } else if (!this.prerelease.length && other.prerelease.length) {
          return 1;
        } else if (!this.prerelease.length && !other.prerelease.length) {
          return 0;
        }
        let i = 0;
        do {
          const a = this.prerelease[i];
          const b = other.prerelease[i];
          debug("prerelease compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      compareBuild(other) {
        if (!(other instanceof _SemVer)) {
          other = new _SemVer(other, this.options);
        }
        let i = 0;
        do {
          const a = this.build[i];
          const b = other.build[i];
          debug("build compare", i, a, b);
          if (a === void 0 && b === void 0) {
            return 0;
          } else if (b === void 0) {
            return 1;
          } else if (a === void 0) {
            return -1;
          } else if (a === b) {
            continue;
          } else {
            return compareIdentifiers(a, b);
          }
        } while (++i);
      }
      // preminor will bump the version up to the next minor release, and immediately
      // down to pre-release. premajor and prepatch work the same way.
      inc(release, identifier, identifierBase) {
        if (release.startsWith("pre")) {
          if (!identifier && identifierBase === false) {
            throw new Error("invalid increment argument: identifier is empty");
          }
          if (identifier) {
            const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE]);
            if (!match || match[1] !== identifier) {
              throw new Error(`invalid identifier: ${identifier}`);
            }
          }
        }
        switch (release) {
          case "premajor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor = 0;
            this.major++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "preminor":
            this.prerelease.length = 0;
            this.patch = 0;
            this.minor++;
            this.inc("pre", identifier, identifierBase);
            break;
          case "prepatch":
            this.prerelease.length = 0;
            this.inc("patch", identifier, identifierBase);
            this.inc("pre", identifier, identifierBase);
            break;
          // If the input is a non-prerelease version, this acts the same as
          // prepatch.
          case "prerelease":
            if (this.prerelease.length === 0) {
              this.inc("patch", identifier, identifierBase);
            }
            this.inc("pre", identifier, identifierBase);
            break;
          case "release":
            if (this.prerelease.length === 0) {
              throw new Error(`version ${this.raw} is not a prerelease`);
            }
            this.prerelease.length = 0;
            break;
          case "major":
            if (this.minor !== 0 || this.patch !== 0 || this.prerelease.length === 0) {
              this.major++;
            }
            this.minor = 0;
            this.patch = 0;
            this.prerelease = [];
            break;
          case "minor":
            if (this.patch !== 0 || this.prerelease.length === 0) {
              this.minor++;
            }
            this.patch = 0;
            this.prerelease = [];
            break;
          case "patch":
            if (this.prerelease.length === 0) {
              this.patch++;
            }
            this.prerelease = [];
            break;
          // This probably shouldn't be used publicly.
          // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
          case "pre": {
            const base = Number(identifierBase) ? 1 : 0;
            if (this.prerelease.length === 0) {
              this.prerelease = [base];
            } else {
              let i = this.prerelease.length;
              while (--i >= 0) {
                if (typeof this.prerelease[i] === "number") {
                  this.prerelease[i]++;
                  i = -2;
                }
              }
              if (i === -1) {
                if (identifier === this.prerelease.join(".") && identifierBase === false) {
                  throw new Error("invalid increment argument: identifier already exists");
                }
                this.prerelease.push(base);
              }
            }
            if (identifier) {
              let prerelease = [identifier, base];
              if (identifierBase === false) {
                prerelease = [identifier];
              }
              if (isPrereleaseIdentifier(this.prerelease, identifier)) {
                const prereleaseBase = this.prerelease[identifier.split(".").length];
                if (isNaN(prereleaseBase)) {
                  this.prerelease = prerelease;
                }
              } else {
                this.prerelease = prerelease;
              }
            }
            break;
          }
          default:
            throw new Error(`invalid increment argument: ${release}`);
        }
        this.raw = this.format();
        if (this.build.length) {
          this.raw += `+${this.build.join(".")}`;
        }
        return this;
      }
    };
    module.exports = SemVer;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/parse.js
var require_parse = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/parse.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse6 = (version, options, throwErrors = false) => {
      if (version instanceof SemVer) {
        return version;
      }
      try {
        return new SemVer(version, options);
      } catch (er) {
        if (!throwErrors) {
          return null;
        }
        throw er;
      }
    };
    module.exports = parse6;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/valid.js
var require_valid = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/valid.js"(exports, module) {
    "use strict";
    var parse6 = require_parse();
    var valid = (version, options) => {
      const v = parse6(version, options);
      return v ? v.version : null;
    };
    module.exports = valid;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/clean.js
var require_clean = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/clean.js"(exports, module) {
    "use strict";
    var parse6 = require_parse();
    var clean = (version, options) => {
      const s = parse6(version.trim().replace(/^[=v]+/, ""), options);
      return s ? s.version : null;
    };
    module.exports = clean;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/inc.js
var require_inc = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/inc.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var inc = (version, release, options, identifier, identifierBase) => {
      if (typeof options === "string") {
        identifierBase = identifier;
        identifier = options;
        options = void 0;
      }
      try {
        return new SemVer(
          version instanceof SemVer ? version.version : version,
          options
        ).inc(release, identifier, identifierBase).version;
      } catch (er) {
        return null;
      }
    };
    module.exports = inc;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/diff.js
var require_diff = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/diff.js"(exports, module) {
    "use strict";
    var parse6 = require_parse();
    var diff = (version1, version2) => {
      const v1 = parse6(version1, null, true);
      const v2 = parse6(version2, null, true);
      const comparison = v1.compare(v2);
      if (comparison === 0) {
        return null;
      }
      const v1Higher = comparison > 0;
      const highVersion = v1Higher ? v1 : v2;
      const lowVersion = v1Higher ? v2 : v1;
      const highHasPre = !!highVersion.prerelease.length;
      const lowHasPre = !!lowVersion.prerelease.length;
      if (lowHasPre && !highHasPre) {
        if (!lowVersion.patch && !lowVersion.minor) {
          return "major";
        }
        if (lowVersion.compareMain(highVersion) === 0) {
          if (lowVersion.minor && !lowVersion.patch) {
            return "minor";
          }
          return "patch";
        }
      }
      const prefix = highHasPre ? "pre" : "";
      if (v1.major !== v2.major) {
        return prefix + "major";
      }
      if (v1.minor !== v2.minor) {
        return prefix + "minor";
      }
      if (v1.patch !== v2.patch) {
        return prefix + "patch";
      }
      return "prerelease";
    };
    module.exports = diff;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/major.js
var require_major = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/major.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var major = (a, loose) => new SemVer(a, loose).major;
    module.exports = major;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/minor.js
var require_minor = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/minor.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var minor = (a, loose) => new SemVer(a, loose).minor;
    module.exports = minor;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/patch.js
var require_patch = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/patch.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var patch = (a, loose) => new SemVer(a, loose).patch;
    module.exports = patch;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/prerelease.js
var require_prerelease = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/prerelease.js"(exports, module) {
    "use strict";
    var parse6 = require_parse();
    var prerelease = (version, options) => {
      const parsed3 = parse6(version, options);
      return parsed3 && parsed3.prerelease.length ? parsed3.prerelease : null;
    };
    module.exports = prerelease;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/compare.js
var require_compare = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/compare.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compare = (a, b, loose) => new SemVer(a, loose).compare(new SemVer(b, loose));
    module.exports = compare;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/rcompare.js
var require_rcompare = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/rcompare.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var rcompare = (a, b, loose) => compare(b, a, loose);
    module.exports = rcompare;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/compare-loose.js
var require_compare_loose = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/compare-loose.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var compareLoose = (a, b) => compare(a, b, true);
    module.exports = compareLoose;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/compare-build.js
var require_compare_build = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/compare-build.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var compareBuild = (a, b, loose) => {
      const versionA = new SemVer(a, loose);
      const versionB = new SemVer(b, loose);
      return versionA.compare(versionB) || versionA.compareBuild(versionB);
    };
    module.exports = compareBuild;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/sort.js
var require_sort = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/sort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var sort = (list, loose) => list.sort((a, b) => compareBuild(a, b, loose));
    module.exports = sort;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/rsort.js
var require_rsort = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/rsort.js"(exports, module) {
    "use strict";
    var compareBuild = require_compare_build();
    var rsort = (list, loose) => list.sort((a, b) => compareBuild(b, a, loose));
    module.exports = rsort;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/gt.js
var require_gt = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/gt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gt = (a, b, loose) => compare(a, b, loose) > 0;
    module.exports = gt;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/lt.js
var require_lt = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/lt.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lt = (a, b, loose) => compare(a, b, loose) < 0;
    module.exports = lt;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/eq.js
var require_eq = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/eq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var eq = (a, b, loose) => compare(a, b, loose) === 0;
    module.exports = eq;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/neq.js
var require_neq = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/neq.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var neq = (a, b, loose) => compare(a, b, loose) !== 0;
    module.exports = neq;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/gte.js
var require_gte = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/gte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var gte = (a, b, loose) => compare(a, b, loose) >= 0;
    module.exports = gte;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/lte.js
var require_lte = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/lte.js"(exports, module) {
    "use strict";
    var compare = require_compare();
    var lte = (a, b, loose) => compare(a, b, loose) <= 0;
    module.exports = lte;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/cmp.js
var require_cmp = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/cmp.js"(exports, module) {
    "use strict";
    var eq = require_eq();
    var neq = require_neq();
    var gt = require_gt();
    var gte = require_gte();
    var lt = require_lt();
    var lte = require_lte();
    var cmp = (a, op, b, loose) => {
      switch (op) {
        case "===":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a === b;
        case "!==":
          if (typeof a === "object") {
            a = a.version;
          }
          if (typeof b === "object") {
            b = b.version;
          }
          return a !== b;
        case "":
        case "=":
        case "==":
          return eq(a, b, loose);
        case "!=":
          return neq(a, b, loose);
        case ">":
          return gt(a, b, loose);
        case ">=":
          return gte(a, b, loose);
        case "<":
          return lt(a, b, loose);
        case "<=":
          return lte(a, b, loose);
        default:
          throw new TypeError(`Invalid operator: ${op}`);
      }
    };
    module.exports = cmp;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/coerce.js
var require_coerce = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/coerce.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var parse6 = require_parse();
    var { safeRe: re, t } = require_re();
    var coerce = (version, options) => {
      if (version instanceof SemVer) {
        return version;
      }
      if (typeof version === "number") {
        version = String(version);
      }
      if (typeof version !== "string") {
        return null;
      }
      options = options || {};
      let match = null;
      if (!options.rtl) {
        match = version.match(options.includePrerelease ? re[t.COERCEFULL] : re[t.COERCE]);
      } else {
        const coerceRtlRegex = options.includePrerelease ? re[t.COERCERTLFULL] : re[t.COERCERTL];
        let next;
        while ((next = coerceRtlRegex.exec(version)) && (!match || match.index + match[0].length !== version.length)) {
          if (!match || next.index + next[0].length !== match.index + match[0].length) {
            match = next;
          }
          coerceRtlRegex.lastIndex = next.index + next[1].length + next[2].length;
        }
        coerceRtlRegex.lastIndex = -1;
      }
      if (match === null) {
        return null;
      }
      const major = match[2];
      const minor = match[3] || "0";
      const patch = match[4] || "0";
      const prerelease = options.includePrerelease && match[5] ? `-${match[5]}` : "";
      const build = options.includePrerelease && match[6] ? `+${match[6]}` : "";
      return parse6(`${major}.${minor}.${patch}${prerelease}${build}`, options);
    };
    module.exports = coerce;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/truncate.js
var require_truncate = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/truncate.js"(exports, module) {
    "use strict";
    var parse6 = require_parse();
    var constants = require_constants();
    var SemVer = require_semver();
    var truncate = (version, truncation, options) => {
      if (!constants.RELEASE_TYPES.includes(truncation)) {
        return null;
      }
      const clonedVersion = cloneInputVersion(version, options);
      return clonedVersion && doTruncation(clonedVersion, truncation);
    };
    var cloneInputVersion = (version, options) => {
      const versionStringToParse = version instanceof SemVer ? version.version : version;
      return parse6(versionStringToParse, options);
    };
    var doTruncation = (version, truncation) => {
      if (isPrerelease(truncation)) {
        return version.version;
      }
      version.prerelease = [];
      switch (truncation) {
        case "major":
          version.minor = 0;
          version.patch = 0;
          break;
        case "minor":
          version.patch = 0;
          break;
      }
      return version.format();
    };
    var isPrerelease = (type) => {
      return type.startsWith("pre");
    };
    module.exports = truncate;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/lrucache.js
var require_lrucache = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/lrucache.js"(exports, module) {
    "use strict";
    var LRUCache = class {
      constructor() {
        this.max = 1e3;
        this.map = /* @__PURE__ */ new Map();
      }
      get(key) {
        const value = this.map.get(key);
        if (value === void 0) {
          return void 0;
        } else {
          this.map.delete(key);
          this.map.set(key, value);
          return value;
        }
      }
      delete(key) {
        return this.map.delete(key);
      }
      set(key, value) {
        const deleted = this.delete(key);
        if (!deleted && value !== void 0) {
          if (this.map.size >= this.max) {
            const firstKey = this.map.keys().next().value;
            this.delete(firstKey);
          }
          this.map.set(key, value);
        }
        return this;
      }
    };
    module.exports = LRUCache;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/trim-comparator-whitespace.js
var require_trim_comparator_whitespace = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/internal/trim-comparator-whitespace.js"(exports, module) {
    "use strict";
    var {
      MAX_LENGTH,
      MAX_SAFE_BUILD_LENGTH,
      WHITESPACE_CHARACTERS
    } = require_constants();
    var whitespace = new Uint8Array(65536);
    for (const char of WHITESPACE_CHARACTERS) {
      whitespace[char.charCodeAt(0)] = 1;
    }
    var isWhitespace = (char) => char !== void 0 && whitespace[char.charCodeAt(0)] === 1;
    var isVersionPrefix = (char) => char === "v" || char === "=" || isWhitespace(char);
    var isDigit2 = (char) => char !== void 0 && char >= "0" && char <= "9";
    var isLetter = (char) => char !== void 0 && (char >= "a" && char <= "z" || char >= "A" && char <= "Z");
    var isIdentifierCharacter = (char) => isDigit2(char) || isLetter(char) || char === "-";
    var isVersionStart = (char) => isDigit2(char) || char === "x" || char === "X" || char === "*";
    var findDigitsEndIndex = (range, start, limit, digitRuns) => {
      if (!isDigit2(range[start])) {
        return start;
      }
      if (start >= digitRuns.start && start < digitRuns.end) {
        return Math.min(start + limit, digitRuns.end);
      }
      if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
        return Math.min(start + limit, digitRuns.previousEnd);
      }
      let end = start + 1;
      while (isDigit2(range[end])) {
        end++;
      }
      digitRuns.previousStart = digitRuns.start;
      digitRuns.previousEnd = digitRuns.end;
      digitRuns.start = start;
      digitRuns.end = end;
      return Math.min(start + limit, end);
    };
    var findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
      if (!loose && range[start] === "0") {
        return start + 1;
      }
      return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns);
    };
    var findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
      const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns);
      if (isLetter(range[digitsEnd]) || range[digitsEnd] === "-") {
        let end = digitsEnd + 1;
        const limit = end + MAX_SAFE_BUILD_LENGTH;
        while (end < limit && isIdentifierCharacter(range[end])) {
          end++;
        }
        return end;
      }
      return findVersionNumberEndIndex(range, start, loose, digitRuns);
    };
    var findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
      const hyphen2 = range[start] === "-";
      if (!loose && !hyphen2) {
        return start;
      }
      const identifierStart = start + (hyphen2 ? 1 : 0);
      let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns);
      if (end === identifierStart) {
        if (!loose || !hyphen2) {
          return start;
        }
        end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns);
      }
      while (range[end] === ".") {
        const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findBuildIdentifierEndIndex = (range, start) => {
      let end = start;
      while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
        end++;
      }
      return end;
    };
    var findBuildEndIndex = (range, start) => {
      if (range[start] !== "+") {
        return start;
      }
      let end = findBuildIdentifierEndIndex(range, start + 1);
      if (end === start + 1) {
        return start;
      }
      while (range[end] === ".") {
        const next = findBuildIdentifierEndIndex(range, end + 1);
        if (next === end + 1) {
          break;
        }
        end = next;
      }
      return end;
    };
    var findLooseFullVersionEndIndex = (range, start, digitRuns) => {
      let end = start;
      for (let component = 0; component < 3; component++) {
        const next = findVersionNumberEndIndex(range, end, true, digitRuns);
        if (next === end) {
          return start;
        }
        end = next;
        if (component < 2) {
          if (range[end] !== ".") {
            return start;
          }
          end++;
        }
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
      if (isDigit2(range[start])) {
        return findVersionNumberEndIndex(range, start, false, digitRuns);
      }
      return isVersionStart(range[start]) ? start + 1 : start;
    };
    var findPartialVersionEndIndex = (range, start, digitRuns) => {
      let end = findPartialVersionComponentEndIndex(range, start, digitRuns);
      for (let component = 0; component < 2; component++) {
        if (range[end] !== ".") {
          return end;
        }
        const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns);
        if (next === end + 1) {
          return end;
        }
        end = next;
      }
      const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns);
      return findBuildEndIndex(range, prereleaseEnd);
    };
    var findVersionEndIndex = (range, start, digitRuns) => {
      const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns);
      return fullVersionEnd !== start ? fullVersionEnd : findPartialVersionEndIndex(range, start, digitRuns);
    };
    var findRemovableWhitespaceIndex = (range, matchStart) => {
      let position = matchStart;
      if (isWhitespace(range[position])) {
        position++;
      }
      if (range[position] === "<" || range[position] === ">") {
        position++;
      }
      if (range[position] === "=") {
        position++;
      }
      return isWhitespace(range[position]) ? position : -1;
    };
    var trimComparatorWhitespace = (range) => {
      let result = "";
      let copyFrom = 0;
      let cursor = 0;
      const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 };
      while (cursor < range.length) {
        const matchStart = cursor;
        if (range[cursor] === "<" || range[cursor] === ">") {
          cursor++;
        } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
          cursor++;
          continue;
        }
        while (cursor < range.length && isVersionPrefix(range[cursor])) {
          cursor++;
        }
        if (!isVersionStart(range[cursor])) {
          continue;
        }
        const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart);
        if (whitespacePosition !== -1) {
          result += range.slice(copyFrom, whitespacePosition);
          copyFrom = whitespacePosition + 1;
        }
        cursor = findVersionEndIndex(range, cursor, digitRuns);
      }
      return result + range.slice(copyFrom);
    };
    module.exports = trimComparatorWhitespace;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/classes/range.js
var require_range = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/classes/range.js"(exports, module) {
    "use strict";
    var SPACE_CHARACTERS = /\s+/g;
    var Range = class _Range {
      constructor(range, options) {
        options = parseOptions(options);
        if (range instanceof _Range) {
          if (range.loose === !!options.loose && range.includePrerelease === !!options.includePrerelease) {
            return range;
          } else {
            return new _Range(range.raw, options);
          }
        }
        if (range instanceof Comparator) {
          this.raw = range.value;
          this.set = [[range]];
          this.formatted = void 0;
          return this;
        }
        this.options = options;
        this.loose = !!options.loose;
        this.includePrerelease = !!options.includePrerelease;
        this.raw = range.trim().replace(SPACE_CHARACTERS, " ");
        this.set = this.raw.split("||").map((r) => this.parseRange(r.trim())).filter((c) => c.length);
        if (!this.set.length) {
          throw new TypeError(`Invalid SemVer Range: ${this.raw}`);
        }
        if (this.set.length > 1) {
          const first = this.set[0];
          this.set = this.set.filter((c) => !isNullSet(c[0]));
          if (this.set.length === 0) {
            this.set = [first];
          } else if (this.set.length > 1) {
            for (const c of this.set) {
              if (c.length === 1 && isAny(c[0])) {
                this.set = [c];
                break;
              }
            }
          }
        }
        this.formatted = void 0;
      }
      get range() {
        if (this.formatted === void 0) {
          this.formatted = "";
          for (let i = 0; i < this.set.length; i++) {
            if (i > 0) {
              this.formatted += "||";
            }
            const comps = this.set[i];
            for (let k = 0; k < comps.length; k++) {
              if (k > 0) {
                this.formatted += " ";
              }
              this.formatted += comps[k].toString().trim();
            }
          }
        }
        return this.formatted;
      }
      format() {
        return this.range;
      }
      toString() {
        return this.range;
      }
      parseRange(range) {
        range = range.replace(BUILDSTRIPRE, "");
        const memoOpts = (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) | (this.options.loose && FLAG_LOOSE);
        const memoKey = memoOpts + ":" + range;
        const cached = cache.get(memoKey);
        if (cached) {
          return cached;
        }
        const loose = this.options.loose;
        const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE];
        range = range.replace(hr, hyphenReplace(this.options.includePrerelease));
        debug("hyphen replace", range);
        range = trimComparatorWhitespace(range);
        debug("comparator trim", range);
        range = range.replace(re[t.TILDETRIM], tildeTrimReplace);
        debug("tilde trim", range);
        range = range.replace(re[t.CARETTRIM], caretTrimReplace);
        debug("caret trim", range);
        let rangeList = range.split(" ").map((comp) => parseComparator(comp, this.options)).join(" ").split(/\s+/).map((comp) => replaceGTE0(comp, this.options));
        if (loose) {
          rangeList = rangeList.filter((comp) => {
            debug("loose invalid filter", comp, this.options);
            return !!comp.match(re[t.COMPARATORLOOSE]);
          });
        }
        debug("range list", rangeList);
        const rangeMap = /* @__PURE__ */ new Map();
        const comparators = rangeList.map((comp) => new Comparator(comp, this.options));
        for (const comp of comparators) {
          if (isNullSet(comp)) {
            return [comp];
          }
          rangeMap.set(comp.value, comp);
        }
        if (rangeMap.size > 1 && rangeMap.has("")) {
          rangeMap.delete("");
        }
        const result = [...rangeMap.values()];
        cache.set(memoKey, result);
        return result;
      }
      intersects(range, options) {
        if (!(range instanceof _Range)) {
          throw new TypeError("a Range is required");
        }
        return this.set.some((thisComparators) => {
          return isSatisfiable(thisComparators, options) && range.set.some((rangeComparators) => {
            return isSatisfiable(rangeComparators, options) && thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options);
              });
            });
          });
        });
      }
      // if ANY of the sets match ALL of its comparators, then pass
      test(version) {
        if (!version) {
          return false;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        for (let i = 0; i < this.set.length; i++) {
          if (testSet(this.set[i], version, this.options)) {
            return true;
          }
        }
        return false;
      }
    };
    module.exports = Range;
    var LRU = require_lrucache();
    var cache = new LRU();
    var parseOptions = require_parse_options();
    var Comparator = require_comparator();
    var debug = require_debug();
    var SemVer = require_semver();
    var trimComparatorWhitespace = require_trim_comparator_whitespace();
    var {
      safeRe: re,
      src,
      t,
      tildeTrimReplace,
      caretTrimReplace
    } = require_re();
    var { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = require_constants();
    var BUILDSTRIPRE = new RegExp(src[t.BUILD], "g");
    var isNullSet = (c) => c.value === "<0.0.0-0";
    var isAny = (c) => c.value === "";
    var isSatisfiable = (comparators, options) => {
      let result = true;
      const remainingComparators = comparators.slice();
      let testComparator = remainingComparators.pop();
      while (result && remainingComparators.length) {
        result = remainingComparators.every((otherComparator) => {
          return testComparator.intersects(otherComparator, options);
        });
        testComparator = remainingComparators.pop();
      }
      return result;
    };
    var parseComparator = (comp, options) => {
      comp = comp.replace(re[t.BUILD], "");
      debug("comp", comp, options);
      comp = replaceCarets(comp, options);
      debug("caret", comp);
      comp = replaceTildes(comp, options);
      debug("tildes", comp);
      comp = replaceXRanges(comp, options);
      debug("xrange", comp);
      comp = replaceStars(comp, options);
      debug("stars", comp);
      return comp;
    };
    var isX = (id) => !id || id.toLowerCase() === "x" || id === "*";
    var invalidXRangeOrder = (M, m, p) => isX(M) && !isX(m) || isX(m) && p && !isX(p);
    var replaceTildes = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceTilde(c, options)).join(" ");
    };
    var replaceTilde = (comp, options) => {
      const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("tilde", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
        } else if (pr) {
          debug("replaceTilde pr", pr);
          ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
        } else {
          ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
        }
        debug("tilde return", ret);
        return ret;
      });
    };
    var replaceCarets = (comp, options) => {
      return comp.trim().split(/\s+/).map((c) => replaceCaret(c, options)).join(" ");
    };
    var replaceCaret = (comp, options) => {
      debug("caret", comp, options);
      const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET];
      const z = options.includePrerelease ? "-0" : "";
      return comp.replace(r, (_, M, m, p, pr) => {
        debug("caret", comp, _, M, m, p, pr);
        let ret;
        if (isX(M)) {
          ret = "";
        } else if (isX(m)) {
          ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`;
        } else if (isX(p)) {
          if (M === "0") {
            ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`;
          } else {
            ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`;
          }
        } else if (pr) {
          debug("replaceCaret pr", pr);
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p}-${pr} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p}-${pr} <${+M + 1}.0.0-0`;
          }
        } else {
          debug("no pr");
          if (M === "0") {
            if (m === "0") {
              ret = `>=${M}.${m}.${p} <${M}.${m}.${+p + 1}-0`;
            } else {
              ret = `>=${M}.${m}.${p} <${M}.${+m + 1}.0-0`;
            }
          } else {
            ret = `>=${M}.${m}.${p} <${+M + 1}.0.0-0`;
          }
        }
        debug("caret return", ret);
        return ret;
      });
    };
    var replaceXRanges = (comp, options) => {
      debug("replaceXRanges", comp, options);
      return comp.split(/\s+/).map((c) => replaceXRange(c, options)).join(" ");
    };
    var replaceXRange = (comp, options) => {
      comp = comp.trim();
      const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE];
      return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
        debug("xRange", comp, ret, gtlt, M, m, p, pr);
        if (invalidXRangeOrder(M, m, p)) {
          return comp;
        }
        const xM = isX(M);
        const xm = xM || isX(m);
        const xp = xm || isX(p);
        const anyX = xp;
        if (gtlt === "=" && anyX) {
          gtlt = "";
        }
        pr = options.includePrerelease ? "-0" : "";
        if (xM) {
          if (gtlt === ">" || gtlt === "<") {
            ret = "<0.0.0-0";
          } else {
            ret = "*";
          }
        } else if (gtlt && anyX) {
          if (xm) {
            m = 0;
          }
          p = 0;
          if (gtlt === ">") {
            gtlt = ">=";
            if (xm) {
              M = +M + 1;
              m = 0;
              p = 0;
            } else {
              m = +m + 1;
              p = 0;
            }
          } else if (gtlt === "<=") {
            gtlt = "<";
            if (xm) {
              M = +M + 1;
            } else {
              m = +m + 1;
            }
          }
          if (gtlt === "<") {
            pr = "-0";
          }
          ret = `${gtlt + M}.${m}.${p}${pr}`;
        } else if (xm) {
          ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`;
        } else if (xp) {
          ret = `>=${M}.${m}.0${pr} <${M}.${+m + 1}.0-0`;
        }
        debug("xRange return", ret);
        return ret;
      });
    };
    var replaceStars = (comp, options) => {
      debug("replaceStars", comp, options);
      return comp.trim().replace(re[t.STAR], "");
    };
    var replaceGTE0 = (comp, options) => {
      debug("replaceGTE0", comp, options);
      return comp.trim().replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], "");
    };
    var hyphenReplace = (incPr) => ($0, from, fM, fm, fp, fpr, fb, to, tM, tm, tp, tpr) => {
      if (isX(fM)) {
        from = "";
      } else if (isX(fm)) {
        from = `>=${fM}.0.0${incPr ? "-0" : ""}`;
      } else if (isX(fp)) {
        from = `>=${fM}.${fm}.0${incPr ? "-0" : ""}`;
      } else if (fpr) {
        from = `>=${from}`;
      } else {
        from = `>=${from}${incPr ? "-0" : ""}`;
      }
      if (isX(tM)) {
        to = "";
      } else if (isX(tm)) {
        to = `<${+tM + 1}.0.0-0`;
      } else if (isX(tp)) {
        to = `<${tM}.${+tm + 1}.0-0`;
      } else if (tpr) {
        to = `<=${tM}.${tm}.${tp}-${tpr}`;
      } else if (incPr) {
        to = `<${tM}.${tm}.${+tp + 1}-0`;
      } else {
        to = `<=${to}`;
      }
      return `${from} ${to}`.trim();
    };
    var testSet = (set, version, options) => {
      for (let i = 0; i < set.length; i++) {
        if (!set[i].test(version)) {
          return false;
        }
      }
      if (version.prerelease.length && !options.includePrerelease) {
        for (let i = 0; i < set.length; i++) {
          debug(set[i].semver);
          if (set[i].semver === Comparator.ANY) {
            continue;
          }
          if (set[i].semver.prerelease.length > 0) {
            const allowed = set[i].semver;
            if (allowed.major === version.major && allowed.minor === version.minor && allowed.patch === version.patch) {
              return true;
            }
          }
        }
        return false;
      }
      return true;
    };
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/classes/comparator.js
var require_comparator = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/classes/comparator.js"(exports, module) {
    "use strict";
    var ANY = /* @__PURE__ */ Symbol("SemVer ANY");
    var Comparator = class _Comparator {
      static get ANY() {
        return ANY;
      }
      constructor(comp, options) {
        options = parseOptions(options);
        if (comp instanceof _Comparator) {
          if (comp.loose === !!options.loose) {
            return comp;
          } else {
            comp = comp.value;
          }
        }
        comp = comp.trim().split(/\s+/).join(" ");
        debug("comparator", comp, options);
        this.options = options;
        this.loose = !!options.loose;
        this.parse(comp);
        if (this.semver === ANY) {
          this.value = "";
        } else {
          this.value = this.operator + this.semver.version;
        }
        debug("comp", this);
      }
      parse(comp) {
        const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR];
        const m = comp.match(r);
        if (!m) {
          throw new TypeError(`Invalid comparator: ${comp}`);
        }
        this.operator = m[1] !== void 0 ? m[1] : "";
        if (this.operator === "=") {
          this.operator = "";
        }
        if (!m[2]) {
          this.semver = ANY;
        } else {
          this.semver = new SemVer(m[2], this.options.loose);
        }
      }
      toString() {
        return this.value;
      }
      test(version) {
        debug("Comparator.test", version, this.options.loose);
        if (this.semver === ANY || version === ANY) {
          return true;
        }
        if (typeof version === "string") {
          try {
            version = new SemVer(version, this.options);
          } catch (er) {
            return false;
          }
        }
        return cmp(version, this.operator, this.semver, this.options);
      }
      intersects(comp, options) {
        if (!(comp instanceof _Comparator)) {
          throw new TypeError("a Comparator is required");
        }
        if (this.operator === "") {
          if (this.value === "") {
            return true;
          }
          return new Range(comp.value, options).test(this.value);
        } else if (comp.operator === "") {
          if (comp.value === "") {
            return true;
          }
          return new Range(this.value, options).test(comp.semver);
        }
        options = parseOptions(options);
        if (options.includePrerelease && (this.value === "<0.0.0-0" || comp.value === "<0.0.0-0")) {
          return false;
        }
        if (!options.includePrerelease && (this.value.startsWith("<0.0.0") || comp.value.startsWith("<0.0.0"))) {
          return false;
        }
        if (this.operator.startsWith(">") && comp.operator.startsWith(">")) {
          return true;
        }
        if (this.operator.startsWith("<") && comp.operator.startsWith("<")) {
          return true;
        }
        if (this.semver.version === comp.semver.version && this.operator.includes("=") && comp.operator.includes("=")) {
          return true;
        }
        if (cmp(this.semver, "<", comp.semver, options) && this.operator.startsWith(">") && comp.operator.startsWith("<")) {
          return true;
        }
        if (cmp(this.semver, ">", comp.semver, options) && this.operator.startsWith("<") && comp.operator.startsWith(">")) {
          return true;
        }
        return false;
      }
    };
    module.exports = Comparator;
    var parseOptions = require_parse_options();
    var { safeRe: re, t } = require_re();
    var cmp = require_cmp();
    var debug = require_debug();
    var SemVer = require_semver();
    var Range = require_range();
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/satisfies.js
var require_satisfies = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/functions/satisfies.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var satisfies = (version, range, options) => {
      try {
        range = new Range(range, options);
      } catch (er) {
        return false;
      }
      return range.test(version);
    };
    module.exports = satisfies;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/to-comparators.js
var require_to_comparators = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/to-comparators.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var toComparators = (range, options) => new Range(range, options).set.map((comp) => comp.map((c) => c.value).join(" ").trim().split(" "));
    module.exports = toComparators;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/max-satisfying.js
var require_max_satisfying = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/max-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var maxSatisfying = (versions, range, options) => {
      let max2 = null;
      let maxSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!max2 || maxSV.compare(v) === -1) {
            max2 = v;
            maxSV = new SemVer(max2, options);
          }
        }
      });
      return max2;
    };
    module.exports = maxSatisfying;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/min-satisfying.js
var require_min_satisfying = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/min-satisfying.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var minSatisfying = (versions, range, options) => {
      let min = null;
      let minSV = null;
      let rangeObj = null;
      try {
        rangeObj = new Range(range, options);
      } catch (er) {
        return null;
      }
      versions.forEach((v) => {
        if (rangeObj.test(v)) {
          if (!min || minSV.compare(v) === 1) {
            min = v;
            minSV = new SemVer(min, options);
          }
        }
      });
      return min;
    };
    module.exports = minSatisfying;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/min-version.js
var require_min_version = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/min-version.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Range = require_range();
    var gt = require_gt();
    var minVersion = (range, loose) => {
      range = new Range(range, loose);
      let minver = new SemVer("0.0.0");
      if (range.test(minver)) {
        return minver;
      }
      minver = new SemVer("0.0.0-0");
      if (range.test(minver)) {
        return minver;
      }
      minver = null;
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let setMin = null;
        comparators.forEach((comparator) => {
          const compver = new SemVer(comparator.semver.version);
          switch (comparator.operator) {
            case ">":
              if (compver.prerelease.length === 0) {
                compver.patch++;
              } else {
                compver.prerelease.push(0);
              }
              compver.raw = compver.format();
            /* fallthrough */
            case "":
            case ">=":
              if (!setMin || gt(compver, setMin)) {
                setMin = compver;
              }
              break;
            case "<":
            case "<=":
              break;
            /* istanbul ignore next */
            default:
              throw new Error(`Unexpected operation: ${comparator.operator}`);
          }
        });
        if (setMin && (!minver || gt(minver, setMin))) {
          minver = setMin;
        }
      }
      if (minver && range.test(minver)) {
        return minver;
      }
      return null;
    };
    module.exports = minVersion;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/valid.js
var require_valid2 = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/valid.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var validRange = (range, options) => {
      try {
        return new Range(range, options).range || "*";
      } catch (er) {
        return null;
      }
    };
    module.exports = validRange;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/outside.js
var require_outside = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/outside.js"(exports, module) {
    "use strict";
    var SemVer = require_semver();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var Range = require_range();
    var satisfies = require_satisfies();
    var gt = require_gt();
    var lt = require_lt();
    var lte = require_lte();
    var gte = require_gte();
    var outside = (version, range, hilo, options) => {
      version = new SemVer(version, options);
      range = new Range(range, options);
      let gtfn, ltefn, ltfn, comp, ecomp;
      switch (hilo) {
        case ">":
          gtfn = gt;
          ltefn = lte;
          ltfn = lt;
          comp = ">";
          ecomp = ">=";
          break;
        case "<":
          gtfn = lt;
          ltefn = gte;
          ltfn = gt;
          comp = "<";
          ecomp = "<=";
          break;
        default:
          throw new TypeError('Must provide a hilo val of "<" or ">"');
      }
      if (satisfies(version, range, options)) {
        return false;
      }
      for (let i = 0; i < range.set.length; ++i) {
        const comparators = range.set[i];
        let high = null;
        let low = null;
        comparators.forEach((comparator) => {
          if (comparator.semver === ANY) {
            comparator = new Comparator(">=0.0.0");
          }
          high = high || comparator;
          low = low || comparator;
          if (gtfn(comparator.semver, high.semver, options)) {
            high = comparator;
          } else if (ltfn(comparator.semver, low.semver, options)) {
            low = comparator;
          }
        });
        if (high.operator === comp || high.operator === ecomp) {
          return false;
        }
        if ((!low.operator || low.operator === comp) && ltefn(version, low.semver)) {
          return false;
        } else if (low.operator === ecomp && ltfn(version, low.semver)) {
          return false;
        }
      }
      return true;
    };
    module.exports = outside;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/gtr.js
var require_gtr = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/gtr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var gtr = (version, range, options) => outside(version, range, ">", options);
    module.exports = gtr;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/ltr.js
var require_ltr = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/ltr.js"(exports, module) {
    "use strict";
    var outside = require_outside();
    var ltr = (version, range, options) => outside(version, range, "<", options);
    module.exports = ltr;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/intersects.js
var require_intersects = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/intersects.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var intersects = (r1, r2, options) => {
      r1 = new Range(r1, options);
      r2 = new Range(r2, options);
      return r1.intersects(r2, options);
    };
    module.exports = intersects;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/simplify.js
var require_simplify = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/simplify.js"(exports, module) {
    "use strict";
    var satisfies = require_satisfies();
    var compare = require_compare();
    module.exports = (versions, range, options) => {
      const set = [];
      let first = null;
      let prev = null;
      const v = versions.sort((a, b) => compare(a, b, options));
      for (const version of v) {
        const included = satisfies(version, range, options);
        if (included) {
          prev = version;
          if (!first) {
            first = version;
          }
        } else {
          if (prev) {
            set.push([first, prev]);
          }
          prev = null;
          first = null;
        }
      }
      if (first) {
        set.push([first, null]);
      }
      const ranges = [];
      for (const [min, max2] of set) {
        if (min === max2) {
          ranges.push(min);
        } else if (!max2 && min === v[0]) {
          ranges.push("*");
        } else if (!max2) {
          ranges.push(`>=${min}`);
        } else if (min === v[0]) {
          ranges.push(`<=${max2}`);
        } else {
          ranges.push(`${min} - ${max2}`);
        }
      }
      const simplified = ranges.join(" || ");
      const original = typeof range.raw === "string" ? range.raw : String(range);
      return simplified.length < original.length ? simplified : range;
    };
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/subset.js
var require_subset = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/ranges/subset.js"(exports, module) {
    "use strict";
    var Range = require_range();
    var Comparator = require_comparator();
    var { ANY } = Comparator;
    var satisfies = require_satisfies();
    var compare = require_compare();
    var subset = (sub, dom, options = {}) => {
      if (sub === dom) {
        return true;
      }
      sub = new Range(sub, options);
      dom = new Range(dom, options);
      let sawNonNull = false;
      OUTER: for (const simpleSub of sub.set) {
        for (const simpleDom of dom.set) {
          const isSub = simpleSubset(simpleSub, simpleDom, options);
          sawNonNull = sawNonNull || isSub !== null;
          if (isSub) {
            continue OUTER;
          }
        }
        if (sawNonNull) {
          return false;
        }
      }
      return true;
    };
    var minimumVersionWithPreRelease = [new Comparator(">=0.0.0-0")];
    var minimumVersion = [new Comparator(">=0.0.0")];
    var simpleSubset = (sub, dom, options) => {
      if (sub === dom) {
        return true;
      }
      if (sub.length === 1 && sub[0].semver === ANY) {
        if (dom.length === 1 && dom[0].semver === ANY) {
          return true;
        } else if (options.includePrerelease) {
          sub = minimumVersionWithPreRelease;
        } else {
          sub = minimumVersion;
        }
      }
      if (dom.length === 1 && dom[0].semver === ANY) {
        if (options.includePrerelease) {
          return true;
        } else {
          dom = minimumVersion;
        }
      }
      const eqSet = /* @__PURE__ */ new Set();
      let gt, lt;
      for (const c of sub) {
        if (c.operator === ">" || c.operator === ">=") {
          gt = higherGT(gt, c, options);
        } else if (c.operator === "<" || c.operator === "<=") {
          lt = lowerLT(lt, c, options);
        } else {
          eqSet.add(c.semver);
        }
      }
      if (eqSet.size > 1) {
        return null;
      }
      let gtltComp;
      if (gt && lt) {
        gtltComp = compare(gt.semver, lt.semver, options);
        if (gtltComp > 0) {
          return null;
        } else if (gtltComp === 0 && (gt.operator !== ">=" || lt.operator !== "<=")) {
          return null;
        }
      }
      for (const eq of eqSet) {
        if (gt && !satisfies(eq, String(gt), options)) {
          return null;
        }
        if (lt && !satisfies(eq, String(lt), options)) {
          return null;
        }
        for (const c of dom) {
          if (!satisfies(eq, String(c), options)) {
            return false;
          }
        }
        return true;
      }
      let higher, lower2;
      let hasDomLT, hasDomGT;
      let needDomLTPre = lt && !options.includePrerelease && lt.semver.prerelease.length ? lt.semver : false;
      let needDomGTPre = gt && !options.includePrerelease && gt.semver.prerelease.length ? gt.semver : false;
      if (needDomLTPre && needDomLTPre.prerelease.length === 1 && lt.operator === "<" && needDomLTPre.prerelease[0] === 0) {
        needDomLTPre = false;
      }
      for (const c of dom) {
        hasDomGT = hasDomGT || c.operator === ">" || c.operator === ">=";
        hasDomLT = hasDomLT || c.operator === "<" || c.operator === "<=";
        if (gt) {
          if (needDomGTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomGTPre.major && c.semver.minor === needDomGTPre.minor && c.semver.patch === needDomGTPre.patch) {
              needDomGTPre = false;
            }
          }
          if (c.operator === ">" || c.operator === ">=") {
            higher = higherGT(gt, c, options);
            if (higher === c && higher !== gt) {
              return false;
            }
          } else if (gt.operator === ">=" && !c.test(gt.semver)) {
            return false;
          }
        }
        if (lt) {
          if (needDomLTPre) {
            if (c.semver.prerelease && c.semver.prerelease.length && c.semver.major === needDomLTPre.major && c.semver.minor === needDomLTPre.minor && c.semver.patch === needDomLTPre.patch) {
              needDomLTPre = false;
            }
          }
          if (c.operator === "<" || c.operator === "<=") {
            lower2 = lowerLT(lt, c, options);
            if (lower2 === c && lower2 !== lt) {
              return false;
            }
          } else if (lt.operator === "<=" && !c.test(lt.semver)) {
            return false;
          }
        }
        if (!c.operator && (lt || gt) && gtltComp !== 0) {
          return false;
        }
      }
      if (gt && hasDomLT && !lt && gtltComp !== 0) {
        return false;
      }
      if (lt && hasDomGT && !gt && gtltComp !== 0) {
        return false;
      }
      if (needDomGTPre || needDomLTPre) {
        return false;
      }
      return true;
    };
    var higherGT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp > 0 ? a : comp < 0 ? b : b.operator === ">" && a.operator === ">=" ? b : a;
    };
    var lowerLT = (a, b, options) => {
      if (!a) {
        return b;
      }
      const comp = compare(a.semver, b.semver, options);
      return comp < 0 ? a : comp > 0 ? b : b.operator === "<" && a.operator === "<=" ? b : a;
    };
    module.exports = subset;
  }
});

// ../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/index.js
var require_semver2 = __commonJS({
  "../../node_modules/.pnpm/semver@7.8.6/node_modules/semver/index.js"(exports, module) {
    "use strict";
    var internalRe = require_re();
    var constants = require_constants();
    var SemVer = require_semver();
    var identifiers = require_identifiers();
    var parse6 = require_parse();
    var valid = require_valid();
    var clean = require_clean();
    var inc = require_inc();
    var diff = require_diff();
    var major = require_major();
    var minor = require_minor();
    var patch = require_patch();
    var prerelease = require_prerelease();
    var compare = require_compare();
    var rcompare = require_rcompare();
    var compareLoose = require_compare_loose();
    var compareBuild = require_compare_build();
    var sort = require_sort();
    var rsort = require_rsort();
    var gt = require_gt();
    var lt = require_lt();
    var eq = require_eq();
    var neq = require_neq();
    var gte = require_gte();
    var lte = require_lte();
    var cmp = require_cmp();
    var coerce = require_coerce();
    var truncate = require_truncate();
    var Comparator = require_comparator();
    var Range = require_range();
    var satisfies = require_satisfies();
    var toComparators = require_to_comparators();
    var maxSatisfying = require_max_satisfying();
    var minSatisfying = require_min_satisfying();
    var minVersion = require_min_version();
    var validRange = require_valid2();
    var outside = require_outside();
    var gtr = require_gtr();
    var ltr = require_ltr();
    var intersects = require_intersects();
    var simplifyRange = require_simplify();
    var subset = require_subset();
    module.exports = {
      parse: parse6,
      valid,
      clean,
      inc,
      diff,
      major,
      minor,
      patch,
      prerelease,
      compare,
      rcompare,
      compareLoose,
      compareBuild,
      sort,
      rsort,
      gt,
      lt,
      eq,
      neq,
      gte,
      lte,
      cmp,
      coerce,
      truncate,
      Comparator,
      Range,
      satisfies,
      toComparators,
      maxSatisfying,
      minSatisfying,
      minVersion,
      validRange,
      outside,
      gtr,
      ltr,
      intersects,
      simplifyRange,
      subset,
      SemVer,
      re: internalRe.re,
      src: internalRe.src,
      tokens: internalRe.t,
      SEMVER_SPEC_VERSION: constants.SEMVER_SPEC_VERSION,
      RELEASE_TYPES: constants.RELEASE_TYPES,
      compareIdentifiers: identifiers.compareIdentifiers,
      rcompareIdentifiers: identifiers.rcompareIdentifiers
    };
  }
});

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed3 = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed3 = parsed3 ? parsed3 + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed3;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed3 += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed3 += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed3 += "\b";
        else if (c === 116)
          parsed3 += "	";
        else if (c === 110)
          parsed3 += "\n";
        else if (c === 102)
          parsed3 += "\f";
        else if (c === 114)
          parsed3 += "\r";
        else if (c === 101)
          parsed3 += "\x1B";
        else if (c === 34)
          parsed3 += '"';
        else if (c === 92)
          parsed3 += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/extract.js
function isDigit(char, base = 10) {
  return base === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign2, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign2 || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign2) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign2 || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str2 = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str2 = str2.replaceAll("_", "");
  return state > 1 ? parseFloat(str2) : parseInteger(ctx, str2, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit(c, base))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str2 = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str2 = str2.replaceAll("_", "");
  return parseInteger(ctx, str2, base, startPtr);
}
function parseInteger(ctx, str2, base, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str2, base);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base === 10 ? BigInt(str2) : BigInt((base === 2 ? "0b" : base === 8 ? "0o" : "0x") + str2);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++)) || !isDigit(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str2, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str2, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str2 += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str2);
      case 2:
        return Temporal.PlainDateTime.from(str2);
      case 3:
        return Temporal.PlainDate.from(str2);
      case 4:
        return Temporal.PlainTime.from(str2);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed3 = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed3.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed3;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed3.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed3.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed3.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// ../../node_modules/.pnpm/smol-toml@1.9.1/node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// ../sca/dist/index.js
var import_semver = __toESM(require_semver2(), 1);
var import_yaml = __toESM(require_dist(), 1);
var import_semver2 = __toESM(require_semver2(), 1);
import { readdir, readFile, stat } from "fs/promises";
import { join, relative } from "path";

// ../../node_modules/.pnpm/fflate@0.8.3/node_modules/fflate/esm/index.mjs
import { createRequire } from "module";
var require2 = createRequire("/");
var _a;
var Worker;
var isMarkedAsUntransferable;
try {
  _a = require2("worker_threads"), Worker = _a.Worker, isMarkedAsUntransferable = _a.isMarkedAsUntransferable;
} catch (e) {
}
var u8 = Uint8Array;
var u16 = Uint16Array;
var i32 = Int32Array;
var fleb = new u8([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0,
  /* unused */
  0,
  0,
  /* impossible */
  0
]);
var fdeb = new u8([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13,
  /* unused */
  0,
  0
]);
var clim = new u8([16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]);
var freb = function(eb, start) {
  var b = new u16(31);
  for (var i = 0; i < 31; ++i) {
    b[i] = start += 1 << eb[i - 1];
  }
  var r = new i32(b[30]);
  for (var i = 1; i < 30; ++i) {
    for (var j = b[i]; j < b[i + 1]; ++j) {
      r[j] = j - b[i] << 5 | i;
    }
  }
  return { b, r };
};
var _a = freb(fleb, 2);
var fl = _a.b;
var revfl = _a.r;
fl[28] = 258, revfl[258] = 28;
var _b = freb(fdeb, 0);
var fd = _b.b;
var revfd = _b.r;
var rev = new u16(32768);
for (i = 0; i < 32768; ++i) {
  x = (i & 43690) >> 1 | (i & 21845) << 1;
  x = (x & 52428) >> 2 | (x & 13107) << 2;
  x = (x & 61680) >> 4 | (x & 3855) << 4;
  rev[i] = ((x & 65280) >> 8 | (x & 255) << 8) >> 1;
}
var x;
var i;
var hMap = (function(cd, mb, r) {
  var s = cd.length;
  var i = 0;
  var l = new u16(mb);
  for (; i < s; ++i) {
    if (cd[i])
      ++l[cd[i] - 1];
  }
  var le = new u16(mb);
  for (i = 1; i < mb; ++i) {
    le[i] = le[i - 1] + l[i - 1] << 1;
  }
  var co;
  if (r) {
    co = new u16(1 << mb);
    var rvb = 15 - mb;
    for (i = 0; i < s; ++i) {
      if (cd[i]) {
        var sv = i << 4 | cd[i];
        var r_1 = mb - cd[i];
        var v = le[cd[i] - 1]++ << r_1;
        for (var m = v | (1 << r_1) - 1; v <= m; ++v) {
          co[rev[v] >> rvb] = sv;
        }
      }
    }
  } else {
    co = new u16(s);
    for (i = 0; i < s; ++i) {
      if (cd[i]) {
        co[i] = rev[le[cd[i] - 1]++] >> 15 - cd[i];
      }
    }
  }
  return co;
});
var flt = new u8(288);
for (i = 0; i < 144; ++i)
  flt[i] = 8;
var i;
for (i = 144; i < 256; ++i)
  flt[i] = 9;
var i;
for (i = 256; i < 280; ++i)
  flt[i] = 7;
var i;
for (i = 280; i < 288; ++i)
  flt[i] = 8;
var i;
var fdt = new u8(32);
for (i = 0; i < 32; ++i)
  fdt[i] = 5;
var i;
var flrm = /* @__PURE__ */ hMap(flt, 9, 1);
var fdrm = /* @__PURE__ */ hMap(fdt, 5, 1);
var max = function(a) {
  var m = a[0];
  for (var i = 1; i < a.length; ++i) {
    if (a[i] > m)
      m = a[i];
  }
  return m;
};
var bits = function(d, p, m) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8) >> (p & 7) & m;
};
var bits16 = function(d, p) {
  var o = p / 8 | 0;
  return (d[o] | d[o + 1] << 8 | d[o + 2] << 16) >> (p & 7);
};
var shft = function(p) {
  return (p + 7) / 8 | 0;
};
var slc = function(v, s, e) {
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  return new u8(v.subarray(s, e));
};
var ec = [
  "unexpected EOF",
  "invalid block type",
  "invalid length/literal",
  "invalid distance",
  "stream finished",
  "no stream handler",
  ,
  // determined by compression function
  "no callback",
  "invalid UTF-8 data",
  "extra field too long",
  "date not in range 1980-2099",
  "filename too long",
  "stream finishing",
  "invalid zip data"
  // determined by unknown compression method
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var inflt = function(dat, st, buf, dict) {
  var sl = dat.length, dl = dict ? dict.length : 0;
  if (!sl || st.f && !st.l)
    return buf || new u8(0);
  var noBuf = !buf;
  var resize = noBuf || st.i != 2;
  var noSt = st.i;
  if (noBuf)
    buf = new u8(sl * 3);
  var cbuf = function(l2) {
    var bl = buf.length;
    if (l2 > bl) {
      var nbuf = new u8(Math.max(bl * 2, l2));
      nbuf.set(buf);
      buf = nbuf;
    }
  };
  var final = st.f || 0, pos = st.p || 0, bt = st.b || 0, lm = st.l, dm = st.d, lbt = st.m, dbt = st.n;
  var tbts = sl * 8;
  do {
    if (!lm) {
      final = bits(dat, pos, 1);
      var type = bits(dat, pos + 1, 3);
      pos += 3;
      if (!type) {
        var s = shft(pos) + 4, l = dat[s - 4] | dat[s - 3] << 8, t = s + l;
        if (t > sl) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + l);
        buf.set(dat.subarray(s, t), bt);
        st.b = bt += l, st.p = pos = t * 8, st.f = final;
        continue;
      } else if (type == 1)
        lm = flrm, dm = fdrm, lbt = 9, dbt = 5;
      else if (type == 2) {
        var hLit = bits(dat, pos, 31) + 257, hcLen = bits(dat, pos + 10, 15) + 4;
        var tl = hLit + bits(dat, pos + 5, 31) + 1;
        pos += 14;
        var ldt = new u8(tl);
        var clt = new u8(19);
        for (var i = 0; i < hcLen; ++i) {
          clt[clim[i]] = bits(dat, pos + i * 3, 7);
        }
        pos += hcLen * 3;
        var clb = max(clt), clbmsk = (1 << clb) - 1;
        var clm = hMap(clt, clb, 1);
        for (var i = 0; i < tl; ) {
          var r = clm[bits(dat, pos, clbmsk)];
          pos += r & 15;
          var s = r >> 4;
          if (s < 16) {
            ldt[i++] = s;
          } else {
            var c = 0, n = 0;
            if (s == 16)
              n = 3 + bits(dat, pos, 3), pos += 2, c = ldt[i - 1];
            else if (s == 17)
              n = 3 + bits(dat, pos, 7), pos += 3;
            else if (s == 18)
              n = 11 + bits(dat, pos, 127), pos += 7;
            while (n--)
              ldt[i++] = c;
          }
        }
        var lt = ldt.subarray(0, hLit), dt = ldt.subarray(hLit);
        lbt = max(lt);
        dbt = max(dt);
        lm = hMap(lt, lbt, 1);
        dm = hMap(dt, dbt, 1);
      } else
        err(1);
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
    }
    if (resize)
      cbuf(bt + 131072);
    var lms = (1 << lbt) - 1, dms = (1 << dbt) - 1;
    var lpos = pos;
    for (; ; lpos = pos) {
      var c = lm[bits16(dat, pos) & lms], sym = c >> 4;
      pos += c & 15;
      if (pos > tbts) {
        if (noSt)
          err(0);
        break;
      }
      if (!c)
        err(2);
      if (sym < 256)
        buf[bt++] = sym;
      else if (sym == 256) {
        lpos = pos, lm = null;
        break;
      } else {
        var add = sym - 254;
        if (sym > 264) {
          var i = sym - 257, b = fleb[i];
          add = bits(dat, pos, (1 << b) - 1) + fl[i];
          pos += b;
        }
        var d = dm[bits16(dat, pos) & dms], dsym = d >> 4;
        if (!d)
          err(3);
        pos += d & 15;
        var dt = fd[dsym];
        if (dsym > 3) {
          var b = fdeb[dsym];
          dt += bits16(dat, pos) & (1 << b) - 1, pos += b;
        }
        if (pos > tbts) {
          if (noSt)
            err(0);
          break;
        }
        if (resize)
          cbuf(bt + 131072);
        var end = bt + add;
        if (bt < dt) {
          var shift = dl - dt, dend = Math.min(dt, end);
          if (shift + bt < 0)
            err(3);
          for (; bt < dend; ++bt)
            buf[bt] = dict[shift + bt];
        }
        for (; bt < end; ++bt)
          buf[bt] = buf[bt - dt];
      }
    }
    st.l = lm, st.p = lpos, st.b = bt, st.f = final;
    if (lm)
      final = 1, st.m = lbt, st.d = dm, st.n = dbt;
  } while (!final);
  return bt != buf.length && noBuf ? slc(buf, 0, bt) : buf.subarray(0, bt);
};
var et = /* @__PURE__ */ new u8(0);
var b2 = function(d, b) {
  return d[b] | d[b + 1] << 8;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var b8 = function(d, b) {
  return b4(d, b) + b4(d, b + 4) * 4294967296;
};
var Inflate = /* @__PURE__ */ (function() {
  function Inflate2(opts, cb) {
    if (typeof opts == "function")
      cb = opts, opts = {};
    this.ondata = cb;
    var dict = opts && opts.dictionary && opts.dictionary.subarray(-32768);
    this.s = { i: 0, b: dict ? dict.length : 0 };
    this.o = new u8(32768);
    this.p = new u8(0);
    if (dict)
      this.o.set(dict);
  }
  Inflate2.prototype.e = function(c) {
    if (!this.ondata)
      err(5);
    if (this.d)
      err(4);
    if (!this.p.length)
      this.p = c;
    else if (c.length) {
      var n = new u8(this.p.length + c.length);
      n.set(this.p), n.set(c, this.p.length), this.p = n;
    }
  };
  Inflate2.prototype.c = function(final) {
    this.s.i = +(this.d = final || false);
    var bts = this.s.b;
    var dt = inflt(this.p, this.s, this.o);
    this.ondata(slc(dt, bts, this.s.b), this.d);
    this.o = slc(dt, this.s.b - 32768), this.s.b = this.o.length;
    this.p = slc(this.p, this.s.p / 8 | 0), this.s.p &= 7;
  };
  Inflate2.prototype.push = function(chunk, final) {
    this.e(chunk), this.c(final);
  };
  return Inflate2;
})();
var td = typeof TextDecoder != "undefined" && /* @__PURE__ */ new TextDecoder();
var tds = 0;
try {
  td.decode(et, { stream: true });
  tds = 1;
} catch (e) {
}
var dutf8 = function(d) {
  for (var r = "", i = 0; ; ) {
    var c = d[i++];
    var eb = (c > 127) + (c > 223) + (c > 239);
    if (i + eb > d.length)
      return { s: r, r: slc(d, i - 1) };
    if (!eb)
      r += String.fromCharCode(c);
    else if (eb == 3) {
      c = ((c & 15) << 18 | (d[i++] & 63) << 12 | (d[i++] & 63) << 6 | d[i++] & 63) - 65536, r += String.fromCharCode(55296 | c >> 10, 56320 | c & 1023);
    } else if (eb & 1)
      r += String.fromCharCode((c & 31) << 6 | d[i++] & 63);
    else
      r += String.fromCharCode((c & 15) << 12 | (d[i++] & 63) << 6 | d[i++] & 63);
  }
};
function strFromU8(dat, latin1) {
  if (latin1) {
    var r = "";
    for (var i = 0; i < dat.length; i += 16384)
      r += String.fromCharCode.apply(null, dat.subarray(i, i + 16384));
    return r;
  } else if (td) {
    return td.decode(dat);
  } else {
    var _a2 = dutf8(dat), s = _a2.s, r = _a2.r;
    if (r.length)
      err(8);
    return s;
  }
}
var z64hs = function(d, b, l, z, sc, su, off) {
  var nsc = sc == 4294967295, nsu = su == 4294967295, noff = off == 4294967295, e = b + l;
  var nf = nsc + nsu + noff;
  if (z && nf) {
    for (; b + 4 < e; b += 4 + b2(d, b + 2)) {
      if (b2(d, b) == 1) {
        return [
          nsc ? b8(d, b + 4 + 8 * nsu) : sc,
          nsu ? b8(d, b + 4) : su,
          noff ? b8(d, b + 4 + 8 * (nsu + nsc)) : off,
          1
        ];
      }
    }
    if (z < 2)
      err(13);
  }
  return [sc, su, off, 0];
};
var UnzipPassThrough = /* @__PURE__ */ (function() {
  function UnzipPassThrough2() {
  }
  UnzipPassThrough2.prototype.push = function(chunk, final) {
    this.ondata(null, chunk, final);
  };
  UnzipPassThrough2.compression = 0;
  return UnzipPassThrough2;
})();
var UnzipInflate = /* @__PURE__ */ (function() {
  function UnzipInflate2() {
    var _this = this;
    this.i = new Inflate(function(dat, final) {
      _this.ondata(null, dat, final);
    });
  }
  UnzipInflate2.prototype.push = function(chunk, final) {
    try {
      this.i.push(chunk, final);
    } catch (e) {
      this.ondata(e, null, final);
    }
  };
  UnzipInflate2.compression = 8;
  return UnzipInflate2;
})();
var Unzip = /* @__PURE__ */ (function() {
  function Unzip2(cb) {
    this.onfile = cb;
    this.k = [];
    this.o = {
      0: UnzipPassThrough
    };
    this.p = et;
  }
  Unzip2.prototype.push = function(chunk, final) {
    var _this = this;
    if (!this.onfile)
      err(5);
    if (!this.p)
      err(4);
    if (this.c > 0) {
      var len = Math.min(this.c, chunk.length);
      var toAdd = chunk.subarray(0, len);
      this.c -= len;
      if (this.d)
        this.d.push(toAdd, !this.c);
      else
        this.k[0].push(toAdd);
      chunk = chunk.subarray(len);
      if (chunk.length)
        return this.push(chunk, final);
    } else {
      var f = 0, i = 0, is = void 0, buf = void 0;
      if (!this.p.length)
        buf = chunk;
      else if (!chunk.length)
        buf = this.p;
      else {
        buf = new u8(this.p.length + chunk.length);
        buf.set(this.p), buf.set(chunk, this.p.length);
      }
      var l = buf.length, oc = this.c, add = oc && this.d;
      var _loop_2 = function() {
        var sig = b4(buf, i);
        if (sig == 67324752) {
          f = 1, is = i;
          this_1.d = null;
          this_1.c = 0;
          var bf = b2(buf, i + 6), cmp_1 = b2(buf, i + 8), u = bf & 2048, dd = bf & 8, fnl = b2(buf, i + 26), es = b2(buf, i + 28);
          if (l > i + 30 + fnl + es) {
            var chks_3 = [];
            this_1.k.unshift(chks_3);
            f = 2;
            var lsc = b4(buf, i + 18), lsu = b4(buf, i + 22);
            var fn_1 = strFromU8(buf.subarray(i + 30, i += 30 + fnl), !u);
            var _a2 = z64hs(buf, i, es, 2, lsc, lsu, 0), sc_1 = _a2[0], su_1 = _a2[1], z64 = _a2[3];
            if (dd)
              sc_1 = -1 - z64;
            i += es;
            this_1.c = sc_1;
            var d_1;
            var file_1 = {
              name: fn_1,
              compression: cmp_1,
              start: function() {
                if (!file_1.ondata)
                  err(5);
                if (!sc_1)
                  file_1.ondata(null, et, true);
                else {
                  var ctr = _this.o[cmp_1];
                  if (!ctr)
                    file_1.ondata(err(14, "unknown compression type " + cmp_1, 1), null, false);
                  d_1 = sc_1 < 0 ? new ctr(fn_1) : new ctr(fn_1, sc_1, su_1);
                  d_1.ondata = function(err2, dat3, final2) {
                    file_1.ondata(err2, dat3, final2);
                  };
                  for (var _i = 0, chks_4 = chks_3; _i < chks_4.length; _i++) {
                    var dat2 = chks_4[_i];
                    d_1.push(dat2, false);
                  }
                  if (_this.k[0] == chks_3 && _this.c)
                    _this.d = d_1;
                  else
                    d_1.push(et, true);
                }
              },
              terminate: function() {
                if (d_1 && d_1.terminate)
                  d_1.terminate();
              }
            };
            if (sc_1 >= 0)
              file_1.size = sc_1, file_1.originalSize = su_1;
            this_1.onfile(file_1);
          }
          return "break";
        } else if (oc) {
          if (sig == 134695760) {
            is = i += 12 + (oc == -2 && 8), f = 3, this_1.c = 0;
            return "break";
          } else if (sig == 33639248) {
            is = i -= 4, f = 3, this_1.c = 0;
            return "break";
          }
        }
      };
      var this_1 = this;
      for (; i < l - 4; ++i) {
        var state_1 = _loop_2();
        if (state_1 === "break")
          break;
      }
      this.p = et;
      if (oc < 0) {
        var dat = f ? buf.subarray(0, is - 12 - (oc == -2 && 8) - (b4(buf, is - 16) == 134695760 && 4)) : buf.subarray(0, i);
        if (add)
          add.push(dat, !!f);
        else
          this.k[+(f == 2)].push(dat);
      }
      if (f & 2)
        return this.push(buf.subarray(i), final);
      this.p = buf.subarray(i);
    }
    if (final) {
      if (this.c)
        err(13);
      this.p = null;
    }
  };
  Unzip2.prototype.register = function(decoder) {
    this.o[decoder.compression] = decoder;
  };
  return Unzip2;
})();

// ../sca/dist/index.js
var import_yaml2 = __toESM(require_dist(), 1);
import { randomUUID } from "crypto";
var ECOSYSTEMS = ["npm", "PyPI", "Go", "Maven", "Packagist", "RubyGems", "crates.io", "NuGet"];
function normalizeName(ecosystem, name) {
  switch (ecosystem) {
    case "PyPI":
      return name.toLowerCase().replace(/[-_.]+/g, "-");
    case "NuGet":
    case "Packagist":
      return name.toLowerCase();
    case "crates.io":
      return name.toLowerCase().replace(/_/g, "-");
    default:
      return name;
  }
}
function canonicalName(ecosystem, name) {
  const trimmed = name.trim();
  switch (ecosystem) {
    case "PyPI":
      return trimmed.toLowerCase().replace(/[-_.]+/g, "-");
    case "Packagist":
      return trimmed.toLowerCase();
    case "RubyGems":
    case "crates.io":
    case "npm":
    case "Go":
    case "Maven":
    case "NuGet":
      return trimmed;
  }
}
var PURL_TYPE = {
  npm: "npm",
  PyPI: "pypi",
  Go: "golang",
  Maven: "maven",
  Packagist: "composer",
  RubyGems: "gem",
  "crates.io": "cargo",
  NuGet: "nuget"
};
function encodeSegment(segment) {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function segments(ecosystem, name) {
  switch (ecosystem) {
    case "Maven": {
      const [group, artifact] = name.split(":");
      return artifact === void 0 ? [name] : [group ?? "", artifact];
    }
    case "npm":
    case "Packagist":
    case "Go":
      return name.split("/");
    default:
      return [name];
  }
}
function purlOf(ecosystem, name, version) {
  const path = segments(ecosystem, name).map(encodeSegment).join("/");
  return `pkg:${PURL_TYPE[ecosystem]}/${path}${version ? `@${encodeSegment(version)}` : ""}`;
}
var ManifestError = class extends Error {
  name = "ManifestError";
  constructor(message, options) {
    super(message, options);
  }
};
function makePackage(input) {
  const name = canonicalName(input.ecosystem, input.name);
  const pkg = {
    ecosystem: input.ecosystem,
    name,
    version: input.version,
    purl: purlOf(input.ecosystem, name, input.version),
    direct: input.direct,
    scope: input.scope,
    path: input.path ?? [nameAtVersion(name, input.version)],
    location: input.location,
    manifest: input.manifest
  };
  if (input.unresolved) pkg.unresolved = true;
  if (input.declared !== void 0) pkg.declared = input.declared;
  if (input.declaredAt) pkg.declaredAt = input.declaredAt;
  return pkg;
}
function declaredPackage(ecosystem, file, d) {
  return makePackage({
    ecosystem,
    name: d.name,
    version: d.version,
    direct: true,
    scope: d.scope,
    location: d.location,
    manifest: file.path,
    declared: d.spec,
    unresolved: !d.exact
  });
}
function nameAtVersion(name, version) {
  return version ? `${name}@${version}` : name;
}
function dirOf(path) {
  const i = path.lastIndexOf("/");
  return i === -1 ? "" : path.slice(0, i);
}
function baseName(path) {
  return path.slice(path.lastIndexOf("/") + 1);
}
function joinPath(dir, rel) {
  const parts2 = rel.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const seg of rel.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (parts2.length === 0) return void 0;
      parts2.pop();
    } else parts2.push(seg);
  }
  return parts2.join("/");
}
function sibling(ctx, file, name) {
  const dir = dirOf(file.path);
  return ctx.files.get(dir ? `${dir}/${name}` : name);
}
function parseJson(file) {
  try {
    return JSON.parse(file.text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ManifestError(`not valid JSON (${oneLine(error)})`, { cause: error });
  }
}
function oneLine(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]?.trim() ?? "";
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asRecord(value) {
  return isRecord(value) ? value : {};
}
function asString(value) {
  return typeof value === "string" ? value : void 0;
}
function coveringLockfile(file, ctx, lockNames, covers = () => false) {
  const dir = dirOf(file.path);
  for (const [path, lock] of ctx.files) {
    if (!lockNames.includes(baseName(path))) continue;
    const lockDir = dirOf(path);
    if (lockDir === dir) return path;
    if (lockDir !== "" && !dir.startsWith(`${lockDir}/`)) continue;
    const rel = lockDir === "" ? dir : dir.slice(lockDir.length + 1);
    if (rel && covers(lock, rel)) return path;
  }
  return void 0;
}
var PRECEDENCE = ["runtime", "provided", "optional", "peer", "unknown", "dev", "test"];
function reachFromRoots(roots, edges) {
  const reached = /* @__PURE__ */ new Map();
  for (const scope of PRECEDENCE) {
    const parent = /* @__PURE__ */ new Map();
    const queue = [];
    for (const root of roots) {
      if (root.scope !== scope || parent.has(root.node)) continue;
      parent.set(root.node, null);
      queue.push(root.node);
    }
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      for (const next of edges.get(node) ?? []) {
        if (parent.has(next)) continue;
        parent.set(next, node);
        queue.push(next);
      }
    }
    for (const node of queue) {
      if (reached.has(node)) continue;
      const path = [];
      for (let at = node; at; at = parent.get(at)) path.push(at);
      path.reverse();
      reached.set(node, { scope, path, root: path[0] });
    }
  }
  return reached;
}
function emitGraph(g) {
  const reach = reachFromRoots(g.roots, g.edges);
  const out = [];
  for (const [id, node] of g.nodes) {
    const r = reach.get(id);
    const direct = r !== void 0 && r.path.length === 1;
    const decl = r ? g.declarations.get(r.root) : void 0;
    out.push(
      makePackage({
        ecosystem: g.ecosystem,
        name: node.name,
        version: node.version,
        direct,
        scope: node.scope && node.scope !== "runtime" ? node.scope : r?.scope ?? node.scope ?? "unknown",
        path: r?.path.map((k) => {
          const n = g.nodes.get(k);
          return n ? nameAtVersion(canonicalName(g.ecosystem, n.name), n.version) : k;
        }),
        location: direct && decl ? decl.location : { file: g.file.path, line: direct && node.directLine || node.line },
        ...direct && decl?.spec !== void 0 ? { declared: decl.spec } : {},
        ...!direct && decl ? { declaredAt: decl.location } : {},
        manifest: g.file.path
      })
    );
  }
  return out;
}
function unrequiredRoots(nodes, edges) {
  const required = new Set([...edges.values()].flat());
  return [...nodes.entries()].filter(([id]) => !required.has(id)).map(([id, n]) => ({ node: id, scope: n.scope ?? "unknown" }));
}
var LineIndex = class {
  starts = [0];
  constructor(text) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  lineOf(offset) {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
};
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function parseToml(file) {
  try {
    return parse(file.text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ManifestError(`not valid TOML (${oneLine(error)})`, { cause: error });
  }
}
var TomlLines = class {
  lines;
  constructor(text) {
    this.lines = text.split(/\r?\n/);
  }
  /** Line ranges [start, end) of the tables with this header (`[a.b]` or `[[a]]`). */
  tables(header) {
    const out = [];
    const want = header.replace(/\s+/g, "");
    for (let i = 0; i < this.lines.length; i++) {
      const m = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$/.exec(this.lines[i] ?? "");
      if (!m || (m[1] ?? "").replace(/\s+|"/g, "") !== want.replace(/"/g, "")) continue;
      let end = i + 1;
      while (end < this.lines.length && !/^\s*\[/.test(this.lines[end] ?? "")) end++;
      out.push([i, end]);
    }
    return out;
  }
  /** 1-based line of `key = …` inside the first table with this header ('' is the root table). */
  keyLine(header, key) {
    const ranges = header === "" ? [[0, this.firstHeader()]] : this.tables(header);
    const pattern = new RegExp(`^\\s*["']?${escapeRegExp(key)}["']?\\s*=`, "i");
    for (const [start, end] of ranges) {
      for (let i = start; i < end; i++) if (pattern.test(this.lines[i] ?? "")) return i + 1;
    }
    return void 0;
  }
  /** 1-based line of the first line of the table (or after its header) containing `needle`. */
  lineContaining(header, needle) {
    for (const [start, end] of this.tables(header)) {
      for (let i = start; i < end; i++) if ((this.lines[i] ?? "").includes(needle)) return i + 1;
    }
    return void 0;
  }
  headerLine(header) {
    const first = this.tables(header)[0];
    return first ? first[0] + 1 : void 0;
  }
  /**
   * For array-of-tables lockfiles (`[[package]]` with `name = "…"`, `version = "…"`): the
   * line of each entry's header, by "name@version".
   */
  entryLines(header) {
    const out = /* @__PURE__ */ new Map();
    for (const [start, end] of this.tables(header)) {
      let name;
      let version = "";
      for (let i = start + 1; i < end; i++) {
        const m = /^\s*(name|version)\s*=\s*"([^"]*)"/.exec(this.lines[i] ?? "");
        if (m?.[1] === "name") name = m[2];
        else if (m?.[1] === "version") version = m[2] ?? "";
      }
      if (name !== void 0 && !out.has(`${name}@${version}`)) out.set(`${name}@${version}`, start + 1);
      if (name !== void 0 && !out.has(name)) out.set(name, start + 1);
    }
    return out;
  }
  firstHeader() {
    const i = this.lines.findIndex((l) => /^\s*\[/.test(l));
    return i === -1 ? this.lines.length : i;
  }
};
var SECTIONS = [
  ["dependencies", "runtime"],
  ["build-dependencies", "dev"],
  ["dev-dependencies", "dev"]
];
function cargoDeclared(file) {
  const json = parseToml(file);
  const lines = new TomlLines(file.text);
  const deps = [];
  const tables = SECTIONS.map(([s, scope]) => [s, json[s], scope]);
  for (const [target, def] of Object.entries(asRecord(json.target))) {
    for (const [s, scope] of SECTIONS) tables.push([`target.${target}.${s}`, asRecord(def)[s], scope]);
  }
  tables.push(["workspace.dependencies", asRecord(json.workspace).dependencies, "runtime"]);
  for (const [header, table, scope] of tables) {
    for (const [key, value] of Object.entries(asRecord(table))) {
      const v = asRecord(value);
      const spec = typeof value === "string" ? value : asString(v.version) ?? "";
      const line = lines.keyLine(header, key) ?? lines.headerLine(header) ?? lines.headerLine(`${header}.${key}`) ?? 1;
      deps.push({
        name: asString(v.package) ?? key,
        spec,
        registry: typeof value === "string" || !("git" in v) && !("path" in v) && v.workspace !== true,
        scope: v.optional === true && scope === "runtime" ? "optional" : scope,
        location: { file: file.path, line },
        ...v.workspace === true ? { inherited: true } : {}
      });
    }
  }
  return { name: asString(asRecord(json.package).name), deps };
}
function memberManifests(file, ctx) {
  const root = dirOf(file.path);
  const out = /* @__PURE__ */ new Map();
  for (const [path, f] of ctx.files) {
    if (!(path === "Cargo.toml" || path.endsWith("/Cargo.toml"))) continue;
    if (root && !path.startsWith(`${root}/`)) continue;
    try {
      const { name, deps } = cargoDeclared(f);
      if (name) out.set(name, deps);
    } catch {
    }
  }
  return out;
}
function readCargoLock(file, ctx) {
  const json = parseToml(file);
  if (!Array.isArray(json.package)) throw new ManifestError("not a Cargo.lock (no [[package]] tables)");
  const lines = new TomlLines(file.text).entryLines("package");
  const nodes = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  const members = [];
  const refs = /* @__PURE__ */ new Map();
  for (const raw of json.package) {
    const p = asRecord(raw);
    const name = asString(p.name);
    const version = asString(p.version);
    if (!name || !version) continue;
    const id = `${name}@${version}`;
    const source = asString(p.source);
    refs.set(id, Array.isArray(p.dependencies) ? p.dependencies.map(String) : []);
    if (source === void 0) members.push({ name, id });
    else if (source.startsWith("registry+") || source.startsWith("sparse+")) {
      nodes.set(id, { name, version, line: lines.get(id) ?? 1 });
    } else continue;
    byName.set(name, [...byName.get(name) ?? [], id]);
  }
  const resolve = (ref) => {
    const [name = "", version] = ref.split(" ");
    const ids = byName.get(name);
    return version ? ids?.find((id) => id === `${name}@${version}`) : ids?.[0];
  };
  const edges = /* @__PURE__ */ new Map();
  for (const [id, list] of refs) edges.set(id, list.map(resolve).filter((x) => x !== void 0 && nodes.has(x)));
  const manifests = memberManifests(file, ctx);
  const roots = [];
  const declarations = /* @__PURE__ */ new Map();
  for (const member of members) {
    const declared = new Map((manifests.get(member.name) ?? []).map((d) => [d.name, d]));
    for (const node of edges.get(member.id) ?? []) {
      const d = declared.get(nodes.get(node)?.name ?? "");
      roots.push({ node, scope: d?.scope ?? (declared.size ? "runtime" : "unknown") });
      if (d && !declarations.has(node)) declarations.set(node, { location: d.location, ...d.spec ? { spec: d.spec } : {} });
    }
  }
  return emitGraph({ file, ecosystem: "crates.io", nodes, edges, roots: members.length ? roots : unrequiredRoots(nodes, edges), declarations });
}
var cargoLock = {
  kind: "Cargo.lock",
  ecosystem: "crates.io",
  parse: readCargoLock
};
function lowestOfRange(range) {
  const r = range.trim();
  if (r === "" || r === "*" || /^[xX]$/.test(r) || r === "latest") return { version: "", exact: false };
  const exact = import_semver.default.valid(r.replace(/^=\s*/, ""), { loose: true });
  if (exact) return { version: exact, exact: true };
  let min = null;
  try {
    min = import_semver.default.minVersion(r, { loose: true });
  } catch {
    min = null;
  }
  if (!min || min.version === "0.0.0") return { version: "", exact: false };
  return { version: min.version, exact: false };
}
function lowestCargo(spec) {
  const s = spec.trim();
  if (/^=\s*\d/.test(s)) return lowestOfRange(s.replace(/^=\s*/, ""));
  const range = s.split(",").map((part) => /^\d/.test(part.trim()) ? `^${part.trim()}` : part.trim()).join(" ");
  return { version: lowestOfRange(range).version, exact: false };
}
var cargoToml = {
  kind: "Cargo.toml",
  ecosystem: "crates.io",
  // a workspace's Cargo.lock sits in its root folder and covers every member
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["Cargo.lock"], () => true),
  parse(file, ctx) {
    const out = [];
    for (const d of cargoDeclared(file).deps) {
      if (d.inherited) continue;
      if (!d.spec) {
        ctx.note(`line ${d.location.line}: ${d.name} is a git or path dependency without a version: skipped`);
        continue;
      }
      const low = lowestCargo(d.spec);
      out.push(declaredPackage("crates.io", file, { ...d, ...low }));
    }
    return out;
  }
};
function unquote(token) {
  return token.replace(/^["`]|["`]$/g, "");
}
function directives(text) {
  const out = [];
  let block;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    const cut = raw.indexOf("//");
    const code = (cut === -1 ? raw : raw.slice(0, cut)).trim();
    const comment = cut === -1 ? "" : raw.slice(cut + 2).trim();
    if (code === "") continue;
    if (block !== void 0) {
      if (code === ")") block = void 0;
      else out.push({ verb: block, args: code.split(/\s+/).map(unquote), comment, line: i + 1 });
      continue;
    }
    const m = /^(\w+)\s*(.*)$/.exec(code);
    if (!m) throw new ManifestError(`line ${i + 1}: not a go.mod directive`);
    const verb = m[1] ?? "";
    const rest = (m[2] ?? "").trim();
    if (rest === "(") block = verb;
    else out.push({ verb, args: rest.split(/\s+/).filter(Boolean).map(unquote), comment, line: i + 1 });
  }
  if (block !== void 0) throw new ManifestError(`the ${block} block is not closed`);
  return out;
}
function readGoMod(file, ctx) {
  const requires = [];
  const replaces = /* @__PURE__ */ new Map();
  for (const d of directives(file.text)) {
    if (d.verb === "require" && d.args.length >= 2) {
      requires.push({ module: d.args[0] ?? "", version: d.args[1] ?? "", indirect: /\bindirect\b/.test(d.comment), line: d.line });
    } else if (d.verb === "replace") {
      const arrow = d.args.indexOf("=>");
      if (arrow < 1) continue;
      const [old, oldVersion] = d.args.slice(0, arrow);
      const [target, version] = d.args.slice(arrow + 1);
      if (!old || !target) continue;
      const r = /^(?:\.{1,2}\/|\/)/.test(target) || !version ? { local: target } : { module: target, version };
      if (oldVersion) r.oldVersion = oldVersion;
      replaces.set(old, [...replaces.get(old) ?? [], r]);
    }
  }
  const out = [];
  for (const req of requires) {
    const candidates = replaces.get(req.module) ?? [];
    const replacement = candidates.find((r) => r.oldVersion === req.version) ?? candidates.find((r) => !r.oldVersion);
    if (replacement?.local) {
      ctx.note(`line ${req.line}: ${req.module} is replaced by the folder ${replacement.local}: skipped`);
      continue;
    }
    const module = replacement?.module ?? req.module;
    const version = replacement?.version ?? req.version;
    out.push(
      makePackage({
        ecosystem: "Go",
        name: module,
        version,
        direct: !req.indirect,
        scope: "runtime",
        location: { file: file.path, line: req.line },
        manifest: file.path,
        ...replacement ? { declared: `${req.module} ${req.version} => ${module} ${version}` } : {}
      })
    );
  }
  return out;
}
var goMod = {
  kind: "go.mod",
  ecosystem: "Go",
  parse: readGoMod
};
function lowestGradle(spec) {
  const s = spec.trim();
  if (s === "" || s === "+" || /^latest\./.test(s) || s.includes("$")) return { version: "", exact: false };
  const range = /^([[(\]])\s*([^,]*?)\s*,/.exec(s);
  if (range) return { version: range[1] === "[" ? range[2] ?? "" : "", exact: false };
  if (s.endsWith("+")) return { version: s.slice(0, -1).replace(/\.$/, ""), exact: false };
  return { version: s.replace(/!!$/, ""), exact: true };
}
function versionOf(entry, versions) {
  const v = entry.version;
  if (typeof v === "string") return v;
  const table = asRecord(v);
  const ref = asString(table.ref);
  const resolved = ref !== void 0 ? versions[ref] : table;
  if (typeof resolved === "string") return resolved;
  const rich = asRecord(resolved);
  return asString(rich.strictly) ?? asString(rich.require) ?? asString(rich.prefer) ?? "";
}
function catalogLibraries(file) {
  const toml = parseToml(file);
  const lines = new TomlLines(file.text);
  const versions = asRecord(toml.versions);
  const out = [];
  for (const [alias, raw] of Object.entries(asRecord(toml.libraries))) {
    const line = lines.keyLine("libraries", alias) ?? lines.headerLine("libraries") ?? 1;
    const location = { file: file.path, line };
    if (typeof raw === "string") {
      const [group, name, version = ""] = raw.split(":");
      if (group && name) out.push({ alias, module: `${group}:${name}`, version, location });
      continue;
    }
    const entry = asRecord(raw);
    const module = asString(entry.module) ?? (entry.group && entry.name ? `${String(entry.group)}:${String(entry.name)}` : void 0);
    if (module) out.push({ alias, module, version: versionOf(entry, versions), location });
  }
  return out;
}
function catalogFor(ctx, dir) {
  for (let d = dir; d !== void 0; d = d === "" ? void 0 : dirOf(d)) {
    const file = ctx.files.get(d ? `${d}/gradle/libs.versions.toml` : "gradle/libs.versions.toml");
    if (!file) continue;
    try {
      return new Map(catalogLibraries(file).map((l) => [l.alias.replace(/[-_]/g, ".").toLowerCase(), l]));
    } catch {
      return /* @__PURE__ */ new Map();
    }
  }
  return /* @__PURE__ */ new Map();
}
var BUILD_SCRIPT = /^build\.gradle(?:\.kts)?$/;
var versionCatalog = {
  kind: "libs.versions.toml",
  ecosystem: "Maven",
  // the build scripts say which of the catalog's libraries are used; alone, the catalog is what is known
  supersededBy(file, ctx) {
    const root = dirOf(dirOf(file.path));
    for (const path of ctx.files.keys()) {
      if (!BUILD_SCRIPT.test(baseName(path)) && baseName(path) !== "gradle.lockfile") continue;
      if (root === "" || path.startsWith(`${root}/`)) return path;
    }
    return void 0;
  },
  parse(file) {
    return catalogLibraries(file).map(
      (l) => declaredPackage("Maven", file, { name: l.module, ...lowestGradle(l.version), scope: "unknown", location: l.location, spec: l.version })
    );
  }
};
var CONFIGURATIONS = [
  [/^(?:test|androidTest|integrationTest|testFixtures)\w*$/, "test"],
  [/^(?:compileOnly|annotationProcessor|kapt|ksp|compileOnlyApi)$/, "provided"],
  [/^(?:classpath|detekt\w*|ktlint\w*|lintChecks)$/, "dev"],
  [/^(?:implementation|api|compile|runtime|runtimeOnly|runtimeClasspath|\w+Implementation|\w+Api|\w+RuntimeOnly)$/, "runtime"]
];
function scopeOf(configuration) {
  return CONFIGURATIONS.find(([pattern]) => pattern.test(configuration))?.[1];
}
function variables(text) {
  const out = /* @__PURE__ */ new Map();
  for (const m of text.matchAll(/(?:^|[\s;{])(?:def\s+|val\s+|var\s+|ext\.|extra\[")?([A-Za-z_][\w.]*)"?\]?\s*=\s*['"]([^'"$\n]+)['"]/gm)) {
    out.set(m[1] ?? "", m[2] ?? "");
  }
  for (const m of text.matchAll(/set\(\s*["']([\w.]+)["']\s*,\s*["']([^'"$\n]+)["']\s*\)/g)) out.set(m[1] ?? "", m[2] ?? "");
  return out;
}
function expand(value, vars) {
  return value.replace(/\$\{?([A-Za-z_][\w.]*)\}?/g, (all, name) => vars.get(name) ?? vars.get(name.replace(/^(?:project\.|rootProject\.|ext\.)/, "")) ?? all);
}
var buildGradle = {
  kind: "build.gradle",
  ecosystem: "Maven",
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["gradle.lockfile"]),
  parse(file, ctx) {
    const vars = variables(file.text);
    const catalog = catalogFor(ctx, dirOf(file.path));
    const lines = file.text.split(/\r?\n/);
    const out = [];
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? "").replace(/\/\/.*$/, "");
      const m = /^\s*([A-Za-z]\w*)\s*\(?\s*(.*)$/.exec(line);
      const scope = m ? scopeOf(m[1] ?? "") : void 0;
      if (!m || !scope) continue;
      const args = m[2] ?? "";
      if (/^(?:platform|enforcedPlatform|project|files|fileTree|gradleApi|kotlin\()/.test(args)) continue;
      const location = { file: file.path, line: i + 1 };
      const str2 = /^["']([^"':]+):([^"':]+)(?::([^"'@:]+))?(?::[^"'@]+)?(?:@\w+)?["']/.exec(args);
      const map = /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/.exec(args);
      const alias = /^libs\.([\w.]+?)(?:\.get\(\))?\s*\)?\s*(?:\{|$)/.exec(args.trim());
      let name;
      let spec = "";
      if (str2 ?? map) {
        const hit = str2 ?? map;
        name = `${expand(hit[1] ?? "", vars)}:${expand(hit[2] ?? "", vars)}`;
        spec = expand(hit[3] ?? "", vars);
      } else if (alias) {
        const lib = catalog.get((alias[1] ?? "").toLowerCase());
        if (!lib) {
          ctx.note(`line ${i + 1}: libs.${alias[1]} is not in a version catalog among the files scanned`);
          continue;
        }
        name = lib.module;
        spec = lib.version;
      }
      if (!name) continue;
      if (spec.includes("$")) ctx.note(`line ${i + 1}: the version of ${name} (${spec}) is not resolved`);
      out.push(declaredPackage("Maven", file, { name, ...lowestGradle(spec), scope, location, spec }));
    }
    return out;
  }
};
function scopeOf2(configurations) {
  const main = configurations.filter((c) => !/^test|Test[A-Z]|^androidTest|^testFixtures/.test(c));
  if (main.length === 0) return configurations.length ? "test" : "unknown";
  if (main.some((c) => /(?:runtime|Runtime)Classpath$|^default$|^runtimeElements$/.test(c))) return "runtime";
  if (main.every((c) => /annotationProcessor|kapt|compileOnly|compileClasspath|detekt|ktlint|lint/i.test(c))) return "provided";
  return "runtime";
}
function readGradleLockfile(file) {
  const legacyConfiguration = /(?:^|\/)gradle\/dependency-locks\/([^/]+)\.lockfile$/.exec(file.path)?.[1];
  const out = [];
  const lines = file.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? "").trim();
    if (l === "" || l.startsWith("#") || l.startsWith("empty=")) continue;
    const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)(?::[^=\s]+)?(?:=(.*))?$/.exec(l);
    if (!m) throw new ManifestError(`line ${i + 1}: not a "group:artifact:version=configurations" entry`);
    out.push(
      makePackage({
        ecosystem: "Maven",
        name: `${m[1]}:${m[2]}`,
        version: m[3] ?? "",
        // the lockfile is flat: it does not say which modules the build script asked for
        direct: false,
        scope: scopeOf2((m[4] ?? legacyConfiguration ?? "").split(",").filter(Boolean)),
        location: { file: file.path, line: i + 1 },
        manifest: file.path
      })
    );
  }
  return out;
}
var gradleLockfile = {
  kind: "gradle.lockfile",
  ecosystem: "Maven",
  parse: readGradleLockfile
};
var MAX_DEPTH = 256;
var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function decode(text) {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, ref) => {
    if (ref.startsWith("#x") || ref.startsWith("#X")) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref] ?? all;
  });
}
function parseXml(text) {
  const root = { name: "#document", line: 1, children: [], text: "" };
  const stack = [root];
  let line = 1;
  let i = 0;
  const advance = (to) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  const skipTo = (marker, what) => {
    const end = text.indexOf(marker, i);
    if (end === -1) throw new ManifestError(`line ${line}: unterminated ${what}`);
    advance(end + marker.length);
  };
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt === -1) {
      advance(text.length);
      break;
    }
    if (lt > i) top.text += decode(text.slice(i, lt));
    advance(lt);
    if (text.startsWith("<!--", i)) skipTo("-->", "comment");
    else if (text.startsWith("<?", i)) skipTo("?>", "processing instruction");
    else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end === -1) throw new ManifestError(`line ${line}: unterminated CDATA section`);
      top.text += text.slice(i + 9, end);
      advance(end + 3);
    } else if (text.startsWith("<!", i)) {
      const subset = text.indexOf("[", i);
      const close = text.indexOf(">", i);
      if (subset !== -1 && subset < close) skipTo("]>", "DOCTYPE");
      else skipTo(">", "declaration");
    } else if (text.startsWith("</", i)) {
      const m = /^<\/\s*([^\s>]+)\s*>/.exec(text.slice(i, i + 300));
      if (!m) throw new ManifestError(`line ${line}: malformed end tag`);
      const name = localName(m[1] ?? "");
      if (top.name !== name) throw new ManifestError(`line ${line}: </${name}> does not close <${top.name}>`);
      stack.pop();
      advance(i + m[0].length);
    } else {
      const end = findTagEnd(text, i);
      if (end === -1) throw new ManifestError(`line ${line}: unterminated tag`);
      const tag = text.slice(i + 1, end);
      const selfClosing = tag.endsWith("/");
      const name = localName(/^\s*([^\s/>]+)/.exec(tag)?.[1] ?? "");
      if (!name) throw new ManifestError(`line ${line}: malformed tag`);
      const element = { name, line, children: [], text: "" };
      top.children.push(element);
      advance(end + 1);
      if (!selfClosing) {
        if (stack.length > MAX_DEPTH) throw new ManifestError(`line ${line}: nested deeper than ${MAX_DEPTH} elements`);
        stack.push(element);
      }
    }
  }
  if (stack.length > 1) throw new ManifestError(`<${stack[stack.length - 1].name}> is not closed (truncated file?)`);
  return root;
}
function findTagEnd(text, from) {
  let quote = 0;
  for (let k = from + 1; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return k;
  }
  return -1;
}
function localName(name) {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}
function child(element, name) {
  return element?.children.find((c) => c.name === name);
}
function children(element, name) {
  return element?.children.filter((c) => c.name === name) ?? [];
}
function textOf(element, name) {
  const c = child(element, name);
  return c ? c.text.trim() : void 0;
}
function loadPom(file) {
  const project = child(parseXml(file.text), "project");
  if (!project) throw new ManifestError("no <project> element: not a POM");
  const parentEl = child(project, "parent");
  const pom = {
    file,
    project,
    own: { groupId: textOf(project, "groupId"), artifactId: textOf(project, "artifactId"), version: textOf(project, "version") }
  };
  if (parentEl) {
    pom.parent = {
      groupId: textOf(parentEl, "groupId"),
      artifactId: textOf(parentEl, "artifactId"),
      version: textOf(parentEl, "version"),
      relativePath: child(parentEl, "relativePath") ? textOf(parentEl, "relativePath") : "../pom.xml"
    };
  }
  return pom;
}
var parsed = /* @__PURE__ */ new WeakMap();
function loadPomOnce(file) {
  let pom = parsed.get(file);
  if (pom === void 0) {
    try {
      pom = loadPom(file);
    } catch (error) {
      pom = error instanceof ManifestError ? error : new ManifestError("not a readable POM", { cause: error });
    }
    parsed.set(file, pom);
  }
  if (pom instanceof ManifestError) throw pom;
  return pom;
}
function tryLoad(file) {
  if (!file) return void 0;
  try {
    return loadPomOnce(file);
  } catch {
    return void 0;
  }
}
var coordinatesKey = (groupId, artifactId) => `${groupId}:${artifactId}`;
function keyOf(pom) {
  return coordinatesKey(pom.own.groupId ?? pom.parent?.groupId, pom.own.artifactId);
}
function sameArtifact(pom, want) {
  return keyOf(pom) === coordinatesKey(want.groupId, want.artifactId);
}
var indexes = /* @__PURE__ */ new WeakMap();
function pomIndex(ctx) {
  let index = indexes.get(ctx.files);
  if (!index) {
    index = /* @__PURE__ */ new Map();
    for (const f of ctx.files.values()) {
      if (!(f.path === "pom.xml" || f.path.endsWith("/pom.xml"))) continue;
      const pom = tryLoad(f);
      if (pom && !index.has(keyOf(pom))) index.set(keyOf(pom), pom);
    }
    indexes.set(ctx.files, index);
  }
  return index;
}
function findPom(ctx, want) {
  return pomIndex(ctx).get(coordinatesKey(want.groupId, want.artifactId));
}
function findParent(pom, ctx) {
  const ref = pom.parent;
  if (!ref) return void 0;
  if (ref.relativePath) {
    let target = joinPath(dirOf(pom.file.path), ref.relativePath);
    if (target !== void 0 && !target.endsWith(".xml")) target = target ? `${target}/pom.xml` : "pom.xml";
    const byPath = target === void 0 ? void 0 : tryLoad(ctx.files.get(target));
    if (byPath && sameArtifact(byPath, ref)) return byPath;
  }
  return findPom(ctx, ref);
}
function ancestry(pom, ctx) {
  const chain = [pom];
  for (let p = findParent(pom, ctx); p && chain.length < 16 && !chain.includes(p); p = findParent(p, ctx)) {
    if (chain.some((c) => c.file.path === p?.file.path)) break;
    chain.push(p);
  }
  return chain;
}
function effectiveProperties(chain) {
  const props = /* @__PURE__ */ new Map();
  for (const pom2 of [...chain].reverse()) {
    for (const p of child(pom2.project, "properties")?.children ?? []) props.set(p.name, p.text.trim());
  }
  const pom = chain[0];
  const groupId = pom.own.groupId ?? pom.parent?.groupId;
  const version = pom.own.version ?? pom.parent?.version;
  const builtins = [
    ["project.groupId", groupId],
    ["project.artifactId", pom.own.artifactId],
    ["project.version", version],
    ["project.parent.groupId", pom.parent?.groupId],
    ["project.parent.artifactId", pom.parent?.artifactId],
    ["project.parent.version", pom.parent?.version]
  ];
  for (const [key, value] of builtins) {
    if (value === void 0) continue;
    props.set(key, value);
    props.set(key.replace(/^project\./, "pom."), value);
    props.set(key.replace(/^project\./, ""), value);
  }
  return props;
}
function interpolate(value, props) {
  if (value === void 0) return void 0;
  let out = value;
  for (let round = 0; round < 10 && out.includes("${"); round++) {
    out = out.replace(/\$\{([^}]+)\}/g, (all, key) => props.get(key.trim()) ?? all);
  }
  return out.includes("${") ? void 0 : out;
}
function managedVersions(chain, props, ctx) {
  const out = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  const read = (pom, context) => {
    if (seen.has(pom.file.path)) return;
    seen.add(pom.file.path);
    const deps = children(child(child(pom.project, "dependencyManagement"), "dependencies"), "dependency");
    for (const d of deps) {
      const key = `${interpolate(textOf(d, "groupId"), context)}:${interpolate(textOf(d, "artifactId"), context)}`;
      const scope = textOf(d, "scope");
      if (scope === "import") {
        const bom = findPom(ctx, { groupId: key.split(":")[0], artifactId: key.split(":")[1] });
        if (bom) read(bom, effectiveProperties(ancestry(bom, ctx)));
        continue;
      }
      if (out.has(key)) continue;
      const version = interpolate(textOf(d, "version"), context);
      out.set(key, { ...version ? { version } : {}, ...scope ? { scope } : {} });
    }
  };
  for (const pom of chain) read(pom, props);
  return out;
}
var SCOPES = {
  compile: "runtime",
  runtime: "runtime",
  test: "test",
  provided: "provided",
  system: "provided"
};
function rangeLowest(version) {
  const m = /^\s*([[(])\s*([^,\])]*)/.exec(version);
  if (!m) return void 0;
  return m[1] === "[" ? (m[2] ?? "").trim() : "";
}
function readPom(file, ctx) {
  const pom = loadPomOnce(file);
  const chain = ancestry(pom, ctx);
  if (pom.parent && chain.length === 1) {
    const p = pom.parent;
    ctx.note(`parent ${p.groupId}:${p.artifactId}:${p.version} is not in the repository: its properties and managed versions are unknown`);
  }
  const props = effectiveProperties(chain);
  const managed = managedVersions(chain, props, ctx);
  const modules = pomIndex(ctx);
  const out = [];
  for (const d of children(child(pom.project, "dependencies"), "dependency")) {
    const groupId = interpolate(textOf(d, "groupId"), props);
    const artifactId = interpolate(textOf(d, "artifactId"), props);
    if (!groupId || !artifactId) {
      ctx.note(`line ${d.line}: a dependency whose coordinates cannot be resolved: skipped`);
      continue;
    }
    if (modules.has(`${groupId}:${artifactId}`)) continue;
    const fromManagement = managed.get(`${groupId}:${artifactId}`);
    const scopeName = textOf(d, "scope") ?? fromManagement?.scope ?? "compile";
    if (scopeName === "import") continue;
    const raw = textOf(d, "version");
    const resolved = raw === void 0 ? fromManagement?.version : interpolate(raw, props);
    let version = resolved ?? "";
    let unresolved = resolved === void 0;
    const lowest = resolved === void 0 ? void 0 : rangeLowest(resolved);
    if (lowest !== void 0) {
      version = lowest;
      unresolved = true;
    }
    if (resolved === void 0) {
      ctx.note(`line ${d.line}: the version of ${groupId}:${artifactId} (${raw ?? "managed"}) is not resolved`);
    }
    const optional = textOf(d, "optional") === "true";
    out.push(
      makePackage({
        ecosystem: "Maven",
        name: `${groupId}:${artifactId}`,
        version,
        direct: true,
        scope: optional && scopeName === "compile" ? "optional" : SCOPES[scopeName] ?? "unknown",
        location: { file: file.path, line: d.line },
        manifest: file.path,
        declared: raw ?? (fromManagement?.version !== void 0 ? `managed: ${fromManagement.version}` : ""),
        unresolved
      })
    );
  }
  return out;
}
var pomXml = {
  kind: "pom.xml",
  ecosystem: "Maven",
  parse: readPom
};
var PATH_SEP = "\0";
function jsonKeyLines(text) {
  const out = /* @__PURE__ */ new Map();
  const stack = [];
  let line = 1;
  let pendingKey;
  let lastString;
  let lastStringLine = 0;
  const childPath = () => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    const seg = top.array ? String(top.index) : pendingKey ?? "";
    return top.path === "" && stack.length === 1 ? seg : `${top.path}${PATH_SEP}${seg}`;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
    } else if (c === 34) {
      const start = i + 1;
      let j = start;
      let escaped = false;
      while (j < text.length && text.charCodeAt(j) !== 34) {
        if (text.charCodeAt(j) === 92) {
          escaped = true;
          j++;
        }
        j++;
      }
      const raw = text.slice(start, j);
      lastString = escaped ? safeUnescape(raw) : raw;
      lastStringLine = line;
      i = j;
    } else if (c === 58) {
      const top = stack[stack.length - 1];
      if (top && !top.array && lastString !== void 0) {
        pendingKey = lastString;
        const path = childPath();
        if (!out.has(path)) out.set(path, lastStringLine);
      }
      lastString = void 0;
    } else if (c === 123 || c === 91) {
      const path = stack.length === 0 ? "" : childPath();
      stack.push({ path, array: c === 91, index: 0 });
      pendingKey = void 0;
      lastString = void 0;
    } else if (c === 125 || c === 93) {
      stack.pop();
      lastString = void 0;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      lastString = void 0;
    }
  }
  return out;
}
function safeUnescape(raw) {
  try {
    return JSON.parse(`"${raw}"`);
  } catch {
    return raw;
  }
}
function keyPath(...keys) {
  return keys.join(PATH_SEP);
}
var SECTIONS2 = [
  ["dependencies", "runtime"],
  ["optionalDependencies", "optional"],
  ["devDependencies", "dev"],
  ["peerDependencies", "peer"]
];
function declaredDependencies(file) {
  if (!file) return [];
  let json;
  try {
    json = JSON.parse(file.text.replace(/^\uFEFF/, ""));
  } catch {
    return [];
  }
  if (!isRecord(json)) return [];
  const lines = jsonKeyLines(file.text);
  const out = /* @__PURE__ */ new Map();
  for (const [section, scope] of SECTIONS2) {
    for (const [name, spec] of Object.entries(asRecord(json[section]))) {
      if (typeof spec !== "string" || out.has(name)) continue;
      const line = lines.get(keyPath(section, name)) ?? lines.get(section) ?? 1;
      out.set(name, { name, spec, scope, location: { file: file.path, line } });
    }
  }
  return [...out.values()];
}
function declaredIn(files, dir) {
  const file = files.get(dir ? `${dir}/package.json` : "package.json");
  return new Map(declaredDependencies(file).map((d) => [d.name, d]));
}
function toDeclarations(decls) {
  return new Map([...decls].map(([id, d]) => [id, d && { location: d.location, spec: d.spec }]));
}
function manifestAt(files, dir) {
  const file = files.get(dir ? `${dir}/package.json` : "package.json");
  if (!file) return void 0;
  try {
    const json = JSON.parse(file.text.replace(/^\uFEFF/, ""));
    return isRecord(json) ? json : void 0;
  } catch {
    return void 0;
  }
}
function declaresWorkspaces(ctx, dir) {
  const json = manifestAt(ctx.files, dir);
  return json !== void 0 && json.workspaces !== void 0;
}
function workspaceDirs(files, dir) {
  const out = [];
  for (const path of files.keys()) {
    if (!(path === "package.json" || path.endsWith("/package.json")) || /(?:^|\/)node_modules\//.test(path)) continue;
    const d = dirOf(path);
    if (d === dir || dir === "" || d.startsWith(`${dir}/`)) out.push(d);
  }
  return out;
}
var NOT_REGISTRY = /^(?:file:|link:|portal:|workspace:|git\+|git:|github:|gitlab:|bitbucket:|https?:|exec:|patch:)/;
function lowestMatch(spec) {
  let range = spec.trim();
  let name;
  if (range.startsWith("npm:")) {
    const body = range.slice(4);
    const at = body.lastIndexOf("@");
    if (at > 0) {
      name = body.slice(0, at);
      range = body.slice(at + 1);
    } else {
      name = body;
      range = "";
    }
  }
  if (NOT_REGISTRY.test(range) || /^[\w.-]+\/[\w.-]+(?:#.*)?$/.test(range)) {
    return { notRegistry: range };
  }
  const low = lowestOfRange(range);
  return { ...name ? { name } : {}, ...low.version ? { version: low.version } : {}, ...low.exact ? { exact: true } : {} };
}
var LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "pnpm-lock.yaml", "yarn.lock"];
var packageJson = {
  kind: "package.json",
  ecosystem: "npm",
  // a lockfile in an ancestor folder covers this one when it lists the folder (npm, pnpm,
  // Berry) or when the package.json beside it declares workspaces (yarn 1 lists none)
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, LOCKFILES, (lock, rel) => lock.text.includes(rel) || declaresWorkspaces(ctx, dirOf(lock.path))),
  parse(file, ctx) {
    const json = parseJson(file);
    if (!isRecord(json)) throw new ManifestError("not a package.json object");
    const out = [];
    for (const dep of declaredDependencies(file)) {
      const match = lowestMatch(dep.spec);
      if (match.notRegistry !== void 0) {
        if (!/^(?:workspace:|link:|file:|portal:)/.test(match.notRegistry)) {
          ctx.note(`line ${dep.location.line}: ${dep.name} comes from "${dep.spec}", not a registry: skipped`);
        }
        continue;
      }
      const name = match.name ?? dep.name;
      out.push(declaredPackage("npm", file, { ...dep, name, version: match.version ?? "", exact: match.exact === true }));
    }
    return out;
  }
};
var DEP_FIELDS = ["dependencies", "optionalDependencies", "peerDependencies", "devDependencies"];
function entryScope(e) {
  if (e.dev === true || e.devOptional === true) return "dev";
  if (e.optional === true) return "optional";
  if (e.peer === true) return "peer";
  return "runtime";
}
function resolveFrom(from, dep, packages) {
  let base = from;
  for (; ; ) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (candidate in packages) return candidate;
    if (!base) return void 0;
    const cut = base.lastIndexOf("/node_modules/");
    base = cut === -1 ? "" : base.slice(0, cut);
  }
}
function nameFromKey(key) {
  const i = key.lastIndexOf("node_modules/");
  return key.slice(i + "node_modules/".length);
}
function readPackagesMap(file, json, ctx) {
  const packages = asRecord(json.packages);
  const lines = jsonKeyLines(file.text);
  const entries = /* @__PURE__ */ new Map();
  const importers = [];
  for (const [key, raw] of Object.entries(packages)) {
    const e = asRecord(raw);
    if (key === "" || !key.includes("node_modules/")) {
      const deps2 = /* @__PURE__ */ new Map();
      for (const [field, scope] of [
        ["dependencies", "runtime"],
        ["optionalDependencies", "optional"],
        ["devDependencies", "dev"],
        ["peerDependencies", "peer"]
      ]) {
        for (const d of Object.keys(asRecord(e[field]))) if (!deps2.has(d)) deps2.set(d, scope);
      }
      importers.push({ dir: key, deps: deps2 });
      continue;
    }
    if (e.link === true) continue;
    const version = asString(e.version);
    if (!version) continue;
    const deps = DEP_FIELDS.flatMap((f) => Object.keys(asRecord(e[f])));
    entries.set(key, { key, name: asString(e.name) ?? nameFromKey(key), version, scope: entryScope(e), deps });
  }
  const edges = /* @__PURE__ */ new Map();
  for (const entry of entries.values()) {
    edges.set(
      entry.key,
      entry.deps.map((d) => resolveFrom(entry.key, d, packages)).filter((k) => k !== void 0)
    );
  }
  const roots = [];
  const rootDecl = /* @__PURE__ */ new Map();
  const lockDir = dirOf(file.path);
  for (const importer of importers) {
    const manifestDir = joinPath(lockDir, importer.dir) ?? lockDir;
    const declared = declaredIn(ctx.files, manifestDir);
    for (const [dep, scope] of importer.deps) {
      const node = resolveFrom(importer.dir, dep, packages);
      if (!node || !entries.has(node)) continue;
      roots.push({ node, scope });
      if (!rootDecl.has(node)) rootDecl.set(node, declared.get(dep));
    }
  }
  return emit(file, entries, edges, roots, rootDecl, (key) => lines.get(keyPath("packages", key)));
}
function readDependencyTree(file, json, ctx) {
  const lines = jsonKeyLines(file.text);
  const entries = /* @__PURE__ */ new Map();
  const requires = /* @__PURE__ */ new Map();
  const packages = {};
  const lineOf = /* @__PURE__ */ new Map();
  const walk3 = (deps, installPath, jsonPath) => {
    for (const [name, raw] of Object.entries(deps)) {
      const e = asRecord(raw);
      const key = installPath ? `${installPath}/node_modules/${name}` : `node_modules/${name}`;
      const version = asString(e.version) ?? "";
      packages[key] = true;
      const here = [...jsonPath, "dependencies", name];
      lineOf.set(key, lines.get(keyPath(...here)));
      const alias = /^npm:(@?[^@]+)@(.+)$/.exec(version);
      if (version && !/^(?:file:|git|https?:|github:)/.test(version)) {
        entries.set(key, {
          key,
          name: alias?.[1] ?? name,
          version: alias?.[2] ?? version,
          scope: entryScope(e),
          deps: []
        });
      }
      requires.set(key, Object.keys(asRecord(e.requires)));
      walk3(asRecord(e.dependencies), key, here);
    }
  };
  walk3(asRecord(json.dependencies), "", []);
  const edges = /* @__PURE__ */ new Map();
  for (const [key, deps] of requires) {
    edges.set(key, deps.map((d) => resolveFrom(key, d, packages)).filter((k) => k !== void 0));
  }
  const declared = declaredIn(ctx.files, dirOf(file.path));
  const roots = [];
  const rootDecl = /* @__PURE__ */ new Map();
  if (declared.size > 0) {
    for (const dep of declared.values()) {
      const node = `node_modules/${dep.name}`;
      if (!entries.has(node)) continue;
      roots.push({ node, scope: dep.scope });
      rootDecl.set(node, dep);
    }
  } else {
    const required = new Set([...edges.values()].flat());
    for (const entry of entries.values()) {
      if (entry.key.indexOf("node_modules/", 1) === -1 && !required.has(entry.key)) {
        roots.push({ node: entry.key, scope: entry.scope });
        rootDecl.set(entry.key, void 0);
      }
    }
  }
  return emit(file, entries, edges, roots, rootDecl, (key) => lineOf.get(key));
}
function emit(file, entries, edges, roots, rootDecl, lineOf) {
  const nodes = /* @__PURE__ */ new Map();
  for (const e of entries.values()) nodes.set(e.key, { name: e.name, version: e.version, line: lineOf(e.key) ?? 1, scope: e.scope });
  return emitGraph({ file, ecosystem: "npm", nodes, edges, roots, declarations: toDeclarations(rootDecl) });
}
function makeLockParser(kind) {
  return {
    kind,
    ecosystem: "npm",
    parse(file, ctx) {
      const json = parseJson(file);
      if (!isRecord(json)) throw new ManifestError("not a lockfile object");
      const version = typeof json.lockfileVersion === "number" ? json.lockfileVersion : 1;
      if (version >= 2 && isRecord(json.packages)) return readPackagesMap(file, json, ctx);
      return readDependencyTree(file, json, ctx);
    }
  };
}
var packageLock = makeLockParser("package-lock.json");
var npmShrinkwrap = makeLockParser("npm-shrinkwrap.json");
var PLAIN_SCALAR_FORBIDDEN = /^[&*!|>%@`]/;
var KEY_LINE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'"\s#][^#]*?)\s*:(?:\s+(.*))?$/;
function readLockYaml(text) {
  const root = {};
  const lines = /* @__PURE__ */ new Map();
  const stack = [{ indent: 0, container: root }];
  const path = [];
  let pending;
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let raw = text.slice(start, end);
    start = end + 1;
    lineNo++;
    if (raw.endsWith("\r")) raw = raw.slice(0, -1);
    let indent = 0;
    while (raw.charCodeAt(indent) === 32) indent++;
    const content = raw.slice(indent);
    if (content === "" || content.startsWith("#")) continue;
    if (content.startsWith("	") || content === "---" || content === "...") return void 0;
    const isItem = content.startsWith("- ") || content === "-";
    if (pending) {
      if (indent > pending.indent || indent === pending.indent && isItem) {
        const child2 = isItem ? [] : {};
        pending.parent[pending.key] = child2;
        stack.push({ indent, container: child2 });
        path.push(pending.key);
      }
      pending = void 0;
    }
    while (stack.length > 1 && indent < stack[stack.length - 1].indent) {
      stack.pop();
      path.pop();
    }
    const frame = stack[stack.length - 1];
    if (indent !== frame.indent) return void 0;
    if (isItem) {
      const item = content.slice(1).trim();
      if (!Array.isArray(frame.container) || item === "" || KEY_LINE.test(item)) return void 0;
      const value2 = scalar(item);
      if (value2 === INVALID) return void 0;
      frame.container.push(value2);
      continue;
    }
    const m = KEY_LINE.exec(content);
    if (!m || Array.isArray(frame.container)) return void 0;
    const key = unquote2(m[1] ?? "");
    const rest = (m[2] ?? "").replace(/\s+#.*$/, "").trim();
    if (path.length === 0 && !lines.has(key)) lines.set(key, lineNo);
    else if (path.length === 1 && !lines.has(`${path[0]}\0${key}`)) lines.set(`${path[0]}\0${key}`, lineNo);
    if (rest === "") {
      frame.container[key] = null;
      pending = { parent: frame.container, key, indent };
      continue;
    }
    const value = scalar(rest);
    if (value === INVALID) return void 0;
    frame.container[key] = value;
  }
  return { data: root, lines };
}
var INVALID = /* @__PURE__ */ Symbol("invalid");
function scalar(text) {
  if (text.startsWith('"') || text.startsWith("'")) {
    const quote = text[0];
    if (text.length < 2 || !text.endsWith(quote)) return INVALID;
    return unquote2(text);
  }
  if (text.startsWith("{")) return text.endsWith("}") ? flowMap(text.slice(1, -1)) : INVALID;
  if (text.startsWith("[")) return text.endsWith("]") ? flowList(text.slice(1, -1)) : INVALID;
  if (PLAIN_SCALAR_FORBIDDEN.test(text)) return INVALID;
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null" || text === "~") return null;
  return text;
}
function splitFlow(body) {
  const parts2 = [];
  let depth = 0;
  let quote = "";
  let from = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (c === "," && depth === 0) {
      parts2.push(body.slice(from, i).trim());
      from = i + 1;
    }
  }
  if (quote || depth !== 0) return void 0;
  const last = body.slice(from).trim();
  if (last) parts2.push(last);
  return parts2;
}
function flowMap(body) {
  const parts2 = splitFlow(body);
  if (!parts2) return INVALID;
  const out = {};
  for (const part of parts2) {
    const m = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^'":]+?)\s*:\s*(.*)$/.exec(part);
    if (!m) return INVALID;
    const value = scalar((m[2] ?? "").trim());
    if (value === INVALID) return INVALID;
    out[unquote2(m[1] ?? "")] = value;
  }
  return out;
}
function flowList(body) {
  const parts2 = splitFlow(body);
  if (!parts2) return INVALID;
  const out = [];
  for (const part of parts2) {
    const value = scalar(part);
    if (value === INVALID) return INVALID;
    out.push(value);
  }
  return out;
}
function yamlKeyLines(text) {
  const out = /* @__PURE__ */ new Map();
  const lines = text.split("\n");
  let top;
  let childIndent;
  for (let i = 0; i < lines.length; i++) {
    const m = /^( *)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"-][^\n]*?|-[^\s][^\n]*?):(?:\s|$)/.exec(lines[i] ?? "");
    if (!m) continue;
    const indent = (m[1] ?? "").length;
    const key = unquote2(m[2] ?? "");
    if (indent === 0) {
      top = key;
      childIndent = void 0;
      if (!out.has(key)) out.set(key, i + 1);
    } else if (top !== void 0) {
      childIndent ??= indent;
      if (indent !== childIndent) continue;
      const path = `${top}\0${key}`;
      if (!out.has(path)) out.set(path, i + 1);
    }
  }
  return out;
}
function unquote2(s) {
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) {
    try {
      return JSON.parse(s);
    } catch {
      return s.slice(1, -1);
    }
  }
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}
function parseYaml(file) {
  const doc = (0, import_yaml.parseDocument)(file.text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error) throw new ManifestError(`not valid YAML (${oneLine(error)})`, { cause: error });
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (cause) {
    throw new ManifestError(`not valid YAML (${oneLine(cause)})`, { cause });
  }
}
function parseLockfileYaml(file) {
  const fast = readLockYaml(file.text);
  if (fast) return fast;
  return { data: parseYaml(file), lines: yamlKeyLines(file.text) };
}
var IMPORTER_SECTIONS = [
  ["dependencies", "runtime"],
  ["optionalDependencies", "optional"],
  ["devDependencies", "dev"]
];
function dialectOf(version) {
  const n = Number.parseFloat(String(version ?? "5"));
  if (n >= 9) return 9;
  if (n >= 6) return 6;
  return 5;
}
function keyOf2(dialect, name, ref) {
  if (/^(?:link:|file:|workspace:)/.test(ref)) return void 0;
  if (dialect === 9) return /^@?[^@(]+@/.test(ref) ? ref : `${name}@${ref}`;
  if (ref.startsWith("/")) return ref;
  if (dialect === 6) return /^@?[^@(]+@/.test(ref) ? `/${ref}` : `/${name}@${ref}`;
  return `/${name}/${ref}`;
}
function nameVersionOf(dialect, key, entry) {
  const explicitName = asString(entry.name);
  const explicitVersion = asString(entry.version);
  let body = key.startsWith("/") ? key.slice(1) : key;
  if (dialect === 5) {
    body = body.replace(/_[^/]*$/, "");
    const cut = body.lastIndexOf("/");
    if (cut <= 0) return void 0;
    return [explicitName ?? body.slice(0, cut), explicitVersion ?? body.slice(cut + 1)];
  }
  const paren = body.indexOf("(");
  if (paren !== -1) body = body.slice(0, paren);
  const at = body.lastIndexOf("@");
  if (at <= 0) return void 0;
  const version = explicitVersion ?? body.slice(at + 1);
  if (!/^\d/.test(version)) return void 0;
  return [explicitName ?? body.slice(0, at), version];
}
function importersOf(json) {
  if (isRecord(json.importers)) return json.importers;
  return { ".": json };
}
function refOf(value) {
  return typeof value === "string" ? value : asString(asRecord(value).version);
}
function readPnpmLock(file, ctx) {
  const { data: json, lines: positions } = parseLockfileYaml(file);
  if (!isRecord(json)) throw new ManifestError("not a pnpm lockfile (no mapping at the top)");
  const dialect = dialectOf(json.lockfileVersion);
  const graphSection = dialect === 9 && isRecord(json.snapshots) ? "snapshots" : "packages";
  const entries = asRecord(json[graphSection]);
  const meta = asRecord(json.packages);
  const edges = /* @__PURE__ */ new Map();
  const info = /* @__PURE__ */ new Map();
  for (const [key, raw] of Object.entries(entries)) {
    const entry = asRecord(raw);
    const metaKey = dialect === 9 ? key.replace(/\(.*$/, "") : key;
    const nv = nameVersionOf(dialect, key, { ...asRecord(meta[metaKey]), ...entry });
    if (nv) info.set(key, nv);
    const children2 = [];
    for (const field of ["dependencies", "optionalDependencies"]) {
      for (const [dep, ref] of Object.entries(asRecord(entry[field]))) {
        const child2 = typeof ref === "string" ? keyOf2(dialect, dep, ref) : void 0;
        if (child2 && child2 in entries) children2.push(child2);
      }
    }
    edges.set(key, children2);
  }
  const roots = [];
  const rootDecl = /* @__PURE__ */ new Map();
  const rootLine = /* @__PURE__ */ new Map();
  const lockDir = dirOf(file.path);
  for (const [importer, raw] of Object.entries(importersOf(json))) {
    const declared = declaredIn(ctx.files, joinPath(lockDir, importer) ?? lockDir);
    for (const [section, scope] of IMPORTER_SECTIONS) {
      for (const [dep, value] of Object.entries(asRecord(asRecord(raw)[section]))) {
        const ref = refOf(value);
        const node = ref === void 0 ? void 0 : keyOf2(dialect, dep, ref);
        if (!node || !(node in entries)) continue;
        roots.push({ node, scope });
        if (!rootDecl.has(node)) rootDecl.set(node, declared.get(dep));
        if (!rootLine.has(node)) rootLine.set(node, positions.get(`importers\0${importer}`) ?? 1);
      }
    }
  }
  const nodes = /* @__PURE__ */ new Map();
  for (const [key, [name, version]] of info) {
    const entry = asRecord(entries[key]);
    const flagged = entry.dev === true ? "dev" : entry.optional === true ? "optional" : void 0;
    const directLine = rootLine.get(key);
    nodes.set(key, {
      name,
      version,
      line: positions.get(`${graphSection}\0${key}`) ?? 1,
      ...flagged ? { scope: flagged } : {},
      ...directLine ? { directLine } : {}
    });
  }
  return emitGraph({ file, ecosystem: "npm", nodes, edges, roots, declarations: toDeclarations(rootDecl) });
}
var pnpmLock = {
  kind: "pnpm-lock.yaml",
  ecosystem: "npm",
  parse: readPnpmLock
};
function splitDescriptor(descriptor) {
  const at = descriptor.indexOf("@", 1);
  return at === -1 ? [descriptor, ""] : [descriptor.slice(0, at), descriptor.slice(at + 1)];
}
function entryLines(text) {
  const out = /* @__PURE__ */ new Map();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (/^[^\s#].*:\s*$/.test(l)) out.set(l.replace(/:\s*$/, ""), i + 1);
  }
  return out;
}
function readClassic(file, index) {
  const entries = [];
  const lines = file.text.split(/\r?\n/);
  let current;
  let section;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (l.trim() === "" || l.trimStart().startsWith("#")) continue;
    const indent = l.length - l.trimStart().length;
    if (indent === 0) {
      if (!l.trimEnd().endsWith(":")) throw new ManifestError(`line ${i + 1}: not a yarn.lock entry`);
      const descriptors = l.trimEnd().slice(0, -1).split(/,\s*/).map((d) => unquote2(d.trim()));
      current = { id: descriptors[0] ?? "", name: "", version: "", line: i + 1, deps: [], descriptors };
      const [name, range] = splitDescriptor(descriptors[0] ?? "");
      current.name = range.startsWith("npm:") ? splitDescriptor(range.slice(4))[0] : name;
      entries.push(current);
      for (const d of descriptors) index.set(d, current);
      section = void 0;
      continue;
    }
    if (!current) continue;
    const text = l.trim();
    if (indent === 2) {
      if (text.endsWith(":")) {
        section = text.slice(0, -1);
        continue;
      }
      section = void 0;
      const m = /^(\S+)\s+(.*)$/.exec(text);
      if (m?.[1] === "version") current.version = unquote2(m[2] ?? "");
      continue;
    }
    if (section === "dependencies" || section === "optionalDependencies") {
      const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.*)$/.exec(text);
      if (m) current.deps.push(`${unquote2(m[1] ?? "")}@${unquote2(m[2] ?? "")}`);
    }
  }
  return entries.filter((e) => e.version !== "");
}
function readBerry(file, json, index) {
  const lines = entryLines(file.text);
  const entries = [];
  const byResolution = /* @__PURE__ */ new Map();
  const patches = [];
  for (const [key, raw] of Object.entries(json)) {
    if (key === "__metadata") continue;
    const e = asRecord(raw);
    const resolution = asString(e.resolution) ?? "";
    const [name, ref] = splitDescriptor(resolution);
    const line = lines.get(`"${key}"`) ?? lines.get(key) ?? 1;
    const deps = [
      ...Object.entries(asRecord(e.dependencies)),
      ...Object.entries(asRecord(e.optionalDependencies))
    ].map(([dep, range]) => {
      const r = String(range);
      return `${dep}@${/^[a-z]+:/.test(r) ? r : `npm:${r}`}`;
    });
    const descriptors = key.split(/,\s*/);
    const base = { id: descriptors[0] ?? key, name, version: "", line, deps };
    if (ref.startsWith("workspace:")) {
      entries.push({ ...base, workspace: ref.slice("workspace:".length) });
    } else if (ref.startsWith("npm:")) {
      entries.push({ ...base, version: ref.slice(4) });
      byResolution.set(resolution, entries[entries.length - 1]);
    } else {
      const patched = /^patch:(.+?)(?:#|$)/.exec(ref)?.[1];
      const virtual = /^virtual:[^#]*#(npm:.+)$/.exec(ref)?.[1];
      const original = patched ? decodeURIComponent(patched) : virtual ? `${name}@${virtual}` : void 0;
      if (original) patches.push([descriptors, original]);
      continue;
    }
    const last = entries[entries.length - 1];
    for (const d of descriptors) index.set(d.trim(), last);
  }
  for (const [descriptors, original] of patches) {
    const target = byResolution.get(original);
    if (target) for (const d of descriptors) index.set(d.trim(), target);
  }
  return entries;
}
function readYarnLock(file, ctx) {
  const descriptorIndex = /* @__PURE__ */ new Map();
  const berry = /^__metadata:/m.test(file.text);
  let entries;
  if (berry) {
    const json = parseLockfileYaml(file).data;
    if (!isRecord(json)) throw new ManifestError("not a yarn lockfile (no mapping at the top)");
    entries = readBerry(file, json, descriptorIndex);
  } else {
    entries = readClassic(file, descriptorIndex);
  }
  const edges = /* @__PURE__ */ new Map();
  for (const e of entries) {
    edges.set(
      e.id,
      e.deps.map((d) => descriptorIndex.get(d)?.id).filter((id) => id !== void 0 && id !== e.id)
    );
  }
  const { roots, rootDecl } = directRoots(file, ctx, entries, descriptorIndex);
  const nodes = /* @__PURE__ */ new Map();
  for (const e of entries) if (e.workspace === void 0) nodes.set(e.id, { name: e.name, version: e.version, line: e.line });
  return emitGraph({ file, ecosystem: "npm", nodes, edges, roots, declarations: toDeclarations(rootDecl) });
}
function directRoots(file, ctx, entries, descriptorIndex) {
  const roots = [];
  const rootDecl = /* @__PURE__ */ new Map();
  const lockDir = dirOf(file.path);
  const add = (descriptor, dep, declared) => {
    const target = descriptorIndex.get(descriptor);
    if (!target || target.workspace !== void 0) return;
    const decl = declared.get(dep);
    roots.push({ node: target.id, scope: decl?.scope ?? "unknown" });
    if (!rootDecl.has(target.id)) rootDecl.set(target.id, decl);
  };
  const workspaces = entries.filter((e) => e.workspace !== void 0);
  if (workspaces.length > 0) {
    for (const ws of workspaces) {
      const dir = ws.workspace === "." ? lockDir : [lockDir, ws.workspace].filter(Boolean).join("/");
      const declared = declaredIn(ctx.files, dir);
      for (const d of ws.deps) add(d, splitDescriptor(d)[0], declared);
    }
    return { roots, rootDecl };
  }
  const dirs = declaresWorkspaces(ctx, lockDir) ? workspaceDirs(ctx.files, lockDir) : [lockDir];
  for (const dir of dirs) {
    const declared = declaredIn(ctx.files, dir);
    for (const dep of declared.values()) add(`${dep.name}@${dep.spec}`, dep.name, declared);
  }
  if (roots.length > 0) return { roots, rootDecl };
  const required = new Set(entries.flatMap((e) => e.deps.map((d) => descriptorIndex.get(d)?.id)));
  for (const e of entries) if (!required.has(e.id)) add(e.id, e.name, /* @__PURE__ */ new Map());
  return { roots, rootDecl };
}
var yarnLock = {
  kind: "yarn.lock",
  ecosystem: "npm",
  parse: readYarnLock
};
function parseRequirement(text) {
  const m = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(text);
  if (!m) return void 0;
  let rest = m[3] ?? "";
  let marker;
  const semi = rest.indexOf(";");
  if (semi !== -1) {
    marker = rest.slice(semi + 1).trim();
    rest = rest.slice(0, semi);
  }
  rest = rest.trim();
  const req = {
    name: m[1] ?? "",
    extras: (m[2] ?? "").split(",").map((e) => e.trim()).filter(Boolean),
    specifier: ""
  };
  if (marker) req.marker = marker;
  if (rest.startsWith("@")) {
    req.url = rest.slice(1).trim();
    return req;
  }
  if (rest.startsWith("(") && rest.endsWith(")")) rest = rest.slice(1, -1);
  if (rest !== "" && !/^(?:===|==|~=|!=|<=|>=|<|>)/.test(rest)) return void 0;
  req.specifier = rest.replace(/\s+/g, "");
  return req;
}
function lowestPep440(specifier) {
  let lowest = "";
  for (const clause2 of specifier.split(",").map((c) => c.trim()).filter(Boolean)) {
    const m = /^(===|==|~=|>=|!=|<=|<|>)\s*(.+)$/.exec(clause2);
    if (!m) continue;
    const [, op, version = ""] = m;
    if ((op === "==" || op === "===") && !version.includes("*")) return { version, exact: true };
    if (op === "==" && version.endsWith(".*")) lowest = version.slice(0, -2);
    else if (op === ">=" || op === "~=") lowest = version;
  }
  return { version: lowest, exact: false };
}
function lowestPoetry(constraint) {
  const c = constraint.trim();
  if (c === "" || c === "*") return { version: "", exact: false };
  if (c.includes("||")) {
    const parts2 = c.split("||").map((p) => lowestPoetry(p));
    const withVersion = parts2.filter((p) => p.version);
    return withVersion.length === parts2.length ? withVersion[0] : { version: "", exact: false };
  }
  const caret = /^[\^~]=?\s*(\d[\w.+-]*)$/.exec(c);
  if (caret) return { version: caret[1] ?? "", exact: false };
  if (/^\d[\w.+!-]*$/.test(c)) return { version: c, exact: true };
  if (/^\d[\w.]*\.\*$/.test(c)) return { version: c.slice(0, -2), exact: false };
  return lowestPep440(c.replace(/\s+/g, ""));
}
function groupScope(group) {
  const g = group.toLowerCase();
  if (g === "main") return "runtime";
  if (/^tests?$|^testing$/.test(g)) return "test";
  return "dev";
}
function pep508Deps(reqs, scope, header, lines, file) {
  if (!Array.isArray(reqs)) return [];
  const out = [];
  for (const raw of reqs) {
    if (typeof raw !== "string") continue;
    const req = parseRequirement(raw);
    if (!req) continue;
    const line = lines.lineContaining(header, raw) ?? lines.headerLine(header) ?? 1;
    out.push({
      name: req.name,
      spec: raw,
      ...req.url ? {} : { lowest: lowestPep440(req.specifier) },
      scope,
      location: { file, line }
    });
  }
  return out;
}
function poetryDeps(table, scope, header, lines, file) {
  const out = [];
  for (const [name, value] of Object.entries(asRecord(table))) {
    if (name.toLowerCase() === "python") continue;
    const entries = Array.isArray(value) ? value : [value];
    const first = entries[0];
    const spec = typeof first === "string" ? first : asString(asRecord(first).version);
    const optional = isRecord(first) && first.optional === true;
    out.push({
      name,
      spec: spec ?? JSON.stringify(first),
      ...spec !== void 0 ? { lowest: lowestPoetry(spec) } : {},
      scope: optional && scope === "runtime" ? "optional" : scope,
      location: { file, line: lines.keyLine(header, name) ?? lines.headerLine(header) ?? 1 }
    });
  }
  return out;
}
function pyprojectDeclared(file, json = parseToml(file)) {
  const lines = new TomlLines(file.text);
  const project = asRecord(json.project);
  const poetry = asRecord(asRecord(json.tool).poetry);
  const out = [
    ...pep508Deps(project.dependencies, "runtime", "project", lines, file.path),
    ...poetryDeps(poetry.dependencies, "runtime", "tool.poetry.dependencies", lines, file.path)
  ];
  for (const reqs of Object.values(asRecord(project["optional-dependencies"]))) {
    out.push(...pep508Deps(reqs, "optional", "project.optional-dependencies", lines, file.path));
  }
  for (const [group, reqs] of Object.entries(asRecord(json["dependency-groups"]))) {
    out.push(...pep508Deps(reqs, groupScope(group), "dependency-groups", lines, file.path));
  }
  out.push(...poetryDeps(poetry["dev-dependencies"], "dev", "tool.poetry.dev-dependencies", lines, file.path));
  for (const [group, def] of Object.entries(asRecord(poetry.group))) {
    out.push(...poetryDeps(asRecord(def).dependencies, groupScope(group), `tool.poetry.group.${group}.dependencies`, lines, file.path));
  }
  out.push(...pep508Deps(asRecord(asRecord(json.tool).uv)["dev-dependencies"], "dev", "tool.uv", lines, file.path));
  return out;
}
function pyprojectIndex(file) {
  const out = /* @__PURE__ */ new Map();
  if (!file) return out;
  let declared;
  try {
    declared = pyprojectDeclared(file);
  } catch {
    return out;
  }
  for (const d of declared) {
    const key = canonicalName("PyPI", d.name);
    if (!out.has(key)) out.set(key, d);
  }
  return out;
}
var norm = (name) => canonicalName("PyPI", name);
function rootsFromPyproject(file, ctx, nodes, edges, idOf) {
  const declared = pyprojectIndex(sibling(ctx, file, "pyproject.toml"));
  const declarations = /* @__PURE__ */ new Map();
  if (declared.size === 0) return { roots: unrequiredRoots(nodes, edges), declarations };
  const roots = [];
  for (const [name, d] of declared) {
    const id = idOf(name);
    if (!id) continue;
    roots.push({ node: id, scope: d.scope });
    declarations.set(id, { location: d.location, spec: d.spec });
  }
  return { roots, declarations };
}
function readPipfileLock(file, ctx) {
  const json = parseJson(file);
  if (!isRecord(json)) throw new ManifestError("not a Pipfile.lock object");
  const lines = jsonKeyLines(file.text);
  const pipfile2 = sibling(ctx, file, "Pipfile");
  let direct;
  if (pipfile2) {
    try {
      const toml = parseToml(pipfile2);
      direct = new Set([...Object.keys(asRecord(toml.packages)), ...Object.keys(asRecord(toml["dev-packages"]))].map(norm));
    } catch {
      direct = void 0;
    }
  }
  const out = [];
  for (const [section, scope] of [
    ["default", "runtime"],
    ["develop", "dev"]
  ]) {
    for (const [name, raw] of Object.entries(asRecord(json[section]))) {
      const version = asString(asRecord(raw).version)?.replace(/^===?/, "");
      if (!version) continue;
      out.push(
        makePackage({
          ecosystem: "PyPI",
          name,
          version,
          // the lock is flat: only the Pipfile can say which entries were asked for
          direct: direct ? direct.has(norm(name)) : false,
          scope,
          location: { file: file.path, line: lines.get(keyPath(section, name)) ?? 1 },
          manifest: file.path
        })
      );
    }
  }
  return out;
}
var pipfileLock = {
  kind: "Pipfile.lock",
  ecosystem: "PyPI",
  parse: readPipfileLock
};
function lockedScope(p) {
  const category = asString(p.category);
  if (category) return category === "dev" ? "dev" : "runtime";
  if (!Array.isArray(p.groups) || p.groups.length === 0) return void 0;
  const groups = p.groups.map(String);
  if (groups.includes("main")) return "runtime";
  return groups.every((g) => /^tests?$/.test(g)) ? "test" : "dev";
}
function readPoetryLock(file, ctx) {
  const json = parseToml(file);
  if (!Array.isArray(json.package)) throw new ManifestError("not a poetry.lock (no [[package]] tables)");
  const lines = new TomlLines(file.text).entryLines("package");
  const nodes = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  for (const raw of json.package) {
    const p = asRecord(raw);
    const name = asString(p.name);
    const version = asString(p.version);
    const source = asRecord(p.source);
    if (!name || !version || ["git", "directory", "file", "url"].includes(String(source.type))) continue;
    const scope = lockedScope(p);
    nodes.set(norm(name), { name, version, line: lines.get(`${name}@${version}`) ?? 1, ...scope ? { scope } : {} });
    deps.set(norm(name), Object.keys(asRecord(p.dependencies)).map(norm));
  }
  const edges = new Map([...deps].map(([id, ds]) => [id, ds.filter((d) => nodes.has(d))]));
  const { roots, declarations } = rootsFromPyproject(file, ctx, nodes, edges, (n) => nodes.has(norm(n)) ? norm(n) : void 0);
  return emitGraph({ file, ecosystem: "PyPI", nodes, edges, roots, declarations });
}
var poetryLock = {
  kind: "poetry.lock",
  ecosystem: "PyPI",
  parse: readPoetryLock
};
function readUvLock(file, ctx) {
  const json = parseToml(file);
  if (!Array.isArray(json.package)) throw new ManifestError("not a uv.lock (no [[package]] tables)");
  const lines = new TomlLines(file.text).entryLines("package");
  const nodes = /* @__PURE__ */ new Map();
  const byName = /* @__PURE__ */ new Map();
  const projects = [];
  for (const raw of json.package) {
    const p = asRecord(raw);
    const name = asString(p.name);
    const version = asString(p.version) ?? "";
    const source = asRecord(p.source);
    if (!name) continue;
    if ("editable" in source || "virtual" in source) {
      projects.push(p);
      continue;
    }
    if (!("registry" in source) || !version) continue;
    const id = `${norm(name)}@${version}`;
    nodes.set(id, { name, version, line: lines.get(`${name}@${version}`) ?? lines.get(name) ?? 1 });
    byName.set(norm(name), [...byName.get(norm(name)) ?? [], id]);
  }
  const target = (ref) => {
    const r = asRecord(ref);
    const ids = byName.get(norm(asString(r.name) ?? ""));
    const version = asString(r.version);
    return version ? ids?.find((id) => id.endsWith(`@${version}`)) : ids?.[0];
  };
  const refs = (list) => Array.isArray(list) ? list.map(target).filter((x) => !!x) : [];
  const grouped = (table) => Object.values(asRecord(table)).flatMap(refs);
  const edges = /* @__PURE__ */ new Map();
  for (const raw of json.package) {
    const p = asRecord(raw);
    const id = `${norm(asString(p.name) ?? "")}@${asString(p.version) ?? ""}`;
    if (nodes.has(id)) edges.set(id, [...refs(p.dependencies), ...grouped(p["optional-dependencies"])]);
  }
  const roots = [];
  for (const project of projects) {
    for (const node of refs(project.dependencies)) roots.push({ node, scope: "runtime" });
    for (const node of grouped(project["optional-dependencies"])) roots.push({ node, scope: "optional" });
    for (const [group, list] of Object.entries(asRecord(project["dev-dependencies"]))) {
      for (const node of refs(list)) roots.push({ node, scope: /^tests?$/.test(group) ? "test" : "dev" });
    }
  }
  const declared = pyprojectIndex(sibling(ctx, file, "pyproject.toml"));
  const declarations = /* @__PURE__ */ new Map();
  for (const root of roots) {
    const d = declared.get(norm(nodes.get(root.node)?.name ?? ""));
    if (d && !declarations.has(root.node)) declarations.set(root.node, { location: d.location, spec: d.spec });
  }
  return emitGraph({ file, ecosystem: "PyPI", nodes, edges, roots: roots.length ? roots : unrequiredRoots(nodes, edges), declarations });
}
var uvLock = {
  kind: "uv.lock",
  ecosystem: "PyPI",
  parse: readUvLock
};
function attributes(lines, element) {
  const out = /* @__PURE__ */ new Map();
  let tag = "";
  for (let i = element.line - 1; i < lines.length && !tag.includes(">"); i++) tag += ` ${lines[i] ?? ""}`;
  const start = tag.indexOf(`<${element.name}`);
  const body = tag.slice(start, tag.indexOf(">", start) + 1);
  for (const m of body.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set((m[1] ?? "").toLowerCase(), m[2] ?? m[3] ?? "");
  return out;
}
function walk(element, visit) {
  visit(element);
  for (const c of element.children) walk(c, visit);
}
function nugetReferences(file, elementNames) {
  let root;
  try {
    root = parseXml(file.text.replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof ManifestError) throw new ManifestError(`not valid XML (${error.message})`, { cause: error });
    throw error;
  }
  const lines = file.text.split(/\r?\n/);
  const properties = /* @__PURE__ */ new Map();
  walk(root, (e) => {
    if (e.name === "PropertyGroup") for (const p of e.children) properties.set(p.name.toLowerCase(), p.text.trim());
  });
  const expand2 = (value) => value.replace(/\$\(([\w.-]+)\)/g, (all, name) => properties.get(name.toLowerCase()) ?? all);
  const out = [];
  walk(root, (e) => {
    if (!elementNames.includes(e.name)) return;
    const attrs = attributes(lines, e);
    const name = attrs.get("include") ?? attrs.get("id") ?? attrs.get("update");
    if (!name) return;
    const child2 = e.children.find((c) => c.name === "Version");
    const spec = expand2(attrs.get("versionoverride") ?? attrs.get("version") ?? child2?.text.trim() ?? "");
    const assets = (attrs.get("privateassets") ?? e.children.find((c) => c.name === "PrivateAssets")?.text ?? "").toLowerCase();
    out.push({
      name,
      spec,
      // analyzers and build tools marked PrivateAssets="all" do not ship with the application
      scope: attrs.get("developmentdependency") === "true" || assets.trim() === "all" ? "dev" : "runtime",
      location: { file: file.path, line: e.line }
    });
  });
  return out;
}
function lowestNuget(spec) {
  const s = spec.trim();
  const exact = /^\[\s*([^,\]]+)\s*\]$/.exec(s);
  if (exact) return { version: exact[1] ?? "", exact: true };
  const range = /^([[(])\s*([^,]*?)\s*,/.exec(s);
  if (range) return { version: range[1] === "[" ? range[2] ?? "" : "", exact: false };
  if (/^\d[\w.-]*$/.test(s)) return { version: s, exact: !s.includes("*") };
  return { version: "", exact: false };
}
var packagesConfig = {
  kind: "packages.config",
  ecosystem: "NuGet",
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["packages.lock.json"]),
  parse(file) {
    const out = [];
    for (const ref of nugetReferences(file, ["package"])) {
      out.push(declaredPackage("NuGet", file, { ...ref, ...lowestNuget(ref.spec) }));
    }
    return out;
  }
};
function readPackagesLock(file) {
  const json = parseJson(file);
  if (!isRecord(json) || !isRecord(json.dependencies)) throw new ManifestError('not a packages.lock.json (no "dependencies")');
  const lines = jsonKeyLines(file.text);
  const nodes = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  const roots = [];
  const declarations = /* @__PURE__ */ new Map();
  const frameworks = Object.entries(json.dependencies);
  const resolvedIn = /* @__PURE__ */ new Map();
  for (const [framework, packages] of frameworks) {
    const resolved = /* @__PURE__ */ new Map();
    for (const [name, raw] of Object.entries(asRecord(packages))) {
      const version = asString(asRecord(raw).resolved);
      if (version) resolved.set(name.toLowerCase(), version);
    }
    resolvedIn.set(framework, resolved);
  }
  for (const [framework, packages] of frameworks) {
    const resolved = resolvedIn.get(framework);
    for (const [name, raw] of Object.entries(asRecord(packages))) {
      const p = asRecord(raw);
      const type = asString(p.type) ?? "";
      const version = asString(p.resolved);
      if (type === "Project" || !version) continue;
      const id = `${name.toLowerCase()}@${version}`;
      if (!nodes.has(id)) nodes.set(id, { name, version, line: lines.get(keyPath("dependencies", framework, name)) ?? 1, scope: "runtime" });
      const out = deps.get(id) ?? /* @__PURE__ */ new Set();
      for (const dep of Object.keys(asRecord(p.dependencies))) {
        const v = resolved.get(dep.toLowerCase());
        if (v) out.add(`${dep.toLowerCase()}@${v}`);
      }
      deps.set(id, out);
      if (type === "Direct") {
        roots.push({ node: id, scope: "runtime" });
        const requested = asString(p.requested);
        if (!declarations.has(id)) {
          declarations.set(id, { location: { file: file.path, line: nodes.get(id)?.line ?? 1 }, ...requested ? { spec: requested } : {} });
        }
      }
    }
  }
  const edges = new Map([...deps].map(([id, set]) => [id, [...set].filter((d) => nodes.has(d))]));
  return emitGraph({ file, ecosystem: "NuGet", nodes, edges, roots, declarations });
}
var packagesLockJson = {
  kind: "packages.lock.json",
  ecosystem: "NuGet",
  parse: readPackagesLock
};
var CENTRAL = "directory.packages.props";
function centralVersions(file, ctx) {
  const byDir = /* @__PURE__ */ new Map();
  for (const f of ctx.files.values()) if (baseName(f.path).toLowerCase() === CENTRAL) byDir.set(dirOf(f.path), f);
  for (let dir = dirOf(file.path); dir !== void 0; dir = dir === "" ? void 0 : dirOf(dir)) {
    const props = byDir.get(dir);
    if (!props) continue;
    try {
      const versions = new Map(nugetReferences(props, ["PackageVersion"]).map((r) => [r.name.toLowerCase(), r.spec]));
      return { file: props.path, versions };
    } catch {
      return void 0;
    }
  }
  return void 0;
}
var projectFile = {
  kind: "*.csproj",
  ecosystem: "NuGet",
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["packages.lock.json"]),
  parse(file, ctx) {
    const central = centralVersions(file, ctx);
    const out = [];
    for (const ref of nugetReferences(file, ["PackageReference"])) {
      const spec = ref.spec || central?.versions.get(ref.name.toLowerCase()) || "";
      if (!spec) ctx.note(`line ${ref.location.line}: no version for ${ref.name}${central ? ` in ${central.file}` : " (no Directory.Packages.props given)"}`);
      out.push(declaredPackage("NuGet", file, { ...ref, spec, ...lowestNuget(spec) }));
    }
    return out;
  }
};
var centralPackages = {
  kind: "Directory.Packages.props",
  ecosystem: "NuGet",
  supersededBy(file, ctx) {
    const dir = dirOf(file.path);
    for (const path of ctx.files.keys()) {
      const inside = dir === "" || path.startsWith(`${dir}/`);
      if (inside && (/\.(?:cs|fs|vb)proj$/i.test(path) || baseName(path) === "packages.lock.json")) return path;
    }
    return void 0;
  },
  parse(file) {
    return nugetReferences(file, ["PackageVersion"]).map((ref) => declaredPackage("NuGet", file, { ...ref, ...lowestNuget(ref.spec) }));
  }
};
var PLATFORM = /^(?:php(?:-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(?:-plugin-api|-runtime-api)?)$/i;
function toSemverRange(constraint) {
  return constraint.replace(/@(?:dev|alpha|beta|RC|stable)\b/gi, "").split(/\s*\|\|?\s*/).map((alt) => alt.replace(/\s*,\s*/g, " ").replace(/\bv(?=\d)/g, "")).join(" || ");
}
var composerJson = {
  kind: "composer.json",
  ecosystem: "Packagist",
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["composer.lock"]),
  parse(file, ctx) {
    const json = parseJson(file);
    if (!isRecord(json)) throw new ManifestError("not a composer.json object");
    const lines = jsonKeyLines(file.text);
    const out = [];
    for (const [section, scope] of [
      ["require", "runtime"],
      ["require-dev", "dev"]
    ]) {
      for (const [name, raw] of Object.entries(asRecord(json[section]))) {
        if (PLATFORM.test(name) || typeof raw !== "string") continue;
        const line = lines.get(keyPath(section, name)) ?? 1;
        if (/^dev-|#/.test(raw.trim())) {
          ctx.note(`line ${line}: ${name} is required as the branch "${raw}", not a release: skipped`);
          continue;
        }
        const low = lowestOfRange(toSemverRange(raw));
        out.push(declaredPackage("Packagist", file, { name, ...low, scope, location: { file: file.path, line }, spec: raw }));
      }
    }
    return out;
  }
};
var PLATFORM2 = /^(?:php(?:-64bit|-ipv6|-zts|-debug)?|hhvm|ext-.+|lib-.+|composer(?:-plugin-api|-runtime-api)?)$/i;
var lower = (name) => name.toLowerCase();
function composerRoots(file, ctx, nodes, edges) {
  const manifest = sibling(ctx, file, "composer.json");
  const declarations = /* @__PURE__ */ new Map();
  let json;
  try {
    json = manifest ? JSON.parse(manifest.text) : void 0;
  } catch {
    json = void 0;
  }
  if (!manifest || !isRecord(json)) return { roots: unrequiredRoots(nodes, edges), declarations };
  const lines = jsonKeyLines(manifest.text);
  const roots = [];
  for (const [section, scope] of [
    ["require", "runtime"],
    ["require-dev", "dev"]
  ]) {
    for (const [name, spec] of Object.entries(asRecord(json[section]))) {
      if (!nodes.has(lower(name))) continue;
      roots.push({ node: lower(name), scope });
      declarations.set(lower(name), {
        location: { file: manifest.path, line: lines.get(keyPath(section, name)) ?? 1 },
        spec: String(spec)
      });
    }
  }
  return { roots, declarations };
}
function readComposerLock(file, ctx) {
  const json = parseJson(file);
  if (!isRecord(json) || !Array.isArray(json.packages) && !Array.isArray(json["packages-dev"])) {
    throw new ManifestError('not a composer.lock (no "packages" list)');
  }
  const lines = jsonKeyLines(file.text);
  const nodes = /* @__PURE__ */ new Map();
  const requires = /* @__PURE__ */ new Map();
  for (const section of ["packages", "packages-dev"]) {
    const list = Array.isArray(json[section]) ? json[section] : [];
    list.forEach((raw, index) => {
      const p = asRecord(raw);
      const name = asString(p.name);
      const version = asString(p.version);
      if (!name || !version) return;
      nodes.set(lower(name), {
        name,
        // Packagist advisories name versions without the tag's "v"
        version: version.replace(/^v(?=\d)/, ""),
        line: lines.get(keyPath(section, String(index), "name")) ?? 1,
        scope: section === "packages-dev" ? "dev" : "runtime"
      });
      requires.set(lower(name), Object.keys(asRecord(p.require)).filter((r) => !PLATFORM2.test(r)).map(lower));
    });
  }
  const edges = new Map([...requires].map(([id, rs]) => [id, rs.filter((r) => nodes.has(r))]));
  const { roots, declarations } = composerRoots(file, ctx, nodes, edges);
  return emitGraph({ file, ecosystem: "Packagist", nodes, edges, roots, declarations });
}
var composerLock = {
  kind: "composer.lock",
  ecosystem: "Packagist",
  parse: readComposerLock
};
var pipfile = {
  kind: "Pipfile",
  ecosystem: "PyPI",
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["Pipfile.lock"]),
  parse(file, ctx) {
    const toml = parseToml(file);
    const lines = new TomlLines(file.text);
    const out = [];
    for (const [section, scope] of [
      ["packages", "runtime"],
      ["dev-packages", "dev"]
    ]) {
      for (const [name, value] of Object.entries(asRecord(toml[section]))) {
        const line = lines.keyLine(section, name) ?? lines.headerLine(section) ?? 1;
        const table = asRecord(value);
        const spec = typeof value === "string" ? value : asString(table.version);
        if (spec === void 0) {
          ctx.note(`line ${line}: ${name} is a git, path or URL dependency, not a registry package: skipped`);
          continue;
        }
        const low = spec.trim() === "*" ? { version: "", exact: false } : lowestPep440(spec);
        out.push(declaredPackage("PyPI", file, { name, ...low, scope, location: { file: file.path, line }, spec }));
      }
    }
    return out;
  }
};
var LOCKFILES2 = ["poetry.lock", "uv.lock"];
var pyprojectToml = {
  kind: "pyproject.toml",
  ecosystem: "PyPI",
  supersededBy: (file, ctx) => LOCKFILES2.map((l) => sibling(ctx, file, l)?.path).find((p) => p !== void 0),
  parse(file, ctx) {
    const out = [];
    for (const d of pyprojectDeclared(file, parseToml(file))) {
      if (!d.lowest) {
        ctx.note(`line ${d.location.line}: ${d.name} is a URL, path or VCS dependency, not a registry package: skipped`);
        continue;
      }
      out.push(declaredPackage("PyPI", file, { ...d, ...d.lowest }));
    }
    return out;
  }
};
function logicalLines(text) {
  const out = [];
  const physical = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let buffer = "";
  let start = 0;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? "";
    if (buffer === "" && /^\s*#/.test(raw)) {
      out[out.length - 1]?.comments.push(raw.trim());
      continue;
    }
    if (buffer === "") start = i + 1;
    const continued = /\\$/.test(raw);
    buffer += continued ? `${raw.slice(0, -1)} ` : raw;
    if (continued && i < physical.length - 1) continue;
    const cut = buffer.replace(/(^|\s)#.*$/, "").trim();
    if (cut !== "") out.push({ text: cut, line: start, comments: [] });
    buffer = "";
  }
  return out;
}
var IGNORED_OPTION = /^(?:-i|--index-url|--extra-index-url|-f|--find-links|--trusted-host|--no-index|--pre|--prefer-binary|--no-binary|--only-binary|--require-hashes|--use-feature|--no-deps|--upgrade-strategy|-Z|--always-unzip|--process-dependency-links)\b/;
function requirementsScope(path) {
  const words = baseName(path).toLowerCase().replace(/\.txt$/, "").split(/[^a-z]+/);
  if (words.some((w) => w === "test" || w === "tests" || w === "testing")) return "test";
  if (words.some((w) => ["dev", "develop", "development", "lint", "docs", "ci", "local", "typing"].includes(w))) return "dev";
  return "runtime";
}
function viaOf(comments) {
  const first = comments.findIndex((c) => /^#\s+via\b/.test(c));
  if (first === -1) return void 0;
  const names = [];
  const inline = comments[first]?.replace(/^#\s+via\b/, "").trim() ?? "";
  if (inline) names.push(...inline.split(","));
  for (let i = first + 1; i < comments.length && /^#\s{3,}\S/.test(comments[i] ?? ""); i++) names.push(comments[i]?.slice(1) ?? "");
  return names.map((n) => n.trim()).filter(Boolean);
}
function readRequirements(file, ctx) {
  const pending = [];
  const constraints = /* @__PURE__ */ new Map();
  const note = (current, line, message) => {
    if (current.path === file.path) ctx.note(`line ${line}: ${message}`);
  };
  const visit = (current, scope, seen, constraint) => {
    seen.add(current.path);
    for (const l of logicalLines(current.text)) {
      const include = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)$/.exec(l.text);
      if (include) {
        const target = joinPath(dirOf(current.path), include[2] ?? "");
        const isConstraint = include[1] === "-c" || include[1] === "--constraint";
        const other = target === void 0 ? void 0 : ctx.files.get(target);
        if (!other) {
          note(current, l.line, `${include[2]} is not among the files scanned: not read`);
        } else if (!seen.has(other.path)) {
          const own = requirementsScope(other.path);
          visit(other, own === "runtime" ? scope : own, seen, constraint || isConstraint);
        }
        continue;
      }
      if (/^(-e|--editable)\b/.test(l.text)) {
        note(current, l.line, "editable install skipped (not a registry package)");
        continue;
      }
      if (l.text.startsWith("-")) {
        if (!IGNORED_OPTION.test(l.text)) note(current, l.line, `option "${l.text.split(/\s/)[0]}" not understood: skipped`);
        continue;
      }
      const spec = l.text.replace(/\s--?[a-z][\w-]*(?:[=\s]\S+)?/g, "").trim();
      const req = /^(?:[a-z+]+:\/\/|git\+|\.{0,2}\/|file:)/i.test(spec) ? void 0 : parseRequirement(spec);
      if (!req || req.url) {
        note(current, l.line, `"${spec.slice(0, 80)}" is a URL, a path or a VCS reference, not a registry package: skipped`);
        continue;
      }
      const low = lowestPep440(req.specifier);
      if (constraint) {
        if (low.exact) constraints.set(canonicalName("PyPI", req.name), low.version);
        continue;
      }
      const via = viaOf(l.comments);
      pending.push({
        name: req.name,
        version: low.version,
        exact: low.exact,
        declared: spec.replace(/\s+/g, " "),
        line: l.line,
        file: current.path,
        scope,
        ...via && via.every((v) => !v.startsWith("-")) ? { via } : {}
      });
    }
  };
  visit(file, requirementsScope(file.path), /* @__PURE__ */ new Set(), false);
  const pinned = new Map(pending.map((p) => [canonicalName("PyPI", p.name), p]));
  return pending.map((p) => {
    const key = canonicalName("PyPI", p.name);
    const constrained = !p.exact ? constraints.get(key) : void 0;
    const version = constrained ?? p.version;
    const parent = p.via?.map((v) => pinned.get(canonicalName("PyPI", v))).find((x) => x !== void 0);
    const self = nameAtVersion(key, version);
    return makePackage({
      ecosystem: "PyPI",
      name: p.name,
      version,
      direct: !p.via,
      scope: p.scope,
      location: { file: p.file, line: p.line },
      manifest: p.file,
      declared: p.declared,
      unresolved: !p.exact && !constrained,
      path: parent ? [nameAtVersion(canonicalName("PyPI", parent.name), parent.version), self] : [self],
      ...parent && !parent.via ? { declaredAt: { file: parent.file, line: parent.line } } : {}
    });
  });
}
var requirementsTxt = {
  kind: "requirements.txt",
  ecosystem: "PyPI",
  // a constraints file pins versions without asking for the packages: read only through -c
  parse: readRequirements
};
var constraintsTxt = {
  kind: "constraints.txt",
  ecosystem: "PyPI",
  incidental: true,
  parse: () => []
};
var DEV_GROUPS = /^(?:development|test|dev|ci|lint|tools)$/;
function scopeOfGroups(groups) {
  if (groups.length === 0 || groups.some((g) => !DEV_GROUPS.test(g))) return "runtime";
  return groups.every((g) => g === "test") ? "test" : "dev";
}
function symbols(list) {
  return list.split(",").map((g) => g.trim().replace(/^:|['"[\]]/g, "")).filter(Boolean);
}
function gemfileDeclarations(gemfile2) {
  const out = /* @__PURE__ */ new Map();
  if (!gemfile2) return out;
  const blocks = [];
  const lines = gemfile2.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? "").replace(/\s#.*$|^#.*$/, "").trim();
    const group = /^group\s+(.+?)\s+do\b/.exec(l);
    if (group) {
      blocks.push(symbols(group[1] ?? ""));
      continue;
    }
    if (/\bdo(?:\s*\|[^|]*\|)?$/.test(l)) {
      blocks.push([]);
      continue;
    }
    if (l === "end") {
      blocks.pop();
      continue;
    }
    const gem = /^gem\s*\(?\s*['"]([^'"]+)['"]\s*(.*)$/.exec(l);
    if (!gem || out.has(gem[1] ?? "")) continue;
    const rest = gem[2] ?? "";
    const requirements = [...rest.matchAll(/(?:^|,)\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? "");
    const inline = /\bgroups?:\s*(\[[^\]]*\]|:\w+|['"][^'"]+['"])/.exec(rest)?.[1];
    const source = /\b(git|github|path|gist|bitbucket):\s*['"]([^'"]+)['"]/.exec(rest);
    out.set(gem[1] ?? "", {
      line: i + 1,
      scope: scopeOfGroups([...blocks.flat(), ...inline ? symbols(inline) : []]),
      requirements,
      ...source ? { source: `${source[1]} ${source[2]}` } : {}
    });
  }
  return out;
}
function lowestGem(requirements) {
  let lowest = "";
  for (const r of requirements) {
    const m = /^\s*(~>|>=|=|!=|<=|<|>)?\s*([0-9][\w.]*)\s*$/.exec(r);
    if (!m) continue;
    const op = m[1] ?? "=";
    if (op === "=") return { version: m[2] ?? "", exact: true };
    if (op === "~>" || op === ">=") lowest = m[2] ?? "";
  }
  return { version: lowest, exact: false };
}
var gemfile = {
  kind: "Gemfile",
  ecosystem: "RubyGems",
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ["Gemfile.lock", "gems.locked"]),
  parse(file, ctx) {
    const out = [];
    for (const [name, d] of gemfileDeclarations(file)) {
      if (d.source) {
        ctx.note(`line ${d.line}: ${name} comes from ${d.source}, not a gem server: skipped`);
        continue;
      }
      const low = lowestGem(d.requirements);
      const location = { file: file.path, line: d.line };
      out.push(declaredPackage("RubyGems", file, { name, ...low, scope: d.scope, location, spec: d.requirements.join(", ") }));
    }
    return out;
  }
};
function readGemfileLock(file, ctx) {
  const lines = file.text.split(/\r?\n/);
  const nodes = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  const direct = [];
  let section = "";
  let inSpecs = false;
  let current;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? "";
    if (/^[A-Z]/.test(l)) {
      section = l.trim();
      inSpecs = false;
      continue;
    }
    if (/^ {2}specs:\s*$/.test(l)) {
      inSpecs = true;
      continue;
    }
    if (section === "DEPENDENCIES") {
      const m = /^ {2}([^\s!(]+)/.exec(l);
      if (m) direct.push({ name: m[1] ?? "", line: i + 1 });
      continue;
    }
    if (!inSpecs) continue;
    const spec = /^ {4}([^\s(]+) \(([^)]+)\)\s*$/.exec(l);
    if (spec) {
      const name = spec[1] ?? "";
      current = name;
      if (section === "GEM") {
        const version = (spec[2] ?? "").replace(/-(?:x86|x64|arm|aarch|universal|java|jruby|mswin|mingw|darwin|linux|ruby)[^\s]*$/, "");
        if (!nodes.has(name)) nodes.set(name, { name, version, line: i + 1 });
      }
      continue;
    }
    const dep = /^ {6}([^\s(]+)/.exec(l);
    if (dep && current) deps.set(current, [...deps.get(current) ?? [], dep[1] ?? ""]);
  }
  if (nodes.size === 0 && direct.length === 0 && file.text.trim() !== "" && !/^GEM$/m.test(file.text)) {
    throw new ManifestError("not a Gemfile.lock (no GEM section)");
  }
  const edges = new Map([...deps].map(([id, ds]) => [id, ds.filter((d) => nodes.has(d))]));
  const dir = dirOf(file.path);
  const gemfileName = file.path.endsWith("gems.locked") ? "gems.rb" : "Gemfile";
  const gemfile2 = gemfileDeclarations(ctx.files.get(dir ? `${dir}/${gemfileName}` : gemfileName));
  const roots = [];
  const declarations = /* @__PURE__ */ new Map();
  for (const d of direct) {
    if (!nodes.has(d.name)) continue;
    const g = gemfile2.get(d.name);
    roots.push({ node: d.name, scope: g?.scope ?? (gemfile2.size ? "runtime" : "unknown") });
    declarations.set(d.name, {
      location: g ? { file: dir ? `${dir}/${gemfileName}` : gemfileName, line: g.line } : { file: file.path, line: d.line }
    });
  }
  return emitGraph({ file, ecosystem: "RubyGems", nodes, edges, roots, declarations });
}
var gemfileLock = {
  kind: "Gemfile.lock",
  ecosystem: "RubyGems",
  parse: readGemfileLock
};
var HEAD_BYTES = 8 * 1024;
function recogniseVendored(file) {
  const head = file.text.slice(0, HEAD_BYTES);
  const lines = new LineIndex(file.text);
  const out = [];
  for (const lib of VENDORED_LIBRARIES) {
    let version;
    let offset = 0;
    for (const banner of lib.banners) {
      const m = banner.exec(head);
      if (m?.[1]) {
        version = m[1];
        offset = m.index;
        break;
      }
    }
    if (!version && lib.constant && lib.constant.signature.test(head)) {
      const m = lib.constant.pattern.exec(file.text);
      const v = m?.slice(1).find((g) => g !== void 0);
      if (m && v) {
        version = v;
        offset = m.index;
      }
    }
    if (!version) continue;
    const pkg = makePackage({
      ecosystem: "npm",
      name: lib.npm,
      version,
      direct: true,
      scope: "runtime",
      location: { file: file.path, line: lines.lineOf(offset) },
      manifest: file.path
    });
    pkg.vendored = true;
    out.push(pkg);
  }
  return out;
}
var vendoredJs = {
  kind: "vendored-js",
  ecosystem: "npm",
  incidental: true,
  parse: (file) => recogniseVendored(file)
};
var PARSERS = [
  packageLock,
  npmShrinkwrap,
  pnpmLock,
  yarnLock,
  packageJson,
  requirementsTxt,
  constraintsTxt,
  poetryLock,
  pipfileLock,
  uvLock,
  pyprojectToml,
  pipfile,
  goMod,
  pomXml,
  gradleLockfile,
  buildGradle,
  versionCatalog,
  composerLock,
  composerJson,
  gemfileLock,
  gemfile,
  cargoLock,
  cargoToml,
  packagesLockJson,
  packagesConfig,
  projectFile,
  centralPackages,
  vendoredJs
];
var MAX_MANIFEST_BYTES = 50 * 1024 * 1024;
function parserFor(path) {
  const kind = manifestKind(path);
  return kind === void 0 ? void 0 : PARSERS.find((p) => p.kind === kind);
}
var SCOPE_RANK = {
  runtime: 0,
  provided: 1,
  optional: 2,
  peer: 3,
  unknown: 4,
  dev: 5,
  test: 6
};
function better(a, b) {
  if (a.direct !== b.direct) return a.direct;
  if (SCOPE_RANK[a.scope] !== SCOPE_RANK[b.scope]) return SCOPE_RANK[a.scope] < SCOPE_RANK[b.scope];
  return a.path.length < b.path.length;
}
function dedupe(packages) {
  const kept = /* @__PURE__ */ new Map();
  for (const p of packages) {
    const key = `${p.ecosystem}\0${p.name}\0${p.version}\0${p.manifest}\0${p.unresolved ? p.declared : ""}`;
    const have = kept.get(key);
    if (!have || better(p, have)) kept.set(key, p);
  }
  return [...kept.values()];
}
function readInventory(files) {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const packages = [];
  const manifests = [];
  const problems = [];
  const notes = [];
  const failed = /* @__PURE__ */ new Set();
  const setAside = [];
  const read = (file, parser, ctx) => {
    try {
      const found = dedupe(parser.parse(file, ctx));
      packages.push(...found);
      if (found.length > 0 || !parser.incidental) manifests.push({ file: file.path, kind: parser.kind, packages: found.length });
    } catch (error) {
      failed.add(file.path);
      problems.push({ file: file.path, message: error instanceof ManifestError ? error.message : `could not be read (${oneLine(error)})` });
    }
  };
  const contextOf = (file) => ({
    files: byPath,
    note: (message) => notes.push({ file: file.path, message })
  });
  for (const file of files) {
    const parser = parserFor(file.path);
    if (!parser) continue;
    if (file.text.length > MAX_MANIFEST_BYTES || Buffer.byteLength(file.text) > MAX_MANIFEST_BYTES) {
      failed.add(file.path);
      problems.push({ file: file.path, message: `larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB: not read` });
      continue;
    }
    const ctx = contextOf(file);
    const by = parser.supersededBy?.(file, ctx);
    if (by) setAside.push({ file, parser, by });
    else read(file, parser, ctx);
  }
  for (const { file, parser, by } of setAside) {
    if (!failed.has(by)) continue;
    const ctx = contextOf(file);
    ctx.note(`read in place of ${by}, which could not be read`);
    read(file, parser, ctx);
  }
  return { packages: dedupe(packages), manifests, problems, notes };
}
function sign(n) {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
function compareDigits(a, b) {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  return x.length !== y.length ? sign(x.length - y.length) : x < y ? -1 : x > y ? 1 : 0;
}
function remembered(parse6, limit = 5e4) {
  const cache = /* @__PURE__ */ new Map();
  return (version) => {
    const hit = cache.get(version);
    if (hit !== void 0 || cache.has(version)) return hit;
    const parsed3 = parse6(version);
    if (cache.size >= limit) cache.clear();
    cache.set(version, parsed3);
    return parsed3;
  };
}
var CLASSICAL = /^v?(\d{1,5})(\.\d+)?(\.\d+)?(\.\d+)?[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?$/i;
var DATED = /^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3})?)[._-]?(?:(stable|beta|b|rc|alpha|a|patch|pl|p)((?:[.-]?\d+)*)?)?([.-]?dev)?$/i;
var STABILITY = { a: "alpha", alpha: "alpha", b: "beta", beta: "beta", rc: "RC", p: "patch", pl: "patch", patch: "patch", stable: "" };
function normalizeComposer(version) {
  const v = version.trim().replace(/[@#].*$/, "").replace(/^v(?=\d)/i, "");
  let base;
  let suffix;
  const classical = CLASSICAL.exec(v);
  if (classical) {
    base = [classical[1], classical[2] ?? ".0", classical[3] ?? ".0", classical[4] ?? ".0"].map((p) => p.replace(/^\./, "")).join(".");
    suffix = classical.slice(5);
  } else {
    const dated = DATED.exec(v);
    if (!dated) return void 0;
    base = dated[1].replace(/\D/g, ".");
    suffix = dated.slice(2);
  }
  const [stability, number, dev] = suffix;
  let out = base;
  const named = stability ? STABILITY[stability.toLowerCase()] : void 0;
  if (named) out += `-${named}${(number ?? "").replace(/^[.-]/, "")}`;
  if (dev) out += "-dev";
  return out;
}
var FORMS = [["dev", 0], ["alpha", 1], ["a", 1], ["beta", 2], ["b", 2], ["RC", 3], ["rc", 3], ["#", 4], ["pl", 5], ["p", 5]];
function formOrder(form) {
  for (const [name, order] of FORMS) if (form.startsWith(name)) return order;
  return -6;
}
function canonicalParts(version) {
  return version.replace(/[-_+]/g, ".").replace(/(\d)(?=[^\d.])|([^\d.])(?=\d)/g, "$1$2.").split(".").filter((p) => p !== "");
}
function phpVersionCompare(a, b) {
  const x = canonicalParts(a);
  const y = canonicalParts(b);
  const isNum = (s) => /^\d+$/.test(s);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const l = x[i];
    const r = y[i];
    if (l === void 0) return isNum(r) ? -1 : phpVersionCompare("#N#", r);
    if (r === void 0) return isNum(l) ? 1 : phpVersionCompare(l, "#N#");
    let c;
    if (isNum(l) && isNum(r)) c = compareDigits(l, r);
    else if (!isNum(l) && !isNum(r)) c = Math.sign(formOrder(l) - formOrder(r));
    else c = isNum(l) ? Math.sign(formOrder("#") - formOrder(r)) : Math.sign(formOrder(l) - formOrder("#"));
    if (c) return c;
  }
  return 0;
}
var normalized = remembered(normalizeComposer);
var composerOrder = {
  valid: (version) => normalized(version) !== void 0,
  compare: (a, b) => phpVersionCompare(normalized(a), normalized(b))
};
var SEMVER = /^\s*[=v]*\s*(0|[1-9]\d*|\d+)\.(0|[1-9]\d*|\d+)\.(0|[1-9]\d*|\d+)(?:-?([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;
function parseSemver(version) {
  const m = SEMVER.exec(version);
  return m ? { core: [m[1], m[2], m[3]], pre: m[4] ? m[4].split(".") : [] } : void 0;
}
function compareIdentifier(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return compareDigits(a, b);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compareSemver(x, y) {
  for (let i = 0; i < 3; i++) {
    const c = compareDigits(x.core[i], y.core[i]);
    if (c) return c;
  }
  if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    if (i >= x.pre.length) return -1;
    if (i >= y.pre.length) return 1;
    const c = compareIdentifier(x.pre[i], y.pre[i]);
    if (c) return c;
  }
  return 0;
}
var parse2 = remembered(parseSemver);
var semverOrder = {
  valid: (version) => parse2(version) !== void 0,
  compare: (a, b) => compareSemver(parse2(a), parse2(b))
};
function full(version) {
  const v = version.replace(/^go(?=\d)/, "").replace(/^v/, "").replace(/\+incompatible$/, "");
  return /^\d+\.\d+$/.test(v) ? `${v}.0` : /^\d+$/.test(v) ? `${v}.0.0` : v;
}
var parse3 = remembered((version) => parseSemver(full(version)));
var goOrder = {
  valid: (version) => parse3(version) !== void 0,
  compare: (a, b) => compareSemver(parse3(a), parse3(b))
};
var QUALIFIERS = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
var ALIASES = { ga: "", final: "", release: "", cr: "rc" };
var RELEASE_INDEX = String(QUALIFIERS.indexOf(""));
function comparable(qualifier) {
  const i = QUALIFIERS.indexOf(qualifier);
  return i === -1 ? `${QUALIFIERS.length}-${qualifier}` : String(i);
}
function stringItem(value, followedByDigit) {
  let v = value;
  if (followedByDigit && v.length === 1) v = v === "a" ? "alpha" : v === "b" ? "beta" : v === "m" ? "milestone" : v;
  return { t: "str", v: ALIASES[v] ?? v };
}
function parseItem(text, followedByDigit = false) {
  return /^\d+$/.test(text) ? { t: "int", v: text.replace(/^0+(?=\d)/, "") } : stringItem(text, followedByDigit);
}
function isNull(item) {
  if (item.t === "int") return item.v === "0";
  if (item.t === "str") return comparable(item.v) === RELEASE_INDEX;
  return item.v.length === 0;
}
function normalize(list) {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i];
    if (isNull(last)) list.splice(i, 1);
    else if (last.t !== "list") break;
  }
}
function parseMaven(version) {
  const text = version.trim().toLowerCase();
  const root = [];
  let list = root;
  const stack = [root];
  let isDigit2 = false;
  let start = 0;
  const open = () => {
    const sub = [];
    list.push({ t: "list", v: sub });
    list = sub;
    stack.push(sub);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "." || c === "-") {
      list.push(i === start ? { t: "int", v: "0" } : parseItem(text.slice(start, i)));
      start = i + 1;
      if (c === "-") open();
    } else if (c >= "0" && c <= "9") {
      if (!isDigit2 && i > start) {
        list.push(stringItem(text.slice(start, i), true));
        start = i;
        open();
      }
      isDigit2 = true;
    } else {
      if (isDigit2 && i > start) {
        list.push(parseItem(text.slice(start, i)));
        start = i;
        open();
      }
      isDigit2 = false;
    }
  }
  if (text.length > start) list.push(parseItem(text.slice(start)));
  while (stack.length) normalize(stack.pop());
  return { t: "list", v: root };
}
function compareItem(a, b) {
  if (a.t === "int") {
    if (!b) return a.v === "0" ? 0 : 1;
    return b.t === "int" ? compareDigits(a.v, b.v) : 1;
  }
  if (a.t === "str") {
    if (!b) {
      const x2 = comparable(a.v);
      return x2 < RELEASE_INDEX ? -1 : x2 > RELEASE_INDEX ? 1 : 0;
    }
    if (b.t !== "str") return -1;
    const x = comparable(a.v);
    const y = comparable(b.v);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (!b) {
    for (const item of a.v) {
      const c = compareItem(item, void 0);
      if (c) return c;
    }
    return 0;
  }
  if (b.t === "int") return -1;
  if (b.t === "str") return 1;
  for (let i = 0; i < Math.max(a.v.length, b.v.length); i++) {
    const l = a.v[i];
    const r = b.v[i];
    const c = l ? compareItem(l, r) : r ? -compareItem(r, void 0) : 0;
    if (c) return c;
  }
  return 0;
}
var parsed2 = remembered(parseMaven);
var mavenOrder = {
  valid: (version) => version.trim().length > 0 && !/\s/.test(version.trim()),
  compare: (a, b) => compareItem(parsed2(a), parsed2(b))
};
var VERSION2 = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-.]*)?$/;
var parse4 = remembered(parseNuget);
function parseNuget(version) {
  const m = VERSION2.exec(version.trim());
  if (!m) return void 0;
  return { numbers: [m[1], m[2] ?? "0", m[3] ?? "0", m[4] ?? "0"], pre: m[5] ? m[5].split(".") : [] };
}
function compareLabel(a, b) {
  const an = /^\d+$/.test(a);
  const bn = /^\d+$/.test(b);
  if (an && bn) return compareDigits(a, b);
  if (an !== bn) return an ? -1 : 1;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
var nugetOrder = {
  valid: (version) => parse4(version) !== void 0,
  compare(a, b) {
    const x = parse4(a);
    const y = parse4(b);
    for (let i = 0; i < 4; i++) {
      const c = compareDigits(x.numbers[i], y.numbers[i]);
      if (c) return c;
    }
    if (!x.pre.length || !y.pre.length) return x.pre.length === y.pre.length ? 0 : x.pre.length ? -1 : 1;
    for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
      if (i >= x.pre.length) return -1;
      if (i >= y.pre.length) return 1;
      const c = compareLabel(x.pre[i], y.pre[i]);
      if (c) return c;
    }
    return 0;
  }
};
var PATTERN = /^\s*v?(?:(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|b|c|rc|alpha|beta|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?)(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?\s*$/i;
var PRE_KIND = { a: "a", alpha: "a", b: "b", beta: "b", c: "rc", rc: "rc", pre: "rc", preview: "rc" };
var PRE_RANK = { a: 0, b: 1, rc: 2 };
function parsePep440(version) {
  const m = PATTERN.exec(version);
  if (!m) return void 0;
  const [, epoch, release, preKind, preN, postImplicit, postKind, postN, devKind, devN, local] = m;
  return {
    epoch: epoch ?? "0",
    release: release.split("."),
    pre: preKind ? { kind: PRE_KIND[preKind.toLowerCase()], n: preN ?? "0" } : void 0,
    post: postImplicit ?? (postKind ? postN ?? "0" : void 0),
    dev: devKind ? devN ?? "0" : void 0,
    local: local ? local.toLowerCase().split(/[-_.]/) : void 0
  };
}
function compareRelease(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const c = compareDigits(a[i] ?? "0", b[i] ?? "0");
    if (c) return c;
  }
  return 0;
}
function preKey(v) {
  if (v.pre) return [PRE_RANK[v.pre.kind], v.pre.n];
  if (v.dev !== void 0 && v.post === void 0) return [-1, "0"];
  return [3, "0"];
}
function compareLocal(a, b) {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1;
    if (i >= b.length) return 1;
    const x = a[i];
    const y = b[i];
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    const c = xn && yn ? compareDigits(x, y) : xn !== yn ? xn ? 1 : -1 : x < y ? -1 : x > y ? 1 : 0;
    if (c) return c;
  }
  return 0;
}
function comparePep440(x, y) {
  const epoch = compareDigits(x.epoch, y.epoch);
  if (epoch) return epoch;
  const release = compareRelease(x.release, y.release);
  if (release) return release;
  const [xp, xn] = preKey(x);
  const [yp, yn] = preKey(y);
  if (xp !== yp) return sign(xp - yp);
  const pre = compareDigits(xn, yn);
  if (pre) return pre;
  if (x.post !== y.post) {
    if (x.post === void 0) return -1;
    if (y.post === void 0) return 1;
    const c = compareDigits(x.post, y.post);
    if (c) return c;
  }
  if (x.dev !== y.dev) {
    if (x.dev === void 0) return 1;
    if (y.dev === void 0) return -1;
    const c = compareDigits(x.dev, y.dev);
    if (c) return c;
  }
  return compareLocal(x.local, y.local);
}
var parse5 = remembered(parsePep440);
var pep440Order = {
  valid: (version) => parse5(version) !== void 0,
  compare: (a, b) => comparePep440(parse5(a), parse5(b))
};
var VALID = /^\s*[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;
function segments2(version) {
  const text = version.trim().replace(/-/g, ".pre.");
  return (text.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) => /^\d+$/.test(s) ? { n: s.replace(/^0+(?=\d)/, "") } : s);
}
var canonical = remembered(canonicalOf);
function canonicalOf(version) {
  const all = segments2(version);
  const firstString = all.findIndex((s) => typeof s === "string");
  const parts2 = firstString === -1 ? [all] : [all.slice(0, firstString), all.slice(firstString)];
  return parts2.flatMap((part) => {
    let end = part.length;
    while (end > 0 && typeof part[end - 1] !== "string" && part[end - 1].n === "0") end--;
    return part.slice(0, end);
  });
}
var rubygemsOrder = {
  valid: (version) => VALID.test(version),
  compare(a, b) {
    const x = canonical(a);
    const y = canonical(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const l = x[i] ?? { n: "0" };
      const r = y[i] ?? { n: "0" };
      const ls = typeof l === "string";
      const rs = typeof r === "string";
      if (ls && rs) {
        if (l !== r) return l < r ? -1 : 1;
      } else if (ls !== rs) {
        return ls ? -1 : 1;
      } else {
        const c = compareDigits(l.n, r.n);
        if (c) return c;
      }
    }
    return 0;
  }
};
var ORDERS = {
  npm: semverOrder,
  "crates.io": semverOrder,
  PyPI: pep440Order,
  Go: goOrder,
  Maven: mavenOrder,
  Packagist: composerOrder,
  RubyGems: rubygemsOrder,
  NuGet: nugetOrder
};
function versionOrder(ecosystem) {
  return ORDERS[ecosystem];
}
function eventVersion(event) {
  const kind = Object.keys(event)[0];
  return { kind, version: event[kind] };
}
function orderOf(ecosystem, range) {
  if (range.type === "SEMVER") return ecosystem === "Go" ? goOrder : semverOrder;
  return versionOrder(ecosystem);
}
var sortedRanges = /* @__PURE__ */ new WeakMap();
function sortEvents(range, order) {
  const known = sortedRanges.get(range);
  if (known) return known;
  const sorted = sortOnce(range, order);
  sortedRanges.set(range, sorted);
  return sorted;
}
function sortOnce(range, order) {
  const events = range.events.map(eventVersion).filter((e) => e.kind === "introduced" && e.version === "0" || order.valid(e.version));
  return events.sort((a, b) => {
    const az = a.kind === "introduced" && a.version === "0";
    const bz = b.kind === "introduced" && b.version === "0";
    if (az || bz) return az && bz ? 0 : az ? -1 : 1;
    return order.compare(a.version, b.version);
  });
}
function rangeVerdict(ecosystem, range, version) {
  const order = orderOf(ecosystem, range);
  if (!order.valid(version)) return { affected: false };
  const events = sortEvents(range, order);
  let affected = false;
  for (const e of events) {
    if (e.kind === "introduced" && e.version === "0") affected = true;
    else if (e.kind === "introduced" && order.compare(version, e.version) >= 0) affected = true;
    else if (e.kind === "fixed" && order.compare(version, e.version) >= 0) affected = false;
    else if (e.kind === "last_affected" && order.compare(version, e.version) > 0) affected = false;
  }
  if (events.some((e) => e.kind === "limit" && order.compare(version, e.version) >= 0)) affected = false;
  if (!affected) return { affected };
  const next = events.find((e) => e.kind === "fixed" && order.compare(e.version, version) > 0 || e.kind === "last_affected" && order.compare(e.version, version) >= 0);
  return next?.kind === "fixed" ? { affected, fixed: next.version } : { affected, lastAffected: next?.version };
}
function affectedVerdict(entries, version) {
  let gitRanges = 0;
  let affected = false;
  let fixed;
  let lastAffected;
  for (const entry of entries) {
    const order = versionOrder(entry.ecosystem);
    const valid = order.valid(version);
    if (entry.versions.some((v) => v === version || valid && order.valid(v) && order.compare(v, version) === 0)) affected = true;
    for (const range of entry.ranges) {
      if (range.type === "GIT") {
        gitRanges++;
        continue;
      }
      const verdict = rangeVerdict(entry.ecosystem, range, version);
      if (!verdict.affected) continue;
      affected = true;
      if (verdict.fixed && (!fixed || order.compare(verdict.fixed, fixed) > 0)) fixed = verdict.fixed;
      if (verdict.lastAffected) lastAffected = verdict.lastAffected;
    }
    if (affected && !fixed && valid) fixed = lowestFixAbove(entry, version);
  }
  return { affected, fixed: affected ? fixed : void 0, lastAffected: affected && !fixed ? lastAffected : void 0, gitRanges };
}
function lowestFixAbove(entry, version) {
  const order = versionOrder(entry.ecosystem);
  let best;
  for (const range of entry.ranges) {
    if (range.type === "GIT") continue;
    for (const e of range.events) {
      if (e.fixed && order.valid(e.fixed) && order.compare(e.fixed, version) > 0 && (!best || order.compare(e.fixed, best) < 0)) best = e.fixed;
    }
  }
  return best;
}
function fixedVersions(entries) {
  return entries.flatMap((entry) => entry.ranges.filter((r) => r.type !== "GIT").flatMap((r) => r.events.flatMap((e) => e.fixed ? [e.fixed] : [])));
}
var PREFERENCE = [/^CVE-/, /^GHSA-/];
function preferredId(ids) {
  for (const pattern of PREFERENCE) {
    const hit = ids.filter((id) => pattern.test(id)).sort()[0];
    if (hit) return hit;
  }
  return ids[0];
}
function joinByAlias(hits, pkg) {
  const groups = [];
  for (const hit of hits) {
    const own = [hit.entry.advisory.id, ...hit.entry.advisory.aliases];
    const joined = groups.filter((g) => own.some((id) => g.ids.has(id)));
    const target = joined[0] ?? { ids: /* @__PURE__ */ new Set(), hits: [] };
    if (!joined.length) groups.push(target);
    for (const other of joined.slice(1)) {
      other.ids.forEach((id) => target.ids.add(id));
      target.hits.push(...other.hits);
      groups.splice(groups.indexOf(other), 1);
    }
    own.forEach((id) => target.ids.add(id));
    target.hits.push(hit);
  }
  const order = versionOrder(pkg.ecosystem);
  return groups.map((group) => {
    const ids = [...group.ids];
    const advisories = group.hits.map((h) => h.entry.advisory).sort((a, b) => Number(/^GHSA-/.test(b.id)) - Number(/^GHSA-/.test(a.id)) || (a.id < b.id ? -1 : 1));
    const fixes = group.hits.map((h) => h.fixed).filter((f) => f !== void 0 && order.valid(f));
    const fixed = fixes.length === group.hits.length ? fixes.sort((a, b) => order.compare(a, b)).at(-1) : void 0;
    const lastAffected = group.hits.find((h) => h.lastAffected)?.lastAffected;
    return { id: preferredId(ids), ids: [preferredId(ids), ...ids.filter((id) => id !== preferredId(ids)).sort()], advisories, fixed, lastAffected: fixed ? void 0 : lastAffected };
  }).sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
function recommendedUpgrade(pkg, entries) {
  const order = versionOrder(pkg.ecosystem);
  const candidates = [...new Set(entries.flatMap((e) => fixedVersions(e.affected)))].filter((v) => order.valid(v) && order.compare(v, pkg.version) > 0).sort((a, b) => order.compare(a, b));
  return candidates.find((candidate) => entries.every((e) => !affectedVerdict(e.affected, candidate).affected));
}
function matchPackages(packages, index) {
  const out = { packages: [], gitRanges: 0, unordered: [] };
  for (const pkg of packages) {
    if (!pkg.version) continue;
    const entries = index.lookup(pkg.ecosystem, pkg.name);
    if (!entries.length) continue;
    if (!versionOrder(pkg.ecosystem).valid(pkg.version)) out.unordered.push(pkg);
    const hits = [];
    for (const entry of entries) {
      const verdict = affectedVerdict(entry.affected, pkg.version);
      out.gitRanges += verdict.gitRanges;
      if (verdict.affected) hits.push({ entry, fixed: verdict.fixed, lastAffected: verdict.lastAffected });
    }
    if (!hits.length) continue;
    const matches = joinByAlias(hits, pkg);
    out.packages.push({ pkg, matches, upgrade: versionOrder(pkg.ecosystem).valid(pkg.version) ? recommendedUpgrade(pkg, entries) : void 0 });
  }
  return out;
}
var AdvisoryIndex = class {
  byKey = /* @__PURE__ */ new Map();
  ecosystems = /* @__PURE__ */ new Set();
  /** Records indexed. */
  size;
  /** The newest `modified` time among the records: how fresh the data is. */
  newest;
  constructor(advisories) {
    let newest;
    for (const advisory of advisories) {
      if (advisory.modified && (!newest || advisory.modified > newest)) newest = advisory.modified;
      const seen = /* @__PURE__ */ new Map();
      for (const affected of advisory.affected) {
        const key = `${affected.ecosystem}\0${normalizeName(affected.ecosystem, affected.name)}`;
        this.ecosystems.add(affected.ecosystem);
        const entry = seen.get(key);
        if (entry) {
          entry.affected.push(affected);
          continue;
        }
        const created = { advisory, affected: [affected] };
        seen.set(key, created);
        const list = this.byKey.get(key);
        if (list) list.push(created);
        else this.byKey.set(key, [created]);
      }
    }
    this.size = advisories.length;
    this.newest = newest;
  }
  /** The advisories that name this package. */
  lookup(ecosystem, name) {
    return this.byKey.get(`${ecosystem}\0${normalizeName(ecosystem, name)}`) ?? [];
  }
};
function parts(version) {
  return version.replace(/^v/i, "").split(/[-+@]/)[0].split(".").filter((p) => p !== "");
}
function bump(nums, index) {
  const out = nums.slice(0, index + 1).map((n) => n);
  out[index] = String(Number(out[index]) + 1);
  return `${out.join(".")}-dev`;
}
function clause(text) {
  const t = text.trim().replace(/@\w+$/, "");
  if (t === "*" || t === "") return [];
  let m = /^\^(.+)$/.exec(t);
  if (m) {
    const nums = parts(m[1]);
    const first = nums.findIndex((n, i) => n !== "0" || i === nums.length - 1);
    return [{ op: ">=", version: m[1] }, { op: "<", version: bump(nums, Math.max(0, first)) }];
  }
  m = /^~(?!=)(.+)$/.exec(t);
  if (m) {
    const nums = parts(m[1]);
    return [{ op: ">=", version: m[1] }, { op: "<", version: bump(nums, Math.max(0, nums.length - 2)) }];
  }
  m = /^v?(\d+(?:\.\d+)*)\.[*xX]$/.exec(t);
  if (m) {
    const nums = m[1].split(".");
    return [{ op: ">=", version: `${m[1]}-dev` }, { op: "<", version: bump(nums, nums.length - 1) }];
  }
  m = /^(>=|<=|!=|<>|==|=|>|<)?\s*(.+)$/.exec(t);
  if (!m || normalizeComposer(m[2]) === void 0) return void 0;
  const op = m[1] === "=" || !m[1] ? "==" : m[1] === "<>" ? "!=" : m[1];
  return [{ op, version: m[2] }];
}
function hyphen(text) {
  const m = /^\s*(\S+)\s+-\s+(\S+)\s*$/.exec(text);
  if (!m) return void 0;
  const upper = parts(m[2]);
  const to = upper.length < 3 ? { op: "<", version: bump(upper, upper.length - 1) } : { op: "<=", version: m[2] };
  return [{ op: ">=", version: m[1] }, to];
}
function holds(version, bound) {
  const target = normalizeComposer(bound.version);
  if (target === void 0) return false;
  const c = phpVersionCompare(version, target);
  return { ">=": c >= 0, ">": c > 0, "<": c < 0, "<=": c <= 0, "==": c === 0, "!=": c !== 0 }[bound.op];
}
function satisfiesComposer(version, constraint) {
  const v = normalizeComposer(version);
  if (v === void 0) return void 0;
  let any = false;
  for (const group of constraint.split(/\s*\|\|?\s*/)) {
    const bounds = hyphen(group) ?? (() => {
      const clauses = group.trim().replace(/(>=|<=|!=|<>|==|=|>|<|\^|~)\s+/g, "$1").split(/\s*,\s*|\s+/);
      const out = [];
      for (const c of clauses) {
        const b = clause(c);
        if (!b) return void 0;
        out.push(...b);
      }
      return out;
    })();
    if (!bounds) return void 0;
    if (bounds.every((b) => holds(v, b))) any = true;
  }
  return any;
}
var CLAUSE = /^\s*(~=|===|==|!=|<=|>=|<|>)\s*([^\s,;]+)\s*$/;
function withoutLocal(v) {
  return { ...v, local: void 0 };
}
function prefixMatches(candidate, prefix) {
  const p = parsePep440(prefix);
  if (!p || p.epoch !== candidate.epoch) return false;
  return p.release.every((part, i) => BigInt(part) === BigInt(candidate.release[i] ?? "0"));
}
function clauseHolds(op, spec, candidate, raw) {
  if (op === "===") return raw.trim().toLowerCase() === spec.toLowerCase();
  if (spec.endsWith(".*")) {
    if (op !== "==" && op !== "!=") return false;
    const matches = prefixMatches(candidate, spec.slice(0, -2));
    return op === "==" ? matches : !matches;
  }
  const v = parsePep440(spec);
  if (!v) return false;
  const c = comparePep440(v.local ? candidate : withoutLocal(candidate), v);
  switch (op) {
    case "==":
      return c === 0;
    case "!=":
      return c !== 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
    case "<":
      return c < 0 && (v.pre !== void 0 || v.dev !== void 0 || !isPreOf(candidate, v));
    case ">":
      return c > 0 && (v.post !== void 0 || !isPostOf(candidate, v));
    case "~=": {
      if (v.release.length < 2) return false;
      const prefix = [...v.release.slice(0, -1)].join(".");
      return c >= 0 && prefixMatches(candidate, `${v.epoch}!${prefix}`);
    }
    default:
      return false;
  }
}
function sameRelease(a, b) {
  return comparePep440({ epoch: a.epoch, release: a.release }, { epoch: b.epoch, release: b.release }) === 0;
}
function isPreOf(candidate, v) {
  return sameRelease(candidate, v) && (candidate.pre !== void 0 || candidate.dev !== void 0);
}
function isPostOf(candidate, v) {
  return sameRelease(candidate, v) && candidate.post !== void 0;
}
function satisfiesPep440(version, specifiers) {
  const candidate = parsePep440(version);
  if (!candidate) return void 0;
  const clauses = specifiers.split(",").map((c) => c.trim()).filter(Boolean);
  let holds2 = true;
  for (const clause2 of clauses) {
    const m = CLAUSE.exec(clause2) ?? CLAUSE.exec(`==${clause2}`);
    if (!m) return void 0;
    holds2 &&= clauseHolds(m[1], m[2], candidate, version);
  }
  return holds2;
}
function satisfiesDeclared(ecosystem, version, declared) {
  if (ecosystem === "npm") {
    if (import_semver2.default.validRange(declared, { loose: true }) === null) return void 0;
    return import_semver2.default.satisfies(version, declared, { loose: true, includePrerelease: true });
  }
  if (ecosystem === "PyPI") return satisfiesPep440(version, declared);
  if (ecosystem === "Packagist") return satisfiesComposer(version, declared);
  return void 0;
}
var LABEL_SCORE = { LOW: 3, MODERATE: 5.5, MEDIUM: 5.5, HIGH: 7.5, CRITICAL: 9.5 };
function vectorOf(advisories) {
  for (const type of ["CVSS_V3", "CVSS_V4", "CVSS_V2"]) {
    for (const a of advisories) {
      const hit = a.severity.find((s) => s.type === type);
      if (hit) return hit.score;
    }
  }
  return void 0;
}
function labelOf(advisories) {
  const label = advisories.find((a) => a.label)?.label;
  return label && LABEL_SCORE[label] !== void 0 ? { label: label.toLowerCase(), score: LABEL_SCORE[label] } : { label: "unknown" };
}
function levelOf(score) {
  if (score === void 0) return "warning";
  return score >= 7 ? "error" : score >= 4 ? "warning" : "note";
}
function summaryOf(match) {
  return match.advisories.find((a) => a.summary)?.summary;
}
function isDevOnly(pkg) {
  return pkg.scope === "dev" || pkg.scope === "test";
}
function whereFrom(pkg) {
  if (pkg.direct || pkg.path.length < 2) return pkg.vendored ? " (a vendored copy)" : "";
  return `, pulled in by ${pkg.path.join(" > ")}`;
}
function installed(pkg) {
  if (!pkg.unresolved) return `${pkg.name} ${pkg.version}`;
  return `${pkg.name} ${pkg.declared ?? ""} (not locked: checked at ${pkg.version}, the lowest version the range admits)`.replace(/\s+/g, " ");
}
function fixText(match, found, admitsFix) {
  const { pkg, upgrade } = found;
  const parts2 = [];
  if (match.fixed) parts2.push(`Fixed in ${match.fixed}.`);
  else if (match.lastAffected) parts2.push(`No fixed version: ${match.lastAffected} is the last affected one.`);
  else parts2.push("No fixed version is known.");
  const count = found.matches.length;
  if (upgrade) parts2.push(count > 1 ? `Upgrading to ${upgrade} clears all ${count} advisories of ${pkg.name} ${pkg.version}.` : `Upgrade to ${upgrade}.`);
  else if (count > 1 && match.fixed) parts2.push(`No single version clears all ${count} advisories of ${pkg.name} ${pkg.version}.`);
  if (pkg.unresolved && match.fixed) parts2.push(admitsFix ? `The declared range admits ${match.fixed}: lock the dependencies to be sure which version installs.` : `The declared range ${pkg.declared ?? ""} does not admit ${match.fixed}: widen it.`.replace(/\s+/g, " "));
  if (!pkg.direct && pkg.path.length > 1 && match.fixed) parts2.push(`Upgrade ${pkg.path[0]} to a release that requires a fixed ${pkg.name}, or override it.`);
  return parts2.join(" ");
}
function messageOf(match, found, admitsFix) {
  const summary = summaryOf(match);
  const also = match.ids.filter((id) => id !== match.id && /^(CVE|GHSA)-/.test(id));
  const head = `${installed(found.pkg)} is affected by ${match.id}${also.length ? ` (${also.slice(0, 3).join(", ")})` : ""}${summary ? `: ${summary}` : ""}`;
  const scope = isDevOnly(found.pkg) ? ` (a ${found.pkg.scope} dependency)` : "";
  return `${head}${scope}${whereFrom(found.pkg)}. ${fixText(match, found, admitsFix)}`.replace(/\.\./g, ".");
}
var DOCS = "https://github.com/pipewarden/pipewarden/blob/main/docs/sca.md";
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var MAX_NOTES = 200;
function ruleOf(match, ecosystem) {
  const primary = match.advisories[0];
  const summary = summaryOf(match);
  const { label, score } = labelOf(match.advisories);
  const cwes = [...new Set(match.advisories.flatMap((a) => a.cwes))];
  return {
    id: match.id,
    name: match.id,
    shortDescription: { text: summary ?? `${match.id} in a dependency` },
    ...primary.details ? { fullDescription: { text: primary.details } } : {},
    helpUri: primary.url ?? `https://osv.dev/vulnerability/${encodeURIComponent(primary.id)}`,
    help: { text: `Advisories: ${match.ids.join(", ")}. Upgrade the package to a fixed version (see each result), or remove it.` },
    defaultConfiguration: { level: levelOf(score) },
    properties: {
      tags: ["security", "vulnerability", "dependency", ecosystem, ...cwes],
      precision: "very-high",
      ...score !== void 0 ? { "security-severity": score.toFixed(1) } : {},
      "pipewarden/severityLabel": label,
      ...cwes.length ? { "pipewarden/cwe": cwes } : {}
    }
  };
}
function locationsOf(pkg) {
  const primary = pkg.direct && pkg.declaredAt ? pkg.declaredAt : pkg.location;
  const other = primary === pkg.location ? pkg.declaredAt : pkg.location;
  const at = (l) => ({ physicalLocation: { artifactLocation: { uri: encodeURI(l.file) }, region: { startLine: Math.max(1, l.line) } } });
  return {
    locations: [at(primary)],
    ...other && (other.file !== primary.file || other.line !== primary.line) ? { relatedLocations: [{ id: 0, ...at(other), message: { text: other === pkg.location ? "where the lockfile resolves it" : "where the manifest declares it" } }] } : {}
  };
}
function resultOf(match, found, ruleIndex) {
  const { pkg } = found;
  const vector = vectorOf(match.advisories);
  const { label, score } = labelOf(match.advisories);
  const admitsFix = pkg.unresolved && pkg.declared && match.fixed ? satisfiesDeclared(pkg.ecosystem, match.fixed, pkg.declared) : void 0;
  const fixedVersions2 = [...new Set([match.fixed, found.upgrade].filter((v) => v !== void 0))];
  return {
    ruleId: match.id,
    ruleIndex,
    level: levelOf(score),
    message: { text: messageOf(match, found, admitsFix) },
    ...locationsOf(pkg),
    properties: {
      "pipewarden/category": "sca",
      "pipewarden/ids": match.ids,
      ...vector ? { "pipewarden/cvssVector": vector } : {},
      "pipewarden/severityLabel": label,
      "pipewarden/package": {
        name: pkg.name,
        version: pkg.version,
        purl: pkg.purl,
        ecosystem: pkg.ecosystem,
        fixedVersions: fixedVersions2,
        ...found.upgrade ? { upgrade: found.upgrade } : {},
        ...match.lastAffected ? { lastAffected: match.lastAffected } : {},
        scope: pkg.scope,
        manifest: pkg.manifest,
        ...pkg.unresolved ? { unresolved: true, declared: pkg.declared } : {},
        ...pkg.vendored ? { vendored: true } : {}
      },
      "pipewarden/direct": pkg.direct,
      ...pkg.path.length > 1 ? { "pipewarden/via": pkg.path } : {},
      // Prioritization weighs dev-only and test-only dependencies less (docs/prioritization.md).
      ...isDevOnly(pkg) ? { "pipewarden/dev": true } : {},
      ...score !== void 0 ? { "security-severity": score.toFixed(1) } : {}
    }
  };
}
function toLog(outcome, facts) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const results = [];
  const packages = [...outcome.packages].sort((a, b) => a.pkg.manifest.localeCompare(b.pkg.manifest) || a.pkg.name.localeCompare(b.pkg.name) || a.pkg.version.localeCompare(b.pkg.version));
  for (const found of packages) {
    for (const match of found.matches) {
      if (!ruleIndex.has(match.id)) {
        ruleIndex.set(match.id, rules.length);
        rules.push(ruleOf(match, found.pkg.ecosystem));
      }
      results.push(resultOf(match, found, ruleIndex.get(match.id)));
    }
  }
  const uri = (file) => ({ physicalLocation: { artifactLocation: { uri: encodeURI(file) } } });
  const notifications = [
    ...facts.problems.map((p) => ({ level: "warning", message: { text: p.message }, locations: [uri(p.file)], descriptor: { id: "manifest-not-read" } })),
    ...facts.fileNotes.slice(0, MAX_NOTES).map((n) => ({ level: "note", message: { text: n.message }, locations: [uri(n.file)], descriptor: { id: "manifest-note" } })),
    ...facts.fileNotes.length > MAX_NOTES ? [{ level: "note", message: { text: `${facts.fileNotes.length - MAX_NOTES} more notes about manifests not listed` }, descriptor: { id: "manifest-note" } }] : [],
    ...facts.notes.map((text) => ({ level: "note", message: { text }, descriptor: { id: "matching-note" } })),
    ...facts.manifests.length ? [{ level: "note", message: { text: `Checked ${facts.manifests.map((m) => `${m.file} (${m.kind}, ${m.packages} package${m.packages === 1 ? "" : "s"})`).join(", ")}` }, descriptor: { id: "manifests-checked" } }] : []
  ];
  const run = {
    invocations: [{ executionSuccessful: true, ...notifications.length ? { toolExecutionNotifications: notifications } : {} }],
    tool: { driver: { name: "Pipewarden SCA", version: VERSION, semanticVersion: VERSION, informationUri: DOCS, rules } },
    results,
    properties: { "pipewarden/dependencies": facts.dependencies, "pipewarden/advisories": facts.advisories }
  };
  return { $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] };
}
function openAdvisories(reads, options) {
  const index = new AdvisoryIndex(reads.flatMap((r) => r.advisories));
  return {
    index,
    snapshot: options.snapshot ?? index.newest?.slice(0, 10),
    sources: options.sources,
    skipped: reads.reduce((n, r) => n + r.skipped, 0),
    problems: reads.flatMap((r) => r.problems)
  };
}
function ecosystemsOf(inventory) {
  return [...new Set(inventory.packages.map((p) => p.ecosystem))].sort();
}
function analyzeInventory(inventory, advisories) {
  const outcome = matchPackages(inventory.packages, advisories.index);
  const counts = {};
  for (const p of inventory.packages) counts[p.ecosystem] = (counts[p.ecosystem] ?? 0) + 1;
  return toLog(outcome, {
    problems: inventory.problems,
    fileNotes: inventory.notes,
    manifests: inventory.manifests,
    notes: [
      ...outcome.gitRanges ? [`${outcome.gitRanges} GIT range${outcome.gitRanges === 1 ? "" : "s"} of the matching advisories ignored: they name commits, not package versions`] : [],
      ...outcome.unordered.length ? [`${outcome.unordered.length} package version${outcome.unordered.length === 1 ? "" : "s"} no version order can read (${outcome.unordered.slice(0, 3).map((p) => `${p.name}@${p.version}`).join(", ")}): checked against explicit version lists only`] : []
    ],
    dependencies: {
      manifests: inventory.manifests,
      packages: inventory.packages.length,
      byEcosystem: counts,
      unresolved: inventory.packages.filter((p) => p.unresolved).length,
      vulnerable: outcome.packages.length,
      ...inventory.problems.length ? { problems: inventory.problems } : {},
      ...inventory.notes.length ? { notes: inventory.notes.slice(0, MAX_NOTES) } : {},
      ...outcome.unordered.length ? { unordered: outcome.unordered.map((p) => `${p.ecosystem}:${p.name}@${p.version}`) } : {}
    },
    advisories: {
      snapshot: advisories.snapshot ?? "unknown",
      records: advisories.index.size,
      ecosystems: [...advisories.index.ecosystems].sort(),
      sources: advisories.sources,
      skipped: advisories.skipped,
      ...outcome.gitRanges ? { gitRangesIgnored: outcome.gitRanges } : {},
      ...advisories.problems.length ? { problems: advisories.problems.slice(0, 50) } : {}
    }
  });
}
function analyzeDependencies(files, advisories) {
  return analyzeInventory(readInventory(files), advisories);
}
var OsvRecordError = class extends Error {
  name = "OsvRecordError";
};
var MAX_DETAILS = 4e3;
var ZERO_TIME = /^0001-01-01/;
var ECOSYSTEM_SET = new Set(ECOSYSTEMS);
var obj = (v) => v && typeof v === "object" && !Array.isArray(v) ? v : void 0;
var str = (v) => typeof v === "string" && v !== "" ? v : void 0;
var arr = (v) => Array.isArray(v) ? v : [];
function eventOf(value) {
  const e = obj(value);
  if (!e) return void 0;
  for (const key of ["introduced", "fixed", "last_affected", "limit"]) {
    const v = str(e[key]);
    if (v !== void 0) return { [key]: v };
  }
  return void 0;
}
function affectedOf(value) {
  const a = obj(value);
  const pkg = obj(a?.package);
  const ecosystem = str(pkg?.ecosystem);
  const name = str(pkg?.name);
  if (!a || !ecosystem || !name || !ECOSYSTEM_SET.has(ecosystem)) return void 0;
  return {
    ecosystem,
    name,
    ranges: arr(a.ranges).flatMap((r) => {
      const range = obj(r);
      const type = str(range?.type);
      return type ? [{ type, events: arr(range.events).map(eventOf).filter((e) => e !== void 0) }] : [];
    }),
    versions: arr(a.versions).filter((v) => typeof v === "string")
  };
}
function advisoryOf(data, source) {
  const record = obj(data);
  const id = str(record?.id);
  if (!record || !id) throw new OsvRecordError('is not an OSV record: no "id"');
  if (!Array.isArray(record.affected) && record.affected !== void 0) throw new OsvRecordError(`is not an OSV record: "affected" of ${id} is not a list`);
  if (str(record.withdrawn)) return void 0;
  const affected = arr(record.affected).map(affectedOf).filter((a) => a !== void 0);
  if (!affected.length) return void 0;
  const specific = obj(record.database_specific);
  const refs = arr(record.references).map(obj);
  const advisoryRef = refs.find((r) => str(r?.type) === "ADVISORY" && /github\.com\/advisories|osv\.dev|pkg\.go\.dev\/vuln/.test(str(r?.url) ?? ""));
  const details = str(record.details);
  const modified = str(record.modified);
  const published = str(record.published);
  return {
    id,
    aliases: arr(record.aliases).filter((v) => typeof v === "string" && v !== id),
    summary: str(record.summary),
    details: details && details.length > MAX_DETAILS ? `${details.slice(0, MAX_DETAILS)}\u2026` : details,
    published: published && !ZERO_TIME.test(published) ? published : void 0,
    modified: modified && !ZERO_TIME.test(modified) ? modified : void 0,
    severity: arr(record.severity).flatMap((s) => {
      const type = str(obj(s)?.type);
      const score = str(obj(s)?.score);
      return type && score ? [{ type, score }] : [];
    }),
    label: str(specific?.severity)?.toUpperCase(),
    cwes: arr(specific?.cwe_ids).filter((c) => typeof c === "string" && /^CWE-\d+$/.test(c)),
    url: str(advisoryRef?.url),
    affected,
    source
  };
}
var AdvisorySourceError = class extends Error {
  name = "AdvisorySourceError";
  file;
  constructor(file, message, options) {
    super(message, options);
    this.file = file;
  }
};
var RECORD = /\.(?:json|ya?ml)$/i;
var ZIP = /\.zip$/i;
var MAX_RECORD_BYTES = 16 * 1024 * 1024;
var READ_AHEAD = 32;
function parseRecord(text, name) {
  return /\.ya?ml$/i.test(name) ? (0, import_yaml2.parse)(text, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false }) : JSON.parse(text);
}
function collect(out, text, name) {
  try {
    const data = parseRecord(text, name);
    for (const item of Array.isArray(data) ? data : [data]) {
      const advisory = advisoryOf(item, name);
      if (advisory) out.advisories.push(advisory);
      else out.skipped++;
    }
  } catch (error) {
    const message = error instanceof OsvRecordError ? error.message : `is not valid ${/\.ya?ml$/i.test(name) ? "YAML" : "JSON"}: ${error.message.split("\n")[0]}`;
    out.problems.push({ file: name, message });
  }
}
function readAdvisoryZip(bytes, name, into) {
  const out = into ?? { advisories: [], skipped: 0, problems: [], files: 0 };
  out.files++;
  const decoder = new TextDecoder();
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  let failure;
  unzip.onfile = (file) => {
    if (!RECORD.test(file.name) || file.name.endsWith("/")) return;
    const chunks = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      size += chunk.length;
      if (size <= MAX_RECORD_BYTES) chunks.push(chunk);
      if (!final) return;
      if (size > MAX_RECORD_BYTES) {
        out.problems.push({ file: `${name}!${file.name}`, message: `is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB: skipped` });
        return;
      }
      collect(out, decoder.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)), `${name}!${file.name}`);
    };
    file.start();
  };
  try {
    unzip.push(bytes, true);
  } catch (error) {
    throw new AdvisorySourceError(name, `is not a readable zip file: ${error.message}`, { cause: error });
  }
  if (failure) throw new AdvisorySourceError(name, `is not a readable zip file: ${failure.message}`, { cause: failure });
  return out;
}
async function walk2(dir, files) {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await walk2(path, files);
    else if (entry.isFile() && (RECORD.test(entry.name) || ZIP.test(entry.name))) files.push(path);
  }
}
async function readAdvisoryDir(dir) {
  try {
    if (!(await stat(dir)).isDirectory()) throw new AdvisorySourceError(dir, "is not a directory");
  } catch (error) {
    if (error instanceof AdvisorySourceError) throw error;
    throw new AdvisorySourceError(dir, error.code === "ENOENT" ? "does not exist" : `cannot be read: ${error.message}`, { cause: error });
  }
  const files = [];
  await walk2(dir, files);
  const out = { advisories: [], skipped: 0, problems: [], files: 0 };
  const pending = files.map(() => void 0);
  const start = (i) => {
    if (i < files.length) pending[i] = readFile(files[i]);
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const bytes = await pending[i];
    pending[i] = void 0;
    start(i + READ_AHEAD);
    const name = relative(dir, file).split("\\").join("/");
    if (ZIP.test(file)) {
      readAdvisoryZip(bytes, name, out);
      continue;
    }
    out.files++;
    if (bytes.length > MAX_RECORD_BYTES) {
      out.problems.push({ file: name, message: `is larger than ${MAX_RECORD_BYTES / 1024 / 1024} MB: skipped` });
      continue;
    }
    collect(out, bytes.toString("utf8"), name);
  }
  return out;
}
function scopeOf3(pkg) {
  if (pkg.scope === "dev" || pkg.scope === "test") return "excluded";
  if (pkg.scope === "optional" || pkg.scope === "peer" || pkg.scope === "provided") return "optional";
  return "required";
}
function cyclonedxOf(inventory, options = {}) {
  const seen = /* @__PURE__ */ new Map();
  for (const pkg of inventory.packages) {
    if (!pkg.version || seen.has(pkg.purl)) continue;
    const properties = [
      { name: "pipewarden:ecosystem", value: pkg.ecosystem },
      { name: "pipewarden:manifest", value: pkg.manifest },
      { name: "pipewarden:direct", value: String(pkg.direct) },
      ...pkg.unresolved ? [{ name: "pipewarden:unresolved", value: `declared ${pkg.declared ?? ""}`.trim() }] : [],
      ...pkg.vendored ? [{ name: "pipewarden:vendored", value: pkg.location.file }] : []
    ];
    seen.set(pkg.purl, { type: "library", "bom-ref": pkg.purl, name: pkg.name, version: pkg.version, purl: pkg.purl, scope: scopeOf3(pkg), properties });
  }
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.5",
    serialNumber: `urn:uuid:${options.serial ?? randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: options.timestamp ?? (/* @__PURE__ */ new Date()).toISOString(),
      tools: { components: [{ type: "application", name: "pipewarden-sca", version: VERSION }] }
    },
    components: [...seen.values()]
  };
}
export {
  AdvisoryIndex,
  AdvisorySourceError,
  ECOSYSTEMS,
  VERSION,
  advisoryOf,
  analyzeDependencies,
  analyzeInventory,
  cyclonedxOf,
  ecosystemsOf,
  manifestKind,
  matchPackages,
  normalizeName,
  openAdvisories,
  readAdvisoryDir,
  readAdvisoryZip,
  readInventory,
  satisfiesDeclared,
  versionOrder
};
/*! Bundled license information:

smol-toml/dist/error.js:
smol-toml/dist/primitive.js:
smol-toml/dist/date.js:
smol-toml/dist/extract.js:
smol-toml/dist/util.js:
smol-toml/dist/struct.js:
smol-toml/dist/parse.js:
smol-toml/dist/stringify.js:
smol-toml/dist/index.js:
  (*!
   * Copyright (c) Squirrel Chat et al., All rights reserved.
   * SPDX-License-Identifier: BSD-3-Clause
   *
   * Redistribution and use in source and binary forms, with or without
   * modification, are permitted provided that the following conditions are met:
   *
   * 1. Redistributions of source code must retain the above copyright notice, this
   *    list of conditions and the following disclaimer.
   * 2. Redistributions in binary form must reproduce the above copyright notice,
   *    this list of conditions and the following disclaimer in the
   *    documentation and/or other materials provided with the distribution.
   * 3. Neither the name of the copyright holder nor the names of its contributors
   *    may be used to endorse or promote products derived from this software without
   *    specific prior written permission.
   *
   * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
   * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
   * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
   * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
   * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
   * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
   * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
   * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
   * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
   * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
   *)
*/
