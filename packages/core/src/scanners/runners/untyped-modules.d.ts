// The few tools the runners load that ship no types of their own: only what the runners use.
declare module 'espree' {
  export const latestEcmaVersion: number;
  export function parse(code: string, options: Record<string, unknown>): unknown;
}

declare module 'eslint-scope' {
  export function analyze(ast: unknown, options: Record<string, unknown>): unknown;
}

declare module 'eslint-plugin-security' {
  const plugin: { rules: Record<string, unknown>; meta?: { name?: string; version?: string } };
  export default plugin;
}

declare module '@microsoft/eslint-formatter-sarif' {
  const format: (results: unknown[], data: { cwd: string; rulesMeta: Record<string, unknown> }) => string;
  export default format;
}

declare module 'lockfile-lint/bin/lockfile-lint.js';

/** @cyclonedx/cyclonedx-npm's dist/cli.js, which its exports map hides (core's tsup.config.ts points this name at it). */
declare module 'cyclonedx-npm-cli' {
  export function run(process: NodeJS.Process): Promise<number>;
}
