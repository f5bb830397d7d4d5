import { ensureDir, kindOf } from '@pipewarden/core';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from './sql.js';

/** One file, no server: the default store. WAL and a busy timeout let parallel CI jobs on one disk share it. */
export function openSqlite(Database: typeof BetterSqlite3, file: string): Db {
  ensureDir(dirname(file));
  // SQLite would open a FIFO or a device and wait on it: only a regular file (or none yet) is a store.
  const info = statSync(file, { throwIfNoEntry: false });
  if (info && !info.isFile()) throw new Error(`is not a regular file (${kindOf(info)})`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  return {
    kind: 'sqlite',
    async all<T extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      return db.prepare(sql).all(...params) as T[];
    },
    async run(sql, params = []) {
      return db.prepare(sql).run(...params).changes;
    },
    async transaction(work) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async close() {
      db.close();
    },
  };
}
