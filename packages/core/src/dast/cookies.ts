/**
 * The session's cookies, kept by Pipewarden itself: one target, so cookies are kept by name (the last path
 * and domain win). Expired or emptied cookies are dropped, as a browser would.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Takes the Set-Cookie headers of a response. */
  store(setCookies: readonly string[]): void {
    for (const header of setCookies) {
      const [pair = '', ...attributes] = header.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', raw = ''] = attribute.split('=').map((part) => part.trim());
        if (/^max-age$/i.test(key)) return Number(raw) <= 0;
        if (/^expires$/i.test(key)) return Date.parse(raw) < Date.now();
        return false;
      });
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  get size(): number {
    return this.cookies.size;
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }

  values(): string[] {
    return [...this.cookies.values()];
  }

  /** The Cookie header: the client's own cookies, with the session's over them (the session is the one of record). */
  header(clientHeader?: string): string | undefined {
    const merged = new Map<string, string>();
    for (const part of (clientHeader ?? '').split(';')) {
      const at = part.indexOf('=');
      if (at > 0) merged.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
    for (const [name, value] of this.cookies) merged.set(name, value);
    return merged.size ? [...merged].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
  }

  /** The cookies in Wapiti's JSON cookie file format (wapitiCore/net/jsoncookie.py: domain → path → name). */
  wapitiFile(host: string): Record<string, Record<string, Record<string, unknown>>> {
    const domain = /^[\d.]+$|^\[|:/.test(host) ? host : `.${host}`;
    const byName = Object.fromEntries([...this.cookies].map(([name, value]) => [name, { value, version: 0, expires: null, secure: false, port: null }]));
    return { [domain]: { '/': byName } };
  }
}
