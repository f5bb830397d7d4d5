import { redactText, REDACTED } from './redact.js';

// Flags whose value is a credential, in the spellings tools use (--token, --api-key, -H "Authorization: …").
const SECRET_FLAG = /^--?(?:[\w-]*(?:token|password|passwd|secret|api[-_]?key|auth|cookie|credential)[\w-]*|H|header)$/i;
const SECRET_INLINE = /^(--?[\w-]*(?:token|password|passwd|secret|api[-_]?key|auth|cookie|credential)[\w-]*=)(.+)$/i;
const SECRET_HEADER = /^((?:authorization|cookie|x-api-key|x-auth-token|proxy-authorization)\s*:\s*).+$/i;

const MAX_CHARS = 2000;

/**
 * Paths as a reader of the log needs them, without this machine's layout (nor the checkout's place, which
 * would make two runs' logs differ): under the scanned root relative to it, a tool of ours by its package
 * path, anything else by its name.
 */
function placeless(arg: string, root: string | undefined, isCommand = false): string {
  const flag = /^(--?[\w-]+=)(\/.*)$/.exec(arg);
  const [prefix, path] = flag ? [flag[1]!, flag[2]!] : ['', arg];
  if (!path.startsWith('/')) return arg;
  if (root && (path === root || path.startsWith(`${root}/`))) return `${prefix}${path === root ? '.' : path.slice(root.length + 1)}`;
  const inPackages = path.lastIndexOf('/node_modules/');
  if (inPackages >= 0) return `${prefix}${path.slice(inPackages + '/node_modules/'.length)}`;
  const name = path.slice(path.lastIndexOf('/') + 1);
  return `${prefix}${isCommand ? name : `…/${name}`}`;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./…-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line as SARIF's invocation.commandLine shows it: shell-quoted, with every credential masked
 * (values of secret-named flags, credential headers, known token shapes, passwords in URLs).
 */
export function maskedCommandLine(command: string, given: readonly string[], root?: string): string {
  const args = given.map((arg) => placeless(arg, root));
  command = placeless(command, root, true);
  const shown: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = SECRET_INLINE.exec(arg);
    if (inline) {
      shown.push(`${inline[1]}${REDACTED}`);
      continue;
    }
    const header = SECRET_HEADER.exec(arg);
    if (header) {
      shown.push(quote(`${header[1]}${REDACTED}`));
      continue;
    }
    shown.push(quote(redactText(arg)));
    if (SECRET_FLAG.test(arg) && i + 1 < args.length) {
      const value = args[++i]!;
      const valueHeader = SECRET_HEADER.exec(value);
      // -H 'Accept: json' carries nothing secret; -H 'Authorization: …' and --token … do.
      shown.push(/^-H$|^--header$/i.test(arg) && !valueHeader ? quote(redactText(value)) : valueHeader ? quote(`${valueHeader[1]}${REDACTED}`) : REDACTED);
    }
  }
  // A file list can run to thousands of paths: the log keeps the start and says how many were left out.
  const parts = [quote(command), ...shown];
  let length = 0;
  let kept = 0;
  while (kept < parts.length && length + parts[kept]!.length + 1 <= MAX_CHARS) length += parts[kept++]!.length + 1;
  if (kept === parts.length) return parts.join(' ');
  const left = parts.length - kept;
  return `${parts.slice(0, kept).join(' ')} … (${left} more argument${left === 1 ? '' : 's'})`;
}
