import type { Package } from '../../types.js';
import { coveringLockfile, declaredPackage, dirOf, type ManifestParser } from '../common/model.js';
import { lowestGradle } from './gradle-versions.js';
import { catalogFor } from './version-catalog.js';

const CONFIGURATIONS: [RegExp, Package['scope']][] = [
  [/^(?:test|androidTest|integrationTest|testFixtures)\w*$/, 'test'],
  [/^(?:compileOnly|annotationProcessor|kapt|ksp|compileOnlyApi)$/, 'provided'],
  [/^(?:classpath|detekt\w*|ktlint\w*|lintChecks)$/, 'dev'],
  [/^(?:implementation|api|compile|runtime|runtimeOnly|runtimeClasspath|\w+Implementation|\w+Api|\w+RuntimeOnly)$/, 'runtime'],
];

function scopeOf(configuration: string): Package['scope'] | undefined {
  return CONFIGURATIONS.find(([pattern]) => pattern.test(configuration))?.[1];
}

/** `x = '1.0'`, `def x = "1.0"`, `val x = "1.0"`, `ext.x = '1.0'`, `set("x", "1.0")`: the script's own version variables. */
function variables(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/(?:^|[\s;{])(?:def\s+|val\s+|var\s+|ext\.|extra\[")?([A-Za-z_][\w.]*)"?\]?\s*=\s*['"]([^'"$\n]+)['"]/gm)) {
    out.set(m[1] ?? '', m[2] ?? '');
  }
  for (const m of text.matchAll(/set\(\s*["']([\w.]+)["']\s*,\s*["']([^'"$\n]+)["']\s*\)/g)) out.set(m[1] ?? '', m[2] ?? '');
  return out;
}

function expand(value: string, vars: Map<string, string>): string {
  return value.replace(/\$\{?([A-Za-z_][\w.]*)\}?/g, (all, name: string) => vars.get(name) ?? vars.get(name.replace(/^(?:project\.|rootProject\.|ext\.)/, '')) ?? all);
}

/**
 * build.gradle and build.gradle.kts read as text (no Gradle is run): dependencies in
 * string ("g:a:v"), map (group:, name:, version:) and version catalog (libs.x.y) notation.
 */
export const buildGradle: ManifestParser = {
  kind: 'build.gradle',
  ecosystem: 'Maven',
  supersededBy: (file, ctx) => coveringLockfile(file, ctx, ['gradle.lockfile']),
  parse(file, ctx) {
    const vars = variables(file.text);
    const catalog = catalogFor(ctx, dirOf(file.path));
    const lines = file.text.split(/\r?\n/);
    const out: Package[] = [];
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').replace(/\/\/.*$/, '');
      const m = /^\s*([A-Za-z]\w*)\s*\(?\s*(.*)$/.exec(line);
      const scope = m ? scopeOf(m[1] ?? '') : undefined;
      if (!m || !scope) continue;
      const args = m[2] ?? '';
      if (/^(?:platform|enforcedPlatform|project|files|fileTree|gradleApi|kotlin\()/.test(args)) continue;
      const location = { file: file.path, line: i + 1 };
      const str = /^["']([^"':]+):([^"':]+)(?::([^"'@:]+))?(?::[^"'@]+)?(?:@\w+)?["']/.exec(args);
      const map = /group\s*[:=]\s*["']([^"']+)["']\s*,\s*name\s*[:=]\s*["']([^"']+)["'](?:\s*,\s*version\s*[:=]\s*["']([^"']+)["'])?/.exec(args);
      const alias = /^libs\.([\w.]+?)(?:\.get\(\))?\s*\)?\s*(?:\{|$)/.exec(args.trim());
      let name: string | undefined;
      let spec = '';
      if (str ?? map) {
        const hit = (str ?? map) as RegExpExecArray;
        name = `${expand(hit[1] ?? '', vars)}:${expand(hit[2] ?? '', vars)}`;
        spec = expand(hit[3] ?? '', vars);
      } else if (alias) {
        const lib = catalog.get((alias[1] ?? '').toLowerCase());
        if (!lib) {
          ctx.note(`line ${i + 1}: libs.${alias[1]} is not in a version catalog among the files scanned`);
          continue;
        }
        name = lib.module;
        spec = lib.version;
      }
      if (!name) continue;
      if (spec.includes('$')) ctx.note(`line ${i + 1}: the version of ${name} (${spec}) is not resolved`);
      out.push(declaredPackage('Maven', file, { name, ...lowestGradle(spec), scope, location, spec }));
    }
    return out;
  },
};
