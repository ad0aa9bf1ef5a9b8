import { eq, getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Change } from '@dpm/domain/command';
import type { EntityName, Estate, InMemoryEstate } from '@dpm/domain/model';
import { ENTITY_NAMES, emptyEstate } from '@dpm/domain/model';
import { upgradeTapeGoals } from '@dpm/domain/protection/goals';
import type { Db } from './client';
import { entityTables, meta } from './schema';
import { StoredJobs } from './stored-jobs';
import { StoredRecoveryPoints } from './stored-table';
import { readerFor } from './table-reader';

/**
 * Rows of the entity tables are domain objects (see schema.ts); JSON columns round-trip. With
 * `historyFrom`, as a server loads its estate, history is not loaded: the recovery points and the
 * finished jobs are read from that connection as the domain asks (StoredRecoveryPoints,
 * StoredJobs), and only the jobs scheduled or in progress are held.
 */
export function loadEstate(db: Db, options: { historyFrom?: Db } = {}): Estate {
  const estate: Estate = emptyEstate();
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
    if (name === 'recoveryPoints' && options.historyFrom) continue;
    const table = estate[name] as Record<string, unknown>;
    const { select, decode } = readerFor(db, name, name === 'jobs' && options.historyFrom ? ACTIVE_JOBS : '');
    // Row by row, decoded once: a large estate is hundreds of thousands of rows, and reading them
    // all into an array first (then mapping each) leaves the heap twice the estate's size.
    for (const raw of select.iterate() as Iterable<unknown[]>) {
      const row = decode(raw, shared);
      table[row.id as string] = row;
    }
  }
  if (options.historyFrom) {
    estate.recoveryPoints = new StoredRecoveryPoints(options.historyFrom);
    estate.jobs = new StoredJobs(options.historyFrom, Object.values(estate.jobs));
  }
  // Tape goals stored before they had a frequency and a retention unit are read as they are now.
  for (const g of Object.values(estate.groups)) if (g.tape) g.tape = upgradeTapeGoals(g.tape);
  return estate;
}

/** The jobs a server holds in memory (StoredJobs): those scheduled or in progress. */
const ACTIVE_JOBS = "WHERE \"status\" IN ('Scheduled', 'In progress')";

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
export function insertEstate(db: Db, estate: InMemoryEstate): void {
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
