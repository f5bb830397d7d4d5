// Text from reports, paths and tools reaches terminals, logs and files: it must not be able to forge them.

// CSI (colours, cursor moves, screen clears), OSC (titles, hyperlinks, clipboard) and other escape sequences.
const ESCAPES = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[@-Z\\-_]?)|\x9b[0-?]*[ -/]*[@-~]/g;
// Other C0 and C1 controls, DEL, and the bidi overrides that reorder what a reader sees (Trojan Source).
const CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;
const ANY_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const BREAKS = /\s*(?:\r\n|[\r\n\u0085\u2028\u2029])\s*/g;

/** Escape sequences and control characters removed; line breaks and tabs kept. */
export function stripControls(text: string): string {
  // Every escape sequence starts with a control (ESC or CSI): text without one, nearly all, is returned as is.
  if (!ANY_CONTROL.test(text)) return text;
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** One line of plain text: no escape sequence, no control character, no line break, at most `max` characters. */
export function safeLine(text: string, max = 1000): string {
  const flat = stripControls(text).replace(BREAKS, ' ').replace(/\t/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
