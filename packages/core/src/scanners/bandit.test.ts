import { describe, expect, it } from 'vitest';
import { banditCaveat } from './bandit.js';

describe('banditCaveat: a Bandit that predates the Python it runs on misses checks', () => {
  it('flags Bandit 1.6.2 on Python 3.11 (no string constants) and 1.7.5 on 3.12', () => {
    expect(banditCaveat('1.6.2', '3.11.2')).toMatch(/Python 3\.11\.2.*before 1\.7\.0 sees no string constants/);
    expect(banditCaveat('1.7.5', '3.12.3')).toMatch(/Python 3\.12 is supported from Bandit 1\.7\.6/);
    expect(banditCaveat('1.8.6', '3.14.0')).toMatch(/1\.9\.2/);
  });

  it('says nothing when Bandit knows the Python, or the Python is unknown', () => {
    expect(banditCaveat('1.6.2', '3.7.7')).toBeUndefined();
    expect(banditCaveat('1.7.6', '3.12.1')).toBeUndefined();
    expect(banditCaveat('1.9.4', '3.14.0')).toBeUndefined();
    expect(banditCaveat('1.6.2', undefined)).toBeUndefined();
  });
});
