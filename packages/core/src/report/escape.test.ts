import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownCode } from './escape.js';

describe('escaping report text', () => {
  it('keeps hostile text from becoming HTML, links, mentions, table cells or formatting', () => {
    const hostile = '<img src=x onerror=alert(1)> | [click](https://evil.test) @security-team **bold**\nnew row';
    const out = escapeMarkdown(hostile);
    expect(out).not.toMatch(/<img/);
    expect(out).not.toMatch(/(?<!\\)\|/);
    // Mentions and URLs sit in code spans: inert, and they copy as written (no zero-width character).
    const prose = out.replace(/(`+)[^`]*?\1/g, '');
    expect(prose).not.toContain('@security-team');
    expect(prose).not.toContain('https://evil');
    expect(prose).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(out).toContain('`[click](https://evil.test)`');
    expect(out).toContain('`@security-team`');
    expect(out).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
    expect(out).not.toContain('\n');
    expect(out).toContain('\\*\\*bold\\*\\*');
  });

  it('keeps package versions and links copyable', () => {
    expect(escapeMarkdown('upgrade lodash@4.17.20 to 4.17.21, see https://github.com/advisories/GHSA-35jh-r3h4-6jhm.')).toBe('upgrade `lodash@4.17.20` to 4.17.21, see `https://github.com/advisories/GHSA-35jh-r3h4-6jhm.`');
  });

  it('shortens long text', () => {
    expect(escapeMarkdown('a'.repeat(500), 50)).toHaveLength(50);
  });

  it('fences inline code wider than any backticks inside and escapes pipes', () => {
    expect(markdownCode('a`b')).toBe('`` a`b ``');
    expect(markdownCode('x|y')).toBe('`x\\|y`');
  });

  it('escapes HTML attributes', () => {
    expect(escapeHtml(`"'<&>`)).toBe('&quot;&#39;&lt;&amp;&gt;');
  });
});

describe('escapeMarkdown and escapeHtml on many texts', () => {
  // The word-by-word, replace-by-replace versions these once were: the fast paths must write the same.
  const LIVE = /@\w|\b[a-z][a-z0-9+.-]*:\/\/|\bwww\./i;
  const wordBefore = (word: string) =>
    word
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_{}[\]()#+!|~])/g, '\\$1');
  const markdownBefore = (text: string, maxLength = 300) => {
    let flat = text.replace(/\x1b\[[0-9;]*m/g, '').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
    if (flat.length > maxLength) flat = `${flat.slice(0, maxLength - 1)}…`;
    return flat
      .split(/(\s+)/)
      .map((word) => (LIVE.test(word) ? markdownCode(word) : wordBefore(word)))
      .join('');
  };
  const htmlBefore = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '').replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

  it('writes what the word-by-word escaping wrote', () => {
    const parts = ['user', 'input', ' ', '  ', '\n', '@team', 'pkg@1.2.3', 'https://x.test/a', 'www.example.com', '<b>', 'a&b', '*bold*', '_x_', '`code`', '[link](u)', '#1', 'a|b', '~', '!', '\\', '\x1b[31m', '\u202e', '\t', 'é', '😀', 'x://', 'ftp://h', '"q"', "'s'"];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => parts[Math.floor(next() * parts.length)]).join(next() < 0.5 ? ' ' : '');
      expect(escapeMarkdown(text, 80)).toBe(markdownBefore(text, 80));
      expect(escapeHtml(text)).toBe(htmlBefore(text));
    }
  });
});
