import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';
import { parseXml } from './xml.js';

describe('Maven', () => {
  const files = fixtureFiles('maven/multi');
  const parent = files.find((f) => f.path === 'pom.xml')!;
  const app = files.find((f) => f.path === 'app/pom.xml')!;

  it('reads log4j-core through a property of the POM', () => {
    expect(manifestKind('app/pom.xml')).toBe('pom.xml');
    const { packages } = readInventory([parent]);
    expect(find(packages, 'org.apache.logging.log4j:log4j-core')).toMatchObject({
      version: '2.14.1',
      declared: '${log4j2.version}',
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
      direct: true,
      scope: 'runtime',
      location: { file: 'pom.xml', line: countDependencyLine(parent.text, 'log4j-core') },
    });
  });

  it('resolves versions through the parent POM in the repository: properties, dependencyManagement, scopes', () => {
    const { packages, problems, notes } = readInventory(files);
    expect(find(packages, 'com.fasterxml.jackson.core:jackson-databind')).toMatchObject({ version: '2.9.8', manifest: 'lib/pom.xml' });
    expect(find(packages, 'org.springframework:spring-web')).toMatchObject({ version: '5.2.0.RELEASE', manifest: 'app/pom.xml' });
    expect(find(packages, 'org.apache.commons:commons-text')).toMatchObject({ version: '1.9' });
    expect(find(packages, 'junit:junit')).toMatchObject({ version: '4.12', scope: 'test' });
    expect(find(packages, 'javax.servlet:javax.servlet-api')).toMatchObject({ scope: 'provided' });
    expect(find(packages, 'org.yaml:snakeyaml')).toMatchObject({ version: '1.26', unresolved: true, scope: 'optional', declared: '[1.26,2.0)' });
    expect(find(packages, 'com.acme.internal:metrics')).toMatchObject({ version: '', unresolved: true });
    expect(notes).toEqual([{ file: 'app/pom.xml', message: expect.stringMatching(/com\.acme\.internal:metrics \(\$\{metrics\.version\}\) is not resolved/) }]);
    expect(problems).toEqual([]);
    // the repository's own module is built, not fetched
    expect(packages.some((p) => p.name.endsWith(':shop-lib'))).toBe(false);
    expect(find(packages, 'org.apache.commons:commons-text').location).toEqual({ file: 'app/pom.xml', line: countDependencyLine(app.text, 'commons-text') });
  });

  it('says so when the parent is not in the repository', () => {
    const { packages, problems, notes } = readInventory([app]);
    expect(find(packages, 'org.springframework:spring-web')).toMatchObject({ version: '', unresolved: true });
    expect(problems).toEqual([]);
    expect(notes[0]?.message).toMatch(/parent com\.acme\.shop:shop-parent:1\.3\.0-SNAPSHOT is not in the repository/);
  });

  it('never expands declared entities and refuses truncated or over-deep XML', () => {
    const root = parseXml(app.text);
    expect(JSON.stringify(root)).not.toContain('lollol');
    const { problems, notes } = readInventory([
      { path: 'a/pom.xml', text: parent.text.slice(0, 400) },
      { path: 'b/pom.xml', text: '<project>' + '<x>'.repeat(300) + '</x>'.repeat(300) + '</project>' },
      { path: 'c/pom.xml', text: '<notaproject/>' },
    ]);
    expect(problems.map((p) => p.file)).toEqual(['a/pom.xml', 'b/pom.xml', 'c/pom.xml']);
    expect(problems[1]?.message).toMatch(/nested deeper than 256/);
    expect(notes).toEqual([]);
  });

  it('reads gradle.lockfile with scopes from its configurations', () => {
    const lock = fixtureFiles('maven/gradle');
    const { packages } = readInventory(lock);
    expect(manifestKind('gradle.lockfile')).toBe('gradle.lockfile');
    expect(find(packages, 'com.fasterxml.jackson.core:jackson-databind')).toMatchObject({
      version: '2.9.8',
      scope: 'runtime',
      location: { file: 'gradle.lockfile', line: lineOf(lock[0]!.text, 'jackson-databind') },
    });
    expect(find(packages, 'junit:junit').scope).toBe('test');
    expect(find(packages, 'org.projectlombok:lombok').scope).toBe('provided');
    expect(packages).toHaveLength(4);
  });

  it('reads the per-configuration lockfiles of Gradle before 6', () => {
    const path = 'gradle/dependency-locks/testRuntimeClasspath.lockfile';
    expect(manifestKind(path)).toBe('gradle.lockfile');
    const { packages } = readInventory([{ path, text: '# comment\njunit:junit:4.12\norg.hamcrest:hamcrest-core:1.3\n' }]);
    expect(packages.map((p) => [p.name, p.version, p.scope, p.location.line])).toEqual([
      ['junit:junit', '4.12', 'test', 2],
      ['org.hamcrest:hamcrest-core', '1.3', 'test', 3],
    ]);
  });

  it('reads build.gradle and build.gradle.kts: string, map and catalog notations, script variables', () => {
    const files = fixtureFiles('maven/gradle-build');
    const groovy = files.find((f) => f.path === 'build.gradle')!;
    const { packages, manifests, problems, notes } = readInventory(files);
    expect(manifests.map((m) => m.file)).toEqual(['app/build.gradle.kts', 'build.gradle']);
    const of = (file: string) => packages.filter((p) => p.manifest === file).map((p) => [p.name, p.version, p.scope, p.unresolved ?? false]);
    expect(of('build.gradle')).toEqual([
      ['org.springframework.boot:spring-boot-starter-web', '', 'runtime', true],
      ['org.apache.logging.log4j:log4j-core', '2.14.1', 'runtime', false],
      ['com.fasterxml.jackson.core:jackson-databind', '2.9.8', 'runtime', false],
      ['org.projectlombok:lombok', '1.18.20', 'provided', false],
      ['com.h2database:h2', '1.4.200', 'runtime', false],
      ['junit:junit', '4.12', 'test', false],
      ['org.acme:unknown', '', 'runtime', true],
    ]);
    expect(find(packages, 'org.apache.logging.log4j:log4j-core')).toMatchObject({
      declared: '2.14.1',
      location: { file: 'build.gradle', line: lineOf(groovy.text, 'log4j-core') },
      purl: 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
    });
    expect(of('app/build.gradle.kts')).toEqual([
      ['org.apache.commons:commons-text', '1.9', 'runtime', false],
      ['com.squareup.okhttp3:okhttp', '3.12.0', 'runtime', false],
      ['org.yaml:snakeyaml', '1.26', 'runtime', false],
      ['org.junit.jupiter:junit-jupiter', '5.7.0', 'test', false],
    ]);
    expect(problems).toEqual([]);
    expect(notes.map((p) => `${p.file} ${p.message}`)).toEqual([
      expect.stringMatching(/^app\/build\.gradle\.kts line 12: libs\.not\.there is not in a version catalog/),
      expect.stringMatching(/^build\.gradle line 25: the version of org\.acme:unknown \(\$\{notDefined\}\) is not resolved/),
    ]);
  });

  it('reads a version catalog alone when no build script is given', () => {
    const catalog = fixtureFiles('maven/gradle-build').filter((f) => f.path.endsWith('.toml'));
    const { packages } = readInventory(catalog);
    expect(packages.map((p) => [p.name, p.version, p.unresolved ?? false])).toEqual([
      ['org.apache.commons:commons-text', '1.9', false],
      ['com.squareup.okhttp3:okhttp', '3.12.0', false],
      ['org.junit.jupiter:junit-jupiter', '5.7.0', false],
      ['com.google.guava:guava', '29.0-jre', true],
    ]);
  });
});

/** The line of the <dependency> element whose artifactId is given. */
function countDependencyLine(text: string, artifactId: string): number {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes(`<artifactId>${artifactId}</artifactId>`));
  for (let i = at; i >= 0; i--) if (lines[i]!.includes('<dependency>')) return i + 1;
  throw new Error('no dependency element');
}
