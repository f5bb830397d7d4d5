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
