import type { Estate, EntityName, EntityOf } from './model';
import { rowsWhere } from './draft';
import { rowOf, rowsOf } from './table-index';

type Scalar = string | number | boolean | null;

/**
 * What a precondition reads: rows by id, rows by an indexed field, every row. A command's Draft is
 * one (it sees its own writes); `viewOf` makes one of a whole estate for the read side (the
 * operations offered with a list), through the same indexes.
 */
export interface View {
  get<K extends EntityName>(entity: K, id: string): EntityOf<K> | undefined;
  where<K extends EntityName, F extends keyof EntityOf<K> & string>(
    entity: K,
    field: F,
    value: EntityOf<K>[F] & Scalar,
  ): EntityOf<K>[];
  /**
   * where() among the rows held in memory (a server's jobs scheduled or in progress; every row of
   * a table in memory): for a caller that wants only rows it knows are held.
   */
  whereHeld<K extends EntityName, F extends keyof EntityOf<K> & string>(
    entity: K,
    field: F,
    value: EntityOf<K>[F] & Scalar,
  ): EntityOf<K>[];
  all<K extends EntityName>(entity: K): EntityOf<K>[];
  /** The whole estate as this view sees it, for the rules that analyse the topology. */
  estate(): Estate;
}

export function viewOf(estate: Estate): View {
  return {
    get: (entity, id) => rowOf(estate, entity, id),
    where: (entity, field, value) => rowsWhere(estate, entity, field, value),
    whereHeld: (entity, field, value) => rowsWhere(estate, entity, field, value, true),
    all: (entity) => rowsOf(estate, entity),
    estate: () => estate,
  };
}
