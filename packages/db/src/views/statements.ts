import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client';

/** What is used of a better-sqlite3 statement: its rows, read with positional parameters. */
interface Statement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
}

const dialect = new SQLiteSyncDialect();
const statements = new WeakMap<Db, Map<string, Statement>>();
/** More shapes of list query than the views build (filters × sorts × groupings); past it, start afresh. */
const MAX_STATEMENTS = 500;

/**
 * The prepared statement of a query's text, kept per connection: a list asked for again with the
 * same filters and sort (other values, other cursor) is not prepared again. SQLite's prepare of a
 * page query with its joins costs more than running it.
 */
function prepared(db: Db, query: SQL): { statement: Statement; params: unknown[] } {
  const { sql: text, params } = dialect.sqlToQuery(query);
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    statement = db.$client.prepare(text) as Statement;
    cache.set(text, statement);
  }
  return { statement, params };
}

/** Every row of a read query, through its kept statement. */
export function allRows<T>(db: Db, query: SQL): T[] {
  const { statement, params } = prepared(db, query);
  return statement.all(...params) as T[];
}

/** The first row of a read query, through its kept statement. */
export function firstRow<T>(db: Db, query: SQL): T | undefined {
  const { statement, params } = prepared(db, query);
  return statement.get(...params) as T | undefined;
}
