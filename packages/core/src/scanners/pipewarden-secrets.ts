import { z } from 'zod';
import { RunBuilder, fileLocation, logOf } from '../formats/toolkit.js';
import { PROP } from '../sarif/props.js';
import type { Log } from '../sarif/types.js';
import { findSecrets, type SecretHit } from '../secrets/detect.js';
import { readTextUnder } from '../secrets/line-reader.js';
import { syntaxOf } from '../secrets/syntax.js';
import { version } from '../version.js';
import { LOCKFILES } from './path-tool.js';
import type { Scanner } from './types.js';

const ID = 'pipewarden-secrets';
/** Larger files are data or generated: nobody assigns a secret by hand in them. */
const MAX_BYTES = 1024 * 1024;
const CONCURRENCY = 16;

// Tests and fixtures hold made-up credentials on purpose; reported, they drown the app's own. (When a team
// wants them, `include_tests: true` reports them, and the risk context ranks test paths lower.)
const TEST_PATH = /(?:^|\/)(?:test|tests|__tests__|__mocks__|spec|specs|fixtures?|testdata|test-data|e2e|cypress|mocks?)\/|\.(?:test|spec)\.[^/]+$|(?:^|\/)test_[^/]*\.py$|_test\.(?:py|go|rb)$|Tests?\.(?:java|kt|cs)$/i;
// Translations name a password field in every language: "Passwort" is a label, not a credential.
const TRANSLATIONS = /(?:^|\/)(?:i18n|l10n|locales?|lang|languages|translations?)\//i;

interface RuleSpec {
  id: string;
  short: string;
  help: string;
  score: number;
  precision: 'high' | 'medium';
  cwes: string[];
}

const RULES = {
  framework: {
    id: `${ID}/framework-session-secret`,
    short: "A framework's session or token signing secret is hardcoded",
    help: 'Whoever reads this secret can forge sessions, signed cookies or tokens for any user. Read it from the environment or a secret store, rotate it (every session signed with it is compromised) and remove it from the history.',
    score: 9.0,
    precision: 'high',
    cwes: ['CWE-798', 'CWE-321'],
  },
  crypto: {
    id: `${ID}/hardcoded-crypto-key`,
    short: 'A cryptographic key is hardcoded',
    help: 'A MAC or cipher key in the code protects nothing from whoever has the code. Load it from a secret store and rotate it.',
    score: 8.0,
    precision: 'high',
    cwes: ['CWE-798', 'CWE-321'],
  },
  secret: {
    id: `${ID}/generic-secret`,
    short: 'A secret, token or key is hardcoded',
    help: 'Read it from the environment or a secret store, revoke or rotate it, and remove it from the history.',
    score: 8.0,
    precision: 'medium',
    cwes: ['CWE-798'],
  },
  password: {
    id: `${ID}/hardcoded-password`,
    short: 'A password is hardcoded',
    help: 'Read it from the environment or a secret store, change the password, and remove it from the history.',
    score: 7.5,
    precision: 'medium',
    cwes: ['CWE-798', 'CWE-259'],
  },
} as const satisfies Record<string, RuleSpec>;

function ruleOf(hit: SecretHit): RuleSpec {
  if (hit.source === 'framework') return RULES.framework;
  if (hit.source === 'crypto') return RULES.crypto;
  return hit.kind === 'password' ? RULES.password : RULES.secret;
}

/** Names what holds the secret and never the value. */
function messageOf(hit: SecretHit): string {
  const what = hit.source === 'framework' ? `${hit.framework} secret` : hit.source === 'crypto' ? 'key' : hit.kind === 'password' ? 'password' : hit.kind;
  const where = hit.label?.startsWith('<') ? `in ${hit.label}` : hit.label ? `passed to ${hit.label.replace(/ \w+$/, '')}` : `assigned to "${hit.name}"`;
  return `Hardcoded ${what} ${where}${hit.fallback ? ' (the fallback when the environment variable is unset)' : ''}`;
}

async function scanFile(root: string, file: string): Promise<SecretHit[]> {
  const text = await readTextUnder(root, file, MAX_BYTES);
  return text === undefined ? [] : findSecrets(text, file);
}

/** Runs fn over the files, a few at a time, keeping their order. */
async function mapLimited<T>(files: readonly string[], fn: (file: string) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(files.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, async () => {
    while (next < files.length) {
      const index = next++;
      out[index] = await fn(files[index]!);
    }
  }));
  return out;
}

function toLog(files: readonly string[], found: readonly SecretHit[][]): Log {
  const run = new RunBuilder({ name: 'Pipewarden Secrets', version, informationUri: 'https://github.com/pipewarden/pipewarden/blob/main/docs/scanners.md#pipewarden-secrets' });
  for (const rule of Object.values(RULES)) run.rule({ ...rule, level: 'error', tags: ['secret'] });
  files.forEach((file, index) => {
    for (const hit of found[index]!) {
      const rule = ruleOf(hit);
      run.result({
        ruleId: rule.id,
        message: messageOf(hit),
        level: 'error',
        category: 'secrets',
        // The region covers the value (no snippet: the value never enters the log); identity hashes it.
        locations: [fileLocation(file, { startLine: hit.startLine, startColumn: hit.startColumn, endLine: hit.endLine, endColumn: hit.endColumn })],
        secret: hit.value,
        cwes: rule.cwes,
        properties: { [PROP.entropy]: hit.entropy, ...(hit.framework ? { [PROP.framework]: hit.framework } : {}) },
      });
    }
  });
  return logOf(run.build());
}

/**
 * Pipewarden's own generic secrets check (docs/scanners.md#pipewarden-secrets): string literals assigned to
 * secret-like names, handed to a framework's session or token signing, or to an HMAC or cipher, in code and
 * configuration. Provider tokens with a fixed prefix are left to secretlint and Gitleaks, which name the provider.
 */
export const pipewardenSecrets: Scanner = {
  kind: 'analyzer',
  id: ID,
  title: 'Pipewarden secrets (hardcoded passwords, keys and framework session secrets)',
  category: 'secrets',
  stages: ['precommit', 'commit'],
  format: 'sarif',
  timeoutMs: 5 * 60_000,
  installHint: 'built in',
  fileList: true,
  cost: 1,
  options: z.strictObject({ include_tests: z.boolean().default(false).describe('Also report tests and fixtures (skipped by default).') }),
  detect: async () => ({ available: true, version }),
  select: (files) => files.filter((file) => syntaxOf(file) !== undefined && !LOCKFILES.test(file.slice(file.lastIndexOf('/') + 1))),
  async analyze(target) {
    const tests = target.options.include_tests === true;
    const files = target.files.filter((file) => (tests || !TEST_PATH.test(file)) && !TRANSLATIONS.test(file));
    const found = await mapLimited(files, (file) => scanFile(target.root, file));
    return toLog(files, found);
  },
};
