import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusSuite } from '../corpus-harness.js';
import { readReport } from '../registry.js';

type Obj = Record<string, unknown>;

function count(text: string): number {
  const root = JSON.parse(text) as Obj;
  if (root.advisories) return Object.keys(root.advisories as Obj).length;
  if (!root.vulnerabilities) return 0;
  let n = 0;
  for (const vuln of Object.values(root.vulnerabilities as Record<string, { via: unknown[] }>)) {
    const advisories = vuln.via.filter((v) => typeof v === 'object' && v !== null) as { url?: string; source?: number }[];
    const distinct = new Set(advisories.map((a) => /GHSA-[\w-]+/i.exec(a.url ?? '')?.[0] ?? String(a.source)));
    n += advisories.length ? distinct.size : 1;
  }
  return n;
}

corpusSuite({ folder: 'npm_audit', format: 'npm-audit', count });
corpusSuite({ folder: 'npm_audit_7_plus', format: 'npm-audit', count });

describe('npm audit refused by the registry', () => {
  async function read(value: unknown): Promise<{ format: string; reason: string | undefined; successful: boolean | undefined }> {
    const file = join(await mkdtemp(join(tmpdir(), 'pw-npm-audit-')), 'npm-audit.json');
    await writeFile(file, JSON.stringify(value, null, 2));
    const { format, log } = await readReport(file);
    const invocation = log.runs[0]!.invocations?.[0];
    return { format, reason: invocation?.toolExecutionNotifications?.[0]?.message.text, successful: invocation?.executionSuccessful };
  }

  it('the endpoint\'s answer ({message, method, uri, headers, statusCode, body}, npm 7+ with --json): a failed run whose reason is the status line', async () => {
    const uri = 'https://registry.example/-/npm/v1/security/advisories/bulk';
    const seen = await read({
      message: `405 Method Not Allowed - POST ${uri}`,
      method: 'POST',
      uri,
      headers: { 'content-type': ['text/html'] },
      statusCode: 405,
      body: '<html>\n<head><title>405 Not Allowed</title></head>\n</html>\n',
    });
    expect(seen).toEqual({ format: 'npm-audit', successful: false, reason: `npm audit: the registry refused the request: 405 Method Not Allowed (POST ${uri})` });
  });

  it('with no message, the status code and the request still make the reason; credentials never do', async () => {
    const seen = await read({ message: '', method: 'post', uri: 'https://user:s3cret@registry.example/-/npm/v1/security/audits/quick', headers: {}, statusCode: 503, body: '' });
    expect(seen.reason).toBe('npm audit: the registry refused the request: HTTP 503 (POST https://***@registry.example/-/npm/v1/security/audits/quick)');
  });

  it('npm\'s own errors ({"error": {code, summary, detail}}): one line, never empty', async () => {
    const seen = await read({ error: { code: 'ENOLOCK', summary: 'This command requires an existing lockfile.\nTry creating one first with: npm i --package-lock-only', detail: '' } });
    expect(seen).toEqual({ format: 'npm-audit', successful: false, reason: 'ENOLOCK: This command requires an existing lockfile.' });
  });
});
