import { eq } from 'drizzle-orm';
import type { Estate, InMemoryEstate } from '@dpm/domain/model';
import { ENTITY_NAMES, emptyEstate } from '@dpm/domain/model';
import { upgradeTapeGoals } from '@dpm/domain/protection/goals';
import type { Db } from './client';
import { meta } from './schema';
import { StoredJobs } from './stored-jobs';
import { StoredRecoveryPoints } from './stored-table';
import { readerFor } from './table-reader';
import { writeRows } from './table-writer';
// The writes of a command or a tick (table-writer.ts), where the estate is read and written.
export { committedRows, persistChanges, type CommittedRow } from './table-writer';

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

/** Writes a whole estate into empty tables (loading a fixture). Call inside a transaction. */
export function insertEstate(db: Db, estate: InMemoryEstate): void {
  for (const name of ENTITY_NAMES)
    writeRows(db, name, Object.values(estate[name]) as unknown as Record<string, unknown>[]);
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

type StateQuery = { get: () => unknown };
const stateQueries = new WeakMap<object, StateQuery>();

/**
 * What GET /api/health reports of the database: one query, prepared once per connection (a
 * health check is asked every few seconds by every monitor, during a clock advance too).
 */
export function databaseState(db: Db): DatabaseState {
  try {
    let query = stateQueries.get(db.$client);
    if (!query) {
      const prepared = db.$client.prepare(
        'SELECT (SELECT count(*) FROM __drizzle_migrations) AS migrations, ' +
          "(SELECT value FROM meta WHERE key = 'seed') AS seed",
      );
      stateQueries.set(db.$client, (query = prepared));
    }
    const row = query.get() as { migrations: number; seed: string | null };
    return { ok: true, seed: row.seed, migrations: row.migrations };
  } catch {
    return { ok: false, seed: null, migrations: 0 };
  }
}
