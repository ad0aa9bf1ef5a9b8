import { and, desc, eq, like, lt, or, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { audit } from './schema';

export type AuditEntry = typeof audit.$inferInsert;
export type AuditRow = typeof audit.$inferSelect;

/** Appends one entry. The table is append-only: nothing in the code updates or deletes it. */
export function appendAudit(db: Db, entry: AuditEntry): void {
  db.insert(audit).values(entry).run();
}

export interface AuditQuery {
  actor?: string;
  outcome?: AuditRow['outcome'];
  search?: string;
  /** Entries older than this id (keyset paging, newest first). */
  before?: number;
  limit: number;
}

export function listAudit(db: Db, q: AuditQuery): AuditRow[] {
  const where: SQL[] = [];
  if (q.actor) where.push(eq(audit.actor, q.actor));
  if (q.outcome) where.push(eq(audit.outcome, q.outcome));
  if (q.before !== undefined) where.push(lt(audit.id, q.before));
  if (q.search) {
    const s = `%${q.search}%`;
    const match = or(like(audit.action, s), like(audit.target, s), like(audit.detail, s));
    if (match) where.push(match);
  }
  return db
    .select()
    .from(audit)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(audit.id))
    .limit(q.limit)
    .all();
}
