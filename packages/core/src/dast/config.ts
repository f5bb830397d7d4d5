import { z } from 'zod';

// dast: in pipewarden.yml. Secrets are never values here: only the names of the environment variables that
// hold them (`*_env`), read when the run starts and never written anywhere.

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name is letters, digits and underscores');
const pattern = z.string().min(1).refine((source) => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}, 'not a valid regular expression');
/** A path on the target ("/login") or a full URL on an allowed host. */
const urlOnTarget = z.string().trim().min(1).refine((value) => value.startsWith('/') || /^https?:\/\//i.test(value), 'a path starting with / or an http(s) URL');

const loggedIn = z
  .strictObject({
    url: urlOnTarget.optional().describe('The page that shows whether the session is logged in (default: the page the login lands on, else the target URL).'),
    text: pattern.optional().describe('A regular expression the page matches only when logged in, e.g. "Log out".'),
    status: z.number().int().min(100).max(599).optional().describe('The status that page answers with only when logged in, e.g. 200 (a logged-out request gets 302 or 401).'),
  })
  .refine((check) => check.text !== undefined || check.status !== undefined, 'logged_in needs text (a regular expression) or status');

export const dastLoginSchema = z.strictObject({
  url: urlOnTarget.describe('The page with the login form (its form is read for the action and any hidden fields, such as a CSRF token).'),
  username: z.string().min(1).optional().describe('The user name (not a secret); or username_env.'),
  username_env: envName.optional().describe('The environment variable holding the user name.'),
  password_env: envName.describe('The environment variable holding the password (never the password itself).'),
  username_field: z.string().min(1).default('username').describe('The name of the user-name field of the form.'),
  password_field: z.string().min(1).default('password').describe('The name of the password field of the form.'),
  csrf_field: z.string().min(1).optional().describe('A hidden field the form carries a token in; every hidden field is sent back anyway, this one must be there.'),
  extra_fields: z.record(z.string().min(1), z.string()).optional().describe('Other fields to send with the form (not secrets).'),
});

export const dastAuthSchema = z
  .strictObject({
    login: dastLoginSchema.optional().describe('A login form Pipewarden fills in itself before the scan.'),
    cookie: z.strictObject({ name: z.string().min(1), value_env: envName }).optional().describe('A session cookie taken from an environment variable.'),
    header: z.strictObject({ name: z.string().regex(/^[A-Za-z0-9-]+$/, 'a header name is letters, digits and dashes'), value_env: envName }).optional().describe('A header on every request, e.g. Authorization: Bearer … (the whole value from the environment variable).'),
    http: z.strictObject({ type: z.enum(['basic', 'digest']).default('basic'), username: z.string().min(1), password_env: envName }).optional().describe('HTTP basic or digest authentication.'),
    logged_in: loggedIn.optional().describe('How to tell the session is logged in; checked before the scan and again after it.'),
  })
  .refine((auth) => auth.login || auth.cookie || auth.header || auth.http, 'dast.auth needs one of login, cookie, header, http')
  .refine((auth) => !auth.login || auth.logged_in, { message: 'a login form needs logged_in (text or status), so a failed login is not taken for a session', path: ['logged_in'] })
  .refine((auth) => !auth.login || Boolean(auth.login.username) !== Boolean(auth.login.username_env), { message: 'give exactly one of username and username_env', path: ['login'] });

export const dastSchema = z.strictObject({
  allowed_hosts: z.array(z.string().min(1)).optional().describe('Hosts DAST may scan, by name; replaces the default (127.0.0.0/8, ::1 and localhost). A CI service alias must be listed.'),
  max_scan_time: z.number().int().min(10).max(24 * 3600).default(300).describe('Seconds the whole DAST run may take, crawl and attack; a scan cut by it is partial.'),
  auth: dastAuthSchema.optional().describe('How the scan gets a session: a login form, a cookie, a header or HTTP authentication; secrets by environment variable name only.'),
  profile: z.enum(['quick', 'full']).optional().describe('quick: fast, error-based checks; full: adds blind SQL injection, stored XSS and the slower modules (default: full at acceptance).'),
  openapi: z.string().trim().min(1).optional().describe('An OpenAPI 3 or Swagger 2 document (JSON or YAML): a path or URL on the target ("/openapi.json"), or a file under the scanned folder ("api/openapi.yaml"); its GET operations are attacked through their documented parameters.'),
  start_urls: z.array(urlOnTarget).optional().describe('More pages to start the crawl from (paths or URLs on the target).'),
  exclude: z.array(pattern).optional().describe('Regular expressions of URLs never requested, added to the built-in ones (logout, password change, reset, setup, delete, …).'),
  scope: z.enum(['page', 'folder', 'domain', 'url']).default('folder').describe('How far from the target URL the crawl may go.'),
  depth: z.number().int().min(1).max(100).optional().describe('How many links deep the crawl goes (Wapiti default 40).'),
  max_requests_per_second: z.number().min(0.1).max(1000).optional().describe('At most this many requests a second reach the target.'),
  level: z.union([z.literal(1), z.literal(2)]).default(1).describe('Attack level: 2 also tries every parameter combination (slower).'),
  skip_parameters: z.array(z.string().min(1)).optional().describe('Parameters never attacked (a CSRF token, a captcha).'),
  allow_unsafe_methods: z.boolean().default(false).describe('Let the scan send POST, PUT, PATCH and DELETE requests; by default only the login may.'),
  on_incomplete: z.enum(['fail', 'warn']).default('fail').describe('A scan stopped by a login wall, a lost session or the time budget fails the gate (fail) or only warns.'),
});

export type DastConfig = z.output<typeof dastSchema>;
export type DastAuth = z.output<typeof dastAuthSchema>;
