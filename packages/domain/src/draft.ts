import type { Estate, EntityName, EntityOf } from './model';
import type { Change, DomainEvent, Outcome } from './command';
import { EventLog } from './event-log';
import { isStored } from './stored-rows';
import type { FieldIndex, Scalar } from './table-index';
import { addTo, fieldValue, indexOf, rowOf, rowsOf, tableOf } from './table-index';
import { applyChanges } from './apply-changes';

// Applying changes to an estate, a copy or in place, is draft.ts's too for its importers.
export { applyChanges, applyChangesInPlace } from './apply-changes';

/**
 * A copy-on-write view of a slice: reads see the command's own writes, the slice is never
 * mutated, and `outcome()` lists the changes in order. Commands are written against it so that
 * a refusal (returned before `outcome()`) changes nothing.
 */
export class Draft {
  /**
   * Every write in order; a row's earlier write is blanked when it is written again, so the log
   * read without blanks is each row's last write, in the order rows were last written.
   */
  private readonly log: (Change | undefined)[] = [];
  /**
   * Where each written row's last write is in the log, by entity and id: what the draft reads of
   * it (a put's row, or a deletion), without a key string made per write.
   */
  private readonly lastWrite = new Map<EntityName, Map<string, number>>();
  /**
   * Indexes of this draft's own rows, per entity and field, built when a field is first asked for.
   * A write only notes the row's id (`written`); each index catches up on those ids when it is
   * next asked, so rows written many times between two questions, or never asked about again (a
   * tick's jobs), cost nothing more. An index may still list a row under a value it no longer has:
   * where() reads each row and keeps only those that have the value.
   */
  private readonly ownIndexes = new Map<
    EntityName,
    { written: string[]; byField: Map<string, { index: FieldIndex; upTo: number }> }
  >();
  private readonly events: EventLog;

  /** `eventsInFull`: past so many events, they are counted per kind and server (EventLog). */
  constructor(
    readonly base: Estate,
    eventsInFull = Infinity,
  ) {
    this.events = new EventLog(eventsInFull);
  }

  /** This draft's last write of a row: `undefined` if it wrote none. */
  private lastWriteOf(entity: EntityName, id: string): Change | undefined {
    const at = this.lastWrite.get(entity)?.get(id);
    return at === undefined ? undefined : this.log[at];
  }

  get<K extends EntityName>(entity: K, id: string): EntityOf<K> | undefined {
    const own = this.lastWriteOf(entity, id);
    if (own !== undefined) return own.op === 'put' ? (own.value as EntityOf<K>) : undefined;
    return rowOf(this.base, entity, id);
  }

  all<K extends EntityName>(entity: K): EntityOf<K>[] {
    const out = new Map<string, EntityOf<K>>();
    for (const v of rowsOf(this.base, entity)) out.set((v as { id: string }).id, v);
    for (const [id, at] of this.lastWrite.get(entity) ?? []) {
      const c = this.log[at];
      if (c?.op === 'put') out.set(id, c.value as EntityOf<K>);
      else out.delete(id);
    }
    return [...out.values()];
  }

  /** Rows whose `field` equals `value`, through the base's index and this draft's own writes. */
  where<K extends EntityName, F extends keyof EntityOf<K> & string>(
    entity: K,
    field: F,
    value: EntityOf<K>[F] & Scalar,
  ): EntityOf<K>[] {
    const out: EntityOf<K>[] = [];
    const base = tableOf(this.base, entity);
    if (isStored(base)) return this.overStored(entity, field, value, base.where(field, value));
    const fromBase = indexOf(base, field).get(value);
    const fromDraft = this.ownIndex(entity, field).get(value);
    // A row is listed by the base's index, this draft's, or both: only then is one looked for twice.
    const seen = fromBase && fromDraft && fromDraft.size > 0 ? new Set<string>() : undefined;
    for (const ids of [fromBase, fromDraft]) {
      for (const id of ids ?? []) {
        if (seen) {
          if (seen.has(id)) continue;
          seen.add(id);
        }
        const row = this.get(entity, id);
        if (row !== undefined && fieldValue(row, field) === value) out.push(row);
      }
    }
    return out;
  }

  /**
   * At least as many as the rows whose `field` equals `value` (the base's count and this draft's
   * own writes, some of which may be among the base's or no longer match): a caller that acts only
   * past a number of rows (pruning recovery points) reads none while below it. Infinity where the
   * base cannot count without reading (its stored rows do not count).
   */
  countAtMost<K extends EntityName, F extends keyof EntityOf<K> & string>(
    entity: K,
    field: F,
    value: EntityOf<K>[F] & Scalar,
  ): number {
    const base = tableOf(this.base, entity);
    const own = this.ownIndex(entity, field).get(value)?.size ?? 0;
    if (isStored(base)) return base.count ? base.count(field, value) + own : Infinity;
    return (indexOf(base, field).get(value)?.size ?? 0) + own;
  }

  /**
   * Rows whose `field` equals `value`, of those a table that holds some of its rows in memory holds
   * (StoredRows.heldWhere: a server's jobs scheduled or in progress), and this draft's own: for a
   * caller that wants only rows it knows are held (jobs under way), the stored rest is not read.
   * Over a table in memory, where().
   */
  whereHeld<K extends EntityName, F extends keyof EntityOf<K> & string>(
    entity: K,
    field: F,
    value: EntityOf<K>[F] & Scalar,
  ): EntityOf<K>[] {
    const base = tableOf(this.base, entity);
    if (!isStored(base) || base.heldWhere === undefined) return this.where(entity, field, value);
    return this.overStored(entity, field, value, base.heldWhere(field, value));
  }

