import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-4MSZKZUA.js";
import "./chunk-TOP57FAE.js";

// cjs-facade:../../node_modules/.pnpm/yaml@2.9.1/node_modules/yaml/dist/index.js
var __pwCjs = require_dist();
var dist_default = __pwCjs;
var { Composer, Document, Schema, YAMLError, YAMLParseError, YAMLWarning, Alias, isAlias, isCollection, isDocument, isMap, isNode, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, CST, Lexer, LineCounter, Parser, parse, parseAllDocuments, parseDocument, stringify, visit, visitAsync } = __pwCjs;
export {
  Alias,
  CST,
  Composer,
  Document,
  Lexer,
  LineCounter,
  Pair,
  Parser,
  Scalar,
  Schema,
  YAMLError,
  YAMLMap,
  YAMLParseError,
  YAMLSeq,
  YAMLWarning,
  dist_default as default,
  isAlias,
  isCollection,
  isDocument,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parse,
  parseAllDocuments,
  parseDocument,
  stringify,
  visit,
  visitAsync
};
