import { createRequire as __pwCreateRequire } from 'node:module';
const require = __pwCreateRequire(import.meta.url);
import {
  require_undici
} from "./chunk-SJRYH4YB.js";
import "./chunk-TOP57FAE.js";

// cjs-facade:../../node_modules/.pnpm/undici@6.29.1/node_modules/undici/index.js
var __pwCjs = require_undici();
var undici_default = __pwCjs;
var { Dispatcher, Client, Pool, BalancedPool, Agent, ProxyAgent, EnvHttpProxyAgent, RetryAgent, RetryHandler, DecoratorHandler, RedirectHandler, createRedirectInterceptor, interceptors, buildConnector, errors, util, setGlobalDispatcher, getGlobalDispatcher, fetch, Headers, Response, Request, FormData, File, FileReader, setGlobalOrigin, getGlobalOrigin, caches, deleteCookie, getCookies, getSetCookies, setCookie, parseMIMEType, serializeAMimeType, WebSocket, CloseEvent, ErrorEvent, MessageEvent, request, stream, pipeline, connect, upgrade, MockClient, MockPool, MockAgent, mockErrors, EventSource } = __pwCjs;
export {
  Agent,
  BalancedPool,
  Client,
  CloseEvent,
  DecoratorHandler,
  Dispatcher,
  EnvHttpProxyAgent,
  ErrorEvent,
  EventSource,
  File,
  FileReader,
  FormData,
  Headers,
  MessageEvent,
  MockAgent,
  MockClient,
  MockPool,
  Pool,
  ProxyAgent,
  RedirectHandler,
  Request,
  Response,
  RetryAgent,
  RetryHandler,
  WebSocket,
  buildConnector,
  caches,
  connect,
  createRedirectInterceptor,
  undici_default as default,
  deleteCookie,
  errors,
  fetch,
  getCookies,
  getGlobalDispatcher,
  getGlobalOrigin,
  getSetCookies,
  interceptors,
  mockErrors,
  parseMIMEType,
  pipeline,
  request,
  serializeAMimeType,
  setCookie,
  setGlobalDispatcher,
  setGlobalOrigin,
  stream,
  upgrade,
  util
};
