/** Reading an estate's tables, in memory or stored, and the secondary indexes of those in memory. */

import type { EntityName, Estate, EntityOf } from './model';
import type { Table } from './stored-rows';
import { isStored } from './stored-rows';

export type Scalar = string | number | boolean | null;
export type FieldIndex = Map<Scalar, Set<string>>;

/**
 * Secondary indexes over an estate's tables, built on first use and kept up to date by
 * applyChangesInPlace, so commands on a large estate find a replica's jobs or a subject's alerts
 * without scanning every row. Keyed by the table object itself.
 */
const indexes = new WeakMap<object, Map<string, FieldIndex>>();

export function fieldValue(row: unknown, field: string): Scalar {
  const v = (row as Record<string, unknown>)[field];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
}

export function indexOf(table: Record<string, unknown>, field: string): FieldIndex {
  let byField = indexes.get(table);
  if (!byField) indexes.set(table, (byField = new Map()));
  let index = byField.get(field);
  if (!index) {
    index = new Map();
    for (const [id, row] of Object.entries(table)) addTo(index, fieldValue(row, field), id);
    byField.set(field, index);
  }
  return index;
}

export function addTo(index: FieldIndex, value: Scalar, id: string): void {
  let ids = index.get(value);
  if (!ids) index.set(value, (ids = new Set()));
  ids.add(id);
}

export function reindex(table: Record<string, unknown>, id: string, before: unknown, after: unknown): void {
  const byField = indexes.get(table);
  if (!byField) return;
  for (const [field, index] of byField) {
    const old = before === undefined ? undefined : fieldValue(before, field);
    const next = after === undefined ? undefined : fieldValue(after, field);
    if (old === next && before !== undefined && after !== undefined) continue;
    if (old !== undefined) index.get(old)?.delete(id);
    if (next !== undefined) addTo(index, next, id);
  }
}

/**
 * A row of a table by id, never a property every object inherits: an id such as "__proto__" or
 * "constructor" names no row.
 */
export function ownRow<T>(table: Record<string, T>, id: string): T | undefined {
  const row = table[id];
  // A table without a prototype (emptyTable, as the estate's are) inherits nothing: one lookup.
  return row !== undefined && (Object.getPrototypeOf(table) === null || Object.hasOwn(table, id)) ? row : undefined;
}

export function tableOf<K extends EntityName>(estate: Estate, entity: K): Table<EntityOf<K>> {
  return estate[entity] as Table<EntityOf<K>>;
}

/** A row of an estate's table by id, in memory or stored. */
export function rowOf<K extends EntityName>(estate: Estate, entity: K, id: string): EntityOf<K> | undefined {
  const table = tableOf(estate, entity);
  return isStored(table) ? table.get(id) : ownRow(table, id);
}

/** Every row of an estate's table, in memory or stored (a whole-table read). */
export function rowsOf<K extends EntityName>(estate: Estate, entity: K): EntityOf<K>[] {
  const table = tableOf(estate, entity);
  return isStored(table) ? table.all() : Object.values(table);
}
