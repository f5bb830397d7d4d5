import { describe, expect, it } from 'vitest';
import { scoreVector } from './cvss.js';

// Vectors and base scores from FIRST's specification examples (CVSS v2 guide, v3.1 examples, v4.0 examples).
const FIRST_EXAMPLES: [string, string, number][] = [
  ['v2 CVE-2002-0392 (Apache chunked encoding)', 'AV:N/AC:L/Au:N/C:N/I:N/A:C', 7.8],
  ['v2 CVE-2003-0818 (Microsoft ASN.1)', 'AV:N/AC:L/Au:N/C:C/I:C/A:C', 10.0],
  ['v2 CVE-2003-0062 (NOD32)', 'AV:L/AC:H/Au:N/C:C/I:C/A:C', 6.2],
  ['v3.1 CVE-2013-1937 (phpMyAdmin reflected XSS)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['v3.1 CVE-2014-0160 (Heartbleed)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['v3.1 CVE-2014-6271 (Shellshock)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['v3.1 CVE-2012-1516 (VMware guest to host)', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['v3.1 CVE-2014-3566 (POODLE)', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['v3.1 CVE-2009-0783 (Tomcat)', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
  ['v3.1 CVE-2012-0384 (Cisco IOS)', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['v3.0 CVE-2014-3566 (POODLE)', 'CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['v4.0 network, no interaction, high impact', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
  ['v4.0 CVE-2022-41741 (nginx mp4)', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5],
];

describe('CVSS scoring', () => {
  for (const [name, vector, score] of FIRST_EXAMPLES) {
    it(`${name}: ${score}`, async () => {
      expect((await scoreVector(vector))?.score).toBe(score);
    });
  }

  it('reads the version and refuses what is not a vector', async () => {
    expect((await scoreVector('(AV:N/AC:L/Au:N/C:C/I:C/A:C)'))?.version).toBe('2.0');
    expect(await scoreVector('CVSS:3.1/AV:Q/AC:L')).toBeUndefined();
    expect(await scoreVector('high')).toBeUndefined();
    expect(await scoreVector('')).toBeUndefined();
  });
});
