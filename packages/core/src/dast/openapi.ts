import { rootReader } from '../files/safe-read.js';
import type { DastSession } from './session.js';

const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const MAX_URLS = 500;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface ApiSeeds {
  /** GET operations as URLs on the target, every documented path and query parameter filled with its example. */
  urls: string[];
  /** Operations with another method: not sent in safe mode, and Wapiti 3.0.4 starts only from GET URLs. */
  skipped: number;
}

/** A parameter's example, default or enum value, else a value of its type: what the request starts from. */
function sampleOf(parameter: Json): string {
  const schema = isObject(parameter.schema) ? parameter.schema : parameter;
  const value = parameter.example ?? schema.example ?? schema.default ?? (Array.isArray(schema.enum) ? schema.enum[0] : undefined);
  if (value !== undefined && value !== null && typeof value !== 'object') return String(value);
  return schema.type === 'integer' || schema.type === 'number' ? '1' : schema.type === 'boolean' ? 'true' : 'test';
}

/** A parameter object, with a local $ref (#/components/parameters/x, #/parameters/x) followed once. */
function resolveParameter(doc: Json, parameter: unknown): Json | undefined {
  if (!isObject(parameter)) return undefined;
  const ref = parameter.$ref;
  if (typeof ref !== 'string') return parameter;
  const found = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, key) => (isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), doc);
  return isObject(found) ? found : undefined;
}

/**
 * The API's GET operations as start URLs (OpenAPI 3 `servers`, Swagger 2 `basePath`), on the target only: a
 * server of another host is replaced by the target's origin, its path kept.
 */
export function seedsFromOpenApi(doc: Json, target: URL): ApiSeeds {
  const server = Array.isArray(doc.servers) && isObject(doc.servers[0]) && typeof doc.servers[0].url === 'string' ? doc.servers[0].url : typeof doc.basePath === 'string' ? doc.basePath : '/';
  let base: URL;
  try {
    base = new URL(server.replace(/\{[^}]*\}/g, ''), target);
  } catch {
    base = new URL('/', target);
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const urls: string[] = [];
  let skipped = 0;
  for (const [template, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const method of ['post', 'put', 'patch', 'delete']) if (item[method]) skipped++;
    const operation = item.get;
    if (!isObject(operation) || urls.length >= MAX_URLS) continue;
    const parameters = [...(Array.isArray(item.parameters) ? item.parameters : []), ...(Array.isArray(operation.parameters) ? operation.parameters : [])].map((p) => resolveParameter(doc, p)).filter((p): p is Json => Boolean(p));
    const path = template.replace(/\{([^}]+)\}/g, (_whole, name: string) => encodeURIComponent(sampleOf(parameters.find((p) => p.in === 'path' && p.name === name) ?? {})));
    const query = new URLSearchParams(parameters.filter((p) => p.in === 'query' && typeof p.name === 'string').map((p): [string, string] => [p.name as string, sampleOf(p)]));
    const url = new URL(`${prefix}${path.startsWith('/') ? path : `/${path}`}`, target);
    url.search = query.toString();
    urls.push(url.href);
  }
  return { urls, skipped };
}

/**
 * dast.openapi: a path or URL on the target (fetched in the scan's session), or a file under the scanned
 * folder (never outside it). JSON or YAML (at most 100 aliases).
 */
export async function loadOpenApi(source: string, session: DastSession, root: string): Promise<Json> {
  let text: string;
  if (/^https?:\/\//i.test(source) || source.startsWith('/')) {
    const answer = await session.follow(session.resolve(source));
    if (answer.status !== 200) throw new Error(`GET ${answer.url.pathname} answered ${answer.status}`);
    text = answer.body;
  } else {
    const read = await rootReader(root).read(source, { maxBytes: MAX_DOCUMENT_BYTES });
    if ('refused' in read) throw new Error(`${source} cannot be read under the scanned folder (${read.refused})`);
    text = read.data.toString('utf8');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    const { parse } = await import('yaml');
    doc = parse(text, { maxAliasCount: 100 });
  }
  if (!isObject(doc) || !isObject(doc.paths)) throw new Error('not an OpenAPI or Swagger document (no paths)');
  return doc;
}
