import { getTableColumns } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import type { Change } from '@dpm/domain/command';
import type { EntityName, Estate } from '@dpm/domain/model';
import { isStored } from '@dpm/domain/stored-rows';
import { ownRow } from '@dpm/domain/table-index';
import type { Db } from './client';
import { entityTables } from './schema';

type Row = Record<string, unknown>;
type Statement = { run: (...params: unknown[]) => unknown };

/**
 * The row SQLite holds under an id, where the caller knows it without asking SQLite; undefined
 * where it does not (a new row, a table it does not hold).
 */
export type CommittedRow = (entity: EntityName, id: string) => Row | undefined;

/**
 * The rows of an in-memory estate's tables, before a commit's changes are applied to it: what
 * SQLite holds, as every commit is written before it is applied. Its stored tables (recovery
 * points, jobs) are not answered. A row asked for again (written twice in one commit) is not
 * answered either: SQLite no longer holds what memory does, and the row is written whole.
 */
export function committedRows(estate: Estate): CommittedRow {
  const asked = new Map<EntityName, Set<string>>();
  return (entity, id) => {
    const table = estate[entity] as unknown as Record<string, Row>;
    if (isStored(table)) return undefined;
    let ids = asked.get(entity);
    if (!ids) asked.set(entity, (ids = new Set()));
    if (ids.has(id)) return undefined;
    ids.add(id);
    return ownRow(table, id);
  };
}

interface TableWriter {
  upsert: Statement;
  remove: Statement;
  values: (row: Row) => unknown[];
  /** Writes the columns of `row` that differ from `before` (what SQLite holds), or nothing. */
  update: (row: Row, before: Row) => void;
}
const writers = new WeakMap<object, Map<EntityName, TableWriter>>();

/**
 * Prepared upsert, update and delete statements per table, with drizzle's own column encoders
 * (JSON, booleans): a tick of the large estate writes hundreds of thousands of rows, and building
 * a query per row costs more than the tick itself. A row whose previous version is known is
 * updated in the columns that changed only: SQLite then rewrites none of the table's indexes on
 * columns that kept their value (a replica's sync time, written for every replica every day,
 * touches none), where an upsert rewrites them all.
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
  const encoders = columns.map(([key, c]) => ({
    key,
    encode: (v: unknown) => (v === null || v === undefined ? null : c.mapToDriverValue(v)),
  }));
  const values = (row: Row) => encoders.map(({ key, encode }) => encode(row[key]));
  // One statement per set of changed columns (a tick changes few sets: a sync time, a status).
  const updatesBySet = new Map<string, Statement>();
  const statementFor = (changed: number[]): Statement => {
    const key = changed.join(',');
    let statement: Statement | undefined = updatesBySet.get(key);
    if (!statement) {
      const set = changed.map((i) => `${names[i]} = ?`).join(', ');
      const prepared = db.$client.prepare(`UPDATE "${name}" SET ${set} WHERE "id" = ?`);
      updatesBySet.set(key, (statement = prepared));
    }
    return statement;
  };
  const update = (row: Row, before: Row) => {
    const changed: number[] = [];
    const params: unknown[] = [];
    encoders.forEach(({ key, encode }, i) => {
      if (key === 'id' || row[key] === before[key]) return;
      const value = encode(row[key]);
      // A JSON column is a new object at each write: its text decides whether it changed.
      if (value === encode(before[key])) return;
      changed.push(i);
      params.push(value);
    });
    if (changed.length > 0) statementFor(changed).run(...params, row.id);
  };
  const writer = { upsert, remove, values, update };
  byTable.set(entity, writer);
  return writer;
}

/**
 * Writes the changes of one command or tick. Call inside its transaction. With `committed`, a row
 * whose previous version it knows is written in its changed columns only (nothing if none).
 */
export function persistChanges(db: Db, changes: readonly Change[], committed?: CommittedRow): void {
  for (const c of changes) {
    const w = writerFor(db, c.entity);
    if (c.op === 'del') {
      w.remove.run(c.id);
      continue;
    }
    const row = c.value as unknown as Row;
    const before = committed?.(c.entity, c.value.id);
    if (before === undefined) w.upsert.run(...w.values(row));
    else w.update(row, before);
  }
}

/** Writes a whole table's rows (loading a fixture into empty tables). Call inside a transaction. */
export function writeRows(db: Db, entity: EntityName, rows: Iterable<Row>): void {
  const w = writerFor(db, entity);
  for (const row of rows) w.upsert.run(...w.values(row));
}
