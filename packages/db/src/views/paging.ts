import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { allRows } from './statements';

/** An opaque keyset cursor: the sort value and id of the last row of the previous page. */
export interface Cursor {
  v: string | number | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const { v, id } = parsed as { v?: unknown; id?: unknown };
    if (typeof id !== 'string' || !(typeof v === 'string' || typeof v === 'number' || v === null)) return null;
    return { v, id };
  } catch {
    return null;
  }
}

/**
 * The WHERE clause that continues a keyset page after `cursor`, for ORDER BY `expr` `dir`,
 * `idExpr` `dir`. NULL sort values come last in either direction. A key that is never NULL
 * (`nullable` false: a NOT NULL column, a text built with coalesce) is compared as it is, so an
 * index on it can serve the order and the page stops after `limit` rows instead of sorting them all.
 */
export function afterCursor(expr: SQL, idExpr: SQL, dir: 'asc' | 'desc', cursor: Cursor | null, nullable = true): SQL {
  if (!cursor) return sql`1 = 1`;
  const cmp = dir === 'asc' ? sql`>` : sql`<`;
  if (cursor.v === null) return sql`(${expr} IS NULL AND ${idExpr} ${cmp} ${cursor.id})`;
  const after = sql`(${expr} ${cmp} ${cursor.v}) OR (${expr} = ${cursor.v} AND ${idExpr} ${cmp} ${cursor.id})`;
  return nullable ? sql`(${after} OR ${expr} IS NULL)` : sql`(${after})`;
}

export function orderBy(expr: SQL, idExpr: SQL, dir: 'asc' | 'desc', nullable = true): SQL {
  const order = dir === 'asc' ? sql`${expr} ASC, ${idExpr} ASC` : sql`${expr} DESC, ${idExpr} DESC`;
  return nullable ? sql`(${expr} IS NULL), ${order}` : order;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

/** Fetches `limit + 1` rows to know whether there is a next page. */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
  total: number,
  sortValue: (row: T) => string | number | null,
): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    total,
    nextCursor: rows.length > limit && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null,
  };
}

/** How a paged list is sorted: by `expr` in `dir`, then by its rows' `id` column the same way. */
export interface PageOrder {
  expr: SQL;
  id: SQL;
  dir: 'asc' | 'desc';
  /** False for a key that is never NULL: an index on it can serve the order (see afterCursor). */
  nullable?: boolean;
}

/**
 * A page of a list read in SQL: `select` (SELECT …, the sort value AS sortValue, FROM …) WHERE
 * `filter`, continued after the request's cursor in `order`, `limit + 1` rows to know whether
 * another page follows; each row is `read` without its sort value.
 */
export function readPage<R extends { id: string; sortValue: string | number | null }, T>(
  db: Db,
  q: { cursor?: string; limit: number },
  total: number,
  { select, filter, order }: { select: SQL; filter: SQL; order: PageOrder },
  read: (row: Omit<R, 'sortValue'>) => T,
): Page<T> {
  const nullable = order.nullable ?? true;
  const rows = allRows<R>(
    db,
    sql`${select}
    WHERE ${filter} AND ${afterCursor(order.expr, order.id, order.dir, decodeCursor(q.cursor), nullable)}
    ORDER BY ${orderBy(order.expr, order.id, order.dir, nullable)}
    LIMIT ${q.limit + 1}`,
  );
  const page = toPage(rows, q.limit, total, (r) => r.sortValue);
  return { ...page, items: page.items.map(({ sortValue: _s, ...r }) => read(r)) };
}
