import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, markdownCode } from './escape.js';

describe('escaping report text', () => {
  it('keeps hostile text from becoming HTML, links, mentions, table cells or formatting', () => {
    const hostile = '<img src=x onerror=alert(1)> | [click](https://evil.test) @security-team **bold**\nnew row';
    const out = escapeMarkdown(hostile);
    expect(out).not.toMatch(/<img/);
    expect(out).not.toMatch(/(?<!\\)\|/);
    expect(out).not.toMatch(/(?<!\\)\[click(?<!\\)\]/);
    expect(out).not.toContain('@security-team');
    expect(out).not.toContain('\n');
    expect(out).not.toContain('https://evil');
    expect(out).toContain('\\*\\*bold\\*\\*');
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
