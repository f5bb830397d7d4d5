import { describe, expect, it } from 'vitest';
import { find, fixtureFiles, lineOf } from '../fixtures.js';
import { manifestKind, readInventory } from '../index.js';

describe('go.mod', () => {
  const files = fixtureFiles('go');
  const text = files[0]!.text;

  it('reads require blocks and lines, indirect marks, pseudo-versions as written', () => {
    expect(manifestKind('svc/go.mod')).toBe('go.mod');
    const { packages } = readInventory(files);
    expect(find(packages, 'github.com/gin-gonic/gin')).toMatchObject({
      version: 'v1.6.3',
      direct: true,
      scope: 'runtime',
      purl: 'pkg:golang/github.com/gin-gonic/gin@v1.6.3',
      location: { file: 'go.mod', line: lineOf(text, 'gin-gonic/gin v1.6.3') },
    });
    expect(find(packages, 'github.com/dgrijalva/jwt-go')).toMatchObject({
      version: 'v3.2.0+incompatible',
      purl: 'pkg:golang/github.com/dgrijalva/jwt-go@v3.2.0%2Bincompatible',
    });
    expect(find(packages, 'gopkg.in/yaml.v2')).toMatchObject({ version: 'v2.2.8', direct: false });
    expect(find(packages, 'github.com/sirupsen/logrus')).toMatchObject({ direct: true, location: { line: lineOf(text, 'require github.com/sirupsen/logrus') } });
  });

  it('applies replace directives: a fork or a version is what is built; a local folder is skipped with a note', () => {
    const { packages, problems, notes } = readInventory(files);
    expect(packages.some((p) => p.name === 'github.com/acme/shared')).toBe(false);
    expect(notes).toEqual([{ file: 'go.mod', message: expect.stringContaining('github.com/acme/shared is replaced by the folder ../shared') }]);
    expect(problems).toEqual([]);
    expect(find(packages, 'github.com/gorilla/websocket')).toMatchObject({ version: 'v1.4.2', direct: false });
    expect(find(packages, 'github.com/golang/crypto')).toMatchObject({
      version: 'v0.0.0-20210921155107-089bfa567519',
      location: { line: lineOf(text, 'golang.org/x/crypto v0.0.0-20200622213623') },
    });
    expect(packages).toHaveLength(6);
  });

  it('reports an unclosed block as a problem', () => {
    const { problems, notes } = readInventory([{ path: 'go.mod', text: 'module x\nrequire (\n\ta v1.0.0\n' }]);
    expect(problems).toEqual([{ file: 'go.mod', message: 'the require block is not closed' }]);
    expect(notes).toEqual([]);
  });
});
