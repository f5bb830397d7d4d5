import type { Log } from './types.js';

const CHUNK = 1 << 20;

/** `{"a":1}` with its closing brace cut, ready for one more member. */
function openObject(value: object): string {
  const text = JSON.stringify(value);
  return text === '{}' ? '{' : `${text.slice(0, -1)},`;
}

/**
 * A SARIF log as text in chunks of about 1 MB, one result per line (greppable, diffable): a million results
 * never become one string (V8 caps strings at about 512 MB), and the whole log is not pretty-printed
 * (that doubled convert's time and the file's size).
 */
export function* sarifText(log: Log): Generator<string> {
  const { runs, ...top } = log;
  let pending = `${openObject(top)}"runs":[`;
  for (const [r, run] of runs.entries()) {
    const { results, ...rest } = run;
    // No results array means the tool did not get to analyse: kept absent, not written as an empty list.
    if (!results) {
      pending += `${r ? ',' : ''}\n${JSON.stringify(rest)}`;
      continue;
    }
    pending += `${r ? ',' : ''}\n${openObject(rest)}"results":[`;
    for (const [i, result] of results.entries()) {
      pending += `${i ? ',' : ''}\n${JSON.stringify(result)}`;
      if (pending.length >= CHUNK) {
        yield pending;
        pending = '';
      }
    }
    pending += '\n]}';
  }
  yield `${pending}\n]}\n`;
}
