import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskedCommandLine } from './command-line.js';

describe('maskedCommandLine: what a SARIF invocation shows of the command', () => {
  it('masks credentials in every spelling tools take them, and quotes for a shell', () => {
    const line = maskedCommandLine('wapiti', ['-u', 'http://admin:hunter2@127.0.0.1:8080/', '--token', 'abc123', '--api-key=s3cr3t', '-H', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9', '-H', 'Accept: text/html', 'ghp_' + 'a'.repeat(36), 'a b']);
    expect(line).not.toMatch(/hunter2|abc123|s3cr3t|eyJhbGci|ghp_a/);
    expect(line).toBe("wapiti -u 'http://admin:[redacted]@127.0.0.1:8080/' --token [redacted] --api-key=[redacted] -H 'Authorization: [redacted]' -H 'Accept: text/html' '[redacted]' 'a b'");
  });

  it('shows paths without the machine\'s layout: relative to the scanned root, our tools by package path', () => {
    // Paths of some machine, built here so no test names a real one.
    const root = join(tmpdir(), 'pw-repo');
    const tools = join(tmpdir(), 'pw-ci', 'node_modules', '.pnpm', 'eslint@9', 'node_modules');
    const line = maskedCommandLine(process.execPath, [join(tools, 'eslint', 'bin', 'eslint.js'), '--output-file', join(tmpdir(), 'pw-run', 'raw', 'eslint.sarif'), `--config=${join(root, '.eslintrc')}`, join(root, 'src', 'a.js'), root], root);
    expect(line).toBe('node eslint/bin/eslint.js --output-file …/eslint.sarif --config=.eslintrc src/a.js .');
  });

  it('keeps the start of a very long file list and says how much it left out', () => {
    const line = maskedCommandLine('eslint', Array.from({ length: 1000 }, (_, i) => `src/file-${i}.js`));
    expect(line.length).toBeLessThan(2100);
    expect(line).toMatch(/^eslint src\/file-0\.js .* … \(\d+ more arguments\)$/);
  });
});
