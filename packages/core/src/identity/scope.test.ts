import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff } from './scope.js';

describe('parseUnifiedDiff', () => {
  it('finds added lines and hunks per new path, renames and deletions included', () => {
    const diff = [
      'diff --git a/src/a.js b/src/a.js',
      'index 1..2 100644',
      '--- a/src/a.js',
      '+++ b/src/a.js',
      '@@ -1,3 +1,4 @@',
      ' const a = 1;',
      '+eval(x);',
      ' const b = 2;',
      '-const c = 3;',
      '+const c = 4;',
      'diff --git a/old.js b/new name.js',
      'similarity index 90%',
      'rename from old.js',
      'rename to new name.js',
      '--- a/old.js',
      '+++ b/new name.js',
      '@@ -10 +10 @@',
      '-x',
      '+y',
      'diff --git a/gone.js b/gone.js',
      '--- a/gone.js',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
    ].join('\n');
    const files = parseUnifiedDiff(diff);
    expect([...files.keys()]).toEqual(['src/a.js', 'new name.js']);
    expect([...files.get('src/a.js')!.added]).toEqual([2, 4]);
    expect(files.get('src/a.js')!.hunks).toEqual([[1, 4]]);
    expect([...files.get('new name.js')!.added]).toEqual([10]);
  });
});