  /** Stored rows this draft left alone, then its own that match (what it wrote is read as it wrote it). */
  private overStored<K extends EntityName>(
    entity: K,
    field: string,
    value: Scalar,
    stored: readonly EntityOf<K>[],
  ): EntityOf<K>[] {
    const out: EntityOf<K>[] = [];
    for (const row of stored) if (this.lastWriteOf(entity, (row as { id: string }).id) === undefined) out.push(row);
    for (const id of this.ownIndex(entity, field).get(value) ?? []) {
      const row = this.get(entity, id);
      if (row !== undefined && fieldValue(row, field) === value) out.push(row);
    }
    return out;
  }

  /** The index of this draft's own rows on a field, built on first use, brought up to date when asked. */
  private ownIndex(entity: EntityName, field: string): FieldIndex {
    let own = this.ownIndexes.get(entity);
    if (!own) this.ownIndexes.set(entity, (own = { written: [], byField: new Map() }));
    const { written } = own;
    let kept = own.byField.get(field);
    if (!kept) {
      const index: FieldIndex = new Map();
      for (const [id, at] of this.lastWrite.get(entity) ?? []) {
        const c = this.log[at];
        if (c?.op === 'put') addTo(index, fieldValue(c.value, field), id);
      }
      own.byField.set(field, (kept = { index, upTo: written.length }));
    }
    for (let i = kept.upTo; i < written.length; i += 1) {
      const id = written[i] as string;
      const row = this.get(entity, id);
      if (row !== undefined) addTo(kept.index, fieldValue(row, field), id);
    }
    kept.upTo = written.length;
    return kept.index;
  }

  put<K extends EntityName>(entity: K, value: EntityOf<K>): EntityOf<K> {
    const id = (value as { id: string }).id;
    this.ownIndexes.get(entity)?.written.push(id);
    this.record(entity, id, { op: 'put', entity, value } as Change);
    return value;
  }

  update<K extends EntityName>(entity: K, id: string, patch: Partial<EntityOf<K>>): EntityOf<K> {
    const current = this.get(entity, id);
    if (current === undefined) throw new Error(`Draft.update: ${entity} ${id} is not in the slice`);
    return this.put(entity, { ...current, ...patch });
  }

  /** Deletes a row (what the draft's own index still lists of it is passed over: get finds nothing). */
  del(entity: EntityName, id: string): void {
    this.record(entity, id, { op: 'del', entity, id });
  }

  private record(entity: EntityName, id: string, change: Change): void {
    let positions = this.lastWrite.get(entity);
    if (!positions) this.lastWrite.set(entity, (positions = new Map()));
    const before = positions.get(id);
    if (before !== undefined) this.log[before] = undefined;
    positions.set(id, this.log.length);
    this.log.push(change);
  }

  /** Each row's last write, in the order rows were last written. */
  private changes(): Change[] {
    const out: Change[] = [];
    for (const c of this.log) if (c !== undefined) out.push(c);
    return out;
  }

  emit(event: DomainEvent): void {
    this.events.push(event);
  }

  /** The estate as this draft sees it (View). */
  estate(): Estate {
    return this.log.length === 0 ? this.base : this.snapshot();
  }

  /** The state after this draft's changes, for a command that composes with another. */
  snapshot(): Estate {
    return applyChanges(this.base, this.changes());
  }

  /** The changes, one per row (the last write wins, in the order rows were last written), and the events. */
  outcome(): Outcome {
    return { changes: this.changes(), events: this.events.list() };
  }
}

/**
 * Rows of an estate's table whose `field` equals `value`, through the same index (read models
 * outside a command). `held`: among the rows held in memory only (View.whereHeld), for a caller
 * that wants only rows it knows are held.
 */
export function rowsWhere<K extends EntityName, F extends keyof EntityOf<K> & string>(
  estate: Estate,
  entity: K,
  field: F,
  value: EntityOf<K>[F] & Scalar,
  held = false,
): EntityOf<K>[] {
  const table = tableOf(estate, entity);
  if (isStored(table)) return held && table.heldWhere ? table.heldWhere(field, value) : table.where(field, value);
  const out: EntityOf<K>[] = [];
  for (const id of indexOf(table, field).get(value) ?? []) {
    const row = table[id];
    if (row !== undefined && fieldValue(row, field) === value) out.push(row);
  }
  return out;
}

/**
 * Every row of a table in memory, one at a time, through the index on `field`: a long walk (the
 * 350,000 recovery points of `large` held in memory) that pauses makes no array of them all first.
 */
export function* eachRow<T>(table: Record<string, T | undefined>, field: string): Generator<T> {
  for (const ids of indexOf(table, field).values()) {
    for (const id of ids) {
      const row = table[id];
      if (row !== undefined) yield row;
    }
  }
}

/**
 * Builds the indexes on these fields now rather than on first use: a server does it at start,
 * so that its first clock advance does not spend a second indexing 50,000 replicas and their jobs.
 */
export function buildIndexes(estate: Estate, fields: readonly (readonly [EntityName, string])[]): void {
  for (const [entity, field] of fields) {
    const table = tableOf(estate, entity);
    // Stored rows are found through the database's own indexes.
    if (!isStored(table)) indexOf(table, field);
  }
}
