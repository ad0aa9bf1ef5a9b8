type Scalar = string | number | boolean | null;

/**
 * A table read where it is stored instead of held in memory: the server's recovery points and
 * finished jobs, from SQLite (history: 350,000 points on `large`, which no command decides on all
 * at once). Reads see what is committed; a command's own writes are its Draft's, and a committed
 * change is already there (applyChangesInPlace has nothing more to do than tell it: applyCommitted,
 * for what it holds in memory of its rows or of their counts).
 */
export interface StoredRows<T> {
  readonly stored: true;
  get(id: string): T | undefined;
  /** Rows whose `field` equals `value`, in no promised order (a caller that needs one sorts them). */
  where(field: string, value: Scalar): T[];
  /**
   * Rows whose `field` equals any of `values`, in no promised order (a report's replicas: a few
   * queries, not one per replica). `fields`: the only fields the caller reads (a report of the
   * whole estate reads 350,000 points): stored rows are read with those alone, rows in memory
   * come whole.
   */
  whereIn<F extends keyof T>(field: string, values: readonly Scalar[], fields?: readonly F[]): Pick<T, F>[];
  /**
   * How many rows have `field` equal to `value`, counted where they are stored, none read: a caller
   * that needs a replica's recovery points only past a number of them (pruning) reads none below it.
   */
  count?(field: string, value: Scalar): number;
  /** Rows whose numeric `field` is at most `max` (the tick's expiry: expiresAt ≤ now). */
  atMost(field: string, max: number): T[];
  /** Every row: a read of the whole table, which no command or tick of the server makes. */
  all(): T[];
  /**
   * The rows it holds in memory whose `field` equals `value`, for stored rows that hold some of
   * theirs (a server's jobs: every one scheduled or in progress is held): a caller asking for
   * rows it knows are held reads no stored row (Draft.whereHeld).
   */
  heldWhere?(field: string, value: Scalar): T[];
  /**
   * A committed change to a row (`undefined`: deleted), for stored rows that keep something of
   * theirs in memory (a server's active jobs; the recovery points' counts, counted again):
   * applyChangesInPlace hands it on.
   */
  applyCommitted?(id: string, row: T | undefined): void;
}

/** A table of the estate: rows by id in memory, or stored rows. */
export type Table<T> = Record<string, T> | StoredRows<T>;

export function isStored<T>(table: Table<T>): table is StoredRows<T> {
  // A row is an object, never `true`: a record with a row whose id is "stored" is not taken for one.
  return (table as { stored?: unknown }).stored === true;
}

type Row = { id: string };

/**
 * Stored rows as a command's changes leave them, before they are committed (Draft.snapshot, a
 * command that composes with another): the changed rows in memory over the stored ones.
 */
export class OverlayRows<T extends Row> implements StoredRows<T> {
  readonly stored = true;

  /** `changed`: each changed row by id, null where it was deleted. */
  constructor(
    private readonly base: StoredRows<T>,
    private readonly changed: ReadonlyMap<string, T | null>,
  ) {}

  get(id: string): T | undefined {
    return this.changed.has(id) ? (this.changed.get(id) ?? undefined) : this.base.get(id);
  }

  where(field: string, value: Scalar): T[] {
    return this.merge(this.base.where(field, value), (row) => valueOf(row, field) === value);
  }

  whereIn<F extends keyof T>(field: string, values: readonly Scalar[], fields?: readonly F[]): Pick<T, F>[] {
    const wanted = new Set(values);
    // The changed rows come whole, the stored ones with `fields` (and the id the merge needs).
    const stored = this.base.whereIn(field, values, fields && [...fields, 'id' as F]) as T[];
    return this.merge(stored, (row) => wanted.has(valueOf(row, field) as Scalar));
  }

  atMost(field: string, max: number): T[] {
    return this.merge(this.base.atMost(field, max), (row) => {
      const v = valueOf(row, field);
      return typeof v === 'number' && v <= max;
    });
  }

  all(): T[] {
    return this.merge(this.base.all(), () => true);
  }

  /** The stored rows the changes left alone, then the changed rows that match. */
  private merge(stored: T[], matches: (row: T) => boolean): T[] {
    const out = stored.filter((row) => !this.changed.has(row.id));
    for (const row of this.changed.values()) if (row !== null && matches(row)) out.push(row);
    return out;
  }
}

function valueOf(row: unknown, field: string): unknown {
  return (row as Record<string, unknown>)[field];
}
