import type { Fetcher } from '@pipewarden/core';

/**
 * The fetch feed and advisory downloads go through: HTTPS_PROXY, HTTP_PROXY and NO_PROXY (either case) from
 * the environment given, as corporate runners need; a custom CA comes from NODE_EXTRA_CA_CERTS, which Node
 * itself reads at start. Without a proxy variable it is plain fetch.
 */
export function feedFetcher(env: Readonly<Record<string, string | undefined>>): Fetcher {
  const pick = (name: string) => env[name] ?? env[name.toLowerCase()];
  const httpsProxy = pick('HTTPS_PROXY');
  const httpProxy = pick('HTTP_PROXY');
  if (!httpsProxy && !httpProxy) return globalThis.fetch as unknown as Fetcher;
  // undici is loaded on the first download through the proxy, not with every command.
  const client = import('undici').then(({ EnvHttpProxyAgent, fetch }) => ({ fetch, dispatcher: new EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy: pick('NO_PROXY') }) }));
  return (async (url: string, init?: { signal?: AbortSignal }) => {
    const { fetch, dispatcher } = await client;
    return fetch(url, { ...init, dispatcher });
  }) as unknown as Fetcher;
}
