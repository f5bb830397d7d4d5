/**
 * Pages a scan must never request: they end the session, change credentials, wipe or rebuild data, or switch
 * the application's own security settings. Matched, case-insensitively, against the path and the names of the
 * query parameters (a password change is often a GET of the form's own page with `password_new=…`), never
 * against parameter values, which carry the attack payloads.
 */
export const DEFAULT_EXCLUSIONS: readonly { what: string; pattern: RegExp; wildcards: readonly string[] }[] = [
  { what: 'logout', pattern: /log[-_]?(?:out|off)|sign[-_]?(?:out|off)|end[-_]?session/i, wildcards: ['*logout*', '*log-out*', '*log_out*', '*logoff*', '*signout*', '*sign-out*', '*sign_out*', '*Logout*', '*LogOut*', '*SignOut*'] },
  {
    what: 'password change',
    // A page of its own named password (/account/password) is the change form; its fields, the change itself.
    pattern: /(?:change|update|new|reset|forgot)[-_]?(?:your[-_]?)?pass(?:word|wd)?|pass(?:word|wd)[-_]?(?:new|conf|change|update|reset)|(?:^|\/)(?:passwords?|passwd|pwd)(?:[/.]|\?|$)/i,
    wildcards: ['*/password*', '*password_new*', '*change-password*', '*change_password*', '*changepassword*', '*new-password*', '*new_password*', '*password-change*', '*password/change*', '*forgot*'],
  },
  { what: 'reset', pattern: /(?:^|[^a-z])reset|reset(?:[^a-z]|$)/i, wildcards: ['*reset*', '*Reset*'] },
  { what: 'setup', pattern: /(?:^|\/)(?:setup|install(?:er|ation)?|init(?:ialize)?[-_]?db|create[-_]?db|migrate)(?:[./?_-]|$)/i, wildcards: ['*/setup*', '*/install*'] },
  { what: 'delete', pattern: /(?:^|[^a-z])(?:delete|remove|destroy|drop|purge|wipe)(?:[^a-z]|$)/i, wildcards: ['*delete*', '*/remove*', '*destroy*', '*/drop*', '*purge*'] },
  { what: 'security level', pattern: /security(?:\.php|[-_]?level)|(?:^|[^a-z])seclev/i, wildcards: ['*/security.php*', '*security_level*', '*security-level*'] },
];

/** What the defaults and the user's patterns are matched against: the path and the query's parameter names. */
function shapeOf(url: URL): string {
  const names = [...new Set([...url.searchParams.keys()])];
  return `${decodeSafely(url.pathname)}${names.length ? `?${names.join('&')}` : ''}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface Exclusions {
  /** Why this URL must not be requested (the default's name or the user's pattern), or undefined when it may be. */
  reasonFor(url: URL): string | undefined;
  /** Wapiti's `-x` wildcards for the same (its matcher takes `*` patterns over the whole URL). */
  wildcards(origin: string): string[];
}

/**
 * The built-in exclusions plus the user's `dast.exclude` regular expressions (matched against the whole URL,
 * case-insensitively). The login page is never excluded: it is where the session comes from.
 */
export function createExclusions(user: readonly string[], keep: readonly URL[] = []): Exclusions {
  const own = user.map((source) => ({ source, regex: new RegExp(source, 'i') }));
  const kept = new Set(keep.map((url) => `${url.origin}${url.pathname}`));
  return {
    reasonFor(url) {
      if (kept.has(`${url.origin}${url.pathname}`)) return undefined;
      const shape = shapeOf(url);
      const builtIn = DEFAULT_EXCLUSIONS.find((rule) => rule.pattern.test(shape));
      if (builtIn) return builtIn.what;
      const mine = own.find((rule) => rule.regex.test(url.href) || rule.regex.test(shape));
      return mine ? `dast.exclude ${mine.source}` : undefined;
    },
    wildcards(origin) {
      // Wapiti 3.0.4 takes only patterns that start with http(s):// (main/wapiti.py), `*` matching anything.
      const fromUser = own.flatMap((rule) => {
        const literal = wildcardOf(rule.source);
        return literal ? [rule.source.startsWith('^/') ? `${origin}${literal}` : `${origin}*${literal}`] : [];
      });
      return [...new Set([...DEFAULT_EXCLUSIONS.flatMap((rule) => rule.wildcards.map((wildcard) => `${origin}${wildcard}`)), ...fromUser])];
    },
  };
}

/** A user pattern as a Wapiti wildcard when it is plain text ("/admin/", "^/reset"); anything else only the guard enforces. */
function wildcardOf(source: string): string | undefined {
  const match = /^(\^?)([A-Za-z0-9/_-]+)(\$?)$/.exec(source);
  if (!match) return undefined;
  return `${match[2]}${match[3] ? '' : '*'}`;
}
