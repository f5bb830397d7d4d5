import type { Dispatcher } from 'undici';
import type { ToolFetch } from './install.js';

/** The proxy settings as the platform read them (HTTPS_PROXY, HTTP_PROXY, NO_PROXY in either case). */
export interface ProxySettings {
  httpsProxy?: string | undefined;
  httpProxy?: string | undefined;
  noProxy?: string | undefined;
}

/** Whether NO_PROXY exempts a host: `*`, an exact host, a domain (`example.com` or `.example.com` covers subdomains), optionally with :port. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of (noProxy ?? '').split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    // A bare IPv6 address has colons of its own: a port only comes with [brackets].
    const match = (entry.split(':').length > 2 && !entry.startsWith('[') ? [entry, entry, undefined] : /^(.*?)(?::(\d+))?$/.exec(entry))!;
    const name = match[1]!.replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (match[2] && match[2] !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/**
 * Downloads through the proxy the environment names, except for NO_PROXY's hosts. Custom CAs need nothing
 * here: Node adds NODE_EXTRA_CA_CERTS to the trusted roots of every TLS connection at start-up.
 */
export function proxiedFetch(settings: ProxySettings): ToolFetch {
  // undici is loaded on the first download, not with every command (a tenth of a second of each start).
  let client: Promise<{ fetch: typeof import('undici').fetch; dispatcherFor: (url: URL) => Dispatcher }> | undefined;
  const load = () =>
    (client ??= import('undici').then(({ Agent, ProxyAgent, fetch }) => {
      const direct = new Agent();
      const agents = new Map<string, Dispatcher>();
      const proxyFor = (uri: string) => {
        let agent = agents.get(uri);
        if (!agent) agents.set(uri, (agent = new ProxyAgent({ uri })));
        return agent;
      };
      const dispatcherFor = (url: URL): Dispatcher => {
        const proxy = url.protocol === 'https:' ? (settings.httpsProxy || settings.httpProxy) : settings.httpProxy;
        return proxy && !bypassesProxy(url, settings.noProxy) ? proxyFor(proxy) : direct;
      };
      return { fetch, dispatcherFor };
    }));
  return async (url) => {
    const { fetch, dispatcherFor } = await load();
    // Redirects are followed by hand: each hop may be on a host NO_PROXY exempts, or not.
    let target = new URL(url);
    for (let hop = 0; hop < 10; hop++) {
      const response = await fetch(target, { dispatcher: dispatcherFor(target), redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        target = new URL(location, target);
        if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error(`a redirect to ${target.protocol} is not followed`);
        continue;
      }
      return { status: response.status, body: response.body as AsyncIterable<Uint8Array> | null };
    }
    throw new Error('more than 10 redirects');
  };
}
