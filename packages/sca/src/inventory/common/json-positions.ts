/**
 * Lines of the object keys of a JSON text, by their path from the root (keys joined by
 * PATH_SEP; array elements by their index). JSON.parse gives the values; this small scanner
 * gives only where each key sits, which is all a finding's location needs.
 */
export const PATH_SEP = '\u0000';

export type JsonKeyLines = Map<string, number>;

export function jsonKeyLines(text: string): JsonKeyLines {
  const out: JsonKeyLines = new Map();
  // One frame per open container: its path, whether it is an array, its next array index.
  const stack: { path: string; array: boolean; index: number }[] = [];
  let line = 1;
  let pendingKey: string | undefined;
  let lastString: string | undefined;
  let lastStringLine = 0;
  const childPath = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    const seg = top.array ? String(top.index) : (pendingKey ?? '');
    return top.path === '' && stack.length === 1 ? seg : `${top.path}${PATH_SEP}${seg}`;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
    } else if (c === 34) {
      const start = i + 1;
      let j = start;
      let escaped = false;
      while (j < text.length && text.charCodeAt(j) !== 34) {
        if (text.charCodeAt(j) === 92) {
          escaped = true;
          j++;
        }
        j++;
      }
      const raw = text.slice(start, j);
      lastString = escaped ? safeUnescape(raw) : raw;
      lastStringLine = line;
      i = j;
    } else if (c === 58) {
      const top = stack[stack.length - 1];
      if (top && !top.array && lastString !== undefined) {
        pendingKey = lastString;
        const path = childPath();
        if (!out.has(path)) out.set(path, lastStringLine);
      }
      lastString = undefined;
    } else if (c === 123 || c === 91) {
      const path = stack.length === 0 ? '' : childPath();
      stack.push({ path, array: c === 91, index: 0 });
      pendingKey = undefined;
      lastString = undefined;
    } else if (c === 125 || c === 93) {
      stack.pop();
      lastString = undefined;
    } else if (c === 44) {
      const top = stack[stack.length - 1];
      if (top?.array) top.index++;
      lastString = undefined;
    }
  }
  return out;
}

function safeUnescape(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

export function keyPath(...keys: string[]): string {
  return keys.join(PATH_SEP);
}
