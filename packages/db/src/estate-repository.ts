import { eq, getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Change } from '@dpm/domain/command';
import type { EntityName, Estate } from '@dpm/domain/model';
import { ENTITY_NAMES, emptyEstate } from '@dpm/domain/model';
import { upgradeTapeGoals } from '@dpm/domain/protection/goals';
import type { Db } from './client';
import { entityTables, meta } from './schema';

/** Rows of the entity tables are domain objects (see schema.ts); JSON columns round-trip. */
export function loadEstate(db: Db): Estate {
  const estate = emptyEstate();
  // The same server, replica, data source or status is named by hundreds of thousands of rows:
  // one string each rather than one per row (SQLite hands every row its own copy).
  const strings = new Map<string, string>();
  const shared = (v: string) => {
    const known = strings.get(v);
    if (known !== undefined) return known;
    strings.set(v, v);
    return v;
  };
  for (const name of ENTITY_NAMES) {
    const table = estate[name] as Record<string, unknown>;
    const { select, columns } = readerFor(db, name);
    // Each row starts as a copy of one object with every column in place: V8 then lays the row's
    // properties inside the object, where one filled in key by key from {} keeps most of them in a
    // separate array (about 15 MB of the heap on `large`). JSON.parse makes such an object.
    const shape = JSON.parse(JSON.stringify(Object.fromEntries(columns.map(([key]) => [key, null])))) as object;
    // Row by row, decoded once: a large estate is hundreds of thousands of rows, and reading them
    // all into an array first (then mapping each) leaves the heap twice the estate's size.
    for (const raw of select.iterate() as Iterable<unknown[]>) {
      const row: Record<string, unknown> = { ...shape };
      for (let i = 0; i < columns.length; i += 1) {
        const [key, column] = columns[i] as (typeof columns)[number];
        const v = raw[i];
        row[key] =
          v === null || v === undefined
            ? null
            : typeof v === 'string' && key !== 'id' && v.length <= 64 && !column.decodes
              ? shared(v)
              : column.decode(v);
      }
      table[row.id as string] = row;
    }
  }
  // Tape goals stored before they had a frequency and a retention unit are read as they are now.
  for (const g of Object.values(estate.groups)) if (g.tape) g.tape = upgradeTapeGoals(g.tape);
  return estate;
}

interface TableReader {
  select: { iterate: () => Iterable<unknown> };
  /** Each column's property name and decoder (JSON and booleans; `decodes`: anything but text as stored). */
  columns: [string, { decode: (v: unknown) => unknown; decodes: boolean }][];
}

/** A raw SELECT of every column of an entity table, with drizzle's own column decoders. */
function readerFor(db: Db, entity: EntityName): TableReader {
  const table = entityTables[entity];
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table));
  const select = db.$client.prepare(`SELECT ${columns.map(([, c]) => `"${c.name}"`).join(', ')} FROM "${name}"`).raw();
  return {
    select,
    columns: columns.map(([key, c]) => [
      key,
      { decode: (v: unknown) => c.mapFromDriverValue(v), decodes: c.columnType !== 'SQLiteText' },
    ]),
  };
}

type Statement = { run: (...params: unknown[]) => unknown };
interface TableWriter {
  upsert: Statement;
  remove: Statement;
  values: (row: Record<string, unknown>) => unknown[];
}
const writers = new WeakMap<object, Map<EntityName, TableWriter>>();

/**
 * Prepared upsert and delete statements per table, with drizzle's own column encoders (JSON,
 * booleans): a tick of the large estate writes hundreds of thousands of rows, and building a
 * query per row costs more than the tick itself.
 */
function writerFor(db: Db, entity: EntityName): TableWriter {
  let byTable = writers.get(db.$client);
  if (!byTable) writers.set(db.$client, (byTable = new Map()));
  const existing = byTable.get(entity);
  if (existing) return existing;
  const table = entityTables[entity];
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table));
  const names = columns.map(([, c]) => `"${c.name}"`);
  const updates = names
    .filter((n) => n !== '"id"')
    .map((n) => `${n} = excluded.${n}`)
    .join(', ');
  const upsert = db.$client.prepare(
    `INSERT INTO "${name}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ` +
      `ON CONFLICT("id") DO UPDATE SET ${updates}`,
  );
  const remove = db.$client.prepare(`DELETE FROM "${name}" WHERE "id" = ?`);
  const values = (row: Record<string, unknown>) =>
    columns.map(([key, c]) => {
      const v = row[key];
      return v === null || v === undefined ? null : c.mapToDriverValue(v);
    });
  const writer = { upsert, remove, values };
  byTable.set(entity, writer);
  return writer;
}

/** Writes the changes of one command or tick. Call inside its transaction. */
export function persistChanges(db: Db, changes: readonly Change[]): void {
  for (const c of changes) {
    const w = writerFor(db, c.entity);
    if (c.op === 'put') w.upsert.run(...w.values(c.value as unknown as Record<string, unknown>));
    else w.remove.run(c.id);
  }
}

/** Writes a whole estate into empty tables (loading a fixture). Call inside a transaction. */
export function insertEstate(db: Db, estate: Estate): void {
  for (const name of ENTITY_NAMES) {
    const w = writerFor(db, name);
    for (const row of Object.values(estate[name])) w.upsert.run(...w.values(row as unknown as Record<string, unknown>));
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
