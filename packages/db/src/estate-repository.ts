import { eq } from 'drizzle-orm';
import type { Change } from '@dpm/domain/command';
import type { Estate } from '@dpm/domain/model';
import { ENTITY_NAMES, emptyEstate } from '@dpm/domain/model';
import type { Db } from './client';
import { entityTables, meta } from './schema';

/** Rows of the entity tables are domain objects (see schema.ts); JSON columns round-trip. */
export function loadEstate(db: Db): Estate {
  const estate = emptyEstate();
  for (const name of ENTITY_NAMES) {
    const rows = db.select().from(entityTables[name]).all() as { id: string }[];
    const table = estate[name] as Record<string, unknown>;
    for (const row of rows) table[row.id] = row;
  }
  return estate;
}

const CHUNK = 500;

/** Writes the changes of one command. Call inside the command's transaction. */
export function persistChanges(db: Db, changes: readonly Change[]): void {
  for (const c of changes) {
    const table = entityTables[c.entity];
    if (c.op === 'put') {
      const value = c.value as { id: string };
      db.insert(table).values(value as never).onConflictDoUpdate({ target: table.id, set: value as never }).run();
    } else {
      db.delete(table).where(eq(table.id, c.id)).run();
    }
  }
}

/** Bulk-inserts a whole estate into empty tables (loading a fixture). */
export function insertEstate(db: Db, estate: Estate): void {
  for (const name of ENTITY_NAMES) {
    const rows = Object.values(estate[name]);
    const table = entityTables[name];
    for (let i = 0; i < rows.length; i += CHUNK) {
      db.insert(table).values(rows.slice(i, i + CHUNK) as never).run();
    }
  }
}

export function getMeta(db: Db, key: string): string | undefined {
  return db.select().from(meta).where(eq(meta.key, key)).get()?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.insert(meta).values({ key, value }).onConflictDoUpdate({ target: meta.key, set: { value } }).run();
}

export interface DatabaseState {
  ok: boolean;
  seed: string | null;
  migrations: number;
}

/** What GET /api/health reports of the database. */
export function databaseState(db: Db): DatabaseState {
  try {
    const migrations = db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    return { ok: true, seed: getMeta(db, 'seed') ?? null, migrations: migrations.n };
  } catch {
    return { ok: false, seed: null, migrations: 0 };
  }
}
