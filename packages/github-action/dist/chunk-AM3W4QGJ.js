import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);
import {
  ConfigError,
  FINGERPRINT_KEY,
  InputError,
  InternalError,
  PROP,
  PipewardenError,
  REDACTED,
  RegionNotes,
  RunBuilder,
  SARIF_SCHEMA_URI,
  SARIF_VERSION,
  SRCROOT,
  ScannerError,
  UNKEYED_SECRET_HASH,
  checkedRegion,
  createSecretKeyer,
  cweId,
  decodeUri,
  describeFsError,
  familiarName,
  fileLocation,
  fingerprintOf,
  firstScore,
  formatReference,
  htmlToText,
  isPipewardenError,
  leavesRoot,
  levelOf,
  logOf,
  logicalLocation,
  maskQuotedValues,
  missing,
  notingRegions,
  parseReference,
  prop,
  read,
  redactShapes,
  redactText,
  regionNumbers,
  sanctionedEntry,
  scoreOf,
  secretHash,
  secretKeyingOf,
  shortenMasks,
  stripControls,
  toUriReference
} from "./chunk-SJ7KGHXI.js";
import {
  __export
} from "./chunk-PBBCIDJQ.js";
import {
  VERSION,
  external_exports,
  grammarsDir,
  missingGrammars,
  readsFile
} from "./chunk-6BCNDRYI.js";
import {
  VERSION as VERSION2,
  manifestKind
} from "./chunk-XPKD4T6B.js";
import {
  __commonJS,
  __toESM
} from "./chunk-TOP57FAE.js";

// ../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// ../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options2 = {}) => {
      const prepend = options2.contains ? "" : "^";
      const append = options2.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path2, { windows } = {}) => {
      const segs = path2.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// ../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan2 = (input, options2) => {
      const opts = options2 || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  code = advance();
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES) {
                  isGlob = token.isGlob = true;
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_LEFT_PARENTHESES) {
                backslashes = token.backslashes = true;
                code = advance();
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob2 = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob2 = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob2 = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob2) glob2 = utils.removeBackslashes(glob2);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob: glob2,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n = prevIndex ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value = input.slice(n, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (idx !== 0 || value !== "") {
            parts.push(value);
          }
          prevIndex = i;
        }
        if (prevIndex && prevIndex + 1 < input.length) {
          const value = input.slice(prevIndex + 1);
          parts.push(value);
          if (opts.tokens) {
            tokens[tokens.length - 1].value = value;
            depth(tokens[tokens.length - 1]);
            state.maxDepth += tokens[tokens.length - 1].depth;
          }
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan2;
  }
});

// ../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options2) => {
      if (typeof options2.expandRange === "function") {
        return options2.expandRange(...args, options2);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError2 = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var parse = (input, options2) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options2 };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options2, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options2);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError2("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError2("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError2("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open3 = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open3);
          push(open3);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && eos()) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError2("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError2("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError2("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options2) => {
      const opts = { ...options2 };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// ../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan2 = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject5 = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch5 = (glob2, options2, returnState = false) => {
      if (Array.isArray(glob2)) {
        const fns = glob2.map((input) => picomatch5(input, options2, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject5(glob2) && glob2.tokens && glob2.input;
      if (glob2 === "" || typeof glob2 !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options2 || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch5.compileRe(glob2, options2) : picomatch5.makeRe(glob2, options2, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options2, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch5(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch5.test(input, regex, options2, { glob: glob2, posix: posix2 });
        const result2 = { glob: glob2, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result2);
        }
        if (isMatch === false) {
          result2.isMatch = false;
          return returnObject ? result2 : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result2);
          }
          result2.isMatch = false;
          return returnObject ? result2 : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result2);
        }
        return returnObject ? result2 : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch5.test = (input, regex, options2, { glob: glob2, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options2 || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob2;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob2;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch5.matchBase(input, regex, options2, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch5.matchBase = (input, glob2, options2) => {
      const regex = glob2 instanceof RegExp ? glob2 : picomatch5.makeRe(glob2, options2);
      return regex.test(utils.basename(input));
    };
    picomatch5.isMatch = (str, patterns, options2) => picomatch5(patterns, options2)(str);
    picomatch5.parse = (pattern2, options2) => {
      if (Array.isArray(pattern2)) return pattern2.map((p) => picomatch5.parse(p, options2));
      return parse(pattern2, { ...options2, fastpaths: false });
    };
    picomatch5.scan = (input, options2) => scan2(input, options2);
    picomatch5.compileRe = (state, options2, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options2 || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch5.toRegex(source, options2);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch5.makeRe = (input, options2 = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options2.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options2);
      }
      if (!parsed.output) {
        parsed = parse(input, options2);
      }
      return picomatch5.compileRe(parsed, options2, returnOutput, returnState);
    };
    picomatch5.toRegex = (source, options2) => {
      try {
        const opts = options2 || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options2 && options2.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch5.constants = constants2;
    module.exports = picomatch5;
  }
});

// ../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "../../node_modules/.pnpm/picomatch@4.0.3/node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch5(glob2, options2, returnState = false) {
      if (options2 && (options2.windows === null || options2.windows === void 0)) {
        options2 = { ...options2, windows: utils.isWindows() };
      }
      return pico(glob2, options2, returnState);
    }
    Object.assign(picomatch5, pico);
    module.exports = picomatch5;
  }
});

// ../core/dist/index.js
import { createRequire as __pwCoreCreateRequire4 } from "module";

// ../core/dist/chunk-XALR6TL6.js
import { createRequire as __pwCoreCreateRequire2 } from "module";

// ../core/dist/chunk-INSS5ABJ.js
import { createRequire as __pwCoreCreateRequire } from "module";
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync } from "fs";
import { open, realpath, stat } from "fs/promises";
import { isAbsolute, relative, resolve, sep } from "path";
import { Readable } from "stream";
import { hash } from "crypto";
import { readdir } from "fs/promises";
import { readFile, stat as stat2, writeFile } from "fs/promises";
import { dirname, join } from "path";
import { fileURLToPath } from "url";
import { existsSync, readFileSync } from "fs";
var require2 = __pwCoreCreateRequire(import.meta.url);
var READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
var NOFOLLOW = constants.O_NOFOLLOW ?? 0;
function kindOf(info) {
  if (info.isFile()) return "a regular file";
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSymbolicLink()) return "a symbolic link";
  return "not a file";
}
var FileRefused = class extends InputError {
  refusal;
  constructor(refusal, message2, details) {
    super(message2, details);
    this.refusal = refusal;
  }
};
function refuseKind(info, shown) {
  if (info.isDirectory()) throw new FileRefused("not-regular", "is a directory, expected a file", { file: shown });
  throw new FileRefused("not-regular", `is not a regular file (${kindOf(info)}); refused without opening it`, { file: shown });
}
function refuseSize(size, max, shown) {
  throw new FileRefused("too-large", `is ${size} bytes, over the limit of ${max}`, { file: shown });
}
function fsError(error, shown) {
  if (error instanceof InputError) return error;
  const code = error.code;
  if (code === "ENOENT" || code === "ENOTDIR") return new FileRefused("missing", describeFsError(error), { file: shown, cause: error });
  if (code === "ELOOP") return new FileRefused("outside", "became a symbolic link while being opened; refused", { file: shown, cause: error });
  return new InputError(describeFsError(error), { file: shown, cause: error });
}
function staysInside(root, path2) {
  const rel = relative(resolve(root), resolve(root, path2));
  return !(rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}
function isUnder(realRoot, real) {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}
function outside(shown, options2) {
  return new FileRefused("outside", `leads outside ${options2.withinName ?? "the scanned folder"}; not read`, { file: shown });
}
async function resolveWithin(path2, within, shown, options2) {
  if (!staysInside(within, path2)) throw outside(shown, options2);
  let realRoot;
  let real;
  try {
    realRoot = await realpath(within);
    real = await realpath(resolve(within, path2));
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!isUnder(realRoot, real)) throw outside(shown, options2);
  return real;
}
function resolveWithinSync(path2, within, shown, options2) {
  if (!staysInside(within, path2)) throw outside(shown, options2);
  let realRoot;
  let real;
  try {
    realRoot = realpathSync(within);
    real = realpathSync(resolve(within, path2));
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!isUnder(realRoot, real)) throw outside(shown, options2);
  return real;
}
function sameFile(before, after) {
  return before.dev === after.dev && before.ino === after.ino;
}
async function openRegular(path2, options2 = {}) {
  const shown = options2.shown ?? path2;
  if (options2.within === void 0) return openChecked(path2, shown, options2.maxBytes, false);
  return openChecked(await resolveWithin(path2, options2.within, shown, options2), shown, options2.maxBytes, true);
}
async function openChecked(target, shown, maxBytes, real) {
  let before;
  try {
    before = await stat(target);
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!before.isFile()) refuseKind(before, shown);
  if (maxBytes !== void 0 && before.size > maxBytes) refuseSize(before.size, maxBytes, shown);
  let handle;
  try {
    handle = await open(target, READ_FLAGS | (real ? NOFOLLOW : 0));
  } catch (error) {
    throw fsError(error, shown);
  }
  try {
    const after = await handle.stat();
    if (!after.isFile()) refuseKind(after, shown);
    if (!sameFile(before, after)) throw new InputError("changed while being opened; refused", { file: shown });
    if (maxBytes !== void 0 && after.size > maxBytes) refuseSize(after.size, maxBytes, shown);
    return { handle, size: after.size, path: target };
  } catch (error) {
    await handle.close();
    throw fsError(error, shown);
  }
}
async function readAt(handle, position, length) {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buffer : buffer.subarray(0, done);
}
async function readRegular(path2, options2 = {}) {
  const { handle, size } = await openRegular(path2, options2);
  try {
    return await readAt(handle, 0, size);
  } catch (error) {
    throw fsError(error, options2.shown ?? path2);
  } finally {
    await handle.close();
  }
}
async function readRegularHead(path2, bytes2, options2 = {}) {
  const { handle, size } = await openRegular(path2, options2);
  try {
    return { head: await readAt(handle, 0, Math.min(bytes2, size)), size };
  } catch (error) {
    throw fsError(error, options2.shown ?? path2);
  } finally {
    await handle.close();
  }
}
function readRegularSync(path2, options2 = {}) {
  const shown = options2.shown ?? path2;
  const target = options2.within !== void 0 ? resolveWithinSync(path2, options2.within, shown, options2) : path2;
  let before;
  try {
    before = statSync(target);
  } catch (error) {
    throw fsError(error, shown);
  }
  if (!before.isFile()) refuseKind(before, shown);
  if (options2.maxBytes !== void 0 && before.size > options2.maxBytes) refuseSize(before.size, options2.maxBytes, shown);
  let fd;
  try {
    fd = openSync(target, READ_FLAGS | (options2.within !== void 0 ? NOFOLLOW : 0));
  } catch (error) {
    throw fsError(error, shown);
  }
  try {
    const after = fstatSync(fd);
    if (!after.isFile()) refuseKind(after, shown);
    if (!sameFile(before, after)) throw new InputError("changed while being opened; refused", { file: shown });
    if (options2.maxBytes !== void 0 && after.size > options2.maxBytes) refuseSize(after.size, options2.maxBytes, shown);
    const buffer = Buffer.alloc(after.size);
    let done = 0;
    while (done < buffer.length) {
      const read2 = readSync(fd, buffer, done, buffer.length - done, done);
      if (read2 === 0) break;
      done += read2;
    }
    return done === buffer.length ? buffer : buffer.subarray(0, done);
  } catch (error) {
    throw fsError(error, shown);
  } finally {
    closeSync(fd);
  }
}
async function readRegularText(path2, options2 = {}) {
  return (await readRegular(path2, options2)).toString("utf8");
}
async function streamRegular(path2, options2 = {}) {
  const { handle, size } = await openRegular(path2, options2);
  const start = options2.start ?? 0;
  if (start >= size) {
    await handle.close();
    return Readable.from([]);
  }
  return handle.createReadStream({
    start,
    end: size - 1,
    autoClose: true,
    ...options2.highWaterMark ? { highWaterMark: options2.highWaterMark } : {},
    ...options2.encoding ? { encoding: options2.encoding } : {}
  });
}
function isMissing(error) {
  return error instanceof FileRefused && error.refusal === "missing";
}
function rootReader(root) {
  let realRoot;
  const real = () => realRoot ??= realpath(root).catch(() => void 0);
  async function locate(path2) {
    if (!path2 || !staysInside(root, path2)) return { refused: "outside" };
    const base = await real();
    if (base === void 0) return { refused: "missing" };
    let resolved;
    try {
      resolved = await realpath(resolve(base, relative(resolve(root), resolve(root, path2))));
    } catch {
      return { refused: "missing" };
    }
    return isUnder(base, resolved) ? { real: resolved } : { refused: "outside" };
  }
  return {
    root,
    locate,
    async read(path2, options2) {
      const where4 = await locate(path2);
      if ("refused" in where4) return where4;
      let file;
      try {
        file = await openChecked(where4.real, path2, options2.head === void 0 ? options2.maxBytes : void 0, true);
      } catch (error) {
        return { refused: error instanceof FileRefused ? error.refusal : "missing" };
      }
      try {
        const length = options2.head === void 0 ? file.size : Math.min(options2.head, file.size);
        return { data: await readAt(file.handle, 0, length), size: file.size };
      } catch {
        return { refused: "missing" };
      } finally {
        await file.handle.close();
      }
    }
  };
}
var SEVERITIES = ["critical", "high", "medium", "low", "info"];
var CATEGORIES = ["sast", "sca", "secrets", "iac", "container", "dast", "sbom"];
var PRIORITIES = ["P0", "P1", "P2", "P3", "P4"];
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}
function severityFromScore(score) {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}
var SEVERITY_SCORE = { critical: 9.5, high: 8, medium: 5.5, low: 3, info: 0 };
var LEVEL_SEVERITY = { error: "high", warning: "medium", note: "low", none: "info" };
var rulesById = /* @__PURE__ */ new WeakMap();
var lastRules;
var lastIndexed;
function ruleOf(run2, result2) {
  const rules = run2.tool.driver.rules;
  if (!rules) return void 0;
  const index = result2.ruleIndex ?? result2.rule?.index;
  if (index !== void 0 && index >= 0 && rules[index]) return rules[index];
  const id = result2.ruleId ?? result2.rule?.id;
  if (id === void 0) return void 0;
  let indexed = rules === lastRules ? lastIndexed : rulesById.get(rules);
  if (!indexed || indexed.length !== rules.length) {
    const byId = /* @__PURE__ */ new Map();
    for (const rule of rules) if (!byId.has(rule.id)) byId.set(rule.id, rule);
    indexed = { length: rules.length, byId };
    rulesById.set(rules, indexed);
  }
  lastRules = rules;
  lastIndexed = indexed;
  return indexed.byId.get(id);
}
function numberProp(bag, key) {
  const value = bag?.[key];
  const number = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(number) ? number : void 0;
}
function messageText(result2, rule) {
  if (result2.message.text) return result2.message.text;
  const id = result2.message.id;
  const template = id ? rule?.messageStrings?.[id]?.text ?? "" : "";
  return template.replace(/\{(\d+)\}/g, (_, n) => result2.message.arguments?.[Number(n)] ?? "") || (rule?.shortDescription?.text ?? "");
}
function fileUriOf(result2) {
  return result2.locations?.find((location2) => location2.physicalLocation?.artifactLocation?.uri)?.physicalLocation?.artifactLocation?.uri;
}
function locationOf(result2) {
  const physical = result2.locations?.find((location2) => location2.physicalLocation?.artifactLocation?.uri)?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  if (!uri) return void 0;
  const region2 = physical.region;
  return {
    uri,
    ...region2?.startLine !== void 0 ? { startLine: region2.startLine } : {},
    ...region2?.startColumn !== void 0 ? { startColumn: region2.startColumn } : {},
    ...region2?.endLine !== void 0 ? { endLine: region2.endLine } : {}
  };
}
function cwesOf(result2, rule) {
  const own = result2.properties?.tags;
  const ruleTags = rule?.properties?.tags;
  if (ruleTags && !own?.length) {
    let cwes = tagCwes.get(ruleTags);
    if (!cwes) tagCwes.set(ruleTags, cwes = cwesIn(ruleTags));
    return [...cwes];
  }
  return cwesIn([...ruleTags ?? [], ...own ?? []]);
}
var tagCwes = /* @__PURE__ */ new WeakMap();
function cwesIn(tags) {
  const found = /* @__PURE__ */ new Set();
  for (const tag of tags) {
    const match = /CWE[-_:/ ]?(\d+)/i.exec(tag);
    if (match) found.add(`CWE-${match[1]}`);
  }
  return [...found];
}
var SECRET_TOOLS = /secretlint|gitleaks|trufflehog|detect-secrets|ggshield/i;
var SCA_TOOLS = /npm audit|npm-audit|grype|osv|dependency[- ]check|snyk|retire|audit/i;
var IAC_TOOLS = /checkov|tfsec|kics|terrascan|hadolint/i;
function categoryOf(run2, result2) {
  const own = result2.properties?.[PROP.category] ?? run2.properties?.[PROP.category];
  if (own && CATEGORIES.includes(own)) return own;
  const name2 = run2.tool.driver.name;
  let guess = guessed.get(name2);
  if (!guess) guessed.set(name2, guess = SECRET_TOOLS.test(name2) ? "secrets" : SCA_TOOLS.test(name2) ? "sca" : IAC_TOOLS.test(name2) ? "iac" : "sast");
  return guess;
}
var guessed = /* @__PURE__ */ new Map();
function scoreOf2(result2, rule) {
  return numberProp(result2.properties, "security-severity") ?? numberProp(rule?.properties, "security-severity") ?? SEVERITY_SCORE[LEVEL_SEVERITY[result2.level ?? rule?.defaultConfiguration?.level ?? "warning"] ?? "medium"];
}
function toFinding(run2, result2) {
  const rule = ruleOf(run2, result2);
  const props = result2.properties;
  const score = scoreOf2(result2, rule);
  const risk = numberProp(props, PROP.risk);
  const priority = props?.[PROP.priority];
  return {
    result: result2,
    run: run2,
    tool: run2.tool.driver.name,
    ruleId: result2.ruleId ?? result2.rule?.id ?? rule?.id ?? "(no rule)",
    rule,
    message: messageText(result2, rule),
    location: locationOf(result2),
    category: categoryOf(run2, result2),
    score,
    severity: severityFromScore(score),
    cwes: cwesOf(result2, rule),
    fingerprint: fingerprintOf(result2),
    risk,
    priority: priority && PRIORITIES.includes(priority) ? priority : void 0,
    suppressed: (result2.suppressions ?? []).some((s) => s.status === void 0 || s.status === "accepted"),
    inScope: props?.[PROP.scope] !== "out",
    kev: props?.[PROP.kev] !== void 0,
    scanner: prop(run2.properties, PROP.scanner) ?? run2.tool.driver.name
  };
}
function findingsOf(log2) {
  const findings = [];
  for (const run2 of log2.runs ?? []) {
    for (const result2 of run2.results ?? []) {
      if (result2.kind && result2.kind !== "fail" && result2.kind !== "open" && result2.kind !== "review") continue;
      if (result2.baselineState === "absent") continue;
      findings.push(toFinding(run2, result2));
    }
  }
  return findings;
}
function whereOf(finding) {
  const location2 = finding.location;
  if (!location2) {
    const dast = prop(finding.result.properties, PROP.dast);
    return dast?.url ? `${(dast.method ?? "GET").toUpperCase()} ${dast.url}` : "(no location)";
  }
  return location2.startLine ? `${location2.uri}:${location2.startLine}` : location2.uri;
}
var SECRET_CWES = /^CWE-(?:798|259|321)$/i;
var SECRET_RULES = [
  /^B10[567]$/,
  // Bandit: hardcoded_password_string, _funcarg, _default
  /^G101$/,
  // gosec: potential hardcoded credentials
  /(?:^|[:.])S(?:2068|6418|6437)$/,
  // SonarQube: hard-coded passwords, secrets, credentials
  /^CKV_SECRET_\d+$/,
  // Checkov's secrets checks
  /hard[-_ ]?code[ds]?[-_ ]?(?:[a-z]+[-_ ])?(?:password|passwd|secret|credential|key|token)/i,
  // CodeQL js/hardcoded-credentials, Semgrep …hardcoded-jwt-secret, Bandit's names
  /(?:^|\/)no-secrets$/,
  // eslint-plugin-no-secrets
  /(?:^|\.)secrets\./,
  // Semgrep's generic.secrets.…
  /(?:^|[./])detected-[\w-]*(?:token|key|secret|password|credential)/i
  // Semgrep's detected-aws-access-key-id-value, …
];
var SECRET_TAG = /^secrets?$|^hard[-_ ]?coded[-_ ]?(?:credentials?|passwords?|secrets?)$|(?:^|\/)cwe-(?:798|259|321)$/i;
function cwesIn2(values) {
  const found = [];
  for (const value of values) {
    const match = typeof value === "string" ? /CWE[-_:/ ]?(\d+)/i.exec(value) : null;
    if (match) found.push(`CWE-${match[1]}`);
  }
  return found;
}
var ruleAnswers = /* @__PURE__ */ new WeakMap();
function namesSecret(name2) {
  return typeof name2 === "string" && SECRET_RULES.some((pattern2) => pattern2.test(name2));
}
function isSecretRule(rule, ruleId) {
  if (ruleId !== void 0 && ruleId !== rule?.id && namesSecret(ruleId)) return true;
  if (!rule) return false;
  const known = ruleAnswers.get(rule);
  if (known && known.properties === rule.properties) return known.answer;
  const tags = rule.properties?.tags ?? [];
  const answer2 = namesSecret(rule.id) || namesSecret(rule.name) || tags.some((tag) => typeof tag === "string" && SECRET_TAG.test(tag)) || cwesIn2([...prop(rule.properties, PROP.cwe) ?? [], ...tags]).some((cwe) => SECRET_CWES.test(cwe));
  ruleAnswers.set(rule, { properties: rule.properties, answer: answer2 });
  return answer2;
}
function isAboutSecret(run2, result2) {
  return byPlainRule(run2, result2, 0, answer);
}
var plain;
function byPlainRule(run2, result2, question, ask) {
  if (result2.properties !== void 0 || result2.ruleIndex !== void 0 || result2.rule !== void 0 || typeof result2.ruleId !== "string") return ask(run2, result2);
  const rules = run2.tool.driver.rules;
  const category = run2.properties?.[PROP.category];
  if (!plain || plain.run.deref() !== run2 || plain.runProperties !== run2.properties || plain.category !== category || plain.tool !== run2.tool.driver.name || plain.rules !== rules || plain.length !== (rules?.length ?? 0)) {
    plain = { run: new WeakRef(run2), runProperties: run2.properties, category, tool: run2.tool.driver.name, rules, length: rules?.length ?? 0, byId: /* @__PURE__ */ new Map() };
  }
  let known = plain.byId.get(result2.ruleId);
  if (!known || known.properties !== known.rule?.properties) {
    const rule = ruleOf(run2, result2);
    plain.byId.set(result2.ruleId, known = { rule, properties: rule?.properties, answers: [] });
  }
  return known.answers[question] ??= ask(run2, result2);
}
function answer(run2, result2) {
  if (categoryOf(run2, result2) === "secrets") return true;
  const props = result2.properties;
  if (props?.[PROP.package] !== void 0 || props?.[PROP.image] !== void 0) return false;
  if (isSecretRule(ruleOf(run2, result2), result2.ruleId ?? result2.rule?.id)) return true;
  if (!props) return false;
  const tags = props?.tags ?? [];
  if (tags.some((tag) => typeof tag === "string" && SECRET_TAG.test(tag))) return true;
  return cwesIn2([...prop(props, PROP.cwe) ?? [], ...prop(props, PROP.ids) ?? [], ...tags]).some((cwe) => SECRET_CWES.test(cwe));
}
var BLOCK = 100;
var BASE = 37n;
var MASK = (1n << 64n) - 1n;
var TAB = 9;
var SPACE = 32;
var LF = 10;
var CR = 13;
var EOF_CHAR = 65535;
function computeFirstMod() {
  let value = 1n;
  for (let i = 0; i < BLOCK; i++) value = value * BASE & MASK;
  return value;
}
var FIRST_MOD = computeFirstMod();
var LineHasher = class {
  window = new Array(BLOCK).fill(0);
  lineNumbers = new Array(BLOCK).fill(-1);
  hash = 0n;
  index = 0;
  lineNumber = 0;
  lineStart = true;
  prevCR = false;
  counts = /* @__PURE__ */ new Map();
  hashes = /* @__PURE__ */ new Map();
  output() {
    const value = this.hash.toString(16);
    const count = (this.counts.get(value) ?? 0) + 1;
    this.counts.set(value, count);
    this.hashes.set(this.lineNumbers[this.index], `${value}:${count}`);
    this.lineNumbers[this.index] = -1;
  }
  update(current) {
    const begin = this.window[this.index];
    this.window[this.index] = current;
    this.hash = BASE * this.hash + BigInt(current) - FIRST_MOD * BigInt(begin) & MASK;
    this.index = (this.index + 1) % BLOCK;
  }
  process(code) {
    let current = code;
    if (current === SPACE || current === TAB || this.prevCR && current === LF) {
      this.prevCR = false;
      return;
    }
    if (current === CR) {
      current = LF;
      this.prevCR = true;
    } else {
      this.prevCR = false;
    }
    if (this.lineNumbers[this.index] !== -1) this.output();
    if (this.lineStart) {
      this.lineStart = false;
      this.lineNumber++;
      this.lineNumbers[this.index] = this.lineNumber;
    }
    if (current === LF) this.lineStart = true;
    this.update(current);
  }
  /** Feeds text (UTF-16 code units, as JavaScript strings hold them). */
  write(text22) {
    for (let i = 0; i < text22.length; i++) this.process(text22.charCodeAt(i));
  }
  end() {
    this.process(EOF_CHAR);
    for (let i = 0; i < BLOCK; i++) {
      if (this.lineNumbers[this.index] !== -1) this.output();
      this.update(0);
    }
    return this.hashes;
  }
};
function lineHashesOf(text22) {
  const hasher = new LineHasher();
  hasher.write(text22);
  return hasher.end();
}
var KeyTable = class {
  words = new Uint32Array(4 * 1024);
  counts = new Uint32Array(1024);
  mask = 1023;
  size = 0;
  /** Counts the key held in words[at..at+3] once more; returns how often it has been seen, this time included. */
  next(source, at) {
    const a = source[at];
    const b = source[at + 1];
    const c = source[at + 2];
    const d = source[at + 3];
    const { words, counts, mask } = this;
    for (let slot = a & mask; ; slot = slot + 1 & mask) {
      const n = counts[slot];
      if (n === 0) {
        words[4 * slot] = a;
        words[4 * slot + 1] = b;
        words[4 * slot + 2] = c;
        words[4 * slot + 3] = d;
        counts[slot] = 1;
        if (++this.size * 2 > counts.length) this.grow();
        return 1;
      }
      const w = 4 * slot;
      if (words[w] === a && words[w + 1] === b && words[w + 2] === c && words[w + 3] === d) return counts[slot] = n + 1;
    }
  }
  grow() {
    const { words, counts } = this;
    const grownWords = new Uint32Array(words.length * 2);
    const grownCounts = new Uint32Array(counts.length * 2);
    const mask = grownCounts.length - 1;
    for (let slot = 0; slot < counts.length; slot++) {
      const n = counts[slot];
      if (n === 0) continue;
      let to = words[4 * slot] & mask;
      while (grownCounts[to] !== 0) to = to + 1 & mask;
      for (let w = 0; w < 4; w++) grownWords[4 * to + w] = words[4 * slot + w];
      grownCounts[to] = n;
    }
    this.words = grownWords;
    this.counts = grownCounts;
    this.mask = mask;
  }
};
function hexWords(key, target, at) {
  for (let i = 0; i < 4; i++) target[at + i] = parseInt(key.slice(8 * i, 8 * i + 8), 16);
}
var FINGERPRINT_NOPATH_KEY = "pipewarden/v1/nopath";
var LINE_HASH_KEY = "primaryLocationLineHash";
function digest(parts) {
  return hash("sha256", parts.join("\0"), "hex").slice(0, 32);
}
function codeWindow(lines) {
  return lines.join("").replace(/\s+/g, "");
}
function vulnerabilityId(result2) {
  const ids = [result2.ruleId ?? "", ...prop(result2.properties, PROP.ids) ?? []];
  return ids.find((id) => /^CVE-\d{4}-\d+$/i.test(id))?.toUpperCase() ?? ids.find((id) => /^GHSA-/i.test(id))?.toLowerCase() ?? result2.ruleId ?? "";
}
function packageKey(pkg) {
  return (pkg?.name ?? "").toLowerCase().replace(/:/g, "/").trim();
}
function routeTemplate(url) {
  let path2 = url;
  try {
    path2 = new URL(url).pathname;
  } catch {
    path2 = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/[?#].*$/, "");
  }
  return path2.split("/").map((segment2) => /^\d+$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$|^[0-9a-f]{16,}$/i.test(segment2) ? "{id}" : segment2).join("/").replace(/\/+$/, "") || "/";
}
function imageName(reference) {
  const withoutDigest = reference.split("@")[0];
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
}
function primaryUri(run2, result2) {
  const artifact = result2.locations?.[0]?.physicalLocation?.artifactLocation;
  const uri = artifact?.uri ?? (artifact?.index !== void 0 ? run2.artifacts?.[artifact.index]?.location?.uri : void 0);
  const base = artifact?.uriBaseId ?? (artifact?.index !== void 0 ? run2.artifacts?.[artifact.index]?.location?.uriBaseId : void 0);
  return { uri, base, local: uri !== void 0 && (base === SRCROOT || base === void 0 && !/^[a-z][a-z0-9+.-]*:/i.test(uri)) };
}
async function eachLimited(items2, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items2.length) }, async () => {
    while (next < items2.length) await fn(items2[next++]);
  }));
}
var MAX_SOURCE_BYTES = 64 * 1024 * 1024;
function createSources(srcRoot) {
  return { read: /* @__PURE__ */ new Map(), outside: /* @__PURE__ */ new Set(), looked: /* @__PURE__ */ new Map(), folders: /* @__PURE__ */ new Map(), listed: /* @__PURE__ */ new Map(), reader: rootReader(srcRoot) };
}
async function readSources(batch, sources) {
  const { outside: outside2, looked, listed } = sources;
  const byFolder = /* @__PURE__ */ new Map();
  const present = [];
  for (const { run: run2, results } of batch) {
    for (const result2 of results) {
      const artifact = result2.locations?.[0]?.physicalLocation?.artifactLocation;
      const uri = artifact?.uri ?? (artifact?.index !== void 0 ? run2.artifacts?.[artifact.index]?.location?.uri : void 0);
      if (!uri) continue;
      const seen = looked.get(uri);
      if (seen === true || outside2.has(uri)) continue;
      const { base, local } = primaryUri(run2, result2);
      if (leavesRoot({ uri, uriBaseId: base })) {
        outside2.add(uri);
        continue;
      }
      if (!local) continue;
      const text22 = Boolean(result2.locations?.[0]?.physicalLocation?.region?.startLine);
      if (!text22 && seen !== void 0) continue;
      const path2 = decodeUri(uri);
      const slash = path2.lastIndexOf("/");
      const folder = slash < 0 ? "" : path2.slice(0, slash);
      const name2 = path2.slice(slash + 1);
      const listing = listed.get(folder);
      if (listing !== void 0) {
        settle(sources, uri, folder, name2, text22, listing, present);
        continue;
      }
      let entries = byFolder.get(folder);
      if (!entries) byFolder.set(folder, entries = /* @__PURE__ */ new Map());
      const entry = entries.get(uri);
      if (entry) entry.text ||= text22;
      else entries.set(uri, { name: name2, text: text22 });
    }
  }
  await eachLimited([...byFolder], 64, async ([folder, entries]) => {
    let listing = sources.folders.get(folder);
    if (!listing) sources.folders.set(folder, listing = listFolder(sources.reader, folder));
    const got = await listing ?? null;
    listed.set(folder, got);
    for (const [uri, { name: name2, text: text22 }] of entries) settle(sources, uri, folder, name2, text22, got, present);
  });
  await eachLimited(present, 64, (file) => readPresent(sources, file));
}
function settle(sources, uri, folder, name2, text22, listing, present) {
  const { looked, outside: outside2 } = sources;
  looked.set(uri, text22 || looked.get(uri) === true);
  if (listing === "outside") outside2.add(uri);
  if (!listing || listing === "outside") return;
  if (name2 === "" || name2 === "." || name2 === "..") return;
  const link = listing.get(name2);
  if (link !== void 0) present.push({ uri, path: folder ? `${folder}/${name2}` : name2, text: text22, link });
}
async function readPresent(sources, { uri, path: path2, text: text22, link }) {
  const { reader, outside: outside2, read: read2 } = sources;
  if (!text22) {
    const where4 = link ? await reader.locate(path2) : void 0;
    if (where4 && "refused" in where4 && where4.refused === "outside") outside2.add(uri);
    return;
  }
  const got = await reader.read(path2, { maxBytes: MAX_SOURCE_BYTES });
  if ("refused" in got) {
    if (got.refused === "outside") outside2.add(uri);
    return;
  }
  const content = got.data.toString("utf8");
  read2.set(uri, { lines: content.split(/\r\n|\r|\n/), hashes: lineHashesOf(content) });
}
async function listFolder(reader, folder) {
  const where4 = await reader.locate(folder || ".");
  if ("refused" in where4) return where4.refused === "outside" ? "outside" : void 0;
  return readdir(where4.real, { withFileTypes: true }).then((list22) => new Map(list22.map((d) => [d.name, d.isSymbolicLink()])), () => void 0);
}
async function identify(log2, options2) {
  await createIdentifier(options2).add(log2.runs.map((run2) => ({ run: run2, results: run2.results ?? [] })));
  return log2;
}
function createOccurrences() {
  const seen = /* @__PURE__ */ new Map();
  return (tool, key) => {
    let counts = seen.get(tool);
    if (!counts) seen.set(tool, counts = new KeyCounts());
    return counts.next(key);
  };
}
var HEX_KEY = /^[0-9a-f]{32}$/;
var KeyCounts = class {
  table = new KeyTable();
  other = /* @__PURE__ */ new Map();
  words = new Uint32Array(4);
  next(key) {
    if (HEX_KEY.test(key)) {
      hexWords(key, this.words, 0);
      return this.table.next(this.words, 0);
    }
    const n = (this.other.get(key) ?? 0) + 1;
    this.other.set(key, n);
    return n;
  }
};
var nopathCounter = (tool) => `nopath\0${tool}`;
function createIdentifier(options2) {
  const sources = createSources(options2.srcRoot);
  const keyer = options2.secrets ?? createSecretKeyer();
  const occurrence = createOccurrences();
  const keys = async (batch) => {
    await readSources(batch, sources);
    return keysOf(partsOf(batch, sources), keyer);
  };
  return {
    keys,
    async add(batch) {
      for (const entry of await keys(batch)) {
        setFingerprints(entry, String(occurrence(entry.tool, entry.key)), entry.nopath === void 0 ? void 0 : String(occurrence(nopathCounter(entry.tool), entry.nopath)));
      }
    }
  };
}
function partsOf(batch, sources) {
  const pending = [];
  for (const { run: run2, results } of batch) {
    for (const result2 of results) {
      if (result2.baselineState === "absent") continue;
      const rule = result2.message.text && (result2.ruleId ?? result2.rule?.id) !== void 0 ? void 0 : ruleOf(run2, result2);
      const tool = run2.tool.driver.name;
      const ruleId = result2.ruleId ?? result2.rule?.id ?? rule?.id ?? "(no rule)";
      const props = result2.properties ?? {};
      const region2 = result2.locations?.[0]?.physicalLocation?.region;
      const { uri, local } = primaryUri(run2, result2);
      const file = uri ? decodeUri(uri) : "";
      const pkg = prop(props, PROP.package);
      const image = prop(props, PROP.image);
      const dast = prop(props, PROP.dast);
      const startLine = region2?.startLine;
      const source = uri && local && startLine ? sources.read.get(uri) : void 0;
      const lines = source?.lines;
      if (uri && sources.outside.has(uri) && props[PROP.outsideRoot] === void 0) result2.properties = { ...result2.properties, [PROP.outsideRoot]: true };
      const aboutSecret = !pkg && dast?.url === void 0 && isAboutSecret(run2, result2);
      if (source && startLine && !aboutSecret && result2.partialFingerprints?.[LINE_HASH_KEY] === void 0) {
        const hash2 = source.hashes.get(startLine);
        if (hash2) result2.partialFingerprints = { ...result2.partialFingerprints, [LINE_HASH_KEY]: hash2 };
      }
      if (pkg && image?.reference) {
        pending.push({ result: result2, tool, parts: ["image", vulnerabilityId(result2), packageKey(pkg), imageName(image.reference)] });
      } else if (pkg) {
        pending.push({ result: result2, tool, parts: ["dependency", vulnerabilityId(result2), packageKey(pkg), file] });
      } else if (dast?.url !== void 0) {
        pending.push({ result: result2, tool, parts: ["dast", ruleId, (dast.method ?? "GET").toUpperCase(), routeTemplate(dast.url), dast.parameter ?? ""] });
      } else if (aboutSecret) {
        const flagged = lines && startLine ? lines[startLine - 1] : void 0;
        const own = prop(props, PROP.secretHash);
        const secret = own ?? (flagged !== void 0 ? secretHash(flagged.trim()) : secretHash(messageText(result2, rule)));
        pending.push({ result: result2, tool, parts: ["secret", ruleId, file], secret });
      } else if (lines && startLine && lines[startLine - 1] !== void 0) {
        const end = Math.min(region2?.endLine ?? startLine, startLine + 2);
        const window = codeWindow(lines.slice(startLine - 1, end));
        pending.push({ result: result2, tool, parts: ["code", tool, ruleId, file, window], nopath: ["code", tool, ruleId, window] });
      } else {
        pending.push({ result: result2, tool, parts: ["message", tool, ruleId, file, messageText(result2, rule).replace(/\d+/g, "#")] });
      }
    }
  }
  return pending;
}
async function keysOf(pending, keyer) {
  await keyer.prepare(pending.flatMap((entry) => entry.secret !== void 0 && UNKEYED_SECRET_HASH.test(entry.secret) ? [entry.secret] : []));
  return pending.map(({ result: result2, tool, parts, nopath, secret }) => {
    if (secret !== void 0) {
      const keyed = UNKEYED_SECRET_HASH.test(secret) ? keyer.rekey(secret) : secret;
      if (result2.properties?.[PROP.secretHash] !== void 0 && result2.properties[PROP.secretHash] !== keyed) result2.properties = { ...result2.properties, [PROP.secretHash]: keyed };
      parts.push(keyed);
    }
    return { result: result2, tool, key: digest(parts), nopath: nopath ? digest(nopath) : void 0, secret: secret !== void 0 };
  });
}
function setFingerprints({ result: result2, key, nopath, secret }, n, nopathN) {
  const fingerprints = { ...result2.partialFingerprints, [FINGERPRINT_KEY]: `${key}:${n}` };
  if (secret && fingerprints[LINE_HASH_KEY] === void 0) fingerprints[LINE_HASH_KEY] = `${key.slice(0, 16)}:${n}`;
  if (nopath !== void 0) fingerprints[FINGERPRINT_NOPATH_KEY] = `${nopath}:${nopathN}`;
  result2.partialFingerprints = fingerprints;
}
var SKIP_KEYS = /* @__PURE__ */ new Set([
  "$schema",
  "version",
  "semanticVersion",
  "dottedQuadFileVersion",
  "id",
  "ruleId",
  "uriBaseId",
  "guid",
  "correlationGuid",
  "baselineState",
  "kind",
  "level",
  "mimeType",
  "encoding",
  "language",
  "columnKind",
  "partialFingerprints",
  "fingerprints",
  "hashes",
  "name",
  "fullName",
  "fullyQualifiedName",
  "decoratedName",
  "tags",
  "startTimeUtc",
  "endTimeUtc",
  "timeUtc",
  "redactionTokens",
  "rank",
  "ruleIndex",
  "index",
  "parentIndex"
]);
var URI_KEYS = /* @__PURE__ */ new Set(["uri", "helpUri", "informationUri", "downloadUri", "repositoryUri", "targetUri"]);
var IDENTITY_PROPERTY = /fingerprint|hash$|digest|checksum|integrity|purl|^tags$|(?:^|\/)(?:key|ids?|uid|guid|cwe|cves?)$/i;
var CREDENTIAL_NAME = /^(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key|x-auth-token|api-key)$|token|passw|secret|api[-_]?key|credential|private[-_]?key/i;
var MIN_PROPAGATED_LENGTH = 8;
var MAX_SCRUB_BYTES = 256 * 1024 * 1024;
var PLACEHOLDER_ARG = /^\{\d+\}$/;
function scrub(text22, context) {
  let clean = redactText(context.known.length ? replaceAll(text22, context.known) : text22, context.found);
  if (context.secret) clean = shortenMasks(maskQuotedValues(clean, context.found));
  if (clean !== text22) context.changed = true;
  return clean;
}
function scrubArgument(arg, context) {
  if (context.secret && !/\s/.test(arg) && arg.length >= 4 && !/[\\/]/.test(arg) && !PLACEHOLDER_ARG.test(arg) && arg !== REDACTED) {
    context.found.add(arg);
    context.changed = true;
    return REDACTED;
  }
  return scrub(arg, context);
}
function scrubBinary(base64, context) {
  const text22 = Buffer.from(base64, "base64").toString("utf8");
  const clean = scrub(text22, context);
  return clean === text22 ? base64 : Buffer.from(clean, "utf8").toString("base64");
}
function walk(value, context, mode) {
  if (typeof value === "string") return scrub(value, context);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], context, mode);
    return value;
  }
  if (typeof value === "object" && value !== null) walkObject(value, context, mode);
  return value;
}
function walkObject(bag, context, mode, except) {
  for (const key in bag) {
    const item = bag[key];
    if (item === void 0 || item === null || typeof item === "number" || typeof item === "boolean" || except?.has(key)) continue;
    if (key === PROP.secretHash) {
      if (typeof item === "string" && UNKEYED_SECRET_HASH.test(item)) context.unkeyed.push({ bag, key });
      continue;
    }
    if (mode === "sarif" ? SKIP_KEYS.has(key) : mode === "properties" && IDENTITY_PROPERTY.test(key)) continue;
    if (typeof item === "string") {
      let clean;
      if (mode === "credentials" && CREDENTIAL_NAME.test(key) && item !== "" && item !== REDACTED) {
        context.found.add(item);
        clean = REDACTED;
      } else if (mode === "sarif" && URI_KEYS.has(key)) clean = redactShapes(item, context.found);
      else if (mode === "sarif" && key === "binary") clean = scrubBinary(item, context);
      else clean = scrub(item, context);
      if (clean !== item) {
        bag[key] = clean;
        context.changed = true;
      }
      continue;
    }
    if (context.secret && mode === "sarif" && key === "snippet") {
      delete bag[key];
      context.changed = true;
      continue;
    }
    if (mode === "sarif" && key === "arguments" && Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) if (typeof item[i] === "string") item[i] = scrubArgument(item[i], context);
      continue;
    }
    walk(item, context, key === "properties" ? "properties" : key === "environmentVariables" || key === "headers" ? "credentials" : mode);
  }
}
function replaceFound(value, values, mode) {
  if (typeof value === "string") return replaceAll(value, values);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = replaceFound(value[i], values, mode);
    return value;
  }
  if (typeof value !== "object" || value === null) return value;
  const bag = value;
  for (const key of Object.keys(bag)) {
    const item = bag[key];
    if (item === void 0 || item === null || typeof item === "number" || typeof item === "boolean" || key === PROP.secretHash) continue;
    if (mode === "sarif" ? SKIP_KEYS.has(key) || URI_KEYS.has(key) : mode === "properties" && IDENTITY_PROPERTY.test(key)) continue;
    if (typeof item === "string") bag[key] = replaceAll(item, values);
    else replaceFound(item, values, key === "properties" ? "properties" : mode);
  }
  return value;
}
function replaceAll(text22, values) {
  let out = text22;
  for (const value of values) if (out.includes(value)) out = out.split(value).join(REDACTED);
  return out;
}
var NOT_RULES = /* @__PURE__ */ new Set(["rules"]);
var NOT_RESULTS_OR_TOOL = /* @__PURE__ */ new Set(["results", "tool"]);
var NOT_RUNS = /* @__PURE__ */ new Set(["runs"]);
function runRedaction(run2, state, options2 = {}) {
  const category = run2.properties?.[PROP.category] ?? options2.category ?? categoryOf(run2, { message: {} });
  const secretRun = category === "secrets";
  const context = (secret) => ({ secret, found: state.found, known: state.known, changed: false, unkeyed: state.unkeyed });
  const components = [run2.tool.driver, ...run2.tool.extensions ?? []];
  const secretArtifacts = /* @__PURE__ */ new Set();
  return {
    rules() {
      for (const rule of components.flatMap((component) => component.rules ?? [])) walk(rule, context(secretRun || isSecretRule(rule)), "sarif");
    },
    result(result2) {
      const secret = secretRun || isAboutSecret(run2, result2);
      const ctx = context(secret);
      walkObject(result2, ctx, "sarif");
      if (ctx.changed) result2.properties = { ...result2.properties, [PROP.redacted]: true };
      if (secret) for (const artifact of artifactsOf(result2)) secretArtifacts.add(artifact);
    },
    rest(members2) {
      const has = (key) => !members2 || members2.has(key);
      if (has("artifacts")) {
        run2.artifacts?.forEach((artifact, index) => {
          if (artifact.contents && (secretArtifacts.has(index) || artifact.location?.uri !== void 0 && secretArtifacts.has(artifact.location.uri))) delete artifact.contents;
        });
      }
      if (has("tool")) for (const component of components) walkObject(component, context(secretRun), "sarif", NOT_RULES);
      const except = members2 ? /* @__PURE__ */ new Set([...Object.keys(run2).filter((key) => !members2.has(key)), ...NOT_RESULTS_OR_TOOL]) : NOT_RESULTS_OR_TOOL;
      walkObject(run2, context(secretRun), "sarif", except);
    }
  };
}
function redactRun(run2, state, options2) {
  const redaction = runRedaction(run2, state, options2);
  redaction.rules();
  for (const result2 of run2.results ?? []) redaction.result(result2);
  redaction.rest();
}
function artifactsOf(result2) {
  const out = [];
  for (const location2 of [...result2.locations ?? [], ...result2.relatedLocations ?? []]) {
    const artifact = location2.physicalLocation?.artifactLocation;
    if (artifact?.index !== void 0) out.push(artifact.index);
    if (artifact?.uri !== void 0) out.push(artifact.uri);
  }
  return out;
}
async function redactLog(log2, keyer, found = /* @__PURE__ */ new Set(), options2 = {}) {
  const before = new Set(found);
  const state = { found, known: propagated(found), unkeyed: [] };
  for (const run2 of log2.runs ?? []) redactRun(run2, state, options2);
  walkObject(log2, { secret: false, found, known: state.known, changed: false, unkeyed: state.unkeyed }, "sarif", NOT_RUNS);
  const fresh = propagated(found).filter((value) => !before.has(value));
  if (fresh.length) for (const run2 of log2.runs ?? []) replaceFound(run2, fresh, "sarif");
  await keyUnkeyed(state.unkeyed, keyer);
}
async function keyUnkeyed(unkeyed, keyer) {
  if (!unkeyed.length) return;
  await keyer.prepare(unkeyed.map(({ bag, key }) => bag[key]));
  for (const { bag, key } of unkeyed) bag[key] = keyer.rekey(bag[key]);
  unkeyed.length = 0;
}
function propagated(found) {
  return [...found].filter((value) => value.length >= MIN_PROPAGATED_LENGTH && value !== REDACTED).sort((a, b) => b.length - a.length);
}
function spellings(value) {
  const json2 = JSON.stringify(value).slice(1, -1);
  const xml22 = value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  return [.../* @__PURE__ */ new Set([value, json2, xml22])];
}
function parses(json2) {
  try {
    JSON.parse(json2);
    return true;
  } catch {
    return false;
  }
}
function createRedactor(keying = {}, keyer = createSecretKeyer(keying)) {
  const found = /* @__PURE__ */ new Set();
  return {
    keyer,
    found,
    log: (log2, options2) => redactLog(log2, keyer, found, options2),
    finish(log2) {
      const values = propagated(found);
      if (values.length) for (const run2 of log2.runs ?? []) replaceFound(run2, values, "sarif");
    },
    text: (text22) => redactText(text22, found),
    remember(values) {
      for (const value of values) found.add(value);
    },
    async file(path2) {
      const size = await stat2(path2).then((s) => s.size, () => void 0);
      if (size === void 0 || size > MAX_SCRUB_BYTES) return;
      const text22 = await readFile(path2, "utf8");
      let clean = redactShapes(text22);
      if (clean !== text22 && /\.(?:json|sarif)$/i.test(path2) && !parses(clean) && parses(text22)) clean = text22;
      clean = replaceAll(clean, propagated(found).flatMap(spellings));
      const hashes = [...new Set(clean.match(/hmac-sha256:[0-9a-f]{32}/g) ?? [])];
      if (hashes.length) {
        await keyer.prepare(hashes);
        for (const hash2 of hashes) clean = clean.split(hash2).join(keyer.rekey(hash2));
      }
      if (clean !== text22) await writeFile(path2, clean);
    }
  };
}
var propertyBag = external_exports.looseObject({ tags: external_exports.array(external_exports.string()).optional() });
var text = external_exports.string();
var message = external_exports.looseObject({ text: text.optional(), markdown: text.optional(), id: text.optional(), arguments: external_exports.array(text).optional() }).refine((m) => m.text !== void 0 || m.id !== void 0, 'a message needs "text" or "id"');
var multiformat = external_exports.looseObject({ text, markdown: text.optional() });
var stringMap = external_exports.record(external_exports.string(), external_exports.string({ error: "must be a string" }));
var artifactLocation = external_exports.looseObject({
  uri: external_exports.string().optional(),
  uriBaseId: external_exports.string().optional(),
  index: external_exports.number().int().min(-1).optional(),
  description: message.optional()
});
var endsAfterStart = (r) => typeof r.startLine !== "number" || typeof r.endLine !== "number" || r.endLine >= r.startLine;
var region = external_exports.looseObject({
  startLine: external_exports.number().int().min(1).optional(),
  startColumn: external_exports.number().int().min(1).optional(),
  endLine: external_exports.number().int().min(1).optional(),
  endColumn: external_exports.number().int().min(1).optional(),
  charOffset: external_exports.number().int().min(-1).optional(),
  charLength: external_exports.number().int().min(0).optional(),
  byteOffset: external_exports.number().int().min(-1).optional(),
  byteLength: external_exports.number().int().min(0).optional()
}).refine(endsAfterStart, { message: "endLine is before startLine", path: ["endLine"] });
var physicalLocation = external_exports.looseObject({
  artifactLocation: artifactLocation.optional(),
  region: region.optional(),
  contextRegion: region.optional()
});
var location = external_exports.looseObject({
  id: external_exports.number().int().min(-1).optional(),
  physicalLocation: physicalLocation.optional(),
  logicalLocations: external_exports.array(external_exports.looseObject({})).optional(),
  message: message.optional()
});
var fix = external_exports.looseObject({
  description: message.optional(),
  artifactChanges: external_exports.array(
    external_exports.looseObject({ artifactLocation, replacements: external_exports.array(external_exports.looseObject({ deletedRegion: region })).min(1) })
  ).min(1)
});
var suppression = external_exports.looseObject({
  kind: external_exports.enum(["inSource", "external"]),
  status: external_exports.enum(["accepted", "underReview", "rejected"]).optional(),
  justification: external_exports.string().optional()
});
var result = external_exports.strictObject({
  ruleId: external_exports.string().optional(),
  ruleIndex: external_exports.number().int().min(-1).optional(),
  rule: external_exports.looseObject({}).optional(),
  kind: external_exports.enum(["notApplicable", "pass", "fail", "review", "open", "informational"]).optional(),
  level: external_exports.enum(["none", "note", "warning", "error"]).optional(),
  message,
  analysisTarget: artifactLocation.optional(),
  locations: external_exports.array(location).optional(),
  guid: external_exports.string().optional(),
  correlationGuid: external_exports.string().optional(),
  occurrenceCount: external_exports.number().int().min(1).optional(),
  partialFingerprints: stringMap.optional(),
  fingerprints: stringMap.optional(),
  stacks: external_exports.array(external_exports.looseObject({})).optional(),
  codeFlows: external_exports.array(external_exports.looseObject({})).optional(),
  graphs: external_exports.array(external_exports.looseObject({})).optional(),
  graphTraversals: external_exports.array(external_exports.looseObject({})).optional(),
  relatedLocations: external_exports.array(location).optional(),
  suppressions: external_exports.array(suppression).optional(),
  baselineState: external_exports.enum(["new", "unchanged", "updated", "absent"]).optional(),
  rank: external_exports.number().min(-1).max(100).optional(),
  attachments: external_exports.array(external_exports.looseObject({})).optional(),
  hostedViewerUri: external_exports.string().optional(),
  workItemUris: external_exports.array(external_exports.string()).optional(),
  provenance: external_exports.looseObject({}).optional(),
  fixes: external_exports.array(fix).optional(),
  taxa: external_exports.array(external_exports.looseObject({})).optional(),
  webRequest: external_exports.looseObject({}).optional(),
  webResponse: external_exports.looseObject({}).optional(),
  properties: propertyBag.optional()
});
var reportingDescriptor = external_exports.looseObject({
  id: external_exports.string(),
  name: external_exports.string().optional(),
  shortDescription: multiformat.optional(),
  fullDescription: multiformat.optional(),
  help: multiformat.optional(),
  helpUri: external_exports.string().optional(),
  properties: propertyBag.optional()
});
var toolComponent = external_exports.looseObject({
  name: external_exports.string().min(1, "the tool needs a name"),
  version: external_exports.string().optional(),
  semanticVersion: external_exports.string().optional(),
  rules: external_exports.array(reportingDescriptor).optional()
});
var run = external_exports.strictObject({
  tool: external_exports.looseObject({ driver: toolComponent, extensions: external_exports.array(toolComponent).optional() }),
  invocations: external_exports.array(external_exports.looseObject({ executionSuccessful: external_exports.boolean() })).optional(),
  conversion: external_exports.looseObject({}).optional(),
  language: external_exports.string().optional(),
  versionControlProvenance: external_exports.array(external_exports.looseObject({ repositoryUri: external_exports.string() })).optional(),
  originalUriBaseIds: external_exports.record(external_exports.string(), artifactLocation).optional(),
  artifacts: external_exports.array(external_exports.looseObject({})).optional(),
  logicalLocations: external_exports.array(external_exports.looseObject({})).optional(),
  graphs: external_exports.array(external_exports.looseObject({})).optional(),
  results: external_exports.array(result).nullable().optional(),
  automationDetails: external_exports.looseObject({ id: external_exports.string().optional() }).optional(),
  runAggregates: external_exports.array(external_exports.looseObject({})).optional(),
  baselineGuid: external_exports.string().optional(),
  redactionTokens: external_exports.array(external_exports.string()).optional(),
  defaultEncoding: external_exports.string().optional(),
  defaultSourceLanguage: external_exports.string().optional(),
  newlineSequences: external_exports.array(external_exports.string()).optional(),
  columnKind: external_exports.enum(["utf16CodeUnits", "unicodeCodePoints"]).optional(),
  externalPropertyFileReferences: external_exports.looseObject({}).optional(),
  threadFlowLocations: external_exports.array(external_exports.looseObject({})).optional(),
  taxonomies: external_exports.array(toolComponent).optional(),
  addresses: external_exports.array(external_exports.looseObject({})).optional(),
  translations: external_exports.array(toolComponent).optional(),
  policies: external_exports.array(toolComponent).optional(),
  webRequests: external_exports.array(external_exports.looseObject({})).optional(),
  webResponses: external_exports.array(external_exports.looseObject({})).optional(),
  specialLocations: external_exports.looseObject({}).optional(),
  properties: propertyBag.optional()
});
var log = external_exports.strictObject({
  $schema: external_exports.string().optional(),
  version: external_exports.literal("2.1.0", { error: 'must be "2.1.0" (only SARIF 2.1.0 is supported)' }),
  runs: external_exports.array(run).nullable(),
  inlineExternalProperties: external_exports.array(external_exports.looseObject({})).optional(),
  properties: propertyBag.optional()
});
var CLOSED_MEMBERS = {
  log: Object.keys(log.shape),
  run: Object.keys(run.shape),
  result: Object.keys(result.shape)
};
function formatIssuePath(path2) {
  let out = "";
  for (const key of path2) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var isString = (v) => typeof v === "string";
var intFrom = (min) => (v) => Number.isSafeInteger(v) && v >= min;
var arrayOf = (item) => (v) => Array.isArray(v) && v.every(item);
var oneOf = (...values) => (v) => values.includes(v);
var shape = (members2, closed = false) => {
  const known = Object.assign(/* @__PURE__ */ Object.create(null), members2);
  return (v) => {
    if (!isObject(v)) return false;
    for (const key in v) {
      const check = known[key];
      if (check ? !check(v[key]) : closed) return false;
    }
    return true;
  };
};
var messageMembers = shape({ text: isString, markdown: isString, id: isString, arguments: arrayOf(isString) });
var fastMessage = (v) => messageMembers(v) && (v.text !== void 0 || v.id !== void 0);
var regionMembers = shape(Object.fromEntries(["startLine", "startColumn", "endLine", "endColumn"].map((k) => [k, intFrom(1)]).concat([["charOffset", intFrom(-1)], ["charLength", intFrom(0)], ["byteOffset", intFrom(-1)], ["byteLength", intFrom(0)]])));
var fastRegion = (v) => regionMembers(v) && endsAfterStart(v);
var fastLocation = shape({
  id: intFrom(-1),
  physicalLocation: shape({ artifactLocation: shape({ uri: isString, uriBaseId: isString, index: intFrom(-1), description: fastMessage }), region: fastRegion, contextRegion: fastRegion }),
  logicalLocations: arrayOf(isObject),
  message: fastMessage
});
var stringRecord = (v) => isObject(v) && Object.values(v).every(isString);
var fastResultMembers = shape(
  {
    ruleId: isString,
    ruleIndex: intFrom(-1),
    rule: isObject,
    kind: oneOf("notApplicable", "pass", "fail", "review", "open", "informational"),
    level: oneOf("none", "note", "warning", "error"),
    message: fastMessage,
    locations: arrayOf(fastLocation),
    relatedLocations: arrayOf(fastLocation),
    guid: isString,
    correlationGuid: isString,
    partialFingerprints: stringRecord,
    fingerprints: stringRecord,
    codeFlows: arrayOf(isObject),
    stacks: arrayOf(isObject),
    baselineState: oneOf("new", "unchanged", "updated", "absent"),
    properties: (v) => isObject(v) && (v.tags === void 0 || arrayOf(isString)(v.tags))
  },
  true
);
var fastResult = (v) => fastResultMembers(v) && v.message !== void 0;
function frameOnly(data) {
  const runs = data.runs;
  if (!Array.isArray(runs)) return void 0;
  const frame = [];
  for (const run2 of runs) {
    if (!isObject(run2)) return void 0;
    if (run2.results === void 0 || run2.results === null) {
      frame.push(run2);
      continue;
    }
    if (!Array.isArray(run2.results)) return void 0;
    for (const result2 of run2.results) if (!fastResult(result2)) return void 0;
    frame.push({ ...run2, results: [] });
  }
  return { ...data, runs: frame };
}
function checkSarifLog(data, file) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new InputError('is not SARIF: expected a JSON object with "version" and "runs"', { file });
  }
  const frame = frameOnly(data);
  if (frame && log.safeParse(frame).success) return data;
  const parsed = log.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where4 = formatIssuePath(issue.path);
      if (issue.code === "unrecognized_keys") return `${where4}: unknown ${issue.keys.length > 1 ? "properties" : "property"} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
      return `${where4}: ${issue.message}`;
    });
    const shown = problems.slice(0, 3).join("; ");
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : "";
    throw new InputError(`is not valid SARIF 2.1.0: ${shown}${more}`, { file });
  }
  return data;
}
var JsonSyntaxError = class extends Error {
  constructor(message2, offset) {
    super(message2);
    this.offset = offset;
  }
  offset;
  name = "JsonSyntaxError";
};
var NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
var LITERALS = { true: true, false: false, null: null };
var DEFAULT_MAX_DEPTH = 1e3;
var JsonStreamParser = class {
  state = 0;
  stack = [];
  maxDepth;
  offset = 0;
  /** Pieces of the string or number being read, and whether the string holds escapes. */
  parts = [];
  partStart = -1;
  escaped = false;
  inEscape = false;
  tokenStart = 0;
  stringIsKey = false;
  literal = "";
  /** Top-level values read so far. */
  values = [];
  constructor(options2 = {}) {
    this.maxDepth = options2.maxDepth ?? DEFAULT_MAX_DEPTH;
  }
  fail(message2, at = this.offset) {
    throw new JsonSyntaxError(message2, at);
  }
  push(value) {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      this.values.push(value);
    } else if (top.array) {
      top.array.push(value);
    } else {
      setKey(top.object, top.key, value);
      top.key = void 0;
    }
    this.state = 1;
  }
  open(frame, value) {
    if (this.stack.length >= this.maxDepth) this.fail(`nests deeper than ${this.maxDepth} levels`);
    const top = this.stack[this.stack.length - 1];
    if (!top) this.values.push(value);
    else if (top.array) top.array.push(value);
    else {
      setKey(top.object, top.key, value);
      top.key = void 0;
    }
    this.stack.push(frame);
  }
  takeToken(chunk, end) {
    if (this.partStart >= 0 && end > this.partStart) this.parts.push(chunk.subarray(this.partStart, end));
    const raw = this.parts.length === 1 ? this.parts[0].toString("utf8") : Buffer.concat(this.parts).toString("utf8");
    this.parts = [];
    this.partStart = -1;
    return raw;
  }
  write(chunk) {
    const length = chunk.length;
    if (this.state === 5 || this.state === 6 || this.state === 7) this.partStart = 0;
    for (let i = 0; i < length; i++, this.offset++) {
      const c = chunk[i];
      switch (this.state) {
        case 5: {
          if (this.inEscape) {
            this.inEscape = false;
          } else if (c === 92) {
            this.inEscape = true;
            this.escaped = true;
          } else if (c === 34) {
            const raw = this.takeToken(chunk, i);
            let text22;
            try {
              text22 = this.escaped ? JSON.parse(`"${raw}"`) : raw;
            } catch {
              this.fail("has an invalid escape in a string", this.tokenStart);
            }
            if (this.stringIsKey) {
              this.stack[this.stack.length - 1].key = text22;
              this.state = 4;
            } else {
              this.push(text22);
            }
          } else if (c < 32) {
            this.fail(c === 10 ? "has a line break inside a string (unterminated string?)" : "has a control character inside a string");
          }
          continue;
        }
        case 6: {
          if (c >= 48 && c <= 57 || c === 46 || c === 45 || c === 43 || c === 101 || c === 69) continue;
          const raw = this.takeToken(chunk, i);
          if (!NUMBER.test(raw)) this.fail(`has an invalid number "${raw.slice(0, 40)}"`, this.tokenStart);
          this.push(Number(raw));
          break;
        }
        case 7: {
          if (c >= 97 && c <= 122) {
            this.literal += String.fromCharCode(c);
            if (this.literal.length > 5) this.fail(`has an unexpected word "${this.literal}\u2026"`, this.tokenStart);
            continue;
          }
          if (!(this.literal in LITERALS)) this.fail(`has an unexpected word "${this.literal}"`, this.tokenStart);
          this.push(LITERALS[this.literal]);
          break;
        }
      }
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      switch (this.state) {
        case 0:
        case 2:
        case 3: {
          if (this.state !== 0) {
            if (c === 125 && this.state === 2) {
              this.stack.pop();
              this.state = 1;
              continue;
            }
            if (c !== 34) this.fail(`expected a property name in double quotes, found ${describe(c)}`);
            this.beginString(i, true);
            continue;
          }
          if (c === 123) {
            const object = {};
            this.open({ object, key: void 0 }, object);
            this.state = 2;
          } else if (c === 91) {
            const array = [];
            this.open({ array }, array);
            this.state = 0;
            this.arrayJustOpened = true;
            continue;
          } else if (c === 93 && this.arrayJustOpened) {
            this.stack.pop();
            this.state = 1;
          } else if (c === 34) {
            this.beginString(i, false);
          } else if (c === 45 || c >= 48 && c <= 57) {
            this.state = 6;
            this.tokenStart = this.offset;
            this.partStart = i;
          } else if (c >= 97 && c <= 122) {
            this.state = 7;
            this.tokenStart = this.offset;
            this.literal = String.fromCharCode(c);
          } else {
            this.fail(`expected a value, found ${describe(c)}`);
          }
          this.arrayJustOpened = false;
          continue;
        }
        case 4:
          if (c !== 58) this.fail(`expected ":" after a property name, found ${describe(c)}`);
          this.state = 0;
          this.arrayJustOpened = false;
          continue;
        case 1: {
          const top = this.stack[this.stack.length - 1];
          if (!top) {
            this.state = 0;
            this.arrayJustOpened = false;
            i--;
            this.offset--;
            continue;
          }
          if (c === 44) {
            this.state = top.array ? 0 : 3;
            this.arrayJustOpened = false;
          } else if (c === 93 && top.array) {
            this.stack.pop();
          } else if (c === 125 && top.object) {
            this.stack.pop();
          } else {
            this.fail(`expected "," or "${top.array ? "]" : "}"}", found ${describe(c)}`);
          }
          continue;
        }
      }
    }
    if (this.state === 5 || this.state === 6) {
      if (this.partStart >= 0 && this.partStart < length) this.parts.push(Buffer.from(chunk.subarray(this.partStart)));
      this.partStart = -1;
    }
  }
  arrayJustOpened = false;
  beginString(i, isKey) {
    this.state = 5;
    this.stringIsKey = isKey;
    this.escaped = false;
    this.inEscape = false;
    this.tokenStart = this.offset;
    this.partStart = i + 1;
    this.parts = [];
  }
  /** Finishes the document; returns the top-level values (one for JSON, several for JSON Lines). */
  end() {
    if (this.state === 6) {
      const raw = this.takeToken(Buffer.alloc(0), 0);
      if (!NUMBER.test(raw)) this.fail(`has an invalid number "${raw.slice(0, 40)}"`, this.tokenStart);
      this.push(Number(raw));
    } else if (this.state === 7) {
      if (!(this.literal in LITERALS)) this.fail(`has an unexpected word "${this.literal}"`, this.tokenStart);
      this.push(LITERALS[this.literal]);
    }
    if (this.state === 5) this.fail("is truncated: a string is not closed", this.tokenStart);
    if (this.stack.length > 0 || this.state !== 1) {
      if (this.values.length === 0 && this.stack.length === 0) this.fail("holds no JSON value");
      this.fail("is truncated: the JSON ends before it is complete");
    }
    return this.values;
  }
};
function setKey(object, key, value) {
  if (key === "__proto__") Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}
function describe(c) {
  if (c >= 33 && c <= 126) return `"${String.fromCharCode(c)}"`;
  return `byte 0x${c.toString(16).padStart(2, "0")}`;
}
var ChunkedJsonUnreadable = class extends Error {
  name = "ChunkedJsonUnreadable";
};
var ChunkedJsonTooDeep = class extends Error {
  constructor(offset) {
    super(`nests deeper than the limit at byte ${offset}`);
    this.offset = offset;
  }
  offset;
  name = "ChunkedJsonTooDeep";
};
var ChunkedJsonOffSpine = class extends Error {
  name = "ChunkedJsonOffSpine";
};
var QUOTE = 34;
var BACKSLASH = 92;
function setMember(target, key, value) {
  if (key === "__proto__") Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
function parseSlice(text22) {
  try {
    return JSON.parse(text22);
  } catch {
    throw new ChunkedJsonUnreadable("a piece of the document is not valid JSON");
  }
}
var isSpace = (c) => c === 32 || c === 10 || c === 13 || c === 9;
function memberRange(window, from, to, afterMember, valueFollows = false) {
  let a = from;
  let b = to;
  while (a < b && isSpace(window[a])) a++;
  while (b > a && isSpace(window[b - 1])) b--;
  if (a === b) {
    if (afterMember && valueFollows) throw new ChunkedJsonUnreadable("a missing comma");
    return void 0;
  }
  const comma = window[a] === 44;
  if (comma !== afterMember) throw new ChunkedJsonUnreadable(comma ? "a comma where a value belongs" : "a missing comma");
  if (comma) {
    a++;
    while (a < b && isSpace(window[a])) a++;
    if (a === b && !valueFollows) throw new ChunkedJsonUnreadable("a comma with no value after it");
  }
  return a === b ? void 0 : [a, b];
}
function members(window, from, to, afterMember, valueFollows = false) {
  const range = memberRange(window, from, to, afterMember, valueFollows);
  return range ? window.toString("utf8", range[0], range[1]) : "";
}
var ChunkedJsonScanner = class {
  constructor(options2, spine) {
    this.options = options2;
    this.spine = spine;
    this.base = options2.start;
  }
  options;
  spine;
  values = [];
  stack = [];
  /**
   * The containers open inside an element of a sink, by their opening bracket: such an element is never built
   * here (its bytes are handed out whole), so it needs no Frame; a Frame per container of a million results
   * was 700 MB of garbage, and the collector marking the reading thread's heap every few batches.
   */
  opaque = new Uint8Array(64);
  opaqueDepth = 0;
  /** The memory the window lies in (from its start). */
  store = Buffer.alloc(0);
  /** The bytes not yet consumed; window[0] is at file offset `base`. */
  window = Buffer.alloc(0);
  /** Absolute file offset of window[0]. */
  base;
  pos = 0;
  events = [];
  /** The events since the last call (only with a spine). */
  take() {
    const events = this.events;
    this.events = [];
    return events;
  }
  /** Reads the next chunk of the file. */
  push(chunk) {
    const { store, at } = this.room(chunk.length);
    chunk.copy(store, at);
    this.filled(chunk.length);
  }
  /**
   * Makes room for up to `length` more bytes after what is still needed, and says where they go: the caller
   * reads them there, then calls filled(). The window's memory is reused from chunk to chunk (a buffer per
   * chunk, and another to join it to the rest, made the collector mark the heap every few megabytes).
   */
  room(length) {
    const stack = this.stack;
    let keep;
    if (stack.length) {
      const deepest = this.materialize();
      keep = Math.min(deepest.pending, this.pos);
      for (const frame of stack) {
        if (frame.value === void 0) frame.start -= keep;
        if (frame.pending >= 0) frame.pending -= keep;
        if (frame.lastComma >= 0) frame.lastComma -= keep;
      }
    } else {
      keep = this.pos;
    }
    const kept = this.window.length - keep;
    if (kept + length > this.store.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.store.length, kept + length));
      this.window.copy(grown, 0, keep);
      this.store = grown;
    } else {
      this.store.copyWithin(0, keep, this.window.length);
    }
    this.window = this.store.subarray(0, kept);
    this.base += keep;
    this.pos -= keep;
    return { store: this.store, at: kept };
  }
  /** Takes the `length` bytes read where room() said. */
  filled(length) {
    this.window = this.store.subarray(0, this.window.length + length);
    this.scan(false);
  }
  /** The top-level values, once the whole file was pushed. */
  finish() {
    this.scan(true);
    if (this.stack.length || this.opaqueDepth) throw new ChunkedJsonUnreadable("the document is truncated");
    return this.values;
  }
  /** Parses the complete members of a frame in [from, to); up to a comma (`toComma`) there must be one, or one taken just before ("[,1]" has none). */
  addMembers(frame, from, to, toComma) {
    const range = memberRange(this.window, from, to, frame.afterMember);
    if (!range) {
      if (toComma && !frame.afterMember) throw new ChunkedJsonUnreadable("a comma with no value before it");
      return;
    }
    if (frame.spine?.sink) {
      const [a, b] = range;
      const items2 = new Uint8Array(b - a + 2);
      items2[0] = 91;
      this.window.copy(items2, 1, a, b);
      items2[b - a + 1] = 93;
      this.events.push({ type: "items", name: frame.spine.name ?? "", items: items2 });
      return;
    }
    const text22 = this.window.toString("utf8", range[0], range[1]);
    if (frame.array) {
      const items2 = parseSlice(`[${text22}]`);
      const target = frame.value;
      for (const item of items2) target.push(item);
    } else {
      const parsed = parseSlice(`{${text22}}`);
      const target = frame.value;
      for (const key of Object.keys(parsed)) setMember(target, key, parsed[key]);
    }
  }
  attach(parent, value) {
    if (!parent) this.values.push(value);
    else if (parent.array) parent.value.push(value);
    else setMember(parent.value, parent.key, value);
  }
  /**
   * Turns every open frame into a container, outermost first, so the window before the innermost one can go;
   * an element of a sink open has no frame (it stays bytes). Returns the deepest frame built.
   */
  materialize() {
    const stack = this.stack;
    const window = this.window;
    const depth = stack.length;
    for (let d = 0; d < stack.length; d++) {
      const frame = stack[d];
      const parent = stack[d - 1];
      if (frame.value !== void 0) continue;
      if (parent) {
        const from = parent.pending;
        const split = parent.lastComma >= from;
        if (split) this.addMembers(parent, from, parent.lastComma, true);
        if (!parent.array) {
          const head = members(window, split ? parent.lastComma : from, frame.start, split || parent.afterMember, true);
          const colon = head.lastIndexOf(":");
          if (colon < 0) throw new ChunkedJsonUnreadable("an object member has no key");
          const key = parseSlice(head.slice(0, colon));
          if (typeof key !== "string") throw new ChunkedJsonUnreadable("an object key is not a string");
          if (parent.spine?.members?.[key] && Object.hasOwn(parent.value, key)) throw new ChunkedJsonOffSpine(`"${key}" is named twice`);
          parent.key = key;
        } else if (members(window, split ? parent.lastComma : from, frame.start, split || parent.afterMember, true) !== "") {
          throw new ChunkedJsonUnreadable("a value before an array element");
        }
        parent.pending = -1;
        parent.lastComma = -1;
      }
      frame.value = frame.array ? [] : {};
      this.attach(parent, frame.value);
      frame.pending = frame.start + 1;
      frame.afterMember = false;
    }
    const innermost = stack[depth - 1];
    if (innermost.lastComma >= innermost.pending) {
      this.addMembers(innermost, innermost.pending, innermost.lastComma, true);
      innermost.pending = innermost.lastComma;
      innermost.lastComma = -1;
      innermost.afterMember = true;
    }
    return innermost;
  }
  /** A container opening under a spine container: built now, so its members are followed (or handed out) as they come. */
  enterSpine(frame, parent) {
    if (!parent && this.values.length) throw new ChunkedJsonOffSpine("more than one top-level value");
    this.materialize();
    const node = !parent ? this.spine : parent.array ? parent.spine.items : parent.spine.members?.[parent.key];
    if (!node) return;
    if (node.array !== frame.array) throw new ChunkedJsonOffSpine(`expected ${node.array ? "an array" : "an object"}${node.name ? ` for ${node.name}` : ""}`);
    frame.spine = node;
    if (node.name) this.events.push({ type: "open", name: node.name, value: frame.value, ...parent ? { parent: { value: parent.value, keys: Object.keys(parent.value) } } : {} });
  }
  onClose(frame, at) {
    const parent = this.stack.at(-1);
    if (frame.value !== void 0) {
      this.addMembers(frame, frame.pending, at, false);
      if (parent) {
        parent.pending = at + 1;
        parent.lastComma = -1;
        parent.afterMember = true;
      }
      if (frame.spine?.name) this.events.push({ type: "close", name: frame.spine.name, value: frame.value });
    } else if (!parent) {
      this.values.push(parseSlice(this.window.toString("utf8", frame.start, at + 1)));
    }
  }
  /** A container opened inside an element of a sink: only its kind is kept, to match its closing bracket. */
  openOpaque(bracket) {
    if (this.opaqueDepth === this.opaque.length) {
      const grown = new Uint8Array(2 * this.opaque.length);
      grown.set(this.opaque);
      this.opaque = grown;
    }
    this.opaque[this.opaqueDepth++] = bracket;
  }
  scan(final) {
    const buf = this.window;
    const stack = this.stack;
    const end = buf.length;
    let i = this.pos;
    while (i < end) {
      const c = buf[i];
      if (c === QUOTE) {
        let close = buf.indexOf(QUOTE, i + 1);
        for (; ; ) {
          if (close < 0) break;
          let slashes = 0;
          for (let k = close - 1; buf[k] === BACKSLASH; k--) slashes++;
          if (slashes % 2 === 0) break;
          close = buf.indexOf(QUOTE, close + 1);
        }
        if (close < 0) {
          if (final) throw new ChunkedJsonUnreadable("a string is not closed");
          this.pos = i;
          return false;
        }
        if (stack.length === 0) throw new ChunkedJsonUnreadable("a top-level string");
        i = close + 1;
        continue;
      }
      if (c === 123 || c === 91) {
        if (stack.length + this.opaqueDepth >= this.options.maxDepth) throw new ChunkedJsonTooDeep(this.base + i);
        const parent = stack[stack.length - 1];
        if (this.opaqueDepth > 0 || parent?.spine?.sink) {
          this.openOpaque(c);
        } else {
          const frame = { array: c === 91, value: void 0, start: i, pending: -1, lastComma: -1, afterMember: false };
          stack.push(frame);
          if (this.spine && (parent ? parent.spine !== void 0 && !parent.spine.sink : true)) this.enterSpine(frame, parent);
        }
      } else if (c === 125 || c === 93) {
        if (this.opaqueDepth > 0) {
          if (this.opaque[--this.opaqueDepth] === 91 !== (c === 93)) throw new ChunkedJsonUnreadable("brackets do not match");
        } else {
          const frame = stack.pop();
          if (!frame || frame.array !== (c === 93)) throw new ChunkedJsonUnreadable("brackets do not match");
          this.onClose(frame, i);
        }
      } else if (c === 44) {
        if (this.opaqueDepth === 0) {
          const frame = stack[stack.length - 1];
          if (!frame) throw new ChunkedJsonUnreadable("a comma between top-level values");
          frame.lastComma = i;
        }
      } else if (stack.length === 0 && !isSpace(c)) {
        throw new ChunkedJsonUnreadable("a top-level value that is not an object or array");
      }
      i++;
    }
    this.pos = i;
    return true;
  }
};
async function readJsonChunked(file, options2) {
  const scanner = new ChunkedJsonScanner(options2);
  for await (const _ of readInto(file, scanner, options2)) ;
  return scanner.finish();
}
async function* readInto(file, scanner, options2) {
  const { handle, size } = await openRegular(file);
  try {
    const chunk = options2.chunkBytes ?? CHUNK_BYTES;
    for (let position = options2.start; position < size; ) {
      const { store, at } = scanner.room(Math.min(chunk, size - position));
      const { bytesRead } = await handle.read(store, at, Math.min(chunk, size - position), position);
      if (bytesRead === 0) break;
      position += bytesRead;
      scanner.filled(bytesRead);
      yield position - options2.start;
    }
  } finally {
    await handle.close();
  }
}
var CHUNK_BYTES = 4 * 1024 * 1024;
var IN_MEMORY_JSON_BYTES = 128 * 1024 * 1024;
var MAX_XML_BYTES = 256 * 1024 * 1024;
var SAMPLE_BYTES = 64 * 1024;
async function readSample(file) {
  return (await readRegularHead(file, SAMPLE_BYTES)).head;
}
function firstSignificant(sample, from) {
  for (let i = from; i < sample.length; i++) {
    const c = sample[i];
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return i;
  }
  return -1;
}
function looksBinary(sample) {
  if (sample.includes(0)) return true;
  const text22 = sample.toString("utf8");
  const bad = text22.indexOf("\uFFFD");
  return bad >= 0 && bad < text22.length - 4;
}
function scanJson(buffer, start, maxDepth, file) {
  let depth = 0;
  let values = 0;
  let atTop = true;
  for (let i = start; i < buffer.length; i++) {
    const c = buffer[i];
    if (c === 34) {
      if (depth === 0 && atTop) {
        values++;
        atTop = false;
      }
      let end = i;
      for (; ; ) {
        end = buffer.indexOf(34, end + 1);
        if (end < 0) return { values };
        let backslashes = 0;
        while (buffer[end - 1 - backslashes] === 92) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (c === 123 || c === 91) {
      if (depth === 0) values++;
      if (++depth > maxDepth) throw new InputError(`nests deeper than ${maxDepth} levels at byte ${i}`, { file });
    } else if (c === 125 || c === 93) {
      depth--;
    } else if (c === 10 && depth === 0) {
      atTop = true;
    } else if (depth === 0 && atTop && c !== 32 && c !== 13 && c !== 9) {
      values++;
      atTop = false;
    }
  }
  return { values };
}
function syntaxError(error, file, baseOffset) {
  const offset = error.offset + baseOffset;
  if (error.message.startsWith("is truncated")) return new InputError(`${error.message} (at byte ${offset})`, { file, cause: error });
  if (error.message.startsWith("nests deeper")) return new InputError(`${error.message} at byte ${offset}`, { file, cause: error });
  return new InputError(`is not valid JSON at byte ${offset}: ${error.message}`, { file, cause: error });
}
function parseWithOffsets(buffer, start, file, maxDepth) {
  const parser = new JsonStreamParser({ maxDepth });
  try {
    parser.write(buffer.subarray(start));
    return parser.end();
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw syntaxError(error, file, start);
    throw error;
  }
}
async function parseJsonStream(file, start, maxDepth) {
  const parser = new JsonStreamParser({ maxDepth });
  try {
    for await (const chunk of await streamRegular(file, { start, highWaterMark: 1024 * 1024 })) parser.write(chunk);
    return parser.end();
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw syntaxError(error, file, start);
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
}
function toDocument(values, file) {
  if (values.length === 0) throw new InputError("holds no JSON value", { file });
  return values.length === 1 ? { kind: "json", data: values[0] } : { kind: "jsonl", data: values };
}
var xml;
var loadXml = () => xml ??= import("./fxp-7IP2PDXS.js");
var XML_OPTIONS = {
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: false,
  // Reports mix namespaces (CycloneDX's v: extension); formats match on local names.
  removeNSPrefix: true
};
var XML_TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)[^\s!?/>](?:[^"'>]|"[^"]*"|'[^']*')*>/g;
var xmlNestedTags = (maxDepth) => Math.max(0, maxDepth - 1);
function xmlParseError(error, file, maxDepth) {
  const message2 = (error instanceof Error ? error.message : String(error)).split("\n")[0].replace(/^\[SECURITY\]\s*/, "");
  if (/maximum nested tags exceeded/i.test(message2)) return new InputError(`nests deeper than ${maxDepth} levels`, { file, cause: error });
  const name2 = /^Invalid name: "([^"]*)"/.exec(message2)?.[1];
  if (name2 !== void 0) return new InputError(`names an element or attribute "${name2}", which is refused (a name of JavaScript's object internals)`, { file, cause: error });
  return new InputError(`cannot be read as XML: ${message2}`, { file, cause: error });
}
async function readXml(buffer, start, file, maxDepth) {
  const { XMLParser, XMLValidator } = await loadXml();
  const text22 = buffer.toString("utf8", start);
  if (/<!ENTITY/i.test(text22)) throw new InputError("declares XML entities (<!ENTITY>), which are refused", { file });
  const valid = XMLValidator.validate(text22, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line: line2, col, msg } = valid.err;
    throw new InputError(`is not valid XML at line ${line2}, column ${col}: ${msg}`, { file });
  }
  let depth = 0;
  for (const match of text22.matchAll(XML_TAG)) {
    const tag = match[0];
    if (tag.startsWith("<!")) continue;
    if (match[1]) depth--;
    else if (!tag.endsWith("/>") && ++depth > maxDepth) {
      throw new InputError(`nests deeper than ${maxDepth} levels at byte ${Buffer.byteLength(text22.slice(0, match.index)) + start}`, { file });
    }
  }
  let data;
  try {
    data = new XMLParser({ ...XML_OPTIONS, maxNestedTags: xmlNestedTags(maxDepth) }).parse(text22);
  } catch (error) {
    throw xmlParseError(error, file, maxDepth);
  }
  const root = Object.keys(data).find((key) => !key.startsWith("?") && !key.startsWith("#"));
  if (!root) throw new InputError("holds no XML element", { file });
  return { kind: "xml", data, root };
}
async function readDocument(file, options2 = {}) {
  const maxDepth = options2.maxDepth ?? DEFAULT_MAX_DEPTH;
  let size;
  try {
    const opened = await openRegular(file);
    size = opened.size;
    await opened.handle.close();
  } catch (error) {
    if (error instanceof InputError && error.message.startsWith("is a directory")) throw new InputError("is a directory, expected a report file", { file });
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
  if (options2.maxBytes !== void 0 && size > options2.maxBytes) throw new InputError(`is ${size} bytes, over the limit of ${options2.maxBytes}`, { file });
  if (size === 0) {
    if (options2.allowEmpty) return { kind: "jsonl", data: [] };
    throw new InputError("is empty", { file });
  }
  let sample;
  try {
    sample = await readSample(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
  if (sample[0] === 255 && sample[1] === 254) throw new InputError("is UTF-16 encoded; save it as UTF-8", { file });
  if (sample[0] === 254 && sample[1] === 255) throw new InputError("is UTF-16 encoded; save it as UTF-8", { file });
  if (looksBinary(sample)) throw new InputError("is a binary file, not a JSON or XML report", { file });
  const bom = sample[0] === 239 && sample[1] === 187 && sample[2] === 191 ? 3 : 0;
  const first = firstSignificant(sample, bom);
  if (first < 0) {
    if (size <= sample.length && options2.allowEmpty) return { kind: "jsonl", data: [] };
    if (size <= sample.length) throw new InputError("is empty (only white space)", { file });
    throw new InputError("starts with more than 64 KiB of white space", { file });
  }
  const lead = sample[first];
  const head = sample.toString("utf8", first, Math.min(sample.length, first + 2048));
  if (lead === 60 && /^<(?:!DOCTYPE\s+html|html[\s>])/i.test(head)) throw new InputError("is an HTML page, not a JSON or XML report", { file });
  if (lead === 34 && /^"[^"\n]*"\s*,\s*"/.test(head)) throw new InputError("is CSV, not a JSON or XML report", { file });
  if (lead === 60) {
    if (size > MAX_XML_BYTES) throw new InputError(`is an XML report of ${size} bytes, over the ${MAX_XML_BYTES}-byte limit for XML`, { file });
    const buffer2 = await readWhole(file);
    return readXml(buffer2, first, file, maxDepth);
  }
  if (lead !== 123 && lead !== 91 && lead !== 34 && lead !== 45 && !(lead >= 48 && lead <= 57) && lead !== 110 && lead !== 116 && lead !== 102) {
    throw new InputError(`is neither JSON nor XML (it starts with ${JSON.stringify(String.fromCharCode(lead))} at byte ${first})`, { file });
  }
  if (size > (options2.inMemoryBytes ?? IN_MEMORY_JSON_BYTES)) {
    if (lead === 123 || lead === 91) {
      try {
        return toDocument(await readJsonChunked(file, { start: first, maxDepth, ...options2.chunkBytes ? { chunkBytes: options2.chunkBytes } : {} }), file);
      } catch (error) {
        if (error instanceof ChunkedJsonTooDeep) throw new InputError(`nests deeper than ${maxDepth} levels at byte ${error.offset}`, { file });
        if (!(error instanceof ChunkedJsonUnreadable)) throw new InputError(describeFsError(error), { file, cause: error });
      }
    }
    return toDocument(await parseJsonStream(file, first, maxDepth), file);
  }
  let buffer = await readWhole(file);
  const { values } = scanJson(buffer, first, maxDepth, file);
  let text22;
  try {
    text22 = buffer.toString("utf8", first);
  } catch {
    return toDocument(parseWithOffsets(buffer, first, file, maxDepth), file);
  }
  buffer = void 0;
  try {
    if (values <= 1) return toDocument([JSON.parse(text22)], file);
    return toDocument(
      text22.split("\n").filter((line2) => line2.trim() !== "").map((line2) => JSON.parse(line2)),
      file
    );
  } catch {
    return toDocument(parseWithOffsets(await readWhole(file), first, file, maxDepth), file);
  }
}
async function readWhole(file) {
  try {
    return readRegularSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file, cause: error });
  }
}
var formats_exports = {};
__export(formats_exports, {
  bandit: () => bandit,
  brakeman: () => brakeman,
  burp: () => burp,
  checkov: () => checkov,
  cppcheck: () => cppcheck,
  cyclonedx: () => cyclonedx,
  dependencyCheck: () => dependencyCheck,
  eslint: () => eslint,
  githubCodeScanning: () => githubCodeScanning,
  githubVulnerability: () => githubVulnerability,
  gitlab: () => gitlab,
  gitleaks: () => gitleaks,
  gosec: () => gosec,
  grype: () => grype,
  hadolint: () => hadolint,
  kics: () => kics,
  npmAudit: () => npmAudit,
  nuclei: () => nuclei,
  osvScanner: () => osvScanner,
  qualysWas: () => qualysWas,
  retirejs: () => retirejs,
  sarif: () => sarif,
  semgrep: () => semgrep,
  shellcheck: () => shellcheck,
  snyk: () => snyk,
  sonarqube: () => sonarqube,
  terrascan: () => terrascan,
  tfsec: () => tfsec,
  trivy: () => trivy,
  trufflehog: () => trufflehog,
  wapiti: () => wapiti,
  yarnAudit: () => yarnAudit,
  zap: () => zap
});
function ruleIndexById(rules) {
  return new Map(rules.map((rule, i) => [rule.id, i]));
}
function pointAtRule(result2, rules, index) {
  const id = result2.ruleId ?? result2.rule?.id;
  if (id === void 0 || result2.rule?.toolComponent) return void 0;
  const at = index.get(id);
  if (at === void 0) return id;
  if (result2.ruleIndex !== void 0 && rules[result2.ruleIndex]?.id !== id) result2.ruleIndex = at;
  if (result2.rule?.index !== void 0 && rules[result2.rule.index]?.id !== id) result2.rule.index = at;
  return void 0;
}
function dedupeNewlineSequences(run2) {
  if (Array.isArray(run2.newlineSequences)) run2.newlineSequences = [...new Set(run2.newlineSequences)];
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var SHOWN_PLACES = 3;
var Repairs = class {
  groups = /* @__PURE__ */ new Map();
  add(where4, wording) {
    const key = `${wording.one}\0${wording.fix}`;
    const group = this.groups.get(key) ?? { wording, places: [], count: 0 };
    this.groups.set(key, group);
    group.count++;
    if (group.places.length < SHOWN_PLACES) group.places.push(where4);
  }
  lines() {
    return [...this.groups.values()].map(
      ({ wording, places: places2, count }) => count === 1 ? `${places2[0]} ${wording.one}; ${wording.fix}` : `${count} ${wording.noun} ${wording.many} (${places2.join(", ")}${count > places2.length ? ", \u2026" : ""}); ${wording.fix}`
    );
  }
};
var BASELINE_STATES = ["new", "unchanged", "updated", "absent"];
var LEGACY_BASELINE = { existing: "unchanged" };
var LEVELS = ["none", "note", "warning", "error"];
var LEVEL_SYNONYMS = { warn: "warning", info: "note", information: "note", informational: "note" };
function nearMiss(key, allowed) {
  const lower = key.toLowerCase();
  return allowed.find((name2) => name2.toLowerCase() === lower || name2.toLowerCase() === `${lower}s` || `${name2.toLowerCase()}s` === lower);
}
function strayProperties(object, allowed, where4, noun, owner, repairs) {
  if (object.properties !== void 0 && !isObject2(object.properties)) return;
  const known = new Set(allowed);
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    const near = nearMiss(key, allowed);
    const hint = near ? ` (did you mean "${near}"?)` : "";
    const one = `has an unknown property "${key}"${hint}`;
    const many = `have an unknown property "${key}"${hint}`;
    const value = object[key];
    delete object[key];
    if (near && near.toLowerCase() === key.toLowerCase() && !Object.hasOwn(object, near)) {
      object[near] = value;
      repairs.add(where4, { one: `has a property "${key}"`, many: `have a property "${key}"`, noun, fix: `read it as "${near}"` });
      continue;
    }
    const bag = object.properties ??= {};
    if (Object.hasOwn(bag, key)) {
      repairs.add(where4, { one, many, noun, fix: `dropped it (the ${owner}'s properties already hold "${key}")` });
      continue;
    }
    Object.defineProperty(bag, key, { value, enumerable: true, writable: true, configurable: true });
    repairs.add(where4, { one, many, noun, fix: `moved it into the ${owner}'s properties` });
  }
}
function ruleText(run2, result2) {
  const driver = isObject2(run2.tool) && isObject2(run2.tool.driver) ? run2.tool.driver : void 0;
  const rules = Array.isArray(driver?.rules) ? driver.rules.filter(isObject2) : [];
  const reference = isObject2(result2.rule) ? result2.rule : void 0;
  const id = typeof result2.ruleId === "string" ? result2.ruleId : typeof reference?.id === "string" ? reference.id : void 0;
  const index = typeof result2.ruleIndex === "number" ? result2.ruleIndex : typeof reference?.index === "number" ? reference.index : void 0;
  const rule = (id !== void 0 ? rules.find((r) => r.id === id) : void 0) ?? (index !== void 0 && !reference?.toolComponent ? rules[index] : void 0);
  const text22 = (value) => isObject2(value) && typeof value.text === "string" && value.text.trim() ? value.text : void 0;
  const short = text22(rule?.shortDescription);
  if (short) return { text: short, from: "the rule's short description" };
  const full = text22(rule?.fullDescription);
  if (full) return { text: full, from: "the rule's full description" };
  if (id) return { text: id, from: "the rule id" };
  return void 0;
}
function repairMessage(run2, result2, where4, repairs) {
  const message2 = result2.message;
  if (typeof message2 === "string") {
    result2.message = { text: message2 };
    repairs.add(where4, { one: "has a message that is a plain string, not a message object", many: "have a message that is a plain string, not a message object", noun: "results", fix: "read it as the message text" });
    return;
  }
  if (isObject2(message2) && (message2.text !== void 0 || message2.id !== void 0)) return;
  if (isObject2(message2) && typeof message2.markdown === "string") {
    message2.text = message2.markdown;
    repairs.add(where4, { one: "has a message with markdown but no text", many: "have a message with markdown but no text", noun: "results", fix: "used the markdown as its text" });
    return;
  }
  if (message2 !== void 0 && !isObject2(message2)) return;
  const found = ruleText(run2, result2);
  result2.message = { ...isObject2(message2) ? message2 : {}, text: found?.text ?? "(no message)" };
  repairs.add(where4, { one: "has no message", many: "have no message", noun: "results", fix: found ? `used ${found.from}` : 'wrote "(no message)"' });
}
function repairEnum(result2, member, valid, synonyms, where4, repairs) {
  const value = result2[member];
  if (value === void 0 || typeof value === "string" && valid.includes(value)) return;
  if (typeof value !== "string") return;
  const lower = value.trim().toLowerCase();
  const reading = valid.includes(lower) ? lower : synonyms[lower];
  if (reading) {
    result2[member] = reading;
    const why = LEGACY_BASELINE[lower] && member === "baselineState" ? " (a value of the SARIF 2.0 drafts)" : "";
    repairs.add(where4, { one: `has ${member} "${value}"${why}`, many: `have ${member} "${value}"${why}`, noun: "results", fix: `read it as "${reading}"` });
    return;
  }
  delete result2[member];
  const fix2 = member === "level" ? 'dropped it (SARIF reads no level as "warning")' : "dropped it";
  repairs.add(where4, { one: `has ${member} "${value}", which SARIF 2.1.0 does not know`, many: `have ${member} "${value}", which SARIF 2.1.0 does not know`, noun: "results", fix: fix2 });
}
var REGION_MEMBERS = ["startLine", "endLine", "startColumn", "endColumn"];
function repairRegion(holder, key, where4, notes) {
  const region2 = holder[key];
  if (!isObject2(region2)) return;
  const numbers = regionNumbers(region2, (problem) => notes.add(problem, where4));
  for (const member of REGION_MEMBERS) if (region2[member] !== void 0 && numbers[member] === void 0) delete region2[member];
  if (region2.startLine === void 0 && region2.charOffset === void 0 && region2.byteOffset === void 0) delete holder[key];
}
function repairPhysicalLocation(location2, where4, notes) {
  const physical = isObject2(location2) ? location2.physicalLocation : void 0;
  if (!isObject2(physical)) return;
  repairRegion(physical, "region", where4, notes);
  repairRegion(physical, "contextRegion", where4, notes);
}
var list = (value) => Array.isArray(value) ? value : [];
function fixIsPlaced(fix2) {
  for (const change of list(isObject2(fix2) ? fix2.artifactChanges : void 0)) {
    for (const replacement of list(isObject2(change) ? change.replacements : void 0)) {
      const region2 = isObject2(replacement) ? replacement.deletedRegion : void 0;
      if (!isObject2(region2)) continue;
      let broken = false;
      regionNumbers(region2, () => broken = true);
      if (broken) return false;
    }
  }
  return true;
}
function repairRegions(result2, where4, notes, repairs) {
  for (const location2 of [...list(result2.locations), ...list(result2.relatedLocations)]) repairPhysicalLocation(location2, where4, notes);
  for (const flow of list(result2.codeFlows)) {
    for (const thread of list(isObject2(flow) ? flow.threadFlows : void 0)) {
      for (const step of list(isObject2(thread) ? thread.locations : void 0)) repairPhysicalLocation(isObject2(step) ? step.location : void 0, where4, notes);
    }
  }
  if (!Array.isArray(result2.fixes)) return;
  const placed = result2.fixes.filter(fixIsPlaced);
  if (placed.length === result2.fixes.length) return;
  if (placed.length) result2.fixes = placed;
  else delete result2.fixes;
  repairs.add(where4, { one: "has a fix whose region has a line or column number SARIF cannot carry", many: "have a fix whose region has a line or column number SARIF cannot carry", noun: "results", fix: "dropped the fix" });
}
function repairSarif(data) {
  if (!isObject2(data) || data.version !== "2.1.0" || !Array.isArray(data.runs)) return [];
  const repairs = new Repairs();
  const regions = new RegionNotes();
  strayProperties(data, CLOSED_MEMBERS.log, "the log", "logs", "log", repairs);
  for (const [i, run2] of data.runs.entries()) {
    if (!isObject2(run2)) continue;
    strayProperties(run2, CLOSED_MEMBERS.run, `run ${i}`, "runs", "run", repairs);
    if (!Array.isArray(run2.results)) continue;
    for (const [j, result2] of run2.results.entries()) {
      if (!isObject2(result2)) continue;
      const where4 = `run ${i} result ${j}`;
      strayProperties(result2, CLOSED_MEMBERS.result, where4, "results", "result", repairs);
      repairMessage(run2, result2, where4, repairs);
      repairEnum(result2, "baselineState", BASELINE_STATES, LEGACY_BASELINE, where4, repairs);
      repairEnum(result2, "level", LEVELS, LEVEL_SYNONYMS, where4, repairs);
      repairRegions(result2, where4, regions, repairs);
    }
  }
  return [...repairs.lines(), ...regions.lines()];
}
function isObject3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function fillRules(run2) {
  const rules = run2.tool.driver.rules ??= [];
  const index = ruleIndexById(rules);
  for (const result2 of run2.results ?? []) {
    const unlisted = pointAtRule(result2, rules, index);
    if (unlisted === void 0) continue;
    index.set(unlisted, rules.length);
    rules.push({ id: unlisted, shortDescription: { text: unlisted } });
    pointAtRule(result2, rules, index);
  }
}
function checkOrRepair(data, file, warn) {
  try {
    return checkSarifLog(data, file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const repairs = repairSarif(data);
    if (!repairs.length) throw error;
    let log2;
    try {
      log2 = checkSarifLog(data, file);
    } catch {
      throw error;
    }
    for (const repair of repairs) warn?.(repair);
    return log2;
  }
}
var sarif = {
  id: "sarif",
  title: "SARIF 2.1.0",
  producedBy: "ESLint, secretlint, CodeQL, Semgrep, Trivy, Checkov, njsscan, SpotBugs and most other analyzers",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const data = document.data;
    if (!isObject3(data)) return 0;
    const schema = typeof data.$schema === "string" ? data.$schema.toLowerCase() : "";
    if (data.version === "2.1.0" && (Array.isArray(data.runs) || data.runs === null)) return 1;
    if (schema.includes("sarif") || typeof data.version === "string" && Array.isArray(data.runs)) return 0.9;
    return 0;
  },
  parse(document, { file, warn }) {
    if (document.kind !== "json") throw new InputError(`is ${document.kind === "xml" ? "XML" : "JSON Lines"}, not a SARIF log`, { file });
    const data = document.data;
    if (isObject3(data) && Array.isArray(data.runs)) {
      for (const run2 of data.runs) {
        if (!isObject3(run2)) continue;
        dedupeNewlineSequences(run2);
        if (run2.results === null) delete run2.results;
      }
    }
    if (isObject3(data) && data.runs === null) data.runs = [];
    const log2 = checkOrRepair(data, file, warn);
    for (const run2 of log2.runs) fillRules(run2);
    return log2;
  }
};
var comment = external_exports.object({
  file: external_exports.string(),
  // Any number: one that is not a line or column number is dropped by checkedRegion with a warning, not the report.
  line: external_exports.number(),
  endLine: external_exports.number().optional(),
  column: external_exports.number(),
  endColumn: external_exports.number().optional(),
  level: external_exports.enum(["error", "warning", "info", "style"]),
  code: external_exports.number().int(),
  message: external_exports.string()
});
var json1 = external_exports.object({ comments: external_exports.array(comment) });
var json = external_exports.array(comment);
var LEVEL = { error: "error", warning: "warning", info: "note", style: "note" };
var SEVERITY = { error: "5.0", warning: "3.5", info: "2.0", style: "1.0" };
function looksLikeComment(value) {
  return typeof value === "object" && value !== null && typeof value.code === "number" && "level" in value && "file" in value && "line" in value;
}
var shellcheck = {
  id: "shellcheck",
  title: "ShellCheck JSON (json1 and json)",
  producedBy: "shellcheck -f json1 / -f json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const data = document.data;
    const list22 = Array.isArray(data) ? data : data?.comments;
    if (!Array.isArray(list22)) return 0;
    if (list22.length === 0) return Array.isArray(data) ? 0 : 0.6;
    return looksLikeComment(list22[0]) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json") throw new InputError("is not ShellCheck JSON (expected one JSON document)", { file });
    const data = document.data;
    const parsed = Array.isArray(data) ? json.safeParse(data) : json1.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`is not valid ShellCheck JSON: ${formatIssuePath(issue.path)}: ${issue.message}`, { file });
    }
    const comments = Array.isArray(parsed.data) ? parsed.data : parsed.data.comments;
    const rules = /* @__PURE__ */ new Map();
    const results = comments.map((c) => {
      const ruleId = `SC${c.code}`;
      if (!rules.has(ruleId)) {
        rules.set(ruleId, {
          id: ruleId,
          name: ruleId,
          shortDescription: { text: c.message },
          helpUri: `https://www.shellcheck.net/wiki/${ruleId}`,
          defaultConfiguration: { level: LEVEL[c.level] },
          properties: { tags: ["shell", "correctness"], "security-severity": SEVERITY[c.level] }
        });
      }
      const region2 = checkedRegion({ startLine: c.line, startColumn: c.column, endLine: c.endLine, endColumn: c.endColumn });
      return {
        ruleId,
        level: LEVEL[c.level],
        message: { text: c.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: c.file },
              ...region2 ? {
                region: {
                  startLine: region2.startLine,
                  ...region2.startColumn !== void 0 ? { startColumn: region2.startColumn } : {},
                  ...region2.endLine !== void 0 ? { endLine: region2.endLine } : {},
                  ...region2.endColumn !== void 0 ? { endColumn: region2.endColumn } : {}
                }
              } : {}
            }
          }
        ]
      };
    });
    const ruleList = [...rules.values()];
    const indexOf = new Map(ruleList.map((rule, index) => [rule.id, index]));
    for (const result2 of results) result2.ruleIndex = indexOf.get(result2.ruleId);
    return {
      version: "2.1.0",
      runs: [
        {
          tool: { driver: { name: "ShellCheck", informationUri: "https://www.shellcheck.net", rules: ruleList } },
          results
        }
      ]
    };
  }
};
function isResult(value) {
  const object = read.obj(value);
  return !!object && typeof object.Target === "string" && ["Vulnerabilities", "Misconfigurations", "Secrets", "Licenses", "Class", "Type"].some((k) => k in object);
}
function resultGroups(data) {
  if (Array.isArray(data)) return [{ results: data, context: { artifact: void 0, image: false } }];
  const root = read.obj(data);
  const artifact = read.str(root.ArtifactName);
  const image = read.str(root.ArtifactType) === "container_image";
  const groups = [];
  if (Array.isArray(root.Results)) groups.push({ results: root.Results, context: { artifact, image } });
  for (const key of ["Resources", "Vulnerabilities", "Misconfigurations"]) {
    for (const resource of read.arr(root[key])) {
      const r = read.obj(resource);
      if (!r || !Array.isArray(r.Results)) continue;
      const workload = [read.str(r.Namespace), read.str(r.Kind), read.str(r.Name)].filter(Boolean).join("/");
      groups.push({ results: r.Results, context: { artifact: read.str(root.ClusterName) ?? artifact, image: true, workload } });
    }
  }
  return groups;
}
var trivy = {
  id: "trivy",
  title: "Trivy JSON (filesystem, image, Kubernetes; vulnerabilities, misconfigurations, secrets, licenses)",
  producedBy: "trivy fs|image|repo|k8s --format json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const data = document.data;
    if (Array.isArray(data)) return data.length > 0 && data.every(isResult) ? 0.8 : 0;
    const root = read.obj(data);
    if (!root) return 0;
    if (root.SchemaVersion !== void 0 && Array.isArray(root.Results)) return 1;
    if (typeof root.ClusterName === "string" && (Array.isArray(root.Resources) || Array.isArray(root.Vulnerabilities) || Array.isArray(root.Misconfigurations))) return 1;
    if (Array.isArray(root.Results) && root.Results.some(isResult)) return 0.8;
    return 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json") missing(file, "Trivy", "expected one JSON document");
    if (!Array.isArray(document.data) && !read.obj(document.data)) missing(file, "Trivy", 'expected an object with "Results"');
    const root = read.obj(document.data);
    const run2 = new RunBuilder({ name: "Trivy", version: read.str(read.obj(root?.Trivy)?.Version), informationUri: "https://trivy.dev" });
    for (const { results, context } of resultGroups(document.data)) {
      for (const [index, value] of results.entries()) {
        const result2 = read.obj(value);
        if (!result2) missing(file, "Trivy", `Results[${index}] is not an object`);
        const target = read.str(result2.Target) ?? "";
        const klass = read.str(result2.Class) ?? "";
        const type = read.str(result2.Type);
        const osPackages = klass === "os-pkgs";
        const inImage = context.image || osPackages;
        const where4 = (region2 = {}) => inImage || !target ? void 0 : fileLocation(target, region2);
        const logical = [
          ...context.workload ? [logicalLocation(context.workload, "resource")] : [],
          ...inImage && target ? [logicalLocation(target, "module")] : []
        ];
        const imageInfo = (layer) => {
          const reference = context.artifact ?? (osPackages ? target.replace(/\s*\(.*\)$/, "") : void 0);
          const l = read.obj(layer);
          return inImage && reference ? { reference, layer: read.str(l?.DiffID) ?? read.str(l?.Digest) } : void 0;
        };
        for (const item of read.arr(result2.Vulnerabilities)) {
          const v = read.obj(item) ?? {};
          const id = read.str(v.VulnerabilityID) ?? `trivy-unidentified-${read.str(v.PkgName) ?? "package"}`;
          const cvss = read.obj(v.CVSS) ?? {};
          const source = read.str(v.SeveritySource);
          const vendor = source ? read.obj(cvss[source]) : void 0;
          const nvd = read.obj(cvss.nvd);
          const anyV3 = Object.values(cvss).map((c) => read.obj(c)?.V3Score);
          const score = firstScore(vendor?.V3Score, nvd?.V3Score, ...anyV3, vendor?.V2Score, nvd?.V2Score) ?? scoreOf(v.Severity);
          const pkgName = read.str(v.PkgName);
          const installed = read.str(v.InstalledVersion);
          const fixed = read.str(v.FixedVersion);
          const identifier = read.obj(v.PkgIdentifier);
          const title = read.str(v.Title);
          const category = inImage ? "container" : "sca";
          run2.rule({
            id,
            name: id,
            short: title ?? id,
            full: read.str(v.Description),
            helpUri: read.str(v.PrimaryURL) ?? read.arr(v.References).map(read.str).find(Boolean),
            cwes: read.arr(v.CweIDs),
            score,
            level: levelOf(score),
            tags: ["vulnerability", type],
            precision: "very-high"
          });
          run2.result({
            ruleId: id,
            message: `${pkgName ?? "A package"}${installed ? ` ${installed}` : ""} is affected by ${id}${title ? `: ${title}` : ""}${fixed ? ` (fixed in ${fixed})` : " (no fix yet)"}`,
            level: levelOf(score),
            score,
            category,
            locations: [where4()],
            logicalLocations: logical,
            ids: [id, ...read.arr(v.VendorIDs)],
            cwes: read.arr(v.CweIDs),
            package: pkgName ? {
              name: pkgName,
              version: installed,
              ecosystem: type,
              purl: read.str(identifier?.PURL),
              fixedVersions: fixed ? fixed.split(/,\s*/) : []
            } : void 0,
            image: imageInfo(v.Layer),
            properties: { [PROP.severityLabel]: read.str(v.Severity), ...read.str(v.PkgPath) ? { [PROP.pkgPath]: read.str(v.PkgPath) } : {} }
          });
        }
        for (const item of read.arr(result2.Misconfigurations)) {
          const m = read.obj(item) ?? {};
          if (read.str(m.Status) === "PASS" || read.str(m.Status) === "EXCEPTION") continue;
          const id = read.str(m.AVDID) ?? read.str(m.ID) ?? "trivy-misconfiguration";
          const score = scoreOf(m.Severity);
          const cause = read.obj(m.CauseMetadata) ?? {};
          const resolution = read.str(m.Resolution);
          run2.rule({
            id,
            name: read.str(m.ID) ?? id,
            short: read.str(m.Title) ?? id,
            full: read.str(m.Description),
            help: resolution,
            helpUri: read.str(m.PrimaryURL) ?? read.arr(m.References).map(read.str).find(Boolean),
            score,
            level: levelOf(score),
            tags: ["misconfiguration", type, read.str(m.Type)]
          });
          run2.result({
            ruleId: id,
            message: read.str(m.Message) ?? read.str(m.Title) ?? id,
            level: levelOf(score),
            score,
            category: "iac",
            locations: [where4({ startLine: cause.StartLine, endLine: cause.EndLine })],
            logicalLocations: [...logical, ...read.str(cause.Resource) ? [logicalLocation(read.str(cause.Resource), "resource")] : []],
            ids: [id, read.str(m.ID)],
            properties: { [PROP.severityLabel]: read.str(m.Severity) }
          });
        }
        for (const item of read.arr(result2.Secrets)) {
          const s = read.obj(item) ?? {};
          const id = `secret/${read.str(s.RuleID) ?? "unknown"}`;
          const score = Math.max(scoreOf(s.Severity), 7);
          run2.rule({ id, name: read.str(s.RuleID), short: read.str(s.Title) ?? id, score, level: "error", tags: ["secret", read.str(s.Category)], cwes: ["CWE-798"] });
          run2.result({
            ruleId: id,
            message: `${read.str(s.Title) ?? "A secret"} found in ${target || "the scanned artifact"}`,
            level: "error",
            score,
            category: "secrets",
            locations: [where4({ startLine: s.StartLine, endLine: s.EndLine })],
            logicalLocations: logical,
            secret: read.str(s.Match) ?? `${target}:${read.str(s.StartLine)}`,
            image: imageInfo(s.Layer),
            cwes: ["CWE-798"]
          });
        }
        for (const item of read.arr(result2.Licenses)) {
          const l = read.obj(item) ?? {};
          const name2 = read.str(l.Name) ?? "unknown";
          const id = `license/${name2}`;
          const score = scoreOf(l.Severity, 3);
          const pkgName = read.str(l.PkgName);
          run2.rule({ id, name: name2, short: `License ${name2} (${read.str(l.Category) ?? "uncategorized"})`, helpUri: read.str(l.Link), score, level: levelOf(score), tags: ["license", read.str(l.Category)] });
          run2.result({
            ruleId: id,
            message: `${pkgName ?? read.str(l.FilePath) ?? "A component"} is licensed under ${name2} (${read.str(l.Category) ?? "uncategorized"})`,
            level: levelOf(score),
            score,
            category: "sca",
            locations: [where4(), read.str(l.FilePath) && !inImage ? fileLocation(read.str(l.FilePath)) : void 0],
            logicalLocations: logical,
            package: pkgName ? { name: pkgName, ecosystem: type } : void 0,
            image: imageInfo(void 0)
          });
        }
      }
    }
    return logOf(run2.build());
  }
};
function cvssScore(list22) {
  const entries = read.arr(list22).map(read.obj).filter(Boolean);
  entries.sort((a, b) => String(b.version ?? "").localeCompare(String(a.version ?? "")));
  return firstScore(...entries.map((e2) => read.obj(e2.metrics)?.baseScore));
}
function cwesOf2(list22) {
  return read.arr(list22).map((entry) => typeof entry === "string" ? entry : read.str(read.obj(entry)?.cwe)).filter((cwe) => !!cwe);
}
var grype = {
  id: "grype",
  title: "Grype JSON",
  producedBy: "grype <target> -o json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.matches)) return 0;
    const descriptor = read.obj(root.descriptor);
    if (read.str(descriptor?.name) === "grype") return 1;
    const first = read.obj(root.matches[0]);
    return first && read.obj(first.vulnerability) && read.obj(first.artifact) ? 0.9 : root.matches.length === 0 && root.source ? 0.7 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.matches)) missing(file, "Grype", 'no "matches" array');
    const descriptor = read.obj(root.descriptor);
    const source = read.obj(root.source);
    const target = read.obj(source?.target);
    const sourceType = read.str(source?.type);
    const image = sourceType === "image";
    const reference = read.str(target?.userInput) ?? read.str(source?.target);
    const run2 = new RunBuilder({ name: "Grype", version: read.str(descriptor?.version), informationUri: "https://github.com/anchore/grype" });
    for (const [index, value] of root.matches.entries()) {
      const match = read.obj(value);
      const vuln = read.obj(match?.vulnerability);
      const artifact = read.obj(match?.artifact);
      if (!vuln || !artifact) missing(file, "Grype", `matches[${index}] lacks "vulnerability" or "artifact"`);
      const id = read.str(vuln.id) ?? "grype-unidentified";
      const related = read.arr(match.relatedVulnerabilities).map(read.obj).filter(Boolean);
      const description = read.str(vuln.description) ?? related.map((r) => read.str(r.description)).find(Boolean);
      const score = cvssScore(vuln.cvss) ?? related.map((r) => cvssScore(r.cvss)).find((s) => s !== void 0) ?? scoreOf(vuln.severity);
      const fix2 = read.obj(vuln.fix);
      const fixed = read.arr(fix2?.versions).map(read.str).filter(Boolean);
      const name2 = read.str(artifact.name) ?? "package";
      const version2 = read.str(artifact.version);
      const locations = read.arr(artifact.locations).map(read.obj).filter(Boolean);
      const path2 = read.str(locations[0]?.path);
      const cwes = [.../* @__PURE__ */ new Set([...cwesOf2(vuln.cwes), ...related.flatMap((r) => cwesOf2(r.cwes))])];
      run2.rule({
        id,
        short: description ? `${id}: ${description.split(/(?<=\.)\s/)[0]}` : id,
        full: description,
        helpUri: read.str(vuln.dataSource) ?? read.arr(vuln.urls).map(read.str).find(Boolean),
        score,
        level: levelOf(score),
        tags: ["vulnerability", read.str(artifact.type)],
        cwes,
        precision: "very-high"
      });
      run2.result({
        ruleId: id,
        message: `${name2}${version2 ? ` ${version2}` : ""} is affected by ${id}${fixed.length ? ` (fixed in ${fixed.join(", ")})` : read.str(fix2?.state) === "wont-fix" ? " (won't be fixed)" : " (no fix yet)"}`,
        level: levelOf(score),
        score,
        category: image ? "container" : "sca",
        locations: [image ? void 0 : fileLocation(path2?.replace(/^\/+/, ""))],
        logicalLocations: image ? [logicalLocation(path2 ?? name2, "module")] : [],
        ids: [id, ...related.map((r) => read.str(r.id))],
        cwes,
        package: { name: name2, version: version2, ecosystem: read.str(artifact.type), purl: read.str(artifact.purl), fixedVersions: fixed },
        image: image && reference ? { reference, layer: read.str(locations[0]?.layerID) } : void 0,
        properties: { [PROP.severityLabel]: read.str(vuln.severity), [PROP.fixState]: read.str(fix2?.state) }
      });
    }
    return logOf(run2.build());
  }
};
var SEVERITY2 = { ERROR: 8, WARNING: 5.5, INFO: 3, CRITICAL: 9.5, HIGH: 8, MEDIUM: 5.5, LOW: 3 };
var PRECISION = { HIGH: "high", MEDIUM: "medium", LOW: "low" };
function strings(value) {
  return (Array.isArray(value) ? value : [value]).map(read.str).filter((s) => !!s);
}
function fingerprintOf2(extra) {
  const fingerprint = read.str(extra.fingerprint);
  return fingerprint && !/^requires login$/.test(fingerprint) ? { "semgrep/v1": fingerprint } : void 0;
}
function fixVersions(value, pkg) {
  const entries = read.arr(value).flatMap((item) => typeof item === "string" ? [[pkg, item]] : Object.entries(read.obj(item) ?? {}));
  const own = entries.filter(([name2]) => name2 === pkg);
  return (own.length ? own : entries).map(([, version2]) => read.str(version2)).filter((v) => !!v);
}
function scaFinding(run2, finding, extra, sca, checkId) {
  const metadata = read.obj(extra.metadata) ?? {};
  const match = read.obj(sca.dependency_match) ?? {};
  const pattern2 = read.obj(match.dependency_pattern) ?? {};
  const found = read.obj(match.found_dependency) ?? {};
  const name2 = read.str(found.package) ?? read.str(pattern2.package) ?? "package";
  const version2 = read.str(found.version);
  const ecosystem = read.str(found.ecosystem) ?? read.str(pattern2.ecosystem);
  const database = read.str(metadata["sca-vuln-database-identifier"]);
  const cves = [database, ...strings(metadata.cve)].filter((id2) => !!id2 && /^CVE-\d+-\d+$/i.test(id2)).map((id2) => id2.toUpperCase());
  const ghsas = [database, ...strings(metadata.ghsa)].filter((id2) => !!id2 && /^GHSA-/i.test(id2));
  const id = cves[0] ?? ghsas[0] ?? database ?? checkId;
  const severity = read.str(metadata["sca-severity"]) ?? read.str(extra.severity) ?? "WARNING";
  const score = SEVERITY2[severity.toUpperCase()] ?? scoreOf(severity);
  const cwes = strings(metadata.cwe);
  const owasp = strings(metadata.owasp).map((o) => `OWASP-${o.split(/\s+-\s+/)[0]}`);
  const fixed = fixVersions(metadata["sca-fix-versions"], name2);
  const message2 = read.str(extra.message) ?? id;
  const reachable = sca.reachability_rule === true ? sca.reachable === true : sca.reachable === true ? true : void 0;
  const path2 = read.str(finding.path);
  const start = read.obj(finding.start);
  const end = read.obj(finding.end);
  const region2 = { startLine: start?.line, startColumn: start?.col, endLine: end?.line, endColumn: end?.col };
  const lockfile = read.str(found.lockfile_path) ?? read.str(match.lockfile);
  const line2 = found.line_number ?? (path2 === lockfile ? start?.line : void 0);
  const transitivity = read.str(found.transitivity);
  const facts = [fixed.length ? `fixed in ${fixed.join(", ")}` : "no fix yet", ...reachable ? ["vulnerable code reachable"] : []];
  run2.rule({
    id,
    name: checkId,
    short: message2.split("\n")[0],
    full: message2,
    helpUri: strings(metadata.references)[0] ?? read.str(metadata["semgrep.url"]) ?? read.str(metadata.source),
    score,
    level: levelOf(score),
    cwes,
    tags: ["vulnerability", ecosystem?.toLowerCase(), ...owasp],
    precision: "very-high"
  });
  run2.result({
    ruleId: id,
    message: `${name2}${version2 ? ` ${version2}` : ""} is affected by ${id} (${facts.join(", ")}): ${message2.split("\n")[0]}`,
    level: levelOf(score),
    score,
    category: "sca",
    locations: [lockfile ? fileLocation(lockfile, { startLine: line2 }) : fileLocation(path2, region2)],
    relatedLocations: lockfile && path2 && path2 !== lockfile ? [fileLocation(path2, region2, `${name2} ${id}: the vulnerable code is reached here`)] : [],
    ids: [id, ...cves, ...ghsas, ...owasp],
    cwes,
    package: { name: name2, version: version2, ecosystem, fixedVersions: fixed, reachable },
    fingerprints: fingerprintOf2(extra),
    suppressed: extra.is_ignored === true ? "ignored in source (nosemgrep)" : void 0,
    properties: {
      [PROP.severityLabel]: severity,
      ...transitivity === "direct" || transitivity === "transitive" ? { [PROP.direct]: transitivity === "direct" } : {}
    }
  });
}
var semgrep = {
  id: "semgrep",
  title: "Semgrep JSON",
  producedBy: "semgrep scan --json, semgrep ci --json (Supply Chain findings included)",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results) || !Array.isArray(root.errors)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return typeof first.check_id === "string" && read.obj(first.extra) ? 1 : 0;
    return "paths" in root || "version" in root ? 0.8 : 0.6;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.results)) missing(file, "Semgrep", 'no "results" array');
    const run2 = new RunBuilder({ name: "Semgrep", version: read.str(root.version), informationUri: "https://semgrep.dev" });
    for (const [index, value] of root.results.entries()) {
      const finding = read.obj(value);
      const id = read.str(finding?.check_id);
      const extra = read.obj(finding?.extra);
      if (!finding || !id || !extra) missing(file, "Semgrep", `results[${index}] lacks "check_id" or "extra"`);
      const sca = read.obj(extra.sca_info);
      if (sca) {
        scaFinding(run2, finding, extra, sca, id);
        continue;
      }
      const metadata = read.obj(extra.metadata) ?? {};
      const severity = (read.str(extra.severity) ?? "WARNING").toUpperCase();
      const score = SEVERITY2[severity] ?? scoreOf(severity);
      const cwes = strings(metadata.cwe);
      const owasp = strings(metadata.owasp).map((o) => `OWASP-${o.split(/\s+-\s+/)[0]}`);
      const message2 = read.str(extra.message) ?? id;
      const start = read.obj(finding.start);
      const end = read.obj(finding.end);
      const confidence = read.str(metadata.confidence)?.toUpperCase();
      run2.rule({
        id,
        name: id.split(".").pop(),
        short: message2.split("\n")[0],
        full: message2,
        helpUri: read.str(metadata.shortlink) ?? read.str(metadata.source) ?? strings(metadata.references)[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [read.str(metadata.category), ...strings(metadata.technology), ...owasp],
        precision: confidence ? PRECISION[confidence] : void 0
      });
      run2.result({
        ruleId: id,
        message: message2,
        level: levelOf(score),
        score,
        category: /secret|credential|hardcoded|api[-_.]?key|token/i.test(id) && !cwes.length ? "secrets" : cwes.some((c) => /CWE-798/.test(c)) ? "secrets" : "sast",
        locations: [fileLocation(read.str(finding.path), { startLine: start?.line, startColumn: start?.col, endLine: end?.line, endColumn: end?.col })],
        cwes,
        ids: owasp,
        fingerprints: fingerprintOf2(extra),
        suppressed: extra.is_ignored === true ? "ignored in source (nosemgrep)" : void 0
      });
    }
    const built = run2.build();
    const invocation = invocationOf(read.arr(root.errors));
    if (invocation) built.invocations = [invocation];
    return logOf(built);
  }
};
function invocationOf(errors) {
  if (!errors.length) return void 0;
  const execution = [];
  const configuration = [];
  let failed = false;
  for (const value of errors) {
    const error = read.obj(value);
    if (!error) continue;
    const level = (read.str(error.level) ?? "error").toLowerCase() === "error" ? "error" : "warning";
    const text22 = `${read.str(error.type) ?? "Semgrep error"}: ${(read.str(error.message) ?? "").split("\n")[0]}`.slice(0, 300);
    const path2 = read.str(error.path);
    if (path2) execution.push({ level, message: { text: text22 }, locations: [{ physicalLocation: { artifactLocation: { uri: path2 } } }] });
    else if (level === "error") {
      failed = true;
      execution.push({ level, message: { text: text22 } });
    } else configuration.push({ level, message: { text: text22 } });
  }
  return { executionSuccessful: !failed, ...execution.length ? { toolExecutionNotifications: execution } : {}, ...configuration.length ? { toolConfigurationNotifications: configuration } : {} };
}
function isV8(item) {
  return "RuleID" in item || "File" in item && "StartLine" in item;
}
function isV7(item) {
  return "offender" in item && "rule" in item;
}
function secretOf(value) {
  if (!value || value === "REDACTED" || value.endsWith("...")) return void 0;
  return value;
}
var gitleaks = {
  id: "gitleaks",
  title: "Gitleaks JSON (v7 and v8)",
  producedBy: "gitleaks dir --report-format json",
  detect({ document }) {
    if (document.kind !== "json" || !Array.isArray(document.data) || document.data.length === 0) return 0;
    const first = read.obj(document.data[0]);
    return first && (isV8(first) || isV7(first)) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json" || !Array.isArray(document.data)) missing(file, "Gitleaks", "expected a JSON array of leaks");
    const run2 = new RunBuilder({ name: "Gitleaks", informationUri: "https://github.com/gitleaks/gitleaks" });
    for (const [index, value] of document.data.entries()) {
      const item = read.obj(value);
      if (!item || !(isV8(item) || isV7(item))) missing(file, "Gitleaks", `item ${index} is not a leak (no RuleID/File or rule/offender)`);
      const v8 = isV8(item);
      const rule = v8 ? read.str(item.RuleID) ?? read.str(item.Description) ?? "secret" : read.str(item.rule) ?? "secret";
      const id = rule.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "secret";
      const description = v8 ? read.str(item.Description) ?? rule : rule;
      const path2 = v8 ? read.str(item.File) : read.str(item.file);
      const line2 = v8 ? item.StartLine : item.lineNumber;
      const commit = read.str(v8 ? item.Commit : item.commit);
      const tags = v8 ? read.arr(item.Tags).map(read.str) : (read.str(item.tags) ?? "").split(",").map((t) => t.trim());
      run2.rule({ id, name: rule, short: `${description} detected`, score: 9, level: "error", tags: ["secret", ...tags], cwes: ["CWE-798"] });
      run2.result({
        ruleId: id,
        message: `${description} secret found${path2 ? ` in ${path2}` : ""}${commit ? ` (commit ${commit.slice(0, 12)})` : ""}`,
        level: "error",
        score: 9,
        category: "secrets",
        locations: [fileLocation(path2?.replace(/^\/+/, ""), { startLine: line2, endLine: v8 ? item.EndLine : void 0, startColumn: v8 ? item.StartColumn : void 0, endColumn: v8 ? item.EndColumn : void 0 })],
        secret: secretOf(read.str(v8 ? item.Secret ?? item.Match : item.offender)),
        cwes: ["CWE-798"],
        properties: {
          ...commit ? { [PROP.commit]: commit } : {},
          ...read.str(item.Fingerprint) ? { [PROP.toolFingerprint]: read.str(item.Fingerprint) } : {},
          ...read.num(item.Entropy) ? { [PROP.entropy]: read.num(item.Entropy) } : {}
        }
      });
    }
    return logOf(run2.build());
  }
};
function advisoryId(url, source) {
  const ghsa = url ? /GHSA-[\w-]+/i.exec(url)?.[0] : void 0;
  if (ghsa) return ghsa;
  const number = read.str(source);
  return number ? `npm-advisory-${number}` : "npm-advisory";
}
var LOCKFILE = "package-lock.json";
function parseV7(root, run2) {
  for (const [key, value] of Object.entries(read.obj(root.vulnerabilities) ?? {})) {
    const vuln = read.obj(value) ?? {};
    const name2 = read.str(vuln.name) ?? key;
    const fix2 = vuln.fixAvailable;
    const fixObject = read.obj(fix2);
    const fixText = fix2 === true ? "a fix is available (npm audit fix)" : fixObject ? `fixed by ${read.str(fixObject.name)}@${read.str(fixObject.version)}${fixObject.isSemVerMajor ? " (a major upgrade)" : ""}` : "no fix available";
    const nodes = read.arr(vuln.nodes).map(read.str).filter(Boolean);
    const logical = nodes.map((node) => logicalLocation(node, "module"));
    const seen = /* @__PURE__ */ new Set();
    const advisories = read.arr(vuln.via).map(read.obj).filter(Boolean);
    for (const advisory of advisories) {
      const url = read.str(advisory.url);
      const id = advisoryId(url, advisory.source);
      if (seen.has(id)) continue;
      seen.add(id);
      const cvss = read.obj(advisory.cvss);
      const score = firstScore(cvss?.score) ?? scoreOf(advisory.severity);
      const cwes = read.arr(advisory.cwe);
      const title = read.str(advisory.title) ?? id;
      run2.rule({ id, short: title, helpUri: url, score, level: levelOf(score), cwes, tags: ["vulnerability", "npm"], precision: "very-high" });
      run2.result({
        ruleId: id,
        message: `${name2} (${read.str(advisory.range) ?? read.str(vuln.range) ?? "affected versions"}): ${title}; ${fixText}`,
        level: levelOf(score),
        score,
        category: "sca",
        locations: [fileLocation(LOCKFILE)],
        logicalLocations: logical,
        ids: [id],
        cwes,
        package: { name: name2, ecosystem: "npm", fixedVersions: fixObject && read.str(fixObject.name) === name2 ? [read.str(fixObject.version)] : [] },
        properties: { [PROP.severityLabel]: read.str(advisory.severity), [PROP.cvssVector]: read.str(cvss?.vectorString), [PROP.direct]: vuln.isDirect === true }
      });
    }
    if (advisories.length === 0) {
      const through = read.arr(vuln.via).map(read.str).filter(Boolean);
      const score = scoreOf(vuln.severity);
      const id = "npm-audit/vulnerable-dependency";
      run2.rule({ id, short: "A dependency is vulnerable through its own dependencies", score: 5.5, level: "warning", tags: ["vulnerability", "npm", "transitive"] });
      run2.result({
        ruleId: id,
        message: `${name2} (${read.str(vuln.range) ?? "affected versions"}) is vulnerable through ${through.join(", ") || "its dependencies"}; ${fixText}`,
        level: levelOf(score),
        score,
        category: "sca",
        locations: [fileLocation(LOCKFILE)],
        logicalLocations: logical,
        package: { name: name2, ecosystem: "npm" },
        properties: { [PROP.severityLabel]: read.str(vuln.severity), [PROP.via]: through }
      });
    }
  }
}
function parseV6(root, run2) {
  for (const value of Object.values(read.obj(root.advisories) ?? {})) {
    const advisory = read.obj(value) ?? {};
    const url = read.str(advisory.url);
    const id = advisoryId(read.str(advisory.github_advisory_id) ?? url, advisory.id);
    const name2 = read.str(advisory.module_name) ?? "package";
    const findings = read.arr(advisory.findings).map(read.obj).filter(Boolean);
    const versions = [...new Set(findings.map((f) => read.str(f.version)).filter(Boolean))];
    const paths = findings.flatMap((f) => read.arr(f.paths).map(read.str)).filter(Boolean);
    const cwe = cweId(advisory.cwe);
    const score = scoreOf(advisory.severity);
    const title = read.str(advisory.title) ?? id;
    const patched = read.str(advisory.patched_versions);
    run2.rule({ id, short: title, full: read.str(advisory.overview), help: read.str(advisory.recommendation), helpUri: url, score, level: levelOf(score), cwes: [cwe], tags: ["vulnerability", "npm"], precision: "very-high" });
    run2.result({
      ruleId: id,
      message: `${name2}${versions.length ? ` ${versions.join(", ")}` : ""} (${read.str(advisory.vulnerable_versions) ?? "affected versions"}): ${title}; ${patched && patched !== "<0.0.0" ? `patched in ${patched}` : "no patch available"}`,
      level: levelOf(score),
      score,
      category: "sca",
      locations: [fileLocation(LOCKFILE)],
      logicalLocations: paths.slice(0, 20).map((path2) => logicalLocation(path2, "module")),
      ids: [id, ...read.arr(advisory.cves)],
      cwes: [cwe],
      package: { name: name2, version: versions[0], ecosystem: "npm", fixedVersions: patched && patched !== "<0.0.0" ? [patched] : [] },
      properties: {
        [PROP.severityLabel]: read.str(advisory.severity),
        // npm 6 says, per path, whether it is a dev dependency: only when every path is, the finding weighs less.
        ...findings.length && findings.every((f) => f.dev === true) ? { [PROP.dev]: true } : {}
      }
    });
  }
}
function isEndpointRefusal(root) {
  return typeof root.statusCode === "number" && typeof root.uri === "string" && "method" in root && "message" in root && !("vulnerabilities" in root) && !("advisories" in root);
}
function firstLine(value) {
  return (read.str(value) ?? "").split("\n").map((line2) => line2.trim()).find(Boolean);
}
function refusalReason(root) {
  const message2 = firstLine(root.message);
  const parsed = /^(\d{3}\b.*?)\s+-\s+([A-Z]+)\s+(\S+)(?:\s+-\s+(.+))?$/.exec(message2 ?? "");
  const statusLine = parsed?.[1] ?? message2 ?? `HTTP ${String(root.statusCode)}`;
  const uri = (parsed?.[3] ?? read.str(root.uri))?.replace(/\/\/[^/@\s]*@/, "//***@");
  const request = [parsed?.[2] ?? read.str(root.method)?.toUpperCase(), uri].filter(Boolean).join(" ");
  return `npm audit: the registry refused the request: ${statusLine}${request ? ` (${request})` : ""}${parsed?.[4] ? `: ${parsed[4]}` : ""}`.slice(0, 500);
}
function errorReason(error) {
  return `${read.str(error.code) ?? "error"}: ${firstLine(error.summary) ?? firstLine(error.detail) ?? "npm audit failed"}`.slice(0, 500);
}
var npmAudit = {
  id: "npm-audit",
  title: "npm audit JSON (npm 6 and npm 7+)",
  producedBy: "npm audit --json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root) return 0;
    if (root.auditReportVersion !== void 0 && read.obj(root.vulnerabilities)) return 1;
    if (read.obj(root.advisories) && (Array.isArray(root.actions) || read.obj(root.metadata))) return 1;
    const error = read.obj(root.error);
    if (error && /^E[A-Z0-9]+$/.test(read.str(error.code) ?? "") && Object.keys(root).length === 1) return 0.7;
    if (isEndpointRefusal(root) && /\/-\/npm\/v1\/security\//.test(read.str(root.uri) ?? "")) return 0.7;
    return 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root) missing(file, "npm audit", "expected a JSON object");
    const run2 = new RunBuilder({ name: "npm audit", informationUri: "https://docs.npmjs.com/cli/commands/npm-audit" });
    if (read.obj(root.vulnerabilities)) parseV7(root, run2);
    else if (read.obj(root.advisories)) parseV6(root, run2);
    const built = run2.build();
    const error = read.obj(root.error);
    const refused = isEndpointRefusal(root) ? refusalReason(root) : error ? errorReason(error) : void 0;
    if (refused) {
      built.invocations = [{ executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: refused } }] }];
    } else if (!read.obj(root.vulnerabilities) && !read.obj(root.advisories)) {
      missing(file, "npm audit", 'neither "vulnerabilities" (npm 7+) nor "advisories" (npm 6)');
    }
    return logOf(built);
  }
};
function severityOf(vuln) {
  const ghsa = read.str(read.obj(vuln.database_specific)?.severity);
  const scores = read.arr(vuln.severity).map((s) => read.obj(s)?.score);
  return firstScore(...scores.filter((s) => typeof s === "number" || /^\d+(\.\d+)?$/.test(String(s)))) ?? scoreOf(ghsa, 5.5);
}
var osvScanner = {
  id: "osv-scanner",
  title: "OSV-Scanner JSON",
  producedBy: "osv-scanner scan source --format json",
  acceptsEmpty: true,
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return read.obj(first.source) && Array.isArray(first.packages) ? 1 : 0;
    return "experimental_config" in root ? 0.9 : 0;
  },
  parse(document, { file }) {
    if (document.kind === "jsonl" && document.data.length === 0) return logOf(new RunBuilder({ name: "OSV-Scanner", informationUri: "https://google.github.io/osv-scanner/" }).build());
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.results)) missing(file, "OSV-Scanner", 'no "results" array');
    const run2 = new RunBuilder({ name: "OSV-Scanner", informationUri: "https://google.github.io/osv-scanner/" });
    for (const sourceEntry of root.results) {
      const source = read.obj(read.obj(sourceEntry)?.source);
      const manifest = read.str(source?.path);
      for (const packageEntry of read.arr(read.obj(sourceEntry)?.packages)) {
        const entry = read.obj(packageEntry) ?? {};
        const pkg = read.obj(entry.package) ?? {};
        const vulns = read.arr(entry.vulnerabilities).map(read.obj).filter(Boolean);
        const groups = read.arr(entry.groups).map(read.obj).filter(Boolean);
        const sets = groups.length ? groups.map((g) => read.arr(g.ids).map(read.str).filter(Boolean)) : vulns.map((v) => [read.str(v.id)]);
        for (const ids of sets) {
          const members2 = vulns.filter((v) => ids.includes(read.str(v.id)));
          const vuln = members2[0] ?? {};
          const id = ids.find((i) => /^CVE-/.test(i)) ?? ids.find((i) => /^GHSA-/.test(i)) ?? ids[0] ?? "osv-unidentified";
          const aliases = members2.flatMap((m) => read.arr(m.aliases).map(read.str));
          const score = Math.max(...members2.map(severityOf), 0) || 5.5;
          const cwes = members2.flatMap((m) => [
            ...read.arr(read.obj(m.database_specific)?.cwe_ids),
            ...read.arr(m.affected).flatMap((a) => read.arr(read.obj(read.obj(a)?.database_specific)?.cwes).map((c) => read.obj(c)?.cweId))
          ]);
          const fixed = members2.flatMap(
            (m) => read.arr(m.affected).flatMap((a) => read.arr(read.obj(a)?.ranges).flatMap((r) => read.arr(read.obj(r)?.events).map((e2) => read.str(read.obj(e2)?.fixed))))
          ).filter(Boolean);
          const summary = read.str(vuln.summary);
          run2.rule({
            id,
            short: summary ?? id,
            full: read.str(vuln.details),
            helpUri: `https://osv.dev/vulnerability/${encodeURIComponent(read.str(vuln.id) ?? id)}`,
            score,
            level: levelOf(score),
            cwes,
            tags: ["vulnerability", read.str(pkg.ecosystem)],
            precision: "very-high"
          });
          run2.result({
            ruleId: id,
            message: `${read.str(pkg.name)} ${read.str(pkg.version) ?? ""} is affected by ${id}${summary ? `: ${summary}` : ""}${fixed.length ? ` (fixed in ${[...new Set(fixed)].join(", ")})` : ""}`.replace(/\s+/g, " "),
            level: levelOf(score),
            score,
            category: "sca",
            // source.path is absolute (v2 walks from /): kept so, normalization makes it relative to the
            // checkout, and the dependency's identity does not depend on where the checkout lies.
            locations: [fileLocation(manifest)],
            ids: [...ids, ...aliases],
            cwes,
            package: { name: read.str(pkg.name) ?? "package", version: read.str(pkg.version), ecosystem: read.str(pkg.ecosystem), fixedVersions: fixed }
          });
        }
      }
    }
    return logOf(run2.build());
  }
};
function isReport(value) {
  const object = read.obj(value);
  return !!object && typeof object.check_type === "string" && !!read.obj(object.results);
}
function isEmptySummary(value) {
  const object = read.obj(value);
  return !!object && "checkov_version" in object && ("resource_count" in object || "resourcecount" in object) && "failed" in object && "passed" in object && !("results" in object);
}
var CATEGORY = { secrets: "secrets", sca_package: "sca", sca_image: "container" };
var checkov = {
  id: "checkov",
  title: "Checkov JSON",
  producedBy: "checkov -o json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const data = document.data;
    if (Array.isArray(data)) return data.length > 0 && data.every(isReport) ? 1 : 0;
    return isReport(data) ? 1 : isEmptySummary(data) ? 0.9 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json") missing(file, "Checkov", "expected one JSON document");
    const reports = Array.isArray(document.data) ? document.data : [document.data];
    let version2;
    const run2 = new RunBuilder({ name: "Checkov", informationUri: "https://www.checkov.io" });
    for (const [index, value] of reports.entries()) {
      const report = read.obj(value);
      if (!report || !(isReport(report) || isEmptySummary(report))) missing(file, "Checkov", `report ${index} lacks "check_type" and "results"`);
      version2 ??= read.str(read.obj(report.summary)?.checkov_version) ?? read.str(report.checkov_version);
      const type = read.str(report.check_type) ?? "";
      for (const item of read.arr(read.obj(report.results)?.failed_checks)) {
        const check = read.obj(item) ?? {};
        const id = read.str(check.check_id) ?? "checkov";
        const score = scoreOf(check.severity, 5.5);
        const range = read.arr(check.file_line_range);
        const resource = read.str(check.resource);
        const category = CATEGORY[type] ?? "iac";
        run2.rule({
          id,
          name: read.str(check.bc_check_id) ?? id,
          short: read.str(check.check_name) ?? id,
          helpUri: read.str(check.guideline),
          score,
          level: levelOf(score),
          tags: ["misconfiguration", type]
        });
        run2.result({
          ruleId: id,
          message: `${read.str(check.check_name) ?? id}${resource ? ` (${resource})` : ""}`,
          level: levelOf(score),
          score,
          category,
          locations: [fileLocation(read.str(check.repo_file_path ?? check.file_path)?.replace(/^\/+/, ""), { startLine: range[0], endLine: range[1] })],
          logicalLocations: resource ? [logicalLocation(resource, "resource")] : [],
          ids: [id, read.str(check.bc_check_id)],
          secret: category === "secrets" ? `${read.str(check.file_path)}:${String(range[0])}:${id}` : void 0,
          properties: { [PROP.severityLabel]: read.str(check.severity) ?? void 0, [PROP.framework]: type }
        });
      }
    }
    const built = run2.build();
    if (version2) built.tool.driver.version = version2;
    return logOf(built);
  }
};
var PRECISION2 = { HIGH: "high", MEDIUM: "medium", LOW: "low" };
var bandit = {
  id: "bandit",
  title: "Bandit JSON",
  producedBy: "bandit -r . -f json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.results)) return 0;
    const first = read.obj(root.results[0]);
    if (first) return typeof first.test_id === "string" && "issue_severity" in first ? 1 : 0;
    return read.obj(read.obj(root.metrics)?._totals) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.results)) missing(file, "Bandit", 'no "results" array');
    const run2 = new RunBuilder({ name: "Bandit", informationUri: "https://bandit.readthedocs.io" });
    for (const [index, value] of root.results.entries()) {
      const issue = read.obj(value);
      const id = read.str(issue?.test_id);
      if (!issue || !id) missing(file, "Bandit", `results[${index}] lacks "test_id"`);
      const score = scoreOf(issue.issue_severity);
      const cwe = read.obj(issue.issue_cwe);
      const range = read.arr(issue.line_range);
      const text22 = read.str(issue.issue_text) ?? id;
      run2.rule({
        id,
        name: read.str(issue.test_name),
        short: text22,
        helpUri: read.str(issue.more_info),
        score,
        level: levelOf(score),
        cwes: [cwe?.id],
        tags: ["python"],
        precision: PRECISION2[(read.str(issue.issue_confidence) ?? "").toUpperCase()]
      });
      run2.result({
        ruleId: id,
        message: text22,
        level: levelOf(score),
        score,
        category: "sast",
        locations: [
          fileLocation(read.str(issue.filename)?.replace(/^\.\//, ""), {
            startLine: issue.line_number,
            endLine: range.length > 1 ? range[range.length - 1] : void 0,
            startColumn: typeof issue.col_offset === "number" ? issue.col_offset + 1 : void 0,
            endColumn: typeof issue.end_col_offset === "number" ? issue.end_col_offset + 1 : void 0
          })
        ],
        cwes: [cwe?.id],
        properties: { [PROP.severityLabel]: read.str(issue.issue_severity), [PROP.confidence]: read.str(issue.issue_confidence) }
      });
    }
    const built = run2.build();
    const problems = read.arr(root.errors).map(read.obj).filter((e2) => !!e2 && !!read.str(e2.filename));
    if (problems.length) {
      built.invocations = [
        {
          executionSuccessful: true,
          toolExecutionNotifications: problems.map((e2) => ({
            level: "warning",
            message: { text: read.str(e2.reason) ?? "could not be analysed" },
            locations: [{ physicalLocation: { artifactLocation: { uri: read.str(e2.filename).replace(/^\.\//, "") } } }]
          }))
        }
      ];
    }
    return logOf(built);
  }
};
var here = dirname(fileURLToPath(import.meta.url));
var RUNNER_DIRS = [join(here, "runners"), join(here, "..", "..", "dist", "runners")];
function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch {
    return void 0;
  }
}
function toolRunner(id) {
  for (const dir of RUNNER_DIRS) {
    const entry = readManifest(dir)?.[id];
    if (entry && existsSync(join(dir, `${id}.js`))) return { script: join(dir, `${id}.js`), ...entry };
  }
  return void 0;
}
function runnerAvailability(id) {
  const runner = toolRunner(id);
  return runner ? { available: true, version: runner.version } : { available: false, reason: `its runner is missing from ${RUNNER_DIRS[0]} (an incomplete Pipewarden install or bundle; reinstall Pipewarden)` };
}
var MAX_ARGS_CHARS = 1e5;
function fitsCommandLine(files) {
  let total = 0;
  for (const file of files) total += file.length + 1;
  return total <= MAX_ARGS_CHARS;
}
function leftOutLinkPatterns(links = []) {
  return links.flatMap((link) => ["--ignore-pattern", link.replace(/[*?[\]{}()!+@\\]/g, "\\$&")]);
}
function zeroOneExit(code) {
  return code === 0 ? "clean" : code === 1 ? "findings" : "error";
}
function annotateRules(log2, describe22) {
  for (const run2 of log2.runs) {
    for (const rule of run2.tool.driver.rules ?? []) {
      const known = describe22(rule);
      if (!known) continue;
      const tags = /* @__PURE__ */ new Set([...rule.properties?.tags ?? [], ...known.tags]);
      rule.properties = { ...rule.properties, tags: [...tags], "security-severity": known.severity };
    }
  }
}
var JS = /\.(?:js|cjs|mjs|jsx)$/i;
var ESLINT_SECURITY_RULES = {
  "detect-eval-with-expression": { severity: "8.8", cwe: "CWE-95" },
  "detect-child-process": { severity: "8.1", cwe: "CWE-78" },
  "detect-non-literal-require": { severity: "6.5", cwe: "CWE-829" },
  "detect-disable-mustache-escape": { severity: "6.1", cwe: "CWE-79" },
  "detect-no-csrf-before-method-override": { severity: "6.5", cwe: "CWE-352" },
  "detect-non-literal-fs-filename": { severity: "5.3", cwe: "CWE-22" },
  "detect-unsafe-regex": { severity: "5.3", cwe: "CWE-1333" },
  "detect-non-literal-regexp": { severity: "5.3", cwe: "CWE-1333" },
  "detect-pseudoRandomBytes": { severity: "5.3", cwe: "CWE-338" },
  "detect-buffer-noassert": { severity: "5.3", cwe: "CWE-787" },
  "detect-bidi-characters": { severity: "5.3", cwe: "CWE-451" },
  "detect-new-buffer": { severity: "3.7", cwe: "CWE-770" },
  "detect-possible-timing-attacks": { severity: "3.7", cwe: "CWE-208" },
  "detect-object-injection": { severity: "3.1", cwe: "CWE-915" }
};
var eslintSecurity = {
  kind: "command",
  id: "eslint-security",
  title: "ESLint with eslint-plugin-security",
  category: "sast",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 5 * 6e4,
  installHint: "built in",
  fileList: true,
  async detect() {
    return runnerAvailability("eslint-security");
  },
  select(files) {
    return files.filter((file) => JS.test(file) && !/\.min\.js$/i.test(file));
  },
  command(target) {
    const list22 = fitsCommandLine(target.files);
    const skips = list22 ? [] : leftOutLinkPatterns(target.leftOutLinks);
    return {
      // ESLint with eslint-plugin-security and Pipewarden's config, built into the runner (runners/eslint-security.ts).
      command: process.execPath,
      args: [toolRunner("eslint-security").script, "--output", target.outputFile, ...skips, ...list22 ? ["--", ...target.files] : ["--all"]],
      cwd: target.root,
      output: "file"
    };
  },
  // 1: lint errors found; 2: a configuration or internal error.
  exitMeaning: zeroOneExit,
  annotate(log2) {
    annotateRules(log2, (rule) => {
      const known = ESLINT_SECURITY_RULES[rule.id.replace(/^security\//, "")];
      return known && { severity: known.severity, tags: ["security", `external/cwe/${known.cwe.toLowerCase()}`] };
    });
  }
};
function isFileResult(value) {
  const object = read.obj(value);
  return !!object && typeof object.filePath === "string" && Array.isArray(object.messages);
}
var eslint = {
  id: "eslint",
  title: "ESLint JSON",
  producedBy: "eslint -f json",
  detect({ document }) {
    if (document.kind !== "json" || !Array.isArray(document.data) || document.data.length === 0) return 0;
    return document.data.every(isFileResult) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json" || !Array.isArray(document.data)) missing(file, "ESLint", "expected a JSON array of file results");
    const run2 = new RunBuilder({ name: "ESLint", informationUri: "https://eslint.org" });
    for (const [index, value] of document.data.entries()) {
      if (!isFileResult(value)) missing(file, "ESLint", `item ${index} lacks "filePath" or "messages"`);
      const entry = read.obj(value);
      for (const item of read.arr(entry.messages)) {
        const message2 = read.obj(item) ?? {};
        const id = read.str(message2.ruleId) ?? (message2.fatal ? "eslint/parse-error" : "eslint/unknown");
        const known = ESLINT_SECURITY_RULES[id.replace(/^security\//, "")];
        const score = known ? Number(known.severity) : message2.severity === 2 ? 8 : 5.5;
        run2.rule({ id, short: id, helpUri: id.startsWith("security/") ? `https://github.com/eslint-community/eslint-plugin-security/blob/main/docs/rules/${id.slice(9)}.md` : void 0, score, level: levelOf(score), cwes: known ? [known.cwe] : [], tags: ["javascript"] });
        run2.result({
          ruleId: id,
          message: read.str(message2.message) ?? id,
          level: levelOf(score),
          score,
          category: "sast",
          locations: [fileLocation(read.str(entry.filePath), { startLine: message2.line, startColumn: message2.column, endLine: message2.endLine, endColumn: message2.endColumn })],
          cwes: known ? [known.cwe] : []
        });
      }
    }
    return logOf(run2.build());
  }
};
var SEVERITY3 = { error: 6.5, warning: 4, info: 2, style: 1 };
function isIssue(value) {
  const object = read.obj(value);
  return !!object && typeof object.code === "string" && /^(DL|SC)\d+$/.test(object.code) && "level" in object && "line" in object;
}
var hadolint = {
  id: "hadolint",
  title: "Hadolint JSON",
  producedBy: "hadolint -f json Dockerfile",
  detect({ document }) {
    if (document.kind !== "json" || !Array.isArray(document.data) || document.data.length === 0) return 0;
    return document.data.every(isIssue) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json" || !Array.isArray(document.data)) missing(file, "Hadolint", "expected a JSON array of issues");
    const run2 = new RunBuilder({ name: "Hadolint", informationUri: "https://github.com/hadolint/hadolint" });
    for (const [index, value] of document.data.entries()) {
      if (!isIssue(value)) missing(file, "Hadolint", `item ${index} lacks "code", "level" or "line"`);
      const issue = read.obj(value);
      const id = read.str(issue.code);
      const score = SEVERITY3[read.str(issue.level) ?? "warning"] ?? 4;
      const wiki = id.startsWith("SC") ? `https://www.shellcheck.net/wiki/${id}` : `https://github.com/hadolint/hadolint/wiki/${id}`;
      run2.rule({ id, short: read.str(issue.message) ?? id, helpUri: wiki, score, level: levelOf(score), tags: ["dockerfile"] });
      run2.result({
        ruleId: id,
        message: read.str(issue.message) ?? id,
        level: levelOf(score),
        score,
        category: "iac",
        locations: [fileLocation(read.str(issue.file), { startLine: issue.line, startColumn: issue.column })]
      });
    }
    return logOf(run2.build());
  }
};
var SCAN_CATEGORY = {
  sast: "sast",
  dependency_scanning: "sca",
  container_scanning: "container",
  cluster_image_scanning: "container",
  dast: "dast",
  api_fuzzing: "dast",
  coverage_fuzzing: "sast",
  secret_detection: "secrets"
};
function categoryOf2(scanType, item) {
  const explicit = SCAN_CATEGORY[scanType ?? ""] ?? SCAN_CATEGORY[read.str(item.category) ?? ""];
  if (explicit) return explicit;
  const location2 = read.obj(item.location) ?? {};
  if ("raw_source_code_extract" in item) return "secrets";
  if (read.str(location2.image)) return "container";
  if (read.str(location2.hostname) || read.str(location2.method)) return "dast";
  if (read.str(read.obj(read.obj(location2.dependency)?.package)?.name)) return "sca";
  return "sast";
}
function isVulnerability(value) {
  const item = read.obj(value);
  return !!item && (Array.isArray(item.identifiers) || read.obj(item.location) !== void 0) && ("severity" in item || "description" in item || "name" in item);
}
function ruleIdOf(identifiers2, item) {
  const first = identifiers2[0];
  const value = read.str(first?.value);
  if (value && /^(CVE|GHSA)-/i.test(value)) return value.toUpperCase().startsWith("GHSA") ? value : value.toUpperCase();
  if (value) return `${read.str(first?.type) ?? "gitlab"}/${value}`.replace(/\s+/g, "-");
  return `gitlab/${(read.str(item.name) ?? read.str(item.message) ?? "finding").replace(/\s+/g, "-")}`;
}
var gitlab = {
  id: "gitlab",
  title: "GitLab security reports (SAST, dependency, container, DAST, secret detection)",
  producedBy: "GitLab analyzers and anything writing gl-*-report.json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.vulnerabilities)) return 0;
    if ("bomFormat" in root) return 0;
    const scan2 = read.obj(root.scan);
    if (scan2 && typeof scan2.type === "string") return 1;
    if (root.vulnerabilities.length) {
      const shaped = root.vulnerabilities.every(isVulnerability) && root.vulnerabilities.some((v) => Array.isArray(read.obj(v)?.identifiers));
      if (!shaped) return 0;
      return scan2 ? 1 : 0.9;
    }
    if (scan2) return read.obj(scan2.analyzer) || read.obj(scan2.scanner) || Array.isArray(scan2.scanned_resources) || Array.isArray(root.remediations) ? 1 : 0.8;
    return "remediations" in root || typeof root.version === "string" || "__comment__" in root ? 0.6 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.vulnerabilities)) missing(file, "GitLab security", 'no "vulnerabilities" array');
    const scan2 = read.obj(root.scan);
    const scanner = read.obj(scan2?.scanner);
    const analyzer = read.obj(scan2?.analyzer);
    const scanType = read.str(scan2?.type);
    const run2 = new RunBuilder({
      name: read.str(scanner?.name) ?? read.str(analyzer?.name) ?? "GitLab",
      version: read.str(scanner?.version),
      informationUri: read.str(scanner?.url),
      organization: read.str(read.obj(scanner?.vendor)?.name)
    });
    const ecosystemOf = /* @__PURE__ */ new Map();
    for (const entry of read.arr(root.dependency_files)) {
      const dep = read.obj(entry);
      if (read.str(dep?.path) && read.str(dep?.package_manager)) ecosystemOf.set(read.str(dep.path), read.str(dep.package_manager));
    }
    for (const [index, value] of root.vulnerabilities.entries()) {
      const item = read.obj(value);
      if (!item) missing(file, "GitLab security", `vulnerabilities[${index}] is not an object`);
      const identifiers2 = read.arr(item.identifiers).map(read.obj).filter(Boolean);
      const location2 = read.obj(item.location) ?? {};
      const category = categoryOf2(scanType, item);
      const id = ruleIdOf(identifiers2, item);
      const score = scoreOf(item.severity);
      const cwes = identifiers2.filter((i) => /^cwe$/i.test(read.str(i.type) ?? "")).map((i) => cweId(read.str(i.value)));
      const owasp = identifiers2.filter((i) => /^owasp$/i.test(read.str(i.type) ?? "")).map((i) => `OWASP-${read.str(i.value)}`);
      const ids = identifiers2.map((i) => read.str(i.value)).filter((v) => v && /^(CVE|GHSA|CWE)-/i.test(v));
      const name2 = read.str(item.name) ?? read.str(item.message) ?? read.str(identifiers2[0]?.name) ?? id;
      const dependency = read.obj(location2.dependency);
      const pkg = read.obj(dependency?.package);
      const filePath = read.str(location2.file);
      const image = read.str(location2.image);
      const evidence = read.obj(item.evidence);
      const request = read.obj(evidence?.request);
      const links = read.arr(item.links).map((l) => read.str(read.obj(l)?.url)).filter(Boolean);
      run2.rule({
        id,
        name: read.str(identifiers2[0]?.name) ?? name2,
        short: name2,
        full: read.str(item.description),
        help: read.str(item.solution),
        helpUri: read.str(identifiers2[0]?.url) ?? links[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [category, ...owasp]
      });
      const dast = category === "dast" ? {
        url: read.str(request?.url) ?? `${read.str(location2.hostname) ?? ""}${read.str(location2.path) ?? ""}`,
        method: read.str(location2.method) ?? read.str(request?.method),
        parameter: read.str(location2.param),
        // Evidence summaries can quote what the app leaked; only a short, scrubbed excerpt is kept.
        evidence: read.str(evidence?.summary)?.slice(0, 200),
        // The request line only: the evidence's headers and bodies (and supporting_messages) carry cookies,
        // tokens and submitted passwords.
        request: read.str(request?.url) ? `${read.str(request?.method) ?? read.str(location2.method) ?? "GET"} ${read.str(request?.url)}`.slice(0, 2e3) : void 0
      } : void 0;
      run2.result({
        ruleId: id,
        message: [name2, pkg ? `in ${read.str(pkg.name)}${read.str(dependency?.version) ? ` ${read.str(dependency?.version)}` : ""}` : "", image ? `(image ${image})` : ""].filter(Boolean).join(" "),
        level: levelOf(score),
        score,
        category,
        locations: [
          fileLocation(filePath, { startLine: location2.start_line, endLine: location2.end_line })
        ],
        logicalLocations: [
          ...read.str(location2.class) || read.str(location2.method) && category !== "dast" ? [logicalLocation(`${read.str(location2.class) ?? ""}${read.str(location2.class) && read.str(location2.method) ? "." : ""}${category !== "dast" ? read.str(location2.method) ?? "" : ""}`, "member")] : [],
          ...dast?.url ? [logicalLocation(dast.url, "url")] : [],
          ...image && !filePath ? [logicalLocation(image, "module")] : []
        ],
        ids: [...ids, ...owasp],
        cwes,
        package: pkg && read.str(pkg.name) ? { name: read.str(pkg.name), version: read.str(dependency?.version), ecosystem: (filePath && ecosystemOf.get(filePath)) ?? read.str(location2.operating_system)?.split(":")[0] } : void 0,
        image: image ? { reference: image } : void 0,
        dast,
        secret: "raw_source_code_extract" in item ? read.str(item.raw_source_code_extract) ?? `${filePath}:${read.str(location2.start_line)}` : void 0,
        fingerprints: read.str(item.id) ? { "gitlab/v1": read.str(item.id) } : void 0,
        properties: { [PROP.severityLabel]: read.str(item.severity), ...read.str(item.confidence) ? { [PROP.confidence]: read.str(item.confidence) } : {} }
      });
    }
    const built = run2.build();
    const status2 = read.str(scan2?.status);
    if (status2 === "failure") {
      built.invocations = [{ executionSuccessful: false, toolExecutionNotifications: read.arr(scan2?.messages).map((m) => ({ level: "error", message: { text: read.str(read.obj(m)?.value) ?? "scan failed" } })) }];
    }
    return logOf(built);
  }
};
function alertLists(data) {
  const found = [];
  const visit = (node, repository, depth) => {
    const object = read.obj(node);
    if (!object || depth > 6) return;
    const name2 = read.str(object.nameWithOwner) ?? read.str(object.name) ?? repository;
    const alerts = read.obj(object.vulnerabilityAlerts);
    if (alerts && Array.isArray(alerts.nodes)) found.push({ alerts: alerts.nodes, repository: name2 });
    for (const key of ["data", "repository", "search"]) visit(object[key], name2, depth + 1);
    for (const child of read.arr(object.nodes)) visit(child, name2, depth + 1);
  };
  visit(data, void 0, 0);
  return found;
}
var githubVulnerability = {
  id: "github-vulnerability",
  title: "GitHub Dependabot alerts (GraphQL JSON)",
  producedBy: "GitHub's GraphQL API: repository { vulnerabilityAlerts { nodes { \u2026 } } }",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !read.obj(root.data)) return 0;
    return alertLists(root).length > 0 ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json" || !read.obj(read.obj(document.data)?.data)) missing(file, "GitHub vulnerability alerts", 'no GraphQL "data"');
    const lists = alertLists(document.data);
    if (!lists.length) missing(file, "GitHub vulnerability alerts", 'no "vulnerabilityAlerts" in the GraphQL data');
    const run2 = new RunBuilder({ name: "GitHub Dependabot", informationUri: "https://docs.github.com/code-security/dependabot/dependabot-alerts" });
    for (const { alerts, repository } of lists) {
      for (const [index, value] of alerts.entries()) {
        const alert = read.obj(value);
        const vuln = read.obj(alert?.securityVulnerability);
        if (!alert || !vuln) missing(file, "GitHub vulnerability alerts", `alert ${index} lacks "securityVulnerability"`);
        const advisory = read.obj(vuln.advisory) ?? {};
        const identifiers2 = read.arr(advisory.identifiers).map(read.obj).filter(Boolean);
        const ghsa = read.str(advisory.ghsaId) ?? identifiers2.find((i) => read.str(i.type) === "GHSA")?.value;
        const cve = identifiers2.find((i) => read.str(i.type) === "CVE")?.value;
        const id = read.str(cve) ?? read.str(ghsa) ?? read.str(identifiers2[0]?.value) ?? "github-advisory";
        const score = firstScore(read.obj(advisory.cvss)?.score) ?? scoreOf(vuln.severity);
        const pkg = read.obj(vuln.package) ?? {};
        const patched = read.str(read.obj(vuln.firstPatchedVersion)?.identifier);
        const cwes = read.arr(read.obj(advisory.cwes)?.nodes).map((c) => read.obj(c)?.cweId);
        const state = read.str(alert.state);
        if (state?.toUpperCase() === "FIXED" || read.str(alert.fixedAt)) continue;
        const dismissed = read.str(alert.dismissReason) ?? (read.str(alert.dismissedAt) || /DISMISSED/i.test(state ?? "") ? "dismissed" : void 0);
        run2.rule({
          id,
          short: read.str(advisory.summary) ?? id,
          full: read.str(advisory.description),
          helpUri: read.str(advisory.permalink) ?? read.arr(advisory.references).map((r) => read.str(read.obj(r)?.url)).find(Boolean),
          score,
          level: levelOf(score),
          cwes,
          tags: ["vulnerability", read.str(pkg.ecosystem)?.toLowerCase()],
          precision: "very-high"
        });
        run2.result({
          ruleId: id,
          message: `${read.str(pkg.name) ?? "A dependency"} ${read.str(vuln.vulnerableVersionRange) ?? ""} is affected by ${id}: ${read.str(advisory.summary) ?? ""}${patched ? ` (fixed in ${patched})` : " (no fix yet)"}`.replace(/\s+/g, " ").trim(),
          level: levelOf(score),
          score,
          category: "sca",
          locations: [fileLocation(read.str(alert.vulnerableManifestPath))],
          ids: [id, read.str(ghsa), read.str(cve), ...identifiers2.map((i) => read.str(i.value))],
          cwes,
          package: { name: read.str(pkg.name) ?? "package", version: read.str(alert.vulnerableRequirements)?.replace(/^=\s*/, ""), ecosystem: read.str(pkg.ecosystem), fixedVersions: patched ? [patched] : [] },
          suppressed: dismissed ? `dismissed on GitHub: ${dismissed}` : void 0,
          properties: {
            ...repository ? { [PROP.repository]: repository } : {},
            ...state ? { [PROP.alertState]: state } : {},
            ...read.str(alert.number) ? { [PROP.alertNumber]: read.str(alert.number) } : {}
          }
        });
      }
    }
    return logOf(run2.build());
  }
};
var TITLE = "GitHub code scanning alerts";
function alertsOf(document) {
  if (document.kind === "jsonl") {
    if (document.data.every(Array.isArray)) return document.data.flat();
    return document.data.every((line2) => read.obj(line2)) ? document.data : void 0;
  }
  if (document.kind !== "json" || !Array.isArray(document.data)) return void 0;
  return document.data.length && document.data.every(Array.isArray) ? document.data.flat() : document.data;
}
function isAlert(value) {
  const alert = read.obj(value);
  return !!alert && !!read.obj(alert.rule) && !!read.obj(alert.most_recent_instance) && !("security_advisory" in alert) && !("dependency" in alert) && !("secret_type" in alert);
}
function scoreOfAlert(rule) {
  const level = read.str(rule.security_severity_level);
  return level ? scoreOf(level) : void 0;
}
function levelOfRule(rule) {
  const severity = read.str(rule.severity)?.toLowerCase();
  if (severity === "error" || severity === "warning" || severity === "note") return severity;
  return severity === "none" ? "note" : "warning";
}
function cwesOf3(tags) {
  return tags.map((tag) => /^external\/cwe\/cwe-(\d+)$/i.exec(tag)?.[1] ?? /^CWE-(\d+)\b/i.exec(tag)?.[1]).map((n) => n ? cweId(Number(n)) : void 0).filter((c) => !!c);
}
function dismissal(alert) {
  const reason = read.str(alert.dismissed_reason);
  const by = read.str(read.obj(alert.dismissed_by)?.login);
  const comment2 = read.str(alert.dismissed_comment)?.trim();
  return `dismissed on GitHub${reason ? ` as ${reason}` : ""}${by ? ` by ${by}` : ""}${comment2 ? `: ${comment2}` : ""}`;
}
var githubCodeScanning = {
  id: "github-code-scanning",
  title: TITLE,
  producedBy: "GitHub REST API: GET /repos/{owner}/{repo}/code-scanning/alerts (or /orgs/{org}/\u2026), gh api --paginate",
  detect({ document }) {
    const alerts = alertsOf(document);
    if (!alerts?.length) return 0;
    return isAlert(alerts[0]) ? 1 : 0;
  },
  parse(document, { file }) {
    const alerts = alertsOf(document);
    if (!alerts) missing(file, TITLE, "expected a JSON array of alerts (GET /repos/{owner}/{repo}/code-scanning/alerts)");
    const runs = /* @__PURE__ */ new Map();
    for (const [index, value] of alerts.entries()) {
      const alert = read.obj(value);
      const rule = read.obj(alert?.rule);
      const instance = read.obj(alert?.most_recent_instance);
      if (!alert || !rule || !instance) missing(file, TITLE, `alert ${index} lacks "rule" or "most_recent_instance"`);
      const tool = read.obj(alert.tool) ?? {};
      const toolName = read.str(tool.name) ?? "GitHub code scanning";
      const repository = read.str(read.obj(alert.repository)?.full_name);
      const key = `${toolName}\0${repository ?? ""}`;
      let run2 = runs.get(key);
      if (!run2) {
        run2 = { builder: new RunBuilder({ name: toolName, version: read.str(tool.version) }), extras: [] };
        runs.set(key, run2);
      }
      const state = read.str(alert.state)?.toLowerCase();
      if (state === "fixed" || state === "closed" && !read.str(alert.dismissed_reason)) continue;
      const ruleId = read.str(rule.id) ?? read.str(rule.name) ?? "github-code-scanning";
      const tags = read.arr(rule.tags).map(read.str).filter((t) => !!t);
      const cwes = cwesOf3(tags);
      const score = scoreOfAlert(rule);
      const level = score !== void 0 ? levelOf(score) : levelOfRule(rule);
      run2.builder.rule({
        id: ruleId,
        name: read.str(rule.name),
        short: read.str(rule.description) ?? read.str(rule.name),
        full: read.str(rule.full_description),
        help: read.str(rule.help),
        helpUri: read.str(rule.help_uri),
        score,
        level,
        cwes,
        // The CWE tags are written again in one spelling (external/cwe/cwe-79) from the CWE ids.
        tags: tags.filter((tag) => !/^(?:external\/cwe\/|CWE-\d)/i.test(tag))
      });
      const where4 = read.obj(instance.location) ?? {};
      const number = read.num(alert.number);
      const properties = {
        ...number !== void 0 ? { [PROP.alertNumber]: number } : {},
        ...state ? { [PROP.alertState]: state } : {},
        ...read.str(instance.commit_sha) ? { [PROP.commit]: read.str(instance.commit_sha) } : {},
        ...repository ? { [PROP.repository]: repository } : {},
        ...read.str(rule.security_severity_level) ? { [PROP.severityLabel]: read.str(rule.security_severity_level) } : {}
      };
      run2.builder.result({
        ruleId,
        message: read.str(read.obj(instance.message)?.text) ?? read.str(rule.description) ?? ruleId,
        level,
        score,
        category: "sast",
        locations: [fileLocation(read.str(where4.path), { startLine: where4.start_line, endLine: where4.end_line, startColumn: where4.start_column, endColumn: where4.end_column })],
        cwes,
        suppressed: state === "dismissed" || state === "closed" ? dismissal(alert) : void 0,
        properties
      });
      const created = read.str(alert.created_at);
      run2.extras.push({
        hostedViewerUri: read.str(alert.html_url),
        firstDetection: created && !Number.isNaN(Date.parse(created)) ? new Date(created).toISOString() : void 0
      });
    }
    const built = [...runs.values()].map(({ builder, extras }) => {
      const run2 = builder.build();
      for (const [i, result2] of (run2.results ?? []).entries()) {
        const extra = extras[i];
        if (extra?.hostedViewerUri) result2.hostedViewerUri = extra.hostedViewerUri;
        if (extra?.firstDetection) result2.provenance = { firstDetectionTimeUtc: extra.firstDetection };
      }
      return run2;
    });
    return logOf(...built);
  }
};
var TYPES = /* @__PURE__ */ new Set(["auditAdvisory", "auditSummary", "warning", "error", "info", "activityStart", "activityTick", "activityEnd", "step", "success"]);
function isLine(value) {
  const object = read.obj(value);
  return !!object && typeof object.type === "string" && TYPES.has(object.type) && "data" in object;
}
var yarnAudit = {
  id: "yarn-audit",
  title: "yarn audit --json (JSON Lines)",
  producedBy: "yarn audit --json (yarn 1)",
  detect({ document }) {
    const lines = document.kind === "jsonl" ? document.data : document.kind === "json" ? [document.data] : [];
    if (!lines.length || !lines.every(isLine)) return 0;
    return lines.some((l) => read.obj(l)?.type === "auditAdvisory" || read.obj(l)?.type === "auditSummary") ? 1 : 0.8;
  },
  parse(document, { file }) {
    const lines = document.kind === "jsonl" ? document.data : document.kind === "json" ? [document.data] : missing(file, "yarn audit", "expected JSON lines");
    const run2 = new RunBuilder({ name: "yarn audit", informationUri: "https://classic.yarnpkg.com/en/docs/cli/audit" });
    const errors = [];
    for (const [index, line2] of lines.entries()) {
      if (!isLine(line2)) missing(file, "yarn audit", `line ${index + 1} is not a yarn message ({"type", "data"})`);
      const message2 = read.obj(line2);
      if (message2.type === "error") errors.push(read.str(message2.data) ?? "yarn audit failed");
      if (message2.type !== "auditAdvisory") continue;
      const data = read.obj(message2.data) ?? {};
      const advisory = read.obj(data.advisory) ?? {};
      const resolution = read.obj(data.resolution) ?? {};
      const url = read.str(advisory.url);
      const id = (url && /GHSA-[\w-]+/i.exec(url)?.[0]) ?? `npm-advisory-${read.str(advisory.id) ?? "unknown"}`;
      const score = scoreOf(advisory.severity);
      const name2 = read.str(advisory.module_name) ?? "package";
      const patched = read.str(advisory.patched_versions);
      run2.rule({ id, short: read.str(advisory.title) ?? id, full: read.str(advisory.overview), help: read.str(advisory.recommendation), helpUri: url, score, level: levelOf(score), cwes: [cweId(advisory.cwe)], tags: ["vulnerability", "npm"] });
      run2.result({
        ruleId: id,
        message: `${name2} (${read.str(advisory.vulnerable_versions) ?? "affected versions"}): ${read.str(advisory.title) ?? id}${patched ? `; patched in ${patched}` : ""}`,
        level: levelOf(score),
        score,
        category: "sca",
        locations: [fileLocation("yarn.lock")],
        logicalLocations: read.str(resolution.path) ? [logicalLocation(read.str(resolution.path), "module")] : [],
        ids: [id, ...read.arr(advisory.cves)],
        cwes: [cweId(advisory.cwe)],
        package: { name: name2, ecosystem: "npm", version: read.str(read.obj(read.arr(advisory.findings)[0])?.version), fixedVersions: patched ? [patched] : [] }
      });
    }
    const built = run2.build();
    if (errors.length) built.invocations = [{ executionSuccessful: false, toolExecutionNotifications: errors.map((text22) => ({ level: "error", message: { text: text22 } })) }];
    return logOf(built);
  }
};
function isProject(value) {
  const object = read.obj(value);
  return !!object && Array.isArray(object.vulnerabilities) && ("packageManager" in object || "dependencyCount" in object) && ("ok" in object || "uniqueCount" in object);
}
var snyk = {
  id: "snyk",
  title: "Snyk JSON (open source, container; Snyk Code writes SARIF)",
  producedBy: "snyk test --json, snyk test --all-projects --json, snyk container test --json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const data = document.data;
    if (Array.isArray(data)) return data.length > 0 && data.every(isProject) ? 1 : 0;
    return isProject(data) ? 1 : 0;
  },
  parse(document, { file }) {
    if (document.kind !== "json") missing(file, "Snyk", "expected one JSON document");
    const projects = Array.isArray(document.data) ? document.data : [document.data];
    const run2 = new RunBuilder({ name: "Snyk", informationUri: "https://snyk.io" });
    const visit = (project, inherited) => {
      const docker = read.obj(project.docker);
      const image = inherited.image ?? (docker ? read.str(project.path) ?? read.str(project.projectName) : void 0);
      const target = read.str(project.displayTargetFile) ?? read.str(project.targetFile);
      for (const value of read.arr(project.vulnerabilities)) {
        const vuln = read.obj(value) ?? {};
        const id = read.str(vuln.id) ?? "snyk-issue";
        const identifiers2 = read.obj(vuln.identifiers) ?? {};
        const cves = read.arr(identifiers2.CVE);
        const cwes = read.arr(identifiers2.CWE);
        const score = firstScore(vuln.cvssScore) ?? scoreOf(vuln.severityWithCritical ?? vuln.severity);
        const name2 = read.str(vuln.packageName) ?? read.str(vuln.name) ?? "package";
        const version2 = read.str(vuln.version);
        const fixed = read.arr(vuln.fixedIn).map(read.str).filter(Boolean);
        const from = read.arr(vuln.from).map(read.str).filter(Boolean);
        const license = read.str(vuln.type) === "license";
        run2.rule({
          id,
          short: read.str(vuln.title) ?? id,
          full: read.str(vuln.description),
          helpUri: `https://security.snyk.io/vuln/${encodeURIComponent(id)}`,
          score,
          level: levelOf(score),
          cwes,
          tags: [license ? "license" : "vulnerability", read.str(vuln.language)],
          precision: "very-high"
        });
        run2.result({
          ruleId: id,
          message: `${name2}${version2 ? ` ${version2}` : ""}: ${read.str(vuln.title) ?? id}${fixed.length ? ` (fixed in ${fixed.join(", ")})` : ""}${from.length > 1 ? `, introduced through ${from[1]}` : ""}`,
          level: levelOf(score),
          score,
          category: image ? "container" : "sca",
          locations: [image ? void 0 : fileLocation(target)],
          logicalLocations: from.length ? [logicalLocation(from.join(" > "), "module")] : [],
          ids: [id, ...cves, ...read.arr(identifiers2.GHSA)],
          cwes,
          package: { name: read.str(vuln.name) ?? name2, version: version2, ecosystem: read.str(vuln.packageManager)?.split(":")[0] ?? read.str(project.packageManager), fixedVersions: fixed },
          image: image ? { reference: image } : void 0,
          properties: {
            [PROP.severityLabel]: read.str(vuln.severityWithCritical) ?? read.str(vuln.severity),
            ...read.str(vuln.CVSSv3) ? { [PROP.cvssVector]: read.str(vuln.CVSSv3) } : {},
            ...read.str(vuln.exploit) ? { [PROP.exploitMaturity]: read.str(vuln.exploit) } : {}
          }
        });
      }
      for (const application of read.arr(project.applications)) {
        const app = read.obj(application);
        if (app) visit(app, { image });
      }
    };
    for (const [index, value] of projects.entries()) {
      if (!isProject(value)) missing(file, "Snyk", `project ${index} lacks "vulnerabilities"`);
      visit(read.obj(value), {});
    }
    return logOf(run2.build());
  }
};
function shapeOf(value) {
  const item = read.obj(value);
  if (!item) return void 0;
  if (read.obj(item.SourceMetadata) && ("DetectorName" in item || "DetectorType" in item)) return "v3";
  if ("reason" in item && "stringsFound" in item) return "v2";
  if (read.obj(item.rule) && "path" in item && ("secret" in item || "line" in item)) return "th3";
  return void 0;
}
function v3Source(item) {
  const data = read.obj(read.obj(item.SourceMetadata)?.Data) ?? {};
  const source = read.obj(Object.values(data)[0]) ?? {};
  return { file: read.str(source.file), line: source.line, commit: read.str(source.commit), link: read.str(source.link) };
}
var trufflehog = {
  id: "trufflehog",
  title: "TruffleHog JSON (v3 JSON Lines, v2) and trufflehog3 JSON",
  producedBy: "trufflehog git|github|filesystem --json; trufflehog3 -f json",
  detect({ document }) {
    const items2 = document.kind === "jsonl" ? document.data : document.kind === "json" ? Array.isArray(document.data) ? document.data : [document.data] : [];
    if (!items2.length) return 0;
    const shape2 = shapeOf(items2[0]);
    return shape2 && items2.every((item) => shapeOf(item) === shape2) ? 1 : 0;
  },
  parse(document, { file }) {
    const items2 = document.kind === "jsonl" ? document.data : document.kind === "json" ? Array.isArray(document.data) ? document.data : [document.data] : missing(file, "TruffleHog", "expected JSON");
    const run2 = new RunBuilder({ name: "TruffleHog", informationUri: "https://github.com/trufflesecurity/trufflehog" });
    for (const [index, value] of items2.entries()) {
      const shape2 = shapeOf(value);
      if (!shape2) missing(file, "TruffleHog", `item ${index} is not a TruffleHog finding`);
      const item = read.obj(value);
      if (shape2 === "v3") {
        const detector = read.str(item.DetectorName) ?? `detector-${read.str(item.DetectorType) ?? "unknown"}`;
        const id = `trufflehog/${detector.toLowerCase()}`;
        const verified = item.Verified === true;
        const score = verified ? 9.5 : 8;
        const source = v3Source(item);
        run2.rule({ id, name: detector, short: `${detector} credential`, score: 9.5, level: "error", tags: ["secret"], cwes: ["CWE-798"] });
        run2.result({
          ruleId: id,
          message: `${verified ? "Verified" : "Unverified"} ${detector} credential found${source.file ? ` in ${source.file}` : ""}${source.commit ? ` (commit ${source.commit.slice(0, 12)})` : ""}`,
          level: "error",
          score,
          category: "secrets",
          locations: [fileLocation(source.file, { startLine: source.line })],
          secret: read.str(item.Raw) ?? read.str(item.RawV2) ?? read.str(item.Redacted) ?? `${source.file}:${String(source.line)}`,
          cwes: ["CWE-798"],
          properties: { [PROP.verified]: verified, ...source.commit ? { [PROP.commit]: source.commit } : {}, [PROP.source]: read.str(item.SourceName) }
        });
      } else if (shape2 === "v2") {
        const reason = read.str(item.reason) ?? "secret";
        const id = `trufflehog/${reason.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
        const commit = read.str(item.commitHash);
        const found = read.arr(item.stringsFound).map(read.str).filter(Boolean);
        run2.rule({ id, name: reason, short: reason, score: 8, level: "error", tags: ["secret"], cwes: ["CWE-798"] });
        run2.result({
          ruleId: id,
          message: `${reason}: ${found.length} string${found.length === 1 ? "" : "s"} found in ${read.str(item.path) ?? "the history"}${commit ? ` (commit ${commit.slice(0, 12)})` : ""}`,
          level: "error",
          score: 8,
          category: "secrets",
          locations: [fileLocation(read.str(item.path))],
          secret: found.join("\n") || `${read.str(item.path)}:${commit}`,
          cwes: ["CWE-798"],
          properties: commit ? { [PROP.commit]: commit } : {}
        });
      } else {
        const rule = read.obj(item.rule) ?? {};
        const ruleName = read.str(rule.id) ?? "secret";
        const id = `trufflehog3/${ruleName}`;
        const score = Math.max(scoreOf(rule.severity, 8), 7);
        const commit = read.str(item.commit);
        run2.rule({ id, name: ruleName, short: read.str(rule.message) ?? ruleName, score, level: "error", tags: ["secret"], cwes: ["CWE-798"] });
        run2.result({
          ruleId: id,
          message: `${read.str(rule.message) ?? ruleName} in ${read.str(item.path) ?? "a file"}${commit ? ` (commit ${commit.slice(0, 12)})` : ""}`,
          level: "error",
          score,
          category: "secrets",
          locations: [fileLocation(read.str(item.path), { startLine: item.line })],
          secret: read.str(item.secret) ?? `${read.str(item.path)}:${read.str(item.line)}`,
          cwes: ["CWE-798"],
          properties: { [PROP.severityLabel]: read.str(rule.severity), ...commit ? { [PROP.commit]: commit } : {} }
        });
      }
    }
    return logOf(run2.build());
  }
};
var kics = {
  id: "kics",
  title: "KICS JSON",
  producedBy: "kics scan --report-formats json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    return root && Array.isArray(root.queries) && ("kics_version" in root || "queries_total" in root || "files_scanned" in root) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.queries)) missing(file, "KICS", 'no "queries" array');
    const run2 = new RunBuilder({ name: "KICS", version: read.str(root.kics_version), informationUri: "https://kics.io" });
    for (const [index, value] of root.queries.entries()) {
      const query = read.obj(value);
      const id = read.str(query?.query_id);
      if (!query || !id) missing(file, "KICS", `queries[${index}] lacks "query_id"`);
      const score = scoreOf(query.severity);
      const secrets = /secret|password/i.test(`${read.str(query.category)} ${read.str(query.query_name)}`);
      run2.rule({
        id,
        name: read.str(query.query_name),
        short: read.str(query.query_name) ?? id,
        full: read.str(query.description),
        helpUri: read.str(query.query_url),
        score,
        level: levelOf(score),
        cwes: [cweId(query.cwe)],
        tags: ["misconfiguration", read.str(query.platform), read.str(query.category)]
      });
      for (const entry of read.arr(query.files)) {
        const finding = read.obj(entry) ?? {};
        const key = read.str(finding.search_key);
        run2.result({
          ruleId: id,
          message: `${read.str(query.query_name) ?? id}: expected ${read.str(finding.expected_value) ?? "a safe value"}`,
          level: levelOf(score),
          score,
          category: secrets ? "secrets" : "iac",
          locations: [fileLocation(read.str(finding.file_name), { startLine: finding.line })],
          logicalLocations: key ? [logicalLocation(key, "resource")] : [],
          fingerprints: read.str(finding.similarity_id) ? { "kics/similarity": read.str(finding.similarity_id) } : void 0,
          secret: secrets ? `${read.str(finding.file_name)}:${read.str(finding.line)}:${key}` : void 0,
          cwes: [cweId(query.cwe)],
          properties: { [PROP.severityLabel]: read.str(query.severity), [PROP.issueType]: read.str(finding.issue_type) }
        });
      }
    }
    return logOf(run2.build());
  }
};
var retirejs = {
  id: "retirejs",
  title: "Retire.js JSON",
  producedBy: "retire --outputformat json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.data)) return 0;
    const first = read.obj(root.data[0]);
    if (first) return "file" in first && Array.isArray(first.results) ? 1 : 0;
    return "messages" in root && "errors" in root && "start" in root ? 0.9 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.data)) missing(file, "Retire.js", 'no "data" array');
    const run2 = new RunBuilder({ name: "Retire.js", version: read.str(root.version), informationUri: "https://retirejs.github.io/retire.js/" });
    for (const entry of root.data) {
      const scanned = read.obj(entry) ?? {};
      const path2 = read.str(scanned.file);
      for (const componentEntry of read.arr(scanned.results)) {
        const component = read.obj(componentEntry) ?? {};
        const name2 = read.str(component.component) ?? "component";
        const version2 = read.str(component.version);
        for (const vulnEntry of read.arr(component.vulnerabilities)) {
          const vuln = read.obj(vulnEntry) ?? {};
          const identifiers2 = read.obj(vuln.identifiers) ?? {};
          const cves = read.arr(identifiers2.CVE).map(read.str).filter(Boolean);
          const ghsa = read.str(identifiers2.githubID);
          const summary = read.str(identifiers2.summary) ?? read.str(identifiers2.issue) ?? "known vulnerability";
          const id = cves[0] ?? ghsa ?? `retire/${name2}/${(read.str(identifiers2.issue) ?? summary).toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60)}`;
          const score = scoreOf(vuln.severity);
          const below = read.str(vuln.below);
          const info = read.arr(vuln.info).map(read.str).filter(Boolean);
          run2.rule({ id, short: summary, helpUri: info[0], score, level: levelOf(score), cwes: read.arr(vuln.cwe), tags: ["vulnerability", "javascript"] });
          run2.result({
            ruleId: id,
            message: `${name2} ${version2 ?? ""}: ${summary}${below ? ` (fixed in ${below})` : ""}`.replace(/\s+/g, " "),
            level: levelOf(score),
            score,
            category: "sca",
            locations: [fileLocation(path2)],
            ids: [...cves, ghsa],
            cwes: read.arr(vuln.cwe),
            package: { name: name2, version: version2, ecosystem: "npm", fixedVersions: below ? [below] : [] }
          });
        }
      }
    }
    return logOf(run2.build());
  }
};
function isResult2(value) {
  const object = read.obj(value);
  return !!object && typeof object.rule_id === "string" && read.obj(object.location) !== void 0 && "rule_description" in object;
}
var tfsec = {
  id: "tfsec",
  title: "tfsec JSON",
  producedBy: "tfsec --format json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !("results" in root)) return 0;
    if (root.results === null && Object.keys(root).length === 1) return 0.7;
    return Array.isArray(root.results) && root.results.length > 0 && root.results.every(isResult2) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !("results" in root)) missing(file, "tfsec", 'no "results"');
    const run2 = new RunBuilder({ name: "tfsec", informationUri: "https://aquasecurity.github.io/tfsec/" });
    for (const [index, value] of read.arr(root.results).entries()) {
      if (!isResult2(value)) missing(file, "tfsec", `results[${index}] lacks "rule_id" or "location"`);
      const finding = read.obj(value);
      if (finding.status === "passed" || finding.passed === true) continue;
      const id = read.str(finding.long_id) ?? read.str(finding.rule_id);
      const score = scoreOf(finding.severity);
      const location2 = read.obj(finding.location) ?? {};
      const links = read.arr(finding.links).map(read.str).filter(Boolean);
      const legacyLink = read.str(finding.link)?.replace(/^See\s+/, "");
      run2.rule({
        id,
        name: read.str(finding.rule_id),
        short: read.str(finding.rule_description) ?? id,
        full: read.str(finding.impact),
        help: read.str(finding.resolution),
        helpUri: links[0] ?? legacyLink,
        score,
        level: levelOf(score),
        tags: ["misconfiguration", "terraform", read.str(finding.rule_provider), read.str(finding.rule_service)]
      });
      run2.result({
        ruleId: id,
        message: read.str(finding.description) ?? read.str(finding.rule_description) ?? id,
        level: levelOf(score),
        score,
        category: "iac",
        locations: [fileLocation(read.str(location2.filename), { startLine: location2.start_line, endLine: location2.end_line })],
        ids: [read.str(finding.rule_id), read.str(finding.legacy_rule_id)],
        properties: { [PROP.severityLabel]: read.str(finding.severity) }
      });
    }
    return logOf(run2.build());
  }
};
var terrascan = {
  id: "terrascan",
  title: "Terrascan JSON",
  producedBy: "terrascan scan -o json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const results = read.obj(read.obj(document.data)?.results);
    return results && ("violations" in results || "scan_summary" in results) ? 1 : 0;
  },
  parse(document, { file }) {
    const results = document.kind === "json" ? read.obj(read.obj(document.data)?.results) : void 0;
    if (!results) missing(file, "Terrascan", 'no "results" object');
    const run2 = new RunBuilder({ name: "Terrascan", informationUri: "https://runterrascan.io" });
    for (const [index, value] of read.arr(results.violations).entries()) {
      const violation = read.obj(value);
      const id = read.str(violation?.rule_id);
      if (!violation || !id) missing(file, "Terrascan", `violations[${index}] lacks "rule_id"`);
      const score = scoreOf(violation.severity);
      const resource = [read.str(violation.resource_type), read.str(violation.resource_name)].filter(Boolean).join(".");
      run2.rule({ id, name: read.str(violation.rule_name), short: read.str(violation.description) ?? id, score, level: levelOf(score), tags: ["misconfiguration", read.str(violation.category)] });
      run2.result({
        ruleId: id,
        message: `${read.str(violation.description) ?? id}${resource ? ` (${resource})` : ""}`,
        level: levelOf(score),
        score,
        category: "iac",
        locations: [fileLocation(read.str(violation.file), { startLine: violation.line })],
        logicalLocations: resource ? [logicalLocation(resource, "resource")] : [],
        properties: { [PROP.severityLabel]: read.str(violation.severity) }
      });
    }
    return logOf(run2.build());
  }
};
var PRECISION3 = { HIGH: "high", MEDIUM: "medium", LOW: "low" };
var gosec = {
  id: "gosec",
  title: "gosec JSON",
  producedBy: "gosec -fmt json ./...",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    return root && "Issues" in root && read.obj(root.Stats) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !("Issues" in root)) missing(file, "gosec", 'no "Issues"');
    const run2 = new RunBuilder({ name: "gosec", version: read.str(root.GosecVersion), informationUri: "https://github.com/securego/gosec" });
    for (const [index, value] of read.arr(root.Issues).entries()) {
      const issue = read.obj(value);
      const id = read.str(issue?.rule_id);
      if (!issue || !id) missing(file, "gosec", `Issues[${index}] lacks "rule_id"`);
      const score = scoreOf(issue.severity);
      const cwe = read.obj(issue.cwe);
      const line2 = read.str(issue.line) ?? "";
      const [start, end] = line2.split("-");
      run2.rule({ id, short: read.str(issue.details) ?? id, helpUri: `https://securego.io/docs/rules/${id.toLowerCase()}`, score, level: levelOf(score), cwes: [read.str(cwe?.id)], tags: ["go"], precision: PRECISION3[read.str(issue.confidence) ?? ""] });
      run2.result({
        ruleId: id,
        message: read.str(issue.details) ?? id,
        level: levelOf(score),
        score,
        category: "sast",
        locations: [fileLocation(read.str(issue.file), { startLine: start, endLine: end, startColumn: issue.column })],
        cwes: [read.str(cwe?.id)],
        suppressed: issue.nosec === true ? "suppressed in source (#nosec)" : void 0,
        properties: { [PROP.severityLabel]: read.str(issue.severity), [PROP.confidence]: read.str(issue.confidence) }
      });
    }
    return logOf(run2.build());
  }
};
var CONFIDENCE_SCORE = { High: 8, Medium: 5.5, Weak: 3 };
var PRECISION4 = { High: "high", Medium: "medium", Weak: "low" };
var brakeman = {
  id: "brakeman",
  title: "Brakeman JSON",
  producedBy: "brakeman -f json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    return root && read.obj(root.scan_info) && Array.isArray(root.warnings) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.warnings)) missing(file, "Brakeman", 'no "warnings" array');
    const info = read.obj(root.scan_info) ?? {};
    const run2 = new RunBuilder({ name: "Brakeman", version: read.str(info.brakeman_version), informationUri: "https://brakemanscanner.org" });
    for (const [index, value] of root.warnings.entries()) {
      const warning = read.obj(value);
      const type = read.str(warning?.warning_type);
      if (!warning || !type) missing(file, "Brakeman", `warnings[${index}] lacks "warning_type"`);
      const id = `brakeman/${read.str(warning.check_name) ?? type.replace(/\s+/g, "")}`;
      const confidence = read.str(warning.confidence) ?? "Medium";
      const score = CONFIDENCE_SCORE[confidence] ?? 5.5;
      const location2 = read.obj(warning.location) ?? {};
      const member = [read.str(location2.class), read.str(location2.method)].filter(Boolean).join("#") || read.str(location2.template);
      run2.rule({ id, name: type, short: type, helpUri: read.str(warning.link), score: 8, level: "error", cwes: read.arr(warning.cwe_id), tags: ["ruby", "rails"] });
      run2.result({
        ruleId: id,
        message: `${type}: ${read.str(warning.message) ?? ""}`.trim(),
        level: levelOf(score),
        score,
        category: "sast",
        locations: [fileLocation(read.str(warning.file), { startLine: warning.line })],
        logicalLocations: member ? [logicalLocation(member, "member")] : [],
        cwes: read.arr(warning.cwe_id),
        fingerprints: read.str(warning.fingerprint) ? { "brakeman/v1": read.str(warning.fingerprint) } : void 0,
        properties: { [PROP.confidence]: confidence, precision: PRECISION4[confidence] }
      });
    }
    return logOf(run2.build());
  }
};
function isFinding(value) {
  const object = read.obj(value);
  return !!object && ("template-id" in object || "templateID" in object) && read.obj(object.info) !== void 0;
}
function listOf(value) {
  if (Array.isArray(value)) return value.map(read.str).filter(Boolean);
  const text22 = read.str(value);
  return text22 ? text22.split(",").map((s) => s.trim()).filter(Boolean) : [];
}
var nuclei = {
  id: "nuclei",
  title: "Nuclei JSON / JSON Lines",
  producedBy: "nuclei -jsonl (or -json, -json-export)",
  acceptsEmpty: true,
  detect({ document }) {
    const items2 = document.kind === "jsonl" ? document.data : document.kind === "json" ? Array.isArray(document.data) ? document.data : [document.data] : [];
    return items2.length > 0 && items2.every(isFinding) ? 1 : 0;
  },
  parse(document, { file }) {
    const items2 = document.kind === "jsonl" ? document.data : document.kind === "json" ? Array.isArray(document.data) ? document.data : [document.data] : missing(file, "Nuclei", "expected JSON");
    const run2 = new RunBuilder({ name: "Nuclei", informationUri: "https://github.com/projectdiscovery/nuclei" });
    for (const [index, value] of items2.entries()) {
      if (!isFinding(value)) missing(file, "Nuclei", `finding ${index + 1} lacks "template-id" or "info"`);
      const finding = read.obj(value);
      const info = read.obj(finding.info);
      const classification = read.obj(info.classification) ?? {};
      const id = read.str(finding["template-id"]) ?? read.str(finding.templateID);
      const score = firstScore(classification["cvss-score"]) ?? scoreOf(info.severity);
      const cves = listOf(classification["cve-id"]).map((c) => c.toUpperCase());
      const cwes = listOf(classification["cwe-id"]);
      const matched = read.str(finding["matched-at"]) ?? read.str(finding.matched) ?? read.str(finding.host) ?? "";
      const type = read.str(finding.type);
      const web = type === "http" || /^https?:\/\//i.test(matched);
      run2.rule({
        id,
        name: read.str(info.name),
        short: read.str(info.name) ?? id,
        full: read.str(info.description),
        help: read.str(info.remediation),
        helpUri: read.str(finding["template-url"]) ?? listOf(info.reference)[0],
        score,
        level: levelOf(score),
        cwes,
        tags: [type, ...listOf(info.tags)].slice(0, 15)
      });
      run2.result({
        ruleId: id,
        message: `${read.str(info.name) ?? id}${read.str(finding["matcher-name"]) ? ` [${read.str(finding["matcher-name"])}]` : ""} at ${matched || "the target"}`,
        level: levelOf(score),
        score,
        category: "dast",
        logicalLocations: matched ? [logicalLocation(matched, web ? "url" : "endpoint")] : [],
        ids: cves,
        cwes,
        dast: web ? { url: matched, method: read.str(read.obj(finding["request"])?.method) } : void 0,
        properties: {
          [PROP.severityLabel]: read.str(info.severity),
          ...read.str(finding.host) ? { [PROP.host]: read.str(finding.host) } : {},
          ...read.str(classification["cvss-metrics"]) ? { [PROP.cvssVector]: read.str(classification["cvss-metrics"]) } : {}
        }
      });
    }
    return logOf(run2.build());
  }
};
var SEVERITY4 = { BLOCKER: 9.5, CRITICAL: 8, MAJOR: 5.5, MINOR: 3, INFO: 0.5, HIGH: 8, MEDIUM: 5.5, LOW: 3 };
var SECURITY_TYPES = /* @__PURE__ */ new Set(["VULNERABILITY", "SECURITY_HOTSPOT"]);
function isIssue2(value) {
  const object = read.obj(value);
  return !!object && typeof object.rule === "string" && ("component" in object || "key" in object) && ("severity" in object || "message" in object);
}
var sonarqube = {
  id: "sonarqube",
  title: "SonarQube issues JSON (Web API api/issues/search, sonar-report)",
  producedBy: "GET /api/issues/search; sonar-report --json",
  detect({ document }) {
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !Array.isArray(root.issues)) return 0;
    if ("sonarComponent" in root || "sonarBaseURL" in root) return 1;
    if ("paging" in root && "components" in root) return 1;
    return root.issues.length > 0 && root.issues.every(isIssue2) ? 0.8 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root || !Array.isArray(root.issues)) missing(file, "SonarQube", 'no "issues" array');
    const paths = /* @__PURE__ */ new Map();
    for (const value of read.arr(root.components)) {
      const component = read.obj(value);
      if (read.str(component?.key) && read.str(component?.path)) paths.set(read.str(component.key), read.str(component.path));
    }
    const rules = read.obj(root.rules) ?? {};
    const base = read.str(root.sonarBaseURL);
    const run2 = new RunBuilder({ name: "SonarQube", informationUri: "https://www.sonarsource.com/products/sonarqube/" });
    for (const [index, value] of root.issues.entries()) {
      if (!isIssue2(value)) missing(file, "SonarQube", `issues[${index}] lacks "rule"`);
      const issue = read.obj(value);
      const id = read.str(issue.rule);
      const rule = read.obj(rules[id]) ?? {};
      const type = read.str(issue.type) ?? (read.str(issue.status) === "TO_REVIEW" ? "SECURITY_HOTSPOT" : "VULNERABILITY");
      const security = SECURITY_TYPES.has(type);
      const severity = (read.str(issue.severity) ?? read.str(rule.severity) ?? "MAJOR").toUpperCase();
      const score = security ? SEVERITY4[severity] ?? 5.5 : Math.min(SEVERITY4[severity] ?? 3, 3);
      const componentKey = read.str(issue.component) ?? "";
      const path2 = paths.get(componentKey) ?? (componentKey.includes(":") ? componentKey.slice(componentKey.indexOf(":") + 1) : componentKey);
      const range = read.obj(issue.textRange) ?? {};
      const tags = read.arr(issue.tags).map(read.str).filter(Boolean);
      const cwes = tags.filter((t) => /^cwe-\d+$/i.test(t)).map(cweId);
      const message2 = read.str(issue.message) ?? read.str(issue.description) ?? id;
      run2.rule({
        id,
        name: read.str(rule.name) ?? read.str(issue.description),
        short: read.str(rule.name) ?? read.str(issue.description) ?? id,
        full: htmlToText(read.str(rule.htmlDesc)),
        helpUri: base ? `${base.replace(/\/$/, "")}/coding_rules?open=${encodeURIComponent(id)}&rule_key=${encodeURIComponent(id)}` : void 0,
        score,
        level: levelOf(score),
        cwes,
        tags: [type.toLowerCase(), ...tags.filter((t) => !/^cwe-\d+$/i.test(t))]
      });
      const flows = read.arr(issue.flows).flatMap((flow) => read.arr(read.obj(flow)?.locations)).map(read.obj).filter(Boolean);
      run2.result({
        ruleId: id,
        message: message2,
        level: levelOf(score),
        score,
        category: "sast",
        locations: [fileLocation(path2 || void 0, { startLine: range.startLine ?? issue.line, endLine: range.endLine })],
        relatedLocations: flows.map((l) => {
          const key = read.str(l.component) ?? "";
          const r = read.obj(l.textRange) ?? {};
          const flowPath = paths.get(key) ?? (key.includes(":") ? key.slice(key.indexOf(":") + 1) : key);
          return fileLocation(flowPath || void 0, { startLine: r.startLine, endLine: r.endLine }, read.str(l.msg));
        }),
        ids: [...message2.match(/CVE-\d{4}-\d+/g) ?? []],
        cwes,
        fingerprints: read.str(issue.key) ? { "sonarqube/key": read.str(issue.key) } : void 0,
        suppressed: ["FALSE-POSITIVE", "WONTFIX", "SAFE", "ACCEPTED"].includes((read.str(issue.resolution) ?? "").toUpperCase()) ? `resolved in SonarQube as ${read.str(issue.resolution)}` : void 0,
        properties: { [PROP.severityLabel]: severity, [PROP.sonarType]: type, [PROP.status]: read.str(issue.status) }
      });
    }
    return logOf(run2.build());
  }
};
function collectComponents(value, into, depth = 0) {
  if (depth > 50) return;
  for (const item of read.list(value)) {
    const component = read.obj(item);
    if (!component) continue;
    const info = { name: read.text(component.name), version: read.text(component.version), purl: read.text(component.purl) };
    for (const key of [read.str(component["bom-ref"]), read.str(component["@_bom-ref"]), info.purl]) if (key) into.set(key, info);
    const nested = read.obj(component.components);
    collectComponents(nested ? nested.component : component.components, into, depth + 1);
  }
}
function xmlVulnerabilities(node, into, component, depth = 0) {
  if (depth > 60) return;
  const object = read.obj(node);
  if (!object) {
    for (const item of read.arr(node)) xmlVulnerabilities(item, into, component, depth + 1);
    return;
  }
  for (const [key, child] of Object.entries(object)) {
    if (key.startsWith("@_") || key === "#text") continue;
    if (key === "vulnerability") {
      for (const vuln of read.list(child)) if (read.obj(vuln)) into.push({ vuln: read.obj(vuln), component });
    } else if (key === "component") {
      for (const c of read.list(child)) xmlVulnerabilities(c, into, read.obj(c), depth + 1);
    } else {
      xmlVulnerabilities(child, into, component, depth + 1);
    }
  }
}
function ratingsOf(vuln) {
  const list22 = read.obj(vuln.ratings) ? read.list(read.obj(vuln.ratings).rating) : read.arr(vuln.ratings);
  const ratings = list22.map(read.obj).filter(Boolean);
  const scored = ratings.map((r) => ({ r, method: read.text(r.method) ?? "", score: read.num(read.obj(r.score)?.base ?? read.text(r.score)) })).sort((a, b) => b.method.localeCompare(a.method));
  const best = scored.find((s) => /cvss/i.test(s.method) && s.score !== void 0) ?? scored.find((s) => s.score !== void 0);
  const severity = ratings.map((r) => read.text(r.severity)).find((s) => s && s.toLowerCase() !== "unknown");
  return { score: firstScore(best?.score), severity, vector: best ? read.text(best.r.vector) : void 0 };
}
var cyclonedx = {
  id: "cyclonedx",
  title: "CycloneDX BOM with vulnerabilities / VEX (JSON and XML)",
  producedBy: "cyclonedx tools, grype -o cyclonedx, snyk sbom, OWASP Dependency-Track, jake",
  detect({ document }) {
    if (document.kind === "json") {
      const root = read.obj(document.data);
      return root && read.str(root.bomFormat) === "CycloneDX" ? 1 : 0;
    }
    if (document.kind === "xml" && document.root === "bom") {
      const xmlns = read.str(read.obj(document.data.bom)?.["@_xmlns"]) ?? "";
      return /cyclonedx/i.test(xmlns) ? 1 : 0.6;
    }
    return 0;
  },
  parse(document, { file }) {
    const components = /* @__PURE__ */ new Map();
    const found = [];
    let tool;
    let shipped = 0;
    if (document.kind === "json") {
      const root = read.obj(document.data);
      if (!root || read.str(root.bomFormat) !== "CycloneDX") missing(file, "CycloneDX", '"bomFormat" is not "CycloneDX"');
      collectComponents(root.components, components);
      shipped = new Set(components.values()).size;
      const metadata = read.obj(root.metadata);
      collectComponents(metadata?.component, components);
      const tools = metadata?.tools;
      tool = read.str(read.obj(read.arr(tools)[0])?.name) ?? read.str(read.obj(read.arr(read.obj(tools)?.components)[0])?.name);
      for (const vuln of read.arr(root.vulnerabilities)) if (read.obj(vuln)) found.push({ vuln: read.obj(vuln) });
    } else if (document.kind === "xml") {
      const bom = read.obj(document.data.bom);
      if (!bom) missing(file, "CycloneDX", "the root element is not <bom>");
      collectComponents(read.obj(bom.components)?.component, components);
      shipped = new Set(components.values()).size;
      tool = read.text(read.obj(read.list(read.obj(read.obj(bom.metadata)?.tools)?.tool)[0])?.name);
      xmlVulnerabilities(bom, found, void 0);
    } else {
      missing(file, "CycloneDX", "expected JSON or XML");
    }
    const run2 = new RunBuilder({ name: tool ? `CycloneDX (${tool})` : "CycloneDX", informationUri: "https://cyclonedx.org" }, { [PROP.sbomComponents]: shipped });
    for (const { vuln, component } of found) {
      const id = read.text(vuln.id) ?? read.str(vuln["bom-ref"]) ?? "cyclonedx-vulnerability";
      const { score: cvss, severity, vector } = ratingsOf(vuln);
      const score = cvss ?? scoreOf(severity);
      const cwesRaw = read.obj(vuln.cwes) ? read.list(read.obj(vuln.cwes).cwe).map(read.text) : read.arr(vuln.cwes);
      const cwes = cwesRaw.map(cweId);
      const affects = read.obj(vuln.affects) ? read.list(read.obj(vuln.affects).target) : read.arr(vuln.affects);
      const refs = [read.str(vuln["@_ref"]), ...affects.map((a) => read.text(read.obj(a)?.ref))].filter(Boolean);
      const affected = refs.map((ref) => components.get(ref) ?? { purl: ref.startsWith("pkg:") ? ref : void 0, name: ref.startsWith("pkg:") ? void 0 : ref });
      const own = component ? { name: read.text(component.name), version: read.text(component.version), purl: read.text(component.purl) } : void 0;
      const pkg = own ?? affected[0];
      const source = read.obj(vuln.source);
      const references = read.obj(vuln.references) ? read.list(read.obj(vuln.references).reference) : read.arr(vuln.references);
      const aliases = references.map((r) => read.text(read.obj(r)?.id));
      const analysis = read.obj(vuln.analysis);
      const state = read.text(analysis?.state);
      const description = read.text(vuln.description) ?? read.text(vuln.detail);
      const recommendation = read.text(vuln.recommendation) ?? read.list(read.obj(vuln.recommendations)?.recommendation).map(read.text).join("; ");
      run2.rule({
        id,
        short: description ? `${id}: ${description.split(/(?<=\.)\s/)[0]}` : id,
        full: description,
        help: recommendation || void 0,
        helpUri: read.text(source?.url),
        score,
        level: levelOf(score),
        cwes,
        tags: ["vulnerability"],
        precision: "very-high"
      });
      const name2 = pkg?.name ?? pkg?.purl ?? "a component";
      run2.result({
        ruleId: id,
        message: `${name2}${pkg?.version ? ` ${pkg.version}` : ""} is affected by ${id}${affected.length > 1 ? ` (and ${affected.length - 1} more component${affected.length > 2 ? "s" : ""})` : ""}`,
        level: levelOf(score),
        score,
        category: "sca",
        locations: [fileLocation(void 0)],
        logicalLocations: affected.slice(0, 20).map((a) => logicalLocation(a.purl ?? a.name ?? "component", "module")),
        ids: [id, ...aliases],
        cwes,
        package: pkg && (pkg.name || pkg.purl) ? { name: pkg.name ?? pkg.purl, version: pkg.version, purl: pkg.purl } : void 0,
        suppressed: state && ["not_affected", "false_positive", "resolved", "resolved_with_pedigree"].includes(state) ? `VEX: ${state}${read.text(analysis?.justification) ? ` (${read.text(analysis?.justification)})` : ""}` : void 0,
        properties: { [PROP.severityLabel]: severity, ...vector ? { [PROP.cvssVector]: vector } : {}, ...state ? { [PROP.vexState]: state } : {} }
      });
    }
    return logOf(run2.build());
  }
};
var RISK_SCORE = { "0": 0.5, "1": 3, "2": 5.5, "3": 8 };
var PRECISION5 = { "1": "low", "2": "medium", "3": "high", "4": "very-high" };
function sitesOf(document) {
  if (document.kind === "xml" && document.root === "OWASPZAPReport") {
    return read.list(read.obj(document.data.OWASPZAPReport)?.site).map(read.obj).filter(Boolean);
  }
  if (document.kind === "json") {
    const root = read.obj(document.data);
    if (root && ("@version" in root || "@programName" in root || "insights" in root) && "site" in root) return read.list(root.site).map(read.obj).filter(Boolean);
  }
  return void 0;
}
function alertsOf2(site) {
  const alerts = site.alerts;
  const list22 = read.obj(alerts) ? read.list(read.obj(alerts).alertitem) : read.list(alerts);
  return list22.map(read.obj).filter(Boolean);
}
function instancesOf(alert) {
  const instances = alert.instances;
  const list22 = read.obj(instances) ? read.list(read.obj(instances).instance) : read.list(instances);
  const found = list22.map(read.obj).filter(Boolean);
  return found.length ? found : [{ uri: alert.uri, method: alert.method, param: alert.param, attack: alert.attack, evidence: alert.evidence }];
}
var zap = {
  id: "zap",
  title: "OWASP ZAP report (XML and traditional JSON)",
  producedBy: "zap-baseline.py / zap-full-scan.py -x report.xml or -J report.json",
  detect({ document }) {
    if (document.kind === "xml") return document.root === "OWASPZAPReport" ? 1 : 0;
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !("site" in root)) return 0;
    if (!("@version" in root || "@programName" in root)) return 0;
    if (Array.isArray(root.vulnerabilities) && read.obj(root.scan)) return 0.6;
    return 1;
  },
  parse(document, { file }) {
    const sites = sitesOf(document);
    if (!sites) missing(file, "ZAP", 'neither an <OWASPZAPReport> nor a JSON report with "site"');
    const version2 = document.kind === "xml" ? read.str(read.obj(document.data.OWASPZAPReport)?.["@_version"]) : read.str(read.obj(document.data)?.["@version"]);
    const run2 = new RunBuilder({ name: "OWASP ZAP", version: version2, informationUri: "https://www.zaproxy.org" });
    for (const site of sites) {
      const siteName = read.str(site["@_name"]) ?? read.str(site["@name"]);
      for (const alert of alertsOf2(site)) {
        const plugin = read.text(alert.pluginid) ?? read.text(alert.alertRef);
        if (!plugin) missing(file, "ZAP", 'an alert lacks "pluginid"');
        const id = `zap/${read.text(alert.alertRef) ?? plugin}`;
        const risk = read.text(alert.riskcode) ?? "1";
        const score = RISK_SCORE[risk] ?? 3;
        const confidence = read.text(alert.confidence) ?? "2";
        const name2 = read.text(alert.name) ?? read.text(alert.alert) ?? id;
        const cwe = cweId(read.text(alert.cweid));
        const references = htmlToText(read.text(alert.reference));
        run2.rule({
          id,
          name: name2,
          short: name2,
          full: htmlToText(read.text(alert.desc)),
          help: htmlToText(read.text(alert.solution)),
          helpUri: references?.match(/https?:\/\/\S+/)?.[0] ?? `https://www.zaproxy.org/docs/alerts/${plugin}/`,
          score,
          level: levelOf(score),
          cwes: [cwe],
          tags: ["dast", read.text(alert.wascid) ? `WASC-${read.text(alert.wascid)}` : void 0],
          precision: PRECISION5[confidence]
        });
        for (const instance of instancesOf(alert)) {
          const url = read.text(instance.uri) ?? siteName ?? "";
          const method = read.text(instance.method);
          const param = read.text(instance.param);
          run2.result({
            ruleId: id,
            message: `${name2}: ${method ?? "GET"} ${url}${param ? ` (parameter ${param})` : ""}`,
            level: levelOf(score),
            score,
            category: "dast",
            logicalLocations: url ? [logicalLocation(url, "url")] : [],
            cwes: [cwe],
            dast: { url, method, parameter: param, evidence: read.text(instance.evidence)?.slice(0, 500), attack: read.text(instance.attack)?.slice(0, 500) },
            suppressed: confidence === "0" ? "marked as a false positive in ZAP" : void 0,
            properties: { [PROP.severityLabel]: read.text(alert.riskdesc), [PROP.pluginId]: plugin }
          });
        }
      }
    }
    return logOf(run2.build());
  }
};
var SEVERITY5 = [
  [/sql injection|command execution|xxe|xml external|server side request|ssrf|remote inclusion|file handling|path traversal|log4shell|spring4shell/i, 8],
  [/cross site scripting|xss/i, 7.5],
  [/crlf|open redirect|cross site request forgery|csrf|htaccess|fingerprint.*vuln|vulnerable software|unencrypted channel|weak credentials|takeover/i, 5.5]
];
function severityOf2(name2) {
  return SEVERITY5.find(([pattern2]) => pattern2.test(name2))?.[1] ?? 3;
}
var wapiti = {
  id: "wapiti",
  title: "Wapiti report (XML and JSON)",
  producedBy: "wapiti -f xml|json -o report",
  detect({ document }) {
    if (document.kind === "xml") {
      if (document.root !== "report") return 0;
      const infos = read.list(read.obj(read.obj(document.data.report)?.report_infos)?.info);
      return infos.some((i) => /wapiti/i.test(read.text(i) ?? "")) ? 1 : 0.5;
    }
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    if (!root || !read.obj(root.vulnerabilities) || !read.obj(root.infos)) return 0;
    return /wapiti/i.test(read.str(read.obj(root.infos)?.version) ?? "") || "classifications" in root ? 1 : 0.7;
  },
  parse(document, { file }) {
    const entries = [];
    const classes = /* @__PURE__ */ new Map();
    let target;
    let version2;
    if (document.kind === "xml" && document.root === "report") {
      const report = read.obj(document.data.report) ?? {};
      for (const info of read.list(read.obj(report.report_infos)?.info)) {
        const name2 = read.str(read.obj(info)?.["@_name"]);
        if (name2 === "target") target = read.text(info);
        if (name2 === "generatorVersion") version2 = read.text(info)?.replace(/^Wapiti\s+/i, "");
      }
      for (const [section, anomaly] of [["vulnerabilities", false], ["anomalies", true]]) {
        for (const value of read.list(read.obj(report[section])?.[section === "vulnerabilities" ? "vulnerability" : "anomaly"])) {
          const vuln = read.obj(value) ?? {};
          const name2 = read.str(vuln["@_name"]) ?? "Wapiti finding";
          classes.set(name2, {
            description: read.text(vuln.description),
            solution: read.text(vuln.solution),
            references: read.list(read.obj(vuln.references)?.reference).map((r) => ({ title: read.text(read.obj(r)?.title), url: read.text(read.obj(r)?.url) }))
          });
          for (const item of read.list(read.obj(vuln.entries)?.entry)) {
            const entry = read.obj(item) ?? {};
            entries.push({ name: name2, method: read.text(entry.method), path: read.text(entry.path), parameter: read.text(entry.parameter), info: read.text(entry.info), request: read.text(entry.http_request)?.split("\n")[0]?.slice(0, 2e3), anomaly });
          }
        }
      }
    } else if (document.kind === "json" && read.obj(read.obj(document.data)?.vulnerabilities)) {
      const root = read.obj(document.data);
      const infos = read.obj(root.infos) ?? {};
      target = read.str(infos.target);
      version2 = read.str(infos.version)?.replace(/^Wapiti\s+/i, "");
      for (const [name2, value] of Object.entries(read.obj(root.classifications) ?? {})) {
        const c = read.obj(value) ?? {};
        classes.set(name2, { description: read.str(c.desc), solution: read.str(c.sol), references: Object.entries(read.obj(c.ref) ?? {}).map(([title, url]) => ({ title, url: read.str(url) })) });
      }
      for (const [section, anomaly] of [["vulnerabilities", false], ["anomalies", true]]) {
        for (const [name2, list22] of Object.entries(read.obj(root[section]) ?? {})) {
          for (const item of read.arr(list22)) {
            const entry = read.obj(item) ?? {};
            entries.push({ name: name2, method: read.str(entry.method), path: read.str(entry.path), parameter: read.str(entry.parameter), info: read.str(entry.info), request: read.str(entry.http_request)?.split("\n")[0]?.slice(0, 2e3), anomaly });
          }
        }
      }
    } else {
      missing(file, "Wapiti", 'neither a Wapiti XML <report> nor a JSON report with "vulnerabilities"');
    }
    const origin = target ? (() => {
      try {
        return new URL(target).origin;
      } catch {
        return void 0;
      }
    })() : void 0;
    const run2 = new RunBuilder({ name: "Wapiti", version: version2, informationUri: "https://wapiti-scanner.github.io" });
    for (const entry of entries) {
      const id = `wapiti/${entry.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
      const score = entry.anomaly ? 3 : severityOf2(entry.name);
      const klass = classes.get(entry.name) ?? { references: [] };
      const cwes = klass.references.map((r) => /^CWE-\d+/i.test(r.title ?? "") ? cweId(r.title) : void 0);
      const wstg = klass.references.map((r) => /WSTG-[A-Z]+-\d+/.exec(`${r.title} ${r.url}`)?.[0]);
      run2.rule({
        id,
        name: entry.name,
        short: entry.name,
        full: klass.description,
        help: klass.solution,
        helpUri: klass.references.find((r) => r.url)?.url,
        score,
        level: levelOf(score),
        cwes,
        tags: ["dast", entry.anomaly ? "anomaly" : "vulnerability", ...wstg]
      });
      const url = entry.path && /^https?:\/\//i.test(entry.path) ? entry.path : `${origin ?? ""}${entry.path ?? "/"}`;
      run2.result({
        ruleId: id,
        message: `${entry.info ?? entry.name}: ${entry.method ?? "GET"} ${url}${entry.parameter ? ` (parameter ${entry.parameter})` : ""}`,
        level: levelOf(score),
        score,
        category: "dast",
        logicalLocations: [logicalLocation(url, "url")],
        cwes,
        ids: wstg,
        dast: { url, method: entry.method, parameter: entry.parameter, evidence: entry.info?.slice(0, 300), request: entry.request }
      });
    }
    return logOf(run2.build());
  }
};
var SEVERITY6 = { High: 8, Medium: 5.5, Low: 3, Information: 0.5 };
var PRECISION6 = { Certain: "very-high", Firm: "high", Tentative: "low" };
var burp = {
  id: "burp",
  title: "Burp Suite issues XML",
  producedBy: "Burp Suite: Report issues \u2192 XML",
  detect({ document }) {
    if (document.kind !== "xml" || document.root !== "issues") return 0;
    const issues = read.obj(document.data.issues);
    return issues && ("@_burpVersion" in issues || read.list(issues.issue).some((i) => read.obj(i)?.serialNumber !== void 0)) ? 1 : 0.5;
  },
  parse(document, { file }) {
    if (document.kind !== "xml" || document.root !== "issues") missing(file, "Burp", "the root element is not <issues>");
    const root = read.obj(document.data.issues) ?? {};
    const run2 = new RunBuilder({ name: "Burp Suite", version: read.str(root["@_burpVersion"]), informationUri: "https://portswigger.net/burp" });
    for (const value of read.list(root.issue)) {
      const issue = read.obj(value) ?? {};
      const type = read.text(issue.type) ?? "unknown";
      const name2 = read.text(issue.name) ?? `Burp issue ${type}`;
      const id = `burp/${type}`;
      const severity = read.text(issue.severity) ?? "Information";
      const score = SEVERITY6[severity] ?? 3;
      const classifications = read.text(issue.vulnerabilityClassifications) ?? "";
      const cwes = [...classifications.matchAll(/CWE-(\d+)/g)].map((m) => cweId(m[1]));
      const host = read.text(issue.host) ?? "";
      const path2 = read.text(issue.path) ?? "/";
      const location2 = read.text(issue.location) ?? path2;
      const parameter = /\[(.+?) parameter\]/.exec(location2)?.[1];
      const url = `${host.replace(/\/$/, "")}${path2}`;
      const method = read.str(read.obj(read.obj(read.list(issue.requestresponse)[0])?.request)?.["@_method"]);
      const references = read.text(issue.references) ?? "";
      run2.rule({
        id,
        name: name2,
        short: name2,
        full: htmlToText(read.text(issue.issueBackground)),
        help: htmlToText(read.text(issue.remediationBackground)),
        helpUri: /href="(https?:[^"]+)"/.exec(references)?.[1] ?? `https://portswigger.net/kb/issues/${Number(type).toString(16).padStart(8, "0")}`,
        score,
        level: levelOf(score),
        cwes,
        tags: ["dast"]
      });
      run2.result({
        ruleId: id,
        message: `${name2}: ${method ?? "GET"} ${url}${parameter ? ` (parameter ${parameter})` : ""}`,
        level: levelOf(score),
        score,
        category: "dast",
        logicalLocations: [logicalLocation(url, "url")],
        cwes,
        dast: { url, method, parameter, evidence: htmlToText(read.text(issue.issueDetail))?.slice(0, 300) },
        fingerprints: read.text(issue.serialNumber) ? { "burp/serial": read.text(issue.serialNumber) } : void 0,
        properties: { [PROP.severityLabel]: severity, [PROP.confidence]: read.text(issue.confidence), precision: PRECISION6[read.text(issue.confidence) ?? ""] }
      });
    }
    return logOf(run2.build());
  }
};
function items(parent, container, element) {
  const value = read.obj(parent)?.[container];
  const list22 = Array.isArray(value) ? value : read.list(read.obj(value)?.[element]);
  return list22.map(read.obj).filter(Boolean);
}
function scoreOfVuln(vuln) {
  const v3 = read.obj(vuln.cvssV3) ?? read.obj(vuln.cvssv3);
  const v2 = read.obj(vuln.cvssV2) ?? read.obj(vuln.cvssv2);
  return firstScore(read.text(v3?.baseScore), read.text(v2?.score), read.text(vuln.cvssScore)) ?? scoreOf(read.text(vuln.severity));
}
var dependencyCheck = {
  id: "dependency-check",
  title: "OWASP Dependency-Check report (XML and JSON)",
  producedBy: "dependency-check --format XML|JSON",
  detect({ document }) {
    if (document.kind === "xml") {
      if (document.root !== "analysis") return 0;
      const xmlns = read.str(read.obj(document.data.analysis)?.["@_xmlns"]) ?? "";
      return /DependencyCheck|dependency-check/i.test(xmlns) ? 1 : 0.6;
    }
    if (document.kind !== "json") return 0;
    const root = read.obj(document.data);
    return root && "reportSchema" in root && read.obj(root.scanInfo) && Array.isArray(root.dependencies) ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "xml" ? read.obj(document.data.analysis) : document.kind === "json" ? read.obj(document.data) : void 0;
    if (!root) missing(file, "Dependency-Check", "neither an <analysis> XML report nor a JSON report");
    const scanInfo = read.obj(root.scanInfo) ?? {};
    const run2 = new RunBuilder({ name: "OWASP Dependency-Check", version: read.text(scanInfo.engineVersion), informationUri: "https://owasp.org/www-project-dependency-check/" });
    for (const dependency of items(root, "dependencies", "dependency")) {
      const fileName = read.text(dependency.fileName) ?? "dependency";
      const filePath = read.text(dependency.filePath);
      const packages = items(dependency, "packages", "package").map((p) => read.text(p.id)).filter(Boolean);
      const identifiers2 = items(dependency, "identifiers", "identifier");
      const purl = packages.find((p) => p.startsWith("pkg:")) ?? identifiers2.map((i) => read.text(i.name)).find((n) => n?.startsWith("pkg:"));
      const named = identifiers2.map((i) => read.text(i.name)).find(Boolean);
      const pkgName = purl ? decodeUri(purl.replace(/^pkg:[^/]+\//, "").replace(/@[^@]*$/, "")) : named ?? fileName;
      const version2 = purl ? decodeUri(/@([^@?#]+)/.exec(purl)?.[1] ?? "") || void 0 : void 0;
      const vulns = [...items(dependency, "vulnerabilities", "vulnerability").map((v) => ({ v, suppressed: false })), ...items(dependency, "vulnerabilities", "suppressedVulnerability").map((v) => ({ v, suppressed: true })), ...items(dependency, "suppressedVulnerabilities", "suppressedVulnerability").map((v) => ({ v, suppressed: true }))];
      for (const { v, suppressed } of vulns) {
        const id = read.text(v.name) ?? "dependency-check-vulnerability";
        const score = scoreOfVuln(v);
        const cwes = [read.text(v.cwe), ...read.obj(v.cwes) ? read.list(read.obj(v.cwes).cwe).map(read.text) : read.arr(v.cwes).map(read.text)].map((c) => cweId(c));
        const references = items(v, "references", "reference");
        run2.rule({
          id,
          short: read.text(v.description)?.split(/(?<=\.)\s/)[0] ?? id,
          full: read.text(v.description),
          helpUri: /^CVE-/i.test(id) ? `https://nvd.nist.gov/vuln/detail/${id}` : read.text(references[0]?.url),
          score,
          level: levelOf(score),
          cwes,
          tags: ["vulnerability"],
          precision: "high"
        });
        run2.result({
          ruleId: id,
          message: `${pkgName}${version2 ? ` ${version2}` : ""} (${fileName}) is affected by ${id}`,
          level: levelOf(score),
          score,
          category: "sca",
          // filePath is the analysed file on the scanning machine: made repo-relative by normalize when it can be.
          locations: [fileLocation(filePath)],
          ids: [id],
          cwes,
          package: { name: pkgName, version: version2, purl },
          suppressed: suppressed ? "suppressed in Dependency-Check" : void 0,
          properties: { [PROP.severityLabel]: read.text(v.severity), [PROP.source]: read.str(v["@_source"]) ?? read.str(v.source) }
        });
      }
    }
    return logOf(run2.build());
  }
};
var SEVERITY7 = { "5": 9.5, "4": 8, "3": 5.5, "2": 3, "1": 0.5 };
var qualysWas = {
  id: "qualys-was",
  title: "Qualys Web Application Scanning XML",
  producedBy: "Qualys WAS: scan report \u2192 XML",
  detect({ document }) {
    return document.kind === "xml" && document.root === "WAS_SCAN_REPORT" ? 1 : 0;
  },
  parse(document, { file }) {
    const root = document.kind === "xml" ? read.obj(document.data.WAS_SCAN_REPORT) : void 0;
    if (!root) missing(file, "Qualys WAS", "the root element is not <WAS_SCAN_REPORT>");
    const glossary = /* @__PURE__ */ new Map();
    for (const entry of read.list(read.obj(read.obj(root.GLOSSARY)?.QID_LIST)?.QID)) {
      const qid = read.obj(entry);
      if (qid && read.text(qid.QID)) glossary.set(read.text(qid.QID), qid);
    }
    const results = read.obj(root.RESULTS) ?? {};
    const run2 = new RunBuilder({ name: "Qualys WAS", informationUri: "https://www.qualys.com/apps/web-app-scanning/" });
    const lists = [["VULNERABILITY_LIST", "VULNERABILITY", false], ["SENSITIVE_CONTENT_LIST", "SENSITIVE_CONTENT", true]];
    for (const [listName, element, sensitive] of lists) {
      for (const value of read.list(read.obj(results[listName])?.[element])) {
        const finding = read.obj(value) ?? {};
        const qid = read.text(finding.QID) ?? "unknown";
        const info = glossary.get(qid) ?? {};
        const id = `qualys/${qid}`;
        const score = SEVERITY7[read.text(info.SEVERITY) ?? "3"] ?? 5.5;
        const title = read.text(info.TITLE) ?? `Qualys QID ${qid}`;
        const cwes = (read.text(info.CWE) ?? "").split(/[,\s]+/).map(cweId);
        const url = read.text(finding.URL) ?? "";
        const payload = read.obj(read.list(read.obj(finding.PAYLOADS)?.PAYLOAD)[0]);
        const method = read.text(read.obj(payload?.REQUEST)?.METHOD);
        const parameter = read.text(finding.PARAM);
        run2.rule({
          id,
          name: title,
          short: title,
          full: htmlToText(read.text(info.DESCRIPTION)),
          help: htmlToText(read.text(info.SOLUTION)),
          score,
          level: levelOf(score),
          cwes,
          tags: ["dast", read.text(info.GROUP), read.text(info.OWASP) ? `OWASP-${read.text(info.OWASP)}` : void 0]
        });
        run2.result({
          ruleId: id,
          message: `${title}: ${method ?? "GET"} ${url}${parameter ? ` (parameter ${parameter})` : ""}`,
          level: levelOf(score),
          score,
          category: sensitive ? "secrets" : "dast",
          logicalLocations: url ? [logicalLocation(url, "url")] : [],
          cwes,
          dast: { url, method, parameter },
          secret: sensitive ? `${url}:${qid}:${read.text(finding.CONTENT) ?? ""}` : void 0,
          fingerprints: read.text(finding.UNIQUE_ID) ? { "qualys/unique-id": read.text(finding.UNIQUE_ID) } : void 0,
          suppressed: read.text(finding.IGNORED) === "true" ? `ignored in Qualys${read.text(finding.IGNORE_REASON) ? `: ${read.text(finding.IGNORE_REASON)}` : ""}` : void 0,
          properties: { [PROP.severityLabel]: read.text(info.SEVERITY), [PROP.qid]: qid }
        });
      }
    }
    return logOf(run2.build());
  }
};
var SEVERITY8 = { error: 6.5, warning: 4.5, performance: 2, portability: 2, style: 1.5, information: 0.5 };
var MEMORY_CWES = /* @__PURE__ */ new Set(["119", "120", "121", "122", "125", "131", "170", "415", "416", "476", "562", "587", "590", "664", "758", "786", "787", "788"]);
var cppcheck = {
  id: "cppcheck",
  title: "Cppcheck XML (version 2)",
  producedBy: "cppcheck --xml --xml-version=2",
  detect({ document }) {
    if (document.kind !== "xml" || document.root !== "results") return 0;
    const results = read.obj(document.data.results);
    return results && read.obj(results.cppcheck) !== void 0 ? 1 : 0;
  },
  parse(document, { file }) {
    const results = document.kind === "xml" ? read.obj(document.data.results) : void 0;
    if (!results || !read.obj(results.cppcheck)) missing(file, "Cppcheck", "no <results><cppcheck> (run cppcheck with --xml --xml-version=2)");
    const run2 = new RunBuilder({ name: "Cppcheck", version: read.str(read.obj(results.cppcheck)?.["@_version"]), informationUri: "https://cppcheck.sourceforge.io" });
    for (const value of read.list(read.obj(results.errors)?.error)) {
      const error = read.obj(value) ?? {};
      const id = read.str(error["@_id"]) ?? "cppcheck";
      const severity = read.str(error["@_severity"]) ?? "warning";
      const cwe = read.str(error["@_cwe"]);
      const score = severity === "error" && cwe && MEMORY_CWES.has(cwe) ? 7.5 : SEVERITY8[severity] ?? 3;
      const locations = read.list(error.location).map(read.obj).filter(Boolean);
      const where4 = (l, message2) => fileLocation(read.str(l?.["@_file"]), { startLine: l?.["@_line"], startColumn: l?.["@_column"] }, message2);
      run2.rule({ id, short: read.str(error["@_msg"]) ?? id, score, level: levelOf(score), cwes: [cwe], tags: ["c", "c++", severity] });
      run2.result({
        ruleId: id,
        message: read.str(error["@_verbose"]) ?? read.str(error["@_msg"]) ?? id,
        level: levelOf(score),
        score,
        category: "sast",
        // cppcheck lists the defect first, then the steps that lead to it.
        locations: [where4(locations[0]) ?? fileLocation(read.str(error["@_file0"]))],
        relatedLocations: locations.slice(1).map((l) => where4(l, read.str(l["@_info"]))),
        cwes: [cwe],
        properties: { [PROP.severityLabel]: severity }
      });
    }
    return logOf(run2.build());
  }
};
var formats = Object.values(formats_exports);
var MIN_CONFIDENCE = 0.5;
function getFormat(id) {
  return formats.find((format) => format.id === id);
}
function detectFormat(document, file) {
  const candidates = formats.map((format) => ({ format, confidence: format.detect({ document, file }) })).filter((candidate) => candidate.confidence >= MIN_CONFIDENCE).sort((a, b) => b.confidence - a.confidence);
  const [best, second] = candidates;
  if (!best) {
    const near = formats.map((format) => ({ id: format.id, confidence: format.detect({ document, file }) })).filter((c) => c.confidence > 0).map((c) => c.id);
    const hint = near.length ? `closest: ${near.join(", ")}` : `${formats.length} formats are known, see \`pipewarden formats\``;
    throw new InputError(`unknown report format (${hint}); name it with --format ID`, { file });
  }
  if (second && second.confidence === best.confidence) {
    const names = candidates.filter((c) => c.confidence === best.confidence).map((c) => c.format.id);
    throw new InputError(`ambiguous report format: could be ${names.join(" or ")}; name it with --format ID`, { file });
  }
  return best;
}
function isEmptyReport(document) {
  return document.kind === "json" && (document.data === null || Array.isArray(document.data) && document.data.length === 0);
}
async function readReport(file, formatId, options2 = {}) {
  let format;
  if (formatId !== void 0) {
    format = getFormat(formatId);
    if (!format) throw new InputError(`unknown format "${formatId}" (known: ${formats.map((f) => f.id).join(", ")})`, { file });
  }
  const document = await readDocument(file, { allowEmpty: format?.acceptsEmpty === true });
  if (!format && isEmptyReport(document)) {
    return { file, format: "empty", log: { version: "2.1.0", runs: [] }, warnings: [] };
  }
  format ??= detectFormat(document, file).format;
  const redactor = options2.redactor ?? createRedactor();
  const warnings = [];
  const regions = new RegionNotes();
  const chosen = format;
  let log2;
  try {
    log2 = notingRegions((problem) => regions.add(problem), () => chosen.parse(document, { file, warn: (message2) => warnings.push(redactor.text(message2)) }));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message2 = error instanceof Error ? error.message : String(error);
    throw new InputError(`is not a valid ${format.title} report: ${redactor.text(message2.split("\n")[0])}`, { file, cause: error });
  }
  await redactor.log(log2, { category: options2.category });
  for (const line2 of regions.lines()) warnings.push(redactor.text(line2));
  return { file, format: format.id, log: log2, warnings };
}

// ../core/dist/chunk-XALR6TL6.js
import { isAbsolute as isAbsolute2, relative as relative2, resolve as resolve2, sep as sep2 } from "path";
import { fileURLToPath as fileURLToPath2 } from "url";
var require3 = __pwCoreCreateRequire2(import.meta.url);
var PLAIN_RELATIVE = /^[A-Za-z0-9_\-.]+(?:\/[A-Za-z0-9_\-.]+)*$/;
var DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$)/;
function relativize(location2, { baseDir, srcRoot }, prefix) {
  if (!location2.uri) return;
  if (prefix !== void 0 && !location2.uriBaseId && PLAIN_RELATIVE.test(location2.uri) && !DOT_SEGMENT.test(location2.uri)) {
    location2.uri = prefix + location2.uri;
    location2.uriBaseId = SRCROOT;
    return;
  }
  location2.uri = toUriReference(location2.uri);
  const uri = location2.uri;
  if (location2.uriBaseId) return;
  let path2;
  if (uri.startsWith("file:")) {
    try {
      path2 = fileURLToPath2(uri);
    } catch {
      return;
    }
  } else if (isAbsolute2(uri)) {
    path2 = decodeUri(uri);
  } else if (!/^[a-z][a-z0-9+.-]*:/i.test(uri)) {
    path2 = resolve2(baseDir, decodeUri(uri.replace(/[?#].*$/, "")));
  }
  if (path2 === void 0) return;
  const rel = relative2(srcRoot, path2);
  if (rel === "" || rel.startsWith("..") || isAbsolute2(rel)) return;
  location2.uri = rel.split(sep2).map(encodeURIComponent).join("/");
  location2.uriBaseId = SRCROOT;
}
function plainPrefix({ baseDir, srcRoot }) {
  const rel = relative2(srcRoot, baseDir);
  if (rel === "") return "";
  if (rel.startsWith("..") || isAbsolute2(rel)) return void 0;
  return `${rel.split(sep2).map(encodeURIComponent).join("/")}/`;
}
function relativizeRunMembers(run2, root, prefix, members2) {
  if (!members2 || members2.has("artifacts")) {
    for (const artifact of run2.artifacts ?? []) if (artifact.location) relativize(artifact.location, root, prefix);
  }
  if (members2 && !members2.has("invocations")) return;
  for (const invocation of run2.invocations ?? []) {
    for (const notification of [...invocation.toolExecutionNotifications ?? [], ...invocation.toolConfigurationNotifications ?? []]) {
      for (const location2 of notification.locations ?? []) if (location2.physicalLocation?.artifactLocation) relativize(location2.physicalLocation.artifactLocation, root, prefix);
    }
  }
}
function relativizeResult(result2, root, prefix) {
  for (const locations of [result2.locations, result2.relatedLocations]) {
    for (const location2 of locations ?? []) {
      if (location2.physicalLocation?.artifactLocation) relativize(location2.physicalLocation.artifactLocation, root, prefix);
    }
  }
  if (result2.analysisTarget) relativize(result2.analysisTarget, root, prefix);
  for (const flow of result2.codeFlows ?? []) {
    for (const thread of flow.threadFlows ?? []) {
      for (const step of thread.locations ?? []) {
        const artifact = step.location?.physicalLocation?.artifactLocation;
        if (artifact) relativize(artifact, root, prefix);
      }
    }
  }
}
function relativizeRun(run2, root) {
  const prefix = plainPrefix(root);
  relativizeRunMembers(run2, root, prefix);
  for (const result2 of run2.results ?? []) relativizeResult(result2, root, prefix);
}
function reportSource(file, baseDir) {
  return relative2(baseDir, resolve2(file)) || file;
}
async function normalizeReport(report, options2) {
  const { log: log2, format, warnings } = await readReport(report.file, report.format, { redactor: options2.redactor, category: report.scanner?.category });
  report.annotate?.(log2);
  for (const run2 of log2.runs) {
    run2.properties = {
      ...run2.properties,
      ...report.scanner ? { [PROP.scanner]: report.scanner.id, [PROP.category]: report.scanner.category } : { [PROP.source]: reportSource(report.file, options2.baseDir) }
    };
    relativizeRun(run2, options2);
  }
  return { log: log2, format, warnings };
}
function combineLogs(logs) {
  return { $schema: SARIF_SCHEMA_URI, version: SARIF_VERSION, runs: logs.flatMap((log2) => log2.runs) };
}
function wordsOf(text3) {
  return text3.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2").replace(/(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/g, " ").toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}
var STRONG = /* @__PURE__ */ new Set([
  "password",
  "passwords",
  "passwd",
  "pwd",
  "pass",
  "passphrase",
  "passcode",
  "secret",
  "secrets",
  "token",
  "tokens",
  "key",
  "keys",
  "apikey",
  "credential",
  "credentials",
  "placeholder",
  "example",
  "sample",
  "dummy",
  "fake",
  "test",
  "testing",
  "foo",
  "bar",
  "baz",
  "qux",
  "foobar",
  "todo",
  "tbd",
  "fixme",
  "redacted",
  "masked",
  "hidden",
  "removed",
  "null",
  "nil",
  "none",
  "undefined",
  "empty",
  "default",
  "value",
  "string",
  "str",
  "text",
  "number",
  "int",
  "integer",
  "bool",
  "boolean",
  "true",
  "false",
  "yes",
  "no",
  "required",
  "optional",
  "xxx",
  "any",
  "object"
]);
var QUALIFIER = /* @__PURE__ */ new Set([
  "api",
  "access",
  "private",
  "public",
  "client",
  "auth",
  "authentication",
  "login",
  "session",
  "cookie",
  "jwt",
  "signing",
  "encryption",
  "master",
  "app",
  "application",
  "service",
  "account",
  "user",
  "username",
  "admin",
  "root",
  "db",
  "database",
  "aws",
  "github",
  "gitlab",
  "slack",
  "stripe",
  "google",
  "oauth",
  "bearer",
  "hmac",
  "your",
  "my",
  "our",
  "the",
  "a",
  "an",
  "this",
  "that",
  "here",
  "goes",
  "enter",
  "insert",
  "put",
  "add",
  "set",
  "use",
  "with",
  "some",
  "own",
  "actual",
  "real",
  "valid",
  "new",
  "old",
  "current",
  "confirm",
  "confirmation",
  "random",
  "long",
  "strong",
  "change",
  "replace",
  "me",
  "it",
  "go",
  "generate",
  "generated",
  "env",
  "environment",
  "dev",
  "development",
  "prod",
  "production",
  "staging",
  "local",
  "id",
  "mysql",
  "postgres",
  "pg",
  "sql",
  "mongo",
  "mongodb",
  "redis",
  "ldap",
  "smtp",
  "mail",
  "ftp",
  "ssh",
  "rabbitmq",
  "amqp"
]);
var VOCABULARY = /* @__PURE__ */ new Set([...STRONG, ...QUALIFIER]);
var MARKER = /example|placeholder|change[-_ ]?(?:me|it|this)|replace[-_ ]?(?:me|with|this)|dummy|redacted|not[-_ ]?a[-_ ]?real|^your|[-_ ]your[-_ ]|insert[-_ ]?(?:your|here)|goes[-_ ]?here|[-_ ]here$/i;
var REFERENCES = [
  /^<[^<>]*>$/,
  // <password>, <your-token>, <redacted>
  /^\[[^[\]]*\]$/,
  // [REDACTED], [your key]
  /^\([A-Za-z][\w\s-]*\)$/,
  // (password)
  /^\{\{[\s\S]*\}\}$/,
  // {{ x }} (Jinja, Mustache, Helm)
  /^\{[A-Za-z_][\w.-]*\}$/,
  // {x}
  /^\$\{\{[\s\S]*\}\}$/,
  // ${{ secrets.X }}
  /^\$\([\s\S]*\)$/,
  // $(command)
  /^\$[A-Za-z_]\w*$|^\$\d$/,
  // $VAR, $1
  /^\$env:[A-Za-z_]\w*$/i,
  // PowerShell
  /^%[A-Za-z_]\w*%$/,
  // %VAR% (Windows)
  /^%\([^)]+\)[sdr]$/,
  // %(var)s (Python)
  /^#\{[\s\S]*\}$/,
  // #{x} (Ruby, Spring)
  /^@[A-Za-z_][\w.-]*@$/,
  // @var@ (Maven filtering)
  /^<%=?[\s\S]*%>$/,
  // ERB
  /^__[A-Z0-9_]+__$/,
  // __TOKEN__ replaced at deploy time
  /^ENC\([\s\S]*\)$/,
  // Jasypt: encrypted, not the plain secret
  /^(?:op|vault|secretsmanager|ssm|awssm|gcpsm|azkv|keyvault):\/?\/?\S+$/i
  // secret-store references
];
var TOKEN = /\$\{[^{}]*\}|\{\{[^{}]*\}\}|<[A-Za-z_][\w\s.-]*>|%\([^)]+\)[sdr]|\$[A-Z_][A-Z0-9_]{2,}|\{[A-Za-z_][\w.-]*\}|#\{[^{}]*\}/;
var TOKENS = new RegExp(TOKEN.source, "g");
var AUTH_SCHEME = /^(?:Bearer|Basic|Token|Bot|Digest)\s+/i;
var SEQUENCES = ["0123456789", "1234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
function unquote(value) {
  const trimmed = value.trim();
  const quoted = /^(['"`])([\s\S]*)\1$/.exec(trimmed);
  return quoted ? quoted[2].trim() : trimmed;
}
function segment(word) {
  const best = [[]];
  for (let end = 1; end <= word.length; end++) {
    for (let start = Math.max(0, end - 16); start <= end - 2; start++) {
      const head = best[start];
      const part = word.slice(start, end);
      if (head && VOCABULARY.has(part)) {
        best[end] = [...head, part];
        break;
      }
    }
  }
  return best[word.length];
}
function isVocabulary(value) {
  const words = wordsOf(value);
  if (!words.length || words.length > 8) return false;
  const parts = [];
  for (const word of words) {
    const split = VOCABULARY.has(word) ? [word] : segment(word);
    if (!split) return false;
    parts.push(...split);
  }
  return parts.some((part) => STRONG.has(part));
}
function isRepeated(value) {
  const bare2 = value.replace(/[-_.:/\s]/g, "").toLowerCase();
  return [...bare2].every((char) => char === bare2[0]);
}
function isMostlyMask(value) {
  const masked = (value.match(/[xX*•#]{4,}/g) ?? []).reduce((n, run2) => n + run2.length, 0);
  return masked > 0 && masked * 2 >= value.length;
}
function isRepeatedUnit(value) {
  return /^([\s\S]{1,4})\1{2,}$/.test(value);
}
function isSequence(value) {
  const bare2 = value.toLowerCase().replace(/[-_.\s]/g, "");
  if (bare2.length < 3) return false;
  let at = 0;
  while (at < bare2.length) {
    let longest = 0;
    for (const base of SEQUENCES) {
      for (const order of [base, [...base].reverse().join("")]) {
        const from = order.indexOf(bare2[at]);
        if (from < 0) continue;
        let n = 0;
        while (at + n < bare2.length && order[from + n] === bare2[at + n]) n++;
        longest = Math.max(longest, n);
      }
    }
    if (longest < 3) return false;
    at += longest;
  }
  return true;
}
function isTemplate(value) {
  if (!TOKEN.test(value)) return false;
  const rest = value.replace(TOKENS, " ").replace(AUTH_SCHEME, "");
  const letters = rest.replace(/[^A-Za-z0-9]/g, "");
  return letters.length < 4 || isPlaceholderSecret(rest);
}
function shellReference(value) {
  const match = /^\$\{([A-Za-z_][\w.]*)(?:(:?[-=?+])([\s\S]*))?\}$/.exec(value);
  if (!match) return void 0;
  return match[3] === void 0 || match[3] === "" || isPlaceholderSecret(match[3]);
}
function placeholderKind(value) {
  const bare2 = unquote(value).replace(AUTH_SCHEME, "");
  if (bare2 === "" || /\.\.\.|…/.test(bare2) || isRepeated(bare2) || isMostlyMask(bare2)) return "mask";
  const shell = shellReference(bare2);
  if (shell !== void 0) return shell ? "reference" : void 0;
  if (REFERENCES.some((pattern2) => pattern2.test(bare2))) return "reference";
  if (MARKER.test(bare2) || isVocabulary(bare2)) return "word";
  if (isRepeatedUnit(bare2) || isSequence(bare2)) return "sequence";
  return isTemplate(bare2) ? "reference" : void 0;
}
function isPlaceholderSecret(value) {
  return placeholderKind(value) !== void 0;
}
var DOCUMENTATION_SCORE = 5;
var MAX_REGION_LINES = 200;
var DOC_EXTENSION = /\.(?:md|markdown|mdx|rst|txt|adoc|asciidoc)$/i;
var DOC_FOLDER = /(?:^|\/)(?:docs?|documentation)\//i;
var DOC_NAME = /(?:^|\/)(?:README|CHANGELOG|CHANGES|CONTRIBUTING|INSTALL|HISTORY)(?:\.[^/]*)?$/i;
function isDocumentationPath(path2) {
  return DOC_EXTENSION.test(path2) || DOC_FOLDER.test(path2) || DOC_NAME.test(path2);
}
function isSecretFinding(run2, result2) {
  return byPlainRule(run2, result2, 1, taggedSecret);
}
function taggedSecret(run2, result2) {
  if (categoryOf(run2, result2) === "secrets") return true;
  const tags = [...ruleOf(run2, result2)?.properties?.tags ?? [], ...result2.properties?.tags ?? []];
  return tags.some((tag) => /^secrets?$/i.test(String(tag)));
}
function localPath(run2, result2) {
  const artifact = result2.locations?.[0]?.physicalLocation?.artifactLocation;
  const indexed = artifact?.index !== void 0 ? run2.artifacts?.[artifact.index]?.location : void 0;
  const uri = artifact?.uri ?? indexed?.uri;
  const base = artifact?.uriBaseId ?? indexed?.uriBaseId;
  if (!uri || base !== void 0 && base !== SRCROOT || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith("/")) return void 0;
  return decodeUri(uri);
}
var PAIRS = [["<", ">"], ["{", "}"], ["(", ")"], ["[", "]"]];
function balanced(line2, start, end) {
  let [from, to] = [Math.max(0, start), Math.min(line2.length, end)];
  for (const [open3, close] of PAIRS) {
    const text3 = line2.slice(from, to);
    const opens = text3.split(open3).length - 1;
    const closes = text3.split(close).length - 1;
    if (opens > closes && line2[to] === close) to++;
    else if (closes > opens && line2[from - 1] === open3) from--;
  }
  return line2.slice(from, to);
}
async function flaggedText(run2, result2, readLine) {
  const region2 = result2.locations?.[0]?.physicalLocation?.region;
  const path2 = localPath(run2, result2);
  const first = region2?.startLine;
  if (path2 !== void 0 && first !== void 0) {
    const last = Math.min(region2?.endLine ?? first, first + MAX_REGION_LINES - 1);
    const lines = [];
    for (let n = first; n <= last; n++) {
      const line2 = await readLine(path2, n);
      if (line2 === void 0) break;
      lines.push(line2);
    }
    if (lines.length === last - first + 1) {
      const exact = region2?.startColumn !== void 0 && region2.endColumn !== void 0;
      if (!exact) return { text: lines.join("\n"), exact: false };
      if (lines.length === 1) return { text: balanced(lines[0], region2.startColumn - 1, region2.endColumn - 1), exact: true };
      lines[0] = lines[0].slice(region2.startColumn - 1);
      lines[lines.length - 1] = lines[lines.length - 1].slice(0, region2.endColumn - 1);
      return { text: lines.join("\n"), exact: true };
    }
  }
  const snippet = region2?.snippet?.text;
  return snippet !== void 0 ? { text: snippet, exact: true } : void 0;
}
var URL_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/([^\s:@/]*)(?::([^\s@/]*))?@/gi;
var ASSIGNMENT = /^\s*(?:[\w$.]+\s+){0,3}["'`]?[\w.$-]+["'`]?\s*(?:=>|:=|=|:(?!\/\/))\s*([\s\S]+?)\s*[,;]?\s*$/;
var QUOTED = /(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
var BARE_VALUE = /[\w.$-]+\s*(?:=>|:=|=|:(?!\/\/))\s*([^\s"'`,;]+)/g;
function secretCandidates(text3, exact) {
  const credentials = [...text3.matchAll(URL_CREDENTIALS)].map((m) => m[2] ?? m[1]).filter((value) => value !== "");
  if (credentials.length) return credentials;
  if (exact) {
    const assigned = ASSIGNMENT.exec(text3)?.[1];
    return [assigned ?? text3.trim()];
  }
  const values = [...[...text3.matchAll(QUOTED)].map((m) => m[2]), ...[...text3.matchAll(BARE_VALUE)].map((m) => m[1])];
  return values.length ? values : [text3.trim()];
}
async function isPlaceholderFinding(run2, result2, readLine) {
  if (result2.baselineState === "absent" || !isSecretFinding(run2, result2)) return false;
  const flagged = await flaggedText(run2, result2, readLine);
  const candidates = flagged ? secretCandidates(flagged.text, flagged.exact) : [];
  return candidates.length > 0 && candidates.every(isPlaceholderSecret);
}
async function dropPlaceholderSecrets(log2, readLine) {
  let dropped = 0;
  for (const run2 of log2.runs) {
    if (!run2.results?.length) continue;
    const kept = [];
    for (const result2 of run2.results) {
      if (await isPlaceholderFinding(run2, result2, readLine)) dropped++;
      else kept.push(result2);
    }
    run2.results = kept;
  }
  return dropped;
}
function demoteDocumentationSecret(run2, result2) {
  if (result2.baselineState === "absent" || !isSecretFinding(run2, result2)) return false;
  const uri = result2.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  if (!uri || !isDocumentationPath(decodeUri(uri))) return false;
  if (scoreOf2(result2, ruleOf(run2, result2)) <= DOCUMENTATION_SCORE) return false;
  const tags = [.../* @__PURE__ */ new Set([...result2.properties?.tags ?? [], "documentation"])];
  result2.properties = { ...result2.properties, "security-severity": DOCUMENTATION_SCORE.toFixed(1), tags };
  if ((result2.level ?? ruleOf(run2, result2)?.defaultConfiguration?.level) === "error") result2.level = "warning";
  return true;
}
function demoteDocumentationSecrets(log2) {
  let lowered = 0;
  for (const run2 of log2.runs) for (const result2 of run2.results ?? []) if (demoteDocumentationSecret(run2, result2)) lowered++;
  return lowered;
}
async function screenSecretFindings(log2, readLine) {
  const placeholders = await dropPlaceholderSecrets(log2, readLine);
  const documentation = demoteDocumentationSecrets(log2);
  return { placeholders, documentation };
}
async function readTextUnder(root, path2, maxBytes) {
  const read2 = await (typeof root === "string" ? rootReader(root) : root).read(path2, { maxBytes });
  if ("refused" in read2) return void 0;
  if (read2.data.subarray(0, 8e3).includes(0)) return void 0;
  return read2.data.toString("utf8");
}
var MAX_SOURCE_BYTES2 = 10 * 1024 * 1024;
function createLineReader(root) {
  const files = /* @__PURE__ */ new Map();
  const reader = rootReader(root);
  return async (path2, line2) => {
    let lines = files.get(path2);
    if (!lines) {
      lines = readTextUnder(reader, path2, MAX_SOURCE_BYTES2).then((text3) => text3?.split(/\r\n|\r|\n/));
      files.set(path2, lines);
    }
    return (await lines)?.[line2 - 1];
  };
}
var SECRET_CALLS = [
  { pattern: /\bcookieParser\s*\(/g, argument: 0, label: "cookieParser() secret", kind: "secret", framework: "cookie-parser" },
  { pattern: /\bjwt\.(?:sign|verify)\s*\(/g, argument: 1, label: "jwt.sign()/verify() secret", kind: "secret", framework: "jsonwebtoken" },
  { pattern: /\bjwt\.(?:encode|decode)\s*\(/g, argument: 1, label: "jwt.encode()/decode() key", kind: "secret", framework: "PyJWT" },
  { pattern: /\bJWT::(?:encode|decode)\s*\(/g, argument: 1, label: "JWT::encode() key", kind: "secret", framework: "php-jwt" },
  { pattern: /\bAlgorithm\.HMAC(?:256|384|512)\s*\(/g, argument: 0, label: "Algorithm.HMAC256() secret", kind: "secret", framework: "java-jwt" },
  { pattern: /\.setSigningKey\s*\(/g, argument: 0, label: "setSigningKey() key", kind: "secret", framework: "jjwt" },
  { pattern: /\.signWith\s*\(/g, argument: 1, label: "signWith() key", kind: "secret", framework: "jjwt" },
  { pattern: /\bcreateHmac\s*\(/g, argument: 1, label: "createHmac() key", kind: "key" },
  { pattern: /\bcreate(?:De)?cipheriv\s*\(/gi, argument: 1, label: "createCipheriv() key", kind: "key" },
  { pattern: /\bhash_hmac\s*\(/g, argument: 2, label: "hash_hmac() key", kind: "key" },
  { pattern: /\bhmac\.new\s*\(/g, argument: 0, label: "hmac.new() key", kind: "key" },
  { pattern: /\bnew\s+SecretKeySpec\s*\(/g, argument: 0, label: "new SecretKeySpec() key", kind: "key" },
  // Database connections by position: the password is the third argument. A stand-in word here is sample
  // code more often than a deployed password, so these are judged like a name, not like a framework's secret.
  { pattern: /\bmysqli?_connect\s*\(/g, argument: 2, label: "mysql_connect() password", kind: "password", byName: true },
  { pattern: /\bnew\s+(?:mysqli|PDO)\s*\(/g, argument: 2, label: "new mysqli()/PDO() password", kind: "password", byName: true },
  { pattern: /\bDriverManager\.getConnection\s*\(/g, argument: 2, label: "DriverManager.getConnection() password", kind: "password", byName: true },
  { pattern: /\bMySQLdb\.connect\s*\(/g, argument: 2, label: "MySQLdb.connect() password", kind: "password", byName: true }
];
var SESSION_OPENERS = [
  [/\b(?:expressSession|session)\s*\(\s*\{/, "express-session"],
  [/\bcookieSession\s*\(\s*\{/, "cookie-session"],
  [/\b(?:expressJwt|expressjwt|jwt)\s*\(\s*\{/, "express-jwt"],
  [/\bJwtModule\.register(?:Async)?\s*\(\s*\{/, "@nestjs/jwt"],
  [/\bfastify(?:Session|SecureSession|Cookie|Jwt)\b/, "fastify"],
  [/\bnew\s+(?:Jwt)?Strategy\s*\(\s*\{/, "passport-jwt"],
  [/\bkoaSession\s*\(|\bsession\s*\(\s*app\b/, "koa-session"]
];
var LOOKBACK = 12;
function sessionFramework(lines, index, column) {
  for (let n = index; n >= Math.max(0, index - LOOKBACK); n--) {
    const text3 = n === index ? lines[n].slice(0, column) : lines[n];
    const hit = SESSION_OPENERS.find(([pattern2]) => pattern2.test(text3));
    if (hit) return hit[1];
    if (n !== index && /^\s*\}\s*\)/.test(text3)) return void 0;
  }
  return void 0;
}
var SETTINGS = [
  { words: "secret key", languages: ["py"], framework: "Django/Flask" },
  { words: "jwt secret key", languages: ["py"], framework: "Flask-JWT-Extended" },
  { words: "secret key base", languages: "any", framework: "Rails" },
  { words: "app key", languages: ["env"], framework: "Laravel" },
  { words: "app secret", languages: ["env"], framework: "Symfony" }
];
function frameworkOf(name2, language, lines, index, column) {
  const words = wordsOf(name2.replace(/^.*(?:\.|->|::)/, "")).join(" ");
  const setting = SETTINGS.find((s) => s.words === words && (s.languages === "any" || s.languages.includes(language)));
  if (setting) return setting.framework;
  if (language === "js" && (words === "secret" || words === "secret or key")) return sessionFramework(lines, index, column);
  return void 0;
}
var MAX_LITERAL_LINES = 200;
function commentAt(line2, at, style) {
  if ((style === "c" || style === "both") && line2.startsWith("//", at) && line2[at - 1] !== ":") return true;
  if ((style === "c" || style === "both") && line2.startsWith("/*", at)) return true;
  return (style === "hash" || style === "both") && line2[at] === "#" && (at === 0 || /\s/.test(line2[at - 1]));
}
function stringSpans(line2, style) {
  return scan(line2, style).spans;
}
function commentStart(line2, style) {
  if ((style === "c" || style === "both") && /^\s*\*(?!\/)/.test(line2)) return 0;
  return scan(line2, style).comment;
}
function scan(line2, style) {
  const spans = [];
  let at = 0;
  while (at < line2.length) {
    const char = line2[at];
    if (commentAt(line2, at, style)) return { spans, comment: at };
    if (char === '"' || char === "'" || char === "`") {
      let end = at + 1;
      while (end < line2.length && line2[end] !== char) end += line2[end] === "\\" ? 2 : 1;
      spans.push([at, Math.min(end + 1, line2.length)]);
      at = end + 1;
    } else {
      at++;
    }
  }
  return { spans, comment: line2.length };
}
function insideSpan(spans, at) {
  return spans.some(([start, end]) => at > start && at < end);
}
function readLiteral(lines, index, at) {
  const line2 = lines[index];
  const prefix = /^[bBrRuUfF]{1,2}(?=["'])/.exec(line2.slice(at, at + 3))?.[0].length ?? 0;
  const start = at + prefix;
  const quote2 = line2[start];
  if (quote2 !== '"' && quote2 !== "'" && quote2 !== "`") return void 0;
  const triple = quote2 !== "`" && line2.startsWith(quote2.repeat(3), start);
  const close = triple ? quote2.repeat(3) : quote2;
  const open3 = start + close.length;
  const multiline = triple || quote2 === "`";
  for (let n = index, from = open3; n < Math.min(lines.length, index + (multiline ? MAX_LITERAL_LINES : 1)); n++, from = 0) {
    const text3 = lines[n];
    let end = from;
    while (end < text3.length && !text3.startsWith(close, end)) end += text3[end] === "\\" ? 2 : 1;
    if (end < text3.length) {
      const value = n === index ? text3.slice(open3, end) : [line2.slice(open3), ...lines.slice(index + 1, n), text3.slice(0, end)].join("\n");
      return { value, line: index, column: open3, endLine: n, endColumn: end, next: end + close.length };
    }
  }
  return void 0;
}
function argumentStart(line2, open3, n) {
  let depth = 0;
  let argument = 0;
  for (let at = open3 + 1; at < line2.length; at++) {
    const char = line2[at];
    if (char === '"' || char === "'" || char === "`") {
      let end = at + 1;
      while (end < line2.length && line2[end] !== char) end += line2[end] === "\\" ? 2 : 1;
      if (argument === n && depth === 0) return at;
      at = end;
      continue;
    }
    if (argument === n && depth === 0 && !/\s/.test(char)) return at;
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) {
      if (depth === 0) return void 0;
      depth--;
    } else if (char === "," && depth === 0) argument++;
  }
  return void 0;
}
var PASSWORD = /* @__PURE__ */ new Set(["password", "passwd", "pwd", "pw", "passphrase", "passcode"]);
var PASS_QUALIFIER = /* @__PURE__ */ new Set([
  "db",
  "database",
  "user",
  "admin",
  "root",
  "smtp",
  "mail",
  "email",
  "ftp",
  "sftp",
  "ssh",
  "ldap",
  "redis",
  "mysql",
  "pg",
  "postgres",
  "sql",
  "auth",
  "login",
  "basic",
  "proxy",
  "app",
  "api",
  "amqp",
  "rabbit",
  "mongo",
  "key",
  "store",
  "trust",
  "wifi",
  "master",
  "service",
  "account"
]);
var TOKEN2 = /* @__PURE__ */ new Set(["token", "authorization"]);
var KEY = /* @__PURE__ */ new Set(["key", "apikey"]);
var KEY_QUALIFIER = /* @__PURE__ */ new Set([
  "api",
  "private",
  "access",
  "secret",
  "auth",
  "encryption",
  "enc",
  "signing",
  "sign",
  "master",
  "app",
  "client",
  "hmac",
  "crypto",
  "cipher",
  "aes",
  "jwt",
  "session",
  "cookie",
  "server",
  "service",
  "account",
  "subscription",
  "consumer",
  "license"
]);
var NEGATING = /* @__PURE__ */ new Set([
  "label",
  "placeholder",
  "title",
  "text",
  "msg",
  "message",
  "messages",
  "error",
  "errors",
  "hint",
  "tooltip",
  "prompt",
  "description",
  "desc",
  "help",
  "caption",
  "heading",
  "button",
  "btn",
  "link",
  "field",
  "fields",
  "input",
  "column",
  "col",
  "regex",
  "regexp",
  "pattern",
  "validation",
  "validator",
  "validate",
  "policy",
  "strength",
  "rule",
  "rules",
  "requirement",
  "requirements",
  "min",
  "max",
  "minimum",
  "maximum",
  "length",
  "len",
  "size",
  "count",
  "expiry",
  "expires",
  "expiration",
  "expire",
  "expired",
  "ttl",
  "timeout",
  "lifetime",
  "url",
  "uri",
  "endpoint",
  "path",
  "file",
  "filename",
  "dir",
  "directory",
  "folder",
  "type",
  "types",
  "format",
  "encoding",
  "algorithm",
  "algorithms",
  "algo",
  "alg",
  "mode",
  "header",
  "prefix",
  "suffix",
  "param",
  "params",
  "parameter",
  "query",
  "selector",
  "class",
  "env",
  "var",
  "variable",
  "enabled",
  "enable",
  "disabled",
  "required",
  "is",
  "has",
  "show",
  "hide",
  "forgot",
  "forget",
  "reset",
  "change",
  "update",
  "toggle",
  "visible",
  "visibility",
  "icon",
  "i18n",
  "translation",
  "lang",
  "locale",
  "route",
  "action",
  "event",
  "handler",
  "callback",
  "provider",
  "strategy",
  "storage",
  "manager",
  "generator",
  "helper",
  "method",
  "version",
  "location",
  "position",
  "hash",
  "hashed",
  "salt",
  "rounds",
  "iterations",
  "mask",
  "ref",
  "reference",
  "arn",
  "name",
  "names",
  "status",
  "state",
  "flag",
  "schema",
  "model",
  "table",
  "attribute",
  "attr",
  "property",
  "option",
  "options",
  "public",
  "publishable",
  "site",
  "csrf",
  "xsrf",
  "cancel",
  "cancellation",
  "next",
  "page",
  "paging",
  "pagination",
  "continuation",
  "cursor",
  "sync",
  "device",
  "push",
  "primary",
  "foreign",
  "cache",
  "sort",
  "partition",
  "idempotency",
  "lexer",
  "parser",
  "eof",
  "usage",
  "id",
  "ids",
  "kid",
  "fingerprint",
  "secrets",
  "passwords",
  "tokens",
  "keys"
]);
var NEUTRAL_TAIL = /^(?:\d+|dev|development|prod|production|staging|stage|test|local|live|value|val|str|string|plain|plaintext|raw|default|old|new|current|hex|b64|base64|bytes|base|bin)$/;
var COMPOUND = [
  [/(?:password|passwd)$|^(?:key|store|trust|db|smtp)pass$/, "password"],
  [/secret$|^secret(?:key|token)$/, "secret"],
  [/(?:auth|access|api|bearer|bot|refresh|session)token$/, "token"],
  [/^(?:api|private|access|auth|master|signing|encryption|app|client)key$/, "key"]
];
function wordKind(word, before) {
  if (PASSWORD.has(word)) return "password";
  if (word === "pass") return before === void 0 || PASS_QUALIFIER.has(before) ? "password" : void 0;
  if (word === "secret") return "secret";
  if (TOKEN2.has(word)) return "token";
  if (word === "apikey") return "key";
  if (KEY.has(word)) return before !== void 0 && KEY_QUALIFIER.has(before) ? "key" : void 0;
  return COMPOUND.find(([pattern2]) => pattern2.test(word))?.[1];
}
function secretKindOf(name2) {
  const words = wordsOf(name2.replace(/^.*(?:\.|->|::)/, ""));
  if (!words.length || words.length > 8 || words.some((word) => NEGATING.has(word))) return void 0;
  let last = words.length - 1;
  while (last > 0 && NEUTRAL_TAIL.test(words[last])) last--;
  if (words.slice(0, last + 1).some((word) => word === "secret" || /secret$/.test(word))) return "secret";
  return wordKind(words[last], words[last - 1]);
}
var BY_EXTENSION = (() => {
  const code = (language, comments) => ({ language, comments, bare: false, code: true });
  const config = (language, comments, bare2) => ({ language, comments, bare: bare2, code: false });
  const table = {};
  const add2 = (extensions, syntax) => {
    for (const extension of extensions.split(" ")) table[extension] = syntax;
  };
  add2("js cjs mjs jsx ts tsx mts cts vue svelte", code("js", "c"));
  add2("py", code("py", "hash"));
  add2("php", code("php", "both"));
  add2("java kt kts scala groovy gradle", code("java", "c"));
  add2("cs", code("cs", "c"));
  add2("go", code("go", "c"));
  add2("rb", code("ruby", "hash"));
  add2("tf tfvars hcl", config("hcl", "both", false));
  add2("yml yaml", config("yaml", "hash", true));
  add2("properties", config("properties", "hash", true));
  add2("ini cfg conf toml", config("ini", "hash", true));
  add2("env", config("env", "hash", true));
  add2("sh bash zsh", config("shell", "hash", true));
  add2("json", config("json", "none", false));
  add2("xml config", config("xml", "none", false));
  return table;
})();
var EXAMPLE_FILE = /[._-](?:example|sample|template|tmpl)(?:\.[^/]*)?$/i;
function syntaxOf(path2) {
  const name2 = path2.slice(path2.lastIndexOf("/") + 1);
  if (EXAMPLE_FILE.test(name2) || /\.d\.[cm]?ts$/.test(name2)) return void 0;
  if (/^\.env(?:\.[\w-]+)?$/.test(name2)) return BY_EXTENSION.env;
  const dot = name2.lastIndexOf(".");
  return dot > 0 ? BY_EXTENSION[name2.slice(dot + 1).toLowerCase()] : void 0;
}
function shannonEntropy(value) {
  if (!value) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...value].length;
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
var VALUE_RULES = {
  password: { minLength: 6, minEntropy: 0, generated: false },
  secret: { minLength: 8, minEntropy: 2.5, generated: false },
  token: { minLength: 8, minEntropy: 3, generated: true },
  key: { minLength: 8, minEntropy: 3, generated: true },
  certain: { minLength: 4, minEntropy: 0, generated: false }
};
var SHAPES = [
  [/^[a-z][a-z0-9+.-]*:\/\//i, "a URL"],
  // An absolute path of word-like folders (/Users/maciej, /etc/ssl): a base64 secret may start with "/" too.
  [/^\/(?:[A-Za-z][a-z0-9._-]*\/)*[A-Za-z][a-z0-9._-]*\/?$/, "a file path"],
  [/^(?:\.{1,2}\/|~\/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|p12|pfx|jks|keystore|json|ya?ml|txt|env|properties|ini|conf|cfg|pub|der|gpg|asc)$/i, "a file path"],
  [/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, "a variable's name"],
  // Lower case only: a JWT is dotted too.
  [/^[a-z][a-z0-9_-]{0,40}(?:\.[a-z][a-z0-9_-]{0,40})+$/, "a dotted key"],
  [/^[a-z_]+(?::[^|\s]*)?(?:\|[a-z_]+(?::[^|\s]*)?)+$/, "a validation rule"],
  [/^[#.][A-Za-z][\w-]*$|<\/?[a-z][^>]*>/i, "markup"],
  // Password hashes (bcrypt, argon2, crypt, Django, Werkzeug): what a seed file stores instead of the password.
  [/^\$2[aby]?\$\d{2}\$|^\$argon2|^\$[156]\$|^(?:pbkdf2|scrypt|sha\d+|md5)[_:$]/i, "a password hash"]
];
var PROVIDER_TOKEN = /^(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{22}|npm_[A-Za-z0-9]{36}|xox[abposr]-|SG\.[\w-]{22}\.|shp(?:at|ca|pa|ss)_|sk-ant-|sk-proj-|lin_api_)/;
var AWS_SECRET_NAME = /^["']?(?:aws)?_?secret_?access_?key["']?$/i;
var AWS_SECRET_VALUE = /^[A-Za-z0-9/+=]{40}$/;
function coveredByProviderRule(name2, value) {
  return PROVIDER_TOKEN.test(value) || AWS_SECRET_NAME.test(name2.replace(/^.*(?:\.|->|::)/, "")) && AWS_SECRET_VALUE.test(value);
}
function rejectValue(value, kind, certain) {
  const rule = VALUE_RULES[certain ? "certain" : kind];
  const placeholder = placeholderKind(value);
  if (placeholder && (!certain || placeholder === "reference" || placeholder === "mask")) return `a placeholder (${placeholder})`;
  if ([...value].length < rule.minLength) return "too short";
  const spaces = value.trim().split(/\s+/).length - 1;
  const allowed = certain || kind === "secret" ? 1 : 0;
  if (spaces > allowed && !value.includes("-----BEGIN")) return "prose";
  if (kind === "password" && !certain && /^[a-f0-9]{32}$|^[a-f0-9]{40}$|^[a-f0-9]{64}$/i.test(value)) return "a password hash";
  if (kind === "password" && !certain && new RegExp("^\\p{Lu}\\p{Ll}+$", "u").test(value)) return "a label";
  const shape2 = SHAPES.find(([pattern2]) => pattern2.test(value));
  if (shape2) return shape2[1];
  if (shannonEntropy(value) < rule.minEntropy) return "too predictable";
  if (rule.generated && !/\d/.test(value) && !value.includes("-----BEGIN")) return "a word";
  return void 0;
}
var MAX_LINE = 1e4;
var QUICK = /pass|pwd|pw|secret|token|key|auth|jwt|hmac|cipher|cookie|connect|PDO/i;
var ASSIGN = /(?:(["'`])([^"'`\n]{1,80})\1|([$@]{0,2}[A-Za-z_][\w$]*(?:(?:\.|->|::|-)[A-Za-z_$][\w$]*)*))\s*\]?\s*(=>|:=|=(?![=>~])|:(?![:=/]))[ \t]*/g;
var SETTER = /(?:\.|->)set([A-Z]\w*)\s*\(\s*/g;
var PAIR = /\(\s*(["'])([^"'\n]{1,60})\1\s*,\s*/g;
var XML_ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<>]+)<\/\1>/g;
var XML_PAIR = /\b(?:name|key)\s*=\s*"([^"]{1,80})"\s+value\s*=\s*"([^"]*)"/g;
var TYPE_ANNOTATION = /^[A-Za-z_$][\w$.]*(?:<[^=]*>)?(?:\[\])*(?:\s*\|\s*[A-Za-z_$][\w$.]*)*\s*=(?![=>])\s*/;
var ENV_OR = /^(?:process\.env(?:\.[A-Za-z_]\w*|\[[^\]]+\])|os\.environ\[[^\]]+\]|(?:os\.)?getenv\([^()]*\)|System\.getenv\([^()]*\)|ENV\[[^\]]+\]|env\([^(),]*\)|\$_ENV\[[^\]]+\]|\$_SERVER\[[^\]]+\]|config\([^(),]*\))\s*(?:\|\||\?\?|\?:|\bor\b)\s*/;
var ENV_DEFAULT = /^(?:(?:os\.)?getenv|os\.environ\.get|env|ENV\.fetch|config|System\.getProperty|Deno\.env\.get)\s*\(\s*(["'])[^"'\n]*\1\s*,\s*/;
var FALLBACK_CALL = /(?:getenv|environ\.get|\benv|\.fetch|\.get|\bconfig|getProperty|getOrDefault)\s*$/;
var CODE_END = /^\s*(?:$|[,;)\]}]|\/\/|#|\/\*|\.(?:encode|getBytes|toCharArray|strip|trim|decode|toString|freeze)\s*\(|as\s+const\b)/;
function valueAt(lines, index, at, syntax) {
  const line2 = lines[index];
  const rest = line2.slice(at);
  const or = ENV_OR.exec(rest) ?? ENV_DEFAULT.exec(rest);
  if (or) {
    const literal2 = readLiteral(lines, index, at + or[0].length);
    return literal2 && endsExpression(lines, literal2, true) ? { literal: literal2, fallback: true } : void 0;
  }
  const literal = readLiteral(lines, index, at);
  if (literal) return !syntax.code || endsExpression(lines, literal, false) ? { literal, fallback: false } : void 0;
  if (!syntax.bare) return void 0;
  const bare2 = bareValue(line2, at, syntax);
  return bare2 ? { literal: { ...bare2, line: index, endLine: index }, fallback: false } : void 0;
}
function endsExpression(lines, literal, call) {
  const after = lines[literal.endLine].slice(literal.next);
  return call ? /^\s*[),]/.test(after) || CODE_END.test(after) : CODE_END.test(after);
}
function bareValue(line2, at, syntax) {
  let text3 = line2.slice(at);
  if (syntax.language !== "properties") text3 = text3.replace(syntax.language === "ini" ? /(?:^|\s)[#;].*$/ : /(?:^|\s)#.*$/, "");
  if (syntax.language === "shell") text3 = text3.split(/[\s;]/)[0];
  const value = text3.trim();
  if (!value || /^[|>&*!{[]/.test(value)) return void 0;
  const column = at + text3.indexOf(value);
  return { value, column, endColumn: column + value.length, next: column + value.length };
}
function assignCandidates(lines, index, syntax, spans) {
  const line2 = lines[index];
  const out = [];
  for (const match of line2.matchAll(ASSIGN)) {
    const quoted = match[1] !== void 0;
    if (quoted ? !spans.some(([start]) => start === match.index) : insideSpan(spans, match.index)) continue;
    let at = match.index + match[0].length;
    if (syntax.code && match[4] === ":") at += TYPE_ANNOTATION.exec(line2.slice(at))?.[0].length ?? 0;
    const value = valueAt(lines, index, at, syntax);
    if (value) out.push({ name: quoted ? match[2] : match[3], ...value });
  }
  return out;
}
function callCandidates(lines, index, spans) {
  const line2 = lines[index];
  const out = [];
  for (const match of line2.matchAll(SETTER)) {
    const literal = insideSpan(spans, match.index) ? void 0 : readLiteral(lines, index, match.index + match[0].length);
    if (literal && endsExpression(lines, literal, true)) out.push({ name: match[1], label: `set${match[1]}()`, literal, fallback: false });
  }
  for (const match of line2.matchAll(PAIR)) {
    const literal = insideSpan(spans, match.index) ? void 0 : readLiteral(lines, index, match.index + match[0].length);
    if (!literal || !/^\s*\)/.test(lines[literal.endLine].slice(literal.next))) continue;
    out.push({ name: match[2], literal, fallback: FALLBACK_CALL.test(line2.slice(0, match.index)) });
  }
  for (const call of SECRET_CALLS) {
    for (const match of line2.matchAll(call.pattern)) {
      if (insideSpan(spans, match.index)) continue;
      const start = argumentStart(line2, match.index + match[0].length - 1, call.argument);
      const literal = start === void 0 ? void 0 : readLiteral(lines, index, start);
      if (!literal || !endsExpression(lines, literal, true)) continue;
      out.push({ name: call.label, label: call.label, literal, fallback: false, kind: call.kind, framework: call.framework, crypto: !call.framework && !call.byName });
    }
  }
  return out;
}
function xmlCandidates(line2, index) {
  const candidate = (name2, value, column) => ({
    name: name2,
    fallback: false,
    literal: { value, line: index, column, endLine: index, endColumn: column + value.length, next: column + value.length }
  });
  return [
    ...[...line2.matchAll(XML_ELEMENT)].map((m) => ({ ...candidate(m[1].replace(/^.*:/, ""), m[2], m.index + m[0].indexOf(">") + 1), label: `<${m[1]}>` })),
    ...[...line2.matchAll(XML_PAIR)].map((m) => candidate(m[1], m[2], m.index + m[0].length - m[2].length - 1))
  ];
}
function explainedByName(name2, value) {
  const bare2 = (text3) => text3.replace(/^.*(?:\.|->|::)/, "").replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  if (bare2(name2) === bare2(value)) return true;
  return /^(?:\$|@)?pass$/i.test(name2.replace(/^.*(?:\.|->|::)/, "")) && /^[A-Za-z]+$/.test(value);
}
function judge(candidate, syntax, lines) {
  const { literal } = candidate;
  const kind = candidate.kind ?? secretKindOf(candidate.name);
  if (!kind) return void 0;
  const framework = candidate.framework ?? frameworkOf(candidate.name, syntax.language, lines, literal.line, literal.column);
  const certain = (framework !== void 0 || candidate.crypto === true) && !candidate.commented;
  if (rejectValue(literal.value, kind, certain) || coveredByProviderRule(candidate.name, literal.value)) return void 0;
  if (!certain && explainedByName(candidate.name, literal.value)) return void 0;
  return {
    name: candidate.name,
    label: candidate.label,
    kind,
    source: framework !== void 0 ? "framework" : candidate.crypto ? "crypto" : "name",
    framework,
    fallback: candidate.fallback,
    value: literal.value,
    entropy: Math.round(shannonEntropy(literal.value) * 100) / 100,
    startLine: literal.line + 1,
    startColumn: literal.column + 1,
    endLine: literal.endLine + 1,
    endColumn: literal.endColumn + 1
  };
}
function findSecrets(text3, path2) {
  const syntax = syntaxOf(path2);
  if (!syntax) return [];
  const lines = text3.split(/\r\n|\r|\n/);
  const hits = [];
  const seen = /* @__PURE__ */ new Set();
  for (let index = 0; index < lines.length; index++) {
    const line2 = lines[index];
    if (line2.length > MAX_LINE || !QUICK.test(line2)) continue;
    const spans = stringSpans(line2, syntax.comments);
    const comment2 = commentStart(line2, syntax.comments);
    const candidates = [
      ...syntax.code ? callCandidates(lines, index, spans) : [],
      ...syntax.language === "xml" ? xmlCandidates(line2, index) : [],
      ...assignCandidates(lines, index, syntax, spans)
    ];
    for (const candidate of candidates) {
      candidate.commented = candidate.literal.line === index && candidate.literal.column > comment2;
      const key = `${candidate.literal.line}:${candidate.literal.column}`;
      if (seen.has(key)) continue;
      const hit = judge(candidate, syntax, lines);
      if (!hit) continue;
      seen.add(key);
      hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.startLine - b.startLine || a.startColumn - b.startColumn);
}
var KEY_WORDS = 4;
var KEY_BYTES = 4 * KEY_WORDS;
var KEY_DIGITS = 2 * KEY_BYTES;

// ../core/dist/chunk-H65VALOH.js
import { createRequire as __pwCoreCreateRequire3 } from "module";
var require4 = __pwCoreCreateRequire3(import.meta.url);
var DEFAULT_SLA_DAYS = { P0: 7, P1: 30, P2: 90, P3: 180, P4: 365 };
function priorityOf(risk, kev) {
  if (kev || risk >= 90) return "P0";
  if (risk >= 70) return "P1";
  if (risk >= 45) return "P2";
  if (risk >= 20) return "P3";
  return "P4";
}
var ENVIRONMENT = { production: 1.2, staging: 1, development: 0.8, test: 0.5 };
var EXPOSURE = { "internet-facing": 1.2, internal: 0.9 };
var SENSITIVITY = { restricted: 1.15, confidential: 1.1, internal: 1, public: 0.9 };
var PRECISION7 = { "very-high": 1, high: 1, medium: 0.9, low: 0.75 };
function placeOf(result2) {
  const image = prop(result2.properties, PROP.image)?.reference;
  const url = prop(result2.properties, PROP.dast)?.url;
  return image ?? url ?? fileUriOf(result2) ?? "";
}
var severityFactors = /* @__PURE__ */ new Map();
var prevalenceFactors = /* @__PURE__ */ new Map();
function severityFactor(score) {
  let factor = severityFactors.get(score);
  if (!factor) {
    const severity = Math.min(10, Math.max(0, score));
    factor = Object.freeze({ factor: "severity", detail: `${severityFromScore(score)} (${score.toFixed(1)})`, points: Math.round(severity * 10) });
    if (severityFactors.size < 1e4) severityFactors.set(score, factor);
  }
  return factor;
}
function prevalenceFactor(count) {
  let factor = prevalenceFactors.get(count);
  if (!factor) {
    factor = Object.freeze({ factor: "prevalence", detail: `found in ${count} places`, points: Math.min(10, 2 * (count - 1)) });
    if (prevalenceFactors.size < 1e4) prevalenceFactors.set(count, factor);
  }
  return factor;
}
var NO_PROPERTIES = Object.freeze({});
function scale(tally, factor, detail, multiplier) {
  if (multiplier === void 0 || multiplier === 1) return;
  const before = tally.risk;
  tally.risk *= multiplier;
  tally.factors.push({ factor, detail: `${detail} (\xD7${multiplier})`, points: Math.round(tally.risk - before) });
}
function add(tally, factor, detail, points) {
  if (!points) return;
  tally.risk += points;
  tally.factors.push({ factor, detail, points });
}
function rarerFactors(tally, props, rule) {
  const precision = rule?.properties?.precision ?? props.precision;
  if (precision) scale(tally, "confidence", `the tool's precision is ${precision}`, PRECISION7[precision]);
  const context = prop(props, PROP.context);
  if (context?.environment) scale(tally, "environment", `${context.environment} (${context.match})`, ENVIRONMENT[context.environment]);
  if (context?.exposure) scale(tally, "exposure", `${context.exposure} (${context.match})`, EXPOSURE[context.exposure]);
  if (context?.data_sensitivity) scale(tally, "data sensitivity", `${context.data_sensitivity} data (${context.match})`, SENSITIVITY[context.data_sensitivity]);
  if (props[PROP.dev] === true) scale(tally, "dev dependency", "only a development dependency", 0.6);
  const kev = prop(props, PROP.kev);
  if (kev) add(tally, "kev", `${kev.cve} is in CISA KEV since ${kev.dateAdded}`, 25);
  if (kev?.knownRansomware) add(tally, "ransomware", `${kev.cve} is known to be used in ransomware campaigns`, 5);
  const epss = prop(props, PROP.epss);
  if (epss) {
    add(tally, "epss", `${epss.cve}: ${(epss.epss * 100).toFixed(1)}% probability of exploitation in 30 days`, Math.round(epss.epss * 15));
    if (epss.percentile >= 0.95) add(tally, "epss percentile", `${epss.cve} is in the top 5% of EPSS scores (${(epss.percentile * 100).toFixed(1)}th percentile)`, 5);
  }
}
function fixFactor(tally, props) {
  const fixes = prop(props, PROP.package)?.fixedVersions;
  if (fixes && fixes.length) add(tally, "fix available", `fixed in ${fixes.slice(0, 3).join(", ")}`, 3);
}
function hasRarerInputs(props, rule) {
  return rule?.properties?.precision !== void 0 || props.precision !== void 0 || props[PROP.context] !== void 0 || props[PROP.dev] !== void 0 || props[PROP.kev] !== void 0 || props[PROP.epss] !== void 0 || props[PROP.package] !== void 0;
}
function prioritize(log2, options2 = {}) {
  const sla = { ...DEFAULT_SLA_DAYS, ...options2.slaDays };
  const places2 = /* @__PURE__ */ new Map();
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent") continue;
      const key = prevalenceKey(result2);
      let set = places2.get(key);
      if (!set) places2.set(key, set = /* @__PURE__ */ new Set());
      set.add(placeOf(result2));
    }
  }
  const written = /* @__PURE__ */ new Set();
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent") continue;
      const risk = riskBeforePrevalence(run2, result2);
      const { tally } = risk;
      const count = places2.get(prevalenceKey(result2))?.size ?? 1;
      if (count > 1) {
        const prevalence = prevalenceFactor(count);
        tally.risk += prevalence.points;
        tally.factors.push(prevalence);
      }
      if (risk.rarer) fixFactor(tally, risk.props);
      const score = Math.round(Math.min(100, Math.max(0, tally.risk)));
      const priority = priorityOf(score, risk.kev);
      result2.rank = score;
      const own = ownBag(result2, written);
      own[PROP.severity] = severityFromScore(risk.base);
      own[PROP.risk] = score;
      own[PROP.priority] = priority;
      own[PROP.factors] = tally.factors;
      own[PROP.slaDays] = sla[priority];
      result2.properties = own;
    }
  }
  return log2;
}
var prevalenceKey = (result2) => `${result2.properties?.[PROP.package] ? vulnerabilityId(result2) : result2.ruleId ?? ""}`;
function riskBeforePrevalence(run2, result2) {
  const rule = ruleOf(run2, result2);
  const base = scoreOf2(result2, rule);
  const props = result2.properties ?? NO_PROPERTIES;
  const cvss = prop(props, PROP.cvss);
  let tally;
  if (cvss) {
    const risk = cvss.score * 10;
    tally = { risk, factors: [{ factor: "severity", detail: `CVSS ${cvss.version} ${cvss.score.toFixed(1)}`, points: Math.round(risk) }] };
  } else {
    tally = { risk: Math.min(10, Math.max(0, base)) * 10, factors: [severityFactor(base)] };
  }
  const rarer = hasRarerInputs(props, rule);
  if (rarer) rarerFactors(tally, props, rule);
  return { base, tally, rarer, kev: props[PROP.kev] !== void 0, props };
}
function ownBag(result2, written) {
  const bag = result2.properties;
  const own = !bag ? {} : written.has(bag) ? { ...bag } : bag;
  if (own === bag) written.add(own);
  return own;
}
var collator = new Intl.Collator();
var recentRanks = [];
var RECENT_RANKS = 4;
function collationRanks(texts) {
  const distinct = new Set(texts);
  const known = recentRanks.find((ranks2) => ranks2.size >= distinct.size && everyIn(distinct, ranks2));
  if (known) return known;
  const ranks = rankTexts(distinct);
  recentRanks.unshift(ranks);
  recentRanks.length = Math.min(recentRanks.length, RECENT_RANKS);
  return ranks;
}
function everyIn(texts, ranks) {
  for (const text3 of texts) if (!ranks.has(text3)) return false;
  return true;
}
function rankTexts(texts) {
  const unique = [...texts].sort(collator.compare);
  const ranks = /* @__PURE__ */ new Map();
  let rank = 0;
  for (let i = 0; i < unique.length; i++) {
    if (i && collator.compare(unique[i - 1], unique[i]) !== 0) rank++;
    ranks.set(unique[i], rank);
  }
  return ranks;
}
var sortedOnce = /* @__PURE__ */ new WeakMap();
function sortByRisk(findings) {
  const known = sortedOnce.get(findings);
  if (known && known.length === findings.length) return known;
  const uris = collationRanks(findings.map((f) => f.location?.uri ?? ""));
  const rules = collationRanks(findings.map((f) => f.ruleId));
  const keys = findings.map((f, index) => ({ f, index, risk: f.risk ?? 0, uri: uris.get(f.location?.uri ?? ""), line: f.location?.startLine ?? 0, rule: rules.get(f.ruleId) }));
  keys.sort((a, b) => b.risk - a.risk || a.uri - b.uri || a.line - b.line || a.rule - b.rule || a.index - b.index);
  const sorted = Object.freeze(keys.map((k) => k.f));
  sortedOnce.set(findings, sorted);
  sortedOnce.set(sorted, sorted);
  return sorted;
}
var DEFAULT_DEDUPE = { sca: true, sast: true, secrets: true };
function entryOf(run2, result2, tool) {
  const category = categoryOf(run2, result2);
  const location2 = category === "secrets" || category === "sast" ? locationOf(result2) : void 0;
  const cwes = category === "sast" && location2?.startLine ? cwesOf(result2, ruleOf(run2, result2)) : [];
  return { run: run2, result: result2, tool, category, location: location2, cwes };
}
var fullOf = (entry) => entry.finding ??= toFinding(entry.run, entry.result);
function advisoryIds(result2) {
  const ids = [result2.ruleId ?? "", ...prop(result2.properties, PROP.ids) ?? []];
  return ids.flatMap((id) => /^CVE-\d{4}-\d+$/i.test(id) ? [id.toUpperCase()] : /^GHSA-/i.test(id) ? [id.toLowerCase()] : []);
}
function keysOf2(entry, options2) {
  const { result: result2, location: location2 } = entry;
  const pkg = prop(result2.properties, PROP.package);
  if (pkg) {
    if (!options2.sca) return [];
    const ids = /* @__PURE__ */ new Set([vulnerabilityId(result2), ...advisoryIds(result2)]);
    return [...ids].map((id) => `dep\0${id}\0${packageKey(pkg)}`);
  }
  if (entry.category === "secrets") return options2.secrets !== false && location2?.startLine ? [`secret\0${location2.uri}\0${location2.startLine}`] : [];
  if (!options2.sast || entry.category !== "sast" || !location2?.startLine || entry.cwes.length === 0) return [];
  return entry.cwes.map((cwe) => `sast\0${cwe}\0${location2.uri}\0${location2.startLine}`);
}
function packageOf(entry) {
  const props = entry.result.properties ?? {};
  const pkg = prop(props, PROP.package);
  const image = prop(props, PROP.image);
  return { version: pkg?.version, image: image?.reference ? imageName(image.reference) : void 0 };
}
function compatible(a, b) {
  const x = packageOf(a);
  const y = packageOf(b);
  if (x.version && y.version && x.version !== y.version) return false;
  if (x.image && y.image && x.image !== y.image) return false;
  return true;
}
function dedupeDastRequests(log2) {
  let dropped = 0;
  for (const run2 of log2.runs) {
    if (!run2.results?.length) continue;
    if (!run2.results.some((result2) => result2.properties?.[PROP.dast] !== void 0)) continue;
    const kept = /* @__PURE__ */ new Map();
    const out = [];
    for (const result2 of run2.results) {
      const dast = prop(result2.properties, PROP.dast);
      const fingerprint = fingerprintOf(result2);
      if (!dast?.url || !fingerprint || result2.baselineState === "absent") {
        out.push(result2);
        continue;
      }
      const key = fingerprint.replace(/:\d+$/, "");
      const first = kept.get(key);
      if (!first) {
        kept.set(key, result2);
        out.push(result2);
        continue;
      }
      dropped++;
      const more = first.properties[PROP.requests] ?? [];
      if (more.length < 20) first.properties[PROP.requests] = [...more, dast.url];
    }
    run2.results = out;
  }
  return dropped;
}
var hasPackage = (result2) => result2.properties?.[PROP.package] !== void 0 && result2.properties[PROP.package] !== null;
function keyedByFile(log2) {
  const byTool = /* @__PURE__ */ new Map();
  for (const run2 of log2.runs) {
    const tool = run2.tool.driver.name;
    let results = byTool.get(tool);
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent" || hasPackage(result2)) continue;
      if (!results) byTool.set(tool, results = []);
      results.push(result2);
    }
  }
  return byTool;
}
function commonPrefix(results) {
  return commonPrefixOf(results.map(fileUriOf));
}
function commonPrefixOf(texts) {
  let prefix;
  for (const uri of texts) {
    if (uri === void 0) continue;
    if (prefix === void 0) prefix = uri;
    else if (!uri.startsWith(prefix)) {
      let n = 0;
      while (n < prefix.length && n < uri.length && prefix.charCodeAt(n) === uri.charCodeAt(n)) n++;
      prefix = prefix.slice(0, n);
      if (!prefix) return prefix;
    }
  }
  return prefix;
}
function prefixesNest(all) {
  const prefixes = all.filter((prefix) => prefix !== void 0);
  return prefixes.some((a, i) => prefixes.some((b, j) => i !== j && b.startsWith(a)));
}
function filesOfSeveralTools(log2) {
  const byTool = keyedByFile(log2);
  const shared = /* @__PURE__ */ new Set();
  if (!prefixesNest([...byTool.values()].map(commonPrefix))) return shared;
  const firstTool = /* @__PURE__ */ new Map();
  for (const [tool, results] of byTool) {
    for (const result2 of results) {
      const uri = fileUriOf(result2);
      if (uri === void 0) continue;
      const seen = firstTool.get(uri);
      if (seen === void 0) firstTool.set(uri, tool);
      else if (seen !== tool) shared.add(uri);
    }
  }
  return shared;
}
function dedupe(log2, options2 = DEFAULT_DEDUPE) {
  dedupeDastRequests(log2);
  if (new Set(log2.runs.filter((run2) => run2.results?.length).map((run2) => run2.tool.driver.name)).size < 2) return { merged: 0 };
  const groups = [];
  const byKey = /* @__PURE__ */ new Map();
  const shared = filesOfSeveralTools(log2);
  for (const run2 of log2.runs) {
    const tool = run2.tool.driver.name;
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent") continue;
      if (!hasPackage(result2) && !shared.has(fileUriOf(result2) ?? "")) continue;
      const entry = entryOf(run2, result2, tool);
      const keys = keysOf2(entry, options2);
      const group = keys.map((key) => byKey.get(key)).find((g) => g && g.every((other) => other.tool !== entry.tool && compatible(other, entry)));
      if (group) {
        group.push(entry);
      } else if (keys.length) {
        const fresh = [entry];
        groups.push(fresh);
        for (const key of keys) if (!byKey.has(key)) byKey.set(key, fresh);
      }
    }
  }
  const drop = /* @__PURE__ */ new Set();
  let merged = 0;
  for (const group of groups) {
    if (group.length < 2) continue;
    const [primary, ...others] = [...group].sort((a, b) => fullOf(b).score - fullOf(a).score);
    const ids = new Set(prop(primary.result.properties, PROP.ids) ?? []);
    for (const other of others) {
      for (const id of prop(other.result.properties, PROP.ids) ?? []) ids.add(id);
      drop.add(other.result);
      merged++;
    }
    primary.result.properties = {
      ...primary.result.properties,
      [PROP.tools]: [...new Set(group.map((e2) => e2.tool))].sort(),
      [PROP.duplicates]: others.map((o) => {
        const finding = fullOf(o);
        return {
          tool: finding.tool,
          ruleId: finding.ruleId,
          ...o.result.partialFingerprints?.[FINGERPRINT_KEY] ? { fingerprint: o.result.partialFingerprints[FINGERPRINT_KEY] } : {},
          message: finding.message.slice(0, 300),
          ...finding.location ? { location: `${finding.location.uri}${finding.location.startLine ? `:${finding.location.startLine}` : ""}` } : {}
        };
      }),
      ...ids.size ? { [PROP.ids]: [...ids] } : {}
    };
  }
  if (drop.size) {
    for (const run2 of log2.runs) if (run2.results) run2.results = run2.results.filter((r) => !drop.has(r));
  }
  return { merged };
}
var [R, K, P, F, S] = [..."rkpfs"].map((letter) => letter.charCodeAt(0));
var X = "x".charCodeAt(0);
var BATCH = 1 << 20;
var BATCH2 = 1 << 20;

// ../core/dist/index.js
import { appendFile, copyFile, open as open2, rename, rm, stat as stat3, writeFile as writeFile2 } from "fs/promises";
import { existsSync as existsSync2, mkdirSync } from "fs";
import { dirname as dirname2 } from "path";
import { basename, dirname as dirname22, join as join2 } from "path";
import { randomBytes } from "crypto";
import { basename as basename2 } from "path";
import { statSync as statSync2 } from "fs";
import { createHash } from "crypto";
import { stat as stat22 } from "fs/promises";
import { createHash as createHash2 } from "crypto";
import { mkdirSync as mkdirSync2, writeFileSync } from "fs";
import { dirname as dirname3, join as join22 } from "path";
import { existsSync as existsSync22, mkdirSync as mkdirSync3, realpathSync as realpathSync2 } from "fs";
import { basename as basename3, dirname as dirname4, relative as relative3 } from "path";
import { resolve as resolve3 } from "path";
import { readdir as readdir2 } from "fs/promises";
import { dirname as dirname5, join as join4, posix, resolve as resolve22 } from "path";
import { readdir as readdir3, readFile as readFile2, rm as rm2, stat as stat32 } from "fs/promises";
import { join as join3 } from "path";
import { createHash as createHash3 } from "crypto";
import { spawn } from "child_process";
import { lstat, readdir as readdir32, stat as stat4 } from "fs/promises";
import { join as join5, relative as relative22, sep as sep3 } from "path";
import { stat as stat5 } from "fs/promises";
import { join as join6 } from "path";
import { extname, relative as relative32, sep as sep22 } from "path";
import { readdir as readdir4, stat as stat6 } from "fs/promises";
import { join as join7 } from "path";
import { createInterface } from "readline";
import { createGunzip } from "zlib";
var import_picomatch = __toESM(require_picomatch2(), 1);
var import_picomatch2 = __toESM(require_picomatch2(), 1);
var import_picomatch3 = __toESM(require_picomatch2(), 1);
import { createHash as createHash4 } from "crypto";
import { availableParallelism as availableParallelism2 } from "os";
import { rm as rm3, stat as stat7, writeFile as writeFile22 } from "fs/promises";
import { join as join9 } from "path";
import { existsSync as existsSync3, readFileSync as readFileSync2 } from "fs";
import { delimiter as pathDelimiter, join as join8 } from "path";
import { randomBytes as randomBytes4 } from "crypto";
import { rename as rename2, rm as rm4, writeFile as writeFile3 } from "fs/promises";
import { basename as basename4, dirname as dirname6, join as join10 } from "path";
import { gzipSync } from "zlib";
import { readdir as readdir5 } from "fs/promises";
import { randomBytes as randomBytes3 } from "crypto";
import { createHash as createHash5 } from "crypto";
import { basename as basename5, join as join11, resolve as resolve32 } from "path";
import { createInterface as createInterface2 } from "readline";
import { resolve as resolve4 } from "path";
import { join as join20, resolve as resolve8 } from "path";
import { join as join12, relative as relative4, sep as sep32 } from "path";
var import_picomatch4 = __toESM(require_picomatch2(), 1);
import { rm as rm7 } from "fs/promises";
import { chmod, mkdtemp, rm as rm5, writeFile as writeFile4 } from "fs/promises";
import { tmpdir } from "os";
import { join as join13 } from "path";
import { createServer, request as httpRequest } from "http";
import { request as httpsRequest } from "https";
import { connect } from "net";
import { createHash as createHash6, randomBytes as randomBytes6 } from "crypto";
import { mkdtemp as mkdtemp2, readFile as readFile22, rm as rm6 } from "fs/promises";
import { tmpdir as tmpdir2 } from "os";
import { join as join14 } from "path";
import { stat as stat9 } from "fs/promises";
import { join as join15, relative as relative5, sep as sep4 } from "path";
import { join as join17, resolve as resolve6 } from "path";
import { isAbsolute as isAbsolute3, join as join16, relative as relative6, sep as sep5 } from "path";
import { stat as stat10 } from "fs/promises";
import { join as join18, relative as relative7, resolve as resolve7, sep as sep6 } from "path";
import { randomBytes as randomBytes7 } from "crypto";
import { readdir as readdir6, rename as rename3, rm as rm8 } from "fs/promises";
import { basename as basename6, join as join19 } from "path";
import { createHash as createHash7, randomBytes as randomBytes9 } from "crypto";
import { createWriteStream as createWriteStream2, existsSync as existsSync5 } from "fs";
import { chmod as chmod2, mkdir as mkdir2, rename as rename4, rm as rm9, rmdir, writeFile as writeFile5 } from "fs/promises";
import { join as join21 } from "path";
import { pipeline as pipeline2 } from "stream/promises";
import { createReadStream, createWriteStream } from "fs";
import { mkdir } from "fs/promises";
import { dirname as dirname7, resolve as resolve9, sep as sep7 } from "path";
import { pipeline } from "stream/promises";
import { createGunzip as createGunzip2 } from "zlib";
import { join as join222, resolve as resolve10 } from "path";
import { existsSync as existsSync6, readFileSync as readFileSync22 } from "fs";
import { join as join23 } from "path";
import { sign, verify } from "crypto";
import { X509Certificate, createHash as createHash8, createPrivateKey, createPublicKey } from "crypto";
import { createHash as createHash9 } from "crypto";
import { relative as relative8, resolve as resolve11, sep as sep8 } from "path";
import { existsSync as existsSync7 } from "fs";
import { basename as basename7, dirname as dirname8, isAbsolute as isAbsolute22, join as join24, relative as relative9, resolve as resolve12 } from "path";
var require5 = __pwCoreCreateRequire4(import.meta.url);
function ensureDir(dir) {
  if (existsSync2(dir)) return;
  const parent = dirname2(dir);
  if (parent !== dir) ensureDir(parent);
  try {
    mkdirSync(dir);
  } catch (error) {
    if (error.code !== "EEXIST") throw new InputError(`cannot create the folder: ${describeFsError(error)}`, { file: dir, cause: error });
  }
}
var TEXT_BATCH = 256 * 1024;
async function* coalesced(chunks) {
  let text22 = "";
  for await (const chunk of chunks) {
    if (typeof chunk === "string") {
      text22 += chunk;
      if (text22.length < TEXT_BATCH) continue;
      yield Buffer.from(text22);
      text22 = "";
    } else {
      if (text22) yield Buffer.from(text22);
      text22 = "";
      yield chunk;
    }
  }
  if (text22) yield Buffer.from(text22);
}
async function writeAll(handle, bytes2) {
  for (let done = 0; done < bytes2.length; ) done += (await handle.write(bytes2, done, bytes2.length - done)).bytesWritten;
}
async function writeChunks(file, chunks) {
  const handle = await open2(file, "w");
  try {
    let writing;
    for await (const bytes2 of coalesced(chunks)) {
      await writing;
      writing = writeAll(handle, bytes2);
      writing.catch(() => void 0);
    }
    await writing;
  } finally {
    await handle.close();
  }
}
async function writeFileAtomic(file, data) {
  await atomically(file, async (temp) => {
    if (typeof data === "string" || data instanceof Uint8Array) await writeFile2(temp, data);
    else await writeChunks(temp, data);
  });
}
async function appendFileAtomic(file, text22) {
  await withLock(`${file}.lock`, () => appendUnlocked(file, text22));
}
var STALE_LOCK_MS = 6e4;
var LOCK_WAIT_MS = 12e4;
async function withLock(lock, work) {
  ensureDir(dirname22(lock));
  const started = Date.now();
  let delay = 5;
  for (; ; ) {
    try {
      const handle = await open2(lock, "wx");
      await handle.writeFile(`${process.pid}
`);
      await handle.close();
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw new InputError(`cannot lock: ${describeFsError(error)}`, { file: lock, cause: error });
      const age = await stat3(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > STALE_LOCK_MS) await rm(lock, { force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) throw new InputError(`still locked after ${LOCK_WAIT_MS / 1e3} s by another run (remove it if no run is going on)`, { file: lock });
      else await new Promise((resolve13) => setTimeout(resolve13, delay));
      delay = Math.min(delay * 2, 200);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}
async function appendUnlocked(file, text22) {
  await atomically(file, async (temp) => {
    let last = 10;
    try {
      await copyFile(file, temp);
      const handle = await open2(temp, "r");
      try {
        const { size } = await handle.stat();
        if (size) last = (await handle.read(Buffer.alloc(1), 0, 1, size - 1)).buffer[0];
      } finally {
        await handle.close();
      }
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    await appendFile(temp, `${last === 10 ? "" : "\n"}${text22}`);
  });
}
async function atomically(file, fill) {
  const dir = dirname22(file);
  const temp = join2(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    ensureDir(dir);
    await fill(temp);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => void 0);
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write: ${describeFsError(error)}`, { file, cause: error });
  }
}
var CHUNK = 1 << 20;
var Packer = class {
  buffer = Buffer.allocUnsafe(CHUNK);
  used = 0;
  /** Adds text; returns the full chunks it displaced (a text never straddles two chunks, so each decodes alone). */
  add(text22) {
    const out = [];
    if (this.used + text22.length * 3 > CHUNK && this.used > 0) out.push(this.take());
    if (text22.length * 3 > CHUNK) out.push(Buffer.from(text22));
    else this.used += this.buffer.write(text22, this.used);
    return out;
  }
  take() {
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    return chunk;
  }
};
var EACH = { "[]": null };
var RUN_SPINE = { results: EACH, artifacts: EACH, tool: { driver: { rules: EACH } } };
var LOG_SPINE = { runs: { "[]": RUN_SPINE } };
var BATCH3 = 64 * 1024;
function* pieces(value, spine) {
  if (!spine || typeof value !== "object" || value === null) {
    yield JSON.stringify(value);
  } else if (Array.isArray(value)) {
    if (spine["[]"] === null) yield* elements(value);
    else {
      yield "[";
      for (let i = 0; i < value.length; i++) {
        yield i ? ",\n" : "\n";
        yield* pieces(value[i] ?? null, spine["[]"]);
      }
      yield value.length ? "\n]" : "]";
    }
  } else {
    const object = value;
    let first = true;
    yield "{";
    for (const key of Object.keys(object)) {
      if (object[key] === void 0) continue;
      yield `${first ? "" : ","}${JSON.stringify(key)}:`;
      first = false;
      yield* pieces(object[key], spine[key]);
    }
    yield "}";
  }
}
function* elements(array) {
  let batch = "[";
  for (let i = 0; i < array.length; i++) {
    batch += (i ? ",\n" : "\n") + JSON.stringify(array[i] ?? null);
    if (batch.length >= BATCH3) {
      yield batch;
      batch = "";
    }
  }
  yield batch + (array.length ? "\n]" : "]");
}
function* sarifText(log2) {
  const packer = new Packer();
  for (const piece of pieces(log2, LOG_SPINE)) yield* packer.add(piece);
  yield* packer.add("\n");
  yield packer.take();
}
var STAGES = ["precommit", "commit", "acceptance", "production"];
var scanners_exports = {};
__export(scanners_exports, {
  bandit: () => bandit2,
  checkov: () => checkov2,
  cppcheck: () => cppcheck2,
  cyclonedxNpm: () => cyclonedxNpm,
  dockerfile: () => dockerfile,
  eslintSecurity: () => eslintSecurity,
  flawfinder: () => flawfinder,
  gitleaks: () => gitleaks2,
  grype: () => grype2,
  grypeImage: () => grypeImage,
  hadolint: () => hadolint2,
  imagePolicy: () => imagePolicy,
  lockfileLint: () => lockfileLint,
  npmAudit: () => npmAudit2,
  osvScanner: () => osvScanner2,
  pipewardenSast: () => pipewardenSast,
  pipewardenSca: () => pipewardenSca,
  pipewardenSecrets: () => pipewardenSecrets,
  secretlint: () => secretlint,
  semgrep: () => semgrep2,
  shellcheck: () => shellcheck2,
  syftImage: () => syftImage,
  trivy: () => trivy2,
  trivyImage: () => trivyImage,
  wapiti: () => wapiti2,
  zap: () => zap2
});
var SKIP = /\.(?:png|jpe?g|gif|ico|webp|pdf|zip|gz|tgz|jar|woff2?|ttf|eot|mp[34]|wasm|lock)$|(?:^|\/)(?:pnpm-lock\.yaml|package-lock\.json|yarn\.lock)$/i;
var secretlint = {
  kind: "command",
  id: "secretlint",
  title: "secretlint (recommended preset)",
  category: "secrets",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 5 * 6e4,
  installHint: "built in",
  fileList: true,
  async detect() {
    return runnerAvailability("secretlint");
  },
  select(files) {
    return files.filter((file) => !SKIP.test(file));
  },
  command(target) {
    const list22 = fitsCommandLine(target.files);
    const skips = list22 ? [] : leftOutLinkPatterns(target.leftOutLinks);
    return {
      // secretlint's engine with its recommended preset, secrets masked, built into the runner (runners/secretlint.ts).
      command: process.execPath,
      args: [toolRunner("secretlint").script, "--output", target.outputFile, ...skips, ...list22 ? ["--", ...target.files] : ["--all"]],
      cwd: target.root,
      output: "file"
    };
  },
  // The runner exits 0 whether or not it finds secrets (findings are counted from the report); 2 is a crash.
  exitMeaning: zeroOneExit,
  annotate(log2) {
    annotateRules(log2, () => ({ severity: "9.0", tags: ["security", "secret", "external/cwe/cwe-798"] }));
  }
};
var SHELL = /\.(?:sh|bash|ksh|bats)$/i;
var shellcheck2 = {
  kind: "command",
  id: "shellcheck",
  title: "ShellCheck",
  category: "sast",
  stages: ["precommit", "commit"],
  format: "shellcheck",
  timeoutMs: 5 * 6e4,
  installHint: "install it with `apt-get install shellcheck` (Debian/Ubuntu) or `brew install shellcheck`",
  fileList: true,
  async detect({ ports, env: env2, root }) {
    const probe = await ports.exec({ command: "shellcheck", args: ["--version"], cwd: root, env: env2, timeoutMs: 3e4 });
    if (probe.notFound) return { available: false, reason: "shellcheck is not on PATH" };
    const version2 = /version:\s*(\S+)/.exec(probe.stdout)?.[1];
    if (probe.exitCode !== 0 || !version2) return { available: false, reason: `shellcheck --version failed: ${probe.stderr.trim().split("\n")[0] ?? ""}` };
    return { available: true, version: version2 };
  },
  select(files) {
    return files.filter((file) => SHELL.test(file) || basename2(file) === ".bashrc" || basename2(file) === ".profile");
  },
  command(target) {
    if (!fitsCommandLine(target.files)) throw new ScannerError("shellcheck", `${target.files.length} shell files are too many for one command line`);
    return {
      command: "shellcheck",
      args: ["--format=json1", "--external-sources", "--", ...target.files],
      cwd: target.root,
      output: "stdout"
    };
  },
  // 1: issues found; 2-4: bad file, bad options, missing file.
  exitMeaning: zeroOneExit
};
async function pathToolAvailability({ ports, env: env2, root }, command, args, version2) {
  const probe = await ports.exec({ command, args, cwd: root, env: env2, timeoutMs: 3e4 });
  if (probe.notFound) return { available: false, reason: `${command} is not on PATH` };
  const found = version2.exec(`${probe.stdout}
${probe.stderr}`)?.[1];
  if (!found) return { available: false, reason: `${command} ${args.join(" ")} did not say its version (exit ${probe.exitCode ?? "signal"})` };
  return { available: true, version: found };
}
var byExtension = (pattern2) => (files) => files.filter((file) => pattern2.test(file));
var byName = (pattern2) => (files) => files.filter((file) => pattern2.test(file.split("/").pop() ?? ""));
var LOCKFILES = /^(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|requirements(?:-[\w-]+)?\.txt|Pipfile\.lock|poetry\.lock|uv\.lock|go\.sum|Cargo\.lock|Gemfile\.lock|composer\.lock|pom\.xml|gradle\.lockfile|packages\.lock\.json|mix\.lock|pubspec\.lock)$/;
var DOCKERFILES = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i;
var IAC = /\.(?:tf|tfvars|bicep)$|^(?:Dockerfile|Containerfile)(?:\..+)?$/i;
function zeroOnlyExit(code) {
  return code === 0 ? "clean" : "error";
}
function asOperands(files) {
  return files.map((file) => file.startsWith("-") ? `./${file}` : file);
}
var NEEDS = [
  { python: [3, 14], bandit: [1, 9, 2], why: "Python 3.14 syntax trees are read from Bandit 1.9.2" },
  { python: [3, 13], bandit: [1, 8, 0], why: "Python 3.13 is supported from Bandit 1.8.0" },
  { python: [3, 12], bandit: [1, 7, 6], why: "Python 3.12 is supported from Bandit 1.7.6" },
  { python: [3, 8], bandit: [1, 7, 0], why: "on Python 3.8 and later, Bandit before 1.7.0 sees no string constants: hardcoded passwords (B105-B107) and SQL built from strings (B608) go unreported" }
];
var older = (a, b) => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
  return false;
};
function banditCaveat(bandit22, python) {
  if (!python) return void 0;
  const b = bandit22.split(".").map(Number);
  const p = python.split(".").map(Number);
  const need = NEEDS.find((n) => !older(p, n.python));
  return need && older(b, need.bandit) ? `it runs on Python ${python}, which it predates: ${need.why}; upgrade with \`pipx install bandit\`` : void 0;
}
async function detectBandit({ ports, env: env2, root }) {
  const probe = await ports.exec({ command: "bandit", args: ["--version"], cwd: root, env: env2, timeoutMs: 3e4 });
  if (probe.notFound) return { available: false, reason: "bandit is not on PATH" };
  const text22 = `${probe.stdout}
${probe.stderr}`;
  const version2 = /bandit\s+(\d+\.\d+(?:\.\d+)?)/.exec(text22)?.[1];
  if (!version2) return { available: false, reason: `bandit --version did not say its version (exit ${probe.exitCode ?? "signal"})` };
  const python = /python version\s*=\s*(\d+\.\d+(?:\.\d+)?)/.exec(text22)?.[1];
  return { available: true, version: version2, caveat: banditCaveat(version2, python) };
}
var BANDIT_EXCLUDES = [".svn", "CVS", ".bzr", ".hg", ".git", "__pycache__", ".tox", ".eggs", "*.egg"];
function banditSkips(links) {
  if (!links?.length) return [];
  const glob2 = (path2) => `./${path2.replace(/[[*?]/g, (c) => `[${c}]`).replace(/,/g, "?")}`;
  return ["-x", [...BANDIT_EXCLUDES, ...links.map(glob2)].join(",")];
}
var bandit2 = {
  kind: "command",
  id: "bandit",
  title: "Bandit",
  category: "sast",
  stages: ["precommit", "commit"],
  format: "bandit",
  timeoutMs: 5 * 6e4,
  installHint: "install it with `apt-get install bandit` or `pipx install bandit`",
  fileList: true,
  cost: 2,
  detect: detectBandit,
  select: byExtension(/\.py$/i),
  command(target) {
    return { command: "bandit", args: ["-f", "json", "-o", target.outputFile, "-q", ...fitsCommandLine(target.files) ? target.files : ["-r", ".", ...banditSkips(target.leftOutLinks)]], cwd: target.root, output: "file" };
  },
  // 1: issues found; 2: a bad argument or a crash.
  exitMeaning: (code) => code === 0 ? "clean" : code === 1 ? "findings" : "error"
};
var flawfinder = {
  kind: "command",
  id: "flawfinder",
  title: "Flawfinder",
  category: "sast",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 5 * 6e4,
  installHint: "install it with `apt-get install flawfinder` or `pip install flawfinder`",
  fileList: true,
  cost: 1,
  detect: (env2) => pathToolAvailability(env2, "flawfinder", ["--version"], /^(\d+\.\d+(?:\.\d+)?)/m),
  select: byExtension(/\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx)$/i),
  command(target) {
    return { command: "flawfinder", args: ["--sarif", "--quiet", "--", ...fitsCommandLine(target.files) ? target.files : ["."]], cwd: target.root, output: "stdout" };
  },
  // flawfinder exits 0 whatever it finds (unless told --error-level); anything else is a failure.
  exitMeaning: (code) => code === 0 ? "clean" : "error"
};
var cppcheck2 = {
  kind: "command",
  id: "cppcheck",
  title: "Cppcheck",
  category: "sast",
  stages: ["commit"],
  format: "cppcheck",
  timeoutMs: 15 * 6e4,
  installHint: "install it with `apt-get install cppcheck`",
  fileList: true,
  cost: 3,
  detect: (env2) => pathToolAvailability(env2, "cppcheck", ["--version"], /Cppcheck\s+(\d+\.\d+(?:\.\d+)?)/),
  select: byExtension(/\.(?:c|cc|cpp|cxx|h|hh|hpp|hxx)$/i),
  // cppcheck takes no "--" before its files: asOperands keeps a file named "-x.c" from reading as an option.
  command(target) {
    return {
      command: "cppcheck",
      // Walking a folder, Cppcheck reads a symlinked source file wherever it points: -i leaves out the links the list did.
      args: ["--xml", "--xml-version=2", `--output-file=${target.outputFile}`, "--enable=warning,portability", "--inline-suppr", "--quiet", ...fitsCommandLine(target.files) ? asOperands(target.files) : [...(target.leftOutLinks ?? []).flatMap((link) => ["-i", `./${link}`]), "."]],
      cwd: target.root,
      output: "file"
    };
  },
  exitMeaning: (code) => code === 0 ? "clean" : "error"
};
var LOCKFILE2 = /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json)$/;
var npmAudit2 = {
  kind: "command",
  id: "npm-audit",
  title: "npm audit",
  category: "sca",
  stages: ["commit"],
  format: "npm-audit",
  timeoutMs: 5 * 6e4,
  installHint: "it comes with Node.js (npm); it needs a package-lock.json and access to the npm registry",
  cost: 2,
  detect: (env2) => pathToolAvailability(env2, "npm", ["--version"], /^(\d+\.\d+\.\d+)/m),
  // Audits the lockfile at the root of the target; nested projects are scanned by running Pipewarden there.
  select: (files) => files.filter((file) => LOCKFILE2.test(file) && !file.includes("/")),
  command(target) {
    return { command: "npm", args: ["audit", "--json", "--package-lock-only"], cwd: target.root, output: "stdout" };
  },
  // 1: vulnerabilities at or above the audit level. A registry whose audit endpoint refuses also exits 1, with
  // {message, method, uri, statusCode, …} (or, for npm's own errors, {"error": …}) as the report: the format
  // records that as a failed run with the service's status line, so it is not mistaken for a clean one.
  exitMeaning: (code) => code === 0 ? "clean" : code === 1 ? "findings" : "error"
};
var cyclonedxNpm = {
  kind: "command",
  sbom: "app",
  id: "cyclonedx-npm",
  title: "CycloneDX SBOM for npm",
  category: "sbom",
  stages: ["commit"],
  format: "cyclonedx",
  timeoutMs: 5 * 6e4,
  installHint: "built in",
  cost: 2,
  async detect() {
    return runnerAvailability("cyclonedx-npm");
  },
  select: (files) => files.filter((file) => file === "package-lock.json" || file === "npm-shrinkwrap.json"),
  command(target) {
    return {
      command: process.execPath,
      // Not validated against the schema: the validators are optional dependencies (one a native addon) left out of
      // the runner, and the SBOM is the generator's own output.
      args: [toolRunner("cyclonedx-npm").script, "--package-lock-only", "--no-validate", "--output-format", "JSON", "--output-file", target.outputFile, "--", "package.json"],
      cwd: target.root,
      output: "file",
      // Run from a pnpm or yarn script, npm_execpath names that tool; cyclonedx-npm must run npm's own `npm ls`.
      env: { npm_execpath: "" }
    };
  },
  // The SBOM is the product (kept in out-dir/raw/); it carries no vulnerabilities, so no findings.
  exitMeaning: (code) => code === 0 ? "clean" : "error"
};
var LOCKFILES2 = { "package-lock.json": "npm", "npm-shrinkwrap.json": "npm", "yarn.lock": "yarn" };
var ISSUE = /^detected (.+?) for package: (.+?)\n\s+expected: (.*)\n\s+actual: (.*)$/gm;
var lockfileLint = {
  kind: "command",
  id: "lockfile-lint",
  title: "lockfile-lint",
  category: "sca",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 2 * 6e4,
  installHint: "built in",
  cost: 1,
  async detect() {
    return runnerAvailability("lockfile-lint");
  },
  select: (files) => files.filter((file) => LOCKFILES2[file] !== void 0),
  command(target) {
    const lockfile = target.files[0];
    return {
      command: process.execPath,
      // Packages only from the registry, over HTTPS, under their own names: a tampered lockfile fails all three.
      args: [toolRunner("lockfile-lint").script, "--path", lockfile, "--type", LOCKFILES2[lockfile], "--validate-https", "--allowed-hosts", "npm", "yarn", "--validate-package-names", "--format", "plain"],
      cwd: target.root,
      output: "convert"
    };
  },
  // 1 both when it finds problems and when it fails: convert() tells them apart by the report.
  exitMeaning: (code) => code === 0 ? "clean" : code === 1 ? "findings" : "error",
  convert({ stdout, stderr, exitCode }, target) {
    const text22 = `${stdout}
${stderr}`.replace(/\r\n/g, "\n");
    const run2 = new RunBuilder({ name: "lockfile-lint", informationUri: "https://github.com/lirantal/lockfile-lint" });
    for (const match of text22.matchAll(ISSUE)) {
      const [, problem, pkg, expected, actual] = match;
      const id = `lockfile-lint/${problem.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
      const name2 = pkg.replace(/-[0-9a-f]{40}$/, "");
      const at = name2.lastIndexOf("@");
      run2.rule({ id, short: `Lockfile entry with ${problem}`, help: "A lockfile entry that does not come from the registry over HTTPS under its own name may be tampered with (lockfile injection).", score: 7.5, level: "error", cwes: ["CWE-829"], tags: ["supply-chain"] });
      run2.result({
        ruleId: id,
        message: `${name2}: ${problem} (expected ${expected.trim()}, found ${actual.trim()})`,
        level: "error",
        score: 7.5,
        category: "sca",
        locations: [fileLocation(target.files[0])],
        cwes: ["CWE-829"],
        package: at > 0 ? { name: name2.slice(0, at), version: name2.slice(at + 1) } : { name: name2 }
      });
    }
    if (exitCode !== 0 && run2.size === 0) throw new Error(text22.trim().split("\n").find((line2) => line2.trim()) ?? `exited with ${exitCode}`);
    return logOf(run2.build());
  }
};
var SEMGREP_DEFAULT_CONFIG = ["p/default"];
var configEntry = external_exports.string().min(1).refine((value) => !value.startsWith("-"), "a ruleset or a path, not an option").refine((value) => value.trim() !== "auto", '"auto" needs Semgrep metrics, which Pipewarden turns off: name Registry rulesets (p/default) or rule files');
function semgrepExit(code) {
  if (code === 0) return "clean";
  if (code === 1 || code === 3) return "findings";
  return "error";
}
var semgrep2 = {
  kind: "command",
  id: "semgrep",
  title: "Semgrep",
  category: "sast",
  stages: ["commit"],
  format: "semgrep",
  timeoutMs: 15 * 6e4,
  installHint: "install it with `pipx install semgrep` or `brew install semgrep` (semgrep.dev/docs/getting-started)",
  fileList: true,
  cost: 4,
  // scanners.semgrep.config: Registry rulesets (p/…, r/…), rule files or folders (relative to the scanned
  // directory), or URLs; one or a list. Air-gapped: local files only.
  options: external_exports.strictObject({
    config: external_exports.union([configEntry, external_exports.array(configEntry).min(1)]).transform((value) => Array.isArray(value) ? value : [value]).optional()
  }),
  detect: (env2) => pathToolAvailability(env2, "semgrep", ["--version"], /^(\d+\.\d+\.\d+)/m),
  select: (files) => files.filter((f) => /\.(?:js|jsx|mjs|cjs|ts|tsx|py|go|java|kt|rb|php|cs|scala|rs|c|cpp|swift|yaml|yml|json|tf|sh)$/i.test(f)),
  command(target) {
    const configs = Array.isArray(target.options.config) && target.options.config.length ? target.options.config : SEMGREP_DEFAULT_CONFIG;
    return {
      command: "semgrep",
      args: ["scan", ...configs.flatMap((config) => ["--config", config]), "--json", "--output", target.outputFile, "--metrics", "off", "--quiet", "--", ...target.files.length <= 5e3 ? target.files : ["."]],
      cwd: target.root,
      output: "file"
    };
  },
  exitMeaning: semgrepExit
};
var TRIVY_EXIT_ZERO = ["--exit-code", "0", "--exit-on-eol", "0"];
var trivy2 = {
  kind: "command",
  id: "trivy",
  title: "Trivy (filesystem: vulnerabilities, misconfigurations, secrets)",
  category: "sca",
  stages: ["commit"],
  format: "trivy",
  timeoutMs: 15 * 6e4,
  installHint: "install it from https://trivy.dev/latest/getting-started/installation/ (a release binary, apt or brew)",
  cost: 4,
  detect: (env2) => pathToolAvailability(env2, "trivy", ["--version"], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: (files) => files.filter((f) => LOCKFILES.test(f.split("/").pop() ?? "") || IAC.test(f.split("/").pop() ?? "")),
  command: (target) => ({
    command: "trivy",
    args: ["fs", "--format", "json", "--output", target.outputFile, "--scanners", "vuln,misconfig,secret", ...TRIVY_EXIT_ZERO, "--quiet", "."],
    cwd: target.root,
    output: "file"
  }),
  // 0 whatever it finds (--exit-code 0 given); 1 an error.
  exitMeaning: zeroOnlyExit
};
var trivyImage = {
  kind: "command",
  id: "trivy-image",
  title: "Trivy (image: OS and language packages, secrets, misconfigurations)",
  category: "container",
  stages: ["acceptance"],
  format: "trivy",
  target: "image",
  timeoutMs: 20 * 6e4,
  installHint: "install it from https://trivy.dev/latest/getting-started/installation/ (a release binary, apt or brew)",
  cost: 4,
  detect: (env2) => pathToolAvailability(env2, "trivy", ["--version"], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: () => [],
  command: (target) => ({
    command: "trivy",
    // An archive (docker save, OCI layout) is read without a daemon or a registry.
    args: ["image", "--format", "json", "--output", target.outputFile, "--scanners", "vuln,secret,misconfig", ...TRIVY_EXIT_ZERO, "--quiet", ...target.targets.imageArchive ? ["--input", target.targets.imageArchive] : ["--", target.targets.image]],
    cwd: target.root,
    output: "file"
  }),
  exitMeaning: zeroOnlyExit
};
function anchoreSource({ targets }) {
  if (targets.imageArchive) {
    const folder = (() => {
      try {
        return statSync2(targets.imageArchive).isDirectory();
      } catch {
        return false;
      }
    })();
    return folder ? `oci-dir:${targets.imageArchive}` : targets.imageArchive;
  }
  return `registry:${targets.image}`;
}
function grypeExit(code) {
  return code === 0 ? "clean" : code === 2 ? "findings" : "error";
}
var grype2 = {
  kind: "command",
  id: "grype",
  title: "Grype",
  category: "sca",
  stages: ["commit"],
  format: "grype",
  timeoutMs: 15 * 6e4,
  installHint: "install it from https://github.com/anchore/grype#installation",
  cost: 4,
  detect: (env2) => pathToolAvailability(env2, "grype", ["version"], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: byName(LOCKFILES),
  command: (target) => ({ command: "grype", args: ["dir:.", "-o", "json", "--file", target.outputFile, "--quiet"], cwd: target.root, output: "file" }),
  exitMeaning: grypeExit
};
var grypeImage = {
  kind: "command",
  id: "grype-image",
  title: "Grype (image: OS and language packages)",
  category: "container",
  stages: ["acceptance"],
  format: "grype",
  target: "image",
  timeoutMs: 20 * 6e4,
  installHint: "install it from https://github.com/anchore/grype#installation (a release binary)",
  cost: 4,
  detect: (env2) => pathToolAvailability(env2, "grype", ["version"], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: () => [],
  command: (target) => ({ command: "grype", args: [anchoreSource(target), "-o", "json", "--file", target.outputFile, "--quiet"], cwd: target.root, output: "file" }),
  exitMeaning: grypeExit
};
var syftImage = {
  kind: "command",
  id: "syft-image",
  title: "Syft SBOM of the whole image (CycloneDX)",
  category: "sbom",
  stages: ["acceptance"],
  format: "cyclonedx",
  target: "image",
  sbom: "image",
  timeoutMs: 20 * 6e4,
  installHint: "install it from https://github.com/anchore/syft#installation (a release binary)",
  cost: 3,
  detect: (env2) => pathToolAvailability(env2, "syft", ["version"], /Version:\s*v?(\d+\.\d+\.\d+)/),
  select: () => [],
  // The SBOM is the product (kept in out-dir/raw/, summarized in the image inventory); it has no findings.
  command: (target) => ({ command: "syft", args: [anchoreSource(target), "-o", `cyclonedx-json=${target.outputFile}`, "--quiet"], cwd: target.root, output: "file" }),
  exitMeaning: zeroOnlyExit
};
var MAX_JSON = 16 * 1024 * 1024;
var sha256 = (data) => `sha256:${createHash("sha256").update(data).digest("hex")}`;
function factsOf(source, digest2, configDigest, names, config) {
  const labels = Object.fromEntries(Object.entries(config.config?.Labels ?? {}).filter(([, v]) => typeof v === "string"));
  return {
    source,
    digest: digest2,
    configDigest,
    names,
    created: config.created,
    os: config.os,
    architecture: config.architecture,
    labels,
    layers: (config.rootfs?.diff_ids ?? []).filter((d) => typeof d === "string"),
    history: (config.history ?? []).map((h) => ({ createdBy: h.created_by, created: h.created, emptyLayer: h.empty_layer === true }))
  };
}
async function tarEntries(file) {
  const { handle, size: total } = await openRegular(file);
  const entries = /* @__PURE__ */ new Map();
  try {
    const header = Buffer.alloc(512);
    let offset = 0;
    let longName;
    while (offset + 512 <= total) {
      const { bytesRead } = await handle.read(header, 0, 512, offset);
      if (bytesRead < 512) throw new Error(`is truncated at byte ${offset}`);
      if (header.every((b) => b === 0)) break;
      const text22 = (from, length) => header.toString("utf8", from, from + length).replace(/\0.*$/s, "");
      const size = parseInt(text22(124, 12).trim() || "0", 8);
      if (!Number.isFinite(size) || size < 0) throw new Error(`has a broken tar header at byte ${offset}`);
      const type = String.fromCharCode(header[156]);
      const prefix = header.toString("utf8", 257, 263).startsWith("ustar") ? text22(345, 155) : "";
      const data = offset + 512;
      if (data + size > total) throw new Error(`is truncated: an entry at byte ${offset} runs past the end`);
      if (type === "L" || type === "x") {
        const body = Buffer.alloc(Math.min(size, 65536));
        await handle.read(body, 0, body.length, data);
        if (type === "L") longName = body.toString("utf8").replace(/\0.*$/s, "");
        else longName = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1] ?? longName;
      } else {
        const name2 = (longName ?? (prefix ? `${prefix}/${text22(0, 100)}` : text22(0, 100))).replace(/^\.\//, "");
        longName = void 0;
        if (type === "0" || type === "\0" || type === "7") entries.set(name2, { offset: data, size });
      }
      offset = data + Math.ceil(size / 512) * 512;
    }
  } finally {
    await handle.close();
  }
  return entries;
}
function limitOf(name2, declared) {
  if (declared === void 0) return MAX_JSON;
  if (!Number.isSafeInteger(declared) || declared < 0) throw new Error(`names ${name2} with a size that is not a byte count (${JSON.stringify(declared)})`);
  if (declared > MAX_JSON) throw new Error(`names ${name2} of ${declared} bytes, more than an image's metadata can be`);
  return declared;
}
function checkDeclared(name2, data, declared) {
  if (declared !== void 0 && data.length !== declared) throw new Error(`holds ${name2} of ${data.length} bytes where its descriptor says ${declared}`);
  return data;
}
async function tarReader(file) {
  const entries = await tarEntries(file);
  return async (name2, declared) => {
    const entry = entries.get(name2);
    if (!entry) return void 0;
    const limit = limitOf(name2, declared);
    if (entry.size > limit) throw new Error(`holds ${name2} of ${entry.size} bytes, ${declared === void 0 ? "more than an image's metadata can be" : `where its descriptor says ${declared}`}`);
    const { handle } = await openRegular(file);
    try {
      const buffer = Buffer.alloc(entry.size);
      const { bytesRead } = await handle.read(buffer, 0, entry.size, entry.offset);
      if (bytesRead < entry.size) throw new Error(`is truncated: ${name2} runs past the end`);
      return checkDeclared(name2, buffer, declared);
    } finally {
      await handle.close();
    }
  };
}
function dirReader(dir) {
  const reader = rootReader(dir);
  return async (name2, declared) => {
    const limit = limitOf(name2, declared);
    const read2 = await reader.read(name2, { maxBytes: limit });
    if (!("refused" in read2)) return checkDeclared(name2, read2.data, declared);
    switch (read2.refused) {
      case "missing":
        return void 0;
      case "outside":
        throw new Error(`names ${name2}, which leads outside the image layout; not read`);
      case "not-regular":
        throw new Error(`holds ${name2}, which is not a regular file (a FIFO, a device or a folder); not read`);
      case "too-large":
        throw new Error(`holds ${name2}, ${declared === void 0 ? "larger than an image's metadata can be" : `larger than the ${declared} bytes its descriptor says`}; not read`);
    }
  };
}
function parseJson(data, what2) {
  try {
    return JSON.parse(data.toString("utf8"));
  } catch {
    throw new Error(`holds ${what2} that is not valid JSON`);
  }
}
var blobPath = (digest2) => {
  const [algorithm, hex] = digest2.split(":");
  if (!algorithm || !hex || !/^[a-z0-9]+$/.test(algorithm) || !/^[a-f0-9]+$/.test(hex)) throw new Error(`names a blob with a malformed digest ${JSON.stringify(digest2)}`);
  return `blobs/${algorithm}/${hex}`;
};
async function readOci(read2, source, platform) {
  const index = parseJson(await read2("index.json"), "index.json");
  let names = [];
  let candidates = index.manifests ?? [];
  for (let depth = 0; depth < 4; depth++) {
    const pick = candidates.find((d) => !d.platform || d.platform.os === platform.os && d.platform.architecture === platform.architecture) ?? candidates[0];
    if (!pick) throw new Error("has an index.json that lists no image");
    const name2 = pick.annotations?.["io.containerd.image.name"] ?? pick.annotations?.["org.opencontainers.image.ref.name"];
    if (name2 && !names.length) names = [name2];
    const data = await read2(blobPath(pick.digest), pick.size);
    if (!data) throw new Error(`lacks the blob ${pick.digest} that its index names`);
    const manifest = parseJson(data, `the manifest ${pick.digest}`);
    if (manifest.manifests) {
      candidates = manifest.manifests;
      continue;
    }
    if (!manifest.config?.digest) throw new Error(`has a manifest ${pick.digest} without a config`);
    const config = await read2(blobPath(manifest.config.digest), manifest.config.size);
    if (!config) throw new Error(`lacks the config blob ${manifest.config.digest}`);
    return factsOf(source, pick.digest, manifest.config.digest, names, parseJson(config, "the image config"));
  }
  throw new Error("nests indexes deeper than an image does");
}
async function readDockerSave(read2, source) {
  const manifest = parseJson(await read2("manifest.json"), "manifest.json");
  const first = Array.isArray(manifest) ? manifest[0] : void 0;
  if (!first?.Config) throw new Error("has a manifest.json that names no image config");
  const data = await read2(first.Config);
  if (!data) throw new Error(`lacks ${first.Config}, the image config its manifest.json names`);
  const configDigest = sha256(data);
  return factsOf(source, configDigest, configDigest, first.RepoTags ?? [], parseJson(data, "the image config"));
}
async function readImageArchive(path2, platform = { os: "linux", architecture: "amd64" }) {
  try {
    const info = await stat22(path2);
    const read2 = info.isDirectory() ? dirReader(path2) : await tarReader(path2);
    if (await read2("index.json")) return await readOci(read2, path2, platform);
    if (await read2("manifest.json")) return await readDockerSave(read2, path2);
    throw new Error("is neither a docker save archive nor an OCI layout (no index.json or manifest.json)");
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = error.code;
    throw new InputError(code ? describeFsError(error) : error.message, { file: path2, cause: error });
  }
}
var RULES = {
  unsanctioned: { id: "PW-IMG001", name: "image-base-not-sanctioned", short: "Image built on a base that is not sanctioned", score: 7, help: "The image does not start from a base image on the sanctioned list (images.sanctioned in pipewarden.yml)." },
  drift: { id: "PW-IMG002", name: "image-base-drift", short: "Base layers differ from the sanctioned base", score: 8, help: "The image's first layers are not the sanctioned base image's: the base was rebuilt, patched or replaced outside the pipeline. Rebuild on the sanctioned digest, or have the new base sanctioned." },
  outdated: { id: "PW-IMG003", name: "image-base-outdated", short: "Image built on an outdated base", score: 4, help: "The base tag now points at a newer build (usually with security fixes), or the base is older than images.max_base_age_days. Rebuild the image to pick it up." }
};
var DAY = 24 * 3600 * 1e3;
var startsWith = (layers, prefix) => prefix.length > 0 && prefix.length <= layers.length && prefix.every((d, i) => layers[i] === d);
function vulnerabilityKeys(log2) {
  const keys = /* @__PURE__ */ new Set();
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      const pkg = prop(result2.properties, PROP.package)?.name ?? "";
      keys.add(`${result2.ruleId ?? ""}\0${pkg}`);
    }
  }
  return keys;
}
async function checkImage(input) {
  const { image, policy } = input;
  const builder = new RunBuilder({ name: "Pipewarden Image", informationUri: "https://github.com/pipewarden/pipewarden/blob/main/docs/images.md" });
  for (const rule of Object.values(RULES)) builder.rule({ id: rule.id, name: rule.name, short: rule.short, help: rule.help, score: rule.score, precision: "high", tags: ["container", "image"] });
  const shown = image.names[0] ?? image.digest;
  const where4 = input.dockerfile ? fileLocation(input.dockerfile.file, { startLine: input.dockerfile.line }) : void 0;
  const report = (rule, message2, extra = {}) => builder.result({ ruleId: rule.id, message: message2, score: rule.score, category: "container", locations: [where4], logicalLocations: [logicalLocation(shown, "image")], image: { reference: shown }, ...extra });
  const labelName = image.labels["org.opencontainers.image.base.name"];
  const labelDigest = image.labels["org.opencontainers.image.base.digest"];
  const baseRef = (labelName ? parseReference(labelName) : void 0) ?? input.dockerfile?.reference;
  const inventory = { names: image.names, digest: image.digest, created: image.created, layers: { total: image.layers.length, added: [] }, sbom: input.sbom };
  if (!baseRef) return { run: builder.build(), inventory };
  const entry = policy?.sanctioned?.length ? sanctionedEntry({ ...baseRef, digest: void 0 }, policy.sanctioned) : void 0;
  const base = { name: formatReference({ ...baseRef, digest: void 0 }), digest: labelDigest ?? baseRef.digest, sanctioned: policy?.sanctioned?.length ? entry !== void 0 : void 0 };
  inventory.base = base;
  if (policy?.sanctioned?.length && !entry) report(RULES.unsanctioned, `${shown} is built on ${base.name}, which is not on the sanctioned list (images.sanctioned).`);
  const known = /* @__PURE__ */ new Map();
  for (const facts of input.bases ?? []) known.set(facts.digest, facts);
  const lookup = async (digestOrTag) => {
    if (digestOrTag.digest && known.has(digestOrTag.digest)) return known.get(digestOrTag.digest);
    const local = [...known.values()].find((f) => f.names.some((n) => {
      const r = parseReference(n);
      return r && familiarName(r) === familiarName(baseRef) && (digestOrTag.tag === void 0 || r.tag === digestOrTag.tag);
    }));
    if (local && !digestOrTag.digest) return local;
    if (!input.registry) return void 0;
    const facts = await input.registry.inspect({ ...baseRef, tag: digestOrTag.tag ?? baseRef.tag, digest: digestOrTag.digest });
    known.set(facts.digest, facts);
    return facts;
  };
  const current = baseRef.tag || !baseRef.digest ? await lookup({ tag: baseRef.tag ?? "latest" }) : void 0;
  if (current) base.currentDigest = current.digest;
  let used = base.digest ? await lookup({ digest: base.digest }) : void 0;
  if (!used && current && startsWith(image.layers, current.layers)) used = current;
  if (!used) for (const digest2 of entry?.digests ?? []) {
    const facts = await lookup({ digest: digest2 }).catch(() => void 0);
    if (facts && startsWith(image.layers, facts.layers)) {
      used = facts;
      break;
    }
  }
  if (used) {
    base.digest ??= used.digest;
    base.created = used.created;
  }
  const baseLayers = used && startsWith(image.layers, used.layers) ? used.layers.length : void 0;
  inventory.layers.base = baseLayers;
  const history = image.history.filter((h) => !h.emptyLayer);
  const from = baseLayers ?? 0;
  inventory.layers.added = image.layers.slice(from).map((digest2, i) => ({ digest: digest2, createdBy: history[from + i]?.createdBy }));
  const sanctionedDigests = entry?.digests;
  if (used && baseLayers === void 0) {
    report(RULES.drift, `${shown} says it is built on ${base.name}@${used.digest}, but its first layers are not that image's: the base was rebuilt or patched outside the pipeline.`);
  } else if (!used && (current || sanctionedDigests?.length)) {
    report(RULES.drift, `${shown} does not start with the layers of ${base.name} (neither what its tag points at now${sanctionedDigests?.length ? " nor a sanctioned digest" : ""}): the base was rebuilt or patched outside the pipeline.`);
  } else if (used && sanctionedDigests?.length && !sanctionedDigests.includes(used.digest)) {
    report(RULES.drift, `${shown} is built on ${base.name}@${used.digest}, which is not one of its sanctioned digests.`);
  }
  if (used && current) base.fresh = used.digest === current.digest;
  const ageDays = used?.created ? Math.floor((input.now.getTime() - Date.parse(used.created)) / DAY) : void 0;
  const tooOld = ageDays !== void 0 && policy?.max_base_age_days !== void 0 && ageDays > policy.max_base_age_days;
  if (base.fresh === false || tooOld) {
    let fixed;
    if (input.vulnerabilities) {
      const now = vulnerabilityKeys(input.vulnerabilities.currentBase);
      fixed = [...vulnerabilityKeys(input.vulnerabilities.image)].filter((key) => !now.has(key)).length;
    }
    const lag = used?.created && current?.created ? Math.max(0, Math.floor((Date.parse(current.created) - Date.parse(used.created)) / DAY)) : void 0;
    const age = ageDays ?? lag ?? 0;
    const score = Math.min(10, RULES.outdated.score + Math.min(3, Math.floor(age / 30)) + Math.min(3, Math.ceil((fixed ?? 0) / 5)));
    const why = [
      base.fresh === false ? `${base.name} now points at ${current.digest}, not the ${used.digest} it was built on` : void 0,
      ageDays !== void 0 ? `the base is ${ageDays} days old${tooOld ? ` (more than images.max_base_age_days, ${policy.max_base_age_days})` : ""}` : void 0,
      fixed !== void 0 ? `${fixed} vulnerabilit${fixed === 1 ? "y is" : "ies are"} fixed in the current base` : void 0
    ].filter(Boolean);
    report(RULES.outdated, `${shown} is built on an outdated base: ${why.join("; ")}.`, { score, properties: { [PROP.baseAgeDays]: age, ...fixed !== void 0 ? { [PROP.fixedUpstream]: fixed } : {} } });
  }
  return { run: builder.build(), inventory };
}
var ACCEPT = [
  "application/vnd.oci.image.index.v1+json",
  "application/vnd.oci.image.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.list.v2+json",
  "application/vnd.docker.distribution.manifest.v2+json"
].join(", ");
var LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
var MAX_METADATA_BYTES = 16 * 1024 * 1024;
async function boundedBody(response, limit) {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    return { tooLarge: true };
  }
  if (!response.body) return Buffer.alloc(0);
  const chunks = [];
  let total = 0;
  const reader = response.body.getReader();
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return { tooLarge: true };
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks, total);
}
var RegistryClient = class {
  constructor(options2 = {}) {
    this.options = options2;
  }
  options;
  tokens = /* @__PURE__ */ new Map();
  base(registry) {
    const host = registry === "docker.io" ? "registry-1.docker.io" : registry;
    const plain22 = LOOPBACK.test(host) || (this.options.insecure ?? []).includes(host);
    return `${plain22 ? "http" : "https"}://${host}/v2/`;
  }
  async get(ref, path2, accept, method = "GET") {
    const url = `${this.base(ref.registry)}${ref.repository}/${path2}`;
    const key = `${ref.registry}/${ref.repository}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = this.tokens.get(key);
      const response = await fetch(url, {
        method,
        headers: { accept, ...token ? { authorization: token } : {} },
        redirect: "follow",
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3e4)
      });
      if (response.status !== 401 || attempt) return response;
      const challenge = response.headers.get("www-authenticate") ?? "";
      await response.body?.cancel();
      const auth = await this.authorize(ref, challenge);
      if (!auth) return response;
      this.tokens.set(key, auth);
    }
    throw new Error("unreachable");
  }
  /** The Authorization value a 401's challenge asks for: Basic with the credentials, or a Bearer token from the realm. */
  async authorize(ref, challenge) {
    const credentials = this.options.credentials?.(ref.registry);
    const basic = credentials ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}` : void 0;
    if (/^basic/i.test(challenge)) return basic;
    if (!/^bearer/i.test(challenge)) return void 0;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1].toLowerCase(), m[2]]));
    if (!params.realm) return void 0;
    const realm = new URL(params.realm);
    if (params.service) realm.searchParams.set("service", params.service);
    realm.searchParams.set("scope", params.scope ?? `repository:${ref.repository}:pull`);
    const response = await fetch(realm, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(this.options.timeoutMs ?? 3e4) });
    if (!response.ok) return void 0;
    const body = await response.json();
    const token = body.token ?? body.access_token;
    return token ? `Bearer ${token}` : void 0;
  }
  fail(ref, what2) {
    throw new InputError(what2, { file: formatReference(ref) });
  }
  /** The digest a tag (or digest) points at now, from the manifest the registry serves for it. */
  async digestOf(ref) {
    return (await this.manifest(ref, ref.digest ?? ref.tag ?? "latest")).digest;
  }
  async manifest(ref, reference) {
    let response;
    try {
      response = await this.get(ref, `manifests/${reference}`, ACCEPT);
    } catch (error) {
      this.fail(ref, `the registry could not be reached: ${error.message}`);
    }
    if (response.status === 404) this.fail(ref, `is not in the registry (${reference} not found)`);
    if (!response.ok) this.fail(ref, `the registry answered ${response.status} ${response.statusText} for ${reference}`);
    const data = await boundedBody(response, MAX_METADATA_BYTES);
    if (!Buffer.isBuffer(data)) this.fail(ref, `the registry served a manifest of more than ${MAX_METADATA_BYTES} bytes for ${reference}; not read`);
    const digest2 = response.headers.get("docker-content-digest") ?? `sha256:${createHash2("sha256").update(data).digest("hex")}`;
    try {
      return { digest: digest2, body: JSON.parse(data.toString("utf8")) };
    } catch {
      this.fail(ref, "the registry served a manifest that is not JSON");
    }
  }
  /** The image a reference names: its manifest (the platform's, from an index), config and layers. */
  async inspect(ref) {
    const platform = this.options.platform ?? { os: "linux", architecture: "amd64" };
    let { digest: digest2, body } = await this.manifest(ref, ref.digest ?? ref.tag ?? "latest");
    if (body.manifests) {
      const pick = body.manifests.find((m) => m.platform?.os === platform.os && m.platform?.architecture === platform.architecture) ?? body.manifests[0];
      if (!pick) this.fail(ref, "the registry served an index that lists no image");
      ({ digest: digest2, body } = await this.manifest(ref, pick.digest));
    }
    if (!body.config?.digest) this.fail(ref, "the registry served a manifest without a config");
    const response = await this.get(ref, `blobs/${body.config.digest}`, "application/vnd.oci.image.config.v1+json, application/vnd.docker.container.image.v1+json, */*");
    if (!response.ok) this.fail(ref, `the registry answered ${response.status} for the image config ${body.config.digest}`);
    const declared = body.config.size;
    const limit = Number.isSafeInteger(declared) && declared >= 0 ? Math.min(declared, MAX_METADATA_BYTES) : MAX_METADATA_BYTES;
    const data = await boundedBody(response, limit);
    if (!Buffer.isBuffer(data)) this.fail(ref, `the registry served an image config ${body.config.digest} of more than ${limit} bytes (${declared === limit ? "the size its manifest declares" : "more than an image config can be"}); not read`);
    if (declared !== void 0 && data.length !== declared) this.fail(ref, `the registry served an image config ${body.config.digest} of ${data.length} bytes where its manifest says ${declared}`);
    let config;
    try {
      config = JSON.parse(data.toString("utf8"));
    } catch {
      this.fail(ref, `the registry served an image config ${body.config.digest} that is not JSON`);
    }
    return factsOf(formatReference(ref), digest2, body.config.digest, [formatReference({ ...ref, digest: void 0 })], config);
  }
};
var package_default = {
  name: "@pipewarden/core",
  version: "0.1.0",
  description: "Pipewarden's pipeline: scanners to SARIF 2.1.0, fingerprints, prioritization, policy gate and reports. No platform code.",
  license: "Apache-2.0",
  repository: {
    type: "git",
    url: "git+https://github.com/pipewarden/pipewarden.git",
    directory: "packages/core"
  },
  type: "module",
  engines: {
    node: ">=20"
  },
  exports: {
    ".": {
      types: "./dist/index.d.ts",
      import: "./dist/index.js"
    },
    "./runners/*": "./dist/runners/*",
    "./package.json": "./package.json"
  },
  main: "./dist/index.js",
  types: "./dist/index.d.ts",
  files: [
    "dist",
    "pipewarden.schema.json"
  ],
  scripts: {
    build: `node -e "require('node:fs').rmSync('dist', { recursive: true, force: true })" && tsup`,
    typecheck: "tsc --noEmit -p ."
  },
  dependencies: {
    "@pipewarden/sast": "workspace:*",
    "@pipewarden/sca": "workspace:*",
    "@types/sarif": "2.1.7",
    "ae-cvss-calculator": "1.0.13",
    "dockerfile-ast": "0.7.1",
    "fast-xml-parser": "5.12.1",
    picomatch: "4.0.3",
    "tar-stream": "3.1.7",
    undici: "6.29.1",
    yaml: "2.9.1",
    yauzl: "3.4.0",
    zod: "4.6.7"
  },
  devDependencies: {
    "@cyclonedx/cyclonedx-npm": "6.0.1",
    "@microsoft/eslint-formatter-sarif": "3.1.0",
    "@secretlint/core": "11.7.1",
    "@secretlint/secretlint-formatter-sarif": "11.7.1",
    "@secretlint/secretlint-rule-preset-recommend": "11.7.1",
    "@secretlint/source-creator": "11.7.1",
    "@sigstore/bundle": "4.0.0",
    "@sigstore/protobuf-specs": "0.5.2",
    "@sigstore/verify": "3.1.1",
    "@types/picomatch": "4.0.2",
    "@types/tar-stream": "3.1.5",
    "@types/yauzl": "3.4.0",
    eslint: "9.39.2",
    "eslint-plugin-security": "3.0.1",
    "eslint-scope": "8.4.0",
    "eslint-visitor-keys": "4.2.1",
    espree: "10.4.0",
    globby: "14.1.0",
    "lockfile-lint": "5.0.1",
    sigstore: "4.1.0"
  }
};
var version = package_default.version;
async function dockerfileBase(root, images) {
  const reader = rootReader(root);
  for (const file of ["Dockerfile", "Containerfile"]) {
    const read2 = await reader.read(file, { maxBytes: 4 * 1024 * 1024 });
    if ("refused" in read2) continue;
    const text22 = read2.data.toString("utf8");
    const { analyzeDockerfile, baseOfStage } = await import("./dockerfile-ZJ2QCILS-XQ7VQIJP.js");
    const base = baseOfStage(analyzeDockerfile(text22, file, images).bases);
    if (base?.reference) return { reference: base.reference, file, line: base.line };
  }
  return void 0;
}
var imagePolicy = {
  kind: "analyzer",
  id: "image-policy",
  title: "Pipewarden image checks (base drift, freshness, sanctioned bases, inventory)",
  category: "container",
  stages: ["acceptance", "production"],
  format: "sarif",
  target: "image",
  timeoutMs: 5 * 6e4,
  installHint: "built in",
  cost: 2,
  detect: async () => ({ available: true, version }),
  select: () => [],
  async analyze(target) {
    const { targets, config } = target;
    const registry = new RegistryClient({ insecure: config.images?.insecure_registries });
    let image;
    if (targets.imageArchive) {
      image = await readImageArchive(targets.imageArchive);
    } else {
      const ref = parseReference(targets.image);
      if (!ref) throw new InputError("is not an image reference", { file: targets.image });
      image = await registry.inspect(ref);
    }
    const bases = [];
    for (const file of targets.baseArchives ?? []) bases.push(await readImageArchive(file));
    const vulnerabilities = targets.vulnerabilityReports ? { image: (await readReport(targets.vulnerabilityReports.image)).log, currentBase: (await readReport(targets.vulnerabilityReports.base)).log } : void 0;
    const { run: run2, inventory } = await checkImage({
      image,
      dockerfile: await dockerfileBase(target.root, config.images),
      policy: config.images,
      registry,
      bases,
      now: target.now ?? /* @__PURE__ */ new Date(),
      vulnerabilities
    });
    run2.properties = { ...run2.properties, [PROP.inventory]: inventory };
    return { version: "2.1.0", runs: [run2] };
  }
};
var GITLEAKS_LEAKS_EXIT = 3;
function gitleaksExit(code) {
  return code === 0 ? "clean" : code === GITLEAKS_LEAKS_EXIT ? "findings" : code === 1 ? "partial" : "error";
}
var gitleaks2 = {
  kind: "command",
  id: "gitleaks",
  title: "Gitleaks",
  category: "secrets",
  stages: ["precommit", "commit"],
  format: "gitleaks",
  timeoutMs: 10 * 6e4,
  installHint: "install it from https://github.com/gitleaks/gitleaks#installing",
  cost: 2,
  detect: (env2) => pathToolAvailability(env2, "gitleaks", ["version"], /v?(\d+\.\d+\.\d+)/),
  select: (files) => files,
  // `dir` scans the work tree, not the history (`detect --no-git` is deprecated and hidden); --redact keeps the
  // secret out of its own report (every Secret is "REDACTED": identity hashes the flagged line instead).
  command: (target) => ({
    command: "gitleaks",
    args: ["dir", ".", "--report-path", target.outputFile, "--report-format", "json", "--redact", "--no-banner", "--exit-code", String(GITLEAKS_LEAKS_EXIT)],
    cwd: target.root,
    output: "file"
  }),
  exitMeaning: gitleaksExit
};
function osvScannerExit(code) {
  if (code === 0) return "clean";
  if (code === 1) return "findings";
  if (code === 128) return "clean";
  return "error";
}
var osvScanner2 = {
  kind: "command",
  id: "osv-scanner",
  title: "OSV-Scanner",
  category: "sca",
  stages: ["commit"],
  format: "osv-scanner",
  timeoutMs: 10 * 6e4,
  installHint: "install it from https://google.github.io/osv-scanner/installation/",
  cost: 3,
  detect: (env2) => pathToolAvailability(env2, "osv-scanner", ["--version"], /version:?\s*v?(\d+\.\d+\.\d+)/i),
  select: byName(LOCKFILES),
  // The report is read from stdout: with --format json every log line goes to stderr, and no file flag is
  // needed (--output is deprecated for --output-file, which older v2 releases refuse). On exit 128 nothing is
  // written, so no report of an earlier run can be taken for this one.
  command: (target) => ({ command: "osv-scanner", args: ["scan", "source", "--format", "json", "--recursive", "."], cwd: target.root, output: "stdout" }),
  exitMeaning: osvScannerExit
};
var checkov2 = {
  kind: "command",
  id: "checkov",
  title: "Checkov",
  category: "iac",
  stages: ["commit"],
  format: "checkov",
  timeoutMs: 15 * 6e4,
  installHint: "install it with `pipx install checkov` (https://www.checkov.io/2.Basics/Installing%20Checkov.html)",
  cost: 4,
  detect: (env2) => pathToolAvailability(env2, "checkov", ["--version"], /^(\d+\.\d+\.\d+)/m),
  select: (files) => files.filter((f) => IAC.test(f.split("/").pop() ?? "") || /(?:^|\/)(?:k8s|kubernetes|helm|charts|manifests)\/.*\.ya?ml$/i.test(f)),
  // The report is stdout: one JSON document, a list when several frameworks checked something, the bare summary
  // when nothing was checked. (--output-file-path would name a folder, where it writes results_json.json.)
  command: (target) => ({ command: "checkov", args: ["--directory", ".", "--output", "json", "--quiet", "--compact", "--skip-download"], cwd: target.root, output: "stdout" }),
  // 1: failed checks (or parse errors under CKV_PARSE_ERROR_FAIL); 0: none, or --soft-fail from a .checkov.yaml.
  exitMeaning: zeroOneExit
};
var MAX_DOCKERFILE_BYTES = 4 * 1024 * 1024;
var dockerfile = {
  kind: "analyzer",
  id: "dockerfile",
  title: "Pipewarden Dockerfile checks (base images against images.sanctioned)",
  category: "iac",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 6e4,
  installHint: "built in",
  fileList: true,
  cost: 1,
  detect: async () => ({ available: true, version }),
  select: byName(DOCKERFILES),
  async analyze(target) {
    const { analyzeDockerfile } = await import("./dockerfile-ZJ2QCILS-XQ7VQIJP.js");
    const runs = [];
    const reader = rootReader(target.root);
    for (const file of target.files) {
      const read2 = await reader.read(file, { maxBytes: MAX_DOCKERFILE_BYTES });
      if ("refused" in read2) continue;
      runs.push(analyzeDockerfile(read2.data.toString("utf8"), file, target.config.images).run);
    }
    const [first, ...rest] = runs;
    for (const run2 of rest) first.results.push(...run2.results ?? []);
    return { version: "2.1.0", runs: first ? [first] : [] };
  }
};
var hadolint2 = {
  kind: "command",
  id: "hadolint",
  title: "Hadolint",
  category: "iac",
  stages: ["precommit", "commit"],
  format: "hadolint",
  timeoutMs: 2 * 6e4,
  installHint: "install it from https://github.com/hadolint/hadolint/releases (a single binary) or `brew install hadolint`",
  fileList: true,
  cost: 1,
  detect: (env2) => pathToolAvailability(env2, "hadolint", ["--version"], /(\d+\.\d+\.\d+)/),
  select: byName(DOCKERFILES),
  command: (target) => ({ command: "hadolint", args: ["--format", "json", "--no-fail", ...asOperands(target.files)], cwd: target.root, output: "stdout" }),
  // --no-fail: 0 whatever it finds; anything else is a failure.
  exitMeaning: zeroOnlyExit
};
var WAPITI_MODULES = {
  quick: ["sql", "xss", "redirect", "crlf"],
  full: ["sql", "blindsql", "xss", "permanentxss", "exec", "file", "redirect", "crlf"]
};
var NO_PROXY_ENV = Object.fromEntries(["http_proxy", "https_proxy", "all_proxy", "no_proxy"].flatMap((name2) => [[name2, ""], [name2.toUpperCase(), ""]]));
function wapitiTimeSplit(budgetSeconds, modules) {
  return { crawl: Math.max(1, Math.round(budgetSeconds * 0.4)), perModule: Math.max(1, Math.floor(budgetSeconds * 0.6 * 2 / Math.max(1, modules))) };
}
function wapitiConfigDir(outputFile) {
  const dir = join22(dirname3(outputFile), "wapiti-config");
  mkdirSync2(dir, { recursive: true });
  writeFileSync(join22(dir, "apps.json"), "{}\n");
  return dir;
}
var wapiti2 = {
  kind: "command",
  id: "wapiti",
  title: "Wapiti",
  category: "dast",
  stages: ["acceptance"],
  format: "wapiti",
  target: "url",
  timeoutMs: 20 * 6e4,
  installHint: "install it with `apt-get install wapiti` or `pipx install wapiti3`",
  cost: 5,
  detect: (env2) => pathToolAvailability(env2, "wapiti", ["--version"], /Wapiti[- ](\d+\.\d+\.\d+)/i),
  select: () => [],
  command(target) {
    const url = new URL(target.targets.url.href);
    const dast = target.targets.url.dast;
    const config = target.config.dast;
    const budget = dast?.budgetSeconds ?? config?.max_scan_time ?? 300;
    const modules = WAPITI_MODULES[dast?.profile ?? config?.profile ?? "full"];
    const split = wapitiTimeSplit(budget, modules.length);
    const proxy = dast?.proxies.wapiti;
    const skip = [.../* @__PURE__ */ new Set([...config?.skip_parameters ?? [], ...config?.auth?.login?.csrf_field ? [config.auth.login.csrf_field] : []])];
    return {
      command: "wapiti",
      args: [
        "-u",
        url.href,
        "--scope",
        config?.scope ?? "folder",
        "-m",
        modules.join(","),
        "-f",
        "json",
        "-o",
        target.outputFile,
        "--flush-session",
        "--store-session",
        join22(dirname3(target.outputFile), "wapiti-session"),
        "--store-config",
        wapitiConfigDir(target.outputFile),
        // The address file-inclusion payloads name ([EXTERNAL_ENDPOINT]e.php, default wapiti3.ovh): the target
        // itself, so a vulnerable app is not made to fetch from a third party. Never --internal-endpoint: Wapiti
        // would ask it for results (and ping it at start).
        "--external-endpoint",
        `${url.origin}/`,
        "--max-scan-time",
        String(split.crawl),
        "--max-attack-time",
        String(split.perModule),
        "--no-bugreport",
        "-l",
        String(config?.level ?? 1),
        ...proxy ? ["-p", proxy] : [],
        ...config?.depth ? ["-d", String(config.depth)] : [],
        ...(dast?.startUrls ?? []).flatMap((start) => ["-s", start]),
        ...skip.flatMap((name2) => ["--skip", name2]),
        ...dast?.cookieFile ? ["-c", dast.cookieFile] : [],
        ...Object.entries(dast?.headers ?? {}).flatMap(([name2, value]) => ["-H", `${name2}: ${value}`])
      ],
      cwd: target.root,
      output: "file",
      env: NO_PROXY_ENV
    };
  },
  facts: wapitiFacts,
  // Wapiti stores each finding in its session database as it goes (wapitiCore/net/sqlite_persister.py): run
  // again on that session with no module and no crawl, it only writes the report of what was stored.
  recover(target) {
    const url = new URL(target.targets.url.href);
    const proxy = target.targets.url.dast?.proxies.wapiti;
    return {
      command: "wapiti",
      args: ["-u", url.href, "--scope", target.config.dast?.scope ?? "folder", "-m", "", "--skip-crawl", "-f", "json", "-o", target.outputFile, "--store-session", join22(dirname3(target.outputFile), "wapiti-session"), "--store-config", wapitiConfigDir(target.outputFile), "--no-bugreport", ...proxy ? ["-p", proxy] : []],
      cwd: target.root,
      output: "file",
      env: NO_PROXY_ENV
    };
  },
  exitMeaning: (code) => code === 0 ? "clean" : "error"
};
function wapitiFacts(output) {
  const modules = [...new Set([...output.stdout.matchAll(/\[\*\] Launching module (\w+)/g)].map((m) => m[1]))];
  const crawlCut = /Max scan time was reached, stopping/.test(output.stdout);
  const attackCut = [...new Set([...output.stdout.matchAll(/Max attack time was reached for module (\w+)/g)].map((m) => m[1]))];
  const cuts = [...crawlCut ? ["the crawl was stopped by its share of the time budget"] : [], ...attackCut.length ? [`the attack time ran out for ${attackCut.join(", ")}`] : []];
  return { modules, ...cuts.length ? { cutBy: cuts.join("; ") } : {} };
}
var ZAP_WORK_DIR = "/zap/wrk";
function zapInContainer(env2) {
  return existsSync22("/.dockerenv") || existsSync22("/run/.containerenv") || env2.IS_CONTAINERIZED === "true";
}
function zapReportPlace(outputFile, inContainer, workDir = ZAP_WORK_DIR) {
  if (!inContainer) return { cwd: dirname4(outputFile), report: basename3(outputFile) };
  if (!existsSync22(workDir)) {
    try {
      mkdirSync3(workDir, { recursive: true });
    } catch (error) {
      throw new Error(`zap-baseline.py writes its reports under ${workDir}, which is missing and could not be made (${error.code ?? error.message}): mount a folder there (docker run -v "$PWD:${workDir}") or create it before the scan`);
    }
  }
  return { cwd: dirname4(outputFile), report: relative3(realpathSync2(workDir), outputFile) };
}
var zap2 = {
  kind: "command",
  id: "zap",
  title: "OWASP ZAP baseline",
  category: "dast",
  stages: ["acceptance"],
  format: "zap",
  target: "url",
  timeoutMs: 30 * 6e4,
  installHint: "run it from the ZAP image (ghcr.io/zaproxy/zaproxy: zap-baseline.py on PATH) \u2014 https://www.zaproxy.org/docs/docker/baseline-scan/",
  cost: 5,
  async detect({ ports, env: env2, root }) {
    const probe = await ports.exec({ command: "zap-baseline.py", args: ["-h"], cwd: root, env: env2, timeoutMs: 3e4 });
    if (probe.notFound) return { available: false, reason: "zap-baseline.py is not on PATH" };
    if (probe.exitCode !== 0 || !/usage/i.test(`${probe.stdout}${probe.stderr}`)) return { available: false, reason: `zap-baseline.py -h failed (exit ${probe.exitCode ?? "signal"})` };
    return { available: true, version: "baseline" };
  },
  select: () => [],
  command(target, { env: env2 }) {
    const place = zapReportPlace(target.outputFile, zapInContainer(env2));
    const dast = target.targets.url.dast;
    const budget = dast?.budgetSeconds ?? target.config.dast?.max_scan_time ?? 300;
    const proxy = dast?.proxies.zap ? new URL(dast.proxies.zap) : void 0;
    const config = proxy ? ["-config network.connection.httpProxy.enabled=true", `-config network.connection.httpProxy.host=${proxy.hostname}`, `-config network.connection.httpProxy.port=${proxy.port}`].join(" ") : void 0;
    const header = Object.entries(dast?.headers ?? {})[0] ?? (dast?.cookie ? ["Cookie", dast.cookie] : void 0);
    const authEnv = header ? { ZAP_AUTH_HEADER: header[0], ZAP_AUTH_HEADER_VALUE: header[1], ZAP_AUTH_HEADER_SITE: new URL(target.targets.url.href).host } : {};
    return {
      command: "zap-baseline.py",
      // -J: the traditional JSON report; -I: warnings alone do not make exit 2 (findings are read from the report);
      // -m: the spider's minutes, within the budget (the passive scan of what it found follows).
      args: ["-t", target.targets.url.href, "-J", place.report, "-m", String(Math.max(1, Math.floor(budget / 2 / 60))), "-I", ...config ? ["-z", config] : []],
      cwd: place.cwd,
      output: "file",
      ...Object.keys(authEnv).length ? { env: authEnv } : {}
    };
  },
  // 0: no FAIL (and, without -I, no WARN); 1: at least one FAIL; 2: WARNs and no FAIL; 3: any other failure
  // (bad option, /zap/wrk missing, ZAP did not start, nothing passed).
  exitMeaning: (code) => code === 0 ? "clean" : code === 1 || code === 2 ? "findings" : "error"
};
var ID = "pipewarden-secrets";
var MAX_BYTES = 1024 * 1024;
var CONCURRENCY = 16;
var TEST_PATH = /(?:^|\/)(?:test|tests|__tests__|__mocks__|spec|specs|fixtures?|testdata|test-data|e2e|cypress|mocks?)\/|\.(?:test|spec)\.[^/]+$|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go|rb)$|Tests?\.(?:java|kt|cs)$/i;
var TRANSLATIONS = /(?:^|\/)(?:i18n|l10n|locales?|lang|languages|translations?)\//i;
var RULES2 = {
  framework: {
    id: `${ID}/framework-session-secret`,
    short: "A framework's session or token signing secret is hardcoded",
    help: "Whoever reads this secret can forge sessions, signed cookies or tokens for any user. Read it from the environment or a secret store, rotate it (every session signed with it is compromised) and remove it from the history.",
    score: 9,
    precision: "high",
    cwes: ["CWE-798", "CWE-321"]
  },
  crypto: {
    id: `${ID}/hardcoded-crypto-key`,
    short: "A cryptographic key is hardcoded",
    help: "A MAC or cipher key in the code protects nothing from whoever has the code. Load it from a secret store and rotate it.",
    score: 8,
    precision: "high",
    cwes: ["CWE-798", "CWE-321"]
  },
  secret: {
    id: `${ID}/generic-secret`,
    short: "A secret, token or key is hardcoded",
    help: "Read it from the environment or a secret store, revoke or rotate it, and remove it from the history.",
    score: 8,
    precision: "medium",
    cwes: ["CWE-798"]
  },
  password: {
    id: `${ID}/hardcoded-password`,
    short: "A password is hardcoded",
    help: "Read it from the environment or a secret store, change the password, and remove it from the history.",
    score: 7.5,
    precision: "medium",
    cwes: ["CWE-798", "CWE-259"]
  }
};
function ruleOf2(hit) {
  if (hit.source === "framework") return RULES2.framework;
  if (hit.source === "crypto") return RULES2.crypto;
  return hit.kind === "password" ? RULES2.password : RULES2.secret;
}
function messageOf(hit) {
  const what2 = hit.source === "framework" ? `${hit.framework} secret` : hit.source === "crypto" ? "key" : hit.kind === "password" ? "password" : hit.kind;
  const where4 = hit.label?.startsWith("<") ? `in ${hit.label}` : hit.label ? `passed to ${hit.label.replace(/ \w+$/, "")}` : `assigned to "${hit.name}"`;
  return `Hardcoded ${what2} ${where4}${hit.fallback ? " (the fallback when the environment variable is unset)" : ""}`;
}
async function scanFile(root, file) {
  const text22 = await readTextUnder(root, file, MAX_BYTES);
  return text22 === void 0 ? [] : findSecrets(text22, file);
}
async function mapLimited(files, fn) {
  const out = new Array(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, async () => {
    while (next < files.length) {
      const index = next++;
      out[index] = await fn(files[index]);
    }
  }));
  return out;
}
function toLog(files, found) {
  const run2 = new RunBuilder({ name: "Pipewarden Secrets", version, informationUri: "https://github.com/pipewarden/pipewarden/blob/main/docs/scanners.md#pipewarden-secrets" });
  for (const rule of Object.values(RULES2)) run2.rule({ ...rule, level: "error", tags: ["secret"] });
  files.forEach((file, index) => {
    for (const hit of found[index]) {
      const rule = ruleOf2(hit);
      run2.result({
        ruleId: rule.id,
        message: messageOf(hit),
        level: "error",
        category: "secrets",
        // The region covers the value (no snippet: the value never enters the log); identity hashes it.
        locations: [fileLocation(file, { startLine: hit.startLine, startColumn: hit.startColumn, endLine: hit.endLine, endColumn: hit.endColumn })],
        secret: hit.value,
        cwes: rule.cwes,
        properties: { [PROP.entropy]: hit.entropy, ...hit.framework ? { [PROP.framework]: hit.framework } : {} }
      });
    }
  });
  return logOf(run2.build());
}
var pipewardenSecrets = {
  kind: "analyzer",
  id: ID,
  title: "Pipewarden secrets (hardcoded passwords, keys and framework session secrets)",
  category: "secrets",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 5 * 6e4,
  installHint: "built in",
  fileList: true,
  cost: 1,
  options: external_exports.strictObject({ include_tests: external_exports.boolean().default(false).describe("Also report tests and fixtures (skipped by default).") }),
  detect: async () => ({ available: true, version }),
  select: (files) => files.filter((file) => syntaxOf(file) !== void 0 && !LOCKFILES.test(file.slice(file.lastIndexOf("/") + 1))),
  async analyze(target) {
    const tests = target.options.include_tests === true;
    const files = target.files.filter((file) => (tests || !TEST_PATH.test(file)) && !TRANSLATIONS.test(file));
    const found = await mapLimited(files, (file) => scanFile(target.root, file));
    return toLog(files, found);
  }
};
var pipewardenSast = {
  kind: "analyzer",
  id: "pipewarden-sast",
  title: "Pipewarden SAST (taint analysis: injection, XSS, SSRF, path traversal, redirects)",
  category: "sast",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 10 * 6e4,
  installHint: "built in",
  fileList: true,
  cost: 2,
  options: external_exports.strictObject({
    rules: external_exports.string().min(1).optional().describe("A folder of extra rule files (YAML, docs/sast.md#rules), relative to the scanned directory."),
    disable: external_exports.array(external_exports.string().min(1)).default([]).describe("Rule ids to turn off."),
    threads: external_exports.number().int().min(0).max(64).optional().describe("Worker threads (0: none); default: up to 4 from 200 files on.")
  }),
  // A bundle that did not copy the grammars (see @pipewarden/sast's README) skips the scanner, saying why.
  detect: async () => {
    const missing2 = missingGrammars();
    return missing2.length ? { available: false, reason: `its grammar files are missing from ${grammarsDir()}: ${missing2.join(", ")}` } : { available: true, version: VERSION };
  },
  // The files the engine has a front end for, as it decides them: sources, and templates by name and folder
  // (Flask's templates/*.html, *.twig, JSPs), which only its language adapters know.
  select: (files) => files.filter(readsFile),
  async analyze(target) {
    const own = target.options;
    const options2 = { ...own, rules: own.rules ?? target.config.sast?.rules, disable: [...own.disable ?? [], ...target.config.sast?.disable ?? []] };
    const { analyzeFiles, GrammarError, readRuleFiles, RuleError } = await import("./dist-BH2WDF4L.js");
    try {
      const rules = options2.rules ? await readRuleFiles(resolve3(target.root, options2.rules)) : [];
      const { log: log2 } = await analyzeFiles({ root: target.root, files: target.files, rules, disable: options2.disable, threads: options2.threads, uriBaseId: false });
      return log2;
    } catch (error) {
      if (error instanceof RuleError) throw new ConfigError(error.message, { file: options2.rules ?? "scanners.pipewarden-sast", problems: error.problems, cause: error });
      if (error instanceof GrammarError) throw new ScannerError("pipewarden-sast", error.message, { file: error.file, cause: error });
      if (error.code === "ENOENT" && options2.rules) throw new ConfigError("the rules folder does not exist", { file: options2.rules, cause: error });
      throw error;
    }
  }
};
var OSV_EXPORTS_URL = "https://osv-vulnerabilities.storage.googleapis.com";
var SCANNER = "pipewarden-sca";
var DAY2 = /^\d{4}-\d{2}-\d{2}$/;
function exportUrl(base, ecosystem) {
  return `${base.replace(/\/+$/, "")}/${encodeURIComponent(ecosystem)}/all.zip`;
}
var zipName = (ecosystem) => `${ecosystem}.zip`;
async function isFile(path2) {
  return stat32(path2).then((s) => s.isFile(), () => false);
}
async function download(fetcher, url, target, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const bytes2 = new Uint8Array(await response.arrayBuffer());
    if (bytes2[0] !== 80 || bytes2[1] !== 75) throw new Error("the answer is not a zip file");
    await writeFileAtomic(target, bytes2);
  } catch (error) {
    const reason = controller.signal.aborted ? `no answer within ${Math.round(timeoutMs / 1e3)} s` : error.cause?.message ?? error.message;
    throw new Error(reason, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
async function cachedDays(cacheDir, ecosystem) {
  const days2 = (await readdir3(cacheDir).catch(() => [])).filter((d) => DAY2.test(d)).sort().reverse();
  const out = [];
  for (const day of days2) if (await isFile(join3(cacheDir, day, "osv", zipName(ecosystem)))) out.push(day);
  return out;
}
async function pruneOlder(cacheDir, ecosystem, keep) {
  for (const day of await cachedDays(cacheDir, ecosystem)) {
    if (day < keep) await rm2(join3(cacheDir, day, "osv", zipName(ecosystem)), { force: true });
  }
}
async function fromCache(settings, ecosystem, warnings) {
  const cache = settings.cache;
  const base = settings.mirrorUrl ?? OSV_EXPORTS_URL;
  const url = exportUrl(base, ecosystem);
  const today = join3(cache.cacheDir, settings.today, "osv", zipName(ecosystem));
  if (await isFile(today)) return { file: today, day: settings.today, url };
  let refused;
  if (!cache.offline && cache.fetch) {
    try {
      ensureDir(join3(cache.cacheDir, settings.today, "osv"));
      await download(cache.fetch, url, today, settings.timeoutMs ?? 5 * 6e4);
      await pruneOlder(cache.cacheDir, ecosystem, settings.today);
      return { file: today, day: settings.today, url };
    } catch (error) {
      refused = `could not download ${url}: ${error.message}`;
    }
  }
  const older2 = (await cachedDays(cache.cacheDir, ecosystem))[0];
  if (older2) {
    warnings.push(`${refused ? `${refused}; ` : ""}using the ${ecosystem} advisories of ${older2} from the cache`);
    return { file: join3(cache.cacheDir, older2, "osv", zipName(ecosystem)), day: older2, url };
  }
  const why = refused ?? (cache.offline ? "offline (PIPEWARDEN_OFFLINE or feeds.offline)" : "downloads are not available here");
  throw new ScannerError(SCANNER, `no ${ecosystem} advisories: ${why}, and the cache holds none; give --advisories-dir DIR (OSV records or all.zip exports) or allow the download`, { file: cache.cacheDir });
}
async function loadAdvisories(settings, ecosystems) {
  const { AdvisorySourceError, openAdvisories, readAdvisoryDir, readAdvisoryZip } = await import("./dist-GBAVN7AM.js");
  const warnings = [];
  if (settings.dir) {
    let read2;
    try {
      read2 = await readAdvisoryDir(settings.dir);
    } catch (error) {
      if (error instanceof AdvisorySourceError) throw new InputError(error.message, { file: error.file, cause: error });
      throw error;
    }
    if (!read2.advisories.length) throw new ScannerError(SCANNER, "holds no OSV advisory for a known ecosystem (JSON or YAML records, or all.zip exports)", { file: settings.dir });
    const database = openAdvisories([read2], { sources: [settings.dir] });
    const missing2 = ecosystems.filter((e3) => !database.index.ecosystems.has(e3));
    if (missing2.length) warnings.push(`${settings.dir} holds no advisories for ${missing2.join(", ")}: those packages were not checked`);
    if (read2.problems.length) warnings.push(`${read2.problems.length} file${read2.problems.length === 1 ? "" : "s"} in ${settings.dir} not read as OSV records, e.g. ${read2.problems[0].file}: ${read2.problems[0].message}`);
    return { database, warnings };
  }
  if (!settings.cache) throw new ScannerError(SCANNER, "no advisory data: give --advisories-dir DIR (OSV records or all.zip exports), or run where the feed cache can download them");
  const reads = [];
  const sources = [];
  let oldest;
  for (const ecosystem of ecosystems) {
    const got = await fromCache(settings, ecosystem, warnings);
    try {
      reads.push(readAdvisoryZip(await readFile2(got.file), zipName(ecosystem)));
    } catch (error) {
      await rm2(got.file, { force: true });
      throw new ScannerError(SCANNER, `the cached ${ecosystem} advisories ${error.message}; removed, the next run downloads them again`, { file: got.file, cause: error });
    }
    sources.push(`${got.url} (${got.day})`);
    if (!oldest || got.day < oldest) oldest = got.day;
  }
  return { database: openAdvisories(reads, { sources, snapshot: oldest }), warnings };
}
var calculator;
var loadCalculator = () => calculator ??= import("./ae-cvss-calculator-2D4NRRX2.js").then((module) => module.default);
function versionOf(vector) {
  if (vector.startsWith("CVSS:4.0/")) return "4.0";
  if (vector.startsWith("CVSS:3.1/")) return "3.1";
  if (vector.startsWith("CVSS:3.0/")) return "3.0";
  if (/^\(?AV:[LAN]\/AC:[HML]\/Au:[MSN]\//.test(vector)) return "2.0";
  return void 0;
}
async function scoreVector(input) {
  const vector = input.trim().replace(/^\((.*)\)$/, "$1");
  const version2 = versionOf(vector);
  if (!version2) return void 0;
  const cvss = await loadCalculator();
  let parsed;
  try {
    parsed = cvss.fromVector(vector);
  } catch {
    return void 0;
  }
  if (!parsed) return void 0;
  const scores = parsed.calculateScores();
  const score = version2 === "4.0" ? scores.overall ?? scores.base : scores.base;
  if (typeof score !== "number" || !Number.isFinite(score)) return void 0;
  return { version: version2, vector, score };
}
var ID2 = "pipewarden-sca";
var MAX_MANIFEST_BYTES = 50 * 1024 * 1024;
var MAX_SHOWN_NOTES = 5;
async function withSiblings(reader, files) {
  const all = new Set(files);
  for (const folder of new Set(files.map((f) => posix.dirname(f)))) {
    const where4 = await reader.locate(folder).catch(() => void 0);
    if (!where4 || !("real" in where4)) continue;
    const entries = await readdir2(where4.real, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path2 = folder === "." ? entry.name : `${folder}/${entry.name}`;
      if (entry.isFile() && manifestKind(path2) !== void 0) all.add(path2);
    }
  }
  return [...all].sort();
}
async function readManifests(root, files) {
  const reader = rootReader(root);
  const manifests = [];
  const unread = [];
  for (const file of await withSiblings(reader, files)) {
    const read2 = await reader.read(file, { maxBytes: MAX_MANIFEST_BYTES });
    if ("refused" in read2) {
      if (read2.refused !== "missing") unread.push({ file, message: read2.refused === "too-large" ? `is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MB` : read2.refused === "outside" ? "leads outside the scanned folder" : "is not a regular file" });
      continue;
    }
    manifests.push({ path: file, text: read2.data.toString("utf8") });
  }
  return { manifests, unread };
}
async function scoreResults(log2) {
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      const props = result2.properties ?? {};
      const vector = props[PROP.cvssVector];
      if (typeof vector !== "string") continue;
      const cvss = await scoreVector(vector);
      if (!cvss) continue;
      props["security-severity"] = cvss.score.toFixed(1);
      result2.level = cvss.score >= 7 ? "error" : cvss.score >= 4 ? "warning" : "note";
    }
  }
}
function settingsOf(target, own, given) {
  const sca = target.config.sca;
  const dir = given?.dir ?? (own.advisories_dir ?? sca?.advisories_dir ? resolve22(target.root, own.advisories_dir ?? sca.advisories_dir) : void 0);
  return { today: given?.today ?? (/* @__PURE__ */ new Date()).toISOString().slice(0, 10), ...given, dir, mirrorUrl: own.mirror_url ?? sca?.mirror_url ?? given?.mirrorUrl };
}
var pipewardenSca = {
  kind: "analyzer",
  id: ID2,
  title: "Pipewarden SCA (vulnerable dependencies of eight ecosystems, from OSV advisories)",
  category: "sca",
  stages: ["precommit", "commit"],
  format: "sarif",
  timeoutMs: 10 * 6e4,
  installHint: "built in",
  // With --staged or --diff-base it reads the changed manifests (and their folder's others): in precommit it runs only when one changed.
  fileList: true,
  sbom: "app",
  cost: 2,
  options: external_exports.strictObject({
    advisories_dir: external_exports.string().min(1).optional().describe("A folder of OSV advisories (JSON or YAML records, or all.zip exports), relative to the scanned directory."),
    mirror_url: external_exports.url().optional().describe("A mirror of OSV's exports (<url>/<Ecosystem>/all.zip), e.g. an internal artifact store.")
  }),
  detect: async () => ({ available: true, version: VERSION2 }),
  select: (files) => files.filter((file) => manifestKind(file) !== void 0),
  async analyze(target, context) {
    const { analyzeInventory, cyclonedxOf, ecosystemsOf, openAdvisories, readInventory } = await import("./dist-GBAVN7AM.js");
    const { manifests, unread } = await readManifests(target.root, target.files);
    const inventory = readInventory(manifests);
    inventory.problems.push(...unread);
    const shown = inventory.manifests.slice(0, 8).map((m) => `${m.file} (${m.packages})`);
    if (shown.length) context.log("info", `${ID2}: checked ${shown.join(", ")}${inventory.manifests.length > 8 ? ` and ${inventory.manifests.length - 8} more` : ""}`);
    for (const note of inventory.notes.slice(0, MAX_SHOWN_NOTES)) context.log("info", `${ID2}: ${note.file}: ${note.message}`);
    if (inventory.notes.length > MAX_SHOWN_NOTES) context.log("info", `${ID2}: and ${inventory.notes.length - MAX_SHOWN_NOTES} more notes in results.sarif`);
    const ecosystems = ecosystemsOf(inventory);
    const { database, warnings } = ecosystems.length ? await loadAdvisories(settingsOf(target, target.options, context.advisories), ecosystems) : { database: openAdvisories([], { sources: [] }), warnings: [] };
    for (const warning of warnings) context.log("warn", `${ID2}: ${warning}`);
    const log2 = analyzeInventory(inventory, database);
    await scoreResults(log2);
    const sbom = join4(dirname5(target.outputFile), `${ID2}.cdx.json`);
    await writeFileAtomic(sbom, JSON.stringify(cyclonedxOf(inventory), null, 2));
    const run2 = log2.runs[0];
    run2.properties = { ...run2.properties, [PROP.sbomComponents]: new Set(inventory.packages.filter((p) => p.version).map((p) => p.purl)).size };
    return log2;
  }
};
function createRegistry(list22) {
  const byId = /* @__PURE__ */ new Map();
  for (const scanner of list22) {
    if (byId.has(scanner.id)) throw new ConfigError(`two scanners have the id "${scanner.id}"`);
    byId.set(scanner.id, scanner);
  }
  const scanners2 = [...byId.values()];
  return {
    all: scanners2,
    get: (id) => byId.get(id),
    forStage: (stage) => scanners2.filter((scanner) => scanner.stages.includes(stage)),
    with: (...more) => createRegistry([...scanners2, ...more])
  };
}
var defaultRegistry = createRegistry(Object.values(scanners_exports));
var scanners = defaultRegistry.all;
function getScanner(id) {
  return defaultRegistry.get(id);
}
function componentOf(finding) {
  const props = finding.result.properties ?? {};
  const pkg = prop(props, PROP.package);
  if (pkg?.name) return `${pkg.name}${pkg.version ? `@${pkg.version}` : ""}`;
  const dast = prop(props, PROP.dast);
  if (dast?.url) return `${(dast.method ?? "GET").toUpperCase()} ${routeTemplate(dast.url)}`;
  const image = prop(props, PROP.image);
  if (image?.reference) return image.reference;
  return finding.location?.uri ?? "(no location)";
}
function whereToFix(group) {
  const file = group.top.location?.uri;
  return file && file !== group.component ? `${group.component} (${file})` : group.component;
}
var grouped = /* @__PURE__ */ new WeakMap();
function groupFindings(findings) {
  const known = Object.isFrozen(findings) ? grouped.get(findings) : void 0;
  if (known) return [...known];
  const groups = /* @__PURE__ */ new Map();
  for (const finding of sortByRisk(findings)) {
    if (finding.suppressed) continue;
    const component = componentOf(finding);
    const key = `${finding.ruleId}\0${component}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { ruleId: finding.ruleId, component, tool: finding.tool, count: 1, top: finding, message: finding.message });
  }
  const list22 = [...groups.values()];
  if (Object.isFrozen(findings)) grouped.set(findings, list22);
  return [...list22];
}
function fixedOf(log2) {
  return log2.runs.flatMap((run2) => (run2.results ?? []).filter((r) => r.baselineState === "absent").map((r) => toFinding(run2, r)));
}
function safeHttpUrl(url) {
  if (!url || !/^https?:\/\/[^\s<>()]+$/i.test(url)) return void 0;
  return url.replace(/\/+$/, "");
}
function decodeURIComponentSafe(text22) {
  try {
    return decodeURIComponent(text22);
  } catch {
    return text22;
  }
}
function locationUrl(finding, links) {
  const base = safeHttpUrl(links?.blob);
  const location2 = finding.location;
  if (!base || !location2 || /^[a-z][a-z0-9+.-]*:/i.test(location2.uri) || location2.uri.startsWith("/")) return void 0;
  const path2 = location2.uri.split("/").map((segment2) => encodeURIComponent(decodeURIComponentSafe(segment2)).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
  return `${base}/${path2}${location2.startLine ? `#L${location2.startLine}` : ""}`;
}
function flowOf(finding) {
  const steps = finding.result.codeFlows?.[0]?.threadFlows?.[0]?.locations ?? [];
  return steps.map((step) => ({
    text: step.location?.message?.text ?? "",
    uri: step.location?.physicalLocation?.artifactLocation?.uri,
    line: step.location?.physicalLocation?.region?.startLine
  }));
}
var MAX_PLACES = 50;
function plainTitle(text22) {
  const flat = text22.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}\u2026` : flat;
}
function httpUrl(url) {
  return url && /^https?:\/\/[^\s<>()]+$/i.test(url) ? url : void 0;
}
var paragraph = (...content) => ({ kind: "paragraph", content });
var plain2 = (text22) => ({ plain: text22 });
function headline(top) {
  const parts = [{ strong: top.priority ?? "" }, plain2(` \xB7 risk ${top.risk ?? "?"} \xB7 ${top.severity}`)];
  if (top.kev) parts.push(plain2(" \xB7 "), { strong: "in CISA KEV" });
  parts.push(plain2(" \xB7 "), { text: top.tool, max: 60 }, plain2(" \xB7 "), { code: top.ruleId });
  top.cwes.forEach((cwe, index) => parts.push(plain2(index === 0 ? " \xB7 " : ", "), { text: cwe, max: 20 }));
  return paragraph(...parts);
}
function what(top) {
  const name2 = top.rule?.shortDescription?.text && top.rule.shortDescription.text !== top.ruleId ? top.rule.shortDescription.text : top.ruleId;
  const block2 = top.category === "secrets" ? paragraph(plain2("A secret ("), { text: name2, max: 200 }, plain2(") is committed in "), { code: componentOf(top) }, plain2(". Its value is withheld; rotate it, then remove it from the code and history.")) : paragraph({ text: top.message, max: 1500 });
  return { heading: "What", blocks: [block2] };
}
function whyThisRisk(top) {
  const factors = (top.result.properties?.[PROP.factors] ?? []).filter((f) => f.detail);
  if (!factors.length) return void 0;
  const items2 = factors.map((factor) => [{ text: factor.detail, max: 300 }, ...factor.points ? [plain2(` (${factor.points > 0 ? "+" : ""}${factor.points})`)] : []]);
  return { heading: "Why this risk", blocks: [{ kind: "list", items: items2 }] };
}
function theRequest(top) {
  const props = top.result.properties ?? {};
  const dast = prop(props, PROP.dast);
  if (!dast?.url) return void 0;
  const blocks = [{ kind: "code", language: "http", text: (dast.request ?? `${(dast.method ?? "GET").toUpperCase()} ${dast.url}`).replace(/[\r\u2028\u2029]/g, "").slice(0, 2e3) }];
  if (dast.parameter) blocks.push(paragraph(plain2("Parameter: "), { code: dast.parameter }));
  if (dast.evidence) blocks.push(paragraph(plain2("Evidence: "), { text: dast.evidence, max: 500 }));
  const others = prop(props, PROP.requests) ?? [];
  if (others.length) blocks.push(paragraph(plain2(`Also shown by ${others.length} other request${others.length === 1 ? "" : "s"} to the same route.`)));
  for (const block2 of blocks.slice(0, -1)) if (block2.kind === "paragraph" || block2.kind === "code") block2.tight = true;
  return { heading: "The request that shows it", blocks };
}
function theFlow(top) {
  const steps = flowOf(top);
  if (steps.length < 2) return void 0;
  const items2 = steps.slice(0, 20).map((step) => [...step.uri ? [{ code: `${decodeUri(step.uri)}${step.line ? `:${step.line}` : ""}` }, plain2(": ")] : [], { text: step.text, max: 200 }]);
  return { heading: "How the data gets there", blocks: [{ kind: "list", items: items2 }] };
}
function where(members2, links) {
  const items2 = members2.slice(0, MAX_PLACES).map((f) => [{ code: whereOf(f), href: locationUrl(f, links) }]);
  if (members2.length > MAX_PLACES) items2.push([plain2(`\u2026 and ${members2.length - MAX_PLACES} more (see the run's report)`)]);
  return { heading: `Where (${members2.length} place${members2.length === 1 ? "" : "s"})`, blocks: [{ kind: "list", items: items2 }] };
}
function howToFix(top) {
  const pkg = prop(top.result.properties, PROP.package);
  const help = top.rule?.help?.text ?? top.rule?.fullDescription?.text;
  const helpUri = httpUrl(top.rule?.helpUri);
  if (!pkg?.fixedVersions?.length && !help && !helpUri) return void 0;
  const blocks = [];
  if (pkg?.name && pkg.fixedVersions?.length) {
    const upgrade = [plain2("Upgrade "), { code: pkg.name }, ...pkg.version ? [plain2(" from "), { code: pkg.version }] : []];
    upgrade.push(plain2(" to "));
    pkg.fixedVersions.slice(0, 5).forEach((v, index) => upgrade.push(...index ? [plain2(" or ")] : [], { code: v }));
    blocks.push(paragraph(...upgrade, plain2(".")));
  }
  if (help && top.category !== "secrets") blocks.push(paragraph({ text: help, max: 2e3 }));
  if (helpUri) blocks.push(paragraph(plain2("More: "), { url: helpUri }));
  return { heading: "How to fix", blocks };
}
function ticketSections(members2, at) {
  const top = members2[0];
  const lead = [headline(top)];
  if (at.due) lead.push(paragraph(plain2("Fix by "), { strong: at.due }, plain2(`${at.sla ? ` (${at.sla} days for ${top.priority})` : ""}; first seen ${at.since}.`)));
  const sections = [{ blocks: lead }, what(top), whyThisRisk(top), theRequest(top), theFlow(top), where(members2, at.links), howToFix(top)];
  sections.push({ blocks: [{ kind: "note", content: [plain2("Opened by Pipewarden. Every run of the default branch updates this section; it closes the ticket when the finding is gone and reopens it if it comes back. Close it as won't fix or not planned to accept the risk for a while (the gate then passes it); reopen it to keep it open.")] }] });
  return sections.filter((s) => s !== void 0);
}
function compareTicketIds(a, b) {
  return a.localeCompare(b, "en", { numeric: true });
}
function ticketKey(finding) {
  return createHash3("sha256").update(`${finding.ruleId}\0${componentOf(finding)}`).digest("hex").slice(0, 20);
}
var DEFAULT_ACCEPTED_AS = ["not_planned", "won't fix", "won't do", "wontfix", "duplicate", "risk accepted", "risk-accepted", "accepted risk", "false positive", "false-positive", "declined"];
var DEFAULT_ACCEPTED_FOR_DAYS = 90;
var norm = (text22) => text22.trim().toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, " ");
function addDays(day, days2) {
  const date = /* @__PURE__ */ new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days2);
  return date.toISOString().slice(0, 10);
}
function acceptanceOf(ticket, options2) {
  if (ticket.state !== "closed" || ticket.marker.fixed) return void 0;
  const accepted = new Set((options2.acceptedAs ?? DEFAULT_ACCEPTED_AS).map(norm));
  const as = [ticket.closure?.reason, ...ticket.labels].find((value) => Boolean(value) && accepted.has(norm(value)));
  if (!as) return void 0;
  const since = /^\d{4}-\d{2}-\d{2}/.test(ticket.closure?.at ?? "") ? ticket.closure.at.slice(0, 10) : options2.today;
  const until = addDays(since, options2.acceptedForDays ?? DEFAULT_ACCEPTED_FOR_DAYS);
  return { key: ticket.marker.key, ticket: ticket.id, url: ticket.url ?? `#${ticket.id}`, as, owner: ticket.closure?.by ?? "unknown", since, until, expired: until <= options2.today };
}
function ticketAcceptances(tickets, options2) {
  const byKey = /* @__PURE__ */ new Map();
  for (const ticket of tickets) {
    const acceptance = acceptanceOf(ticket, options2);
    if (acceptance && (byKey.get(acceptance.key)?.since ?? "") <= acceptance.since) byKey.set(acceptance.key, acceptance);
  }
  return [...byKey.values()];
}
function applyTicketAcceptances(log2, acceptances) {
  const live = new Map(acceptances.filter((a) => !a.expired).map((a) => [a.key, a]));
  if (!live.size) return 0;
  let waived = 0;
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent" || result2.suppressions?.length) continue;
      const acceptance = live.get(ticketKey(toFinding(run2, result2)));
      if (!acceptance) continue;
      result2.suppressions = [{ kind: "external", status: "accepted", justification: `accepted on ${acceptance.url}: closed as ${acceptance.as} by ${acceptance.owner} on ${acceptance.since}, until ${acceptance.until}` }];
      result2.properties = { ...result2.properties, [PROP.ticketAcceptance]: { url: acceptance.url, ticket: acceptance.ticket, as: acceptance.as, owner: acceptance.owner, since: acceptance.since, until: acceptance.until } };
      waived++;
    }
  }
  return waived;
}
function completedTools(log2) {
  const complete = /* @__PURE__ */ new Set();
  for (const run2 of log2.runs) {
    if ((run2.invocations ?? []).some((i) => i.executionSuccessful === false)) continue;
    complete.add(String(run2.properties?.[PROP.scanner] ?? run2.tool.driver.name));
  }
  return complete;
}
function addDays2(day, days2) {
  const date = /* @__PURE__ */ new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days2);
  return date.toISOString().slice(0, 10);
}
function ownLabel(label2, extra) {
  return /^pipewarden(\b|-)|^(priority|severity|scanner|category):/i.test(label2) || extra.includes(label2);
}
function draftOf(members2, previous, options2) {
  const top = members2[0];
  const key = ticketKey(top);
  const sla = prop(top.result.properties, PROP.slaDays);
  const since = previous?.marker.since ?? options2.today;
  const due = previous?.marker.due ?? (sla ? addDays2(since, sla) : void 0);
  const ours = plainTitle(`[${top.priority ?? "P?"}] ${top.ruleId} in ${componentOf(top)}`);
  const edited = previous?.marker.title !== void 0 && previous.title !== previous.marker.title;
  const title = edited ? previous.title : ours;
  const fingerprints = members2.map((f) => f.fingerprint).filter((f) => Boolean(f));
  const marker = { key, scanner: top.scanner, fingerprints: fingerprints.slice(0, 200), ...due ? { due } : {}, since, title: edited ? previous.marker.title : ours };
  const extra = options2.labels ?? [];
  const own = ["pipewarden", `priority:${top.priority ?? "none"}`, `severity:${top.severity}`, `scanner:${top.scanner}`, `category:${top.category}`, ...extra];
  const labels = [.../* @__PURE__ */ new Set([...own, ...(previous?.labels ?? []).filter((l) => !ownLabel(l, extra))])];
  const sections = ticketSections(members2, { due, since, sla, links: options2.links });
  return { key, title, sections, marker, labels, ...due ? { dueDate: due } : {}, ...top.priority ? { priority: top.priority } : {}, confidential: options2.confidential ?? true };
}
function sameTicket(ticket, draft, render) {
  return ticket.title === draft.title && (ticket.section ?? ticket.body).trim() === render(draft).trim() && [...ticket.labels].sort().join("\n") === [...draft.labels].sort().join("\n");
}
function seenIn(options2) {
  const commit = options2.run?.commit ? ` in commit ${options2.run.commit.slice(0, 12)}` : "";
  const pipeline3 = options2.run?.pipeline ? ` (pipeline ${options2.run.pipeline})` : "";
  return `${commit}${pipeline3} on ${options2.today}`;
}
function places(list22) {
  return `${list22.length} place${list22.length === 1 ? "" : "s"}`;
}
function planGroup(plan, list22, ticket, options2, minRank, maxNew) {
  const draft = draftOf(list22, ticket, options2);
  if (ticket?.state === "open") {
    if (sameTicket(ticket, draft, options2.render)) plan.unchanged++;
    else plan.update.push({ ticket, draft });
  } else if (ticket) {
    const acceptance = acceptanceOf(ticket, { acceptedAs: options2.acceptedAs, acceptedForDays: options2.acceptedForDays, today: options2.today });
    if (acceptance && !acceptance.expired) plan.accepted.push(acceptance);
    else if (acceptance) {
      const why = `The risk acceptance (closed as "${acceptance.as}" by ${acceptance.owner} on ${acceptance.since}) ended on ${acceptance.until}, and the finding is still there${seenIn(options2)} (${places(list22)}): reopened by Pipewarden. Close it again as accepted to renew the acceptance.`;
      plan.reopen.push({ ticket, draft, comment: why });
    } else plan.reopen.push({ ticket, draft, comment: `Found again${seenIn(options2)} (${places(list22)}): reopened by Pipewarden.` });
  } else if (PRIORITIES.indexOf(list22[0].priority ?? "P4") <= minRank) {
    (plan.create.length < maxNew ? plan.create : plan.deferred).push(draft);
  }
}
function planGone(plan, ticket, options2) {
  if (ticket.marker.fixed) {
    if (ticket.marker.reopenNoted) return;
    const comment22 = `Reopened by a person while Pipewarden still finds nothing here (not found${seenIn(options2)}; fixed since ${ticket.marker.fixed}): Pipewarden leaves it open and will not close it again. Close it when you are done.`;
    plan.comment.push({ ticket, comment: comment22, marker: { ...ticket.marker, reopenNoted: options2.today } });
    return;
  }
  const comment2 = `Fixed: no longer found on the default branch${seenIn(options2)}. Closed by Pipewarden; it reopens this ticket if the finding comes back.`;
  const { reopenNoted: _noted, ...marker } = ticket.marker;
  plan.close.push({ ticket, comment: comment2, marker: { ...marker, fixed: options2.today } });
}
function planTickets(findings, existing, options2) {
  const minRank = PRIORITIES.indexOf(options2.minPriority ?? "P2");
  const maxNew = options2.maxNew ?? 10;
  const byKey = /* @__PURE__ */ new Map();
  for (const ticket of [...existing].sort((a, b) => compareTicketIds(a.id, b.id))) if (!byKey.has(ticket.marker.key)) byKey.set(ticket.marker.key, ticket);
  const members2 = /* @__PURE__ */ new Map();
  for (const group of groupFindings(findings)) members2.set(ticketKey(group.top), []);
  for (const finding of findings) if (!finding.suppressed) members2.get(ticketKey(finding))?.push(finding);
  const plan = { create: [], update: [], reopen: [], close: [], comment: [], accepted: [], unchanged: 0, deferred: [] };
  for (const [key, list22] of members2) planGroup(plan, list22, byKey.get(key), options2, minRank, maxNew);
  if (options2.closeMissing) {
    for (const ticket of byKey.values()) {
      if (ticket.state !== "open" || members2.has(ticket.marker.key)) continue;
      if (!options2.completeScanners.has(ticket.marker.scanner)) continue;
      planGone(plan, ticket, options2);
    }
  }
  return plan;
}
function describeTrackerError(error) {
  const status2 = statusOf(error);
  return `${status2 ? `HTTP ${status2}: ` : ""}${(error.message ?? String(error)).split("\n")[0]}`;
}
function statusOf(error) {
  const e3 = error;
  const status2 = e3?.status ?? e3?.response?.status ?? e3?.cause?.response?.status;
  return typeof status2 === "number" ? status2 : void 0;
}
async function syncTickets(plan, tracker) {
  const result2 = { created: 0, updated: 0, reopened: 0, closed: 0, commented: 0, accepted: plan.accepted.length, unchanged: plan.unchanged, deferred: plan.deferred.length, failures: [], forbidden: false };
  const steps = [
    ...plan.reopen.map(({ ticket, draft, comment: comment2 }) => ["reopened", `reopen #${ticket.id}`, () => tracker.reopen(ticket, draft, comment2)]),
    ...plan.update.map(({ ticket, draft }) => ["updated", `update #${ticket.id}`, () => tracker.update(ticket, draft)]),
    ...plan.create.map((draft) => ["created", `create "${draft.title}"`, () => tracker.create(draft)]),
    ...plan.close.map(({ ticket, comment: comment2, marker }) => ["closed", `close #${ticket.id}`, () => tracker.close(ticket, comment2, marker)]),
    ...plan.comment.map(({ ticket, comment: comment2, marker }) => ["commented", `comment on #${ticket.id}`, () => tracker.comment(ticket, comment2, marker)])
  ].map(([counter, what2, run2]) => [counter, what2, run2]);
  for (const [counter, what2, run2] of steps) {
    try {
      await run2();
      result2[counter]++;
    } catch (error) {
      const status2 = statusOf(error);
      result2.failures.push({ what: what2, error });
      if (status2 === 401 || status2 === 403) {
        result2.forbidden = true;
        break;
      }
    }
  }
  return result2;
}
function describe2(platform, error) {
  return (platform.describeError ?? describeTrackerError)(error);
}
function syncLine(sync, cap) {
  const parts = [`${sync.created} opened`, `${sync.updated} updated`, `${sync.reopened} reopened`, `${sync.closed} closed`, `${sync.unchanged} unchanged`];
  if (sync.accepted) parts.push(`${sync.accepted} left closed as accepted`);
  if (sync.commented) parts.push(`${sync.commented} commented`);
  if (sync.deferred) parts.push(`${sync.deferred} waiting (over the cap of ${cap ?? 10} new per run)`);
  return `issues: ${parts.join(", ")}`;
}
async function publishTickets(platform, input, report) {
  const tracker = platform.tracker;
  if (!platform.build.onDefaultBranch) {
    report.posted.push("issues: none kept from a pull or merge request run (tickets follow the default branch)");
    return;
  }
  let existing = input.existingTickets;
  try {
    existing ??= await tracker.list();
  } catch (error) {
    report.warnings.push(`could not read the issues of ${tracker.where}, so none were posted: ${describe2(platform, error)}`);
    return;
  }
  const tickets = input.config.tickets;
  const cap = tickets?.max_new ?? input.maxNewTickets;
  const plan = planTickets(input.findings, existing, {
    minPriority: tickets?.min_priority,
    maxNew: cap,
    labels: tickets?.labels,
    confidential: tickets?.confidential ?? true,
    closeMissing: !input.diffScoped && input.stage !== "precommit",
    completeScanners: completedTools(input.log),
    today: input.today,
    links: platform.build.links,
    render: (draft) => tracker.render(draft),
    acceptedAs: tickets?.accepted_as,
    acceptedForDays: tickets?.accepted_for_days,
    run: { commit: platform.build.provenance?.commit, pipeline: platform.build.provenance?.pipeline }
  });
  await tracker.check?.(plan);
  const sync = await syncTickets(plan, tracker);
  report.posted.push(syncLine(sync, cap));
  for (const { what: what2, error } of sync.failures) report.notPosted.push(`issues: ${what2}: ${describe2(platform, error)}`);
}
async function currentLabels(platform, warn) {
  if (platform?.review) {
    try {
      return await platform.review.labels();
    } catch (error) {
      warn(`could not read the labels of the PR/MR, using the event's: ${describe2(platform, error)}`);
    }
  }
  return platform?.build.labels ? [...platform.build.labels] : void 0;
}
async function publishReview(platform, review, report) {
  const port = platform.review;
  try {
    if (!review.labels?.includes(review.label)) report.posted.push(await port.addLabel(review.label));
  } catch (error) {
    report.notPosted.push(`the "${review.label}" label: ${describe2(platform, error)}`);
  }
  const reviewers = review.reviewers;
  if (review.approved || !reviewers || !reviewers.users.length && !reviewers.teams.length) return;
  try {
    report.posted.push(await port.requestReviewers(reviewers, "Pipewarden security review"));
  } catch (error) {
    report.warnings.push(`could not ask for security reviewers: ${describe2(platform, error)}`);
  }
}
async function readTicketState(platform, config, today) {
  const tracker = platform.tracker;
  if (!tracker) return { acceptances: [] };
  try {
    const tickets = await tracker.list();
    return { tickets, acceptances: ticketAcceptances(tickets, { acceptedAs: config.tickets?.accepted_as, acceptedForDays: config.tickets?.accepted_for_days, today }) };
  } catch (error) {
    return { acceptances: [], warning: `could not read the issues of ${tracker.where}, so none were posted and no ticket closed as accepted (won't fix, not planned) was honoured at the gate: ${describe2(platform, error)}` };
  }
}
async function publish(platform, input) {
  const report = { posted: [], notPosted: [], warnings: [] };
  if (input.comment && platform.comment) {
    try {
      report.posted.push(await platform.comment.upsert(input.summary, input.stage));
    } catch (error) {
      report.notPosted.push(`${platform.comment.what}: ${describe2(platform, error)}`);
    }
  }
  if (input.review?.reasons.length && platform.review) await publishReview(platform, input.review, report);
  if (input.upload && platform.upload) {
    try {
      const uploaded = await platform.upload.upload(input.outputs.github);
      report.posted.push(...uploaded.posted);
      report.notPosted.push(...uploaded.notPosted);
    } catch (error) {
      report.notPosted.push(`the SARIF upload to code scanning: ${describe2(platform, error)}`);
    }
  }
  if (input.tickets && platform.tracker) await publishTickets(platform, input, report);
  return report;
}
var MARKER2 = /<!--\s*pipewarden:ticket\s+(\{[^<>]*\})\s*-->/;
function writeMarker(marker) {
  const json2 = JSON.stringify(marker).replace(/[<>]/g, (c) => c === "<" ? "\\u003c" : "\\u003e");
  return `<!-- pipewarden:ticket ${json2} -->`;
}
function readMarker(body) {
  const match = MARKER2.exec(body ?? "");
  if (!match) return void 0;
  try {
    const data = JSON.parse(match[1]);
    if (typeof data.key !== "string" || !Array.isArray(data.fingerprints)) return void 0;
    return {
      key: data.key,
      scanner: typeof data.scanner === "string" ? data.scanner : "",
      fingerprints: data.fingerprints.filter((f) => typeof f === "string"),
      ...typeof data.due === "string" ? { due: data.due } : {},
      ...typeof data.since === "string" ? { since: data.since } : {},
      ...typeof data.fixed === "string" ? { fixed: data.fixed } : {},
      ...typeof data.reopenNoted === "string" ? { reopenNoted: data.reopenNoted } : {},
      ...typeof data.title === "string" ? { title: data.title } : {}
    };
  } catch {
    return void 0;
  }
}
function ticketFrom(issue) {
  const marker = readMarker(issue.body);
  if (!marker) return void 0;
  const body = issue.body ?? "";
  return {
    id: String(issue.id),
    state: issue.closed ? "closed" : "open",
    title: issue.title,
    body,
    ...issue.section ? { section: issue.section(body) } : {},
    labels: (issue.labels ?? []).map((l) => typeof l === "string" ? l : l.name ?? "").filter(Boolean),
    marker,
    ...issue.url ? { url: issue.url } : {},
    ...issue.closed && issue.closure ? { closure: issue.closure } : {}
  };
}
function escapeMarkdown(text22, maxLength = 300) {
  let flat = stripControls(text22).replace(/[\r\n\u2028\u2029]+/g, " ").trim();
  if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}\u2026`;
  if (!LIVE_WORD.test(flat)) return escapeWord(flat);
  return flat.split(/(\s+)/).map((word) => LIVE_WORD.test(word) ? markdownCode(word) : escapeWord(word)).join("");
}
var LIVE_WORD = /@\w|\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i;
var MARKDOWN_SPECIAL = /[&<>\\`*_{}[\]()#+!|~]/g;
var ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
function escapeWord(word) {
  MARKDOWN_SPECIAL.lastIndex = 0;
  if (!MARKDOWN_SPECIAL.test(word)) return word;
  return word.replace(MARKDOWN_SPECIAL, (c) => ENTITY[c] ?? `\\${c}`);
}
function markdownCode(text22, maxLength = 500) {
  let flat = stripControls(text22).replace(/[\r\n\u2028\u2029]+/g, " ");
  if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}\u2026`;
  flat = flat.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${longest ? " " : ""}${flat}${longest ? " " : ""}${fence}`;
}
var HTML_SPECIAL = /[&<>"']/g;
var HTML_ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text22) {
  const clean = stripControls(text22);
  HTML_SPECIAL.lastIndex = 0;
  return HTML_SPECIAL.test(clean) ? clean.replace(HTML_SPECIAL, (c) => HTML_ENTITY[c]) : clean;
}
function inline(part) {
  if ("text" in part) return escapeMarkdown(part.text, part.max);
  if ("plain" in part) return part.plain;
  if ("strong" in part) return `**${part.strong}**`;
  if ("url" in part) return `<${part.url}>`;
  return part.href ? `[${markdownCode(part.code)}](${part.href})` : markdownCode(part.code);
}
var line = (parts) => parts.map(inline).join("");
function codeBlock(language, text22) {
  const fence = "`".repeat(Math.max(3, ...[...text22.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${language}
${text22}
${fence}`;
}
function block(b) {
  switch (b.kind) {
    case "paragraph":
      return [line(b.content)];
    case "list":
      return b.items.map((item) => `- ${line(item)}`);
    case "code":
      return [codeBlock(b.language, b.text)];
    case "note":
      return [`<sub>${line(b.content)}</sub>`];
  }
}
function renderTicketMarkdown(draft) {
  const lines = [];
  for (const section of draft.sections) {
    if (section.heading) lines.push(`### ${section.heading}`, "");
    for (const b of section.blocks) {
      lines.push(...block(b));
      if (!("tight" in b && b.tight) && b.kind !== "note") lines.push("");
    }
  }
  lines.push(writeMarker(draft.marker));
  return lines.join("\n");
}
var BEGIN = "<!-- pipewarden:begin -->";
var END = "<!-- pipewarden:end -->";
function renderTicketSection(draft) {
  return `${BEGIN}
${renderTicketMarkdown(draft)}
${END}`;
}
function sectionBounds(body) {
  const start = body.indexOf(BEGIN);
  const end = start < 0 ? -1 : body.indexOf(END, start);
  return end < 0 ? void 0 : { start, end: end + END.length };
}
function ticketSectionOf(body) {
  const bounds = sectionBounds(body);
  return bounds ? body.slice(bounds.start, bounds.end) : body;
}
function spliceTicketSection(body, section) {
  const bounds = sectionBounds(body);
  return bounds ? `${body.slice(0, bounds.start)}${section}${body.slice(bounds.end)}` : section;
}
function withTicketMarker(body, marker) {
  const replaced = body.replace(/<!--\s*pipewarden:ticket\s+\{[^<>]*\}\s*-->/, () => writeMarker(marker));
  return replaced === body && !body.includes("pipewarden:ticket") ? `${body}
${writeMarker(marker)}` : replaced;
}
var MAX_CAPTURE_BYTES = 256 * 1024 * 1024;
var running = /* @__PURE__ */ new Set();
function nodeExec(request) {
  const started = performance.now();
  return new Promise((resolve13) => {
    const group = process.platform !== "win32";
    const child = spawn(request.command, [...request.args], {
      cwd: request.cwd,
      env: request.env,
      stdio: [request.input === void 0 ? "ignore" : "pipe", "pipe", "pipe"],
      windowsHide: true,
      detached: group
    });
    const kill = (signal) => {
      try {
        if (group && child.pid) process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
      }
    };
    let ended;
    const entry = { stop: kill, done: new Promise((resolve14) => ended = resolve14) };
    running.add(entry);
    const stdout = [];
    const stderr = [];
    let captured = 0;
    let timedOut = false;
    const keep = (sink) => (chunk) => {
      if (captured >= MAX_CAPTURE_BYTES) return;
      captured += chunk.length;
      sink.push(chunk);
    };
    if (request.input !== void 0 && child.stdin) {
      child.stdin.on("error", () => void 0);
      child.stdin.end(request.input);
    }
    child.stdout.on("data", keep(stdout));
    child.stderr.on("data", keep(stderr));
    const onAbort = () => {
      kill("SIGTERM");
      setTimeout(() => kill("SIGKILL"), 2e3).unref();
    };
    if (request.signal?.aborted) onAbort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    const timer = request.timeoutMs ? setTimeout(() => {
      timedOut = true;
      kill("SIGTERM");
      setTimeout(() => kill("SIGKILL"), 2e3).unref();
    }, request.timeoutMs) : void 0;
    const finish = (exitCode, notFound, extraError = "") => {
      running.delete(entry);
      ended();
      if (timer) clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      resolve13({
        exitCode,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8") + extraError,
        timedOut,
        notFound,
        durationMs: performance.now() - started
      });
    };
    child.once("error", (error) => finish(null, error.code === "ENOENT", error.message));
    child.once("close", (code) => {
      if (group) kill("SIGKILL");
      finish(code, false);
    });
  });
}
var SKIP_DIRS = /* @__PURE__ */ new Set([".git", ".hg", ".svn", "node_modules", "bower_components", ".pipewarden", ".turbo", ".venv", "venv", "__pycache__", ".tox", ".next", ".cache", ".npm", ".pnpm-store", ".pipewarden-cache"]);
function toPosix(path2) {
  return sep3 === "/" ? path2 : path2.split(sep3).join("/");
}
async function linkTarget(reader, path2) {
  const where4 = await reader.locate(path2);
  if ("refused" in where4) return where4.refused === "outside" ? "outside" : "dangling";
  const info = await stat4(where4.real).catch(() => void 0);
  if (info?.isFile()) return "file";
  return info?.isDirectory() ? "folder" : "special";
}
async function inWorkTree(root, files, onSkipped) {
  const reader = rootReader(root);
  const present = await Promise.all(
    files.map(async (file) => {
      const info = await lstat(join5(root, file)).catch(() => void 0);
      if (!info) return false;
      if (info.isFile()) return true;
      if (!info.isSymbolicLink()) return false;
      const target = await linkTarget(reader, file);
      if (target === "outside" || target === "special") onSkipped?.(file, target);
      return target === "file";
    })
  );
  return files.filter((_, index) => present[index]);
}
async function listFiles(root, ports, env2, onSkipped) {
  const git = await ports.exec({ command: "git", args: ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], cwd: root, env: env2, timeoutMs: 6e4 });
  if (git.exitCode === 0) {
    const files = [...new Set(git.stdout.split("\0").filter(Boolean))];
    const kept = files.filter((file) => {
      if (!file.split("/").some((part) => SKIP_DIRS.has(part))) return true;
      onSkipped?.(file);
      return false;
    });
    return inWorkTree(root, kept.sort(), onSkipped);
  }
  const out = [];
  const reader = rootReader(root);
  async function walk2(dir) {
    const entries = await readdir32(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) await walk2(join5(dir, entry.name));
        else onSkipped?.(`${toPosix(relative22(root, join5(dir, entry.name)))}/`);
      } else if (entry.isFile()) {
        out.push(toPosix(relative22(root, join5(dir, entry.name))));
      } else if (entry.isSymbolicLink()) {
        const path2 = toPosix(relative22(root, join5(dir, entry.name)));
        const target = await linkTarget(reader, path2);
        if (target === "outside" || target === "special") onSkipped?.(path2, target);
      }
    }
  }
  await walk2(root);
  return out.sort();
}
async function listStagedFiles(root, ports, env2, onSkipped) {
  const git = await ports.exec({ command: "git", args: ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--relative", "--", "."], cwd: root, env: env2, timeoutMs: 6e4 });
  if (git.exitCode !== 0) return void 0;
  return inWorkTree(root, git.stdout.split("\0").filter(Boolean).sort(), onSkipped);
}
var envName = external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name is letters, digits and underscores");
var pattern = external_exports.string().min(1).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, "not a valid regular expression");
var urlOnTarget = external_exports.string().trim().min(1).refine((value) => value.startsWith("/") || /^https?:\/\//i.test(value), "a path starting with / or an http(s) URL");
var loggedIn = external_exports.strictObject({
  url: urlOnTarget.optional().describe("The page that shows whether the session is logged in (default: the page the login lands on, else the target URL)."),
  text: pattern.optional().describe('A regular expression the page matches only when logged in, e.g. "Log out".'),
  status: external_exports.number().int().min(100).max(599).optional().describe("The status that page answers with only when logged in, e.g. 200 (a logged-out request gets 302 or 401).")
}).refine((check) => check.text !== void 0 || check.status !== void 0, "logged_in needs text (a regular expression) or status");
var dastLoginSchema = external_exports.strictObject({
  url: urlOnTarget.describe("The page with the login form (its form is read for the action and any hidden fields, such as a CSRF token)."),
  username: external_exports.string().min(1).optional().describe("The user name (not a secret); or username_env."),
  username_env: envName.optional().describe("The environment variable holding the user name."),
  password_env: envName.describe("The environment variable holding the password (never the password itself)."),
  username_field: external_exports.string().min(1).default("username").describe("The name of the user-name field of the form."),
  password_field: external_exports.string().min(1).default("password").describe("The name of the password field of the form."),
  csrf_field: external_exports.string().min(1).optional().describe("A hidden field the form carries a token in; every hidden field is sent back anyway, this one must be there."),
  extra_fields: external_exports.record(external_exports.string().min(1), external_exports.string()).optional().describe("Other fields to send with the form (not secrets).")
});
var dastAuthSchema = external_exports.strictObject({
  login: dastLoginSchema.optional().describe("A login form Pipewarden fills in itself before the scan."),
  cookie: external_exports.strictObject({ name: external_exports.string().min(1), value_env: envName }).optional().describe("A session cookie taken from an environment variable."),
  header: external_exports.strictObject({ name: external_exports.string().regex(/^[A-Za-z0-9-]+$/, "a header name is letters, digits and dashes"), value_env: envName }).optional().describe("A header on every request, e.g. Authorization: Bearer \u2026 (the whole value from the environment variable)."),
  http: external_exports.strictObject({ type: external_exports.enum(["basic", "digest"]).default("basic"), username: external_exports.string().min(1), password_env: envName }).optional().describe("HTTP basic or digest authentication."),
  logged_in: loggedIn.optional().describe("How to tell the session is logged in; checked before the scan and again after it.")
}).refine((auth) => auth.login || auth.cookie || auth.header || auth.http, "dast.auth needs one of login, cookie, header, http").refine((auth) => !auth.login || auth.logged_in, { message: "a login form needs logged_in (text or status), so a failed login is not taken for a session", path: ["logged_in"] }).refine((auth) => !auth.login || Boolean(auth.login.username) !== Boolean(auth.login.username_env), { message: "give exactly one of username and username_env", path: ["login"] });
var dastSchema = external_exports.strictObject({
  allowed_hosts: external_exports.array(external_exports.string().min(1)).optional().describe("Hosts DAST may scan, by name; replaces the default (127.0.0.0/8, ::1 and localhost). A CI service alias must be listed."),
  max_scan_time: external_exports.number().int().min(10).max(24 * 3600).default(300).describe("Seconds the whole DAST run may take, crawl and attack; a scan cut by it is partial."),
  auth: dastAuthSchema.optional().describe("How the scan gets a session: a login form, a cookie, a header or HTTP authentication; secrets by environment variable name only."),
  profile: external_exports.enum(["quick", "full"]).optional().describe("quick: fast, error-based checks; full: adds blind SQL injection, stored XSS and the slower modules (default: full at acceptance)."),
  openapi: external_exports.string().trim().min(1).optional().describe('An OpenAPI 3 or Swagger 2 document (JSON or YAML): a path or URL on the target ("/openapi.json"), or a file under the scanned folder ("api/openapi.yaml"); its GET operations are attacked through their documented parameters.'),
  start_urls: external_exports.array(urlOnTarget).optional().describe("More pages to start the crawl from (paths or URLs on the target)."),
  exclude: external_exports.array(pattern).optional().describe("Regular expressions of URLs never requested, added to the built-in ones (logout, password change, reset, setup, delete, \u2026)."),
  scope: external_exports.enum(["page", "folder", "domain", "url"]).default("folder").describe("How far from the target URL the crawl may go."),
  depth: external_exports.number().int().min(1).max(100).optional().describe("How many links deep the crawl goes (Wapiti default 40)."),
  max_requests_per_second: external_exports.number().min(0.1).max(1e3).optional().describe("At most this many requests a second reach the target."),
  level: external_exports.union([external_exports.literal(1), external_exports.literal(2)]).default(1).describe("Attack level: 2 also tries every parameter combination (slower)."),
  skip_parameters: external_exports.array(external_exports.string().min(1)).optional().describe("Parameters never attacked (a CSRF token, a captcha)."),
  allow_unsafe_methods: external_exports.boolean().default(false).describe("Let the scan send POST, PUT, PATCH and DELETE requests; by default only the login may."),
  on_incomplete: external_exports.enum(["fail", "warn"]).default("fail").describe("A scan stopped by a login wall, a lost session or the time budget fails the gate (fail) or only warns.")
});
var CHANGE_KINDS = [
  "security-code",
  "ci-definition",
  "ci-trigger",
  "ci-permissions",
  "ci-secrets",
  "iac",
  "dockerfile",
  "codeowners",
  "new-dependency",
  "major-upgrade",
  "dependency-source",
  "new-registry"
];
var label = external_exports.string().trim().min(1, "a label must not be empty").max(50, "GitHub labels are at most 50 characters").refine((l) => !l.includes(","), "a label must not hold a comma (GitLab separates labels with commas)");
var glob = external_exports.string().trim().min(1, "a pattern must not be empty").refine((p) => !p.startsWith("/") && !p.split("/").includes(".."), 'a pattern is relative to the repository, without ".."');
var highRiskRuleSchema = external_exports.strictObject({
  name: external_exports.string().trim().min(1).max(80).optional().describe('What the reviewer sees, e.g. "payments code" (default: the paths or kinds).'),
  paths: external_exports.array(glob).min(1).optional().describe('Globs of repository paths, e.g. "src/payments/**".'),
  change: external_exports.union([external_exports.enum(CHANGE_KINDS), external_exports.array(external_exports.enum(CHANGE_KINDS)).min(1)]).optional().describe(`Kinds of change: ${CHANGE_KINDS.join(", ")} (default: any change to the paths).`),
  explanation: external_exports.string().trim().min(1).max(500).optional().describe("Why it needs a security reviewer, shown with each reason.")
}).refine((rule) => rule.paths || rule.change, { message: "a high_risk rule needs paths, change or both" });
var slug = external_exports.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*(\/[A-Za-z0-9][A-Za-z0-9_.-]*)?$/, "a user name or an org/team slug");
var highRiskObjectSchema = external_exports.strictObject({
  enabled: external_exports.boolean().default(true).describe("Look for high-risk changes when the run has a diff base (a PR/MR or --diff-base)."),
  defaults: external_exports.boolean().default(true).describe("Keep the built-in rules (security-sensitive code, CI/CD, IaC, Dockerfiles, CODEOWNERS, dependencies) besides yours."),
  rules: external_exports.array(highRiskRuleSchema).optional().describe("Your rules, added to the built-in ones."),
  label: label.default("security-review").describe("The label set on a high-risk PR/MR."),
  approval_label: label.default("security-approved").describe("The label a reviewer adds to approve; gate rule high_risk: require_label passes only with it."),
  reviewers: external_exports.strictObject({
    users: external_exports.array(slug).max(15).optional().describe("GitHub or GitLab user names to ask for a review."),
    teams: external_exports.array(slug).max(15).optional().describe("GitHub team slugs (org/team or team) to ask for a review."),
    approvals: external_exports.number().int().min(1).max(10).default(1).describe("GitLab: approvals the MR approval rule requires.")
  }).optional().describe("Who to ask for a review of a high-risk change (GitHub: review requests; GitLab: an MR approval rule).")
});
var reviewSchema = external_exports.strictObject({
  high_risk: external_exports.preprocess((value) => Array.isArray(value) ? { rules: value } : value, highRiskObjectSchema).optional().describe("Changes that need a security reviewer: rules, the label, reviewers.")
});
var envName2 = external_exports.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "an environment variable name such as JIRA_API_TOKEN");
var fieldValue = external_exports.lazy(() => external_exports.union([external_exports.string().max(1e3), external_exports.number(), external_exports.boolean(), external_exports.array(fieldValue).max(50), external_exports.record(external_exports.string(), fieldValue)]));
var jiraSchema = external_exports.strictObject({
  url: external_exports.string().trim().refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), "expected the http(s) base URL of Jira, such as https://acme.atlassian.net").refine((value) => !URL.canParse(value) || !new URL(value).username && !new URL(value).password, "must not hold credentials (name them in token_env and email_env)").describe("The base URL of Jira, e.g. https://acme.atlassian.net or https://jira.example.com."),
  project: external_exports.string().regex(/^[A-Z][A-Z0-9_]{0,49}$/, "a project key such as SEC").describe("The project key new tickets go to."),
  flavor: external_exports.enum(["cloud", "data-center"]).optional().describe("cloud (REST v3, email + API token, ADF bodies) or data-center (Jira Server / Data Center: REST v2, personal access token, wiki markup); default cloud for *.atlassian.net, else data-center."),
  issue_type: external_exports.string().trim().min(1).max(100).optional().describe("The issue type of new tickets (default Bug)."),
  priorities: external_exports.partialRecord(external_exports.enum(PRIORITIES), external_exports.string().trim().min(1).max(100)).optional().describe("Jira priority names for P0\u2013P4 (default Highest, High, Medium, Low, Lowest)."),
  components: external_exports.array(external_exports.string().trim().min(1).max(255)).max(20).optional().describe("Components set on new tickets."),
  assignee: external_exports.string().trim().min(1).max(200).optional().describe("Who new tickets are assigned to (Cloud: an account id; Data Center: a user name); default nobody. Never changed afterwards."),
  fields: external_exports.record(external_exports.string().regex(/^customfield_\d+$/, "a custom field id such as customfield_10042"), fieldValue).optional().describe('Custom fields by id, set on create and update; strings may use {severity}, {priority}, {risk}, {rule}, {scanner}, {category}, e.g. { customfield_10042: { value: "{severity}" } }.'),
  close_transition: external_exports.string().trim().min(1).max(100).optional().describe("The workflow transition that closes a fixed ticket (default the first of Done, Close Issue, Close, Resolve Issue, Resolve)."),
  reopen_transition: external_exports.string().trim().min(1).max(100).optional().describe("The workflow transition that reopens one (default the first of Reopen Issue, Reopen, To Do, Open, Backlog)."),
  token_env: envName2.optional().describe("The environment variable holding the API token (Cloud) or personal access token (Data Center); default JIRA_API_TOKEN."),
  email_env: envName2.optional().describe("Cloud: the environment variable holding the account e-mail the API token belongs to; default JIRA_EMAIL.")
});
var ticketsSchema = external_exports.strictObject({
  tracker: external_exports.enum(["github", "gitlab", "jira"]).optional().describe("Where tickets are kept when --tickets does not say (the Action and the GitLab component pass it on)."),
  min_priority: external_exports.enum(PRIORITIES).optional().describe("New tickets only for finding groups this urgent or more (default P2); existing tickets are always kept up to date."),
  max_new: external_exports.number().int().min(0).max(1e3).optional().describe("At most this many new tickets per run (default 10)."),
  labels: external_exports.array(external_exports.string().trim().min(1).max(50)).max(20).optional().describe("Extra labels on every ticket."),
  confidential: external_exports.boolean().optional().describe("GitLab: open tickets as confidential issues (default true)."),
  accepted_as: external_exports.array(external_exports.string().trim().min(1).max(100)).max(50).optional().describe("State reasons, Jira resolutions or labels (any case) that mean a person accepted the risk when closing a ticket; default not_planned, won't fix, won't do, wontfix, duplicate, risk accepted, risk-accepted, accepted risk, false positive, false-positive, declined."),
  accepted_for_days: external_exports.number().int().min(1).max(3650).optional().describe("How long a ticket closed as accepted waives its findings (default 90); then it is reopened with a comment."),
  jira: jiraSchema.optional()
});
function withJiraOptions(config, inputs) {
  if (!inputs.url && !inputs.project) return config;
  const merged = { ...config.tickets?.jira, ...inputs.url ? { url: inputs.url } : {}, ...inputs.project ? { project: inputs.project } : {} };
  const parsed = jiraSchema.safeParse(merged);
  if (!parsed.success) {
    const names = { url: "jira-url", project: "jira-project" };
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      return `${names[key] && inputs[key] ? names[key] : `tickets.jira.${key}`}: ${issue.message}`;
    });
    throw new ConfigError(problems.join("; "), { problems });
  }
  return { ...config, tickets: { ...config.tickets, jira: parsed.data } };
}
var scannerId = external_exports.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a scanner id is lower-case letters, digits and dashes");
var gateRuleSchema = external_exports.strictObject({
  kev: external_exports.literal(true, { error: "kev takes true (findings in the CISA KEV catalog)" }).optional().describe("Findings whose CVE is in the CISA KEV catalog."),
  severity: external_exports.enum(SEVERITIES).optional().describe("Findings of this severity or worse."),
  category: external_exports.enum(CATEGORIES).optional().describe("Findings of this category (secrets, sast, sca, \u2026)."),
  risk: external_exports.number().min(0).max(100).optional().describe("Findings with a risk score at or above this."),
  priority: external_exports.enum(PRIORITIES).optional().describe("Findings of this priority or more urgent."),
  scanner: external_exports.string().min(1).optional().describe("Findings of this scanner (id, or tool name for ingested reports)."),
  scope: external_exports.enum(["new", "all"]).optional().describe("Overrides gate.scope for this rule."),
  high_risk: external_exports.literal("require_label", { error: "high_risk takes require_label (the approval label must be on the PR/MR)" }).optional().describe("With a diff base: fail while the change is high-risk (review.high_risk) and the approval label is not on the PR/MR."),
  max: external_exports.number().int().min(0).default(0).describe("How many matching findings are tolerated.")
}).refine((rule) => [rule.kev, rule.severity, rule.category, rule.risk, rule.priority, rule.scanner, rule.high_risk].some((v) => v !== void 0), {
  message: "a gate rule needs at least one of kev, severity, category, risk, priority, scanner, high_risk"
}).refine((rule) => rule.high_risk === void 0 || [rule.kev, rule.severity, rule.category, rule.risk, rule.priority, rule.scanner, rule.scope].every((v) => v === void 0), {
  message: "high_risk is a rule of its own: put the finding conditions in another rule"
});
var stageConfigSchema = external_exports.strictObject({
  scanners: external_exports.array(scannerId).optional().describe("Scanners this stage runs (default: every installed scanner of the stage)."),
  gate: external_exports.enum(["default", "none"]).default("default").describe('"default" applies the gate; "none" reports without failing.'),
  rules: external_exports.array(gateRuleSchema).optional().describe("This stage's gate rules, instead of gate.rules.")
});
var gateSchema = external_exports.strictObject({
  on_scanner_error: external_exports.enum(["fail", "warn"]).default("fail").describe("A scanner that could not run: fail (exit 2) or warn and go on."),
  scope: external_exports.enum(["new", "all"]).default("new").describe("Gate on new findings only, or on all of them (without a baseline every finding is new)."),
  rules: external_exports.array(gateRuleSchema).optional().describe("Fail when any rule matches more than its max; default: any KEV finding, critical or high, or any secret.")
});
var dedupeSchema = external_exports.strictObject({
  sca: external_exports.boolean().default(true).describe("One finding for one vulnerability in one package, whichever tools report it."),
  sast: external_exports.boolean().default(true).describe("One finding for one CWE on one line, whichever SAST tools report it."),
  secrets: external_exports.boolean().default(true).describe("One finding for one secret on one line, whichever secret scanners report it.")
});
var ENVIRONMENTS = ["production", "staging", "development", "test"];
var EXPOSURES = ["internet-facing", "internal"];
var SENSITIVITIES = ["public", "internal", "confidential", "restricted"];
var globs = external_exports.array(external_exports.string().min(1, "a pattern must not be empty")).min(1, "name at least one pattern");
var contextEntrySchema = external_exports.strictObject({
  paths: globs.optional().describe('Globs of repository paths, e.g. "services/api/**".'),
  images: globs.optional().describe('Globs of image references, e.g. "registry.example.com/shop/*".'),
  urls: globs.optional().describe('Globs of URLs for DAST findings, e.g. "https://shop.example.com/**".'),
  environment: external_exports.enum(ENVIRONMENTS).optional(),
  exposure: external_exports.enum(EXPOSURES).optional(),
  data_sensitivity: external_exports.enum(SENSITIVITIES).optional(),
  owner: external_exports.string().min(1).optional()
}).refine((entry) => entry.paths || entry.images || entry.urls, { message: "a context entry needs paths, images or urls" });
function isIsoDay(d) {
  const time = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
}
var isoDate = external_exports.string().refine(isIsoDay, "expected a date as YYYY-MM-DD");
var waiverSchema = external_exports.strictObject({
  fingerprint: external_exports.string().min(1).optional().describe('A pipewarden/v1 fingerprint (with or without its ":N").'),
  rule: external_exports.string().min(1).optional().describe("A rule id or any id of the finding (CVE, GHSA, CWE)."),
  path: external_exports.string().min(1).optional().describe("A glob of repository paths."),
  package: external_exports.string().min(1).optional().describe("A package name, or name@version."),
  reason: external_exports.string().trim().min(1, "say why"),
  owner: external_exports.string().trim().min(1, "say who owns it"),
  expires: isoDate.describe("The last day the waiver applies (YYYY-MM-DD).")
}).refine((w) => w.fingerprint || w.rule || w.path || w.package, { message: "a waiver needs fingerprint, rule, path or package" });
var prioritiesSchema = external_exports.strictObject({
  sla_days: external_exports.partialRecord(external_exports.enum(PRIORITIES), external_exports.number().int().min(1)).optional().describe("Days to fix, per priority.")
});
var feedsSchema = external_exports.strictObject({
  kev_url: external_exports.url().optional(),
  epss_url: external_exports.url().optional(),
  cache_dir: external_exports.string().min(1).optional(),
  offline: external_exports.boolean().optional().describe("Never download; use the cache or --feeds-dir.")
});
var scannerOptionsSchema = external_exports.looseObject({
  timeout: external_exports.number().int().min(1).max(24 * 3600).optional().describe("Seconds before the scanner is stopped, with the processes it started.")
});
var SHA256 = /^sha256:[a-f0-9]{64}$/;
var imagesSchema = external_exports.strictObject({
  sanctioned: external_exports.array(
    external_exports.strictObject({
      name: external_exports.string().trim().min(1, "a name pattern must not be empty").describe('A name pattern: "node:20-*-slim", "registry.example.com/base/**" (no tag: any tag).'),
      digests: external_exports.array(external_exports.string().regex(SHA256, "a digest is sha256: and 64 hex digits")).min(1).optional().describe("Only these builds of it (manifest digests): anything else is drift.")
    })
  ).optional().describe("Base images that are allowed; without this list no image is judged unsanctioned."),
  max_base_age_days: external_exports.number().int().min(1).max(3650).optional().describe("A base image older than this (from its creation) is outdated even when its tag has not moved."),
  insecure_registries: external_exports.array(external_exports.string().regex(/^[a-z0-9.-]+(?::\d+)?$/i, "a registry is a host with an optional port")).optional().describe("Registries reached over plain HTTP (a registry on the build machine); loopback ones always are.")
});
var pathPatterns = external_exports.array(external_exports.string().trim().min(1, "a pattern must not be empty").refine((p) => !p.startsWith("!"), "negation is not supported: list what to bring back under include"));
var sastSchema = external_exports.strictObject({
  rules: external_exports.string().trim().min(1).optional().describe("A folder of your own rule files (YAML, docs/sast.md#rules), relative to the scanned directory."),
  disable: external_exports.array(external_exports.string().trim().min(1)).optional().describe('Built-in rule ids to turn off, e.g. "js-open-redirect".')
});
var scaSchema = external_exports.strictObject({
  advisories_dir: external_exports.string().trim().min(1).optional().describe("A folder of OSV advisories (JSON or YAML records, or OSV's all.zip exports), relative to the scanned directory: nothing is downloaded."),
  mirror_url: external_exports.url({ protocol: /^https?$/ }).optional().describe("A mirror of OSV's per-ecosystem exports (<url>/<Ecosystem>/all.zip), e.g. an internal artifact store; default https://osv-vulnerabilities.storage.googleapis.com.")
});
var httpUrl2 = external_exports.string().trim().refine((value) => /^https?:\/\/[^\s/]+/i.test(value) && URL.canParse(value), "expected an http(s) URL such as https://mirror.example.com/github").refine((value) => !URL.canParse(value) || !new URL(value).username && !new URL(value).password, "must not hold credentials (use a proxy, or a mirror the runner may read)");
var toolsSchema = external_exports.strictObject({
  mirror: httpUrl2.optional().describe("Base URL of a mirror of the tools' GitHub releases, for air-gapped runners: <mirror>/<owner>/<repo>/releases/download/<tag>/<asset> (env PIPEWARDEN_TOOLS_MIRROR wins)."),
  checksums: external_exports.string().trim().min(1).optional().describe('A checksums file ("<sha256>  <asset>" lines, as the projects publish them) whose entries replace the pinned checksums: for builds you verified and mirror yourself.')
});
var configSchema = external_exports.strictObject({
  sast: sastSchema.optional().describe("The built-in taint analysis (pipewarden-sast): your rules, and rules turned off."),
  sca: scaSchema.optional().describe("The built-in dependency check (pipewarden-sca): where its OSV advisories come from."),
  exclude: pathPatterns.optional().describe('Paths never scanned nor reported, as in .gitignore: "legacy/**", "*.snap", "docs" (a name matches at any depth).'),
  include: pathPatterns.optional().describe("Paths the built-in exclusions (dependency folders, vendored, minified, generated and git-ignored code) do not apply to: third-party code your team maintains."),
  dast: dastSchema.optional(),
  scanners: external_exports.record(external_exports.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a scanner id is lower-case letters, digits and dashes"), scannerOptionsSchema).optional(),
  stages: external_exports.partialRecord(external_exports.enum(STAGES), stageConfigSchema).optional(),
  gate: gateSchema.optional(),
  dedupe: dedupeSchema.optional(),
  context: external_exports.array(contextEntrySchema).optional(),
  waivers: external_exports.array(waiverSchema).optional(),
  priorities: prioritiesSchema.optional(),
  tickets: ticketsSchema.optional().describe("Tickets (issues) for finding groups, when a platform opens them."),
  feeds: feedsSchema.optional(),
  images: imagesSchema.optional(),
  tools: toolsSchema.optional().describe("Where `pipewarden tools install` and --install-tools download the pinned scanners from (docs/tools.md)."),
  review: reviewSchema.optional().describe("Changes that need a security reviewer (docs/review.md)."),
  history: external_exports.string().trim().min(1).optional().describe("The history file every run adds a line to (JSON Lines; default: history.jsonl in the out-dir). Keep it between runs as an artifact or cache.")
});
var DEFAULT_GATE_RULES = [
  { kev: true, max: 0 },
  { severity: "high", max: 0 },
  { category: "secrets", max: 0 }
];
function plainMessage(message2) {
  if (/expected \w+, received undefined$/.test(message2)) return "is required";
  const type = /^Invalid input: expected (\w+), received (\w+)$/.exec(message2);
  if (type) return `expected ${/^[aeiou]/.test(type[1]) ? "an" : "a"} ${type[1]}, got ${/^[aeiou]/.test(type[2]) ? "an" : "a"} ${type[2]}`;
  return message2.replace(/^Invalid option: expected one of /, "expected one of ");
}
function parseConfig(data, file) {
  const parsed = configSchema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where4 = formatIssuePath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const shown = issue.keys.slice(0, 5).map((k) => `"${k}"`).join(", ");
      const more = issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : "";
      return `${where4}: unknown key${issue.keys.length > 1 ? "s" : ""} ${shown}${more}`;
    }
    return `${where4}: ${plainMessage(issue.message)}`;
  });
  throw new ConfigError(`invalid configuration: ${problems.join("; ")}`, { file, problems });
}
var MAX_YAML_ALIASES = 100;
function holdsItself(value) {
  const open22 = /* @__PURE__ */ new Set();
  const done = /* @__PURE__ */ new WeakSet();
  const stack = [];
  const enter = (child) => {
    if (typeof child !== "object" || child === null || done.has(child)) return false;
    if (open22.has(child)) return true;
    open22.add(child);
    stack.push({ node: child, children: Object.values(child), next: 0 });
    return false;
  };
  if (enter(value)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      if (enter(top.children[top.next++])) return true;
    } else {
      stack.pop();
      open22.delete(top.node);
      done.add(top.node);
    }
  }
  return false;
}
var MAX_CONFIG_BYTES = 1024 * 1024;
async function loadConfigFile(file) {
  let text22;
  try {
    text22 = await readRegularText(file, { maxBytes: MAX_CONFIG_BYTES });
  } catch (error) {
    if (error instanceof FileRefused && error.refusal !== "missing") throw new InputError(`cannot read config: ${error.message}`, { file, cause: error });
    throw new ConfigError(`cannot read config: ${error instanceof InputError ? error.message : describeFsError(error)}`, { file, cause: error });
  }
  const { LineCounter, isScalar, parseDocument, visit } = await import("./dist-DFJONKEI.js");
  const lines = new LineCounter();
  const document = parseDocument(text22, { prettyErrors: true, uniqueKeys: false, lineCounter: lines });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => error.message.split("\n")[0].replace(/:$/, ""));
    throw new ConfigError(`is not valid YAML: ${problems.join("; ")}`, { file, problems });
  }
  const repeated = [];
  let aliases = 0;
  visit(document, {
    Alias: () => void aliases++,
    Map(_, map) {
      const seen = /* @__PURE__ */ new Set();
      for (const { key } of map.items) {
        const value = isScalar(key) ? key.value : key;
        if (seen.has(value)) repeated.push(isScalar(key) && key.range?.[0] || 0);
        seen.add(value);
      }
    }
  });
  if (repeated.length > 0) {
    const problems = repeated.sort((a, b) => a - b).slice(0, 10).map((offset) => lines.linePos(offset)).map(({ line: line2, col }) => `Map keys must be unique at line ${line2}, column ${col}`);
    throw new ConfigError(`is not valid YAML: ${problems.join("; ")}`, { file, problems });
  }
  if (aliases > MAX_YAML_ALIASES) throw new ConfigError(`is refused: it has ${aliases} YAML aliases, more than the ${MAX_YAML_ALIASES} a config may have`, { file });
  let data;
  try {
    data = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const message2 = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    if (/excessive alias count/i.test(message2)) {
      throw new ConfigError(`is refused: its aliases repeat anchored content more than ${MAX_YAML_ALIASES} times (a YAML "billion laughs" bomb)`, { file, cause: error });
    }
    throw new ConfigError(`is not valid YAML: ${message2}`, { file, cause: error });
  }
  if (holdsItself(data)) throw new ConfigError("is refused: an alias refers to the anchor it is inside, so the value holds itself", { file });
  return parseConfig(data, file);
}
async function findConfigFile(dir) {
  for (const name2 of ["pipewarden.yml", "pipewarden.yaml"]) {
    const candidate = join6(dir, name2);
    if (await stat5(candidate).then(() => true, () => false)) return candidate;
  }
  return void 0;
}
function describeRule(rule) {
  const parts = [];
  if (rule.kev) parts.push("in CISA KEV");
  if (rule.scanner) parts.push(`scanner ${rule.scanner}`);
  if (rule.category) parts.push(`category ${rule.category}`);
  if (rule.severity) parts.push(rule.severity === "info" ? "any severity" : `severity ${rule.severity} or worse`);
  if (rule.priority) parts.push(rule.priority === "P4" ? "any priority" : rule.priority === "P0" ? "priority P0" : `priority ${rule.priority} or more urgent`);
  if (rule.risk !== void 0) parts.push(`risk ${rule.risk} or more`);
  if (rule.scope) parts.push(rule.scope === "new" ? "new only" : "new or not");
  if (rule.high_risk) parts.push("a high-risk change needs the approval label");
  return parts.join(", ");
}
function ruleMatches(rule, finding) {
  if (rule.high_risk) return false;
  if (rule.kev && !finding.kev) return false;
  if (rule.scanner && finding.scanner !== rule.scanner && finding.tool !== rule.scanner) return false;
  if (rule.category && finding.category !== rule.category) return false;
  if (rule.severity && severityRank(finding.severity) > severityRank(rule.severity)) return false;
  if (rule.priority && (!finding.priority || PRIORITIES.indexOf(finding.priority) > PRIORITIES.indexOf(rule.priority))) return false;
  if (rule.risk !== void 0 && (finding.risk ?? 0) < rule.risk) return false;
  return true;
}
var isNew = (finding) => finding.result.baselineState === void 0 || finding.result.baselineState === "new";
function applyGate({ findings, gate, mode = "default", warnings = [] }) {
  const scope = gate?.scope ?? "new";
  const rules = gate?.rules ?? DEFAULT_GATE_RULES;
  const eligible = findings.filter((finding) => !finding.suppressed && finding.inScope);
  const inScope2 = eligible.filter((finding) => scope === "all" || isNew(finding));
  const failures = [];
  if (mode !== "none") {
    for (const [index, rule] of rules.entries()) {
      const pool = rule.scope === void 0 ? inScope2 : rule.scope === "all" ? eligible : eligible.filter(isNew);
      const matched = pool.filter((finding) => ruleMatches(rule, finding)).sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0));
      if (matched.length > rule.max) {
        failures.push({
          rule: describeRule(rule),
          index,
          matched: matched.length,
          max: rule.max,
          examples: matched.slice(0, 3).map(whereOf),
          findings: matched.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, where: whereOf(f), risk: f.risk, priority: f.priority }))
        });
      }
    }
  }
  const tally = (key) => {
    const out = {};
    for (const f of findings) {
      if (f.suppressed) continue;
      const k = key(f);
      if (k) out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  return {
    status: failures.length > 0 ? "fail" : "pass",
    failures,
    gated: inScope2.length,
    total: findings.length,
    scope,
    warnings,
    counts: {
      byPriority: tally((f) => f.priority),
      bySeverity: tally((f) => f.severity),
      waived: findings.filter((f) => f.suppressed).length,
      outOfScope: findings.filter((f) => !f.inScope).length,
      new: findings.filter((f) => !f.suppressed && isNew(f)).length
    }
  };
}
var STRENGTHS = ["v1", "nopath", "line", "text"];
function textKeyOf(run2, result2) {
  const rule = ruleOf(run2, result2);
  return { tool: String(run2.tool.driver.name), ruleId: result2.ruleId ?? result2.rule?.id ?? rule?.id ?? "(no rule)", uri: fileUriOf(result2) ?? "", message: messageText(result2, rule) };
}
var FNV_OFFSET = 2166136261;
var FNV_PRIME = 16777619;
var HASH = 35;
function mix(hash2, text22, fold) {
  let h = hash2;
  let inDigits = false;
  for (let i = 0; i < text22.length; i++) {
    const c = text22.charCodeAt(i);
    if (fold && c >= 48 && c <= 57) {
      if (!inDigits) h = Math.imul(h ^ HASH, FNV_PRIME);
      inDigits = true;
      continue;
    }
    inDigits = false;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return Math.imul(h ^ 0, FNV_PRIME);
}
function textHash(key) {
  return mix(mix(mix(mix(FNV_OFFSET, key.tool, false), key.ruleId, false), key.uri, false), key.message, true) & 1073741823;
}
var isDigit = (c) => c >= 48 && c <= 57;
function foldedEqual(a, b) {
  let i = 0;
  let j = 0;
  for (; ; ) {
    if (i === a.length || j === b.length) return i === a.length && j === b.length;
    let ca = a.charCodeAt(i++);
    let cb = b.charCodeAt(j++);
    if (isDigit(ca)) {
      while (i < a.length && isDigit(a.charCodeAt(i))) i++;
      ca = HASH;
    }
    if (isDigit(cb)) {
      while (j < b.length && isDigit(b.charCodeAt(j))) j++;
      cb = HASH;
    }
    if (ca !== cb) return false;
  }
}
function sameText(a, b) {
  return a.tool === b.tool && a.ruleId === b.ruleId && a.uri === b.uri && foldedEqual(a.message, b.message);
}
function keyOf(run2, result2, strength) {
  const fp = result2.partialFingerprints;
  switch (strength) {
    case "v1":
      return fp?.[FINGERPRINT_KEY];
    case "nopath":
      return fp?.[FINGERPRINT_NOPATH_KEY];
    case "line":
      return fp?.[LINE_HASH_KEY] === void 0 ? void 0 : `${run2.tool.driver.name}\0${result2.ruleId ?? ""}\0${fp[LINE_HASH_KEY]}`;
  }
}
function changed(previous, run2, result2) {
  return scoreOf2(previous.result, ruleOf(previous.run, previous.result)) !== scoreOf2(result2, ruleOf(run2, result2)) || (previous.result.level ?? "warning") !== (result2.level ?? "warning");
}
var AbsentRuns = class {
  constructor(log2) {
    this.log = log2;
  }
  log;
  runs = /* @__PURE__ */ new Map();
  target(baselineRun) {
    const name2 = baselineRun.tool.driver.name;
    const category = baselineRun.properties?.[PROP.category];
    const key = `${name2}\0${String(category)}`;
    let found = this.runs.get(key);
    if (!found) {
      let run2 = this.log.runs.find((r) => r.tool.driver.name === name2 && r.properties?.[PROP.category] === category) ?? this.log.runs.find((r) => r.tool.driver.name === name2);
      if (!run2) {
        run2 = { tool: { driver: { ...baselineRun.tool.driver, rules: [] } }, results: [], ...baselineRun.properties ? { properties: { ...baselineRun.properties } } : {} };
        this.log.runs.push(run2);
      }
      const rules = /* @__PURE__ */ new Map();
      (run2.tool.driver.rules ?? []).forEach((rule, i) => {
        if (!rules.has(rule.id)) rules.set(rule.id, i);
      });
      found = { run: run2, rules };
      this.runs.set(key, found);
    }
    return found;
  }
  /** Puts a copy of a baseline result that is gone into the current log, in its tool's run, as absent. */
  add(baselineRun, result2) {
    const { run: run2, rules } = this.target(baselineRun);
    const copy = structuredClone(result2);
    copy.baselineState = "absent";
    const ruleId = copy.ruleId ?? copy.rule?.id;
    delete copy.rule;
    if (ruleId !== void 0) {
      let index = rules.get(ruleId);
      if (index === void 0) {
        const list22 = run2.tool.driver.rules ??= [];
        const original = ruleOf(baselineRun, { ruleId, message: {} });
        list22.push(original ? structuredClone(original) : { id: ruleId });
        index = list22.length - 1;
        rules.set(ruleId, index);
      }
      copy.ruleIndex = index;
    } else {
      delete copy.ruleIndex;
    }
    for (const location2 of copy.locations ?? []) {
      const artifact = location2.physicalLocation?.artifactLocation;
      if (artifact && artifact.index !== void 0) delete artifact.index;
    }
    (run2.results ??= []).push(copy);
    return copy;
  }
};
function applyBaseline(log2, baseline, options2 = {}) {
  const pending = [];
  for (const run2 of baseline.runs) for (const result2 of run2.results ?? []) if (result2.baselineState !== "absent") pending.push({ run: run2, result: result2, matched: false });
  const current = [];
  for (const run2 of log2.runs) for (const result2 of run2.results ?? []) if (result2.baselineState !== "absent") current.push({ run: run2, result: result2, done: false });
  const counts = { new: 0, unchanged: 0, updated: 0, absent: 0 };
  let open22 = current;
  for (const strength of STRENGTHS) {
    if (!open22.length) break;
    const texts = strength === "text" ? open22.map((item) => textKeyOf(item.run, item.result)) : void 0;
    const keys = texts ? texts.map(textHash) : open22.map((item) => keyOf(item.run, item.result, strength));
    if (keys.every((key) => key === void 0)) continue;
    const index = /* @__PURE__ */ new Map();
    for (const entry of pending) {
      if (entry.matched) continue;
      const key = texts ? textHash(entry.text = textKeyOf(entry.run, entry.result)) : keyOf(entry.run, entry.result, strength);
      if (key === void 0) continue;
      const found = index.get(key);
      if (found === void 0) index.set(key, entry);
      else if (Array.isArray(found)) found.push(entry);
      else index.set(key, [found, entry]);
    }
    if (!index.size) continue;
    for (let i = 0; i < open22.length; i++) {
      const item = open22[i];
      const key = keys[i];
      const found = key === void 0 ? void 0 : index.get(key);
      const text22 = texts?.[i];
      const fits = (entry) => !entry.matched && (!text22 || sameText(entry.text, text22));
      const candidate = found === void 0 ? void 0 : Array.isArray(found) ? found.find(fits) : fits(found) ? found : void 0;
      if (!candidate) continue;
      candidate.matched = true;
      item.done = true;
      const first = candidate.result.provenance?.firstDetectionTimeUtc;
      if (first && !item.result.provenance?.firstDetectionTimeUtc) item.result.provenance = { ...item.result.provenance, firstDetectionTimeUtc: first };
      item.result.baselineState = changed(candidate, item.run, item.result) ? "updated" : "unchanged";
      counts[item.result.baselineState]++;
    }
    open22 = open22.filter((item) => !item.done);
  }
  for (const item of open22) {
    item.result.baselineState = "new";
    counts.new++;
  }
  const absent = new AbsentRuns(log2);
  for (const entry of pending) {
    if (entry.matched) continue;
    const copy = absent.add(entry.run, entry.result);
    if (options2.unseen?.(entry.run, entry.result)) {
      copy.baselineState = "unchanged";
      copy.properties = { ...copy.properties, [PROP.scope]: "out", [PROP.carriedOver]: true };
      counts.unchanged++;
      continue;
    }
    counts.absent++;
  }
  return counts;
}
var PARALLEL_MERGE_BYTES = 64 * 1024 * 1024;
var DIFF_FILTERS = ["added", "diff_context", "file", "nofilter"];
var SCOPE_PROP = PROP.scope;
function parseUnifiedDiff(text22) {
  const files = /* @__PURE__ */ new Map();
  let current;
  let line2 = 0;
  for (const raw of text22.split("\n")) {
    if (raw.startsWith("diff --git ")) {
      current = void 0;
      continue;
    }
    if (raw.startsWith("+++ ")) {
      const path2 = raw.slice(4).replace(/\t.*$/, "");
      if (path2 === "/dev/null") {
        current = void 0;
      } else {
        current = { added: /* @__PURE__ */ new Set(), hunks: [] };
        files.set(path2.replace(/^b\//, ""), current);
      }
      continue;
    }
    if (raw.startsWith("--- ")) continue;
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(raw);
    if (hunk) {
      line2 = Number(hunk[1]);
      const count = hunk[2] === void 0 ? 1 : Number(hunk[2]);
      current?.hunks.push([line2, line2 + Math.max(count, 1) - 1]);
      continue;
    }
    if (!current) continue;
    if (raw.startsWith("+")) current.added.add(line2++);
    else if (raw.startsWith(" ")) line2++;
  }
  return files;
}
async function readDiffScope(srcRoot, ref, ports, env2) {
  const git = (args) => ports.exec({ command: "git", args: ["-c", "core.quotepath=off", ...args], cwd: srcRoot, env: env2, timeoutMs: 12e4 });
  const mergeBase = await git(["merge-base", ref, "HEAD"]);
  if (mergeBase.notFound) throw new InputError("git is not installed; --diff-base needs it", { file: "--diff-base" });
  if (mergeBase.exitCode !== 0) {
    throw new InputError(`"${ref}" has no merge-base with HEAD here (${(mergeBase.stderr.trim().split("\n")[0] ?? "").replace(/^fatal: /, "") || "unknown ref"}); in CI, fetch it first (git fetch origin ${ref})`, { file: "--diff-base" });
  }
  const base = mergeBase.stdout.trim();
  const diff = await git(["diff", "--no-color", "--no-ext-diff", "--unified=3", "-M", base, "--"]);
  if (diff.exitCode !== 0) throw new InputError(`git diff failed: ${diff.stderr.trim().split("\n")[0] ?? ""}`, { file: "--diff-base" });
  const files = parseUnifiedDiff(diff.stdout);
  const untracked = await git(["ls-files", "-z", "--others", "--exclude-standard"]);
  for (const path2 of untracked.exitCode === 0 ? untracked.stdout.split("\0").filter(Boolean) : []) {
    files.set(path2, { added: /* @__PURE__ */ new Set(), hunks: [[1, Number.MAX_SAFE_INTEGER]] });
  }
  return { base, files };
}
function inScope(run2, result2, scope, filter) {
  if (filter === "nofilter") return true;
  const physical = result2.locations?.[0]?.physicalLocation;
  const artifact = physical?.artifactLocation;
  const uri = artifact?.uri ?? (artifact?.index !== void 0 ? run2.artifacts?.[artifact.index]?.location?.uri : void 0);
  if (!uri || artifact?.uriBaseId !== void 0 && artifact.uriBaseId !== SRCROOT) return true;
  const change = scope.files.get(decodeUri(uri));
  if (!change) return false;
  const start = physical?.region?.startLine;
  if (filter === "file" || start === void 0) return true;
  const end = Math.max(start, physical?.region?.endLine ?? start);
  const whole = change.hunks.some(([from, to]) => from === 1 && to === Number.MAX_SAFE_INTEGER);
  if (whole) return true;
  if (filter === "diff_context") return change.hunks.some(([from, to]) => start <= to && end >= from);
  for (let line2 = start; line2 <= end; line2++) if (change.added.has(line2)) return true;
  return false;
}
function applyScope(log2, scope, filter) {
  const counts = { in: 0, out: 0 };
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent") continue;
      const inside = inScope(run2, result2, scope, filter);
      result2.properties = { ...result2.properties, [SCOPE_PROP]: inside ? "in" : "out" };
      counts[inside ? "in" : "out"]++;
    }
  }
  return counts;
}
var SOURCE_EXTENSIONS = /* @__PURE__ */ new Set([".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx", ".py", ".rb", ".php", ".java", ".kt", ".go", ".cs"]);
var MAX_SOURCE_BYTES3 = 1024 * 1024;
var METHODS = "get|post|put|patch|delete|head|options|all|use|route";
var PATTERNS = [
  // Express, Koa router, Fastify, Hono: app.get('/x', …), router.post("/y", …)
  { regex: new RegExp(`\\.(${METHODS})\\(\\s*(['"\`])(/[^'"\`]*)\\2`, "gi"), method: (m) => m[1], path: (m) => m[3] },
  // Flask @app.route('/x', methods=['POST']); FastAPI @app.get('/x')
  { regex: /@\w+(?:\.\w+)*\.(route|get|post|put|patch|delete)\(\s*(['"])(\/[^'"]*)\2(?:[^)]*methods\s*=\s*\[\s*['"](\w+)['"])?/gi, method: (m) => m[4] ?? m[1], path: (m) => m[3] },
  // Spring: @GetMapping("/x"), @RequestMapping(value = "/x")
  { regex: /@(Get|Post|Put|Patch|Delete|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?\{?\s*"(\/[^"]*)"/g, method: (m) => m[1], path: (m) => m[2] },
  // Go: http.HandleFunc("/x", …), gin/echo r.GET("/x", …)
  { regex: /\.(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE)\(\s*"(\/[^"]*)"/g, method: (m) => m[1], path: (m) => m[2] },
  // Laravel: Route::get('/x', …), Route::match(['get', 'post'], '/x', …)
  { regex: /Route::(get|post|put|patch|delete|any|match)\(\s*(?:\[[^\]]*\]\s*,\s*)?(['"])([^'"]*)\2/g, method: (m) => m[1], path: (m) => `/${m[3].replace(/^\//, "")}` },
  // Rails config/routes.rb: get '/x', to: 'c#a'; post 'x' => 'c#a'
  { regex: /^\s*(get|post|put|patch|delete|match)\s+(['"])([^'"]+)\2\s*(?:,|=>)/gm, method: (m) => m[1], path: (m) => `/${m[3].replace(/^\//, "")}` },
  // Node's own http server: switch (url.pathname) { case '/x': … } and if (pathname === '/x')
  { regex: /\bcase\s+(['"`])(\/[^'"`\s]*)\1\s*:/g, method: () => void 0, path: (m) => m[2] },
  { regex: /\b(?:pathname|path|url)\s*===?\s*(['"`])(\/[^'"`\s]*)\1/g, method: () => void 0, path: (m) => m[2] },
  // Django: path('x/<int:id>/', view)
  { regex: /\b(?:re_)?path\(\s*r?(['"])([^'"]*)\1\s*,/g, method: () => void 0, path: (m) => `/${m[2].replace(/^\^|\$$/g, "")}` }
];
function escapeRegex(text22) {
  return text22.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function matcherOf(template) {
  const segments = template.replace(/\/+$/, "").split("/").filter(Boolean);
  let literals = 0;
  const parts = segments.map((segment2) => {
    if (/^(:\w+\??|\{[^}]+\}|<[^>]+>|\*)$/.test(segment2)) return "[^/]+";
    literals++;
    return escapeRegex(segment2).replace(/:\w+|\\\{[^}]+\\\}|<[^>]+>/g, "[^/]+");
  });
  return { matcher: new RegExp(`^/${parts.join("/")}/?$`), literals };
}
function normalizeMethod(method) {
  const upper = method?.toUpperCase();
  if (!upper || ["ALL", "USE", "ROUTE", "REQUEST", "HANDLEFUNC", "HANDLE", "ANY", "MATCH"].includes(upper)) return void 0;
  return upper;
}
async function findRoutes(files, srcRoot) {
  const routes = [];
  const reader = rootReader(srcRoot);
  for (const file of files) {
    if (!SOURCE_EXTENSIONS.has(extname(file).toLowerCase())) continue;
    const rel = relative32(srcRoot, file).split(sep22).join("/");
    const read2 = await reader.read(rel, { maxBytes: MAX_SOURCE_BYTES3 });
    if ("refused" in read2) continue;
    const text22 = read2.data.toString("utf8");
    for (const pattern2 of PATTERNS) {
      for (const match of text22.matchAll(pattern2.regex)) {
        const template = pattern2.path(match);
        const line2 = text22.slice(0, match.index).split("\n").length;
        routes.push({ template, method: normalizeMethod(pattern2.method(match)), file: rel, line: line2, ...matcherOf(template) });
      }
    }
  }
  return routes;
}
function routeFor(routes, url, method) {
  let path2;
  try {
    path2 = new URL(url).pathname;
  } catch {
    path2 = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/[?#].*$/, "") || "/";
  }
  const wanted = method?.toUpperCase();
  let best;
  let bestScore = -1;
  for (const route of routes) {
    if (!route.matcher.test(path2)) continue;
    const methodScore = route.method === void 0 ? 1 : route.method === wanted || !wanted && route.method === "GET" ? 2 : 0;
    if (methodScore === 0) continue;
    const score = route.literals * 4 + methodScore;
    if (score > bestScore) {
      best = route;
      bestScore = score;
    }
  }
  return best;
}
var DOCUMENT_ROOTS = ["", "public/", "www/", "htdocs/", "html/", "web/", "webroot/", "src/", "app/"];
var FILE_ROUTED = /\.(?:php\d?|phtml|jsp|jspx|asp|aspx|cfm|cgi|pl|shtml|html?)$/i;
function fileRouteFor(files, url) {
  let path2;
  try {
    path2 = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
  } catch {
    return void 0;
  }
  if (path2.split("/").some((segment2) => segment2 === "..")) return void 0;
  const candidates = FILE_ROUTED.test(path2) ? [path2] : path2 === "" || path2.endsWith("/") ? ["index.php", "index.html", "index.jsp"].map((index) => `${path2}${index}`) : [`${path2}.php`, `${path2}/index.php`, `${path2}.html`, `${path2}/index.html`];
  for (const root of DOCUMENT_ROOTS) for (const candidate of candidates) if (files.has(`${root}${candidate}`)) return `${root}${candidate}`;
  return void 0;
}
async function parameterLine(reader, file, parameter) {
  if (!parameter) return 1;
  const read2 = await reader.read(file, { maxBytes: MAX_SOURCE_BYTES3 });
  if ("refused" in read2) return 1;
  const lines = read2.data.toString("utf8").split("\n");
  const quoted = escapeRegex(parameter);
  const index = lines.findIndex((line2) => new RegExp(`\\$_(?:GET|POST|REQUEST|COOKIE)\\s*\\[\\s*['"]${quoted}['"]|getParameter\\(\\s*"${quoted}"|Request(?:\\.QueryString|\\.Form)?\\(\\s*"${quoted}"`).test(line2));
  return index >= 0 ? index + 1 : 1;
}
async function mapDastRoutes(log2, options2) {
  const pending = log2.runs.flatMap(
    (run2) => (run2.results ?? []).filter((result2) => {
      const dast = prop(result2.properties, PROP.dast);
      return dast?.url && !(result2.locations ?? []).some((l) => l.physicalLocation?.artifactLocation?.uri);
    })
  );
  if (!pending.length) return { mapped: 0, unmapped: 0 };
  const files = await options2.files();
  const routes = await findRoutes(files, options2.srcRoot);
  const relativeFiles = new Set(files.map((file) => relative32(options2.srcRoot, file).split(sep22).join("/")));
  const scanned = files.length ? commonFolder([...relativeFiles]) : "";
  const reader = rootReader(options2.srcRoot);
  let mapped = 0;
  for (const result2 of pending) {
    const dast = result2.properties[PROP.dast];
    const request = `${(dast.method ?? "GET").toUpperCase()} ${dast.url}`;
    const logical = [{ fullyQualifiedName: request, kind: "resource" }];
    const route = routeFor(routes, dast.url, dast.method);
    const others = (result2.locations ?? []).filter((l) => !l.logicalLocations?.length);
    if (route) {
      mapped++;
      const location2 = { physicalLocation: { artifactLocation: { uri: route.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT }, region: { startLine: route.line } }, logicalLocations: logical };
      result2.locations = [location2, ...others];
      result2.properties = { ...result2.properties, [PROP.route]: { template: route.template, ...route.method ? { method: route.method } : {}, file: route.file, line: route.line } };
    } else {
      const fileRoute = fileRouteFor(new Set([...relativeFiles].map((file) => file.slice(scanned.length))), dast.url);
      if (fileRoute) {
        mapped++;
        const file = `${scanned}${fileRoute}`;
        const line2 = await parameterLine(reader, file, dast.parameter);
        result2.locations = [{ physicalLocation: { artifactLocation: { uri: file.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT }, region: { startLine: line2 } }, logicalLocations: logical }, ...others];
        result2.properties = { ...result2.properties, [PROP.route]: { template: new URL(dast.url).pathname, file, line: line2 } };
      } else {
        result2.locations = [{ logicalLocations: logical }, ...others];
      }
    }
  }
  return { mapped, unmapped: pending.length - mapped };
}
function commonFolder(files) {
  if (!files.length) return "";
  let prefix = files[0].slice(0, files[0].lastIndexOf("/") + 1);
  for (const file of files) while (prefix && !file.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf("/") + 1);
  return prefix;
}
var KEV_URL = "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
var EPSS_URL = "https://epss.cyentia.com/epss_scores-current.csv.gz";
var KEV_FILE = "known_exploited_vulnerabilities.json";
var kevSchema = external_exports.object({
  catalogVersion: external_exports.string(),
  dateReleased: external_exports.string(),
  vulnerabilities: external_exports.array(
    external_exports.object({
      cveID: external_exports.string(),
      dateAdded: external_exports.string(),
      dueDate: external_exports.string().optional(),
      vulnerabilityName: external_exports.string().optional(),
      knownRansomwareCampaignUse: external_exports.string().optional()
    })
  )
});
async function readKev(file) {
  const document = await readDocument(file);
  const parsed = kevSchema.safeParse(document.kind === "json" ? document.data : void 0);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`is not a CISA KEV catalog: ${issue.path.join(".") || "(root)"}: ${issue.message}`, { file });
  }
  const entries = /* @__PURE__ */ new Map();
  for (const v of parsed.data.vulnerabilities) {
    entries.set(v.cveID.toUpperCase(), { dateAdded: v.dateAdded, dueDate: v.dueDate, ransomware: v.knownRansomwareCampaignUse === "Known", name: v.vulnerabilityName });
  }
  return { version: parsed.data.catalogVersion, released: parsed.data.dateReleased, source: file, entries };
}
var MAX_EPSS_BYTES = 1024 * 1024 * 1024;
async function readEpss(file) {
  const entries = /* @__PURE__ */ new Map();
  let scoreDate = "";
  let modelVersion;
  let header = false;
  let lineNumber = 0;
  try {
    const raw = await streamRegular(file, { maxBytes: MAX_EPSS_BYTES });
    const input = file.endsWith(".gz") ? raw.pipe(createGunzip()) : raw;
    for await (const line2 of createInterface({ input, crlfDelay: Infinity })) {
      lineNumber++;
      if (line2.startsWith("#")) {
        modelVersion = /model_version:([^,]+)/.exec(line2)?.[1];
        scoreDate = /score_date:([0-9T:.\-Z]+)/.exec(line2)?.[1] ?? scoreDate;
        continue;
      }
      if (!header) {
        if (!/^cve,epss,percentile/i.test(line2)) throw new InputError(`is not an EPSS file: line ${lineNumber} should be "cve,epss,percentile"`, { file });
        header = true;
        continue;
      }
      if (!line2.trim()) continue;
      const [cve, epss, percentile] = line2.split(",");
      const score = Number(epss);
      const pct = Number(percentile);
      if (!cve || !Number.isFinite(score) || !Number.isFinite(pct)) throw new InputError(`is not an EPSS file: line ${lineNumber} is not "CVE,score,percentile"`, { file });
      entries.set(cve.toUpperCase(), { epss: score, percentile: pct });
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read EPSS data: ${describeFsError(error)}`, { file, cause: error });
  }
  if (!header) throw new InputError('is not an EPSS file: no "cve,epss,percentile" header', { file });
  return { scoreDate: scoreDate || "unknown", modelVersion, source: file, entries };
}
async function newestEpss(dir) {
  const names = await readdir4(dir).catch(() => []);
  return names.filter((n) => /^epss_scores.*\.csv(\.gz)?$/.test(n)).sort().pop();
}
async function readFeedsDir(dir) {
  try {
    if (!(await stat6(dir)).isDirectory()) throw new InputError("is not a directory", { file: dir });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file: dir, cause: error });
  }
  const warnings = [];
  const kevPath = join7(dir, KEV_FILE);
  const kev = await stat6(kevPath).then(
    () => readKev(kevPath),
    () => {
      warnings.push(`no ${KEV_FILE} in ${dir}: KEV not applied`);
      return void 0;
    }
  );
  const epssName = await newestEpss(dir);
  if (!epssName) warnings.push(`no epss_scores*.csv in ${dir}: EPSS not applied`);
  const epss = epssName ? await readEpss(join7(dir, epssName)) : void 0;
  return { kev, epss, warnings };
}
async function download2(fetcher, url, target, timeoutMs) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetcher(url, { signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await writeFileAtomic(target, new Uint8Array(await response.arrayBuffer()));
  } finally {
    clearTimeout(timer);
  }
}
async function cachedFeeds(options2) {
  const warnings = [];
  const todayDir = join7(options2.cacheDir, options2.today);
  const timeoutMs = options2.timeoutMs ?? 6e4;
  const want = [
    { name: KEV_FILE, url: options2.kevUrl ?? KEV_URL, read: readKev },
    { name: (options2.epssUrl ?? EPSS_URL).endsWith(".gz") ? "epss_scores.csv.gz" : "epss_scores.csv", url: options2.epssUrl ?? EPSS_URL, read: readEpss }
  ];
  const found = [];
  for (const feed of want) {
    const todayFile = join7(todayDir, feed.name);
    let have = await stat6(todayFile).then(() => true, () => false);
    if (!have && !options2.offline && options2.fetch) {
      try {
        ensureDir(todayDir);
        await download2(options2.fetch, feed.url, todayFile, timeoutMs);
        have = true;
      } catch (error) {
        warnings.push(`could not download ${feed.url}: ${error.message}`);
      }
    }
    if (have) {
      found.push(await feed.read(todayFile));
      continue;
    }
    const days2 = (await readdir4(options2.cacheDir).catch(() => [])).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().reverse();
    let older2;
    for (const day of days2) {
      if (await stat6(join7(options2.cacheDir, day, feed.name)).then(() => true, () => false)) {
        older2 = day;
        break;
      }
    }
    if (older2) {
      warnings.push(`using the ${feed.name} snapshot of ${older2} from the cache`);
      found.push(await feed.read(join7(options2.cacheDir, older2, feed.name)));
    } else {
      warnings.push(`no ${feed.name} available (offline and nothing cached): ${feed.name.startsWith("epss") ? "EPSS" : "KEV"} not applied`);
      found.push(void 0);
    }
  }
  return { kev: found[0], epss: found[1], warnings };
}
var TEST_PATHS = ["**/test/**", "**/tests/**", "**/__tests__/**", "**/__mocks__/**", "**/spec/**", "**/*.test.*", "**/*.spec.*", "**/*_test.*", "**/test_*.py", "**/fixtures/**", "**/testdata/**", "**/e2e/**"];
var isTestPath = (0, import_picomatch.default)(TEST_PATHS, { dot: true });
function cvesOf(result2) {
  const ids = [result2.ruleId ?? "", ...prop(result2.properties, PROP.ids) ?? []];
  return [...new Set(ids.filter((id) => /^CVE-\d{4}-\d+$/i.test(id)).map((id) => id.toUpperCase()))];
}
function contextOf(result2, path2, category, entries) {
  const image = prop(result2.properties, PROP.image)?.reference;
  const url = prop(result2.properties, PROP.dast)?.url;
  for (const [index, entry] of entries.entries()) {
    const hit = path2 && entry.paths && import_picomatch.default.isMatch(path2, entry.paths, { dot: true }) && `paths ${entry.paths.join(", ")}` || image && entry.images && import_picomatch.default.isMatch(image, entry.images) && `images ${entry.images.join(", ")}` || url && entry.urls && import_picomatch.default.isMatch(url, entry.urls) && `urls ${entry.urls.join(", ")}`;
    if (hit) {
      return { environment: entry.environment, exposure: entry.exposure, data_sensitivity: entry.data_sensitivity, owner: entry.owner, match: `context[${index}]: ${hit}` };
    }
  }
  if (path2 && isTestPath(path2)) return { environment: "test", match: "default: a test or fixture path" };
  if (category === "dast") return { exposure: "internet-facing", match: "default: DAST reaches the app from outside" };
  return void 0;
}
async function enrich(log2, options2) {
  const { kev, epss } = options2.feeds;
  const snapshot = {
    ...kev ? { kev: { catalogVersion: kev.version, dateReleased: kev.released } } : {},
    ...epss ? { epss: { scoreDate: epss.scoreDate, ...epss.modelVersion ? { modelVersion: epss.modelVersion } : {} } } : {}
  };
  log2.properties = { ...log2.properties, [PROP.feeds]: snapshot };
  for (const run2 of log2.runs) {
    run2.properties = { ...run2.properties, [PROP.feeds]: snapshot };
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent") continue;
      const props = { ...result2.properties };
      delete props[PROP.kev];
      delete props[PROP.epss];
      delete props[PROP.context];
      const vector = props[PROP.cvssVector];
      if (typeof vector === "string") {
        const cvss = await scoreVector(vector);
        if (cvss) props[PROP.cvss] = cvss;
      }
      const cves = cvesOf(result2);
      const known = kev ? cves.map((cve) => ({ cve, entry: kev.entries.get(cve) })).find((k) => k.entry) : void 0;
      if (known) props[PROP.kev] = { cve: known.cve, dateAdded: known.entry.dateAdded, ...known.entry.dueDate ? { dueDate: known.entry.dueDate } : {}, knownRansomware: known.entry.ransomware };
      if (epss) {
        const best = cves.map((cve) => ({ cve, ...epss.entries.get(cve) })).filter((e3) => e3.epss !== void 0).sort((a, b) => b.epss - a.epss)[0];
        if (best) props[PROP.epss] = { cve: best.cve, epss: best.epss, percentile: best.percentile };
      }
      result2.properties = props;
      const uri = fileUriOf(result2);
      const context = contextOf(result2, uri ? decodeUri(uri) : void 0, categoryOf(run2, result2), options2.context);
      if (context) result2.properties = { ...result2.properties, [PROP.context]: context };
    }
  }
  return log2;
}
var DAY3 = 24 * 60 * 60 * 1e3;
function describeWaiver(waiver, index) {
  const what2 = [waiver.fingerprint && `fingerprint ${waiver.fingerprint}`, waiver.rule && `rule ${waiver.rule}`, waiver.path && `path ${waiver.path}`, waiver.package && `package ${waiver.package}`].filter(Boolean).join(", ");
  return `waivers[${index}] (${what2}, owner ${waiver.owner})`;
}
function applyWaivers(log2, waivers, today) {
  const report = { applied: [], expired: [], expiringSoon: [] };
  const now = Date.parse(`${today}T00:00:00Z`);
  const live = waivers.map((waiver, index) => {
    const ends = Date.parse(`${waiver.expires}T00:00:00Z`);
    return { waiver, index, expired: ends < now, daysLeft: Math.round((ends - now) / DAY3), matched: 0, path: waiver.path ? (0, import_picomatch2.default)(waiver.path, { dot: true }) : void 0 };
  });
  for (const run2 of live.length ? log2.runs : []) {
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent") continue;
      const finding = toFinding(run2, result2);
      const fingerprint = result2.partialFingerprints?.[FINGERPRINT_KEY];
      const ids = [finding.ruleId, ...prop(result2.properties, PROP.ids) ?? [], ...finding.cwes].map((id) => id.toLowerCase());
      const pkg = prop(result2.properties, PROP.package);
      const path2 = finding.location?.uri ? decodeUri(finding.location.uri) : void 0;
      for (const entry of live) {
        const w = entry.waiver;
        if (w.fingerprint && !(fingerprint && (fingerprint === w.fingerprint || fingerprint.split(":")[0] === w.fingerprint))) continue;
        if (w.rule && !ids.includes(w.rule.toLowerCase())) continue;
        if (w.path && !(path2 && entry.path(path2))) continue;
        if (w.package) {
          const [name2, version2] = w.package.includes("@", 1) ? [w.package.slice(0, w.package.lastIndexOf("@")), w.package.slice(w.package.lastIndexOf("@") + 1)] : [w.package, void 0];
          if (!pkg?.name || pkg.name.toLowerCase() !== name2.toLowerCase() || version2 && pkg.version !== version2) continue;
        }
        entry.matched++;
        if (entry.expired) continue;
        result2.suppressions = [
          ...(result2.suppressions ?? []).filter((s) => !s.justification?.startsWith("waiver: ")),
          { kind: "external", status: "accepted", justification: `waiver: ${w.reason} (owner ${w.owner}, until ${w.expires})` }
        ];
        result2.properties = { ...result2.properties, [PROP.waiver]: entry.index };
        break;
      }
    }
  }
  for (const entry of live) {
    const item = { index: entry.index, waiver: entry.waiver, matched: entry.matched };
    if (entry.expired) report.expired.push(item);
    else {
      report.applied.push(item);
      if (entry.daysLeft <= 14) report.expiringSoon.push({ index: entry.index, waiver: entry.waiver, daysLeft: entry.daysLeft });
    }
  }
  return report;
}
var LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
function isLoopbackHost(host) {
  return host === "localhost" || host === "::1" || LOOPBACK_V4.test(host);
}
function maskUrlCredentials(value) {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/|\/\/)?[^/?#]*@/i, (_whole, scheme) => `${scheme ?? ""}${REDACTED}@`);
}
var bare = (host) => host.replace(/^\[|\]$/g, "").toLowerCase();
function checkTargetUrl(value, allowedHosts) {
  const shown = maskUrlCredentials(value);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`"${shown}" is not a URL`, { file: "--target-url" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError(`"${shown}" is not an http(s) URL`, { file: "--target-url" });
  if (url.username || url.password) {
    throw new ConfigError(
      `"${shown}": credentials in the target URL are not accepted (they would show in logs and reports); give the scan a session under dast.auth in pipewarden.yml (a login form, a cookie, a header or HTTP authentication), with the secret in an environment variable it names (docs/dast.md)`,
      { file: "--target-url" }
    );
  }
  const host = bare(url.hostname);
  const allowed = allowedHosts ? allowedHosts.map(bare).includes(host) : isLoopbackHost(host);
  if (!allowed) {
    const singleLabel = !allowedHosts && /^[a-z0-9-]+$/.test(host) && !/^\d+$/.test(host);
    const list22 = allowedHosts ? allowedHosts.join(", ") : `loopback and localhost${singleLabel ? "; a single-label name such as a CI service alias only when listed" : ""}`;
    throw new ConfigError(`host "${host}" is not allowed for DAST (allowed: ${list22}); add it to dast.allowed_hosts in pipewarden.yml if you own it`, { file: "--target-url" });
  }
  return url;
}
var FAIL_ON = ["policy", "never", "critical", "high", "medium", "low"];
function applyFailOn(config, stage, failOn) {
  if (failOn === "policy") return config;
  const profile = { ...config.stages?.[stage] };
  delete profile.rules;
  if (failOn === "never") return { ...config, stages: { ...config.stages, [stage]: { ...profile, gate: "none" } } };
  return {
    ...config,
    stages: { ...config.stages, [stage]: { ...profile, gate: "default" } },
    gate: { on_scanner_error: config.gate?.on_scanner_error ?? "fail", scope: config.gate?.scope ?? "new", ...config.gate, rules: [{ severity: failOn, max: 0 }] }
  };
}
function findingCount(run2) {
  if (run2.findings === void 0) return "";
  if (!run2.merged) return String(run2.findings);
  const into = run2.mergedInto?.length ? ` into ${run2.mergedInto.join(", ")}` : "";
  return `${run2.findings} (+${run2.merged} merged${into})`;
}
var NOTHING_TO_SCAN = "no files for it to scan";
var STOPPED = "stopped by --fail-fast after a scanner failed the gate";
var SECRET_FLAG = /^--?(?:[\w-]*(?:token|password|passwd|secret|api[-_]?key|auth|cookie|credential)[\w-]*|H|header)$/i;
var SECRET_INLINE = /^(--?[\w-]*(?:token|password|passwd|secret|api[-_]?key|auth|cookie|credential)[\w-]*=)(.+)$/i;
var SECRET_HEADER = /^((?:authorization|cookie|x-api-key|x-auth-token|proxy-authorization)\s*:\s*).+$/i;
var MAX_CHARS = 2e3;
function placeless(arg, root, isCommand = false) {
  const flag = /^(--?[\w-]+=)(\/.*)$/.exec(arg);
  const [prefix, path2] = flag ? [flag[1], flag[2]] : ["", arg];
  if (!path2.startsWith("/")) return arg;
  if (root && (path2 === root || path2.startsWith(`${root}/`))) return `${prefix}${path2 === root ? "." : path2.slice(root.length + 1)}`;
  const inPackages = path2.lastIndexOf("/node_modules/");
  if (inPackages >= 0) return `${prefix}${path2.slice(inPackages + "/node_modules/".length)}`;
  const name2 = path2.slice(path2.lastIndexOf("/") + 1);
  return `${prefix}${isCommand ? name2 : `\u2026/${name2}`}`;
}
function quote(arg) {
  return /^[\w@%+=:,./…-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function maskedCommandLine(command, given, root) {
  const args = given.map((arg) => placeless(arg, root));
  command = placeless(command, root, true);
  const shown = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline2 = SECRET_INLINE.exec(arg);
    if (inline2) {
      shown.push(`${inline2[1]}${REDACTED}`);
      continue;
    }
    const header = SECRET_HEADER.exec(arg);
    if (header) {
      shown.push(quote(`${header[1]}${REDACTED}`));
      continue;
    }
    shown.push(quote(redactText(arg)));
    if (SECRET_FLAG.test(arg) && i + 1 < args.length) {
      const value = args[++i];
      const valueHeader = SECRET_HEADER.exec(value);
      shown.push(/^-H$|^--header$/i.test(arg) && !valueHeader ? quote(redactText(value)) : valueHeader ? quote(`${valueHeader[1]}${REDACTED}`) : REDACTED);
    }
  }
  const parts = [quote(command), ...shown];
  let length = 0;
  let kept = 0;
  while (kept < parts.length && length + parts[kept].length + 1 <= MAX_CHARS) length += parts[kept++].length + 1;
  if (kept === parts.length) return parts.join(" ");
  const left = parts.length - kept;
  return `${parts.slice(0, kept).join(" ")} \u2026 (${left} more argument${left === 1 ? "" : "s"})`;
}
var tarGz = (name2, sha2562) => ({ name: name2, sha256: sha2562, kind: "tar.gz" });
var zip = (name2, sha2562) => ({ name: name2, sha256: sha2562, kind: "zip" });
var binary = (name2, sha2562) => ({ name: name2, sha256: sha2562, kind: "binary" });
var TOOL_RELEASES = [
  {
    id: "trivy",
    title: "Trivy",
    version: "0.69.3",
    repo: "aquasecurity/trivy",
    tag: "v0.69.3",
    binary: "trivy",
    scanners: ["trivy", "trivy-image"],
    // trivy_0.69.3_checksums.txt; no windows/arm64 build is published.
    assets: {
      "linux/amd64": tarGz("trivy_0.69.3_Linux-64bit.tar.gz", "1816b632dfe529869c740c0913e36bd1629cb7688bd5634f4a858c1d57c88b75"),
      "linux/arm64": tarGz("trivy_0.69.3_Linux-ARM64.tar.gz", "7e3924a974e912e57b4a99f65ece7931f8079584dae12eb7845024f97087bdfd"),
      "darwin/amd64": tarGz("trivy_0.69.3_macOS-64bit.tar.gz", "fec4a9f7569b624dd9d044fca019e5da69e032700edbb1d7318972c448ec2f4e"),
      "darwin/arm64": tarGz("trivy_0.69.3_macOS-ARM64.tar.gz", "a2f2179afd4f8bb265ca3c7aefb56a666bc4a9a411663bc0f22c3549fbc643a5"),
      "windows/amd64": zip("trivy_0.69.3_windows-64bit.zip", "74362dc711383255308230ecbeb587eb1e4e83a8d332be5b0259afac6e0c2224")
    }
  },
  {
    id: "grype",
    title: "Grype",
    version: "0.111.0",
    repo: "anchore/grype",
    tag: "v0.111.0",
    binary: "grype",
    scanners: ["grype", "grype-image"],
    // grype_0.111.0_checksums.txt; no windows/arm64 build is published.
    assets: {
      "linux/amd64": tarGz("grype_0.111.0_linux_amd64.tar.gz", "18ed2048d7a233566b681121d4632364f5f25d72cca86acc4c7ac57210d78a87"),
      "linux/arm64": tarGz("grype_0.111.0_linux_arm64.tar.gz", "1a8b9bd691ce274e44056e7572cdf8c6970bdf9ec694001f7b4b17962b121b43"),
      "darwin/amd64": tarGz("grype_0.111.0_darwin_amd64.tar.gz", "8fefd00f6ddd6407275be31b228089820e91c7a8cd2d046e877601773ac5062f"),
      "darwin/arm64": tarGz("grype_0.111.0_darwin_arm64.tar.gz", "62d005a1e36ac7ec0b7be801ebc8eab0053fd831a227e1dc8ea9c356d38fa361"),
      "windows/amd64": zip("grype_0.111.0_windows_amd64.zip", "17f3bfb758b3c18426a89060344d9569f4344b0a606d42b60bd89792f996e3bd")
    }
  },
  {
    id: "syft",
    title: "Syft",
    version: "1.42.4",
    repo: "anchore/syft",
    tag: "v1.42.4",
    binary: "syft",
    scanners: ["syft-image"],
    // syft_1.42.4_checksums.txt.
    assets: {
      "linux/amd64": tarGz("syft_1.42.4_linux_amd64.tar.gz", "590650c2743b83f327d1bf9bec64f6f83b7fec504187bb84f500c862bf8f2a0f"),
      "linux/arm64": tarGz("syft_1.42.4_linux_arm64.tar.gz", "5029bad1ed372649527b1e443cbceef7f5d6ae1cfe52c16e721559f94267128b"),
      "darwin/amd64": tarGz("syft_1.42.4_darwin_amd64.tar.gz", "4a14affad1b90f0bfa38fdb784279f01598b6099df40686391d814620e9de226"),
      "darwin/arm64": tarGz("syft_1.42.4_darwin_arm64.tar.gz", "0797b64cf8841c904682e6007a695f9cd3e72103f064dd286723c0a56a2273e2"),
      "windows/amd64": zip("syft_1.42.4_windows_amd64.zip", "a712f912e8fc83ce2bf6a7cea213c2d5185778d66ea2e07d42c767817f77e381"),
      "windows/arm64": zip("syft_1.42.4_windows_arm64.zip", "6596227b24729d54e727917d5d59e3a6a49fc59cd505aae5a6d7eb630d871e82")
    }
  },
  {
    id: "gitleaks",
    title: "Gitleaks",
    version: "8.30.1",
    repo: "gitleaks/gitleaks",
    tag: "v8.30.1",
    binary: "gitleaks",
    scanners: ["gitleaks"],
    // gitleaks_8.30.1_checksums.txt (Gitleaks calls amd64 "x64"); windows/arm64 left out: no checksum confirmed.
    assets: {
      "linux/amd64": tarGz("gitleaks_8.30.1_linux_x64.tar.gz", "551f6fc83ea457d62a0d98237cbad105af8d557003051f41f3e7ca7b3f2470eb"),
      "linux/arm64": tarGz("gitleaks_8.30.1_linux_arm64.tar.gz", "e4a487ee7ccd7d3a7f7ec08657610aa3606637dab924210b3aee62570fb4b080"),
      "darwin/amd64": tarGz("gitleaks_8.30.1_darwin_x64.tar.gz", "dfe101a4db2255fc85120ac7f3d25e4342c3c20cf749f2c20a18081af1952709"),
      "darwin/arm64": tarGz("gitleaks_8.30.1_darwin_arm64.tar.gz", "b40ab0ae55c505963e365f271a8d3846efbc170aa17f2607f13df610a9aeb6a5"),
      "windows/amd64": zip("gitleaks_8.30.1_windows_x64.zip", "d29144deff3a68aa93ced33dddf84b7fdc26070add4aa0f4513094c8332afc4e")
    }
  },
  {
    id: "osv-scanner",
    title: "OSV-Scanner",
    version: "2.6.0",
    repo: "google/osv-scanner",
    tag: "v2.6.0",
    binary: "osv-scanner",
    scanners: ["osv-scanner"],
    // osv-scanner_SHA256SUMS: plain executables, no archive; windows/arm64 left out: no checksum confirmed.
    assets: {
      "linux/amd64": binary("osv-scanner_linux_amd64", "ca69b3d3cd08f889a49dc0a383122f71cc528b83803671df5fd874d97485b108"),
      "linux/arm64": binary("osv-scanner_linux_arm64", "2c71403eb443d05891c4f268c3ad771cf4f16e5443463fd7851ef8f454d3c7e4"),
      "darwin/amd64": binary("osv-scanner_darwin_amd64", "60c5296637e977b28eeda5c7f13573e447659a632922737f94d11fa7e30ad6ca"),
      "darwin/arm64": binary("osv-scanner_darwin_arm64", "98c460dcd37de25819babd757d04542045b6243113e209edcd4d89fedb0256b4"),
      "windows/amd64": binary("osv-scanner_windows_amd64.exe", "e0ed7644118b717b028c249ee9d3515024e55e8510747ca08906eb96765354d6")
    }
  },
  {
    id: "hadolint",
    title: "Hadolint",
    version: "2.14.0",
    repo: "hadolint/hadolint",
    tag: "v2.14.0",
    binary: "hadolint",
    scanners: ["hadolint"],
    // hadolint-<os>-<arch>.sha256: plain executables; no windows/arm64 build is published.
    assets: {
      "linux/amd64": binary("hadolint-linux-x86_64", "6bf226944684f56c84dd014e8b979d27425c0148f61b3bd99bcc6f39e9dc5a47"),
      "linux/arm64": binary("hadolint-linux-arm64", "331f1d3511b84a4f1e3d18d52fec284723e4019552f4f47b19322a53ce9a40ed"),
      "darwin/amd64": binary("hadolint-macos-x86_64", "2b69a853433f1eca522ffb921cd490bd1321424d03331fd8390f93b7fb4a02e9"),
      "darwin/arm64": binary("hadolint-macos-arm64", "3625e2e9f43dcfe7bd38738a5f5520ed50ce39ed28485266e6803dd7bc197b10"),
      "windows/amd64": binary("hadolint-windows-x86_64.exe", "8e0ee174f88edb14f207a68430c7a53c2883ed509cdbde9a3a26fffa140fa5e4")
    }
  }
];
var PIP_TOOLS = [
  { id: "semgrep", title: "Semgrep", package: "semgrep", version: "1.185.0", scanners: ["semgrep"] },
  { id: "checkov", title: "Checkov", package: "checkov", version: "3.3.30", scanners: ["checkov"] },
  { id: "bandit", title: "Bandit", package: "bandit", version: "1.9.4", scanners: ["bandit"] }
];
var ToolInstallError = class extends PipewardenError {
  name = "ToolInstallError";
};
var RELEASES_BASE_URL = "https://github.com";
var INSTALL_MARKER = ".pipewarden-tool.json";
function pinnedToolFor(scannerId2) {
  return TOOL_RELEASES.find((tool) => tool.scanners.includes(scannerId2)) ?? PIP_TOOLS.find((tool) => tool.scanners.includes(scannerId2));
}
function installHintOf(scanner) {
  const tool = pinnedToolFor(scanner.id);
  return tool ? `${scanner.installHint}, or turn on install-tools for Pipewarden's verified ${tool.title} ${tool.version} (docs/tools.md)` : scanner.installHint;
}
function toolPlatformOf(platform, arch) {
  const os = platform === "linux" ? "linux" : platform === "darwin" ? "darwin" : platform === "win32" ? "windows" : void 0;
  const cpu = arch === "x64" ? "amd64" : arch === "arm64" ? "arm64" : void 0;
  return os && cpu ? `${os}/${cpu}` : void 0;
}
function assetFor(tool, platform) {
  const asset = platform && tool.assets[platform];
  if (asset) return asset;
  const there = Object.keys(tool.assets).join(", ");
  throw new ToolInstallError(`${tool.id} ${tool.version} has no verified build for ${platform ?? "this machine"} (there are: ${there}); install it yourself and put it on PATH`);
}
function assetUrl(tool, asset, mirror) {
  const base = (mirror ?? RELEASES_BASE_URL).replace(/\/+$/, "");
  return `${base}/${tool.repo}/releases/download/${encodeURIComponent(tool.tag)}/${encodeURIComponent(asset.name)}`;
}
var toolDir = (cacheDir, tool) => join8(cacheDir, tool.id, tool.version);
var executableName = (tool, platform) => platform.startsWith("windows/") ? `${tool.binary}.exe` : tool.binary;
function readInstallMarker(dir) {
  try {
    const marker = JSON.parse(readFileSync2(join8(dir, INSTALL_MARKER), "utf8"));
    return typeof marker.sha256 === "string" && typeof marker.asset === "string" ? marker : void 0;
  } catch {
    return void 0;
  }
}
var pipxDirs = (cacheDir) => ({ home: join8(cacheDir, "pipx", "home"), bin: join8(cacheDir, "pipx", "bin") });
function installedToolDirs(cacheDir, platform) {
  const dirs = [];
  if (platform) {
    for (const tool of TOOL_RELEASES) {
      const dir = toolDir(cacheDir, tool);
      if (readInstallMarker(dir) && existsSync3(join8(dir, executableName(tool, platform)))) dirs.push(dir);
    }
  }
  const pipx = pipxDirs(cacheDir).bin;
  if (existsSync3(pipx)) dirs.push(pipx);
  return dirs;
}
function withToolDirs(env2, dirs, delimiter = pathDelimiter) {
  if (!dirs.length) return { ...env2 };
  const key = Object.keys(env2).find((name2) => name2.toUpperCase() === "PATH") ?? "PATH";
  const current = env2[key];
  return { ...env2, [key]: [...dirs, ...current ? [current] : []].join(delimiter) };
}
function parseChecksums(text22, file) {
  const sums = /* @__PURE__ */ new Map();
  const problems = [];
  text22.split(/\r?\n/).forEach((line2, index) => {
    if (!line2.trim() || line2.trimStart().startsWith("#")) return;
    const match = /^([0-9a-fA-F]{64})\s+\*?(\S.*?)\s*$/.exec(line2.trim());
    if (!match) problems.push(`line ${index + 1}: expected "<sha256>  <file name>"`);
    else sums.set(match[2].replace(/^.*\//, ""), match[1].toLowerCase());
  });
  if (problems.length) throw new ToolInstallError(problems.join("; "), { file });
  return sums;
}
function workOf(scanner, input) {
  const { targets, shard, changed: changed2 } = input;
  if (scanner.target === "url" || scanner.target === "image") {
    const what2 = scanner.target === "url" ? targets.url?.href : targets.image ?? targets.imageArchive;
    const missing2 = what2 ? void 0 : scanner.target === "url" ? "needs --target-url (the running application)" : "needs --image or --image-archive (the image the pipeline built)";
    return { byTarget: true, what: what2, applicable: what2 ? [what2] : [], files: [], missing: missing2 };
  }
  const pool = scanner.category === "sca" || scanner.category === "container" ? input.filesWithThirdParty ?? input.files : input.files;
  const applicable = scanner.select(changed2 && scanner.fileList ? pool.filter((file) => changed2.has(file)) : pool);
  const files = applicable.filter((file) => !shard || shardOf(`${scanner.id}\0${file}`, shard.total) === shard.index);
  return { byTarget: false, applicable, files };
}
async function runScanner(scanner, input, ports, signal) {
  const scannerEnv = { ports, env: input.env, root: input.root };
  const began = performance.now();
  const elapsed = () => Math.round(performance.now() - began);
  const skip = (reason, extra = {}) => ({ run: { id: scanner.id, status: "skipped", reason, durationMs: elapsed(), files: 0, ...extra } });
  const work = workOf(scanner, input);
  if (work.missing) {
    return input.explicit ? { run: { id: scanner.id, status: "failed", reason: work.missing, durationMs: elapsed(), files: 0 } } : skip(NOTHING_TO_SCAN);
  }
  if (work.applicable.length === 0 && !input.explicit) return skip(NOTHING_TO_SCAN);
  const availability = await scanner.detect(scannerEnv);
  if (!availability.available) {
    const reason = `${availability.reason}; ${installHintOf(scanner)}`;
    return { run: { id: scanner.id, status: input.explicit ? "failed" : "skipped", reason, durationMs: elapsed(), files: 0 } };
  }
  if (work.files.length === 0 && !work.byTarget) {
    const reason = input.shard && work.applicable.length ? `no files for it to scan in shard ${input.shard.index}/${input.shard.total}` : NOTHING_TO_SCAN;
    return skip(reason, { version: availability.version });
  }
  const outputFile = join9(input.rawDir, `${scanner.id}.${scanner.format === "sarif" ? "sarif" : "json"}`);
  const what2 = work.byTarget ? work.what : `${work.files.length} file${work.files.length === 1 ? "" : "s"}`;
  ports.log("info", `${scanner.id} ${availability.version}: scanning ${what2}`);
  ports.progress?.({ type: "start", scanner: scanner.id, target: what2 });
  const target = { root: input.root, files: work.files, leftOutLinks: input.leftOutLinks, outputFile, targets: input.targets, config: input.config, options: input.options?.[scanner.id] ?? {}, now: input.now };
  await rm3(outputFile, { force: true });
  const started = { caveat: availability.caveat, version: availability.version, timeoutMs: input.timeouts?.[scanner.id] ?? scanner.timeoutMs, elapsed, startedAt: (/* @__PURE__ */ new Date()).toISOString() };
  if (scanner.kind === "analyzer") return runAnalyzer(scanner, target, { ...scannerEnv, feeds: input.feeds, log: ports.log, advisories: input.advisories }, started);
  return runCommand(scanner, target, scannerEnv, input, started, signal);
}
async function runCommand(scanner, target, scannerEnv, input, at, signal) {
  const files = target.files;
  let command;
  try {
    command = scanner.command(target, scannerEnv);
  } catch (error) {
    return { run: { id: scanner.id, status: "failed", version: at.version, reason: error.message, durationMs: at.elapsed(), files: files.length } };
  }
  const result2 = await scannerEnv.ports.exec({ command: command.command, args: command.args, cwd: command.cwd, env: command.env ? { ...input.env, ...command.env } : input.env, timeoutMs: at.timeoutMs, signal });
  if (signal?.aborted) return { run: { id: scanner.id, status: "skipped", version: at.version, reason: STOPPED, durationMs: at.elapsed(), files: files.length } };
  const base = {
    id: scanner.id,
    version: at.version,
    durationMs: at.elapsed(),
    exitCode: result2.exitCode,
    files: files.length,
    stderrTail: tail(result2.stderr),
    startedAt: at.startedAt,
    endedAt: (/* @__PURE__ */ new Date()).toISOString(),
    ...at.caveat ? { caveat: at.caveat } : {},
    commandLine: maskedCommandLine(command.command, command.args, command.cwd),
    ...scanner.facts ? { facts: scanner.facts({ stdout: result2.stdout, stderr: result2.stderr }) } : {}
  };
  if (result2.notFound) return { run: { ...base, status: "failed", reason: `${command.command} not found; ${installHintOf(scanner)}` } };
  if (result2.timedOut) {
    const stopped = `timed out after ${Math.round(at.timeoutMs / 1e3)} s; it was stopped with the processes it started`;
    if (await recoverReport(scanner, target, scannerEnv, input, signal)) {
      return { run: { ...base, durationMs: at.elapsed(), status: "partial", reason: `${stopped}; the findings it had stored until then are kept` }, report: reportOf(scanner, target, at.version) };
    }
    return { run: { ...base, status: "failed", reason: stopped } };
  }
  const meaning = result2.exitCode === null ? "error" : scanner.exitMeaning(result2.exitCode);
  const detail = () => redactText((result2.stderr.trim() || result2.stdout.trim()).split("\n").find((line2) => line2.trim()) ?? "no output");
  const partial = meaning === "partial" && command.output === "file" && await stat7(target.outputFile).then((s) => s.isFile(), () => false);
  if (meaning === "error" || meaning === "partial" && !partial) {
    return { run: { ...base, status: "failed", reason: `exited with ${result2.exitCode ?? "a signal"}: ${detail().slice(0, 300)}` } };
  }
  if (command.output === "stdout") await writeFile22(target.outputFile, result2.stdout);
  if (command.output === "convert") {
    try {
      const log2 = scanner.convert({ stdout: result2.stdout, stderr: result2.stderr, exitCode: result2.exitCode ?? -1 }, { root: target.root, files, outputFile: target.outputFile });
      await writeFile22(target.outputFile, JSON.stringify(log2));
    } catch (error) {
      return { run: { ...base, status: "failed", reason: `its output could not be read: ${error.message}` } };
    }
  }
  if (partial) return { run: { ...base, status: "partial", reason: `its scan was partial (exit ${result2.exitCode}): ${detail().slice(0, 300)}` }, report: reportOf(scanner, target, at.version) };
  return { run: { ...base, status: "ran" }, report: reportOf(scanner, target, at.version) };
}
async function recoverReport(scanner, target, scannerEnv, input, signal) {
  const command = scanner.recover?.(target, scannerEnv);
  if (!command) return false;
  await rm3(target.outputFile, { force: true });
  const result2 = await scannerEnv.ports.exec({ command: command.command, args: command.args, cwd: command.cwd, env: command.env ? { ...input.env, ...command.env } : input.env, timeoutMs: 12e4, signal });
  if (result2.timedOut || result2.exitCode !== 0) return false;
  return stat7(target.outputFile).then((s) => s.isFile(), () => false);
}
async function runAnalyzer(scanner, target, context, at) {
  const base = { id: scanner.id, version: at.version, files: target.files.length, startedAt: at.startedAt, ...at.caveat ? { caveat: at.caveat } : {} };
  let timer;
  try {
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new TimedOut(`timed out after ${Math.round(at.timeoutMs / 1e3)} s`)), at.timeoutMs);
    });
    const log2 = await Promise.race([scanner.analyze(target, context), timeout]);
    await writeFile22(target.outputFile, JSON.stringify(log2));
  } catch (error) {
    const ended = { durationMs: at.elapsed(), endedAt: (/* @__PURE__ */ new Date()).toISOString() };
    if (error instanceof TimedOut) return { run: { ...base, ...ended, status: "failed", reason: error.message } };
    if (isPipewardenError(error) && !(error instanceof InternalError)) return { run: { ...base, ...ended, status: "failed", reason: error.toLine() } };
    throw new InternalError(`internal error in the ${scanner.id} analyzer: ${error.message ?? String(error)}`, { file: scanner.id, cause: error });
  } finally {
    clearTimeout(timer);
  }
  return { run: { ...base, status: "ran", exitCode: 0, durationMs: at.elapsed(), endedAt: (/* @__PURE__ */ new Date()).toISOString() }, report: reportOf(scanner, target, at.version) };
}
var TimedOut = class extends Error {
};
function reportOf(scanner, target, version2) {
  return { file: target.outputFile, format: scanner.format, scanner: { id: scanner.id, version: version2, category: scanner.category }, annotate: scanner.annotate?.bind(scanner) };
}
function tail(stderr) {
  const lines = stderr.trim().split("\n").filter((line2) => line2.trim());
  return lines.length ? redactText(lines.slice(-20).join("\n").slice(-4e3)) : void 0;
}
function shardOf(key, total) {
  return parseInt(createHash4("sha256").update(key).digest("hex").slice(0, 8), 16) % total + 1;
}
async function collect(input, ports) {
  ensureDir(input.rawDir);
  const concurrency = Math.max(1, input.concurrency ?? availableParallelism2());
  const outcomes = new Array(input.scanners.length);
  const order = input.scanners.map((scanner, index) => ({ scanner, index })).sort((a, b) => (a.scanner.cost ?? 3) - (b.scanner.cost ?? 3) || a.index - b.index);
  let next = 0;
  const stop = new AbortController();
  async function worker() {
    while (next < order.length) {
      const { scanner, index } = order[next++];
      if (stop.signal.aborted) {
        outcomes[index] = { run: { id: scanner.id, status: "skipped", reason: STOPPED, durationMs: 0, files: 0 } };
        continue;
      }
      try {
        outcomes[index] = await runScanner(scanner, input, ports, stop.signal);
      } catch (error) {
        if (error instanceof InternalError) throw error;
        throw new ScannerError(scanner.id, error.message, { file: scanner.id, cause: error });
      }
      const { run: run2, report } = outcomes[index];
      if (run2.status !== "skipped" || run2.reason !== NOTHING_TO_SCAN) ports.progress?.({ type: "end", scanner: run2.id, status: run2.status, durationMs: run2.durationMs, reason: run2.reason });
      if (report && input.stopAfter && !stop.signal.aborted && await input.stopAfter(report)) {
        ports.log("warn", `${scanner.id} failed the gate: --fail-fast stops the scan`);
        stop.abort();
      }
      if (run2.status === "failed") ports.log("warn", `${scanner.id}: failed: ${run2.reason}`);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, input.scanners.length) }, worker));
  return {
    runs: outcomes.map((outcome) => outcome.run),
    reports: outcomes.flatMap((outcome) => outcome.report ? [outcome.report] : [])
  };
}
var GITHUB_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25e3,
  rulesPerRun: 25e3,
  tagsPerRule: 20,
  locationsPerResult: 1e3,
  threadFlowLocationsPerResult: 1e4,
  gzipBytes: 10 * 1024 * 1024
};
var PRECISIONS = /* @__PURE__ */ new Set(["very-high", "high", "medium", "low"]);
var CATEGORY_PRECISION = { sast: "medium", sca: "very-high", secrets: "high", iac: "high", container: "very-high", dast: "high", sbom: "very-high" };
var PROBLEM_SEVERITY = { error: "error", warning: "warning", note: "recommendation", none: "recommendation" };
function isRepoRelative(location2) {
  const artifact = location2.physicalLocation?.artifactLocation;
  if (!artifact?.uri) return false;
  if (artifact.uriBaseId) return artifact.uriBaseId === SRCROOT;
  return !/^[a-z][a-z0-9+.-]*:/i.test(artifact.uri) && !artifact.uri.startsWith("/");
}
function githubTags(rule, finding, max) {
  const own = (rule?.properties?.tags ?? []).filter((t) => typeof t === "string" && t.trim());
  const recorded = prop(rule?.properties, PROP.cwe) ?? [];
  const cwes = [...finding.cwes, ...recorded].map((cwe) => `external/cwe/${cwe.toLowerCase()}`);
  const ordered = ["security", ...cwes, ...own.filter((t) => /^external\/cwe\//i.test(t)), ...own];
  return [...new Set(ordered)].slice(0, max);
}
function githubRule(id, rule, finding, limits) {
  const props = rule?.properties ?? {};
  const level = rule?.defaultConfiguration?.level ?? finding.result.level ?? "warning";
  const precision = typeof props.precision === "string" && PRECISIONS.has(props.precision) ? props.precision : CATEGORY_PRECISION[finding.category];
  const severity = props["security-severity"] ?? finding.result.properties?.["security-severity"] ?? finding.score.toFixed(1);
  return {
    id,
    ...rule?.name ? { name: rule.name } : {},
    shortDescription: rule?.shortDescription ?? { text: id },
    ...rule?.fullDescription ? { fullDescription: rule.fullDescription } : {},
    ...rule?.help ? { help: rule.help } : {},
    ...rule?.helpUri ? { helpUri: rule.helpUri } : {},
    defaultConfiguration: { level },
    properties: {
      tags: githubTags(rule, finding, limits.tagsPerRule),
      "security-severity": String(severity),
      precision,
      "problem.severity": PROBLEM_SEVERITY[level] ?? "warning"
    }
  };
}
function githubResult(finding, ruleIndex, anchorUri, limits) {
  const source = finding.result;
  const locations = (source.locations ?? []).filter(isRepoRelative).slice(0, limits.locationsPerResult);
  const logical = (source.locations ?? []).flatMap((l) => l.logicalLocations ?? []);
  const dast = prop(source.properties, PROP.dast);
  if (dast?.url && !logical.length) logical.push({ fullyQualifiedName: `${(dast.method ?? "GET").toUpperCase()} ${dast.url}`, kind: "resource" });
  if (!locations.length) {
    if (!anchorUri) return void 0;
    locations.push({ physicalLocation: { artifactLocation: { uri: anchorUri, uriBaseId: SRCROOT }, region: { startLine: 1 } }, ...logical.length ? { logicalLocations: logical.slice(0, 10) } : {} });
  } else if (logical.length && !locations[0].logicalLocations) {
    locations[0] = { ...locations[0], logicalLocations: logical.slice(0, 10) };
  }
  let flowBudget = limits.threadFlowLocationsPerResult;
  const codeFlows = source.codeFlows?.map((flow) => ({
    ...flow,
    threadFlows: flow.threadFlows.map((thread) => {
      const kept = thread.locations.slice(0, Math.max(0, flowBudget));
      flowBudget -= kept.length;
      return { ...thread, locations: kept };
    })
  }));
  const props = source.properties ?? {};
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    ...source.level ? { level: source.level } : {},
    message: source.message.text !== void 0 ? { text: source.message.text } : { text: finding.message },
    locations,
    ...source.relatedLocations?.length ? { relatedLocations: source.relatedLocations.filter(isRepoRelative).slice(0, limits.locationsPerResult) } : {},
    ...codeFlows?.length ? { codeFlows } : {},
    ...source.partialFingerprints ? { partialFingerprints: source.partialFingerprints } : {},
    ...source.suppressions?.length ? { suppressions: source.suppressions } : {},
    ...source.fixes?.length ? { fixes: source.fixes } : {},
    properties: Object.fromEntries(
      ["security-severity", PROP.risk, PROP.priority, PROP.kev, PROP.slaDays, PROP.package, PROP.dast].flatMap((key) => props[key] !== void 0 ? [[key, props[key]]] : [])
    )
  };
}
function buildRun(group, findings, categoryId, anchorUri, limits) {
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  const results = [];
  for (const finding of findings) {
    let index = ruleIndex.get(finding.ruleId);
    if (index === void 0) {
      index = rules.length;
      ruleIndex.set(finding.ruleId, index);
      rules.push(githubRule(finding.ruleId, finding.rule, finding, limits));
    }
    const result2 = githubResult(finding, index, anchorUri, limits);
    if (result2) results.push(result2);
  }
  const driver = group.source.tool.driver;
  return {
    tool: {
      driver: {
        name: driver.name,
        ...driver.version ? { version: driver.version } : {},
        ...driver.semanticVersion ? { semanticVersion: driver.semanticVersion } : {},
        ...driver.informationUri ? { informationUri: driver.informationUri } : {},
        // At most one rule per result, so the result limit bounds the rules too.
        rules
      }
    },
    automationDetails: { id: `${categoryId}/` },
    ...group.source.versionControlProvenance ? { versionControlProvenance: group.source.versionControlProvenance } : {},
    columnKind: group.source.columnKind ?? "utf16CodeUnits",
    results,
    properties: { [PROP.scanner]: group.source.properties?.[PROP.scanner] ?? driver.name, [PROP.category]: group.category }
  };
}
function measured(log2, limit) {
  const text22 = `${JSON.stringify(log2)}
`;
  const bound = Buffer.byteLength(text22) * 1.001 + 64;
  if (bound <= limit) return { text: text22, size: Math.ceil(bound) };
  const fast = gzipSync(text22, { level: 1 }).length;
  return { text: text22, size: fast <= limit ? fast : gzipSync(text22).length };
}
function githubSarif(log2, options2 = {}) {
  const limits = { ...GITHUB_LIMITS, ...options2.limits };
  const prefix = options2.prefix ?? "pipewarden";
  const omitted = /* @__PURE__ */ new Map();
  const omit = (finding, reason) => {
    const key = `${finding.tool}\0${finding.category}\0${reason}`;
    const entry = omitted.get(key) ?? { tool: finding.tool, category: finding.category, count: 0, reason, maxRisk: 0 };
    entry.count++;
    entry.maxRisk = Math.max(entry.maxRisk, finding.risk ?? 0);
    omitted.set(key, entry);
  };
  const groups = /* @__PURE__ */ new Map();
  const all = options2.findings ?? findingsOf(log2);
  for (const run2 of log2.runs) {
    if ((run2.invocations ?? []).some((i) => i.executionSuccessful === false)) continue;
    const own = run2.properties?.[PROP.category];
    const category = own ?? (run2.results?.[0] ? categoryOf(run2, run2.results[0]) : categoryOf(run2, { message: {} }));
    const key = `${category}\0${run2.tool.driver.name}`;
    if (!groups.has(key)) groups.set(key, { tool: run2.tool.driver.name, category, source: run2, findings: [] });
  }
  for (const finding of sortByRisk(all)) {
    const key = `${finding.category}\0${finding.tool}`;
    const group = groups.get(key) ?? { tool: finding.tool, category: finding.category, source: finding.run, findings: [] };
    group.findings.push(finding);
    groups.set(key, group);
  }
  const byCategory = /* @__PURE__ */ new Map();
  for (const group of groups.values()) {
    const list22 = byCategory.get(group.category);
    if (list22) list22.push(group);
    else byCategory.set(group.category, [group]);
  }
  const files = [];
  for (const [category, tools] of [...byCategory.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    tools.sort((a, b) => a.tool.localeCompare(b.tool));
    for (let chunk = 0; chunk * limits.runsPerFile < tools.length; chunk++) {
      const part = tools.slice(chunk * limits.runsPerFile, (chunk + 1) * limits.runsPerFile);
      const suffix = chunk ? `-${chunk + 1}` : "";
      const categoryId = `${prefix}/${category}${suffix}`;
      let kept2 = part.map((group) => {
        const sorted = group.findings;
        for (const finding of sorted.slice(limits.resultsPerRun)) omit(finding, "results per run");
        return { group, findings: sorted.slice(0, limits.resultsPerRun) };
      });
      const make = () => ({
        $schema: SARIF_SCHEMA_URI,
        version: SARIF_VERSION,
        runs: kept2.map(({ group, findings }) => buildRun(group, findings, categoryId, options2.anchorUri, limits))
      });
      let out = make();
      let { text: text22, size } = measured(out, limits.gzipBytes);
      while (size > limits.gzipBytes) {
        const ranked = sortByRisk(kept2.flatMap(({ findings }) => findings));
        const keep = Math.max(0, Math.min(ranked.length - 1, Math.floor(ranked.length * (limits.gzipBytes / size) * 0.95)));
        const survivors = new Set(ranked.slice(0, keep));
        for (const finding of ranked.slice(keep)) omit(finding, "file size");
        kept2 = kept2.map(({ group, findings }) => ({ group, findings: findings.filter((f) => survivors.has(f)) }));
        out = make();
        ({ text: text22, size } = measured(out, limits.gzipBytes));
      }
      for (const { findings } of kept2) {
        for (const finding of findings) if (!options2.anchorUri && !(finding.result.locations ?? []).some(isRepoRelative)) omit(finding, "no file location");
      }
      const results = out.runs.reduce((n, run2) => n + (run2.results?.length ?? 0), 0);
      files.push({ name: `${category}${suffix}.sarif`, category: categoryId, log: out, text: text22, results, gzipBytes: size });
    }
  }
  const kept = files.reduce((n, f) => n + f.results, 0);
  return { files, kept, total: all.length, omitted: [...omitted.values()].sort((a, b) => b.count - a.count) };
}
function describeOmissions(github) {
  return github.omitted.map(
    (o) => `${o.tool} (${o.category}): ${o.count} result${o.count === 1 ? "" : "s"} left out (${o.reason === "results per run" ? "over the 25,000 results per run" : o.reason === "file size" ? "over the 10 MB gzipped file size" : "no file in the repository to show it on"}), the riskiest of them at risk ${o.maxRisk}`
  );
}
var ATTRIBUTES = ["linguist-vendored", "linguist-generated"];
var CHUNK2 = 5e4;
var stdinOf = (paths) => `${paths.join("\0")}\0`;
function gitAttributes(root, ports, env2) {
  let pending = [];
  let scheduled = false;
  let broken = false;
  const known = /* @__PURE__ */ new Map();
  async function flush() {
    scheduled = false;
    const batch = pending;
    pending = [];
    for (let i = 0; i < batch.length; i += CHUNK2) {
      const chunk = batch.slice(i, i + CHUNK2);
      const verdicts = broken ? /* @__PURE__ */ new Map() : await ask(chunk.map((item) => item.path));
      for (const item of chunk) item.resolve(verdicts.get(item.path));
    }
  }
  async function ask(paths) {
    const result2 = await ports.exec({ command: "git", args: ["check-attr", "-z", "--stdin", ...ATTRIBUTES], input: stdinOf(paths), cwd: root, env: env2, timeoutMs: 6e4 });
    const verdicts = /* @__PURE__ */ new Map();
    if (result2.exitCode !== 0) {
      broken = true;
      return verdicts;
    }
    const set = /* @__PURE__ */ new Map();
    const unset = /* @__PURE__ */ new Set();
    const fields = result2.stdout.split("\0");
    for (let i = 0; i + 2 < fields.length; i += 3) {
      const [path2, attribute2, value] = [fields[i], fields[i + 1], fields[i + 2]];
      if (value === "set" || value === "true") set.set(path2, set.get(path2) ?? (attribute2 === "linguist-vendored" ? "vendored" : "generated"));
      else if (value === "unset" || value === "false") unset.add(path2);
    }
    for (const path2 of paths) {
      const verdict = set.get(path2) ?? (unset.has(path2) ? "owned" : void 0);
      verdicts.set(path2, verdict);
      known.set(path2, verdict);
    }
    return verdicts;
  }
  return {
    async prefetch(paths) {
      const unknown = paths.filter((path2) => !known.has(path2));
      for (let i = 0; i < unknown.length && !broken; i += CHUNK2) await ask(unknown.slice(i, i + CHUNK2));
    },
    of(path2) {
      if (known.has(path2) || broken) return Promise.resolve(known.get(path2));
      return new Promise((resolve13) => {
        pending.push({ path: path2, resolve: resolve13 });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => void flush());
        }
      });
    }
  };
}
async function gitIgnored(root, paths, ports, env2) {
  const ignored = /* @__PURE__ */ new Set();
  for (let i = 0; i < paths.length; i += CHUNK2) {
    const result2 = await ports.exec({ command: "git", args: ["check-ignore", "-z", "--stdin"], input: stdinOf(paths.slice(i, i + CHUNK2)), cwd: root, env: env2, timeoutMs: 6e4 });
    if (result2.exitCode !== 0 && result2.exitCode !== 1) return ignored;
    for (const path2 of result2.stdout.split("\0")) if (path2) ignored.add(path2);
  }
  return ignored;
}
var PACKER = /eval\(function\(p,a,c,k,e,[rd]\)/;
var OBFUSCATOR = /\b_0x[0-9a-f]{4,6}\b/g;
var BUNDLER = /webpackBootstrap|__webpack_require__\.[a-z]\s*=|\bparcelRequire\b|System\.register\(\[|\(function\(\)\{function r\(e,n,t\)\{function o\(i,f\)/;
var UMD = /typeof exports\s*===?\s*['"]object['"]\s*&&\s*typeof module\s*!==?\s*['"]undefined['"]\s*\?\s*module\.exports\s*=\s*factory\(/;
var GENERATED_HEADER = /@generated\b|Code generated .{0,80}DO NOT EDIT|<auto-generated|This file (?:is|was) (?:automatically|auto-) ?generated|AUTO-GENERATED FILE/i;
var BANNER = /^\s*(?:\/\*!?|\/\/!?)[^]{0,300}?\b[A-Za-z][\w.-]*(?:\.js)?\s+v?\d+\.\d+\.\d+\b[^]{0,300}?(?:licen[cs]e|\(c\)|©|copyright|https?:\/\/)/i;
var LONG_LINE = 500;
function shapeOf2(head) {
  if (head.length === 0) return void 0;
  const top = head.slice(0, 1024);
  if (GENERATED_HEADER.test(top)) return "generated";
  if (PACKER.test(head)) return "minified";
  if ((head.match(OBFUSCATOR)?.length ?? 0) >= 20) return "minified";
  if (BUNDLER.test(head)) return "minified";
  if (head.length >= 1024 && mostlyLongLines(head)) return "minified";
  if (BANNER.test(top) || UMD.test(head.slice(0, 4096))) return "vendored";
  return void 0;
}
function mostlyLongLines(text22) {
  let inLong = 0;
  let start = 0;
  while (start < text22.length) {
    let end = text22.indexOf("\n", start);
    if (end === -1) end = text22.length;
    if (end - start > LONG_LINE) inLong += end - start;
    start = end + 1;
  }
  return inLong / text22.length > 0.5;
}
var EXCLUSION_REASONS = {
  dependencies: "in a dependency folder (node_modules, bower_components, site-packages, \u2026)",
  vendored: "vendored third-party code (vendor/, third_party/, a library banner or linguist-vendored)",
  minified: "minified, bundled or obfuscated",
  generated: "generated (build output in dist/, a generated-code header or linguist-generated)",
  ignored: "ignored by .gitignore",
  excluded: "excluded by your `exclude:` patterns",
  placeholder: "placeholder credentials, not secrets (<password>, ${VAR}, changeme, \u2026)",
  outside: "symlinks that lead outside the scanned folder (not followed)",
  special: "symlinks to something that is not a regular file (a FIFO, a socket, a device)"
};
var DEPENDENCY_DIRS = /* @__PURE__ */ new Set(["node_modules", "bower_components", "jspm_packages", "web_modules", "site-packages", "dist-packages", ".venv", "venv", "Pods", ".bundle", ".npm", ".pnpm-store", ".pipewarden-cache"]);
var VENDOR_DIRS = /* @__PURE__ */ new Set(["vendor", "vendors", "third_party", "third-party", "thirdparty", "3rdparty", "external_libs"]);
var BUILD_DIRS = /* @__PURE__ */ new Set(["dist"]);
var MINIFIED_NAME = /[.-]min\.(?:[cm]?js|css)$|\.(?:bundle|chunk)\.[cm]?js$/i;
var GENERATED_NAME = /\.pb\.go$|_pb2(?:_grpc)?\.pyi?$|\.generated\.[a-z]+$|\.g\.(?:cs|dart)$|\.designer\.cs$|(?:^|\/)__snapshots__\/|\.snap$/i;
var SHAPED = /\.(?:[cm]?js|jsx|css|php|py|java|ts|tsx|vue|svelte)$/i;
function globMatcher(patterns) {
  const expanded = patterns.flatMap((raw) => {
    const pattern2 = raw.replace(/^\.\//, "").replace(/\/+$/, "");
    if (!pattern2.includes("/")) return [`**/${pattern2}`, `**/${pattern2}/**`];
    const anchored = pattern2.replace(/^\//, "");
    return [anchored, `${anchored}/**`];
  });
  return expanded.length ? (0, import_picomatch3.default)(expanded, { dot: true }) : () => false;
}
function reasonByName(path2) {
  const parts = path2.split("/");
  const dirs = parts.slice(0, -1);
  if (dirs.some((part) => DEPENDENCY_DIRS.has(part))) return "dependencies";
  if (dirs.some((part) => VENDOR_DIRS.has(part.toLowerCase()))) return "vendored";
  if (dirs.some((part) => BUILD_DIRS.has(part))) return "generated";
  if (MINIFIED_NAME.test(path2)) return "minified";
  if (GENERATED_NAME.test(path2)) return "generated";
  return void 0;
}
async function createExclusions(root, rules, ports, env2) {
  const userExcludes = globMatcher(rules.exclude ?? []);
  const included = globMatcher(rules.include ?? []);
  const attributes = gitAttributes(root, ports, env2);
  const reader = rootReader(root);
  const cache = /* @__PURE__ */ new Map();
  const counts = { files: {}, findings: {}, examples: {} };
  const listings = /* @__PURE__ */ new Map();
  async function mayExist(path2) {
    const slash = path2.lastIndexOf("/");
    const folder = slash < 0 ? "." : path2.slice(0, slash);
    const name2 = path2.slice(slash + 1);
    if (name2 === "" || name2 === "." || name2 === "..") return true;
    let listing = listings.get(folder);
    if (!listing) {
      listing = reader.locate(folder || ".").then(
        (where4) => "refused" in where4 ? void 0 : readdir5(where4.real).then((names) => new Set(names), () => void 0),
        () => void 0
      );
      listings.set(folder, listing);
    }
    return (await listing)?.has(name2) ?? false;
  }
  async function byContent(path2) {
    const attribute2 = await attributes.of(path2);
    if (attribute2 === "owned") return void 0;
    if (attribute2) return attribute2;
    const named = reasonByName(path2);
    if (named) return named;
    if (!SHAPED.test(path2)) return void 0;
    if (!await mayExist(path2)) return void 0;
    const head = await reader.read(path2, { head: HEAD_BYTES });
    return "refused" in head ? void 0 : shapeOf2(head.data.toString("utf8"));
  }
  return {
    counts,
    userExcludes,
    prefetch: (paths) => attributes.prefetch(paths),
    reasonOf(path2) {
      if (userExcludes(path2)) return Promise.resolve("excluded");
      if (included(path2)) return Promise.resolve(void 0);
      let known = cache.get(path2);
      if (!known) {
        known = byContent(path2);
        cache.set(path2, known);
      }
      return known;
    },
    count(kind, reason, path2) {
      counts[kind][reason] = (counts[kind][reason] ?? 0) + 1;
      const examples = counts.examples[reason] ??= [];
      if (examples.length < 3 && !examples.includes(path2)) examples.push(path2);
    }
  };
}
var HEAD_BYTES = 64 * 1024;
async function partitionFiles(files, exclusions) {
  await exclusions.prefetch(files);
  const reasons = await mapLimited2(files, 64, (file) => exclusions.reasonOf(file));
  const kept = [];
  files.forEach((file, index) => {
    const reason = reasons[index];
    if (reason) exclusions.count("files", reason, file);
    else kept.push(file);
  });
  return kept;
}
async function mapLimited2(items2, limit, fn) {
  const out = new Array(items2.length);
  let next = 0;
  const worker = async () => {
    while (next < items2.length) {
      const index = next++;
      out[index] = await fn(items2[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items2.length) }, worker));
  return out;
}
function describeExclusions(counts) {
  const lines = [];
  const part = (of) => Object.entries(of).sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n.toLocaleString("en-US")} ${EXCLUSION_REASONS[reason]}`).join("; ");
  const total = (of) => Object.values(of).reduce((n, v) => n + (v ?? 0), 0);
  const files = total(counts.files);
  const findings = total(counts.findings);
  if (files) lines.push(`${files.toLocaleString("en-US")} file${files === 1 ? "" : "s"} not scanned: ${part(counts.files)}`);
  if (findings) lines.push(`${findings.toLocaleString("en-US")} finding${findings === 1 ? "" : "s"} not reported: ${part(counts.findings)}`);
  return lines;
}
function acceptedSection(findings) {
  const byTicket = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const acceptance = acceptanceOf2(finding);
    if (!acceptance) continue;
    const entry = byTicket.get(acceptance.url) ?? { acceptance, findings: [] };
    entry.findings.push(finding);
    byTicket.set(acceptance.url, entry);
  }
  if (!byTicket.size) return [];
  const out = ["### Accepted on tickets", ""];
  for (const { acceptance: a, findings: list22 } of byTicket.values()) {
    const top = list22[0];
    const link = /^https?:\/\//i.test(a.url) ? `[${escapeMarkdown(a.ticket, 60)}](${a.url.replace(/[()\s]/g, encodeURIComponent)})` : escapeMarkdown(a.url, 200);
    out.push(
      `- \u2705 ${markdownCode(top.ruleId)} in ${markdownCode(componentOf(top))} (${list22.length} finding${list22.length === 1 ? "" : "s"}): accepted on ${link}, closed as ${escapeMarkdown(a.as, 60)} by ${escapeMarkdown(a.owner, 100)} on ${escapeMarkdown(a.since, 20)}; waived until ${escapeMarkdown(a.until, 20)}`
    );
  }
  out.push("");
  return out;
}
function acceptanceOf2(finding) {
  if (!finding.suppressed) return void 0;
  const value = prop(finding.result.properties, PROP.ticketAcceptance);
  return value && typeof value.url === "string" ? value : void 0;
}
function rangesOf(lines) {
  const sorted = [...new Set(lines)].filter((n) => n > 0).sort((a, b) => a - b);
  const out = [];
  for (const n of sorted) {
    const last = out.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}
function describeRanges(ranges) {
  return ranges.map(([a, b]) => a === b ? String(a) : `${a}\u2013${b}`).join(", ");
}
function linesMatching(text22, pattern2) {
  const out = [];
  text22.split("\n").forEach((line2, index) => {
    if (pattern2.test(line2)) out.push(index + 1);
  });
  return out;
}
var MAX_REASONS = 30;
function linesUrl(file, lines, links) {
  const base = safeHttpUrl(links?.blob);
  if (!base) return void 0;
  const path2 = file.split("/").map((s) => encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join("/");
  const first = lines[0];
  if (!first) return `${base}/${path2}`;
  const gitlab2 = base.includes("/-/blob/");
  return `${base}/${path2}#L${first[0]}${first[1] !== first[0] ? gitlab2 ? `-${first[1]}` : `-L${first[1]}` : ""}`;
}
function where2(reason, links) {
  const text22 = markdownCode(`${reason.file}${reason.lines.length ? `:${describeRanges(reason.lines.slice(0, 4))}` : ""}`, 200);
  const url = reason.lines.length ? linesUrl(reason.file, reason.lines, links) : void 0;
  return url && url.length <= 2e3 ? `[${text22}](${url})` : text22;
}
function status(review) {
  if (review.approved) return `Approved: the \`${escapeMarkdown(review.approvalLabel, 50)}\` label is on it.`;
  return `A security reviewer should look at it, then add the \`${escapeMarkdown(review.approvalLabel, 50)}\` label.`;
}
function reviewMarkdown(review, links) {
  if (!review?.reasons.length) return [];
  const files = new Set(review.reasons.map((r) => r.file)).size;
  const out = [`### Needs security review`, "", `This change is high-risk: ${review.reasons.length} reason${review.reasons.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}. ${status(review)}`, ""];
  for (const reason of review.reasons.slice(0, MAX_REASONS)) {
    out.push(`- ${where2(reason, links)} \xB7 **${escapeMarkdown(reason.rule, 80)}**: ${escapeMarkdown(reason.detail, 400)}`);
    out.push(`  <br><sub>${escapeMarkdown(reason.explanation, 500)}</sub>`);
  }
  if (review.reasons.length > MAX_REASONS) out.push(`- \u2026 and ${review.reasons.length - MAX_REASONS} more in \`report.json\``);
  out.push("");
  return out;
}
function reviewJson(review) {
  if (!review) return void 0;
  return {
    needed: review.reasons.length > 0,
    base: review.base,
    label: review.label,
    approvalLabel: review.approvalLabel,
    approved: review.approved,
    ...review.labels ? { labels: review.labels } : {},
    ...review.reviewers ? { reviewers: review.reviewers } : {},
    reasons: review.reasons.map(({ rule, kind, file, lines, detail, explanation, builtIn }) => ({ rule, kind, file, lines: lines.map(([start, end]) => ({ start, end })), detail, explanation, builtIn }))
  };
}
function trendLine(input, active) {
  const first = input.history?.[0];
  if (!first) return void 0;
  const now = Object.fromEntries(PRIORITIES.map((p) => [p, active.filter((f) => f.priority === p).length]));
  const total = (counts) => PRIORITIES.reduce((n, p) => n + (counts[p] ?? 0), 0);
  const change = (then, later) => `${then} \u2192 ${later}${later === then ? "" : ` (${later > then ? "+" : "\u2212"}${Math.abs(later - then)})`}`;
  const parts = PRIORITIES.filter((p) => (first.byPriority[p] ?? 0) || now[p]).map((p) => `${p} ${change(first.byPriority[p] ?? 0, now[p])}`);
  return `Trend since ${first.date.slice(0, 10)} (${input.history.length + 1} runs): open ${change(total(first.byPriority), active.length)}${parts.length ? `; ${parts.join(", ")}` : ""}.`;
}
function baselineLine(input) {
  const b = input.baseline;
  if (!b) return void 0;
  return `Against the baseline: ${b.new} new, ${b.unchanged} unchanged, ${b.updated} updated, ${b.absent} fixed.`;
}
function scopeLine(input) {
  const s = input.scope;
  if (!s) return void 0;
  return `Diff scope (${s.filter}, since ${s.base.slice(0, 12)}): ${s.in} in the change, ${s.out} outside it (reported, not gated).`;
}
function severityCounts(findings) {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0]));
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
function countsLine(findings) {
  const counts = severityCounts(findings);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return parts.length ? parts.join(", ") : "none";
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}
function sourcesOf(input) {
  return new Set(input.findings.map((f) => f.tool)).size;
}
var FIX_FIRST = 5;
var TOP_NEW = 10;
var MARKDOWN_LIMIT = 65e3;
function locationLink(finding, links) {
  const where4 = markdownCode(whereOf(finding), 200);
  const url = locationUrl(finding, links);
  return url && url.length <= 2e3 ? `[${where4}](${url})` : where4;
}
function countsByPriority(findings) {
  const counts = Object.fromEntries(PRIORITIES.map((p) => [p, 0]));
  for (const finding of findings) if (!finding.suppressed && finding.priority) counts[finding.priority]++;
  return counts;
}
function priorityTable(input, active) {
  const rows = [];
  if (input.baseline) {
    rows.push(["New", active.filter((f) => f.result.baselineState === "new")]);
    rows.push(["Fixed", input.fixed ?? []]);
  }
  rows.push([input.baseline ? "Open (all)" : "Open", active]);
  const out = [`| | ${PRIORITIES.join(" | ")} | Total |`, `| --- |${PRIORITIES.map(() => " ---: |").join("")} ---: |`];
  for (const [label2, list22] of rows) {
    const counts = countsByPriority(list22);
    out.push(`| ${label2} | ${PRIORITIES.map((p) => counts[p]).join(" | ")} | ${list22.filter((f) => !f.suppressed).length} |`);
  }
  return out;
}
function factorsOf(finding) {
  return (finding.result.properties?.[PROP.factors] ?? []).filter((factor) => factor.factor !== "severity" && factor.points > 0).map((factor) => factor.detail).slice(0, 2);
}
function headline2(verdict) {
  const cut2 = verdict.incomplete?.length ? `incomplete scan (${verdict.incomplete[0].replace(/\s*\(.*$/, "").slice(0, 120)})` : "";
  if (verdict.status === "error") return "\u26A0\uFE0F error: a scanner could not run";
  if (verdict.status === "pass") return cut2 ? `\u26A0\uFE0F gate passed, but ${cut2}` : "\u2705 gate passed";
  return cut2 ? `\u274C gate failed${verdict.failures.length ? ", and" : ":"} ${cut2}` : "\u274C gate failed";
}
function dastCoverageLines(scanners2) {
  return scanners2.flatMap((run2) => {
    const d = run2.dast;
    if (!d) return [];
    const refused = Object.entries(d.refused.excluded).map(([why, n]) => `${n} ${why}`);
    if (d.refused.unsafeMethod) refused.push(`${d.refused.unsafeMethod} unsafe method`);
    if (d.refused.afterBudget) refused.push(`${d.refused.afterBudget} after the time budget`);
    const session = d.auth.length ? `logged in (${d.auth.join(", ")}), session at start ${d.session.start}, at end ${d.session.end}` : "not logged in";
    return [`${run2.id}: ${d.urls} pages (${d.loginWall} answered with the login page), ${d.forms} forms, ${d.parameters} parameters, ${d.requests} requests; ${d.modules.length ? `modules ${d.modules.join(", ")}` : "no attack module ran"}; ${session}${refused.length ? `; refused: ${refused.join(", ")}` : ""}${d.cut ? `; cut by the time budget (${d.budgetSeconds} s)` : ""}`];
  });
}
function markdownParts(input) {
  const { verdict } = input;
  const links = input.links;
  const findings = sortByRisk(input.findings);
  const active = findings.filter((f) => !f.suppressed);
  const waived = findings.length - active.length;
  const out = [];
  out.push(`## Pipewarden: ${headline2(verdict)}`, "");
  if (verdict.incomplete?.length) {
    out.push(`**The scan is incomplete** (\`dast.on_incomplete: ${verdict.status === "pass" ? "warn" : "fail"}\`: what was not tested cannot pass unnoticed):`, "");
    for (const reason of verdict.incomplete) out.push(`- ${escapeMarkdown(reason, 400)}`);
    out.push("");
  }
  if (verdict.status === "error" && verdict.errors?.length) {
    out.push("**Why this run is an error** (`gate.on_scanner_error: fail`: what a scanner did not look at cannot pass):", "");
    for (const error of verdict.errors) out.push(`- ${escapeMarkdown(error, 400)}`);
    out.push("");
  }
  if (verdict.failures.length) {
    out.push("**Why the gate failed:**", "");
    for (const failure of verdict.failures) {
      const unit = failure.about === "change" ? "reason" : "finding";
      out.push(`- **${escapeMarkdown(failure.rule)}**: ${failure.matched} ${unit}${failure.matched === 1 ? "" : "s"}, at most ${failure.max} allowed (${failure.examples.slice(0, 3).map((e3) => markdownCode(e3)).join(", ")})`);
    }
    out.push("");
  }
  out.push(...reviewMarkdown(input.review, links));
  out.push(
    `**${active.length} finding${active.length === 1 ? "" : "s"}** (${countsLine(active)}) from ${sourcesOf(input)} tool${sourcesOf(input) === 1 ? "" : "s"}, stage \`${escapeMarkdown(input.stage, 40)}\`; the gate looked at ${verdict.scope === "new" ? "new findings" : "all findings"} (${verdict.gated})${waived ? `; ${waived} waived` : ""}.`,
    ""
  );
  out.push(...priorityTable(input, active), "");
  for (const line2 of [baselineLine(input), scopeLine(input)]) if (line2) out.push(escapeMarkdown(line2, 500), "");
  const trend = trendLine(input, active);
  if (trend) out.push(trend, "");
  const fresh = input.baseline ? active.filter((f) => f.result.baselineState === "new") : active;
  if (fresh.length) {
    out.push(`### ${input.baseline ? "Top new findings" : "Top findings"}${fresh.length > TOP_NEW ? ` (${TOP_NEW} of ${fresh.length})` : ""}`, "");
    for (const [i, f] of fresh.slice(0, TOP_NEW).entries()) {
      const why = factorsOf(f);
      const sla = f.result.properties?.[PROP.slaDays];
      const source = flowOf(f)[0];
      const from = source?.text ? `; from ${escapeMarkdown(source.text, 120)}${source.uri ? ` at ${markdownCode(`${decodeUri(source.uri)}${source.line ? `:${source.line}` : ""}`, 200)}` : ""}` : "";
      out.push(
        `${i + 1}. **${f.priority ?? ""}** risk ${f.risk ?? ""}, ${f.severity}${f.kev ? ", **in CISA KEV**" : ""}${sla ? `, fix within ${String(sla)} days` : ""}: ${markdownCode(f.ruleId)} at ${locationLink(f, links)}: ${escapeMarkdown(f.message, 160)}${from}${why.length ? ` (${escapeMarkdown(why.join("; "), 200)})` : ""}`
      );
    }
    out.push("");
  }
  const groups = groupFindings(findings);
  if (groups.length > 1) {
    out.push("<details><summary>Fix first: the most urgent things to change</summary>", "");
    for (const [i, group] of groups.slice(0, FIX_FIRST).entries()) {
      const f = group.top;
      out.push(`${i + 1}. **${f.priority ?? ""}** (risk ${f.risk ?? ""}) ${markdownCode(group.ruleId)} in ${markdownCode(whereToFix(group))}${group.count > 1 ? `, ${group.count} places` : ""}: ${escapeMarkdown(group.message, 160)}`);
    }
    out.push("", "</details>", "");
  }
  const dastLines = dastCoverageLines(input.scanners);
  if (dastLines.length) {
    out.push("### DAST coverage", "");
    for (const line2 of dastLines) out.push(`- ${escapeMarkdown(line2, 600)}`);
    out.push("");
  }
  const troubled = input.scanners.filter((run2) => run2.status !== "ran" && run2.reason !== NOTHING_TO_SCAN && !run2.reason?.startsWith("no files for it to scan in shard"));
  if (troubled.length) {
    out.push("### Scanners skipped or failed", "");
    for (const run2 of troubled) out.push(`- **${escapeMarkdown(run2.id, 60)}** ${run2.status}: ${escapeMarkdown(run2.reason ?? "", 300)}`);
    out.push("");
  }
  if (input.coverage?.length) {
    out.push("### Coverage", "", "| What | Files | Checked by | Status |", "| --- | ---: | --- | --- |");
    for (const line2 of input.coverage) {
      const status2 = line2.status === "checked" ? "\u2705 checked" : line2.status === "partly checked" ? `\u26A0\uFE0F partly: ${escapeMarkdown(line2.why ?? "", 300)}` : `\u274C not checked: ${escapeMarkdown(line2.why ?? "", 300)}`;
      out.push(`| ${escapeMarkdown(line2.what, 80)} | ${line2.files} | ${escapeMarkdown(line2.checkedBy.join(", "), 120)} | ${status2} |`);
    }
    out.push("");
  }
  const excluded = input.exclusions ? describeExclusions(input.exclusions) : [];
  if (excluded.length) {
    out.push("### Not scanned", "");
    for (const line2 of excluded) out.push(`- ${escapeMarkdown(line2, 600)}`);
    const examples = Object.values(input.exclusions.examples).flat().slice(0, 6);
    if (examples.length) out.push(`- For example: ${examples.map((e3) => markdownCode(e3)).join(", ")}`);
    out.push("- Bring third-party code back with `include:` in pipewarden.yml; leave more out with `exclude:` or `--exclude`.", "");
  }
  out.push(...acceptedSection(findings));
  const soon = input.waivers?.expiringSoon ?? [];
  const expired = input.waivers?.expired ?? [];
  if (soon.length || expired.length) {
    out.push("### Waivers", "");
    for (const w of expired) out.push(`- \u26A0\uFE0F ${escapeMarkdown(describeWaiver(w.waiver, w.index), 300)} expired on ${escapeMarkdown(w.waiver.expires, 20)}${w.matched ? `: ${w.matched} finding${w.matched === 1 ? " is" : "s are"} no longer waived` : ""}`);
    for (const w of soon) out.push(`- ${escapeMarkdown(describeWaiver(w.waiver, w.index), 300)} expires on ${escapeMarkdown(w.waiver.expires, 20)}, in ${w.daysLeft} day${w.daysLeft === 1 ? "" : "s"}`);
    out.push("");
  }
  const troubledIds = new Set(troubled.map((run2) => run2.id));
  const warnings = verdict.warnings.filter((w) => !/^waivers\[/.test(w) && !troubledIds.has(w.split(" ")[0]));
  if (warnings.length) {
    out.push("### Warnings", "");
    for (const warning of warnings) out.push(`- ${escapeMarkdown(warning, 500)}`);
    out.push("");
  }
  if (input.github?.omitted.length) {
    const left = input.github.total - input.github.kept;
    out.push("### GitHub code scanning", "");
    out.push(`${input.github.kept} of ${input.github.total} results fit GitHub's limits; ${left} lowest-risk ${left === 1 ? "result was" : "results were"} left out of the upload. The full log is \`results.sarif\`${safeHttpUrl(links?.report) ? ` ([report](${safeHttpUrl(links?.report)}))` : ""}.`, "");
    for (const line2 of describeOmissions(input.github)) out.push(`- ${escapeMarkdown(line2, 400)}`);
    out.push("");
  }
  const state = input.baseline !== void 0;
  const made = [];
  const table2 = {
    opening: active.length ? ["<details><summary>All findings, most urgent first</summary>", "", `| Priority | Risk | Severity |${state ? " State |" : ""} Rule | Location | Message | Tool |`, `| --- | ---: | --- |${state ? " --- |" : ""} --- | --- | --- | --- |`] : [],
    rows: active.length,
    row(index) {
      let line2 = made[index];
      if (line2 === void 0) {
        const f = active[index];
        const tools = prop(f.result.properties, PROP.tools)?.join(", ") ?? f.tool;
        line2 = `| ${f.priority ?? ""} | ${f.risk ?? ""} | ${f.severity} |${state ? ` ${f.result.baselineState ?? ""}${f.inScope ? "" : " (out of diff)"} |` : ""} ${markdownCode(f.ruleId)} | ${locationLink(f, links)} | ${escapeMarkdown(f.message, 200)} | ${escapeMarkdown(tools)} |`;
        made[index] = line2;
      }
      return line2;
    }
  };
  const tail2 = ["### Scanners", "", "| Scanner | Version | Status | Files | Findings | Time |", "| --- | --- | --- | ---: | ---: | ---: |"];
  for (const run2 of input.scanners) {
    const status2 = run2.status === "ran" ? "ran" : `${run2.status}: ${escapeMarkdown(run2.reason ?? "", 200)}`;
    tail2.push(`| ${escapeMarkdown(run2.id, 60)} | ${escapeMarkdown(run2.version ?? "", 40)} | ${status2} | ${run2.files ?? ""} | ${escapeMarkdown(findingCount(run2), 200)} | ${seconds(run2.durationMs)} |`);
  }
  for (const report of input.reports ?? []) {
    tail2.push(`| report ${markdownCode(report.file)} | ${escapeMarkdown(report.format, 40)} | read | | ${report.findings} | |`);
  }
  tail2.push("");
  return { head: out, table: table2, tail: tail2 };
}
function renderMarkdown(input, limit = MARKDOWN_LIMIT) {
  const { head, table: table2, tail: tail2 } = markdownParts(input);
  const report = safeHttpUrl(input.links?.report);
  const fullReport = report ? `[the full report](${report})` : "`report.html` and `results.sarif` in the job's artifacts";
  const lines = (rows2) => {
    const cut2 = rows2 < table2.rows ? ["", `${table2.rows - rows2} more findings are not shown here: see ${fullReport}.`] : [];
    const before = [...head, ...table2.opening];
    const after = table2.opening.length ? [...cut2, "", "</details>", "", ...tail2] : tail2;
    return { before, after };
  };
  const fits = (rows2) => {
    const { before, after } = lines(rows2);
    const parts = before.length + rows2 + after.length;
    let length = Math.max(0, parts - 1);
    for (const line2 of [...before, ...after]) length += line2.length;
    for (let i = 0; i < rows2 && length <= limit; i++) length += table2.row(i).length;
    return length <= limit;
  };
  const join25 = (rows2) => {
    const { before, after } = lines(rows2);
    return [...before, ...Array.from({ length: rows2 }, (_, i) => table2.row(i)), ...after].join("\n");
  };
  let rows = table2.opening.length ? table2.rows : 0;
  while (!fits(rows) && rows > 0) rows = Math.floor(rows / 2);
  let text22 = join25(rows);
  if (text22.length > limit) {
    const note = `

\u2026 cut to fit; the rest is in ${fullReport}.
`;
    text22 = text22.slice(0, limit - note.length);
    text22 = text22.slice(0, Math.max(0, text22.lastIndexOf("\n"))) + note;
  }
  return text22;
}
var XML_SPECIAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF&<>"]/g;
var XML_ENTITY = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
function xml2(text22) {
  XML_SPECIAL.lastIndex = 0;
  return XML_SPECIAL.test(text22) ? text22.replace(XML_SPECIAL, (c) => XML_ENTITY[c] ?? "") : text22;
}
function* junitText(findings, verdict, stage) {
  const tripped = new Set(verdict.failures.flatMap((f) => f.findings.map((t) => t.fingerprint ?? t.where)));
  const gateCases = verdict.failures.map(
    (failure) => `    <testcase classname="pipewarden.gate" name="${xml2(failure.rule)}"><failure message="${xml2(`${failure.matched} findings, at most ${failure.max}`)}">${xml2(failure.findings.map((f) => `${f.priority ?? ""} ${f.ruleId} ${f.where}`).join("\n"))}</failure></testcase>`
  );
  const incomplete = verdict.incomplete?.length ? verdict.status === "pass" ? 0 : 1 : 0;
  if (verdict.incomplete?.length) {
    const reasons = xml2(verdict.incomplete.join("\n"));
    gateCases.push(incomplete ? `    <testcase classname="pipewarden.gate" name="complete scan"><failure message="the scan is incomplete">${reasons}</failure></testcase>` : `    <testcase classname="pipewarden.gate" name="complete scan"><system-out>${reasons}</system-out></testcase>`);
  }
  if (gateCases.length === 0) gateCases.push(`    <testcase classname="pipewarden.gate" name="gate (${xml2(stage)})"/>`);
  const suites = toolSuites(findings, tripped);
  const failures = verdict.failures.length + incomplete + suites.reduce((n, suite) => n + suite.failed, 0);
  const tests = gateCases.length + suites.reduce((n, suite) => n + suite.groups.length, 0);
  yield `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="pipewarden" tests="${tests}" failures="${failures}">
`;
  yield `  <testsuite name="pipewarden gate" tests="${gateCases.length}" failures="${verdict.failures.length + incomplete}">
${gateCases.join("\n")}
  </testsuite>
`;
  for (const suite of suites) {
    yield `  <testsuite name="${xml2(suite.tool)}" tests="${suite.groups.length}" failures="${suite.failed}">
`;
    for (let i = 0; i < suite.groups.length; i += 256) {
      let text22 = "";
      for (const group of suite.groups.slice(i, i + 256)) text22 += `${caseOf(group)}
`;
      yield text22;
    }
    yield "  </testsuite>\n";
  }
  yield "</testsuites>\n";
}
function toolSuites(findings, tripped) {
  const byTool = /* @__PURE__ */ new Map();
  for (const finding of sortByRisk(findings)) if (!finding.suppressed) {
    const list22 = byTool.get(finding.tool);
    if (list22) list22.push(finding);
    else byTool.set(finding.tool, [finding]);
  }
  return [...byTool].map(([tool, list22]) => {
    const groups = /* @__PURE__ */ new Map();
    for (const f of list22) {
      const key = `${f.ruleId}\0${componentOf(f)}`;
      const members2 = groups.get(key);
      if (members2) members2.push(f);
      else groups.set(key, [f]);
    }
    let failed = 0;
    const cases = [...groups.values()].map((members2) => {
      const failing = members2.some((f) => tripped.has(f.fingerprint ?? whereOf(f)));
      if (failing) failed++;
      return { members: members2, failing };
    });
    return { tool, groups: cases, failed };
  });
}
function caseOf({ members: members2, failing }) {
  const top = members2[0];
  const component = componentOf(top);
  const body = members2.map((f) => `${f.priority ?? ""} risk ${f.risk ?? ""} ${f.severity} ${whereOf(f)}: ${f.message}`).join("\n");
  const summary = `${top.severity}: ${top.message}`.slice(0, 300);
  return `    <testcase classname="${xml2(component)}" name="${xml2(`${top.ruleId} in ${component}${members2.length > 1 ? ` (${members2.length} places)` : ""}`)}" file="${xml2(top.location?.uri ?? "")}"${top.location?.startLine ? ` line="${top.location.startLine}"` : ""}>${failing ? `<failure message="${xml2(summary)}" type="${xml2(top.priority ?? top.severity)}">${xml2(body)}</failure>` : `<system-out>${xml2(body)}</system-out>`}</testcase>`;
}
var LazyArray = class {
  constructor(items2, make) {
    this.items = items2;
    this.make = make;
  }
  items;
  make;
  toJSON() {
    return this.items.map((item) => this.make(item));
  }
};
var eagerList = (items2, make) => items2.map((item) => make(item));
var lazyList = (items2, make) => new LazyArray(items2, make);
function* reportJson(value, batch = 256) {
  if (!plainObject(value)) {
    yield String(JSON.stringify(value, null, 2));
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    const opening = `${first ? "{" : ","}
  ${JSON.stringify(key)}: `;
    if (Array.isArray(member) || member instanceof LazyArray) {
      const items2 = Array.isArray(member) ? member : member.items;
      const make = member instanceof LazyArray ? member.make : void 0;
      if (!items2.length) {
        yield `${opening}[]`;
        first = false;
        continue;
      }
      yield `${opening}[`;
      for (let i = 0; i < items2.length; i += batch) {
        let text22 = "";
        const end = Math.min(items2.length, i + batch);
        for (let j = i; j < end; j++) text22 += `${j ? "," : ""}
    ${JSON.stringify(make ? make(items2[j]) : items2[j]) ?? "null"}`;
        yield text22;
      }
      yield "\n  ]";
    } else {
      const text22 = JSON.stringify({ k: member }, null, 2);
      if (text22 === "{}") continue;
      yield `${opening}${text22.slice(MEMBER_HEAD.length, text22.length - MEMBER_TAIL.length)}`;
    }
    first = false;
  }
  yield first ? "{}" : "\n}";
}
function* reportJsonFile(value) {
  yield* reportJson(value);
  yield "\n";
}
var MEMBER_HEAD = '{\n  "k": ';
var MEMBER_TAIL = "\n}";
function plainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && typeof value.toJSON !== "function";
}
var REPORT_SCHEMA_VERSION = "1.5";
function findingJson(f) {
  const props = f.result.properties ?? {};
  const pkg = prop(props, PROP.package);
  const dast = prop(props, PROP.dast);
  return {
    priority: f.priority ?? null,
    risk: f.risk ?? null,
    severity: f.severity,
    score: f.score,
    category: f.category,
    tool: f.tool,
    tools: prop(props, PROP.tools) ?? [f.tool],
    rule: f.ruleId,
    cwes: f.cwes,
    ids: prop(props, PROP.ids) ?? [],
    location: f.location ? { path: f.location.uri, ...f.location.startLine ? { line: f.location.startLine } : {} } : null,
    message: f.message,
    fingerprint: f.fingerprint ?? null,
    state: f.result.baselineState ?? null,
    inScope: f.inScope,
    kev: f.kev,
    waived: f.suppressed,
    slaDays: prop(props, PROP.slaDays) ?? null,
    factors: prop(props, PROP.factors) ?? [],
    ...pkg?.name ? { package: { name: pkg.name, ...pkg.version ? { version: pkg.version } : {}, fixedVersions: pkg.fixedVersions ?? [] } } : {},
    ...dast?.url ? { request: { url: dast.url, method: (dast.method ?? "GET").toUpperCase(), ...dast.parameter ? { parameter: dast.parameter } : {} } } : {}
  };
}
function renderJson(input, listOf2 = eagerList) {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "pipewarden", version },
    generatedAt: (input.generatedAt ?? /* @__PURE__ */ new Date()).toISOString(),
    stage: input.stage,
    verdict: input.verdict.status,
    ...input.verdict.errors?.length ? { errors: input.verdict.errors } : {},
    ...input.verdict.incomplete?.length ? { incomplete: input.verdict.incomplete } : {},
    ...input.exitCode !== void 0 ? { exitCode: input.exitCode } : {},
    failures: input.verdict.failures.map(({ rule, matched, max, findings, about }) => ({ rule, matched, max, findings, ...about ? { about } : {} })),
    counts: { total: input.findings.length, ...input.verdict.counts, fixed: input.fixed?.length ?? 0 },
    ...input.baseline ? { baseline: input.baseline } : {},
    ...input.scope ? { diff: input.scope } : {},
    ...input.review ? { review: reviewJson(input.review) } : {},
    ...input.exclusions && (Object.keys(input.exclusions.files).length || Object.keys(input.exclusions.findings).length) ? { excluded: { files: input.exclusions.files, findings: input.exclusions.findings } } : {},
    ...input.coverage?.length ? { coverage: input.coverage } : {},
    warnings: input.verdict.warnings,
    scanners: input.scanners.map(({ id, status: status2, version: v, durationMs, reason, findings, merged, mergedInto, notAnalysed, dast }) => ({
      id,
      status: status2,
      ...v ? { version: v } : {},
      durationMs: Math.round(durationMs),
      ...reason ? { reason } : {},
      ...findings !== void 0 ? { findings } : {},
      ...merged ? { merged, mergedInto: mergedInto ?? [] } : {},
      ...notAnalysed?.length ? { notAnalysed } : {},
      ...dast ? { dast } : {}
    })),
    waivers: {
      expired: (input.waivers?.expired ?? []).map((w) => ({ index: w.index, expires: w.waiver.expires, owner: w.waiver.owner, matched: w.matched })),
      expiringSoon: (input.waivers?.expiringSoon ?? []).map((w) => ({ index: w.index, expires: w.waiver.expires, owner: w.waiver.owner, daysLeft: w.daysLeft }))
    },
    ...input.github ? { github: { kept: input.github.kept, total: input.github.total, omitted: input.github.omitted } } : {},
    ...input.provenance ? { provenance: input.provenance } : {},
    // The inventory: which image, built on which base, from which commit and pipeline (docs/images.md).
    ...input.images?.length ? { images: input.images.map((image) => ({ ...image, ...input.provenance ? { provenance: input.provenance } : {} })) } : {},
    findings: listOf2(sortByRisk(input.findings), findingJson),
    fixed: listOf2(sortByRisk(input.fixed ?? []), findingJson),
    ...input.outputs ? { outputs: input.outputs } : {}
  };
}
var HTML_MAX_ROWS = 1e4;
var PRIORITY_COLORS = { P0: "#b00020", P1: "#d9480f", P2: "#e8a200", P3: "#3b7dd8", P4: "#6c757d" };
var BAR_COLOR = "#3b5bdb";
var e = escapeHtml;
function httpUrl3(url) {
  return url && /^https?:\/\/[^\s<>"']+$/i.test(url) ? url.replace(/\/+$/, "") : void 0;
}
function barChart(title, data, color) {
  const rows = data.filter(([, n]) => n > 0);
  if (!rows.length) return `<figure class="chart"><figcaption>${e(title)}</figcaption><p class="muted">none</p></figure>`;
  const max = Math.max(...rows.map(([, n]) => n));
  const height = rows.length * 26 + 4;
  const bars = rows.map(([label2, n], i) => {
    const width = Math.max(2, Math.round(n / max * 200));
    const y = i * 26 + 4;
    return `<text x="0" y="${y + 15}" class="label">${e(label2.length > 22 ? `${label2.slice(0, 21)}\u2026` : label2)}</text><rect x="150" y="${y}" width="${width}" height="20" rx="3" fill="${color(label2)}"><title>${e(label2)}: ${n}</title></rect><text x="${156 + width}" y="${y + 15}" class="value">${n}</text>`;
  }).join("");
  return `<figure class="chart"><figcaption>${e(title)}</figcaption><svg role="img" aria-label="${e(title)}" viewBox="0 0 420 ${height}" width="420" height="${height}">${bars}</svg></figure>`;
}
function trendChart(history, now) {
  const points = [...history, ...now ? [now] : []].slice(-30);
  if (points.length < 2) return "";
  const totals = points.map((p) => PRIORITIES.reduce((n, k) => n + (p.byPriority[k] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const w = 420;
  const h = 160;
  const x = (i) => 30 + i * (w - 40) / (points.length - 1);
  const y = (n) => h - 20 - n / max * (h - 40);
  const lines = PRIORITIES.map((priority) => {
    const path2 = points.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p.byPriority[priority] ?? 0).toFixed(1)}`).join(" ");
    return `<path d="${path2}" fill="none" stroke="${PRIORITY_COLORS[priority]}" stroke-width="2"><title>${priority}</title></path>`;
  }).join("");
  const total = `<path d="${totals.map((n, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(n).toFixed(1)}`).join(" ")}" fill="none" stroke="#222" stroke-dasharray="4 3" stroke-width="1.5"><title>total</title></path>`;
  const labels = `<text x="30" y="${h - 4}" class="label">${e(points[0].date.slice(0, 10))}</text><text x="${w - 10}" y="${h - 4}" class="label" text-anchor="end">${e(points.at(-1).date.slice(0, 10))}</text><text x="0" y="${y(max) + 4}" class="label">${max}</text>`;
  return `<figure class="chart wide"><figcaption>Trend: open findings by priority (dashed: total)</figcaption><svg role="img" aria-label="trend" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">${lines}${total}${labels}</svg></figure>`;
}
function countBy(findings, key) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}
function locationCell(f, blob) {
  const where4 = whereOf(f);
  const uri = f.location?.uri;
  if (!blob || !uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith("/")) return `<code>${e(where4)}</code>`;
  const href = `${blob}/${uri}${f.location?.startLine ? `#L${f.location.startLine}` : ""}`;
  return `<a href="${e(href)}" rel="noopener noreferrer"><code>${e(where4)}</code></a>`;
}
function factorsCell(f) {
  const factors = f.result.properties?.[PROP.factors] ?? [];
  if (!factors.length) return "";
  return `<details><summary>${factors.length} factor${factors.length === 1 ? "" : "s"}</summary><ul>${factors.map((x) => `<li>${e(x.detail)}${x.points ? ` <span class="muted">(${x.points > 0 ? "+" : ""}${x.points})</span>` : ""}</li>`).join("")}</ul></details>`;
}
function findingRow(f, blob) {
  const state = f.suppressed ? "waived" : f.result.baselineState ?? "open";
  const tools = prop(f.result.properties, PROP.tools) ?? [f.tool];
  const waiver = f.suppressed ? (f.result.suppressions ?? []).map((s) => s.justification ?? "").filter(Boolean).join("; ") : "";
  return `<tr data-priority="${e(f.priority ?? "")}" data-category="${e(f.category)}" data-tool="${e(f.tool)}" data-state="${e(state)}" data-kev="${f.kev ? "yes" : "no"}"><td data-value="${PRIORITIES.indexOf(f.priority ?? "P4")}"><span class="badge ${e(f.priority ?? "")}">${e(f.priority ?? "")}</span></td><td data-value="${f.risk ?? 0}" class="num">${f.risk ?? ""}</td><td data-value="${f.score}">${e(f.severity)}${f.kev ? ' <span class="kev" title="in CISA KEV">KEV</span>' : ""}</td><td>${e(state)}${f.inScope ? "" : ' <span class="muted">(out of diff)</span>'}${waiver ? `<div class="muted small">${e(waiver)}</div>` : ""}</td><td>${e(f.category)}</td><td><code>${e(f.ruleId)}</code>${f.cwes.length ? `<div class="muted small">${e(f.cwes.join(", "))}</div>` : ""}</td><td>${locationCell(f, blob)}</td><td class="message">${e(f.message.length > 600 ? `${f.message.slice(0, 599)}\u2026` : f.message)}</td><td>${e(tools.join(", "))}</td><td>${factorsCell(f)}</td></tr>`;
}
function options(values) {
  return values.map((v) => `<option value="${e(v)}">${e(v)}</option>`).join("");
}
var STYLE = `
:root{--fg:#1d2129;--muted:#667085;--line:#e4e7ec;--bg:#fff;--soft:#f6f7f9}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0}
header{padding:20px 28px;color:#fff}header.pass{background:#1f7a3f}header.fail{background:#b42318}header.error{background:#8a4b00}
header h1{margin:0 0 4px;font-size:22px}header p{margin:0;opacity:.92}
main{padding:20px 28px;max-width:1500px}section{margin:0 0 26px}h2{font-size:17px;margin:0 0 10px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:92px;background:var(--soft)}
.card b{display:block;font-size:22px}.card span{color:var(--muted);font-size:12px}
.charts{display:flex;gap:24px;flex-wrap:wrap}.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px 12px}
.chart figcaption{font-weight:600;margin-bottom:6px}.chart .label{font-size:12px;fill:#344054}.chart .value{font-size:12px;fill:#344054}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);position:sticky;top:0;white-space:nowrap}th[data-sort]{cursor:pointer;user-select:none}th[data-sort]:after{content:" \u21C5";color:var(--muted)}
th.asc:after{content:" \u25B2"}th.desc:after{content:" \u25BC"}td.num{text-align:right}td.message{max-width:520px;overflow-wrap:anywhere}
code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;overflow-wrap:anywhere}.muted{color:var(--muted)}.small{font-size:12px}
.badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;font-weight:600;font-size:12px;background:#6c757d}
.badge.P0{background:#b00020}.badge.P1{background:#d9480f}.badge.P2{background:#e8a200}.badge.P3{background:#3b7dd8}
.c-P0{color:#b00020}.c-P1{color:#d9480f}.c-P2{color:#e8a200}.c-P3{color:#3b7dd8}.c-P4{color:#6c757d}
.kev{background:#000;color:#fff;border-radius:4px;padding:0 4px;font-size:11px}
.filters{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-bottom:8px}.filters input{min-width:260px}
.filters input,.filters select{padding:5px 8px;border:1px solid #cfd4dc;border-radius:6px;font:inherit}
ul.plain{margin:0;padding-left:18px}details summary{cursor:pointer}
`;
var SCRIPT = `
(function(){
  var table=document.getElementById('findings'); if(!table) return;
  var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
  var q=document.getElementById('q'), count=document.getElementById('shown');
  var selects=Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  function apply(){
    var text=q.value.trim().toLowerCase(), shown=0;
    rows.forEach(function(row){
      var ok=!text||row.textContent.toLowerCase().indexOf(text)!==-1;
      selects.forEach(function(s){ if(s.value&&row.getAttribute('data-'+s.getAttribute('data-filter'))!==s.value) ok=false; });
      row.hidden=!ok; if(ok) shown++;
    });
    count.textContent=shown+' of '+rows.length+' shown';
  }
  q.addEventListener('input',apply); selects.forEach(function(s){ s.addEventListener('change',apply); });
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,index){
    if(!th.hasAttribute('data-sort')) return;
    th.addEventListener('click',function(){
      var numeric=th.getAttribute('data-sort')==='num', asc=!th.classList.contains('asc');
      Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){ c.classList.remove('asc','desc'); });
      th.classList.add(asc?'asc':'desc');
      rows.sort(function(a,b){
        var x=a.cells[index], y=b.cells[index];
        var u=x.hasAttribute('data-value')?x.getAttribute('data-value'):x.textContent, v=y.hasAttribute('data-value')?y.getAttribute('data-value'):y.textContent;
        var d=numeric?Number(u)-Number(v):u.localeCompare(v);
        return asc?d:-d;
      });
      rows.forEach(function(row){ body.appendChild(row); });
    });
  });
  apply();
})();
`;
function reviewHtml(review, links) {
  if (!review?.reasons.length) return "";
  const status2 = review.approved ? `Approved: the <code>${e(review.approvalLabel)}</code> label is on it.` : `A security reviewer should look at it, then add the <code>${e(review.approvalLabel)}</code> label.`;
  const items2 = review.reasons.map((r) => {
    const where4 = `${r.file}${r.lines.length ? `:${describeRanges(r.lines.slice(0, 4))}` : ""}`;
    const url = r.lines.length ? linesUrl(r.file, r.lines, links) : void 0;
    return `<li>${url ? `<a href="${e(url)}" rel="noreferrer">${e(where4)}</a>` : `<code>${e(where4)}</code>`} \xB7 <b>${e(r.rule)}</b>: ${e(r.detail)}<br><span class="muted">${e(r.explanation)}</span></li>`;
  });
  return `<section><h2>Needs security review</h2><p>This change is high-risk: ${review.reasons.length} reason${review.reasons.length === 1 ? "" : "s"}. ${status2}</p><ul class="plain">${items2.join("")}</ul></section>`;
}
function renderHtml(input) {
  const nonce = randomBytes3(16).toString("base64");
  const blob = httpUrl3(input.links?.blob);
  const all = sortByRisk(input.findings);
  const active = all.filter((f) => !f.suppressed);
  const { verdict } = input;
  const pass = verdict.status === "pass";
  const cut2 = verdict.incomplete?.length ? ", incomplete scan" : "";
  const title = verdict.status === "error" ? "error: a scanner could not run" : pass ? `gate passed${cut2 ? ", but the scan is incomplete" : ""}` : `gate failed${cut2}`;
  const byPriority = Object.fromEntries(PRIORITIES.map((p) => [p, active.filter((f) => f.priority === p).length]));
  const fresh = active.filter((f) => f.result.baselineState === "new").length;
  const generated = (input.generatedAt ?? /* @__PURE__ */ new Date()).toISOString();
  const cards = [
    ...PRIORITIES.map((p) => `<div class="card"><b class="c-${p}">${byPriority[p]}</b><span>${p}</span></div>`),
    `<div class="card"><b>${active.length}</b><span>open</span></div>`,
    ...input.baseline ? [`<div class="card"><b>${fresh}</b><span>new</span></div>`, `<div class="card"><b>${input.fixed?.length ?? input.baseline.absent}</b><span>fixed</span></div>`] : [],
    `<div class="card"><b>${all.length - active.length}</b><span>waived</span></div>`,
    `<div class="card"><b>${active.filter((f) => f.kev).length}</b><span>in CISA KEV</span></div>`
  ].join("");
  const charts = [
    barChart("By priority", PRIORITIES.map((p) => [p, byPriority[p]]), (label2) => PRIORITY_COLORS[label2] ?? BAR_COLOR),
    barChart("By scanner", countBy(active, (f) => f.tool), () => BAR_COLOR),
    barChart("By category", countBy(active, (f) => f.category), () => "#0b7285"),
    input.history?.length ? trendChart(input.history, { date: generated, byPriority }) : ""
  ].join("");
  const why = verdict.failures.length ? `<section><h2>Why the gate failed</h2><ul class="plain">${verdict.failures.map((f) => `<li><b>${e(f.rule)}</b>: ${f.matched} ${f.about === "change" ? "reason" : "finding"}${f.matched === 1 ? "" : "s"}, at most ${f.max} allowed <span class="muted">(${e(f.examples.slice(0, 3).join(", "))})</span></li>`).join("")}</ul></section>` : "";
  const warnings = verdict.warnings.length ? `<section><h2>Warnings</h2><ul class="plain">${verdict.warnings.map((w) => `<li>${e(w)}</li>`).join("")}</ul></section>` : "";
  const waivers = [
    ...(input.waivers?.expired ?? []).map((w) => `<li><b>expired</b> on ${e(w.waiver.expires)}: ${e(describeWaiver(w.waiver, w.index))}${w.waiver.reason ? `: ${e(w.waiver.reason)}` : ""}</li>`),
    ...(input.waivers?.expiringSoon ?? []).map((w) => `<li>expires on ${e(w.waiver.expires)} (in ${w.daysLeft} day${w.daysLeft === 1 ? "" : "s"}): ${e(describeWaiver(w.waiver, w.index))}</li>`)
  ];
  const waived = all.filter((f) => f.suppressed);
  const waiverSection = waivers.length || waived.length ? `<section><h2>Waivers</h2>${waivers.length ? `<ul class="plain">${waivers.join("")}</ul>` : ""}<p class="muted">${waived.length} finding${waived.length === 1 ? " is" : "s are"} waived (state "waived" in the table).</p></section>` : "";
  const github = input.github?.omitted.length ? `<section><h2>GitHub code scanning</h2><p>${input.github.kept} of ${input.github.total} results fit GitHub's limits; the lowest-risk ones were left out of the upload (all are in results.sarif and below).</p><ul class="plain">${describeOmissions(input.github).map((l) => `<li>${e(l)}</li>`).join("")}</ul></section>` : "";
  const scanners2 = input.scanners.length ? `<section><h2>Scanners</h2><table><thead><tr><th>Scanner</th><th>Version</th><th>Status</th><th>Findings</th><th>Time</th></tr></thead><tbody>${input.scanners.map((s) => `<tr><td>${e(s.id)}</td><td>${e(s.version ?? "")}</td><td>${e(s.status)}${s.reason ? `: <span class="muted">${e(s.reason)}</span>` : ""}</td><td class="num">${e(findingCount(s))}</td><td class="num">${(s.durationMs / 1e3).toFixed(1)} s</td></tr>`).join("")}</tbody></table></section>` : "";
  const shown = all.slice(0, HTML_MAX_ROWS);
  const states = [...new Set(shown.map((f) => f.suppressed ? "waived" : f.result.baselineState ?? "open"))].sort();
  const tools = [...new Set(shown.map((f) => f.tool))].sort();
  const categories = CATEGORIES.filter((c) => shown.some((f) => f.category === c));
  const table2 = `<section><h2>Findings</h2>
<div class="filters"><input id="q" type="search" placeholder="Filter: rule, file, message, CWE\u2026" aria-label="filter">
<select data-filter="priority" aria-label="priority"><option value="">any priority</option>${options(PRIORITIES)}</select>
<select data-filter="category" aria-label="category"><option value="">any category</option>${options(categories)}</select>
<select data-filter="tool" aria-label="tool"><option value="">any tool</option>${options(tools)}</select>
<select data-filter="state" aria-label="state"><option value="">any state</option>${options(states)}</select>
<select data-filter="kev" aria-label="KEV"><option value="">KEV or not</option><option value="yes">in CISA KEV</option></select>
<span id="shown" class="muted">${shown.length} of ${shown.length} shown</span></div>
${all.length > shown.length ? `<p class="muted">The ${all.length - shown.length} least urgent findings are not in this page; all are in report.json and results.sarif.</p>` : ""}
<table id="findings"><thead><tr><th data-sort="num">Priority</th><th data-sort="num">Risk</th><th data-sort="num">Severity</th><th data-sort="text">State</th><th data-sort="text">Category</th><th data-sort="text">Rule</th><th data-sort="text">Location</th><th>Message</th><th data-sort="text">Tool</th><th>Why this risk</th></tr></thead>
<tbody>${shown.map((f) => findingRow(f, blob)).join("\n")}</tbody></table></section>`;
  const subtitle = [
    `stage ${e(input.stage)}`,
    `${active.length} open finding${active.length === 1 ? "" : "s"}`,
    input.commit ? `commit <code>${e(input.commit.slice(0, 12))}</code>` : "",
    `generated ${e(generated.slice(0, 19).replace("T", " "))} UTC`
  ].filter(Boolean).join(" \xB7 ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Pipewarden: ${title} (${e(input.stage)})</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
<header class="${verdict.status}"><h1 id="verdict">${title.charAt(0).toUpperCase()}${title.slice(1)}</h1><p>${subtitle}</p>${(verdict.errors ?? []).map((error) => `<p>${e(error)}</p>`).join("")}${(verdict.incomplete ?? []).map((reason) => `<p>Incomplete: ${e(reason)}</p>`).join("")}</header>
<main>
${why}
${reviewHtml(input.review, input.links)}
<section><h2>Open findings</h2><div class="cards">${cards}</div></section>
<section><div class="charts">${charts}</div></section>
${warnings}${waiverSection}${github}
${table2}
${scanners2}
<p class="muted small">Pipewarden report, report.json schema ${REPORT_SCHEMA_VERSION}; this page loads nothing from the network.</p>
</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body></html>
`;
}
var MAX_FLOWS = 10;
function fileOf(uri) {
  if (!uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith("/")) return void 0;
  const file = decodeUri(uri);
  return file.length ? file : void 0;
}
function stepFile(step, fallback) {
  return step.uri === void 0 ? fallback : fileOf(step.uri);
}
function where3(step, fallback) {
  const file = stepFile(step, fallback);
  return file ? `${file}${step.line ? `:${step.line}` : ""}` : "";
}
function nodesOf(steps, fallback) {
  return steps.flatMap((step, i) => {
    const file = stepFile(step, fallback);
    if (!file || !step.line || step.line < 1) return [];
    const node_type = i === 0 ? "source" : i === steps.length - 1 ? "sink" : "propagation";
    return [{ type: "code-flow-node", node_type, file_location: { type: "file-location", file_name: file, line_start: step.line } }];
  });
}
function flowsOf(finding) {
  const flows = finding.result.codeFlows ?? [];
  const out = [];
  for (let i = 0; i < flows.length && out.length < MAX_FLOWS; i++) {
    const one = { ...finding, result: { ...finding.result, codeFlows: [flows[i]] } };
    const steps = flowOf(one);
    if (steps.length) out.push(steps);
  }
  return out;
}
function flowDetails(finding) {
  const flows = flowsOf(finding);
  const first = flows[0];
  if (!first || first.length < 2) return void 0;
  const fallback = fileOf(finding.location?.uri);
  const source = first[0];
  const sink = first.at(-1);
  const line2 = (step) => [where3(step, fallback), step.text].filter(Boolean).join(" ");
  const nodes = flows.map((steps) => nodesOf(steps, fallback)).filter((n) => n.length >= 2);
  return {
    source: { name: "Source", type: "text", value: line2(source) },
    sink: { name: "Sink", type: "text", value: line2(sink) },
    ...nodes.length ? { code_flows: { name: "Code flow", type: "code-flows", items: nodes } } : {},
    steps: { name: "Steps", type: "list", items: first.map((step) => ({ type: "text", value: line2(step) })) }
  };
}
var GITLAB_SCHEMA_VERSION = "15.2.1";
var GITLAB_REPORT_FILES = {
  sast: "gl-sast-report.json",
  dependency_scanning: "gl-dependency-scanning-report.json",
  container_scanning: "gl-container-scanning-report.json",
  dast: "gl-dast-report.json",
  secret_detection: "gl-secret-detection-report.json"
};
var TYPE_OF = { sast: "sast", iac: "sast", sca: "dependency_scanning", sbom: "dependency_scanning", container: "container_scanning", dast: "dast", secrets: "secret_detection" };
var SEVERITY9 = { critical: "Critical", high: "High", medium: "Medium", low: "Low", info: "Info" };
function gitlabTime(date) {
  return date.toISOString().slice(0, 19);
}
function uuidOf(text22) {
  const h = createHash5("sha256").update(text22).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${(parseInt(h[16], 16) & 3 | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
var ruleTypes = /* @__PURE__ */ new Map();
var cweIdentifiers = /* @__PURE__ */ new Map();
function cweIdentifier(cwe) {
  let id = cweIdentifiers.get(cwe);
  if (!id) {
    const n = cwe.replace(/^CWE-/, "");
    cweIdentifiers.set(cwe, id = Object.freeze({ type: "cwe", name: cwe, value: n, url: `https://cwe.mitre.org/data/definitions/${n}.html` }));
  }
  return id;
}
function identifiers(finding) {
  const ids = prop(finding.result.properties, PROP.ids) ?? [];
  let type = ruleTypes.get(finding.tool);
  if (type === void 0) ruleTypes.set(finding.tool, type = `${finding.tool.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_rule`);
  const out = [{ type, name: `${finding.tool} ${finding.ruleId}`.slice(0, 255), value: finding.ruleId }];
  for (const id of ids) {
    if (/^CVE-\d{4}-\d+$/i.test(id)) out.push({ type: "cve", name: id.toUpperCase(), value: id.toUpperCase(), url: `https://nvd.nist.gov/vuln/detail/${id.toUpperCase()}` });
    else if (/^GHSA-/i.test(id)) out.push({ type: "ghsa", name: id, value: id, url: `https://github.com/advisories/${id}` });
  }
  for (const cwe of finding.cwes) out.push(cweIdentifier(cwe));
  if (out.length <= 2 || ids.length < 2 && new Set(finding.cwes).size === finding.cwes.length) return out;
  const seen = /* @__PURE__ */ new Set();
  return out.filter((i) => seen.has(`${i.type}:${i.value}`) ? false : (seen.add(`${i.type}:${i.value}`), true));
}
function locationOf2(type, finding, context) {
  const props = finding.result.properties ?? {};
  const file = finding.location ? decodeUri(finding.location.uri) : void 0;
  if (type === "sast") {
    const location2 = {};
    if (file) location2.file = file;
    if (finding.location?.startLine) location2.start_line = finding.location.startLine;
    if (finding.location?.endLine) location2.end_line = finding.location.endLine;
    return location2;
  }
  const lines = { ...finding.location?.startLine ? { start_line: finding.location.startLine } : {}, ...finding.location?.endLine ? { end_line: finding.location.endLine } : {} };
  const pkg = prop(props, PROP.package);
  const dependency = { package: { name: pkg?.name ?? "unknown" }, version: pkg?.version ?? "unknown" };
  switch (type) {
    case "dependency_scanning":
      return { file: file ?? "unknown", dependency };
    case "container_scanning": {
      const image = prop(props, PROP.image)?.reference ?? "unknown";
      return { dependency, operating_system: "unknown", image };
    }
    case "dast": {
      const dast = prop(props, PROP.dast);
      let hostname = "";
      let path2 = dast?.url ?? "";
      try {
        const url = new URL(dast?.url ?? "");
        hostname = `${url.protocol}//${url.host}`;
        path2 = `${url.pathname}${url.search}`;
      } catch {
      }
      return { hostname, method: dast?.method ?? "GET", param: dast?.parameter ?? "", path: path2 };
    }
    case "secret_detection":
      return { ...file ? { file } : {}, ...lines, commit: { sha: context.commit ?? "0000000000000000000000000000000000000000" } };
  }
}
function trackingOf(finding) {
  const location2 = finding.location;
  const file = location2 && !/^[a-z][a-z0-9+.-]*:/i.test(location2.uri) ? decodeUri(location2.uri) : void 0;
  const item = {};
  if (file) item.file = file;
  if (location2?.startLine) {
    item.start_line = location2.startLine;
    item.end_line = location2.endLine ?? location2.startLine;
  }
  item.signatures = [{ algorithm: "hash", value: finding.fingerprint }];
  return { type: "source", items: [item] };
}
function vulnerabilityOf(type, f, context) {
  const details = type === "sast" ? flowDetails(f) : void 0;
  const vulnerability = {
    id: uuidOf(f.fingerprint ?? `${f.tool}:${f.ruleId}:${f.location?.uri}:${f.location?.startLine}`),
    name: (f.rule?.shortDescription?.text ?? f.ruleId).slice(0, 255),
    description: f.message.slice(0, 1048576),
    severity: SEVERITY9[f.severity]
  };
  if (f.rule?.help?.text) vulnerability.solution = f.rule.help.text.slice(0, 7e3);
  vulnerability.identifiers = identifiers(f);
  if (f.rule?.helpUri) vulnerability.links = [{ url: f.rule.helpUri }];
  vulnerability.location = locationOf2(type, f, context);
  if (f.fingerprint) vulnerability.tracking = trackingOf(f);
  if (details) vulnerability.details = details;
  return vulnerability;
}
function gitlabReports(findings, context, listOf2 = eagerList) {
  const byType = /* @__PURE__ */ new Map();
  for (const run2 of context.scanners) {
    const type = TYPE_OF[context.categories[run2.id] ?? ""];
    if (type && run2.status !== "skipped") byType.set(type, byType.get(type) ?? []);
  }
  for (const finding of findings) {
    const type = TYPE_OF[finding.category] ?? "sast";
    const list22 = byType.get(type);
    if (list22) list22.push(finding);
    else byType.set(type, [finding]);
  }
  const reports = {};
  for (const [type, list22] of byType) {
    const failed = context.scanners.some((run2) => run2.status === "failed" && TYPE_OF[context.categories[run2.id] ?? ""] === type);
    const tool = list22[0]?.tool ?? "Pipewarden";
    const vulnerabilities = listOf2(list22, (f) => vulnerabilityOf(type, f, context));
    reports[type] = {
      version: GITLAB_SCHEMA_VERSION,
      scan: {
        analyzer: { id: "pipewarden", name: "Pipewarden", version: context.version, vendor: { name: "Pipewarden" } },
        scanner: { id: tool.toLowerCase().replace(/[^a-z0-9]+/g, "-") || "pipewarden", name: tool, version: context.version, vendor: { name: "Pipewarden" } },
        type,
        start_time: gitlabTime(context.startedAt),
        end_time: gitlabTime(context.endedAt),
        status: failed ? "failure" : "success",
        ...type === "dast" ? { scanned_resources: [...new Map(list22.map((f) => {
          const d = prop(f.result.properties, PROP.dast);
          return [`${d?.method ?? "GET"} ${d?.url ?? ""}`, { method: d?.method ?? "GET", url: d?.url ?? "", type: "url" }];
        })).values()].filter((r) => r.url) } : {}
      },
      vulnerabilities
    };
  }
  return reports;
}
async function writeFolderAtomic(dir, files) {
  const staging = join10(dirname6(dir), `.${basename4(dir)}.tmp-${process.pid}-${randomBytes4(4).toString("hex")}`);
  ensureDir(staging);
  try {
    for (const file of files) await writeFile3(join10(staging, file.name), file.text);
    for (let attempt = 0; ; attempt++) {
      const old = `${staging}.old${attempt}`;
      await rename2(dir, old).catch((error) => {
        if (error.code !== "ENOENT") throw error;
      });
      try {
        await rename2(staging, dir);
        await rm4(old, { recursive: true, force: true });
        break;
      } catch (error) {
        await rm4(old, { recursive: true, force: true });
        if (!["ENOTEMPTY", "EEXIST"].includes(error.code ?? "") || attempt >= 20) throw error;
      }
    }
  } catch (error) {
    await rm4(staging, { recursive: true, force: true });
    throw error;
  }
}
async function emit(log2, summary, outDir, context = {}) {
  const outputs = {
    sarif: join10(outDir, "results.sarif"),
    summary: join10(outDir, "summary.md"),
    gitlab: [],
    junit: join10(outDir, "junit.xml"),
    json: join10(outDir, "report.json"),
    html: join10(outDir, "report.html"),
    github: [],
    githubDir: join10(outDir, "github")
  };
  ensureDir(outDir);
  const github = githubSarif(log2, { anchorUri: context.anchorUri, findings: summary.findings });
  await writeFolderAtomic(
    outputs.githubDir,
    github.files.map((file) => ({ name: file.name, text: file.text }))
  );
  outputs.github = github.files.map((file) => join10(outputs.githubDir, file.name));
  const input = { ...summary, fixed: summary.fixed ?? fixedOf(log2), github, links: summary.links ?? context.links };
  await writeFileAtomic(outputs.sarif, sarifText(log2));
  await writeFileAtomic(outputs.summary, renderMarkdown(input));
  await writeFileAtomic(outputs.junit, junitText(input.findings, input.verdict, input.stage));
  await writeFileAtomic(outputs.json, reportJsonFile(renderJson(input, lazyList)));
  await writeFileAtomic(outputs.html, renderHtml({ ...input, commit: context.commit }));
  if (context.gitlab) {
    const reports = gitlabReports(input.findings.filter((f) => !f.suppressed), context.gitlab, lazyList);
    for (const [type, report] of Object.entries(reports)) {
      const file = join10(outDir, GITLAB_REPORT_FILES[type]);
      await writeFileAtomic(file, reportJsonFile(report));
      outputs.gitlab.push(file);
    }
  }
  return outputs;
}
var HISTORY_VERSION = 1;
var findingRef = external_exports.object({
  /** pipewarden/v1 fingerprint */
  fp: external_exports.string().min(1),
  p: external_exports.enum(PRIORITIES),
  c: external_exports.enum(CATEGORIES),
  /** scanner id */
  s: external_exports.string(),
  /** rule id */
  r: external_exports.string()
});
var findingDetail = external_exports.object({
  /** message */
  m: external_exports.string().optional(),
  /** where: path:line, or the request of a DAST finding */
  l: external_exports.string().optional(),
  /** risk score */
  k: external_exports.number().optional(),
  /** risk factors */
  f: external_exports.array(external_exports.object({ factor: external_exports.string(), detail: external_exports.string(), points: external_exports.number() })).optional()
});
var findingTicket = external_exports.object({
  id: external_exports.string().min(1).max(100),
  /** The ticket's address; only http(s) is ever linked by a reader. */
  u: external_exports.string().max(500).optional(),
  /** accepted: closed by a person as won't fix / not planned, honoured at this run's gate. */
  st: external_exports.enum(["open", "closed", "accepted"])
});
var historyLineSchema = external_exports.object({
  v: external_exports.literal(HISTORY_VERSION),
  time: external_exports.iso.datetime({ offset: true }),
  repo: external_exports.string().min(1),
  commit: external_exports.string().optional(),
  branch: external_exports.string().optional(),
  defaultBranch: external_exports.string().optional(),
  pipeline: external_exports.string().optional(),
  stage: external_exports.enum(STAGES),
  verdict: external_exports.enum(["pass", "fail", "error"]),
  /** true: new and fixed are against the last default-branch run; false: no baseline, so `new` is everything open (a snapshot). */
  baseline: external_exports.boolean(),
  counts: external_exports.object({
    total: external_exports.number().int().min(0),
    byPriority: external_exports.record(external_exports.string(), external_exports.number().int().min(0)),
    byCategory: external_exports.record(external_exports.string(), external_exports.number().int().min(0)),
    byScanner: external_exports.record(external_exports.string(), external_exports.number().int().min(0))
  }),
  new: external_exports.number().int().min(0),
  fixed: external_exports.number().int().min(0),
  waived: external_exports.number().int().min(0),
  scanners: external_exports.array(external_exports.object({ id: external_exports.string(), status: external_exports.string(), durationMs: external_exports.number().min(0) })),
  images: external_exports.array(
    external_exports.object({
      digest: external_exports.string(),
      names: external_exports.array(external_exports.string()),
      base: external_exports.object({ name: external_exports.string(), digest: external_exports.string().optional(), fresh: external_exports.boolean().optional(), sanctioned: external_exports.boolean().optional() }).optional(),
      sbom: external_exports.object({ generator: external_exports.string(), components: external_exports.number().int().min(0) }).optional()
    })
  ).optional(),
  /**
   * What the run said of its new and waived findings, by fingerprint: message, where, risk score and its
   * factors (each cut short), so a dashboard can show a finding without the run's SARIF. Optional: lines
   * written before it lack it.
   */
  details: external_exports.record(external_exports.string(), findingDetail).optional(),
  /**
   * The ticket of each open or waived finding that has one, by fingerprint, as the tracker said before the
   * scan (a ticket this run opens is named by the next run). Optional: lines written before it lack it.
   */
  tickets: external_exports.record(external_exports.string(), findingTicket).optional(),
  findings: external_exports.object({
    new: external_exports.array(findingRef),
    /** `first`: when the finding was first detected (SARIF firstDetectionTimeUtc), when the baseline knew. */
    fixed: external_exports.array(findingRef.extend({ first: external_exports.iso.datetime({ offset: true }).optional() })),
    /** `ticket`: the ticket a person closed as accepted (won't fix, not planned) that waives it, instead of a config waiver. */
    waived: external_exports.array(findingRef.extend({ expires: external_exports.string().optional(), owner: external_exports.string().optional(), ticket: external_exports.string().optional() }))
  })
});
var historyTrendLineSchema = historyLineSchema.pick({ v: true, time: true, repo: true, branch: true, defaultBranch: true, stage: true, counts: true });
function refOf(finding) {
  if (!finding.fingerprint) return void 0;
  return { fp: finding.fingerprint, p: finding.priority ?? "P4", c: finding.category, s: finding.scanner, r: finding.ruleId };
}
var cut = (text22, max) => text22.length > max ? `${text22.slice(0, max - 1)}\u2026` : text22;
function detailOf(finding) {
  const factors = prop(finding.result.properties, PROP.factors);
  return {
    ...finding.message ? { m: cut(finding.message, 300) } : {},
    l: cut(whereOf(finding), 300),
    ...finding.risk !== void 0 ? { k: finding.risk } : {},
    ...factors?.length ? { f: factors.slice(0, 8).map(({ factor, detail, points }) => ({ factor: cut(String(factor), 60), detail: cut(String(detail), 200), points: Number(points) || 0 })) } : {}
  };
}
function ticketsByKey(tickets) {
  const byKey = /* @__PURE__ */ new Map();
  for (const ticket of tickets) {
    const known = byKey.get(ticket.marker.key);
    if (!known || known.state === "closed" && (ticket.state === "open" || (ticket.closure?.at ?? "") > (known.closure?.at ?? ""))) byKey.set(ticket.marker.key, ticket);
  }
  return byKey;
}
function ticketOf(finding, byKey) {
  const accepted = prop(finding.result.properties, PROP.ticketAcceptance);
  if (accepted && finding.suppressed) return { id: cut(accepted.ticket, 100), u: cut(accepted.url, 500), st: "accepted" };
  if (!byKey.size) return void 0;
  const ticket = byKey.get(ticketKey(finding));
  return ticket ? { id: cut(ticket.id, 100), ...ticket.url ? { u: cut(ticket.url, 500) } : {}, st: ticket.state } : void 0;
}
function waivedRefOf(finding, ref) {
  const accepted = prop(finding.result.properties, PROP.ticketAcceptance);
  if (accepted) return { ...ref, expires: accepted.until, owner: cut(accepted.owner, 100), ticket: cut(accepted.url, 500) };
  const waiver = finding.result.suppressions?.find((s) => s.justification?.startsWith("waiver: "))?.justification;
  const expires = waiver && /until (\d{4}-\d{2}-\d{2})\)$/.exec(waiver)?.[1];
  const owner = waiver && /\(owner (.+), until \d{4}-\d{2}-\d{2}\)$/.exec(waiver)?.[1];
  return { ...ref, ...expires ? { expires } : {}, ...owner ? { owner: owner.slice(0, 100) } : {} };
}
function bump(counts, key) {
  counts[key] = (counts[key] ?? 0) + 1;
}
function historyLineOf(input) {
  const counts = { total: 0, byPriority: {}, byCategory: {}, byScanner: {} };
  const findings = { new: [], fixed: [], waived: [] };
  const firstOf = /* @__PURE__ */ new Map();
  const tickets = {};
  const byKey = ticketsByKey(input.tickets ?? []);
  for (const finding of input.fixed) {
    const ref = refOf(finding);
    const first = finding.result.provenance?.firstDetectionTimeUtc;
    if (ref) findings.fixed.push(first && !Number.isNaN(Date.parse(first)) ? { ...ref, first: new Date(first).toISOString() } : ref);
  }
  for (const finding of input.findings) {
    const ref = refOf(finding);
    const state = finding.result.baselineState;
    if (state === "absent") continue;
    if (ref && !firstOf.has(ref.fp)) firstOf.set(ref.fp, finding);
    if (ref) {
      const ticket = ticketOf(finding, byKey);
      if (ticket) tickets[ref.fp] = ticket;
    }
    if (finding.suppressed) {
      if (ref) findings.waived.push(waivedRefOf(finding, ref));
      continue;
    }
    counts.total++;
    bump(counts.byPriority, finding.priority ?? "P4");
    bump(counts.byCategory, finding.category);
    bump(counts.byScanner, finding.scanner);
    if (ref && (!input.baseline || state === "new")) findings.new.push(ref);
  }
  const named = new Set([...findings.new, ...findings.waived].map((ref) => ref.fp));
  const kept = {};
  for (const [fp, finding] of firstOf) if (named.has(fp)) kept[fp] = detailOf(finding);
  const p = input.provenance;
  return {
    v: HISTORY_VERSION,
    time: input.time.toISOString(),
    repo: input.repo,
    ...p?.commit ? { commit: p.commit } : {},
    ...p?.branch ? { branch: p.branch } : {},
    ...p?.defaultBranch ? { defaultBranch: p.defaultBranch } : {},
    ...p?.pipeline ? { pipeline: p.pipeline } : {},
    stage: input.stage,
    verdict: input.exitCode === 2 ? "error" : input.verdict.status,
    baseline: input.baseline,
    counts,
    new: findings.new.length,
    fixed: findings.fixed.length,
    waived: findings.waived.length,
    scanners: input.scanners.map(({ id, status: status2, durationMs }) => ({ id, status: status2, durationMs: Math.round(durationMs) })),
    ...input.images?.length ? {
      images: input.images.map((image) => ({
        digest: image.digest,
        names: image.names,
        ...image.base ? { base: { name: image.base.name, ...image.base.digest ? { digest: image.base.digest } : {}, ...image.base.fresh !== void 0 ? { fresh: image.base.fresh } : {}, ...image.base.sanctioned !== void 0 ? { sanctioned: image.base.sanctioned } : {} } } : {},
        ...image.sbom ? { sbom: image.sbom } : {}
      }))
    } : {},
    ...Object.keys(kept).length ? { details: kept } : {},
    ...Object.keys(tickets).length ? { tickets } : {},
    findings
  };
}
function onDefaultBranch(line2) {
  if (line2.stage === "precommit" || line2.branch === void 0) return false;
  return line2.defaultBranch ? line2.branch === line2.defaultBranch : line2.branch === "main" || line2.branch === "master";
}
var MAX_LINE2 = 64 * 1024 * 1024;
function lineProblem(text22, schema = historyLineSchema) {
  if (text22.length > MAX_LINE2) return { problem: `longer than ${MAX_LINE2 / 1024 / 1024} MB` };
  let json2;
  try {
    json2 = JSON.parse(text22);
  } catch (error) {
    return { problem: `not valid JSON (${error.message.replace(/^.*?: /, "").slice(0, 80)}), truncated or corrupt` };
  }
  const parsed = schema.safeParse(json2);
  if (parsed.success) return { line: parsed.data };
  const first = parsed.error.issues[0];
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : "";
  return { problem: `not a Pipewarden history line: ${first.path.join(".") || "(root)"}: ${first.message}${more}` };
}
async function readHistoryFile(file, shown = file, schema = historyLineSchema) {
  const result2 = { lines: [], skipped: [] };
  let stream;
  try {
    stream = await streamRegular(file, { encoding: "utf8", shown });
  } catch (error) {
    if (isMissing(error)) return result2;
    if (error instanceof InputError) throw new InputError(error.message.startsWith("is a directory") ? "is not a file (expected a history.jsonl)" : error.message, { file: shown, cause: error });
    throw new InputError(describeFsError(error), { file: shown, cause: error });
  }
  const reader = createInterface2({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text22 of reader) {
      number++;
      if (!text22.trim()) continue;
      const read2 = lineProblem(text22, schema);
      if ("line" in read2) result2.lines.push(read2.line);
      else result2.skipped.push({ file: shown, line: number, problem: read2.problem });
    }
  } catch (error) {
    throw new InputError(describeFsError(error), { file: shown, cause: error });
  } finally {
    reader.close();
    stream.destroy();
  }
  return result2;
}
async function appendHistoryLine(file, line2, shown = file) {
  await appendFileAtomic(file, `${JSON.stringify(line2)}
`).catch((error) => {
    if (error instanceof InputError) throw new InputError(error.message, { file: shown, cause: error });
    throw error;
  });
}
function repoFromRemote(url) {
  const path2 = url.trim().replace(/\.git\/?$/, "").replace(/^[a-z+]+:\/\/[^/]+\//i, "").replace(/^[^@/:]+@[^:/]+:/, "");
  const parts = path2.split("/").filter(Boolean);
  return parts.length >= 2 ? parts.slice(-2).join("/") : void 0;
}
async function completeProvenance(provenance, srcRoot, ports, env2) {
  const git = async (known, ...args) => {
    if (known) return "";
    const result2 = await ports.exec({ command: "git", args, cwd: srcRoot, env: env2, timeoutMs: 3e4 });
    return result2.exitCode === 0 ? result2.stdout.trim() : "";
  };
  const [head, remote, checkedOut, origin] = await Promise.all([
    git(provenance?.commit, "rev-parse", "HEAD"),
    git(provenance?.repository, "config", "--get", "remote.origin.url"),
    git(provenance?.branch, "rev-parse", "--abbrev-ref", "HEAD"),
    git(provenance?.defaultBranch, "symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD")
  ]);
  const commit = provenance?.commit ?? (head || void 0);
  const repository = provenance?.repository ?? (repoFromRemote(remote) || basename5(srcRoot));
  const branch = provenance?.branch ?? (checkedOut && checkedOut !== "HEAD" ? checkedOut : void 0);
  const defaultBranch = provenance?.defaultBranch ?? (origin.startsWith("origin/") ? origin.slice("origin/".length) : void 0);
  return { ...provenance, ...commit ? { commit } : {}, repository, ...branch ? { branch } : {}, ...defaultBranch ? { defaultBranch } : {} };
}
function historyFileOf(options2) {
  if (options2.off) return void 0;
  const shown = options2.named ?? options2.configured ?? join11(options2.outDir, "history.jsonl");
  return { file: resolve32(options2.cwd, shown), shown };
}
async function loadTrendHistory(options2, warn) {
  const read2 = await readHistoryFile(options2.file, options2.shown, historyTrendLineSchema);
  for (const skipped of read2.skipped) warn(`${skipped.file}:${skipped.line}: ${skipped.problem}; skipped`);
  return read2;
}
function trendOf(lines, repo, stage) {
  const own = lines.filter((line2) => line2.repo === repo && line2.stage === stage).sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const main = own.filter(onDefaultBranch);
  return (main.length ? main : own).slice(-30).map((line2) => ({ date: line2.time, byPriority: line2.counts.byPriority }));
}
function todayUtc() {
  return (/* @__PURE__ */ new Date()).toISOString().slice(0, 10);
}
function hasCve(log2) {
  return log2.runs.some(
    (run2) => (run2.results ?? []).some((r) => /^CVE-/i.test(r.ruleId ?? "") || (prop(r.properties, PROP.ids) ?? []).some((id) => /^CVE-/i.test(id)))
  );
}
function feedSource(options2, ports) {
  let loading;
  const load = () => {
    loading ??= (async () => {
      if (options2.feedsDir) return readFeedsDir(resolve4(options2.cwd, options2.feedsDir));
      if (!options2.feedCache) return { warnings: [] };
      const feeds = options2.config.feeds;
      const result2 = await cachedFeeds({
        cacheDir: resolve4(options2.cwd, feeds?.cache_dir ?? options2.feedCache.cacheDir),
        today: options2.today ?? todayUtc(),
        fetch: options2.feedCache.fetch,
        offline: feeds?.offline ?? options2.feedCache.offline,
        kevUrl: feeds?.kev_url,
        epssUrl: feeds?.epss_url
      });
      for (const warning of result2.warnings) ports.log("warn", warning);
      return result2;
    })();
    return loading;
  };
  return { load, forLog: (log2) => loading || options2.feedsDir || hasCve(log2) ? load() : Promise.resolve({ warnings: [] }) };
}
async function assess(log2, options2, ports, feeds = feedSource(options2, ports)) {
  const loaded = await feeds.forLog(log2);
  await enrich(log2, { feeds: loaded, context: options2.config.context ?? [] });
  prioritize(log2, { slaDays: options2.config.priorities?.sla_days });
  const waivers = applyWaivers(log2, options2.config.waivers ?? [], options2.today ?? todayUtc());
  applyTicketAcceptances(log2, options2.ticketAcceptances ?? []);
  const warnings = [...loaded.warnings];
  for (const expired of waivers.expired) {
    warnings.push(`${describeWaiver(expired.waiver, expired.index)} expired on ${expired.waiver.expires}${expired.matched ? `: ${expired.matched} finding${expired.matched === 1 ? " is" : "s are"} no longer waived` : ""}`);
  }
  for (const soon of waivers.expiringSoon) {
    warnings.push(`${describeWaiver(soon.waiver, soon.index)} expires on ${soon.waiver.expires}, in ${soon.daysLeft} day${soon.daysLeft === 1 ? "" : "s"}`);
  }
  return { waivers, warnings };
}
function stageGate(config, stage) {
  const rules = config.stages?.[stage]?.rules;
  if (!rules) return config.gate;
  return { on_scanner_error: config.gate?.on_scanner_error ?? "fail", scope: config.gate?.scope ?? "new", ...config.gate, rules };
}
function judge2(findings, config, stage, warnings) {
  return applyGate({ findings: [...findings], gate: stageGate(config, stage), mode: config.stages?.[stage]?.gate ?? "default", warnings: [...warnings] });
}
function verdictProp(verdict) {
  const { status: status2, failures, scope, gated, total, counts, warnings, errors, incomplete } = verdict;
  return { status: status2, failures, scope, gated, total, counts, warnings, ...errors?.length ? { errors } : {}, ...incomplete?.length ? { incomplete } : {} };
}
async function failsAlone(log2, config, stage, today) {
  await enrich(log2, { feeds: { warnings: [] }, context: config.context ?? [] });
  prioritize(log2, { slaDays: config.priorities?.sla_days });
  applyWaivers(log2, config.waivers ?? [], today ?? todayUtc());
  return applyGate({ findings: findingsOf(log2), gate: stageGate(config, stage) }).status === "fail";
}
function reviewReportOf(base, reasons, config, labels) {
  const approved = Boolean(labels?.some((l) => l.toLowerCase() === config.approval_label.toLowerCase()));
  const reviewers = config.reviewers && { users: config.reviewers.users ?? [], teams: config.reviewers.teams ?? [], approvals: config.reviewers.approvals };
  return { base, reasons, label: config.label, approvalLabel: config.approval_label, labels: labels ? [...labels] : void 0, approved, ...reviewers ? { reviewers } : {} };
}
var whereOfReason = (r) => `${r.file}${r.lines.length ? `:${describeRanges(r.lines)}` : ""}`;
function applyReviewGate(verdict, rules, review, mode) {
  if (mode === "none") return;
  for (const [index, rule] of (rules ?? []).entries()) {
    if (rule.high_risk !== "require_label") continue;
    if (!review) {
      verdict.warnings.push(`gate rule ${index + 1} (high_risk: require_label) needs a diff base (a PR/MR, or --diff-base): not applied`);
      continue;
    }
    if (!review.reasons.length || review.approved) continue;
    const failure = {
      rule: `high-risk change without the "${review.approvalLabel}" label${review.labels === void 0 ? " (the PR/MR's labels are unknown here)" : ""}`,
      index,
      matched: review.reasons.length,
      max: 0,
      examples: review.reasons.slice(0, 3).map((r) => `${whereOfReason(r)} (${r.rule})`),
      findings: [],
      about: "change"
    };
    verdict.failures.push(failure);
    if (verdict.status === "pass") verdict.status = "fail";
  }
}
var FIRST_BYTES = 1024 * 1024;
var BATCH_BYTES = 256 * 1024;
async function readBaseline(file, shown, redactor) {
  try {
    return (await readReport(file, "sarif", { redactor })).log;
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`baseline ${error.message}`, { file: shown, cause: error });
    throw error;
  }
}
async function record(input) {
  if (!input.history) return;
  const line2 = historyLineOf({
    time: input.time,
    repo: input.provenance.repository,
    provenance: input.provenance,
    stage: input.stage,
    findings: [...input.findings],
    fixed: fixedOf(input.log),
    verdict: input.verdict,
    exitCode: input.exitCode,
    baseline: input.baseline,
    scanners: [...input.scanners],
    images: input.images ? [...input.images] : void 0,
    tickets: input.tickets
  });
  await appendHistoryLine(input.history.file, line2, input.history.shown);
}
function mergedByScanner(log2, findings) {
  const scannerOfTool = /* @__PURE__ */ new Map();
  for (const run2 of log2.runs) {
    const id = run2.properties?.[PROP.scanner];
    if (typeof id === "string" && !scannerOfTool.has(run2.tool.driver.name)) scannerOfTool.set(run2.tool.driver.name, id);
  }
  const out = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    const into = finding.run.properties?.[PROP.scanner];
    for (const duplicate of prop(finding.result.properties, PROP.duplicates) ?? []) {
      const tool = duplicate.tool;
      const scanner = typeof tool === "string" ? scannerOfTool.get(tool) : void 0;
      if (!scanner) continue;
      const entry = out.get(scanner) ?? { count: 0, into: /* @__PURE__ */ new Set() };
      entry.count++;
      if (typeof into === "string" && into !== scanner) entry.into.add(into);
      out.set(scanner, entry);
    }
  }
  return new Map([...out].map(([id, { count, into }]) => [id, { count, into: [...into].sort() }]));
}
function countFindings(runs, log2, findings) {
  const merged = mergedByScanner(log2, findings);
  for (const run2 of runs) {
    if (run2.status !== "ran" && run2.status !== "partial") continue;
    run2.findings = findings.filter((f) => f.run.properties?.[PROP.scanner] === run2.id).length;
    const joined = merged.get(run2.id);
    if (joined?.count) {
      run2.merged = joined.count;
      run2.mergedInto = joined.into;
    }
  }
}
var path = external_exports.string().min(1);
var targetsSchema = external_exports.object({
  url: external_exports.object({ href: external_exports.string().min(1), auth: external_exports.unknown().optional() }).optional(),
  image: external_exports.string().min(1).optional(),
  imageArchive: path.optional(),
  baseArchives: external_exports.array(path).optional(),
  vulnerabilityReports: external_exports.object({ image: path, base: path }).optional()
});
var scanOptionsSchema = external_exports.object({
  /** Where relative paths (dir, outDir, reports) resolve: the platform's working directory. */
  cwd: path,
  /** The directory to scan, as the user wrote it (errors name it so). */
  dir: path,
  config: external_exports.custom((value) => typeof value === "object" && value !== null),
  /** Where the config came from, as the user would name it (errors in it name this file). */
  configFile: external_exports.string().min(1).optional(),
  stage: external_exports.enum(STAGES),
  /** Scanner ids the user named; [] runs none (only reports); undefined takes the stage's. */
  scanners: external_exports.array(external_exports.string()).readonly().optional(),
  /** Path patterns never scanned nor reported, over pipewarden.yml's `exclude:` (--exclude). */
  exclude: external_exports.array(external_exports.string().trim().min(1).refine((p) => !p.startsWith("!"), "negation is not supported; use include: in pipewarden.yml")).readonly().optional(),
  /** Only the files staged in git (pre-commit). */
  staged: external_exports.boolean().optional(),
  reports: external_exports.array(external_exports.object({ file: path, format: external_exports.string().optional() })).readonly().optional(),
  outDir: path,
  /**
   * The key of secret identities (docs/identity.md); default: PIPEWARDEN_SECRET_KEY of `env`. Without one, secret
   * hashes are derived with scrypt from the repository's name (provenance.repository).
   */
  secretKey: external_exports.string().min(1).optional(),
  // process.env is not a plain object: checked for shape, not prototype.
  env: external_exports.custom((value) => typeof value === "object" && value !== null),
  /** Folders of installed tools (the tool cache), searched before the PATH of env: the scanners run the verified builds. */
  toolDirs: external_exports.array(external_exports.string().min(1)).readonly().optional(),
  /** SARIF of the last default-branch run: results become new / unchanged / updated, and gone ones absent. */
  baseline: path.optional(),
  /** Scope the gate to what changed since the merge-base with this ref. */
  diffBase: external_exports.string().min(1).optional(),
  /** The PR/MR's labels, as the platform adapter read them: the approval label of review.high_risk. */
  labels: external_exports.array(external_exports.string()).readonly().optional(),
  diffFilter: external_exports.enum(DIFF_FILTERS).optional(),
  /** Run one shard of the work (parallel CI jobs); `pipewarden merge` joins the shards. */
  shard: external_exports.object({ index: external_exports.number().int().min(1), total: external_exports.number().int().min(1) }).optional(),
  /** What the run targets besides files, passed to the scanners unchanged. */
  targets: targetsSchema.optional(),
  /** Where the run came from, as the platform tells; the commit defaults to git's HEAD. */
  provenance: external_exports.custom().optional(),
  /** Tickets a person closed as accepted (read from the tracker before the scan): their findings are waived while it holds. */
  ticketAcceptances: external_exports.custom().optional(),
  /** The tracker's tickets read before the scan: the history names each finding's ticket (the dashboard links it). */
  tickets: external_exports.custom().optional(),
  /** Stop at the first scanner whose findings alone fail the gate (running scanners are stopped). */
  failFast: external_exports.boolean().optional(),
  /** KEV and EPSS files kept by the user (offline, reproducible); else the feed cache. */
  feedsDir: path.optional(),
  /** OSV advisories kept by the user (a folder of records or all.zip exports): nothing downloaded. */
  advisoriesDir: path.optional(),
  feedCache: external_exports.object({ cacheDir: path, fetch: external_exports.custom().optional(), offline: external_exports.boolean().optional() }).optional(),
  /** The day waivers and the feed cache are judged by (YYYY-MM-DD); default today (UTC). */
  today: external_exports.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Links for the reports: file:line at the commit, the full report (the platform knows them). */
  links: external_exports.custom().optional(),
  /** The history file: read for the trend, then this run's line is added (not by a shard: the merge's gate adds it). */
  history: external_exports.object({ file: path, shown: external_exports.string() }).optional()
});
function parseScanOptions(options2) {
  const parsed = scanOptionsSchema.safeParse(options2);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`);
  throw new ConfigError(`invalid scan options: ${problems.join("; ")}`, { problems });
}
function touchedLines(file) {
  if (file.added.size) return [...file.added];
  return file.hunks.map(([start]) => start).filter((n) => n < Number.MAX_SAFE_INTEGER);
}
var CI_PATHS = [
  /^\.github\/workflows\/[^/]+\.ya?ml$/,
  /(^|\/)action\.ya?ml$/,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /^\.gitlab\/ci\/.+\.ya?ml$/,
  /(^|\/)Jenkinsfile([._-][^/]*)?$/,
  /\.jenkinsfile$/i,
  /(^|\/)\.circleci\/config\.ya?ml$/,
  /(^|\/)azure-pipelines\.ya?ml$/,
  /(^|\/)bitbucket-pipelines\.ya?ml$/,
  /(^|\/)\.buildkite\/.+\.ya?ml$/
];
var isCiDefinition = (path2) => CI_PATHS.some((p) => p.test(path2));
var isGithubWorkflow = (path2) => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path2);
var isJenkinsfile = (path2) => /(^|\/)Jenkinsfile([._-][^/]*)?$|\.jenkinsfile$/i.test(path2);
var PRIVILEGED_TRIGGERS = {
  pull_request_target: "runs with a write token and the secrets on events from forks",
  workflow_run: "runs with a write token and the secrets after workflows a fork can start",
  issue_comment: "anyone who can comment starts it, with the repository's token and secrets",
  issues: "anyone who can open an issue starts it, with the repository's token and secrets",
  discussion_comment: "anyone who can comment starts it, with the repository's token and secrets"
};
function triggersOf(workflow) {
  const on = workflow?.on ?? workflow?.true;
  if (typeof on === "string") return /* @__PURE__ */ new Set([on]);
  if (Array.isArray(on)) return new Set(on.map(String));
  if (on && typeof on === "object") return new Set(Object.keys(on));
  return /* @__PURE__ */ new Set();
}
function permissionsOf(workflow) {
  const out = /* @__PURE__ */ new Map();
  const w = workflow ?? {};
  if (w.permissions !== void 0) out.set("", w.permissions);
  for (const [id, job] of Object.entries(w.jobs ?? {})) if (job && job.permissions !== void 0) out.set(`jobs.${id}`, job.permissions);
  return out;
}
function writeScopes(permissions) {
  if (permissions === "write-all") return /* @__PURE__ */ new Set(["*"]);
  if (!permissions || typeof permissions !== "object") return /* @__PURE__ */ new Set();
  return new Set(Object.entries(permissions).filter(([, v]) => v === "write").map(([k]) => k));
}
var loadYaml = () => import("./dist-DFJONKEI.js");
function lineOfPath({ isMap, isScalar }, doc, counter, path2) {
  const parent = path2.length > 1 ? doc.getIn(path2.slice(0, -1), true) : doc.contents;
  const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path2.at(-1)) : void 0;
  const range = pair?.key?.range;
  return range ? counter.linePos(range[0]).line : void 0;
}
function parseLoose({ parse }, text22) {
  if (text22 === void 0) return void 0;
  try {
    return parse(text22);
  } catch {
    return void 0;
  }
}
async function workflowSignals(file) {
  if (file.head === void 0) return [];
  const yaml = await loadYaml();
  const counter = new yaml.LineCounter();
  const doc = yaml.parseDocument(file.head, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length) return [];
  const head = doc.toJS();
  const base = parseLoose(yaml, file.base);
  const signals = [];
  const had = triggersOf(base);
  for (const trigger of triggersOf(head)) {
    const why = PRIVILEGED_TRIGGERS[trigger];
    if (!why || had.has(trigger)) continue;
    const lines = linesMatching(file.head, new RegExp(`(^|[\\s\\[,{-])${trigger}\\s*(:|,|\\]|$)`));
    signals.push({ kind: "ci-trigger", file: file.path, lines: lines.length ? lines : touchedLines(file), detail: `adds the ${trigger} trigger: it ${why}` });
  }
  const before = permissionsOf(base);
  const baseSet = base !== void 0;
  for (const [where4, permissions] of permissionsOf(head)) {
    const wasWrite = writeScopes(before.get(where4));
    const added = [...writeScopes(permissions)].filter((scope) => !wasWrite.has(scope) && !wasWrite.has("*"));
    if (!added.length) continue;
    const path2 = where4 ? [...where4.split("."), "permissions"] : ["permissions"];
    const line2 = lineOfPath(yaml, doc, counter, path2);
    const at = where4 ? `job ${where4.slice(5)}` : "the workflow";
    const what2 = added.includes("*") ? "permissions: write-all" : `write access to ${added.join(", ")}`;
    signals.push({ kind: "ci-permissions", file: file.path, lines: line2 ? [line2] : touchedLines(file), detail: `gives ${at} ${what2}${baseSet ? "" : " (a new workflow)"}` });
  }
  if (before.has("") && !permissionsOf(head).has("")) {
    signals.push({ kind: "ci-permissions", file: file.path, lines: touchedLines(file), detail: "removes the workflow's permissions block: its jobs get the repository's default token, often read-write" });
  }
  signals.push(...secretsInRun(yaml, doc, counter, file));
  return signals;
}
function secretsInRun({ isPair, isScalar, visit }, doc, counter, file) {
  const lines = /* @__PURE__ */ new Set();
  const text22 = file.head ?? "";
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== "run" || !isScalar(pair.value) || !pair.value.range) return;
      const start = counter.linePos(pair.value.range[0]).line;
      const end = counter.linePos(pair.value.range[1]).line;
      const all = text22.split("\n");
      for (let line2 = start; line2 <= end; line2++) {
        if (file.added.has(line2) && /\$\{\{[^}]*\bsecrets\./.test(all[line2 - 1] ?? "")) lines.add(line2);
      }
    }
  });
  if (!lines.size) return [];
  return [{ kind: "ci-secrets", file: file.path, lines: [...lines], detail: "puts secrets straight into a run: script, where the shell and its logs see the value (pass them through env: instead)" }];
}
function jenkinsSignals(file) {
  const all = (file.head ?? "").split("\n");
  const lines = [...file.added].filter((n) => /\bwithCredentials\b|\bcredentials\s*\(/.test(all[n - 1] ?? ""));
  return lines.length ? [{ kind: "ci-secrets", file: file.path, lines, detail: "binds Jenkins credentials in the pipeline" }] : [];
}
async function ciSignals(file) {
  if (!isCiDefinition(file.path)) return [];
  const verb = file.base === void 0 ? "adds" : file.head === void 0 ? "removes" : "changes";
  const signals = [{ kind: "ci-definition", file: file.path, lines: touchedLines(file), detail: `${verb} a pipeline definition` }];
  if (isGithubWorkflow(file.path)) signals.push(...await workflowSignals(file));
  else if (isJenkinsfile(file.path)) signals.push(...jenkinsSignals(file));
  return signals;
}
async function codeSignals(files, grammarsDir2) {
  const sources = files.filter((f) => f.head !== void 0 && readsFile(f.path)).map((f) => ({ path: f.path, text: f.head }));
  if (!sources.length) return [];
  const { tagSensitiveCode } = await import("./dist-BH2WDF4L.js");
  const byPath = new Map(files.map((f) => [f.path, f]));
  const byFunction = /* @__PURE__ */ new Map();
  for (const tag of await tagSensitiveCode(sources, { grammarsDir: grammarsDir2 })) {
    const key = `${tag.file}\0${tag.startLine}\0${tag.endLine}`;
    byFunction.set(key, [...byFunction.get(key) ?? [], tag]);
  }
  const signals = [];
  for (const tags of byFunction.values()) {
    const tag = tags[0];
    const file = byPath.get(tag.file);
    const lines = [...file.added].filter((n) => n >= tag.startLine && n <= tag.endLine);
    const removedIn = file.added.size === 0 && file.hunks.some(([a, b]) => a <= tag.endLine && b >= tag.startLine);
    if (!lines.length && !removedIn) continue;
    const where4 = tag.function ? `${tag.function}()` : `line ${tag.startLine}`;
    const kinds = tags.map((t) => t.kind).join(", ");
    const evidence = [...new Set(tags.map((t) => t.evidence))].join(", ");
    signals.push({ kind: "security-code", file: tag.file, lines: lines.length ? lines : [tag.startLine], detail: `${where4} ${evidence} (${kinds}): ${tag.why}` });
  }
  return signals;
}
var DOCKERFILE = /(^|\/)(Dockerfile|Containerfile)([._-][^/]*)?$|\.(dockerfile|containerfile)$/i;
var COMPOSE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;
var CODEOWNERS = /^(\.github\/|\.gitlab\/|docs\/)?CODEOWNERS$/;
var TERRAFORM = /\.(tf|tfvars|tf\.json|hcl|bicep)$/;
var HELM = /(^|\/)(Chart\.ya?ml|values[\w.-]*\.ya?ml|helmfile\.ya?ml)$|(^|\/)templates\/[^/]+\.(ya?ml|tpl)$/;
var KUSTOMIZE = /(^|\/)kustomization\.ya?ml$/;
var PULUMI = /(^|\/)Pulumi(\.[\w-]+)?\.ya?ml$/;
function iacByContent(path2, text22) {
  if (!text22 || !/\.(ya?ml|json|template)$/.test(path2)) return void 0;
  if (/AWSTemplateFormatVersion|"?Type"?\s*:\s*"?AWS::\w+::/.test(text22)) return "a CloudFormation template";
  if (/^\s*"?apiVersion"?\s*:/m.test(text22) && /^\s*"?kind"?\s*:\s*"?[A-Z]\w+/m.test(text22)) return "a Kubernetes manifest";
  return void 0;
}
function iacWhat(path2, text22) {
  if (TERRAFORM.test(path2)) return path2.endsWith(".bicep") ? "Bicep infrastructure code" : "Terraform infrastructure code";
  if (HELM.test(path2) && /(^|\/)(charts?|helm)\//.test(`/${path2}`) || /(^|\/)Chart\.ya?ml$/.test(path2)) return "a Helm chart";
  if (KUSTOMIZE.test(path2)) return "a Kustomize overlay";
  if (PULUMI.test(path2)) return "a Pulumi project";
  return iacByContent(path2, text22);
}
function infraSignals(file) {
  const lines = touchedLines(file);
  const verb = file.base === void 0 ? "adds" : file.head === void 0 ? "removes" : "changes";
  if (CODEOWNERS.test(file.path)) return [{ kind: "codeowners", file: file.path, lines, detail: `${verb} who must approve changes (CODEOWNERS)` }];
  if (DOCKERFILE.test(file.path)) return [{ kind: "dockerfile", file: file.path, lines, detail: `${verb} a container image build` }];
  if (COMPOSE.test(file.path)) return [{ kind: "dockerfile", file: file.path, lines, detail: `${verb} how containers run (Compose)` }];
  const iac = iacWhat(file.path, file.head ?? file.base);
  return iac ? [{ kind: "iac", file: file.path, lines, detail: `${verb} ${iac}` }] : [];
}
var DECLARING = /* @__PURE__ */ new Set(["package.json", "requirements.txt", "pyproject.toml", "Pipfile", "go.mod", "pom.xml", "build.gradle", "libs.versions.toml", "composer.json", "Gemfile", "Cargo.toml", "*.csproj", "Directory.Packages.props", "packages.config"]);
var LOCKFILE22 = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|Cargo\.lock|go\.sum|gradle\.lockfile|packages\.lock\.json)$/;
var REGISTRY_CONFIG = /(^|\/)(\.npmrc|\.yarnrc(\.ya?ml)?|\.pnpmrc|pip\.conf|pip\.ini|\.pypirc|settings\.xml|NuGet\.config|nuget\.config|\.cargo\/config(\.toml)?|gradle\.properties|settings\.gradle(\.kts)?)$/;
var NON_REGISTRY = /(git\+(https?|ssh|file):\/\/|git:\/\/|git@[\w.-]+:|\b(github|gitlab|bitbucket):[\w.-]+\/[\w.-]+|https?:\/\/\S+\.(tgz|tar\.gz|tar\.bz2|zip|whl|gem|jar)\b|\{[^}]*\bgit\s*=|\bgit\s*:\s*["']|@\s*git\+|^\s*-e\s+(git\+|https?:))/;
var isDependencyFile = (path2) => manifestKind(path2) !== void 0 || LOCKFILE22.test(path2) || REGISTRY_CONFIG.test(path2);
function directOf(readInventory, path2, text22) {
  const out = /* @__PURE__ */ new Map();
  if (text22 === void 0) return out;
  for (const p of readInventory([{ path: path2, text: text22 }]).packages) if (p.direct) out.set(`${p.ecosystem}:${p.name}`, p);
  return out;
}
function lineOfVersion(version2) {
  const m = /^\D*(\d+)(?:\.(\d+))?/.exec(version2);
  if (!m) return void 0;
  const major = Number(m[1]);
  return [major, major === 0 ? Number(m[2] ?? 0) : 0];
}
var newerLine = (now, was) => now[0] > was[0] || now[0] === was[0] && now[1] > was[1];
async function newDependencies(file) {
  const kind = manifestKind(file.path);
  if (!kind || !DECLARING.has(kind) || file.head === void 0) return [];
  const { readInventory } = await import("./dist-GBAVN7AM.js");
  const before = directOf(readInventory, file.path, file.base);
  const signals = [];
  for (const [key, p] of directOf(readInventory, file.path, file.head)) {
    const line2 = (p.declaredAt ?? p.location).line;
    const old = before.get(key);
    const scope = p.scope === "runtime" || p.scope === "unknown" ? "" : ` (${p.scope})`;
    if (!old) {
      signals.push({ kind: "new-dependency", file: file.path, lines: [line2], detail: `adds ${p.name} ${p.declared ?? p.version}${scope}, a new direct dependency: new code from new maintainers runs in the build and the product` });
      continue;
    }
    const was = lineOfVersion(old.version);
    const now = lineOfVersion(p.version);
    if (was && now && newerLine(now, was)) {
      signals.push({ kind: "major-upgrade", file: file.path, lines: [line2], detail: `upgrades ${p.name} from ${old.declared ?? old.version} to ${p.declared ?? p.version}, a major version: its behaviour and defaults may change` });
    }
  }
  return signals;
}
function sourceSignals(file) {
  if (file.head === void 0 || LOCKFILE22.test(file.path)) return [];
  const all = file.head.split("\n");
  const lines = [...file.added].filter((n) => NON_REGISTRY.test(all[n - 1] ?? ""));
  if (!lines.length) return [];
  return [{ kind: "dependency-source", file: file.path, lines, detail: "takes a dependency from a git repository or a URL instead of a registry: nothing pins what it contains or who published it" }];
}
var hostsOf = (text22) => new Set([...(text22 ?? "").matchAll(/https?:\/\/([\w.-]+(?::\d+)?)/g)].map((m) => m[1].toLowerCase()));
function registrySignals(file) {
  if (file.head === void 0) return [];
  const all = file.head.split("\n");
  const registryLine = REGISTRY_CONFIG.test(file.path) || LOCKFILE22.test(file.path) ? () => true : (line2) => /registry|index-url|extra-index-url|find-links|\bsource\b|repositor|<url>|maven\s*\{|url\s*[=(]/i.test(line2);
  const known = hostsOf(file.base);
  const fresh = /* @__PURE__ */ new Map();
  for (const n of file.added) {
    const line2 = all[n - 1] ?? "";
    if (!registryLine(line2) || !LOCKFILE22.test(file.path) && NON_REGISTRY.test(line2)) continue;
    for (const host of hostsOf(line2)) if (!known.has(host)) fresh.set(host, [...fresh.get(host) ?? [], n]);
  }
  return [...fresh].map(([host, lines]) => ({ kind: "new-registry", file: file.path, lines, detail: `fetches packages from ${host}, a registry this repository did not use: whoever runs it decides what the build installs` }));
}
async function dependencySignals(file) {
  if (!isDependencyFile(file.path)) return [];
  return [...await newDependencies(file), ...sourceSignals(file), ...registrySignals(file)].map((s) => s.lines.length ? s : { ...s, lines: touchedLines(file) });
}
var BUILT_IN_RULES = [
  { name: "security-sensitive code", change: ["security-code"], explanation: "Code that authenticates, keeps sessions, encrypts, checks access, validates input or deserializes is where one mistake exposes every user." },
  {
    name: "security-named code",
    paths: ["**/auth/**", "**/*auth*.*", "**/login*", "**/session*/**", "**/session*.*", "**/crypto/**", "**/security/**", "**/permission*/**", "**/acl/**", "**/*password*.*"],
    explanation: "Its path says it handles authentication, sessions, crypto or permissions."
  },
  { name: "CI/CD privileges", change: ["ci-trigger", "ci-permissions", "ci-secrets"], explanation: "The pipeline holds the deploy credentials and the repository token: what starts it and what it may write decides who can ship code." },
  { name: "CI/CD definition", change: ["ci-definition"], explanation: "The pipeline builds, tests and ships the product with the repository's credentials." },
  { name: "infrastructure as code", change: ["iac"], explanation: "It changes what is exposed, who may reach it and with which privileges, in every environment it is applied to." },
  { name: "container build", change: ["dockerfile"], explanation: "It changes the base image, the packages and the user every container runs with." },
  { name: "code ownership", change: ["codeowners"], explanation: "CODEOWNERS decides who must approve changes: changing it changes the review itself." },
  { name: "dependencies", change: ["new-dependency", "major-upgrade", "dependency-source", "new-registry"], explanation: "Third-party code runs with the product's privileges; the supply chain is where attackers now come in." }
];
var kindsOf = (rule) => rule.change === void 0 ? void 0 : Array.isArray(rule.change) ? rule.change : [rule.change];
function nameOf(rule) {
  return rule.name ?? [rule.paths?.join(", "), kindsOf(rule)?.join(", ")].filter(Boolean).join(" \xB7 ");
}
function applyRules(config, signals, files) {
  const rules = [...config.defaults ? BUILT_IN_RULES.map((r) => ({ ...r, builtIn: true })) : [], ...(config.rules ?? []).map((r) => ({ ...r, builtIn: false }))];
  const reasons = /* @__PURE__ */ new Map();
  const add2 = (reason) => {
    const key = `${reason.rule}\0${reason.file}\0${reason.detail}`;
    if (!reasons.has(key)) reasons.set(key, reason);
  };
  for (const rule of rules) {
    const matchPath = rule.paths ? (0, import_picomatch4.default)(rule.paths, { dot: true, nocase: true }) : () => true;
    const kinds = kindsOf(rule);
    const explanation = rule.explanation ?? (kinds ? `A change of kind ${kinds.join(", ")}.` : "A path your policy marks as high-risk.");
    if (kinds) {
      for (const s of signals) if (kinds.includes(s.kind) && matchPath(s.file)) add2({ rule: nameOf(rule), kind: s.kind, file: s.file, lines: rangesOf(s.lines), detail: s.detail, explanation, builtIn: rule.builtIn });
      continue;
    }
    for (const file of files) {
      if (!matchPath(file.path)) continue;
      if (rule.builtIn && signals.some((s) => s.file === file.path && s.kind === "security-code")) continue;
      add2({ rule: nameOf(rule), kind: "path", file: file.path, lines: rangesOf(touchedLines(file)), detail: file.base === void 0 ? "a new file" : file.head === void 0 ? "removed" : "changed", explanation, builtIn: rule.builtIn });
    }
  }
  const specific = new Set([...reasons.values()].filter((r) => r.kind.startsWith("ci-") && r.kind !== "ci-definition").map((r) => r.file));
  return [...reasons.values()].filter((r) => !(r.builtIn && r.kind === "ci-definition" && specific.has(r.file))).sort((a, b) => a.file.localeCompare(b.file) || (a.lines[0]?.[0] ?? 0) - (b.lines[0]?.[0] ?? 0));
}
var MAX_BYTES2 = 2 * 1024 * 1024;
var text2 = (data) => data.subarray(0, 8e3).includes(0) ? void 0 : data.toString("utf8");
async function statusOf2(input) {
  const diff = await input.ports.exec({ command: "git", args: ["-c", "core.quotepath=off", "diff", "--name-status", "-z", "--no-renames", input.scope.base, "--"], cwd: input.srcRoot, env: input.env, timeoutMs: 12e4 });
  const parts = diff.exitCode === 0 ? diff.stdout.split("\0") : [];
  const added = /* @__PURE__ */ new Set();
  const deleted = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] === "A") added.add(parts[i + 1]);
    if (parts[i] === "D") deleted.push(parts[i + 1]);
  }
  return { added, deleted };
}
async function changedFiles(input) {
  const reader = rootReader(input.srcRoot);
  const status2 = await statusOf2(input);
  const atBase = async (path2) => {
    const shown = await input.ports.exec({ command: "git", args: ["show", `${input.scope.base}:${path2}`], cwd: input.srcRoot, env: input.env, timeoutMs: 6e4 });
    return shown.exitCode === 0 && shown.stdout.length <= MAX_BYTES2 && !shown.stdout.slice(0, 8e3).includes("\0") ? shown.stdout : void 0;
  };
  const out = [];
  for (const [path2, change] of input.scope.files) {
    const now = await reader.read(path2, { maxBytes: MAX_BYTES2 });
    const isNew2 = status2.added.has(path2) || change.hunks.some(([, end]) => end === Number.MAX_SAFE_INTEGER);
    const base = isNew2 ? void 0 : readsFile(path2) ? "" : await atBase(path2);
    out.push({ path: path2, added: change.added, hunks: change.hunks, head: "data" in now ? text2(now.data) : void 0, base });
  }
  for (const path2 of status2.deleted) out.push({ path: path2, added: /* @__PURE__ */ new Set(), hunks: [], head: void 0, base: await atBase(path2) });
  return out;
}
async function detectHighRisk(input) {
  const files = await changedFiles(input);
  const signals = await codeSignals(files);
  for (const f of files) signals.push(...await ciSignals(f), ...infraSignals(f), ...await dependencySignals(f));
  return applyRules(input.config, signals, files);
}
async function reviewChange(options2, prepared, ports) {
  if (!prepared.diffScope) return void 0;
  const config = highRiskObjectSchema.parse(options2.config.review?.high_risk ?? {});
  if (!config.enabled) return void 0;
  const found = await detectHighRisk({ srcRoot: prepared.srcRoot, scope: prepared.diffScope, config, ports, env: options2.env });
  const reasons = found.filter((r) => {
    const path2 = relative4(prepared.dir, join12(prepared.srcRoot, r.file)).split(sep32).join("/");
    return path2.startsWith("..") || !prepared.exclusions.userExcludes(path2);
  });
  const review = reviewReportOf(prepared.diffScope.base, reasons, config, options2.labels);
  if (reasons.length) ports.log("info", `needs security review: ${reasons.length} reason${reasons.length === 1 ? "" : "s"} in ${new Set(reasons.map((r) => r.file)).size} file${new Set(reasons.map((r) => r.file)).size === 1 ? "" : "s"}${review.approved ? ` (approved: "${review.approvalLabel}" is on it)` : ""}`);
  return review;
}
var name = (pattern2) => new RegExp(`(?:^|/)(?:${pattern2})$`, "i");
var AREAS = [
  { what: "JavaScript/TypeScript code", kind: "code", files: /\.(?:[cm]?js|jsx|ts|tsx|mts|cts|vue|svelte)$/i },
  { what: "Python code", kind: "code", files: /\.py$/i },
  { what: "PHP code", kind: "code", files: /\.(?:php|phtml)$/i },
  { what: "Java/Kotlin code", kind: "code", files: /\.(?:java|kt|kts|jsp)$/i },
  { what: "Go code", kind: "code", files: /\.go$/i },
  { what: "Ruby code", kind: "code", files: /\.rb$/i },
  { what: "C/C++ code", kind: "code", files: /\.(?:c|cc|cpp|cxx|h|hh|hpp)$/i },
  { what: "C# code", kind: "code", files: /\.cs$/i },
  { what: "Shell scripts", kind: "code", files: /\.(?:sh|bash)$/i },
  { what: "npm dependencies (lockfile)", kind: "dependencies", files: name("package-lock\\.json|npm-shrinkwrap\\.json|yarn\\.lock|pnpm-lock\\.yaml"), thirdParty: true },
  { what: "npm dependencies (package.json without a lockfile)", kind: "dependencies", files: name("package\\.json"), thirdParty: true },
  { what: "Python dependencies", kind: "dependencies", files: name("requirements[\\w.-]*\\.txt|Pipfile\\.lock|poetry\\.lock|uv\\.lock|pyproject\\.toml"), thirdParty: true },
  { what: "PHP dependencies", kind: "dependencies", files: name("composer\\.lock|composer\\.json"), thirdParty: true },
  { what: "Go modules", kind: "dependencies", files: name("go\\.mod|go\\.sum"), thirdParty: true },
  { what: "Java dependencies", kind: "dependencies", files: name("pom\\.xml|gradle\\.lockfile|build\\.gradle(?:\\.kts)?"), thirdParty: true },
  { what: "Ruby gems", kind: "dependencies", files: name("Gemfile\\.lock"), thirdParty: true },
  { what: "Rust crates", kind: "dependencies", files: name("Cargo\\.lock"), thirdParty: true },
  { what: ".NET packages", kind: "dependencies", files: name("packages\\.lock\\.json|[\\w.-]+\\.csproj"), thirdParty: true },
  { what: "Vendored JavaScript libraries", kind: "dependencies", files: /(?:^|\/)(?:vendor|vendors|third_party|third-party|bower_components)\/.*\.js$|[.-]min\.js$/i, thirdParty: true },
  { what: "Dockerfiles", kind: "infrastructure", files: /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[\w-]+)?$|\.dockerfile$/i },
  { what: "Terraform", kind: "infrastructure", files: /\.tf$/i },
  { what: "Kubernetes and Helm manifests", kind: "infrastructure", files: /(?:^|\/)(?:k8s|kubernetes|helm|charts|manifests)\/.*\.ya?ml$/i },
  { what: "CI/CD definitions", kind: "infrastructure", files: /^\.github\/workflows\/.*\.ya?ml$|(?:^|\/)\.gitlab-ci\.yml$|(?:^|\/)Jenkinsfile$/i }
];
var CATEGORIES2 = {
  code: ["sast"],
  dependencies: ["sca"],
  infrastructure: ["iac", "container"],
  secrets: ["secrets"]
};
var list2 = (ids) => ids.join(", ");
function judgeArea(area, files, scanners2, runs) {
  const line2 = { what: area.what, kind: area.kind, files: files.length, checkedBy: [], status: "not checked" };
  const applicable = scanners2.filter((s) => (s.target ?? "files") === "files" && CATEGORIES2[area.kind].includes(s.category) && s.select(files).length > 0);
  const runOf = (s) => runs.find((r) => r.id === s.id);
  const ran = applicable.filter((s) => ["ran", "partial"].includes(runOf(s)?.status ?? ""));
  line2.checkedBy = ran.map((s) => s.id);
  if (!applicable.length) {
    line2.why = area.kind === "code" ? "no SAST scanner of this run reads it" : "no scanner of this run reads it";
    return line2;
  }
  if (!ran.length) {
    const missing2 = applicable.filter((s) => runOf(s)?.status === "skipped" && runOf(s)?.reason !== NOTHING_TO_SCAN);
    const failed = applicable.filter((s) => runOf(s)?.status === "failed");
    line2.why = failed.length ? `${list2(failed.map((s) => s.id))} failed` : missing2.length ? `${list2(missing2.map((s) => s.id))} ${missing2.length === 1 ? "is" : "are"} not installed` : "its scanners did not run";
    return line2;
  }
  const caveats = ran.map((s) => runOf(s)).filter((r) => r.caveat).map((r) => `${r.id}: ${r.caveat}`);
  const partial = ran.map((s) => runOf(s)).filter((r) => r.status === "partial");
  line2.status = caveats.length || partial.length ? "partly checked" : "checked";
  if (caveats.length || partial.length) line2.why = [...caveats, ...partial.map((r) => `${r.id}: ${r.notAnalysed?.length ?? 0} files not analysed`)].join("; ");
  return line2;
}
function coverageOf(input) {
  const lines = [];
  const lockfiles = input.filesWithThirdParty.filter((f) => /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/.test(f));
  const locked = new Set(lockfiles.map((f) => f.slice(0, f.lastIndexOf("/") + 1)));
  for (const area of AREAS) {
    let files = (area.thirdParty ? input.filesWithThirdParty : input.files).filter((file) => area.files.test(file));
    if (area.kind === "dependencies" && area.what !== "Vendored JavaScript libraries") files = files.filter((f) => !/(?:^|\/)node_modules\//.test(f));
    if (area.what.includes("without a lockfile")) files = files.filter((f) => !locked.has(f.slice(0, f.lastIndexOf("/") + 1)));
    if (files.length) lines.push(judgeArea(area, files, input.scanners, input.runs));
  }
  if (input.files.length) lines.push(judgeArea({ what: "Secrets in every file", kind: "secrets" }, input.files, input.scanners, input.runs));
  return lines;
}
var DEFAULT_EXCLUSIONS = [
  { what: "logout", pattern: /log[-_]?(?:out|off)|sign[-_]?(?:out|off)|end[-_]?session/i, wildcards: ["*logout*", "*log-out*", "*log_out*", "*logoff*", "*signout*", "*sign-out*", "*sign_out*", "*Logout*", "*LogOut*", "*SignOut*"] },
  {
    what: "password change",
    // A page of its own named password (/account/password) is the change form; its fields, the change itself.
    pattern: /(?:change|update|new|reset|forgot)[-_]?(?:your[-_]?)?pass(?:word|wd)?|pass(?:word|wd)[-_]?(?:new|conf|change|update|reset)|(?:^|\/)(?:passwords?|passwd|pwd)(?:[/.]|\?|$)/i,
    wildcards: ["*/password*", "*password_new*", "*change-password*", "*change_password*", "*changepassword*", "*new-password*", "*new_password*", "*password-change*", "*password/change*", "*forgot*"]
  },
  { what: "reset", pattern: /(?:^|[^a-z])reset|reset(?:[^a-z]|$)/i, wildcards: ["*reset*", "*Reset*"] },
  { what: "setup", pattern: /(?:^|\/)(?:setup|install(?:er|ation)?|init(?:ialize)?[-_]?db|create[-_]?db|migrate)(?:[./?_-]|$)/i, wildcards: ["*/setup*", "*/install*"] },
  { what: "delete", pattern: /(?:^|[^a-z])(?:delete|remove|destroy|drop|purge|wipe)(?:[^a-z]|$)/i, wildcards: ["*delete*", "*/remove*", "*destroy*", "*/drop*", "*purge*"] },
  { what: "security level", pattern: /security(?:\.php|[-_]?level)|(?:^|[^a-z])seclev/i, wildcards: ["*/security.php*", "*security_level*", "*security-level*"] }
];
function shapeOf22(url) {
  const names = [.../* @__PURE__ */ new Set([...url.searchParams.keys()])];
  return `${decodeSafely(url.pathname)}${names.length ? `?${names.join("&")}` : ""}`;
}
function decodeSafely(text22) {
  try {
    return decodeURIComponent(text22);
  } catch {
    return text22;
  }
}
function createExclusions2(user, keep = []) {
  const own = user.map((source) => ({ source, regex: new RegExp(source, "i") }));
  const kept = new Set(keep.map((url) => `${url.origin}${url.pathname}`));
  return {
    reasonFor(url) {
      if (kept.has(`${url.origin}${url.pathname}`)) return void 0;
      const shape2 = shapeOf22(url);
      const builtIn = DEFAULT_EXCLUSIONS.find((rule) => rule.pattern.test(shape2));
      if (builtIn) return builtIn.what;
      const mine = own.find((rule) => rule.regex.test(url.href) || rule.regex.test(shape2));
      return mine ? `dast.exclude ${mine.source}` : void 0;
    },
    wildcards(origin) {
      const fromUser = own.flatMap((rule) => {
        const literal = wildcardOf(rule.source);
        return literal ? [rule.source.startsWith("^/") ? `${origin}${literal}` : `${origin}*${literal}`] : [];
      });
      return [.../* @__PURE__ */ new Set([...DEFAULT_EXCLUSIONS.flatMap((rule) => rule.wildcards.map((wildcard) => `${origin}${wildcard}`)), ...fromUser])];
    }
  };
}
function wildcardOf(source) {
  const match = /^(\^?)([A-Za-z0-9/_-]+)(\$?)$/.exec(source);
  if (!match) return void 0;
  return `${match[2]}${match[3] ? "" : "*"}`;
}
var MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
var MAX_URLS = 500;
var isObject4 = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function sampleOf(parameter) {
  const schema = isObject4(parameter.schema) ? parameter.schema : parameter;
  const value = parameter.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : void 0);
  if (value !== void 0 && value !== null && typeof value !== "object") return String(value);
  return schema.type === "integer" || schema.type === "number" ? "1" : schema.type === "boolean" ? "true" : "test";
}
function resolveParameter(doc, parameter) {
  if (!isObject4(parameter)) return void 0;
  const ref = parameter.$ref;
  if (typeof ref !== "string") return parameter;
  const found = ref.replace(/^#\//, "").split("/").reduce((node, key) => isObject4(node) ? node[key.replace(/~1/g, "/").replace(/~0/g, "~")] : void 0, doc);
  return isObject4(found) ? found : void 0;
}
function seedsFromOpenApi(doc, target) {
  const server = Array.isArray(doc.servers) && isObject4(doc.servers[0]) && typeof doc.servers[0].url === "string" ? doc.servers[0].url : typeof doc.basePath === "string" ? doc.basePath : "/";
  let base;
  try {
    base = new URL(server.replace(/\{[^}]*\}/g, ""), target);
  } catch {
    base = new URL("/", target);
  }
  const prefix = base.pathname.replace(/\/+$/, "");
  const urls = [];
  let skipped = 0;
  for (const [template, item] of Object.entries(isObject4(doc.paths) ? doc.paths : {})) {
    if (!isObject4(item)) continue;
    for (const method of ["post", "put", "patch", "delete"]) if (item[method]) skipped++;
    const operation = item.get;
    if (!isObject4(operation) || urls.length >= MAX_URLS) continue;
    const parameters = [...Array.isArray(item.parameters) ? item.parameters : [], ...Array.isArray(operation.parameters) ? operation.parameters : []].map((p) => resolveParameter(doc, p)).filter((p) => Boolean(p));
    const path2 = template.replace(/\{([^}]+)\}/g, (_whole, name2) => encodeURIComponent(sampleOf(parameters.find((p) => p.in === "path" && p.name === name2) ?? {})));
    const query = new URLSearchParams(parameters.filter((p) => p.in === "query" && typeof p.name === "string").map((p) => [p.name, sampleOf(p)]));
    const url = new URL(`${prefix}${path2.startsWith("/") ? path2 : `/${path2}`}`, target);
    url.search = query.toString();
    urls.push(url.href);
  }
  return { urls, skipped };
}
async function loadOpenApi(source, session, root) {
  let text22;
  if (/^https?:\/\//i.test(source) || source.startsWith("/")) {
    const answer2 = await session.follow(session.resolve(source));
    if (answer2.status !== 200) throw new Error(`GET ${answer2.url.pathname} answered ${answer2.status}`);
    text22 = answer2.body;
  } else {
    const read2 = await rootReader(root).read(source, { maxBytes: MAX_DOCUMENT_BYTES });
    if ("refused" in read2) throw new Error(`${source} cannot be read under the scanned folder (${read2.refused})`);
    text22 = read2.data.toString("utf8");
  }
  let doc;
  try {
    doc = JSON.parse(text22);
  } catch {
    const { parse } = await import("./dist-DFJONKEI.js");
    doc = parse(text22, { maxAliasCount: 100 });
  }
  if (!isObject4(doc) || !isObject4(doc.paths)) throw new Error("not an OpenAPI or Swagger document (no paths)");
  return doc;
}
var attribute = (tag, name2) => {
  const match = new RegExp(`\\s${name2}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  const raw = match ? match[1] ?? match[2] ?? match[3] : void 0;
  return raw === void 0 ? void 0 : decodeEntities(raw);
};
function decodeEntities(text22) {
  return text22.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (whole, entity) => {
    const lower = entity.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? whole;
  });
}
function formsOf(html) {
  const forms = [];
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)(?:<\/form\s*>|$)/gi)) {
    const open22 = match[1] ?? "";
    const body = match[2] ?? "";
    const fields = [];
    for (const input of body.matchAll(/<(input|select|textarea|button)\b([^>]*)>/gi)) {
      const name2 = attribute(input[2], "name");
      if (!name2) continue;
      fields.push({ name: name2, value: attribute(input[2], "value") ?? "", type: (attribute(input[2], "type") ?? input[1]).toLowerCase() });
    }
    forms.push({ action: attribute(` ${open22}`, "action"), method: (attribute(` ${open22}`, "method") ?? "get").toUpperCase(), fields });
  }
  return forms;
}
function hasPasswordField(html) {
  return /<input\b[^>]*\stype\s*=\s*["']?password/i.test(html);
}
var SAFE_METHODS = /* @__PURE__ */ new Set(["GET", "HEAD", "OPTIONS"]);
var MAX_INSPECTED = 512 * 1024;
var DastGuard = class {
  constructor(options2) {
    this.options = options2;
  }
  options;
  stats = { requests: 0, byMethod: {}, pages: /* @__PURE__ */ new Map(), forms: /* @__PURE__ */ new Set(), parameters: /* @__PURE__ */ new Set(), refused: { excluded: /* @__PURE__ */ new Map(), unsafeMethod: 0, offTarget: 0, afterDeadline: 0 }, tunnels: 0, cutAt: void 0, firstQuery: /* @__PURE__ */ new Map() };
  server;
  started;
  nextSlot = 0;
  sockets = /* @__PURE__ */ new Set();
  /** Starts listening on a free loopback port; the proxy URL to give the scanner. */
  async start() {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on("connect", (req, socket, head) => this.tunnel(req, socket, head));
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise((resolve13) => server.listen(0, "127.0.0.1", resolve13));
    this.server = server;
    return `http://127.0.0.1:${server.address().port}/`;
  }
  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve13) => this.server ? this.server.close(() => resolve13()) : resolve13());
  }
  /** Seconds of the budget not yet used (all of it before the first request). */
  remainingSeconds() {
    return this.started === void 0 ? this.options.budgetMs / 1e3 : Math.max(0, (this.options.budgetMs - (Date.now() - this.started)) / 1e3);
  }
  overBudget() {
    const now = Date.now();
    this.started ??= now;
    if (now - this.started <= this.options.budgetMs) return false;
    this.stats.cutAt ??= now - this.started;
    this.stats.refused.afterDeadline++;
    return true;
  }
  async pace() {
    const rate = this.options.maxRequestsPerSecond;
    if (!rate) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1e3 / rate;
    if (slot > now) await new Promise((resolve13) => setTimeout(resolve13, slot - now));
  }
  refuse(res, status2, why) {
    res.writeHead(status2, { "content-type": "text/plain", "x-pipewarden-refused": why, connection: "close" });
    res.end(`Refused by Pipewarden's DAST guard: ${why}
`);
  }
  async handle(req, res) {
    const { target, exclusions, session } = this.options;
    let url;
    try {
      url = new URL(req.url ?? "", target);
    } catch {
      return this.refuse(res, 400, "not a URL");
    }
    const method = (req.method ?? "GET").toUpperCase();
    if (url.protocol !== target.protocol || url.host !== target.host) {
      this.stats.refused.offTarget++;
      return this.refuse(res, 403, "not the target");
    }
    if (this.overBudget()) return this.refuse(res, 503, "the DAST time budget (dast.max_scan_time) ran out");
    const excluded = exclusions.reasonFor(url);
    if (excluded) {
      this.stats.refused.excluded.set(excluded, (this.stats.refused.excluded.get(excluded) ?? 0) + 1);
      return this.refuse(res, 403, `excluded (${excluded})`);
    }
    if (!SAFE_METHODS.has(method) && !this.options.allowUnsafeMethods) {
      this.stats.refused.unsafeMethod++;
      return this.refuse(res, 405, `${method} is not sent in safe mode (dast.allow_unsafe_methods)`);
    }
    const body = await readAll2(req);
    for (const name2 of url.searchParams.keys()) this.stats.parameters.add(`${url.pathname}?${name2}`);
    if (method === "GET" && url.search && !this.stats.firstQuery.has(url.pathname)) this.stats.firstQuery.set(url.pathname, url.search);
    if (/application\/x-www-form-urlencoded/i.test(req.headers["content-type"] ?? "")) for (const name2 of new URLSearchParams(body.toString("latin1")).keys()) this.stats.parameters.add(`${url.pathname}?${name2}`);
    await this.pace();
    this.stats.requests++;
    this.stats.byMethod[method] = (this.stats.byMethod[method] ?? 0) + 1;
    try {
      let answer2 = await this.forward(method, url, req, body);
      if (answer2.status === 401 && session.challenged(answer2.headers["www-authenticate"])) answer2 = await this.forward(method, url, req, body);
      session.jar.store([].concat(answer2.headers["set-cookie"] ?? []));
      if (method === "GET") this.observe(url, answer2.status, answer2.headers, answer2.body);
      res.writeHead(answer2.status, answer2.headers);
      res.end(answer2.body);
    } catch (error) {
      this.refuse(res, 502, `the target did not answer (${error.code ?? error.message})`);
    }
  }
  forward(method, url, req, body) {
    const headers = {};
    for (const [name2, value] of Object.entries(req.headers)) {
      if (value === void 0 || /^(proxy-|connection$|keep-alive$|accept-encoding$|host$|cookie$|authorization$)/i.test(name2)) continue;
      headers[name2] = value;
    }
    if (req.headers.authorization && !this.options.session.authenticated) headers.authorization = req.headers.authorization;
    Object.assign(headers, this.options.session.headersFor(method, url, req.headers.cookie), { host: url.host });
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    return new Promise((resolve13, reject) => {
      const out = send(url, { method, headers, timeout: 6e4 }, (answer2) => {
        const chunks = [];
        answer2.on("data", (chunk) => chunks.push(chunk));
        answer2.on("end", () => {
          const { connection: _c, "keep-alive": _k, "transfer-encoding": _t, ...kept } = answer2.headers;
          resolve13({ status: answer2.statusCode ?? 502, headers: kept, body: Buffer.concat(chunks) });
        });
        answer2.on("error", reject);
      });
      out.on("timeout", () => out.destroy(new Error("timed out")));
      out.on("error", reject);
      out.end(body);
    });
  }
  /** The first answer of each page: a page, the login wall, or an error; and the forms it offers. */
  observe(url, status2, headers, body) {
    const type = String(headers["content-type"] ?? "");
    const head = body.subarray(0, MAX_INSPECTED).toString("utf8");
    const html = /html/i.test(type) || !type && /^\s*</.test(head) ? head : "";
    if (!this.stats.pages.has(url.pathname)) {
      const location2 = String(headers.location ?? "");
      const toLogin = status2 >= 300 && status2 < 400 && (this.options.loginPath ? new URL(location2, url).pathname === this.options.loginPath : /log[-_]?in|sign[-_]?in|auth/i.test(location2));
      const login = status2 === 401 || status2 === 403 || toLogin || url.pathname === this.options.loginPath || status2 < 300 && hasPasswordField(html);
      this.stats.pages.set(url.pathname, login ? "login" : status2 >= 400 ? "error" : "page");
    }
    for (const form of formsOf(html)) {
      const action = new URL(form.action || url.href, url);
      if (action.host !== url.host) continue;
      this.stats.forms.add(`${form.method} ${action.pathname}`);
      for (const field of form.fields) if (!["submit", "button"].includes(field.type)) this.stats.parameters.add(`${action.pathname}?${field.name}`);
    }
  }
  /** https: a tunnel to the target alone; what passes through it is encrypted, so it is counted, not inspected. */
  tunnel(req, socket, head) {
    const { target } = this.options;
    const port = target.port || "443";
    if (target.protocol !== "https:" || req.url !== `${target.hostname}:${port}` || this.overBudget()) {
      if (target.protocol === "https:" && req.url === `${target.hostname}:${port}`) socket.end("HTTP/1.1 503 Service Unavailable\r\n\r\n");
      else {
        this.stats.refused.offTarget++;
        socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      }
      return;
    }
    this.stats.tunnels++;
    const upstream = connect(Number(port), target.hostname.replace(/^\[|\]$/g, ""), () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  }
};
function readAll2(req) {
  return new Promise((resolve13, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve13(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
var CookieJar = class {
  cookies = /* @__PURE__ */ new Map();
  /** Takes the Set-Cookie headers of a response. */
  store(setCookies) {
    for (const header of setCookies) {
      const [pair = "", ...attributes] = header.split(";");
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name2 = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute2) => {
        const [key = "", raw = ""] = attribute2.split("=").map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(raw) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(raw) < Date.now();
        return false;
      });
      if (expired) this.cookies.delete(name2);
      else this.cookies.set(name2, value);
    }
  }
  set(name2, value) {
    this.cookies.set(name2, value);
  }
  get size() {
    return this.cookies.size;
  }
  names() {
    return [...this.cookies.keys()];
  }
  values() {
    return [...this.cookies.values()];
  }
  /** The Cookie header: the client's own cookies, with the session's over them (the session is the one of record). */
  header(clientHeader) {
    const merged = /* @__PURE__ */ new Map();
    for (const part of (clientHeader ?? "").split(";")) {
      const at = part.indexOf("=");
      if (at > 0) merged.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    for (const [name2, value] of this.cookies) merged.set(name2, value);
    return merged.size ? [...merged].map(([name2, value]) => `${name2}=${value}`).join("; ") : void 0;
  }
  /** The cookies in Wapiti's JSON cookie file format (wapitiCore/net/jsoncookie.py: domain → path → name). */
  wapitiFile(host) {
    const domain = /^[\d.]+$|^\[|:/.test(host) ? host : `.${host}`;
    const byName2 = Object.fromEntries([...this.cookies].map(([name2, value]) => [name2, { value, version: 0, expires: null, secure: false, port: null }]));
    return { [domain]: { "/": byName2 } };
  }
};
function parseDigestChallenge(header) {
  if (!header || !/^\s*digest\s/i.test(header)) return void 0;
  const fields = Object.fromEntries([...header.matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]+))/g)].map((m) => [m[1].toLowerCase(), m[2] ?? m[3] ?? ""]));
  if (!fields.nonce) return void 0;
  return { realm: fields.realm ?? "", nonce: fields.nonce, qop: fields.qop, opaque: fields.opaque, algorithm: fields.algorithm };
}
function digestAuthorization(challenge, user, password, method, uri, count) {
  const sha = /sha-256/i.test(challenge.algorithm ?? "");
  const hash2 = (text22) => createHash6(sha ? "sha256" : "md5").update(text22).digest("hex");
  const ha1 = hash2(`${user}:${challenge.realm}:${password}`);
  const ha2 = hash2(`${method}:${uri}`);
  const qop = challenge.qop?.split(",").map((q) => q.trim()).includes("auth") ? "auth" : void 0;
  const nc = count.toString(16).padStart(8, "0");
  const cnonce = randomBytes6(8).toString("hex");
  const response = qop ? hash2(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : hash2(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [`username="${user}"`, `realm="${challenge.realm}"`, `nonce="${challenge.nonce}"`, `uri="${uri}"`, `response="${response}"`];
  if (challenge.algorithm) parts.push(`algorithm=${challenge.algorithm}`);
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== void 0) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(", ")}`;
}
var REQUEST_TIMEOUT_MS = 3e4;
var MAX_BODY = 2 * 1024 * 1024;
var DastSession = class {
  constructor(target, allow) {
    this.target = target;
    this.allow = allow;
  }
  target;
  allow;
  jar = new CookieJar();
  headers = {};
  /** Every secret value the session holds (password, tokens, cookie values): masked wherever text is written. */
  secrets = [];
  /** How the session was made, for the report: "login form", "cookie", "header", "HTTP basic". */
  kinds = [];
  loginUrl;
  /** Where the login landed (the default page for the logged-in check). */
  landing;
  digest;
  get authenticated() {
    return this.kinds.length > 0;
  }
  resolve(pathOrUrl) {
    const url = new URL(pathOrUrl, this.target);
    this.allow(url);
    return url;
  }
  /** Headers for one request: the fixed ones, the session's cookies, a digest answer when one is due. */
  headersFor(method, url, clientCookie) {
    const headers = { ...this.headers };
    const cookie = this.jar.header(clientCookie);
    if (cookie) headers.cookie = cookie;
    if (this.digest?.challenge) headers.authorization = digestAuthorization(this.digest.challenge, this.digest.user, this.digest.password, method, `${url.pathname}${url.search}`, ++this.digest.count);
    return headers;
  }
  /** Takes a digest challenge from a 401; true when it is a new one worth a retry. */
  challenged(header) {
    if (!this.digest) return false;
    const challenge = parseDigestChallenge(header);
    if (!challenge || challenge.nonce === this.digest.challenge?.nonce) return false;
    this.digest.challenge = challenge;
    this.digest.count = 0;
    return true;
  }
  /** One request, redirects not followed (a redirect to the login page is an answer in itself). */
  async send(url, init = {}) {
    const method = init.method ?? "GET";
    for (let attempt = 0; ; attempt++) {
      const headers = this.headersFor(method, url);
      if (init.contentType) headers["content-type"] = init.contentType;
      const response = await fetch(url, { method, headers, body: init.body, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      this.jar.store(response.headers.getSetCookie());
      if (response.status === 401 && attempt === 0 && this.challenged(response.headers.get("www-authenticate"))) {
        await response.body?.cancel();
        continue;
      }
      const body = (await response.text()).slice(0, MAX_BODY);
      return { status: response.status, location: response.headers.get("location") ?? void 0, body, url };
    }
  }
  /** GET with redirects followed on the target (at most 5), for the login and its landing page. */
  async follow(url) {
    let answer2 = await this.send(url);
    for (let hops = 0; hops < 5 && answer2.status >= 300 && answer2.status < 400 && answer2.location; hops++) {
      answer2 = await this.send(this.resolveFrom(answer2.url, answer2.location));
    }
    return answer2;
  }
  resolveFrom(base, location2) {
    const url = new URL(location2, base);
    this.allow(url);
    return url;
  }
};
var env = (vars, name2, path2, file) => {
  const value = vars[name2];
  if (!value) throw new ConfigError(`${path2}: the environment variable ${name2} is not set (or empty)`, { file });
  return value;
};
function sessionFromConfig(target, auth, vars, file, allow) {
  const session = new DastSession(target, allow);
  if (!auth) return session;
  if (auth.header) {
    const value = env(vars, auth.header.value_env, "dast.auth.header.value_env", file);
    session.headers[auth.header.name.toLowerCase()] = value;
    session.secrets.push(value, ...value.split(/\s+/).filter((part) => part.length >= 8));
    session.kinds.push(`header ${auth.header.name}`);
  }
  if (auth.cookie) {
    const value = env(vars, auth.cookie.value_env, "dast.auth.cookie.value_env", file);
    session.jar.set(auth.cookie.name, value);
    session.secrets.push(value);
    session.kinds.push(`cookie ${auth.cookie.name}`);
  }
  if (auth.http) {
    const password = env(vars, auth.http.password_env, "dast.auth.http.password_env", file);
    session.secrets.push(password);
    if (auth.http.type === "basic") {
      const token = Buffer.from(`${auth.http.username}:${password}`).toString("base64");
      session.headers.authorization = `Basic ${token}`;
      session.secrets.push(token);
    } else {
      session.digest = { user: auth.http.username, password, count: 0 };
    }
    session.kinds.push(`HTTP ${auth.http.type}`);
  }
  if (auth.login) {
    session.secrets.push(env(vars, auth.login.password_env, "dast.auth.login.password_env", file));
    if (auth.login.username_env) env(vars, auth.login.username_env, "dast.auth.login.username_env", file);
    session.loginUrl = session.resolve(auth.login.url);
    session.kinds.push("login form");
  }
  return session;
}
async function logIn(session, auth, vars) {
  const login = auth.login;
  const loginUrl = session.loginUrl;
  const page = await session.follow(loginUrl);
  if (page.status >= 400) return { ok: false, detail: `the login page ${loginUrl.pathname} answered ${page.status}` };
  const form = formsOf(page.body).find((f) => f.fields.some((field) => field.name === login.password_field));
  if (!form) return { ok: false, detail: `the login page ${loginUrl.pathname} has no form with a field named ${login.password_field}${hasPasswordField(page.body) ? " (it has a password field of another name: set dast.auth.login.password_field)" : ""}` };
  if (login.csrf_field && !form.fields.some((field) => field.name === login.csrf_field)) return { ok: false, detail: `the login form has no field named ${login.csrf_field} (dast.auth.login.csrf_field)` };
  const body = new URLSearchParams();
  for (const field of form.fields) {
    if (["submit", "button", "image", "reset", "checkbox", "radio"].includes(field.type) || field.name === login.username_field || field.name === login.password_field) continue;
    body.append(field.name, field.value);
  }
  for (const [name2, value] of Object.entries(login.extra_fields ?? {})) body.set(name2, value);
  body.set(login.username_field, login.username ?? vars[login.username_env]);
  body.set(login.password_field, vars[login.password_env]);
  const submit = form.fields.find((field) => field.type === "submit" && field.name);
  if (submit) body.set(submit.name, submit.value);
  const action = session.resolve(form.action ? new URL(form.action, page.url).href : page.url.href);
  const method = form.method === "GET" ? "GET" : "POST";
  const answer2 = method === "GET" ? await session.send(new URL(`${action.origin}${action.pathname}?${body.toString()}`)) : await session.send(action, { method, body: body.toString(), contentType: "application/x-www-form-urlencoded" });
  const landing = answer2.status >= 300 && answer2.status < 400 && answer2.location ? session.resolve(new URL(answer2.location, action).href) : action;
  session.landing = landing;
  if (answer2.status >= 400) return { ok: false, detail: `the login form ${action.pathname} answered ${answer2.status}` };
  return { ok: true, detail: `logged in through ${action.pathname}` };
}
async function checkSession(session, auth) {
  const check = auth?.logged_in;
  const url = check?.url ? session.resolve(check.url) : session.landing ?? session.target;
  try {
    if (check?.status !== void 0) {
      const answer22 = await session.send(url);
      if (answer22.status !== check.status) return { ok: false, detail: `GET ${url.pathname} answered ${answer22.status}, not ${check.status}${answer22.location ? ` (to ${new URL(answer22.location, url).pathname})` : ""}` };
      if (check.text === void 0) return { ok: true, detail: `GET ${url.pathname} answered ${answer22.status}` };
    }
    if (check?.text !== void 0) {
      const answer22 = await session.follow(url);
      const matched = new RegExp(check.text, "i").test(answer22.body);
      return { ok: matched, detail: `GET ${url.pathname} ${matched ? "matched" : "did not match"} /${check.text}/ (status ${answer22.status}, at ${answer22.url.pathname})` };
    }
    const answer2 = await session.send(url);
    const walled = answer2.status === 401 || answer2.status === 403 || answer2.status >= 300 && answer2.status < 400 && /log[-_]?in|sign[-_]?in|auth/i.test(answer2.location ?? "");
    return { ok: !walled, detail: `GET ${url.pathname} answered ${answer2.status}${answer2.location ? ` (to ${new URL(answer2.location, url).pathname})` : ""}` };
  } catch (error) {
    return { ok: false, detail: `GET ${url.pathname} failed: ${error.cause instanceof Error ? error.cause.message : error.message}` };
  }
}
var LOGIN_WALL_SHARE = 0.5;
var DAST_GRACE_SECONDS = 60;
async function openDast(input) {
  const config = input.config.dast ?? dastSchema.parse({});
  const target = new URL(input.href);
  const allow = (url) => void checkTargetUrl(url.href, config.allowed_hosts);
  const session = sessionFromConfig(target, config.auth, input.env, input.configFile, allow);
  const startUrls = (config.start_urls ?? []).map((url) => session.resolve(url).href);
  const exclusions = createExclusions2(config.exclude ?? [], session.loginUrl ? [session.loginUrl] : []);
  let start;
  let blocked;
  if (session.authenticated) {
    try {
      const login = config.auth?.login ? await logIn(session, config.auth, input.env) : { ok: true, detail: "" };
      start = login.ok ? await checkSession(session, config.auth) : login;
    } catch (error) {
      start = { ok: false, detail: `the target did not answer (${describeFetchError(error)})` };
    }
    input.ports.log(start.ok ? "info" : "warn", `DAST: ${start.ok ? "session verified" : "no session"} (${session.kinds.join(", ")}): ${start.detail}`);
    if (!start.ok) blocked = `the login failed: ${start.detail}`;
  }
  if (config.openapi && !blocked) startUrls.push(...await apiStartUrls(config.openapi, session, input.root, input.ports));
  const budgetSeconds = config.max_scan_time;
  const guards = /* @__PURE__ */ new Map();
  const proxies = {};
  for (const scanner of input.scanners.filter((s) => s.target === "url")) {
    const guard = new DastGuard({ target, session, exclusions, allowUnsafeMethods: config.allow_unsafe_methods, budgetMs: budgetSeconds * 1e3, maxRequestsPerSecond: config.max_requests_per_second, loginPath: session.loginUrl?.pathname });
    proxies[scanner.id] = await guard.start();
    guards.set(scanner.id, guard);
  }
  const handOff = { proxies, exclude: exclusions.wildcards(target.origin), startUrls, budgetSeconds, profile: config.profile ?? "full" };
  let privateDir;
  if (target.protocol === "https:" && session.authenticated) {
    privateDir = await mkdtemp(join13(tmpdir(), "pw-dast-"));
    await chmod(privateDir, 448);
    handOff.cookieFile = join13(privateDir, "cookies.json");
    await writeFile4(handOff.cookieFile, JSON.stringify(session.jar.wapitiFile(target.hostname)), { mode: 384 });
    handOff.headers = { ...session.headers };
    const cookie = session.jar.header();
    if (cookie) handOff.cookie = cookie;
  }
  return { handOff, session, config, start, guards, blocked, privateDir };
}
async function apiStartUrls(source, session, root, ports) {
  try {
    const seeds = seedsFromOpenApi(await loadOpenApi(source, session, root), session.target);
    ports.log("info", `DAST: ${seeds.urls.length} GET operation${seeds.urls.length === 1 ? "" : "s"} of ${source} added to the crawl${seeds.skipped ? ` (${seeds.skipped} with other methods left out: safe mode, and Wapiti 3.0.4 starts from GET URLs only)` : ""}`);
    return seeds.urls.filter((url) => {
      try {
        session.resolve(url);
        return true;
      } catch {
        return false;
      }
    });
  } catch (error) {
    ports.log("warn", `DAST: dast.openapi ${source} could not be used: ${describeFetchError(error)}`);
    return [];
  }
}
function describeFetchError(error) {
  const cause = error.cause;
  return cause?.code ?? cause?.message ?? error.message;
}
async function closeDast(dast, runs, ports) {
  const incomplete = [];
  let end;
  if (dast.session.authenticated && !dast.blocked) {
    end = await checkSession(dast.session, dast.config.auth);
    ports.log(end.ok ? "info" : "warn", `DAST: ${end.ok ? "the session held to the end" : "the session was lost during the scan"}: ${end.detail}`);
    if (!end.ok) incomplete.push(`DAST session lost during the scan (${end.detail}): pages behind the login were not all tested`);
  }
  if (dast.blocked) incomplete.push(`DAST did not run: ${dast.blocked}`);
  for (const [id, guard] of dast.guards) {
    await guard.stop();
    const run2 = runs.find((r) => r.id === id);
    if (!run2 || run2.status === "skipped") continue;
    const coverage = coverageOf2(dast, guard, run2, end);
    run2.dast = coverage;
    if (coverage.cut && run2.status === "ran") {
      run2.status = "partial";
      run2.reason = `the time budget (dast.max_scan_time: ${coverage.budgetSeconds} s) ran out; ${guard.stats.refused.afterDeadline} request${guard.stats.refused.afterDeadline === 1 ? "" : "s"} after it refused, the findings up to then kept`;
    } else if (run2.status === "ran" && typeof run2.facts?.cutBy === "string") {
      run2.status = "partial";
      run2.reason = `${run2.facts.cutBy} (dast.max_scan_time: ${coverage.budgetSeconds} s), the findings up to then kept`;
    }
    if (run2.status === "partial") incomplete.push(`${id}: partial scan: ${run2.reason}`);
    if (coverage.urls > 0 && coverage.loginWall / coverage.urls > LOGIN_WALL_SHARE) {
      incomplete.push(`${id}: login wall: ${coverage.loginWall} of ${coverage.urls} pages crawled answered with the login page${dast.session.authenticated ? "" : "; give the scan a session under dast.auth"}`);
    }
    ports.log("info", `DAST ${id}: ${coverage.urls} pages, ${coverage.forms} forms, ${coverage.parameters} parameters, ${coverage.requests} requests${coverage.auth.length ? `, logged in (${coverage.auth.join(", ")})` : ", not logged in"}`);
  }
  if (dast.privateDir) await rm5(dast.privateDir, { recursive: true, force: true });
  return incomplete;
}
function coverageOf2(dast, guard, run2, end) {
  const { stats } = guard;
  const walls = [...stats.pages.values()].filter((kind) => kind === "login").length;
  const modules = Array.isArray(run2.facts?.modules) ? run2.facts.modules : [];
  return {
    target: dast.session.target.href,
    auth: [...dast.session.kinds],
    session: {
      start: dast.start ? dast.start.ok ? "valid" : "invalid" : "not checked",
      end: end ? end.ok ? "valid" : "lost" : "not checked",
      ...end && !end.ok ? { detail: end.detail } : dast.start && !dast.start.ok ? { detail: dast.start.detail } : {}
    },
    urls: stats.pages.size,
    loginWall: walls,
    forms: stats.forms.size,
    parameters: stats.parameters.size,
    requests: stats.requests,
    modules,
    refused: { excluded: Object.fromEntries(stats.refused.excluded), unsafeMethod: stats.refused.unsafeMethod, offTarget: stats.refused.offTarget, afterBudget: stats.refused.afterDeadline },
    budgetSeconds: dast.config.max_scan_time,
    cut: stats.cutAt !== void 0
  };
}
function dastSecrets(dast) {
  return [...dast.session.secrets, ...dast.session.authenticated ? dast.session.jar.values() : []].filter((value) => value.length >= 8);
}
var CANDIDATES = ["SQL Injection", "Blind SQL Injection"];
var RULES3 = /* @__PURE__ */ new Set(["wapiti/sql-injection", "wapiti/blind-sql-injection"]);
var PER_CANDIDATE = 60;
function readSqlmapOutput(stdout, parameter) {
  const block2 = new RegExp(`Parameter: ${parameter.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\((?:GET|POST|URI|Cookie)\\)([\\s\\S]*?)(?:\\n---|$)`).exec(stdout);
  const techniques = block2 ? [...block2[1].matchAll(/^\s+Type: (.+)$/gm)].map((m) => m[1].trim()) : [];
  const dbms = /^back-end DBMS: (.+)$/m.exec(stdout)?.[1]?.trim();
  const requests = Number(/with a total of (\d+) HTTP\(s\) requests/.exec(stdout)?.[1]) || void 0;
  const refusal = /\[(?:CRITICAL|ERROR)\] (.+)/.exec(stdout)?.[1]?.replace(/\s*Rerun without.*$/, "").slice(0, 200);
  return { confirmed: techniques.length > 0, techniques, ...dbms ? { dbms } : {}, ...requests ? { requests } : {}, ...techniques.length ? {} : { detail: refusal ?? "sqlmap found no injection" } };
}
async function confirmSqlInjections(dast, wapitiReport, ports, env2) {
  const wapitiGuard = dast.guards.get("wapiti");
  if (!wapitiReport || !wapitiGuard || dast.blocked) return [];
  let report;
  try {
    report = JSON.parse(await readFile22(wapitiReport, "utf8"));
  } catch {
    return [];
  }
  const seen = /* @__PURE__ */ new Set();
  const candidates = CANDIDATES.flatMap((name2) => report.vulnerabilities?.[name2] ?? []).filter((v) => v.method === "GET" && v.path && v.parameter && !seen.has(`${v.path}?${v.parameter}`) && seen.add(`${v.path}?${v.parameter}`));
  if (!candidates.length) return [];
  const probe = await ports.exec({ command: "sqlmap", args: ["--version"], cwd: tmpdir2(), env: env2, timeoutMs: 3e4 });
  if (probe.notFound || probe.exitCode !== 0) {
    ports.log("info", `DAST: sqlmap is not installed (apt-get install sqlmap): ${candidates.length} SQL injection candidate${candidates.length === 1 ? "" : "s"} kept unconfirmed`);
    return [];
  }
  const left = Math.floor(wapitiGuard.remainingSeconds());
  if (left < 10) {
    ports.log("info", `DAST: no time left in dast.max_scan_time for sqlmap: ${candidates.length} SQL injection candidate${candidates.length === 1 ? "" : "s"} kept unconfirmed`);
    return candidates.map((c) => ({ path: c.path, parameter: c.parameter, confirmed: false, techniques: [], detail: "no time left in dast.max_scan_time to confirm it" }));
  }
  const target = dast.session.target;
  const guard = new DastGuard({ target, session: dast.session, exclusions: createExclusions2(dast.config.exclude ?? [], dast.session.loginUrl ? [dast.session.loginUrl] : []), allowUnsafeMethods: false, budgetMs: left * 1e3, maxRequestsPerSecond: dast.config.max_requests_per_second });
  const proxy = await guard.start();
  const work = await mkdtemp2(join14(tmpdir2(), "pw-sqlmap-"));
  const results = [];
  try {
    for (const candidate of candidates) {
      const query = new URLSearchParams(wapitiGuard.stats.firstQuery.get(candidate.path) ?? "");
      if (!query.has(candidate.parameter)) query.set(candidate.parameter, "1");
      const url = `${target.origin}${candidate.path}?${query.toString()}`;
      const run2 = await ports.exec({
        command: "sqlmap",
        args: ["-u", url, "-p", candidate.parameter, "--proxy", proxy.replace(/\/$/, ""), "--batch", "--flush-session", "--output-dir", work, "--technique", "BEU", "--text-only", "--level", "1", "--risk", "1", "--threads", "1", "--timeout", "10", "--retries", "0", "--disable-coloring"],
        cwd: work,
        env: { ...env2, HOME: work, http_proxy: "", https_proxy: "", HTTP_PROXY: "", HTTPS_PROXY: "", no_proxy: "", NO_PROXY: "" },
        timeoutMs: Math.min(PER_CANDIDATE, Math.max(1, Math.floor(guard.remainingSeconds()))) * 1e3
      });
      const read2 = readSqlmapOutput(run2.stdout, candidate.parameter);
      results.push({ path: candidate.path, parameter: candidate.parameter, ...read2, ...run2.timedOut && !read2.confirmed ? { detail: `sqlmap found nothing within ${PER_CANDIDATE} s` } : {} });
      ports.log("info", `DAST: sqlmap ${read2.confirmed ? `confirmed ${candidate.path} ${candidate.parameter} (${read2.techniques.join(", ")}${read2.dbms ? `; ${read2.dbms}` : ""})` : `did not confirm ${candidate.path} ${candidate.parameter}`}`);
    }
  } finally {
    await guard.stop();
    await rm6(work, { recursive: true, force: true });
  }
  return results;
}
function applyConfirmations(log2, confirmations) {
  if (!confirmations.length) return;
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      if (!RULES3.has(result2.ruleId ?? "")) continue;
      const dast = result2.properties?.[PROP.dast] ?? {};
      let path2;
      try {
        path2 = new URL(dast.url ?? "").pathname;
      } catch {
        continue;
      }
      const found = confirmations.find((c) => c.path === path2 && c.parameter === dast.parameter);
      if (!found) continue;
      const confirmation = { tool: "sqlmap", ...found };
      result2.properties = { ...result2.properties, [PROP.dast]: { ...dast, confirmation }, [PROP.confidence]: found.confirmed ? "high" : "low", precision: found.confirmed ? "very-high" : "low" };
      const text22 = result2.message?.text ?? "";
      result2.message = { ...result2.message, text: `${text22} (${found.confirmed ? `confirmed by sqlmap: ${found.techniques.join(", ")}${found.dbms ? `, ${found.dbms}` : ""}` : "not confirmed by sqlmap"})` };
    }
  }
}
async function beginDast(input) {
  const dastScanners = input.scanners.filter((scanner) => scanner.target === "url");
  const url = input.targets.url;
  if (!url || !dastScanners.length) return void 0;
  const run2 = await openDast({ href: url.href, root: input.root, config: input.config, env: input.env, configFile: input.configFile ?? "pipewarden.yml", scanners: dastScanners, ports: input.ports });
  input.redactor.remember(dastSecrets(run2));
  const timeouts = Object.fromEntries(dastScanners.map((scanner) => [scanner.id, (run2.handOff.budgetSeconds + DAST_GRACE_SECONDS) * 1e3]));
  Object.assign(timeouts, input.timeouts ?? {});
  const notRun = run2.blocked ? dastScanners.map((scanner) => ({ id: scanner.id, status: "skipped", reason: `not run: ${run2.blocked}`, durationMs: 0, files: 0 })) : [];
  return {
    run: run2,
    scanners: run2.blocked ? input.scanners.filter((scanner) => scanner.target !== "url") : input.scanners,
    targets: { ...input.targets, url: { ...url, dast: run2.handOff } },
    timeouts,
    notRun
  };
}
async function stopDast(stage) {
  if (!stage) return;
  await Promise.all([...stage.run.guards.values()].map((guard) => guard.stop()));
  if (stage.run.privateDir) await rm7(stage.run.privateDir, { recursive: true, force: true });
}
async function endDast(stage, collected, ports, redactor, env2) {
  if (!stage) return { incomplete: [], annotate: () => void 0 };
  const { runs } = collected;
  runs.push(...stage.notRun);
  let confirmations = [];
  try {
    confirmations = await confirmSqlInjections(stage.run, collected.reports.find((report) => report.scanner?.id === "wapiti")?.file, ports, env2);
  } catch (error) {
    ports.log("warn", `DAST: sqlmap could not confirm the SQL injection candidates: ${error.message}`);
  }
  const incomplete = await closeDast(stage.run, runs, ports);
  redactor.remember(dastSecrets(stage.run));
  return { incomplete, annotate: (log2) => applyConfirmations(log2, confirmations) };
}
function applyIncomplete(verdict, incomplete, mode) {
  if (!incomplete.length) return;
  verdict.incomplete = [...incomplete];
  if (mode === "fail" && verdict.status === "pass") verdict.status = "fail";
  if (mode === "warn") verdict.warnings.push(...incomplete.map((reason) => `incomplete: ${reason}`));
}
function stampRun(log2, options2, ingested, judged, runs, extra) {
  log2.properties = {
    ...log2.properties,
    [PROP.stage]: options2.stage,
    ...options2.shard ? { [PROP.shard]: `${options2.shard.index}/${options2.shard.total}` } : {},
    ...ingested.baseline ? { [PROP.baseline]: ingested.baseline } : {},
    ...ingested.scope ? { [PROP.diff]: ingested.scope } : {},
    ...ingested.merged ? { [PROP.merged]: ingested.merged } : {},
    [PROP.verdict]: verdictProp(judged.verdict),
    ...judged.review ? { [PROP.review]: { ...judged.review } } : {},
    ...extra.coverage?.length ? { [PROP.coverage]: extra.coverage } : {},
    ...extra.exclusions && (Object.keys(extra.exclusions.files).length || Object.keys(extra.exclusions.findings).length) ? { [PROP.excluded]: extra.exclusions } : {},
    [PROP.waivers]: { expired: judged.waivers.expired, expiringSoon: judged.waivers.expiringSoon },
    [PROP.scanners]: runs.map(({ id, status: status2, version: v, durationMs, reason, findings: count, merged, mergedInto, files: fileCount, notAnalysed, caveat, dast }) => ({
      id,
      status: status2,
      files: fileCount,
      ...v ? { version: v } : {},
      durationMs: Math.round(durationMs),
      ...reason ? { reason } : {},
      ...count !== void 0 ? { findings: count } : {},
      ...merged ? { merged, mergedInto: mergedInto ?? [] } : {},
      ...notAnalysed?.length ? { notAnalysed } : {},
      ...caveat ? { caveat } : {},
      ...dast ? { dast } : {}
    }))
  };
}
function stampFirstDetection(log2, time) {
  const now = time.toISOString();
  for (const run2 of log2.runs) {
    for (const result2 of run2.results ?? []) {
      if (result2.baselineState === "absent" || result2.provenance?.firstDetectionTimeUtc) continue;
      result2.provenance = { ...result2.provenance, firstDetectionTimeUtc: now };
    }
  }
}
function imagesOf(log2, prepared) {
  const images = log2.runs.flatMap((run2) => run2.properties?.[PROP.inventory] ? [run2.properties[PROP.inventory]] : []);
  const sbomOf = (kind) => prepared.scanners.filter((scanner) => scanner.sbom === kind).map((scanner) => ({ scanner, components: log2.runs.find((run2) => run2.properties?.[PROP.scanner] === scanner.id)?.properties?.[PROP.sbomComponents] })).find((s) => typeof s.components === "number");
  const sbom = sbomOf("image") ?? sbomOf("app");
  const generator = sbom && `${sbom.scanner.id.replace(/-image$/, "")} (${sbom.scanner.sbom === "image" ? "whole image" : "application layer"})`;
  if (sbom) for (const image of images) image.sbom ??= { generator, components: sbom.components };
  return images;
}
var ANCHORS = ["pipewarden.yml", "pipewarden.yaml", "README.md", "readme.md", "package.json", "Dockerfile"];
async function anchorOf(dir, srcRoot) {
  for (const name2 of ANCHORS) {
    const path2 = join15(dir, name2);
    if (await stat9(path2).then((s) => s.isFile(), () => false)) {
      const rel = relative5(srcRoot, path2);
      if (!rel.startsWith("..")) return rel.split(sep4).map(encodeURIComponent).join("/");
    }
  }
  return void 0;
}
async function emitRun(input, emit2, ports) {
  const { options: options2, prepared, ingested, judged, runs, startedAt } = input;
  const log2 = ingested.log;
  stampRun(log2, options2, ingested, judged, runs, { coverage: input.coverage, exclusions: prepared.exclusions.counts });
  const provenance = await completeProvenance(options2.provenance, prepared.srcRoot, ports, options2.env);
  stampFirstDetection(log2, startedAt);
  const images = imagesOf(log2, prepared);
  log2.properties = { ...log2.properties, [PROP.provenance]: provenance, ...images.length ? { [PROP.images]: images } : {} };
  const trend = prepared.history && trendOf(prepared.history, provenance.repository, options2.stage);
  const summary = { ...judged, scanners: runs, stage: options2.stage, reports: ingested.reports, baseline: ingested.baseline, scope: ingested.scope, provenance, images, history: trend, exclusions: prepared.exclusions.counts, coverage: input.coverage };
  const outputs = await emit2(log2, summary, prepared.outDir, {
    gitlab: { version, startedAt, endedAt: /* @__PURE__ */ new Date(), commit: provenance.commit, scanners: runs, categories: Object.fromEntries(prepared.scanners.map((s) => [s.id, s.category])) },
    links: options2.links,
    anchorUri: await anchorOf(prepared.dir, prepared.srcRoot),
    commit: provenance.commit
  });
  return { outputs, provenance, images };
}
var WHERE_IT_LIVES = /* @__PURE__ */ new Set(["sca", "container", "dast"]);
function pathIn(result2, at) {
  const artifact = result2.locations?.[0]?.physicalLocation?.artifactLocation;
  const uri = artifact?.uri;
  if (!uri || /^[a-z][a-z0-9+.-]*:/i.test(uri) || leavesRoot(artifact)) return void 0;
  const path2 = relative6(at.dir, join16(at.srcRoot, decodeUri(uri)));
  if (!path2 || path2.startsWith("..") || isAbsolute3(path2)) return void 0;
  return sep5 === "/" ? path2 : path2.split(sep5).join("/");
}
async function dropExcludedFindings(log2, exclusions, at, ports, env2) {
  const candidates = /* @__PURE__ */ new Set();
  const pathOf = /* @__PURE__ */ new Map();
  for (const run2 of log2.runs) for (const result2 of run2.results ?? []) {
    const path2 = pathIn(result2, at);
    if (path2) {
      candidates.add(path2);
      pathOf.set(result2, path2);
    }
  }
  if (candidates.size === 0) return 0;
  const paths = [...candidates];
  await exclusions.prefetch(paths);
  const [reasons, ignored] = await Promise.all([mapLimited2(paths, 64, (path2) => exclusions.reasonOf(path2)), gitIgnored(at.dir, paths, ports, env2)]);
  const reasonOf = new Map(paths.map((path2, index) => [path2, reasons[index] ?? (ignored.has(path2) ? "ignored" : void 0)]));
  let dropped = 0;
  for (const run2 of log2.runs) {
    if (!run2.results?.length) continue;
    run2.results = run2.results.filter((result2) => {
      const path2 = pathOf.get(result2);
      if (!path2) return true;
      const reason = WHERE_IT_LIVES.has(categoryOf(run2, result2)) ? exclusions.userExcludes(path2) ? "excluded" : void 0 : reasonOf.get(path2);
      if (!reason) return true;
      exclusions.count("findings", reason, path2);
      dropped++;
      return false;
    });
  }
  return dropped;
}
function fileOf2(notification) {
  const uri = notification.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
  return uri && !/^[a-z][a-z0-9+.-]*:/i.test(uri) ? decodeUri(uri) : void 0;
}
function notificationsOf(invocation) {
  return [...invocation.toolExecutionNotifications ?? [], ...invocation.toolConfigurationNotifications ?? []];
}
function judgeInvocations(log2) {
  const invocations = log2.runs.flatMap((run2) => run2.invocations ?? []);
  const notifications = invocations.flatMap(notificationsOf);
  const problems = [];
  const seen = /* @__PURE__ */ new Set();
  for (const notification of notifications) {
    const file = fileOf2(notification);
    if (!file || notification.level !== "error" && notification.level !== "warning" || seen.has(file)) continue;
    seen.add(file);
    problems.push({ file, reason: (notification.message.text ?? "").split("\n")[0].slice(0, 300) || "could not be analysed" });
  }
  const failed = invocations.filter((invocation) => invocation.executionSuccessful === false);
  if (!failed.length) return { problems };
  const general = failed.flatMap(notificationsOf).filter((n) => n.level !== "warning" && n.level !== "note" && !fileOf2(n));
  if (general.length || !problems.length) {
    const reason = general.map((n) => n.message.text).filter(Boolean).join("; ") || notifications.map((n) => n.message.text).filter(Boolean).join("; ");
    return { refused: reason || "the tool reported that it failed and gave no reason", problems };
  }
  return { problems };
}
function stampInvocation(log2, scanner, problems) {
  for (const run2 of log2.runs) {
    const own = run2.invocations?.[0];
    const kept = (own?.toolExecutionNotifications ?? []).filter((n) => !fileOf2(n) || n.level === "note");
    const configuration = (own?.toolConfigurationNotifications ?? []).filter((n) => !fileOf2(n));
    const perFile = problems.map((problem) => ({
      level: "warning",
      message: { text: `not analysed: ${problem.reason}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: problem.file.split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT } } }],
      descriptor: { id: "file-not-analysed" }
    }));
    const invocation = {
      executionSuccessful: scanner.status !== "failed",
      ...scanner.exitCode !== void 0 && scanner.exitCode !== null ? { exitCode: scanner.exitCode } : {},
      ...scanner.commandLine ? { commandLine: scanner.commandLine } : {},
      ...scanner.startedAt ? { startTimeUtc: scanner.startedAt } : {},
      ...scanner.endedAt ? { endTimeUtc: scanner.endedAt } : {},
      ...kept.length || perFile.length ? { toolExecutionNotifications: [...kept, ...perFile] } : {},
      ...configuration.length ? { toolConfigurationNotifications: configuration } : {}
    };
    run2.invocations = [invocation];
  }
}
function ensureInvocations(log2) {
  for (const run2 of log2.runs) if (!run2.invocations?.length) run2.invocations = [{ executionSuccessful: true }];
}
function fail(runs, id, reason, trouble, warning) {
  const run2 = runs.find((r) => r.id === id);
  if (run2) {
    run2.status = "failed";
    run2.reason = reason;
  }
  trouble.failures.push({ scanner: id, reason });
  if (!trouble.failClosed) trouble.warnings.push(warning);
}
async function readScannerReports(collected, normalize, trouble) {
  const logs = [];
  const recorded = /* @__PURE__ */ new Set();
  for (const report of collected.reports) {
    const id = report.scanner.id;
    try {
      const { log: log2, warnings } = await normalizeReport(report, normalize);
      for (const warning of warnings) trouble.warnings.push(`${id}: its report was repaired to be read: ${warning}`);
      const { refused, problems } = judgeInvocations(log2);
      const run2 = collected.runs.find((r) => r.id === id);
      if (refused) fail(collected.runs, id, refused, trouble, `${id} did not run: ${refused}`);
      else if (problems.length && run2) {
        run2.status = "partial";
        run2.notAnalysed = problems;
        const shown = problems.slice(0, 3).map((p) => `${p.file} (${p.reason})`).join("; ");
        run2.reason = `${problems.length} file${problems.length === 1 ? "" : "s"} not analysed: ${shown}${problems.length > 3 ? `; and ${problems.length - 3} more in results.sarif` : ""}`;
        trouble.warnings.push(`${id}: ${run2.reason}`);
      }
      if (run2) stampInvocation(log2, run2, refused ? [] : problems);
      logs.push(log2);
      recorded.add(id);
    } catch (error) {
      const reason = `wrote a report that cannot be read: ${error.message}`;
      fail(collected.runs, id, reason, trouble, `${id} ${reason}`);
    }
  }
  return { logs, recorded };
}
async function readUserReports(options2, normalize, trouble) {
  const logs = [];
  const reports = [];
  for (const input of options2.reports ?? []) {
    if (options2.shard && shardOf(`report\0${input.file}`, options2.shard.total) !== options2.shard.index) continue;
    const report = { file: resolve6(options2.cwd, input.file), format: input.format };
    const { log: log2, format, warnings } = await normalizeReport(report, normalize).catch((error) => {
      if (error instanceof InputError) throw new InputError(error.message, { file: input.file, cause: error });
      throw error;
    });
    for (const warning of warnings) trouble.warnings.push(`${input.file}: ${warning}`);
    logs.push(log2);
    reports.push({ file: input.file, format, findings: log2.runs.reduce((n, run2) => n + (run2.results?.length ?? 0), 0) });
  }
  return { logs, reports };
}
function failedRunLog(run2, scanner) {
  return {
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: scanner?.title ?? run2.id, ...run2.version ? { version: run2.version } : {}, rules: [] } },
        invocations: [
          {
            executionSuccessful: false,
            ...run2.exitCode !== void 0 && run2.exitCode !== null ? { exitCode: run2.exitCode } : {},
            ...run2.commandLine ? { commandLine: run2.commandLine } : {},
            ...run2.startedAt ? { startTimeUtc: run2.startedAt } : {},
            ...run2.endedAt ? { endTimeUtc: run2.endedAt } : {},
            toolExecutionNotifications: [
              { level: "error", message: { text: run2.reason ?? "failed" } },
              ...run2.stderrTail ? [{ level: "note", message: { text: run2.stderrTail } }] : []
            ]
          }
        ],
        results: [],
        properties: { [PROP.scanner]: run2.id, ...scanner ? { [PROP.category]: scanner.category } : {} }
      }
    ]
  };
}
async function ingest(options2, prepared, collected, trouble, ports) {
  const { dir, srcRoot, files, scanners: scanners2, baselineLog, diffScope, changed: changed2, redactor } = prepared;
  const normalize = { baseDir: dir, srcRoot, redactor };
  const own = await readScannerReports(collected, normalize, trouble);
  const given = await readUserReports(options2, normalize, trouble);
  const logs = [...own.logs, ...given.logs];
  for (const run2 of collected.runs) if (run2.status === "failed" && !own.recorded.has(run2.id)) logs.push(failedRunLog(run2, scanners2.find((s) => s.id === run2.id)));
  const combined = combineLogs(logs);
  redactor.finish(combined);
  ensureInvocations(combined);
  await dropExcludedFindings(combined, prepared.exclusions, { dir, srcRoot }, ports, options2.env);
  const screening = await screenSecretFindings(combined, createLineReader(srcRoot));
  if (screening.placeholders) prepared.exclusions.counts.findings.placeholder = (prepared.exclusions.counts.findings.placeholder ?? 0) + screening.placeholders;
  const routes = await mapDastRoutes(combined, { srcRoot, files: async () => (files.length ? files : await listFiles(dir, ports, options2.env)).map((file) => join17(dir, file)) });
  if (routes.mapped + routes.unmapped) ports.log("info", `DAST: ${routes.mapped} finding${routes.mapped === 1 ? "" : "s"} traced to the handler in the code, ${routes.unmapped} kept by URL`);
  const log2 = await identify(combined, { srcRoot, secrets: redactor.keyer });
  const { merged } = dedupe(log2, options2.config.dedupe ?? DEFAULT_DEDUPE);
  const fileListTools = new Set(scanners2.filter((s) => s.fileList).map((s) => s.id));
  const baseline = baselineLog ? applyBaseline(log2, baselineLog, {
    // An incremental scan did not look at unchanged files: their findings are not fixed.
    unseen: changed2 ? (run2, result2) => {
      const uri = result2.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
      return fileListTools.has(String(run2.properties?.[PROP.scanner])) && uri !== void 0 && !diffScope.files.has(decodeUri(uri));
    } : void 0
  }) : void 0;
  const filter = options2.diffFilter ?? "added";
  const counts = diffScope ? applyScope(log2, diffScope, filter) : void 0;
  const scope = diffScope && counts ? { base: diffScope.base, filter, ...counts } : void 0;
  return { log: log2, reports: given.reports, baseline, scope, merged, placeholders: screening.placeholders };
}
function resolveScanners(ids, stage, config, registry) {
  const named = ids ?? config.stages?.[stage]?.scanners;
  if (named === void 0) return { scanners: registry.forStage(stage), explicit: false };
  const unknown = named.filter((id) => !registry.get(id));
  if (unknown.length) {
    throw new ConfigError(`unknown scanner${unknown.length > 1 ? "s" : ""} ${unknown.map((id) => `"${id}"`).join(", ")} (known: ${registry.all.map((s) => s.id).join(", ")})`, {
      file: ids ? "--scanners" : `stages.${stage}.scanners`
    });
  }
  return { scanners: [...new Set(named)].map((id) => registry.get(id)), explicit: true };
}
function scannerOptionsOf(config, registry, configFile = "pipewarden.yml") {
  const options2 = {};
  const timeouts = {};
  const problems = [];
  for (const [id, given] of Object.entries(config.scanners ?? {})) {
    if (!given) continue;
    const { timeout, ...own } = given;
    if (timeout) timeouts[id] = timeout * 1e3;
    const scanner = registry.get(id);
    if (!scanner) {
      options2[id] = own;
      continue;
    }
    if (!scanner.options) {
      for (const key of Object.keys(own)) problems.push(`scanners.${id}.${key}: ${id} has no option "${key}" (its options: timeout)`);
      continue;
    }
    const parsed = scanner.options.safeParse(own);
    if (parsed.success) options2[id] = parsed.data;
    else for (const issue of parsed.error.issues) problems.push(`scanners.${id}${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`);
  }
  if (problems.length) throw new ConfigError(`invalid configuration: ${problems.join("; ")}`, { problems, file: configFile });
  return { options: options2, timeouts };
}
async function sourceRoot(dir, ports, env2) {
  const git = await ports.exec({ command: "git", args: ["rev-parse", "--show-toplevel"], cwd: dir, env: env2, timeoutMs: 3e4 });
  const top = git.exitCode === 0 ? git.stdout.trim() : "";
  return top ? resolve7(top) : dir;
}
function resolveTargets(options2) {
  const given = options2.targets ?? {};
  const at = (file) => resolve7(options2.cwd, file);
  return {
    ...given,
    // Refused before anything runs: DAST never touches a host the policy does not allow.
    ...given.url ? { url: { ...given.url, href: checkTargetUrl(given.url.href, options2.config.dast?.allowed_hosts).href } } : {},
    ...given.imageArchive ? { imageArchive: at(given.imageArchive) } : {},
    ...given.baseArchives ? { baseArchives: given.baseArchives.map(at) } : {},
    ...given.vulnerabilityReports ? { vulnerabilityReports: { image: at(given.vulnerabilityReports.image), base: at(given.vulnerabilityReports.base) } } : {}
  };
}
async function prepare(options2, ports, registry) {
  const dir = resolve7(options2.cwd, options2.dir);
  try {
    if (!(await stat10(dir)).isDirectory()) throw new InputError("is not a directory", { file: options2.dir });
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(describeFsError(error), { file: options2.dir, cause: error });
  }
  const { scanners: scanners2, explicit } = resolveScanners(options2.scanners, options2.stage, options2.config, registry);
  const { options: scannerOptions, timeouts } = scannerOptionsOf(options2.config, registry, options2.configFile);
  if (options2.stage === "production" && scanners2.length === 0 && !(options2.reports ?? []).length) {
    ports.log("info", "the production stage scans nothing: gate the last release with `pipewarden gate results.sarif` and fresh feeds");
  }
  const targets = resolveTargets(options2);
  const keying = secretKeyingOf(options2.secretKey ? { PIPEWARDEN_SECRET_KEY: options2.secretKey } : options2.env, options2.provenance?.repository);
  const redactor = createRedactor(keying);
  const srcRoot = await sourceRoot(dir, ports, options2.env);
  const exclusions = await createExclusions(dir, { exclude: [...options2.config.exclude ?? [], ...options2.exclude ?? []], include: options2.config.include }, ports, options2.env);
  let listed = [];
  const leftOutLinks = [];
  const leftOut = (path2, why) => {
    leftOutLinks.push(path2);
    exclusions.count("files", why, path2);
  };
  if (scanners2.length) {
    if (options2.staged) {
      const staged = await listStagedFiles(dir, ports, options2.env, (path2, why) => why && leftOut(path2, why));
      if (staged === void 0) throw new InputError("--staged needs a git work tree", { file: options2.dir });
      listed = staged;
    } else {
      listed = await listFiles(dir, ports, options2.env, (path2, why) => {
        if (why) return leftOut(path2, why);
        const reason = reasonByName(path2.endsWith("/") ? `${path2}x` : path2);
        if (reason) exclusions.count("files", reason, path2);
      });
    }
  }
  const filesWithThirdParty = listed.filter((file) => !exclusions.userExcludes(file));
  const files = await partitionFiles(listed, exclusions);
  const baselineLog = options2.baseline ? await readBaseline(resolve7(options2.cwd, options2.baseline), options2.baseline, redactor) : void 0;
  const history = options2.history ? (await loadTrendHistory(options2.history, (message2) => ports.log("warn", message2))).lines : void 0;
  const diffScope = options2.diffBase ? await readDiffScope(srcRoot, options2.diffBase, ports, options2.env) : void 0;
  const changed2 = diffScope ? new Set([...diffScope.files.keys()].map((path2) => relative7(dir, join18(srcRoot, path2)).split(sep6).join("/")).filter((p) => !p.startsWith(".."))) : void 0;
  return { dir, outDir: resolve7(options2.cwd, options2.outDir), srcRoot, scanners: scanners2, explicit, files, filesWithThirdParty, leftOutLinks, exclusions, targets, scannerOptions, timeouts, baselineLog, history, diffScope, changed: changed2, redactor };
}
function stagingRawDir(outDir) {
  return join19(outDir, `.raw-${process.pid}-${randomBytes7(4).toString("hex")}`);
}
async function stagedFiles(staging) {
  const entries = await readdir6(staging, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join19(staging, entry.name));
}
async function publishRaw(staging, rawDir) {
  const files = await stagedFiles(staging);
  if (!files.length) return;
  ensureDir(rawDir);
  for (const file of files) await rename3(file, join19(rawDir, basename6(file)));
}
async function dropStaging(staging) {
  await rm8(staging, { recursive: true, force: true });
}
async function scrubStaged(staging, redactor) {
  for (const file of await stagedFiles(staging)) await redactor.file(file);
}
function troubleOf(runs, failClosed) {
  const trouble = { failures: [], warnings: [], failClosed };
  for (const run2 of runs) {
    if (run2.status === "failed") {
      trouble.failures.push({ scanner: run2.id, reason: run2.reason ?? "failed" });
      if (!failClosed) trouble.warnings.push(`${run2.id} did not run: ${run2.reason}`);
    } else if (run2.status === "skipped" && run2.reason !== NOTHING_TO_SCAN && !run2.reason?.startsWith("no files for it to scan in shard")) {
      trouble.warnings.push(`${run2.id} was skipped: ${run2.reason}`);
    }
  }
  return trouble;
}
function logRuns(runs, ports) {
  for (const run2 of runs) {
    if (run2.status === "ran" || run2.status === "partial") {
      const partly = run2.notAnalysed?.length ? `, ${run2.notAnalysed.length} file${run2.notAnalysed.length === 1 ? "" : "s"} not analysed` : "";
      const merged = run2.merged ? ` (+${run2.merged} merged into ${run2.mergedInto?.join(", ") || "other tools' findings"})` : "";
      ports.log("info", `${run2.id}: ${run2.status}, ${run2.findings} finding${run2.findings === 1 ? "" : "s"}${merged}${partly} in ${(run2.durationMs / 1e3).toFixed(1)} s`);
    } else if (run2.status === "failed") ports.log("info", `${run2.id}: failed in ${(run2.durationMs / 1e3).toFixed(1)} s`);
    else if (run2.reason !== NOTHING_TO_SCAN) ports.log("info", `${run2.id}: skipped (${run2.reason?.split("; ")[0]})`);
  }
}
function stopAfter(options2, normalize) {
  return async (report) => {
    try {
      const { log: log2 } = await normalizeReport(report, normalize);
      await screenSecretFindings(log2, createLineReader(normalize.srcRoot));
      return await failsAlone(log2, options2.config, options2.stage, options2.today);
    } catch {
      return false;
    }
  };
}
function advisorySettings(options2) {
  const feeds = options2.config.feeds;
  const cache = options2.feedCache;
  return {
    dir: options2.advisoriesDir ? resolve8(options2.cwd, options2.advisoriesDir) : void 0,
    cache: cache ? { cacheDir: resolve8(options2.cwd, feeds?.cache_dir ?? cache.cacheDir), fetch: cache.fetch, offline: feeds?.offline ?? cache.offline } : void 0,
    today: options2.today ?? todayUtc()
  };
}
async function runPipeline(given, ports, parts) {
  const startedAt = /* @__PURE__ */ new Date();
  const parsed = parseScanOptions(given);
  const options2 = parsed.toolDirs?.length ? { ...parsed, env: withToolDirs(parsed.env, parsed.toolDirs) } : parsed;
  const prepared = await prepare(options2, ports, parts.registry);
  const feeds = feedSource(options2, ports);
  const staging = stagingRawDir(prepared.outDir);
  try {
    return await scanWith(options2, prepared, staging, feeds, ports, parts, startedAt);
  } finally {
    await dropStaging(staging);
  }
}
async function scanWith(options2, prepared, staging, feeds, ports, parts, startedAt) {
  const dast = await beginDast({ root: prepared.dir, scanners: prepared.scanners, targets: prepared.targets, timeouts: prepared.timeouts, config: options2.config, env: options2.env, configFile: options2.configFile, ports, redactor: prepared.redactor });
  const collected = await collect(
    {
      root: prepared.dir,
      files: prepared.files,
      filesWithThirdParty: prepared.filesWithThirdParty,
      leftOutLinks: prepared.leftOutLinks,
      scanners: dast?.scanners ?? prepared.scanners,
      explicit: prepared.explicit,
      rawDir: staging,
      env: options2.env,
      config: options2.config,
      targets: dast?.targets ?? prepared.targets,
      options: prepared.scannerOptions,
      feeds: feeds.load,
      advisories: advisorySettings(options2),
      shard: options2.shard,
      timeouts: dast?.timeouts ?? prepared.timeouts,
      changed: prepared.changed,
      stopAfter: options2.failFast ? stopAfter(options2, { baseDir: prepared.dir, srcRoot: prepared.srcRoot, redactor: prepared.redactor }) : void 0
    },
    ports
  ).catch(async (error) => {
    await stopDast(dast);
    throw error;
  });
  const { incomplete, annotate } = await endDast(dast, collected, ports, prepared.redactor, options2.env);
  const failClosed = (options2.config.gate?.on_scanner_error ?? "fail") === "fail";
  const trouble = troubleOf(collected.runs, failClosed);
  const ingested = await ingest(options2, prepared, collected, trouble, ports);
  annotate(ingested.log);
  await scrubStaged(staging, prepared.redactor);
  await publishRaw(staging, join20(prepared.outDir, "raw"));
  const assessed = await assess(ingested.log, options2, ports, feeds);
  const warnings = [...trouble.warnings, ...assessed.warnings];
  const findings = findingsOf(ingested.log);
  countFindings(collected.runs, ingested.log, findings);
  logRuns(collected.runs, ports);
  const verdict = judge2(findings, options2.config, options2.stage, warnings);
  const review = await reviewChange(options2, prepared, ports);
  applyReviewGate(verdict, stageGate(options2.config, options2.stage)?.rules, review, options2.config.stages?.[options2.stage]?.gate ?? "default");
  if (failClosed && trouble.failures.length) {
    verdict.status = "error";
    verdict.errors = trouble.failures.map((failure) => `${failure.scanner} did not run: ${failure.reason.replace(/\s*\n\s*/g, " ")}`);
  }
  applyIncomplete(verdict, incomplete, options2.config.dast?.on_incomplete ?? "fail");
  const judged = { findings, verdict, waivers: assessed.waivers, review };
  const coverage = coverageOf({ files: prepared.files, filesWithThirdParty: prepared.filesWithThirdParty, scanners: prepared.scanners, runs: collected.runs });
  const emitted = await emitRun({ options: options2, prepared, ingested, judged, runs: collected.runs, startedAt, coverage }, parts.emit, ports);
  const exitCode = verdict.status === "error" ? 2 : verdict.status === "fail" ? 1 : 0;
  if (!options2.shard) {
    await record({ history: options2.history, time: startedAt, provenance: emitted.provenance, stage: options2.stage, log: ingested.log, findings, verdict, exitCode, baseline: Boolean(prepared.baselineLog), scanners: collected.runs, images: emitted.images, tickets: options2.tickets });
  }
  const { log: log2, reports, baseline, scope, merged } = ingested;
  return { log: log2, findings, verdict, review, scanners: collected.runs, reports, outputs: emitted.outputs, baseline, scope, merged, waivers: assessed.waivers, exclusions: prepared.exclusions.counts, coverage, failures: failClosed ? trouble.failures : [], exitCode };
}
function runScan(options2, ports, registry = defaultRegistry) {
  return runPipeline(options2, ports, { registry, emit });
}
var DAY4 = 24 * 60 * 60 * 1e3;
var MAX_TOTAL_BYTES = 2 * 1024 ** 3;
var MAX_ENTRIES = 1e4;
function entryPath(name2, archive) {
  const refuse = (why) => new ToolInstallError(`archive entry "${name2.slice(0, 200)}" ${why}: refused, nothing was installed`, { file: archive });
  if (name2.includes("\0")) throw refuse("has a NUL character");
  if (name2.includes("\\")) throw refuse("has a backslash");
  if (name2.startsWith("/") || /^[A-Za-z]:/.test(name2)) throw refuse("is an absolute path");
  const parts = name2.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) throw refuse("leaves the folder (..)");
  return parts.length ? parts.join("/") : void 0;
}
function placeOf2(dest, relative10, archive) {
  const target = resolve9(dest, relative10);
  if (!target.startsWith(resolve9(dest) + sep7)) throw new ToolInstallError(`archive entry "${relative10}" leaves the folder: refused, nothing was installed`, { file: archive });
  return target;
}
var Budget = class {
  constructor(archive) {
    this.archive = archive;
  }
  archive;
  bytes = 0;
  entries = 0;
  entry() {
    if (++this.entries > MAX_ENTRIES) throw new ToolInstallError(`more than ${MAX_ENTRIES} entries: refused`, { file: this.archive });
  }
  count(size) {
    this.bytes += size;
    if (this.bytes > MAX_TOTAL_BYTES) throw new ToolInstallError(`unpacks to more than ${MAX_TOTAL_BYTES / 1024 ** 3} GiB: refused`, { file: this.archive });
  }
};
async function writeEntry(stream, target, budget) {
  await mkdir(dirname7(target), { recursive: true });
  const counted = async function* (source) {
    for await (const chunk of source) {
      budget.count(chunk.length);
      yield chunk;
    }
  };
  await pipeline(stream, counted, createWriteStream(target, { flags: "wx", mode: 420 }));
}
async function unpackTarGz(file, dest, shown) {
  const budget = new Budget(shown);
  const { extract: tarExtract } = await import("./tar-stream-PAFIAMXA.js");
  const extract = tarExtract();
  const done = (async () => {
    for await (const entry of extract) {
      budget.entry();
      const relative10 = entryPath(entry.header.name, shown);
      const type = entry.header.type;
      if (type === "directory" || !relative10) {
        if (relative10) await mkdir(placeOf2(dest, relative10, shown), { recursive: true });
        entry.resume();
        continue;
      }
      if (type !== "file" && type !== "contiguous-file") throw new ToolInstallError(`archive entry "${relative10}" is a ${type}, not a file: refused, nothing was installed`, { file: shown });
      await writeEntry(entry, placeOf2(dest, relative10, shown), budget);
    }
  })();
  try {
    await Promise.all([pipeline(createReadStream(file), createGunzip2(), extract), done]);
  } catch (error) {
    if (error instanceof ToolInstallError) throw error;
    throw new ToolInstallError(`not a readable .tar.gz (${error.message})`, { file: shown, cause: error });
  }
}
var openZip = (yauzl, file) => new Promise(
  (resolveZip, reject) => (
    // Names are decoded here, not by yauzl, so that every name passes entryPath's checks and its message.
    yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true }, (error, zip2) => error ? reject(error) : resolveZip(zip2))
  )
);
var S_IFMT = 61440;
var S_IFREG = 32768;
var S_IFDIR = 16384;
async function unpackZip(file, dest, shown) {
  const budget = new Budget(shown);
  const { default: yauzl } = await import("./yauzl-MABBLDGI.js");
  let zip2;
  try {
    zip2 = await openZip(yauzl, file);
  } catch (error) {
    throw new ToolInstallError(`not a readable .zip (${error.message})`, { file: shown, cause: error });
  }
  await new Promise((resolveAll, reject) => {
    const fail2 = (error) => {
      zip2.close();
      reject(error instanceof ToolInstallError ? error : new ToolInstallError(`not a readable .zip (${error.message})`, { file: shown, cause: error }));
    };
    zip2.on("error", fail2);
    zip2.on("end", () => resolveAll());
    zip2.on("entry", (entry) => {
      void (async () => {
        budget.entry();
        const name2 = Buffer.isBuffer(entry.fileName) ? entry.fileName.toString("utf8") : String(entry.fileName);
        const relative10 = entryPath(name2, shown);
        const mode = entry.externalFileAttributes >>> 16 & S_IFMT;
        const isDir = name2.endsWith("/") || mode === S_IFDIR;
        if (!isDir && mode !== 0 && mode !== S_IFREG) throw new ToolInstallError(`archive entry "${relative10 ?? name2}" is not a regular file: refused, nothing was installed`, { file: shown });
        if (relative10 && isDir) await mkdir(placeOf2(dest, relative10, shown), { recursive: true });
        else if (relative10) {
          budget.count(0);
          const stream = await new Promise((ok, no) => zip2.openReadStream(entry, (error, s) => error ? no(error) : ok(s)));
          await writeEntry(stream, placeOf2(dest, relative10, shown), budget);
        }
        zip2.readEntry();
      })().catch(fail2);
    });
    zip2.readEntry();
  });
}
async function unpack(kind, file, dest, shown) {
  await mkdir(dest, { recursive: true });
  if (kind === "tar.gz") await unpackTarGz(file, dest, shown);
  else await unpackZip(file, dest, shown);
}
var MAX_DOWNLOAD_BYTES = 1024 ** 3;
var hidden = (prefix) => `.${prefix}-${randomBytes9(6).toString("hex")}`;
async function download3(fetch2, url, file) {
  let response;
  try {
    response = await fetch2(url);
  } catch (error) {
    const cause = error.cause;
    throw new ToolInstallError(`could not download: ${cause?.code ?? cause?.message ?? error.message}`, { file: url, cause: error });
  }
  if (response.status !== 200 || !response.body) throw new ToolInstallError(`could not download: HTTP ${response.status}`, { file: url });
  const hash2 = createHash7("sha256");
  let bytes2 = 0;
  const source = response.body;
  const counted = async function* () {
    for await (const chunk of source) {
      bytes2 += chunk.length;
      if (bytes2 > MAX_DOWNLOAD_BYTES) throw new ToolInstallError(`larger than ${MAX_DOWNLOAD_BYTES / 1024 ** 3} GiB: refused`, { file: url });
      hash2.update(chunk);
      yield chunk;
    }
  };
  try {
    await pipeline2(counted, createWriteStream2(file, { flags: "wx", mode: 384 }));
  } catch (error) {
    if (error instanceof ToolInstallError) throw error;
    throw new ToolInstallError(`download interrupted: ${error.message}`, { file: url, cause: error });
  }
  return { sha256: hash2.digest("hex"), bytes: bytes2 };
}
async function installTool(options2) {
  const { tool, platform } = options2;
  const asset = assetFor(tool, platform);
  const expected = (options2.sha256 ?? asset.sha256).toLowerCase();
  const url = assetUrl(tool, asset, options2.mirror);
  const dir = toolDir(options2.cacheDir, tool);
  const executable = join21(dir, executableName(tool, platform));
  const result2 = { id: tool.id, version: tool.version, dir, executable, url };
  if (readInstallMarker(dir)?.sha256 === expected && existsSync5(executable)) return { ...result2, status: "cached", bytes: 0 };
  const parent = join21(options2.cacheDir, tool.id);
  const createdParent = !existsSync5(parent);
  await mkdir2(parent, { recursive: true });
  const temp = join21(parent, hidden("download"));
  const staging = join21(parent, hidden("unpack"));
  try {
    const got = await download3(options2.fetch, url, temp);
    if (got.sha256 !== expected) throw new ToolInstallError(`checksum mismatch for ${asset.name}: expected sha256 ${expected}, got ${got.sha256}; nothing was installed`, { file: url });
    if (asset.kind === "binary") {
      await mkdir2(staging);
      await rename4(temp, join21(staging, executableName(tool, platform)));
    } else await unpack(asset.kind, temp, staging, url);
    const inStaging = join21(staging, executableName(tool, platform));
    if (!existsSync5(inStaging)) throw new ToolInstallError(`${asset.name} has no ${executableName(tool, platform)} at its top: nothing was installed`, { file: url });
    if (!platform.startsWith("windows/")) await chmod2(inStaging, 493);
    const marker = { id: tool.id, version: tool.version, asset: asset.name, sha256: expected, url };
    await writeFile5(join21(staging, INSTALL_MARKER), `${JSON.stringify(marker, null, 2)}
`);
    const done = () => readInstallMarker(dir)?.sha256 === expected && existsSync5(executable);
    if (done()) return { ...result2, status: "installed", bytes: got.bytes };
    await rm9(dir, { recursive: true, force: true });
    try {
      await rename4(staging, dir);
    } catch (error) {
      if (!done()) throw error;
    }
    return { ...result2, status: "installed", bytes: got.bytes };
  } finally {
    await rm9(temp, { force: true });
    await rm9(staging, { recursive: true, force: true });
    if (createdParent) await rmdir(parent).catch(() => void 0);
  }
}
function bypassesProxy(url, noProxy) {
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  for (const raw of (noProxy ?? "").split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === "*") return true;
    const match = entry.split(":").length > 2 && !entry.startsWith("[") ? [entry, entry, void 0] : /^(.*?)(?::(\d+))?$/.exec(entry);
    const name2 = match[1].replace(/^\*?\./, "").replace(/^\[|\]$/g, "");
    if (match[2] && match[2] !== port) continue;
    if (host === name2 || host.endsWith(`.${name2}`)) return true;
  }
  return false;
}
function proxiedFetch(settings) {
  let client;
  const load = () => client ??= import("./undici-CTHZ5IHM.js").then(({ Agent, ProxyAgent, fetch: fetch2 }) => {
    const direct = new Agent();
    const agents = /* @__PURE__ */ new Map();
    const proxyFor = (uri) => {
      let agent = agents.get(uri);
      if (!agent) agents.set(uri, agent = new ProxyAgent({ uri }));
      return agent;
    };
    const dispatcherFor = (url) => {
      const proxy = url.protocol === "https:" ? settings.httpsProxy || settings.httpProxy : settings.httpProxy;
      return proxy && !bypassesProxy(url, settings.noProxy) ? proxyFor(proxy) : direct;
    };
    return { fetch: fetch2, dispatcherFor };
  });
  return async (url) => {
    const { fetch: fetch2, dispatcherFor } = await load();
    let target = new URL(url);
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch2(target, { dispatcher: dispatcherFor(target), redirect: "manual" });
      const location2 = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location2) {
        await response.body?.cancel();
        target = new URL(location2, target);
        if (target.protocol !== "https:" && target.protocol !== "http:") throw new Error(`a redirect to ${target.protocol} is not followed`);
        continue;
      }
      return { status: response.status, body: response.body };
    }
    throw new Error("more than 10 redirects");
  };
}
function toolCacheDir(env2, cwd) {
  if (env2.PIPEWARDEN_TOOLS_DIR) return resolve10(cwd, env2.PIPEWARDEN_TOOLS_DIR);
  if (env2.RUNNER_TOOL_CACHE) return join222(env2.RUNNER_TOOL_CACHE, "pipewarden", "tools");
  const base = env2.PIPEWARDEN_CACHE_DIR ?? join222(env2.XDG_CACHE_HOME ?? join222(env2.HOME ?? env2.USERPROFILE ?? cwd, ".cache"), "pipewarden");
  return join222(resolve10(cwd, base), "tools");
}
var proxyOf = (env2) => ({
  httpsProxy: env2.https_proxy ?? env2.HTTPS_PROXY,
  httpProxy: env2.http_proxy ?? env2.HTTP_PROXY,
  noProxy: env2.no_proxy ?? env2.NO_PROXY
});
async function toolSettings(flags, config, io) {
  const given = { mirror: flags.mirror ?? io.env.PIPEWARDEN_TOOLS_MIRROR ?? config.tools?.mirror, checksums: flags.checksums ?? config.tools?.checksums };
  const parsed = toolsSchema.safeParse(given);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path[0] === "mirror" ? flags.mirror ? "--mirror" : io.env.PIPEWARDEN_TOOLS_MIRROR ? "PIPEWARDEN_TOOLS_MIRROR" : "tools.mirror" : "--checksums"}: ${issue.message}`);
    throw new ConfigError(problems.join("; "), { problems });
  }
  let checksums = /* @__PURE__ */ new Map();
  if (parsed.data.checksums) {
    const file = resolve10(io.cwd, parsed.data.checksums);
    checksums = parseChecksums(await readRegularText(file, { maxBytes: 1024 * 1024 }), parsed.data.checksums);
  }
  return {
    cacheDir: flags["cache-dir"] ? resolve10(io.cwd, flags["cache-dir"]) : toolCacheDir(io.env, io.cwd),
    mirror: parsed.data.mirror,
    checksums,
    platform: io.platform,
    fetch: proxiedFetch(proxyOf(io.env)),
    env: io.env,
    cwd: io.cwd
  };
}
function installedVersion(home, tool) {
  try {
    const metadata = JSON.parse(readFileSync22(join23(home, "venvs", tool.package, "pipx_metadata.json"), "utf8"));
    return metadata.main_package?.package_version;
  } catch {
    return void 0;
  }
}
var pipxHint = (tool) => `${tool.id}: pipx is not installed; install pipx (https://pipx.pypa.io) and run this again, or install it yourself: pipx install ${tool.package}==${tool.version}`;
async function installWithPipx(tool, settings, exec) {
  const { home, bin } = pipxDirs(settings.cacheDir);
  const executable = join23(bin, settings.platform?.startsWith("windows/") ? `${tool.id}.exe` : tool.id);
  if (installedVersion(home, tool) === tool.version && existsSync6(executable)) return { status: "cached", dir: bin };
  const env2 = { ...settings.env, PIPX_HOME: home, PIPX_BIN_DIR: bin, PIPX_MAN_DIR: join23(home, "man") };
  const run2 = await exec({ command: "pipx", args: ["install", "--force", `${tool.package}==${tool.version}`], cwd: settings.cwd, env: env2, timeoutMs: 20 * 6e4 });
  if (run2.notFound) throw new ToolInstallError(pipxHint(tool));
  if (run2.exitCode !== 0) {
    const last = `${run2.stderr}
${run2.stdout}`.split("\n").map((line2) => line2.trim()).filter(Boolean).pop() ?? `exit ${run2.exitCode ?? "signal"}`;
    throw new ToolInstallError(`pipx install ${tool.package}==${tool.version} failed: ${last}`);
  }
  return { status: "installed", dir: bin };
}
function toolsForScanners(scannerIds) {
  const ids = new Set(scannerIds);
  return [
    ...TOOL_RELEASES.filter((tool) => tool.scanners.some((id) => ids.has(id))).map((tool) => ({ kind: "release", tool })),
    ...PIP_TOOLS.filter((tool) => tool.scanners.some((id) => ids.has(id))).map((tool) => ({ kind: "pip", tool }))
  ];
}
var mb = (bytes2) => `${(bytes2 / 1024 / 1024).toFixed(1)} MB`;
async function installMany(choices, settings, options2) {
  const { say } = options2;
  const report = { hints: [] };
  for (const choice of choices) {
    if (choice.kind === "release") {
      const { tool: tool2 } = choice;
      const asset = assetFor(tool2, settings.platform);
      const done = await installTool({ tool: tool2, platform: settings.platform, cacheDir: settings.cacheDir, mirror: settings.mirror, sha256: settings.checksums.get(asset.name), fetch: settings.fetch });
      say(done.status === "cached" ? `${tool2.id} ${tool2.version}: already installed in ${done.dir}` : `${tool2.id} ${tool2.version}: installed in ${done.dir} (${mb(done.bytes)}, sha256 verified)`);
      continue;
    }
    const { tool } = choice;
    try {
      const done = await installWithPipx(tool, settings, options2.exec);
      say(done.status === "cached" ? `${tool.id} ${tool.version}: already installed in ${done.dir}` : `${tool.id} ${tool.version}: installed with pipx in ${done.dir}`);
    } catch (error) {
      if (options2.pipxRequired || !(error instanceof Error) || error.message !== pipxHint(tool)) throw error;
      report.hints.push(pipxHint(tool));
    }
  }
  return report;
}
async function installForScan(run2, settings, options2) {
  const { scanners: scanners2 } = resolveScanners(run2.scanners, run2.stage, run2.config, run2.registry ?? defaultRegistry);
  return installMany(toolsForScanners(scanners2.map((scanner) => scanner.id)), settings, { ...options2, pipxRequired: false });
}
async function toolDirsForScan(run2, host, say) {
  if (!run2.install) return installedToolDirs(toolCacheDir(host.env, host.cwd), host.platform);
  const settings = await toolSettings({}, run2.config, host);
  const { hints } = await installForScan(run2, settings, { exec: host.exec, say: (line2) => say("info", line2) });
  for (const hint of hints) say("warn", hint);
  return installedToolDirs(settings.cacheDir, settings.platform);
}
var INTOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
function pae(payloadType, payload) {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, "ascii"), type, Buffer.from(` ${payload.length} `, "ascii"), payload]);
}
function signBytes(key, algorithm, data) {
  return algorithm === "ed25519" ? sign(null, data, key) : sign("sha256", data, { key, dsaEncoding: "der" });
}
function envelopeOf(payload, payloadType, signatures) {
  return { payload: Buffer.from(payload).toString("base64"), payloadType, signatures };
}
var AttestationError = class extends PipewardenError {
  name = "AttestationError";
};
function keyIdOf(publicKey) {
  return createHash8("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex");
}
function algorithmOf(key, source) {
  if (key.asymmetricKeyType === "ed25519") return "ed25519";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ecdsa-p256";
  const kind = key.asymmetricKeyType === "ec" ? `an EC key on ${key.asymmetricKeyDetails?.namedCurve ?? "another curve"}` : `a ${key.asymmetricKeyType?.toUpperCase() ?? "symmetric"} key`;
  throw new AttestationError(`${kind}: attestations are signed with ECDSA P-256 or Ed25519 keys`, { file: source });
}
function pemProblem(error, pem, passphrase) {
  const code = error.code ?? "";
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
  if (encrypted && passphrase === null) return "an encrypted private key: verify with the public key (openssl pkey -in KEY -pubout)";
  if (encrypted && passphrase === void 0) return "the key is encrypted: name the environment variable holding its passphrase with --key-passphrase-env";
  if (encrypted || /BAD_DECRYPT/.test(code)) return "the passphrase does not decrypt the key";
  return 'not a PEM key Pipewarden can read (PKCS#8 "PRIVATE KEY", "EC PRIVATE KEY", or "PUBLIC KEY")';
}
function loadSigningKey(pem, source, passphrase) {
  if (/-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----/.test(pem)) {
    throw new AttestationError("a cosign-encrypted key (cosign generate-key-pair): give a PKCS#8 PEM key instead, e.g. from openssl genpkey -algorithm ed25519", { file: source });
  }
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: pem, format: "pem", ...passphrase !== void 0 ? { passphrase } : {} });
  } catch (error) {
    throw new AttestationError(pemProblem(error, pem, passphrase), { file: source });
  }
  const algorithm = algorithmOf(privateKey, source);
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, algorithm, keyid: keyIdOf(publicKey) };
}
var STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
var SCAN_PREDICATE_TYPE = "https://pipewarden.dev/attestations/scan/v1";
var HEX64 = /^[0-9a-f]{64}$/;
function imageName2(reference) {
  const colon = reference.lastIndexOf(":");
  return colon > reference.lastIndexOf("/") ? reference.slice(0, colon) : reference;
}
function parseSubjectRef(arg) {
  const digest2 = /^(?:(.+)@)?sha256:([0-9a-fA-F]*)$/.exec(arg);
  if (digest2) {
    const hex = digest2[2].toLowerCase();
    if (!HEX64.test(hex)) throw new ConfigError(`--subject ${arg}: a sha256 digest has 64 hexadecimal digits, this one ${hex.length}`);
    return { kind: "digest", name: digest2[1] ? imageName2(digest2[1]) : `sha256:${hex}`, sha256: hex };
  }
  return { kind: "file", path: arg };
}
async function sha256OfFile(file, shown) {
  const hash2 = createHash9("sha256");
  const stream = await streamRegular(file, { shown });
  for await (const chunk of stream) hash2.update(chunk);
  return hash2.digest("hex");
}
async function resolveSubject(arg, cwd) {
  const ref = parseSubjectRef(arg);
  if (ref.kind === "digest") return { name: ref.name, digest: { sha256: ref.sha256 } };
  const file = resolve11(cwd, ref.path);
  const inside = relative8(cwd, file);
  const name2 = inside && !inside.startsWith("..") ? inside.split(sep8).join("/") : ref.path;
  return { name: name2, digest: { sha256: await sha256OfFile(file, ref.path) } };
}
function sha256Hex(data) {
  return createHash9("sha256").update(data).digest("hex");
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === void 0 ? null : item)).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}
var reportJsonSchema = external_exports.object({
  generatedAt: external_exports.string().datetime({ offset: true }),
  stage: external_exports.string(),
  verdict: external_exports.enum(["pass", "fail"]),
  failures: external_exports.array(external_exports.object({ rule: external_exports.string(), matched: external_exports.number() })).default([]),
  counts: external_exports.object({
    total: external_exports.number(),
    new: external_exports.number().default(0),
    fixed: external_exports.number().default(0),
    waived: external_exports.number().default(0),
    byPriority: external_exports.record(external_exports.string(), external_exports.number()).default({}),
    bySeverity: external_exports.record(external_exports.string(), external_exports.number()).default({})
  }),
  scanners: external_exports.array(external_exports.object({ id: external_exports.string(), status: external_exports.string(), version: external_exports.string().optional() })).default([]),
  provenance: external_exports.object({ commit: external_exports.string().optional(), branch: external_exports.string().optional(), pipeline: external_exports.string().optional(), repository: external_exports.string().optional() }).optional()
});
var REPORT_LIMIT = 512 * 1024 * 1024;
async function scanStatement(input) {
  const shown = (name2) => `${input.shownOutDir.replace(/\/$/, "")}/${name2}`;
  const reportBytes = await readRegular(resolve11(input.outDir, "report.json"), { shown: shown("report.json"), maxBytes: REPORT_LIMIT }).catch((error) => {
    if (error instanceof InputError) throw new InputError(`${error.message} (run pipewarden scan first, or give its --out-dir)`, { file: error.file, cause: error });
    throw error;
  });
  let json2;
  try {
    json2 = JSON.parse(reportBytes.toString("utf8"));
  } catch (error) {
    throw new InputError("not JSON (a truncated write?)", { file: shown("report.json"), cause: error });
  }
  const parsed = reportJsonSchema.safeParse(json2);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new InputError(`not a Pipewarden report.json: ${problems.slice(0, 5).join("; ")}`, { file: shown("report.json") });
  }
  const report = parsed.data;
  const sarifDigest = await sha256OfFile(resolve11(input.outDir, "results.sarif"), shown("results.sarif"));
  const provenance = report.provenance ?? {};
  const predicate = {
    scanner: { name: "pipewarden", version, uri: "https://pipewarden.dev" },
    stage: report.stage,
    verdict: report.verdict,
    failures: report.failures.map(({ rule, matched }) => ({ rule, matched })),
    counts: {
      total: report.counts.total,
      new: report.counts.new,
      fixed: report.counts.fixed,
      waived: report.counts.waived,
      byPriority: report.counts.byPriority,
      bySeverity: report.counts.bySeverity
    },
    tools: report.scanners.map(({ id, status: status2, version: v }) => ({ id, status: status2, ...v ? { version: v } : {} })),
    policy: {
      file: input.policy.file,
      digest: input.policy.bytes ? { sha256: sha256Hex(input.policy.bytes) } : null,
      effective: { sha256: sha256Hex(canonicalJson(input.policy.config)) }
    },
    results: { name: "results.sarif", digest: { sha256: sarifDigest } },
    report: { name: "report.json", digest: { sha256: sha256Hex(reportBytes) } },
    source: {
      ...provenance.repository ? { repository: provenance.repository } : {},
      ...provenance.commit ? { commit: provenance.commit } : {},
      ...provenance.branch ? { branch: provenance.branch } : {}
    },
    ...provenance.pipeline ? { pipeline: { url: provenance.pipeline } } : {},
    scannedAt: new Date(report.generatedAt).toISOString(),
    attestedAt: input.now.toISOString()
  };
  return { _type: STATEMENT_TYPE, subject: input.subjects, predicateType: SCAN_PREDICATE_TYPE, predicate };
}
var BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
var envelopeSchema = external_exports.object({
  payload: external_exports.string().regex(BASE64, "not base64"),
  payloadType: external_exports.string(),
  signatures: external_exports.array(external_exports.object({ keyid: external_exports.string().optional(), sig: external_exports.string().regex(BASE64, "not base64").min(1) })).min(1)
});
var statementSchema = external_exports.object({
  _type: external_exports.literal(STATEMENT_TYPE),
  subject: external_exports.array(external_exports.object({ name: external_exports.string(), digest: external_exports.record(external_exports.string(), external_exports.string()) })).min(1),
  predicateType: external_exports.string(),
  predicate: external_exports.object({
    verdict: external_exports.enum(["pass", "fail"]),
    scannedAt: external_exports.string().datetime({ offset: true }),
    attestedAt: external_exports.string().datetime({ offset: true }),
    failures: external_exports.array(external_exports.object({ rule: external_exports.string(), matched: external_exports.number() })).default([]),
    source: external_exports.object({ commit: external_exports.string().optional() }).passthrough().default({})
  }).passthrough()
});
var SKEW_MS = 5 * 60 * 1e3;
function statementPayload(statement) {
  return Buffer.from(JSON.stringify(statement), "utf8");
}
function signStatement(statement, key) {
  const payload = statementPayload(statement);
  const sig = signBytes(key.privateKey, key.algorithm, pae(INTOTO_PAYLOAD_TYPE, payload));
  return envelopeOf(payload, INTOTO_PAYLOAD_TYPE, [{ keyid: key.keyid, sig: sig.toString("base64") }]);
}
var BASE642 = /^[A-Za-z0-9+/]*={0,2}$/;
var bytes = external_exports.string({ error: "is required (base64)" }).min(1, "is empty").regex(BASE642, "is not base64");
var validFor = external_exports.object({ start: external_exports.string().datetime({ offset: true }).optional(), end: external_exports.string().datetime({ offset: true }).optional() }).optional();
var transparencyLog = external_exports.object({
  baseUrl: external_exports.string().optional(),
  hashAlgorithm: external_exports.string().optional(),
  publicKey: external_exports.object({ rawBytes: bytes, keyDetails: external_exports.string().optional(), validFor }),
  logId: external_exports.object({ keyId: bytes })
});
var certificateAuthority = external_exports.object({
  certChain: external_exports.object({ certificates: external_exports.array(external_exports.object({ rawBytes: bytes })).min(1, "holds no certificate") }),
  validFor
});
var trustedRootSchema = external_exports.object({
  mediaType: external_exports.string({ error: "is required" }).regex(/^application\/vnd\.dev\.sigstore\.trustedroot(\.v[\d.]+)?\+json/, "is not a Sigstore trusted root media type (application/vnd.dev.sigstore.trustedroot+json;version=0.1)"),
  certificateAuthorities: external_exports.array(certificateAuthority, { error: "is required (the Fulcio CAs keyless certificates chain to)" }).min(1, "lists no Fulcio certificate authority: keyless certificates cannot be checked"),
  tlogs: external_exports.array(transparencyLog).default([]),
  ctlogs: external_exports.array(transparencyLog).default([]),
  timestampAuthorities: external_exports.array(certificateAuthority).default([])
});
var PUBLIC_FULCIO = "https://fulcio.sigstore.dev";
var PUBLIC_REKOR = "https://rekor.sigstore.dev";
async function oidcTokenOf(env2, fetcher = globalThis.fetch) {
  const given = env2.SIGSTORE_ID_TOKEN?.trim();
  if (given) return given;
  const url = env2.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env2.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) return void 0;
  const request = new URL(url);
  request.searchParams.set("audience", "sigstore");
  let response;
  try {
    response = await fetcher(request.href, { headers: { Authorization: `Bearer ${bearer}`, Accept: "application/json" }, signal: AbortSignal.timeout(3e4) });
  } catch (error) {
    throw new AttestationError(`could not reach GitHub's OIDC token service: ${error.message}`, { file: request.origin, cause: error });
  }
  if (!response.ok) throw new AttestationError(`GitHub's OIDC token service answered HTTP ${response.status} (does the job have permissions: id-token: write?)`, { file: request.origin });
  const body = await response.json().catch(() => void 0);
  if (typeof body?.value !== "string" || !body.value) throw new AttestationError("GitHub's OIDC token service answered without a token", { file: request.origin });
  return body.value;
}
async function signKeyless(payload, options2) {
  const { attest } = await import("./sigstore-client-YGRXMHQS-EXHZP6HW.js");
  let bundle;
  try {
    bundle = await attest(payload, INTOTO_PAYLOAD_TYPE, { identityToken: options2.token, fulcioURL: options2.fulcioUrl, rekorURL: options2.rekorUrl, tlogUpload: options2.tlog, timeout: 3e4 });
  } catch (error) {
    const message2 = error.message.split("\n")[0].split(options2.token).join("[the OIDC token]");
    throw new AttestationError(`keyless signing failed: ${message2}`, { file: options2.fulcioUrl });
  }
  const envelope = bundle.dsseEnvelope;
  if (!envelope) throw new AttestationError("keyless signing returned a bundle without a DSSE envelope", { file: options2.fulcioUrl });
  return { bundle, envelope: { payload: envelope.payload, payloadType: envelope.payloadType, signatures: envelope.signatures.map((s) => ({ keyid: s.keyid ?? "", sig: s.sig })) } };
}
async function keyText(source, env2, cwd) {
  if (!source.startsWith("env:")) return { text: await readRegularText(resolve12(cwd, source), { maxBytes: 1024 * 1024, shown: source }), shown: source };
  const name2 = source.slice(4);
  const value = env2[name2]?.trim();
  if (!value) throw new ConfigError(`--key env:${name2}: the environment variable is not set or is empty`);
  if (value.includes("-----BEGIN")) return { text: value, shown: `env:${name2}` };
  if (isAbsolute22(value) && existsSync7(value)) return { text: await readRegularText(value, { maxBytes: 1024 * 1024, shown: `env:${name2}` }), shown: `env:${name2}` };
  return { text: Buffer.from(value, "base64").toString("utf8"), shown: `env:${name2}` };
}
async function policyOf(config, dir, cwd) {
  const found = config ? resolve12(cwd, config) : await findConfigFile(dir);
  if (!found) return { file: null, bytes: null, config: {} };
  const shown = config ?? (relative9(cwd, found) || found);
  return { file: shown, bytes: await readRegular(found, { maxBytes: 8 * 1024 * 1024, shown }), config: await loadConfigFile(found) };
}
async function attestScan(options2) {
  const { cwd, env: env2 } = options2;
  const subjects = [];
  for (const arg of options2.subjects) {
    const subject = await resolveSubject(arg, cwd);
    if (!subjects.some((s) => s.name === subject.name && s.digest.sha256 === subject.digest.sha256)) subjects.push(subject);
  }
  const passphraseEnv = options2.passphraseEnv;
  if (passphraseEnv && !env2[passphraseEnv]) throw new ConfigError(`--key-passphrase-env ${passphraseEnv}: the environment variable is not set`);
  const key = options2.key ? await keyText(options2.key, env2, cwd).then(({ text: text22, shown }) => loadSigningKey(text22, shown, passphraseEnv ? env2[passphraseEnv] : void 0)) : void 0;
  const token = key ? void 0 : await oidcTokenOf(env2);
  if (!key && !token) {
    throw new ConfigError(
      options2.keyless ? "no OIDC token for keyless signing (set SIGSTORE_ID_TOKEN, e.g. from GitLab id_tokens with aud sigstore; on GitHub Actions give the job permissions: id-token: write)" : "--key is required (a PEM private key file or env:NAME), or --keyless where the CI provides an OIDC token"
    );
  }
  const policy = await policyOf(options2.config, resolve12(cwd, options2.dir ?? "."), cwd);
  const statement = await scanStatement({ outDir: resolve12(cwd, options2.outDir), shownOutDir: options2.outDir, policy, subjects, now: options2.now ?? /* @__PURE__ */ new Date() });
  const output = resolve12(cwd, options2.output ?? join24(options2.outDir, "attestation.intoto.jsonl"));
  let envelope;
  let signedWith;
  let bundleFile;
  if (key) {
    envelope = signStatement(statement, key);
    signedWith = `${key.algorithm} key ${key.keyid.slice(0, 16)}`;
  } else {
    const signed = await signKeyless(statementPayload(statement), { token, fulcioUrl: options2.fulcioUrl ?? PUBLIC_FULCIO, rekorUrl: options2.rekorUrl ?? PUBLIC_REKOR, tlog: options2.tlog ?? true });
    envelope = signed.envelope;
    bundleFile = join24(dirname8(output), `${basename7(output).replace(/\.intoto\.jsonl$|\.jsonl$/, "")}.sigstore.json`);
    await writeFileAtomic(bundleFile, `${JSON.stringify(signed.bundle)}
`);
    signedWith = "Sigstore (keyless)";
  }
  await writeFileAtomic(output, `${JSON.stringify(envelope)}
`);
  return { output, bundle: bundleFile, statement, signedWith };
}

export {
  STAGES,
  scanners,
  getScanner,
  describeTrackerError,
  currentLabels,
  readTicketState,
  publish,
  ticketFrom,
  renderTicketSection,
  ticketSectionOf,
  spliceTicketSection,
  withTicketMarker,
  nodeExec,
  withJiraOptions,
  loadConfigFile,
  findConfigFile,
  FAIL_ON,
  applyFailOn,
  toolPlatformOf,
  historyFileOf,
  todayUtc,
  runScan,
  toolDirsForScan,
  attestScan
};
