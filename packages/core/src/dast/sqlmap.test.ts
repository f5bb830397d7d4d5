import { describe, expect, it } from 'vitest';
import type { Log } from '../sarif/types.js';
import { applyConfirmations, readSqlmapOutput } from './sqlmap.js';

// sqlmap 1.7.2 (Debian's) as it ends a run that found an injection point, and one that did not.
const FOUND = `sqlmap identified the following injection point(s) with a total of 32 HTTP(s) requests:
---
Parameter: id (GET)
    Type: boolean-based blind
    Title: AND boolean-based blind - WHERE or HAVING clause
    Payload: id=1 AND 4021=4021

    Type: UNION query
    Title: Generic UNION query (NULL) - 3 columns
    Payload: id=1 UNION ALL SELECT NULL,NULL,NULL-- -
---
[02:16:17] [INFO] the back-end DBMS is SQLite
back-end DBMS: SQLite
`;
const NOT_FOUND = "[02:16:21] [CRITICAL] all tested parameters do not appear to be injectable. Try to increase values for '--level'/'--risk' options if you wish to perform more tests. Rerun without providing the option '--technique'.\n";

describe('sqlmap confirms SQL injection candidates', () => {
  it('reads the techniques, the DBMS and the requests of the injection point', () => {
    expect(readSqlmapOutput(FOUND, 'id')).toEqual({ confirmed: true, techniques: ['boolean-based blind', 'UNION query'], dbms: 'SQLite', requests: 32 });
    expect(readSqlmapOutput(FOUND, 'name')).toMatchObject({ confirmed: false });
    expect(readSqlmapOutput(NOT_FOUND, 'id')).toEqual({ confirmed: false, techniques: [], detail: "all tested parameters do not appear to be injectable. Try to increase values for '--level'/'--risk' options if you wish to perform more tests." });
  });

  it('a confirmed finding gets the evidence and high confidence; an unconfirmed one is kept with low confidence', () => {
    const result = (url: string) => ({ ruleId: 'wapiti/sql-injection', message: { text: 'SQL Injection' }, properties: { 'pipewarden/dast': { url, method: 'GET', parameter: 'id' } } });
    const log: Log = { version: '2.1.0', runs: [{ tool: { driver: { name: 'Wapiti' } }, results: [result('http://127.0.0.1:3000/item?id=1'), result('http://127.0.0.1:3000/other?id=1')] }] };
    applyConfirmations(log, [
      { path: '/item', parameter: 'id', confirmed: true, techniques: ['UNION query'], dbms: 'SQLite' },
      { path: '/other', parameter: 'id', confirmed: false, techniques: [], detail: 'sqlmap found no injection' },
    ]);
    const [confirmed, unconfirmed] = log.runs[0]!.results!;
    expect(confirmed!.message.text).toBe('SQL Injection (confirmed by sqlmap: UNION query, SQLite)');
    expect(confirmed!.properties).toMatchObject({ 'pipewarden/confidence': 'high', precision: 'very-high', 'pipewarden/dast': { confirmation: { tool: 'sqlmap', confirmed: true, techniques: ['UNION query'], dbms: 'SQLite' } } });
    expect(unconfirmed!.message.text).toBe('SQL Injection (not confirmed by sqlmap)');
    expect(unconfirmed!.properties).toMatchObject({ 'pipewarden/confidence': 'low', precision: 'low' });
  });
});
