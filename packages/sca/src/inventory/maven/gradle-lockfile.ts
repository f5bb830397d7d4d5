import type { ManifestFile, Package } from '../../types.js';
import { makePackage, ManifestError, type ManifestParser } from '../common/model.js';

/** Which configurations a locked module is in decides its scope. */
function scopeOf(configurations: string[]): Package['scope'] {
  const main = configurations.filter((c) => !/^test|Test[A-Z]|^androidTest|^testFixtures/.test(c));
  if (main.length === 0) return configurations.length ? 'test' : 'unknown';
  if (main.some((c) => /(?:runtime|Runtime)Classpath$|^default$|^runtimeElements$/.test(c))) return 'runtime';
  if (main.every((c) => /annotationProcessor|kapt|compileOnly|compileClasspath|detekt|ktlint|lint/i.test(c))) return 'provided';
  return 'runtime';
}

function readGradleLockfile(file: ManifestFile): Package[] {
  // Gradle before 6 kept one file per configuration, named after it, without "=configurations"
  const legacyConfiguration = /(?:^|\/)gradle\/dependency-locks\/([^/]+)\.lockfile$/.exec(file.path)?.[1];
  const out: Package[] = [];
  const lines = file.text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] ?? '').trim();
    if (l === '' || l.startsWith('#') || l.startsWith('empty=')) continue;
    const m = /^([^:=\s]+):([^:=\s]+):([^:=\s]+)(?::[^=\s]+)?(?:=(.*))?$/.exec(l);
    if (!m) throw new ManifestError(`line ${i + 1}: not a "group:artifact:version=configurations" entry`);
    out.push(
      makePackage({
        ecosystem: 'Maven',
        name: `${m[1]}:${m[2]}`,
        version: m[3] ?? '',
        // the lockfile is flat: it does not say which modules the build script asked for
        direct: false,
        scope: scopeOf((m[4] ?? legacyConfiguration ?? '').split(',').filter(Boolean)),
        location: { file: file.path, line: i + 1 },
        manifest: file.path,
      }),
    );
  }
  return out;
}

export const gradleLockfile: ManifestParser = {
  kind: 'gradle.lockfile',
  ecosystem: 'Maven',
  parse: readGradleLockfile,
};
