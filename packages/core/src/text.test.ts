import { describe, expect, it } from 'vitest';
import { safeLine, stripControls } from './text.js';

describe('text from reports cannot forge a terminal or a log', () => {
  it('drops escape sequences (colours, cursor moves, screen clears, titles, hyperlinks) and control characters', () => {
    const hostile = 'a\x1b[31mred\x1b[0m\x1b[2J\x1b[H\x1b]0;pwned\x07\x1b]8;;https://evil.test\x1b\\link\x1b]8;;\x1b\\\x00\x08\x7f\x9b31m\u202eevil';
    expect(stripControls(hostile)).toBe('aredlinkevil');
  });

  it('makes one line of any text, capped', () => {
    expect(safeLine('src/a.js\nERROR: forged line\r\nanother\u2028one')).toBe('src/a.js ERROR: forged line another one');
    expect(safeLine('x'.repeat(40_000), 300)).toHaveLength(300);
    expect(safeLine('tab\there')).toBe('tab here');
  });
});
