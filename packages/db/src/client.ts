import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

/** The database and the files SQLite keeps beside it. */
const companions = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

/**
 * Runs `open` with the process's umask at 077, so files created meanwhile are their owner's only.
 * A worker thread may not change the umask; there the explicit modes below still hold.
 */
function privately<T>(open: () => T): T {
  let previous: number | undefined;
  try {
    previous = process.umask(0o077);
  } catch {
    previous = undefined;
  }
  try {
    return open();
  } finally {
    if (previous !== undefined) process.umask(previous);
  }
}

/**
 * Opens (or creates) the database at `file` — ':memory:' for tests — with the settings the
 * console relies on, and applies the committed migrations.
 *
 * The file holds password and token hashes: it, its WAL and its shared-memory file are readable
 * by their owner only (0600), created so and tightened at every start. SQLite gives the WAL and
 * SHM files the database file's mode when it creates them.
 *
 * synchronous = FULL: in WAL mode every commit waits for the WAL to reach the disk, so an
 * acknowledged change (and its audit entry) survives a power cut, not only a killed process.
 * `pnpm bench` prints what it costs per command (README › Security).
 */
export function openDb(file: string): Db {
  const onDisk = file !== ':memory:' && !file.startsWith('file:');
  const sqlite = privately(() => {
    if (onDisk) closeSync(openSync(file, 'a', 0o600));
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    return db;
  });
  if (onDisk) for (const f of companions(file)) if (existsSync(f)) chmodSync(f, 0o600);
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS });
  return db;
}

/**
 * A second, read-only connection to the same file, for the lists: it sees only committed rows,
 * so a page asked for while a long clock advance is being written shows the estate before it,
 * as the in-memory estate does until the commit. For ':memory:' (tests) it is the same connection.
 */
export function openReader(db: Db, file: string): Db {
  if (file === ':memory:' || file.startsWith('file:')) return db;
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * The data folder, created or tightened so only its owner may enter it (0700). A shared folder
 * with the sticky bit (such as /tmp) is left as it is: false, and the caller says so.
 */
export function privateDataFolder(dir: string): boolean {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((statSync(dir).mode & 0o1000) !== 0) return false;
  chmodSync(dir, 0o700);
  return true;
}

/** Runs `fn` in one SQLite transaction; `fn` must be synchronous (better-sqlite3). */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.$client.transaction(() => fn(db))();
}
