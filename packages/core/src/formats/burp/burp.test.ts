import { corpusSuite } from '../corpus-harness.js';

corpusSuite({
  folder: 'burp',
  format: 'burp',
  count: (text) => (text.replace(/<!--[\s\S]*?-->/g, '').match(/<issue>/g) ?? []).length,
  // Base64 requests carry bearer tokens: neither the encoded nor the decoded form may appear.
  secrets: (text) =>
    [...text.matchAll(/<request[^>]*base64="true"><!\[CDATA\[([^\]]+)\]\]>/g)].flatMap((m) => {
      const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
      return [m[1]!, ...[...decoded.matchAll(/Authorization: (.+)/gi)].map((a) => a[1]!.trim())];
    }),
});
