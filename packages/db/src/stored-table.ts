import type { EntityName, EntityOf, RecoveryPoint } from '@dpm/domain/model';
import type { StoredRows } from '@dpm/domain/stored-rows';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Db } from './client';
import { entityTables } from './schema';
import type { TableReader } from './table-reader';
import { columnOf, readerFor } from './table-reader';

type Scalar = string | number | boolean | null;

/** A prepared query of one value (pluck). */
type Counter = { get: (...params: unknown[]) => unknown };

/** Counts asked one value at a time between two commits, before the table is counted by value at once. */
const COUNTS_ONE_BY_ONE = 1000;

/** Values asked for in one query by whereIn: each chunk's statement is prepared once and kept. */
const IN_CHUNK = 500;

/**
 * A table read from SQLite as the domain asks for its rows (StoredRows) instead of held in memory:
 * history, which no command decides on all at once. Each question is one prepared statement
 * through the table's indexes, on the connection given: a server's reader, which sees committed
 * rows only, as the in-memory estate does until a commit.
 */
export class StoredTable<K extends EntityName, T extends EntityOf<K> = EntityOf<K>> implements StoredRows<T> {
  readonly stored = true;
  // Private to the class (#), so that the estate written as JSON (a fingerprint of it) holds
  // `{ "stored": true }` here rather than the connection.
  readonly #db: Db;
  readonly #entity: K;
  /** The table's SQL name. */
  readonly #name: string;
  readonly #readers = new Map<string, TableReader>();
  readonly #counters = new Map<string, Counter>();
  /** Counts asked since the last commit, and each field's rows counted by value at once past many. */
  #counts = 0;
  readonly #counted = new Map<string, Map<Scalar, number>>();

  constructor(db: Db, entity: K) {
    this.#db = db;
    this.#entity = entity;
    this.#name = getTableConfig(entityTables[entity]).name;
  }

  get(id: string): T | undefined {
    return this.read('WHERE "id" = ?', id)[0];
  }

  where(field: string, value: Scalar): T[] {
    // In the index's order (a replica's points by time): sorting them by rowid took twice as long.
    // A null is asked for with IS; a value with =, which a partial index of the values alone serves.
    const column = this.column(field);
    if (value === null) return this.read(`WHERE "${column}" IS NULL`);
    return this.read(`WHERE "${column}" = ?`, typeof value === 'boolean' ? +value : value);
  }

  whereIn<F extends keyof T>(field: string, values: readonly Scalar[], fields?: readonly F[]): Pick<T, F>[] {
    const column = this.column(field);
    // The id and the field asked by come along: a caller tells rows apart and groups them by them.
    const keys = fields && [...new Set(['id', field, ...fields.map(String)])];
    for (const key of keys ?? []) this.column(key);
    const asked = [...new Set(values)].filter((v) => v !== null).map((v) => (typeof v === 'boolean' ? +v : v));
    const out: T[] = [];
    const list = Array.from({ length: IN_CHUNK }, () => '?').join(', ');
    for (let i = 0; i < asked.length; i += IN_CHUNK) {
      const chunk = asked.slice(i, i + IN_CHUNK);
      // The last chunk repeats its first value up to the chunk's size: one statement for all.
      while (chunk.length < IN_CHUNK) chunk.push(chunk[0] as string | number);
      // In the index's order (by replica, then time): sorting a whole report's points by rowid cost more.
      for (const row of this.readKeys(keys, `WHERE "${column}" IN (${list})`, ...chunk)) out.push(row);
    }
    // IN never finds a null: those are asked for as where() does.
    if (values.includes(null)) for (const row of this.readKeys(keys, `WHERE "${column}" IS NULL`)) out.push(row);
    return out;
  }

  count(field: string, value: Scalar): number {
    const asked = typeof value === 'boolean' ? +value : value;
    const counted = this.#counted.get(field);
    if (counted) return counted.get(asked) ?? 0;
    const column = this.column(field);
    // Past so many counts until the next commit (a long tick prunes tens of thousands of
    // replicas), one grouped count of the table answers them all, until that commit.
    if ((this.#counts += 1) > COUNTS_ONE_BY_ONE) {
      const grouped = `SELECT "${column}", count(*) FROM "${this.#name}" GROUP BY 1`;
      const rows = this.#db.$client.prepare(grouped).raw().all();
      const all = new Map(rows as [Scalar, number][]);
      this.#counted.set(field, all);
      return all.get(asked) ?? 0;
    }
    const clause = asked === null ? `"${column}" IS NULL` : `"${column}" = ?`;
    let counter = this.#counters.get(clause);
    if (!counter) {
      counter = this.#db.$client.prepare(`SELECT count(*) FROM "${this.#name}" WHERE ${clause}`).pluck() as Counter;
      this.#counters.set(clause, counter);
    }
    return (asked === null ? counter.get() : counter.get(asked)) as number;
  }

  /** A commit changed the table: what was counted is counted again. */
  applyCommitted(): void {
    this.#counts = 0;
    if (this.#counted.size > 0) this.#counted.clear();
  }

  atMost(field: string, max: number): T[] {
    const column = this.column(field);
    return this.read(`WHERE "${column}" <= ? ORDER BY "${column}", rowid`, max);
  }

  all(): T[] {
    return this.read('ORDER BY rowid');
  }

  private read(clause: string, ...params: unknown[]): T[] {
    return this.readKeys(undefined, clause, ...params);
  }

  /** The rows a clause selects, with the fields of `keys` alone (all without). */
  private readKeys(keys: readonly string[] | undefined, clause: string, ...params: unknown[]): T[] {
    const id = keys === undefined ? clause : `${keys.join(',')} ${clause}`;
    let reader = this.#readers.get(id);
    if (!reader) this.#readers.set(id, (reader = readerFor(this.#db, this.#entity, clause, keys)));
    const { select, decode } = reader;
    return (select.all(...params) as unknown[][]).map((raw) => decode(raw) as unknown as T);
  }

  /** The column of a row's property; a name that is none is a mistake in the caller, not a query. */
  private column(field: string): string {
    const column = columnOf(this.#entity, field);
    if (column === undefined) throw new Error(`A row of ${this.#entity} has no field "${field}"`);
    return column;
  }
}

/**
 * The recovery points: on `large` 350,000 rows of history, two thirds of the estate's heap, of
 * which a command or a tick asks for a handful at a time (a replica's, a tape's, those expiring).
 */
export class StoredRecoveryPoints extends StoredTable<'recoveryPoints', RecoveryPoint> {
  constructor(db: Db) {
    super(db, 'recoveryPoints');
  }
}
