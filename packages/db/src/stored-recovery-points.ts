import type { RecoveryPoint } from '@dpm/domain/model';
import type { StoredRows } from '@dpm/domain/stored-rows';
import type { Db } from './client';
import type { TableReader } from './table-reader';
import { columnOf, readerFor } from './table-reader';

type Scalar = string | number | boolean | null;

/** Values asked for in one query by whereIn: each chunk's statement is prepared once and kept. */
const IN_CHUNK = 500;

/**
 * The recovery points read from SQLite as the domain asks for them (StoredRows) instead of held in
 * memory: on `large` they are 350,000 rows of history, two thirds of the estate's heap, and a
 * command or a tick asks for a handful at a time (a replica's, a tape's, those expiring). Each
 * question is one prepared statement through the table's indexes, on the connection given: a
 * server's reader, which sees committed rows only, as the in-memory estate does until a commit.
 */
export class StoredRecoveryPoints implements StoredRows<RecoveryPoint> {
  readonly stored = true;
  // Private to the class (#), so that the estate written as JSON (a fingerprint of it) holds
  // `{ "stored": true }` here rather than the connection.
  readonly #db: Db;
  readonly #readers = new Map<string, TableReader>();

  constructor(db: Db) {
    this.#db = db;
  }

  get(id: string): RecoveryPoint | undefined {
    return this.read('WHERE "id" = ?', id)[0];
  }

  where(field: string, value: Scalar): RecoveryPoint[] {
    // IS, not =: it finds a null (a point read from an external tape has no replica) and uses the
    // index, in whose order the rows come (a replica's by time): sorting them by rowid took twice as long.
    return this.read(`WHERE "${this.column(field)}" IS ?`, typeof value === 'boolean' ? +value : value);
  }

  whereIn(field: string, values: readonly Scalar[]): RecoveryPoint[] {
    const column = this.column(field);
    const asked = [...new Set(values)].filter((v) => v !== null).map((v) => (typeof v === 'boolean' ? +v : v));
    const out: RecoveryPoint[] = [];
    const list = Array.from({ length: IN_CHUNK }, () => '?').join(', ');
    for (let i = 0; i < asked.length; i += IN_CHUNK) {
      const chunk = asked.slice(i, i + IN_CHUNK);
      // The last chunk repeats its first value up to the chunk's size: one statement for all.
      while (chunk.length < IN_CHUNK) chunk.push(chunk[0] as string | number);
      // In the index's order (by replica, then time): sorting a whole report's points by rowid cost more.
      for (const row of this.read(`WHERE "${column}" IN (${list})`, ...chunk)) out.push(row);
    }
    // IN never finds a null: those are asked for as where() does.
    if (values.includes(null)) for (const row of this.where(field, null)) out.push(row);
    return out;
  }

  atMost(field: string, max: number): RecoveryPoint[] {
    const column = this.column(field);
    return this.read(`WHERE "${column}" <= ? ORDER BY "${column}", rowid`, max);
  }

  all(): RecoveryPoint[] {
    return this.read('ORDER BY rowid');
  }

  private read(clause: string, ...params: unknown[]): RecoveryPoint[] {
    let reader = this.#readers.get(clause);
    if (!reader) this.#readers.set(clause, (reader = readerFor(this.#db, 'recoveryPoints', clause)));
    const { select, decode } = reader;
    return (select.all(...params) as unknown[][]).map((raw) => decode(raw) as unknown as RecoveryPoint);
  }

  /** The column of a row's property; a name that is none is a mistake in the caller, not a query. */
  private column(field: string): string {
    const column = columnOf('recoveryPoints', field);
    if (column === undefined) throw new Error(`A recovery point has no field "${field}"`);
    return column;
  }
}
