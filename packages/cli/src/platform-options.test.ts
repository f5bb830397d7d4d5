import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { SCAN_INPUTS, inputName, type InputPlatform, type ScanInput } from '@pipewarden/core';
import { repoRoot } from '../../../test-support/shared.js';
import { SCAN_FLAGS, scanOptionsSchema } from './options.js';

// One option schema, four platforms: every option of SCAN_INPUTS is offered by each platform under its
// naming, with the same default and type, unless the option says why that platform lacks it; and every
// input a platform has is either a scan option or one the platform alone needs (how it runs, not what is scanned).

/** What a platform declares for one input: its default and how it is typed there. */
interface Declared {
  default: unknown;
  kind: 'string' | 'boolean' | 'number' | 'list';
  values?: readonly unknown[];
}

const PLATFORM_ONLY: Record<InputPlatform, readonly string[]> = {
  cli: ['quiet', 'json', 'no-history'],
  action: ['token', 'upload-sarif', 'upload-wait', 'pull-request', 'attest', 'attest-key'],
  gitlab: ['stage', 'job_name', 'node_image', 'command', 'install'],
  jenkins: ['command', 'unstableOnFailure', 'qualityGates', 'publish', 'credentialsId', 'gitlabUrl', 'gitlabProject', 'githubRepository', 'githubApiUrl', 'jiraEmail'],
};

async function actionInputs(): Promise<Record<string, Declared>> {
  const action = parse(await readFile(join(repoRoot, 'packages', 'github-action', 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> };
  // Every Action input is a string; its default says what it holds.
  return Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, { default: input.default, kind: /^(true|false)$/.test(input.default) ? 'boolean' : /^\d+$/.test(input.default) ? 'number' : 'string' }]));
}

async function gitlabInputs(): Promise<Record<string, Declared>> {
  const [header] = parseAllDocuments(await readFile(join(repoRoot, 'packages', 'gitlab', 'templates', 'scan.yml'), 'utf8')).map((d) => d.toJSON() as { spec: { inputs: Record<string, { default?: unknown; type?: string; options?: unknown[] }> } });
  return Object.fromEntries(Object.entries(header!.spec.inputs).map(([name, input]) => [name, { default: input.default, kind: (input.type as Declared['kind'] | undefined) ?? 'string', ...(input.options ? { values: input.options } : {}) }]));
}

/** The Groovy maps DEFAULTS and JENKINS_DEFAULTS, read as literals (strings, booleans, integers, lists). */
async function jenkinsInputs(): Promise<Record<string, Declared>> {
  const groovy = await readFile(join(repoRoot, 'packages', 'jenkins', 'vars', 'pipewardenScan.groovy'), 'utf8');
  const out: Record<string, Declared> = {};
  for (const map of groovy.matchAll(/static final Map \w+ = \[\n([\s\S]*?)\n\]/g)) {
    for (const [, name, value] of map[1]!.matchAll(/^\s*(\w+)\s*:\s*(.+?),?\s*$/gm)) {
      const v = value!.trim();
      out[name!] = v.startsWith("'")
        ? { default: v.slice(1, -1), kind: 'string' }
        : v === 'true' || v === 'false'
          ? { default: v === 'true', kind: 'boolean' }
          : v.startsWith('[')
            ? { default: '', kind: 'list' }
            : { default: Number(v), kind: 'number' };
    }
  }
  return out;
}

/** The CLI's flags with the defaults its option schema gives them. */
function cliInputs(): Record<string, Declared> {
  const defaults = scanOptionsSchema.parse({ dir: '.' }) as Record<string, unknown>;
  const out: Record<string, Declared> = { DIR: { default: '.', kind: 'string' } };
  for (const [name, flag] of Object.entries(SCAN_FLAGS)) {
    const kind = 'multiple' in flag ? 'list' : flag.type === 'boolean' ? 'boolean' : 'string';
    const value = defaults[name];
    out[`--${name}`] = { default: value === undefined || (Array.isArray(value) && !value.length) ? '' : value, kind };
  }
  return out;
}

/** Whether a platform's declaration matches the option: the same default, and a type that carries it. */
function agrees(option: ScanInput, declared: Declared, platform: InputPlatform, name: string): string | undefined {
  const inverted = platform === 'cli' && name === '--no-note';
  const expected = inverted ? !option.default : option.default;
  const shown = platform === 'action' ? String(expected) : expected;
  // The CLI takes numbers as strings and checks them; a platform with only strings shows the default as text.
  const same = declared.default === shown || (platform === 'cli' && String(declared.default) === String(expected)) || (option.kind === 'list' && declared.default === '');
  if (!same) return `default ${JSON.stringify(declared.default)}, expected ${JSON.stringify(shown)}`;
  const kinds: Record<ScanInput['kind'], readonly Declared['kind'][]> = { string: ['string'], enum: ['string'], list: platform === 'jenkins' || platform === 'cli' ? ['list'] : ['string'], boolean: ['boolean'], number: platform === 'cli' ? ['string'] : ['number'] };
  if (!kinds[option.kind].includes(declared.kind)) return `typed ${declared.kind}, expected ${kinds[option.kind].join(' or ')}`;
  if (option.values && declared.values && !declared.values.every((v) => option.values!.includes(String(v)))) return `offers ${declared.values.join(', ')}, not all of which are ${option.values.join(', ')}`;
  return undefined;
}

describe('one scan option schema on every platform', () => {
  it.each(['cli', 'action', 'gitlab', 'jenkins'] as const)('%s offers every scan option with its default and type, and nothing else but what only it needs', async (platform) => {
    const declared = platform === 'cli' ? cliInputs() : platform === 'action' ? await actionInputs() : platform === 'gitlab' ? await gitlabInputs() : await jenkinsInputs();
    const problems: string[] = [];
    const claimed = new Set<string>();
    for (const [option, spec] of Object.entries(SCAN_INPUTS)) {
      const name = inputName(option, platform);
      if (spec.absent?.[platform]) {
        if (declared[name]) problems.push(`${name}: declared, though SCAN_INPUTS says ${platform} lacks it (${spec.absent[platform]})`);
        continue;
      }
      claimed.add(name);
      if (!declared[name]) problems.push(`${name}: missing (the scan option ${option})`);
      else {
        const problem = agrees(spec, declared[name]!, platform, name);
        if (problem) problems.push(`${name}: ${problem}`);
      }
    }
    const extra = Object.keys(declared).filter((name) => !claimed.has(name) && !PLATFORM_ONLY[platform].includes(platform === 'cli' ? name.replace(/^--/, '') : name));
    for (const name of extra) problems.push(`${name}: not a scan option of SCAN_INPUTS (add it there, or to this platform's own list)`);
    expect(problems).toEqual([]);
  });
});
