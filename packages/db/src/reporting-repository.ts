import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ReportSchedule } from '@dpm/domain/reporting/schedule';
import type { ReadinessReport } from '@dpm/domain/reporting/readiness';
import type { Db } from './client';
import { readinessRuns, reportCopies, reportSchedules, type MailStatus } from './schema';
import { getMeta, setMeta } from './estate-repository';

export type ReportCopy = typeof reportCopies.$inferSelect;
export type ReportCopySummary = Omit<ReportCopy, 'document'>;
export type ReadinessRun = typeof readinessRuns.$inferSelect;
export type ReadinessRunSummary = Omit<ReadinessRun, 'report'>;

/** Rows of report_schedules are the domain's ReportSchedule (schema.ts mirrors its fields). */
export function listSchedules(db: Db): ReportSchedule[] {
  return db.select().from(reportSchedules).orderBy(asc(reportSchedules.createdAt), asc(reportSchedules.id)).all();
}

export function scheduleById(db: Db, id: string): ReportSchedule | undefined {
  return db.select().from(reportSchedules).where(eq(reportSchedules.id, id)).get();
}

export function insertSchedule(db: Db, s: ReportSchedule): void {
  db.insert(reportSchedules).values(s).run();
}

export function updateSchedule(db: Db, s: ReportSchedule): void {
  db.update(reportSchedules).set(s).where(eq(reportSchedules.id, s.id)).run();
}

export function deleteSchedule(db: Db, id: string): void {
  db.delete(reportSchedules).where(eq(reportSchedules.id, id)).run();
}

/** Keeps a produced copy and drops the schedule's oldest beyond `keep`. */
export function insertCopy(db: Db, copy: ReportCopy, keep: number): void {
  db.insert(reportCopies).values(copy).run();
  const old = db
    .select({ id: reportCopies.id })
    .from(reportCopies)
    .where(eq(reportCopies.scheduleId, copy.scheduleId))
    .orderBy(desc(reportCopies.generatedAt), desc(reportCopies.id))
    .offset(keep)
    .limit(1_000_000)
    .all()
    .map((r) => r.id);
  if (old.length > 0) db.delete(reportCopies).where(inArray(reportCopies.id, old)).run();
}

const copySummary = {
  id: reportCopies.id,
  scheduleId: reportCopies.scheduleId,
  reportId: reportCopies.reportId,
  serverId: reportCopies.serverId,
  period: reportCopies.period,
  generatedAt: reportCopies.generatedAt,
  format: reportCopies.format,
  recipients: reportCopies.recipients,
  mailStatus: reportCopies.mailStatus,
  mailDetail: reportCopies.mailDetail,
  mailedAt: reportCopies.mailedAt,
};

/** Available reports, newest first, for one schedule or all. */
export function listCopies(db: Db, scheduleId?: string): ReportCopySummary[] {
  return db
    .select(copySummary)
    .from(reportCopies)
    .where(scheduleId ? eq(reportCopies.scheduleId, scheduleId) : undefined)
    .orderBy(desc(reportCopies.generatedAt), desc(reportCopies.id))
    .limit(500)
    .all();
}

export function copyById(db: Db, id: string): ReportCopy | undefined {
  return db.select().from(reportCopies).where(eq(reportCopies.id, id)).get();
}

export function setMailStatus(
  db: Db,
  id: string,
  status: MailStatus,
  detail: string | null,
  mailedAt: number | null,
): void {
  db.update(reportCopies)
    .set({ mailStatus: status, mailDetail: detail, mailedAt })
    .where(eq(reportCopies.id, id))
    .run();
}

export function insertReadinessRun(db: Db, run: Omit<ReadinessRun, 'id'>): number {
  return db.insert(readinessRuns).values(run).returning({ id: readinessRuns.id }).get().id;
}

const runSummary = {
  id: readinessRuns.id,
  at: readinessRuns.at,
  wallAt: readinessRuns.wallAt,
  actor: readinessRuns.actor,
  result: readinessRuns.result,
  passed: readinessRuns.passed,
  warnings: readinessRuns.warnings,
  failed: readinessRuns.failed,
  goalHours: readinessRuns.goalHours,
};

/** Readiness history, newest first (keyset paging with `before`). */
export function listReadinessRuns(db: Db, limit: number, before?: number): ReadinessRunSummary[] {
  return db
    .select(runSummary)
    .from(readinessRuns)
    .where(before !== undefined ? lt(readinessRuns.id, before) : undefined)
    .orderBy(desc(readinessRuns.id))
    .limit(limit)
    .all();
}

export function readinessRunById(db: Db, id: number): ReadinessRun | undefined {
  return db.select().from(readinessRuns).where(eq(readinessRuns.id, id)).get();
}

export function latestReadinessRun(db: Db): ReadinessRun | undefined {
  return db.select().from(readinessRuns).orderBy(desc(readinessRuns.id)).limit(1).get();
}

export type { MailStatus, ReadinessReport };

const GOAL_KEY = 'readiness.dpmdb_goal_hours';

/** The administrator's goal for the age of the newest DPMDB copy, hours (null: never set). */
export function readinessGoalHours(db: Db): number | null {
  const v = getMeta(db, GOAL_KEY);
  return v === undefined ? null : Number(v);
}

export function setReadinessGoalHours(db: Db, hours: number): void {
  setMeta(db, GOAL_KEY, String(hours));
}

/** Schedules due at or before `now`. */
export function dueSchedules(db: Db, now: number): ReportSchedule[] {
  return db
    .select()
    .from(reportSchedules)
    .where(and(sql`${reportSchedules.nextRunAt} <= ${now}`))
    .orderBy(asc(reportSchedules.nextRunAt), asc(reportSchedules.id))
    .all();
}
