import type pg from 'pg';
import type { Db } from './sql.js';

/** `?` placeholders to PostgreSQL's `$1`, `$2`… (our SQL has no `?` inside strings). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** A PostgreSQL server shared by many repositories' pipelines; one connection is all a CLI run needs. */
export async function openPostgres({ Client }: typeof pg, url: string): Promise<Db> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'pipewarden' });
  // An idle connection dropped by the server would otherwise be an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  return {
    kind: 'postgres',
    async all<T extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      return (await client.query<T>(numbered(sql), [...params])).rows;
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), [...params])).rowCount ?? 0;
    },
    async transaction(work) {
      await client.query('BEGIN');
      try {
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}
