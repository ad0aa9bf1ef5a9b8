import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

/**
 * Opens (or creates) the database at `file` — ':memory:' for tests — with the settings the
 * console relies on, and applies the committed migrations.
 */
export function openDb(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/** Runs `fn` in one SQLite transaction; `fn` must be synchronous (better-sqlite3). */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db))();
}
