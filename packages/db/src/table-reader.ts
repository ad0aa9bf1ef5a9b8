import { getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { EntityName } from '@dpm/domain/model';
import type { Db } from './client';
import { entityTables } from './schema';

export interface TableReader {
  select: { iterate: () => Iterable<unknown>; all: (...params: unknown[]) => unknown[] };
  /** A raw row as its domain object; `shared` gives one copy of a short text many rows repeat. */
  decode: (raw: unknown[], shared?: (v: string) => string) => Record<string, unknown>;
}

/** The column types drizzle reads as SQLite gives them (its mapFromDriverValue returns the value). */
const AS_STORED = new Set(['SQLiteText', 'SQLiteInteger', 'SQLiteReal']);

/**
 * A raw SELECT of every column of an entity table (`clause`: what follows FROM, a WHERE or an
 * ORDER BY), or of the columns of `keys` alone, with drizzle's own column decoders.
 */
export function readerFor(db: Db, entity: EntityName, clause = '', keys?: readonly string[]): TableReader {
  const table = entityTables[entity];
  const { name } = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => keys === undefined || keys.includes(key));
  const select = db.$client
    .prepare(`SELECT ${columns.map(([, c]) => `"${c.name}"`).join(', ')} FROM "${name}" ${clause}`)
    .raw();
  const decoders = columns.map(([key, c]) => ({
    key,
    decode: (v: unknown) => c.mapFromDriverValue(v),
    // Text, integers and reals come from SQLite as they are; JSON and booleans are decoded.
    decodes: !AS_STORED.has(c.columnType),
  }));
  // Each row starts as a copy of one object with every column in place: V8 then lays the row's
  // properties inside the object, where one filled in key by key from {} keeps most of them in a
  // separate array (about 15 MB of the heap on `large`). JSON.parse makes such an object.
  const shape = JSON.parse(JSON.stringify(Object.fromEntries(columns.map(([key]) => [key, null])))) as object;
  return {
    select: select as TableReader['select'],
    decode: (raw, shared) => {
      const row: Record<string, unknown> = { ...shape };
      for (let i = 0; i < decoders.length; i += 1) {
        const { key, decode, decodes } = decoders[i] as (typeof decoders)[number];
        const v = raw[i];
        row[key] =
          v === null || v === undefined
            ? null
            : decodes
              ? decode(v)
              : shared && typeof v === 'string' && key !== 'id' && v.length <= 64
                ? shared(v)
                : v;
      }
      return row;
    },
  };
}

/** The SQL name of a row's property (`replicaId` → `replica_id`), or undefined if it has none. */
export function columnOf(entity: EntityName, key: string): string | undefined {
  const columns: Record<string, { name: string }> = getTableColumns(entityTables[entity]);
  return Object.hasOwn(columns, key) ? columns[key]?.name : undefined;
}
