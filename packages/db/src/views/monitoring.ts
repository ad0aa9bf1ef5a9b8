import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { AlertName, AlertSeverity, AlertState, DbHistoryPeriod, JobStatus, JobType } from '@dpm/domain/model';
import { ALERT_CATALOG } from '@dpm/domain/alerts/alerts';
import type { JobView } from '@dpm/domain/jobs/job-details';
import type { Page, PageOrder } from './paging';
import { readPage } from './paging';
import { firstRow } from './statements';

export interface AlertRow {
  id: string;
  name: AlertName;
  severity: AlertSeverity;
  state: AlertState;
  affectedArea: string;
  computer: string | null;
  computerId: string | null;
  group: string | null;
  subjectId: string;
  description: string;
  raisedAt: number;
  resolvedAt: number | null;
  recommendedAction: string | null;
  acknowledged: { by: string; at: number; comment: string } | null;
}

export type AlertGrouping = 'group' | 'computer' | 'severity' | 'state';

export interface AlertQuery {
  serverId: string;
  includeInactive: boolean;
  severity?: AlertSeverity;
  /** Group by: rows come group after group (newest first inside), so a group is whole once the next one starts. */
  groupBy?: AlertGrouping;
  cursor?: string;
  limit: number;
}

/**
 * The sort key of a grouped list: the group's key, then newest first, in one text value so the
 * keyset cursor stays a (value, id) pair. Rows without a group come last.
 */
function groupedKey(group: SQL, time: SQL): SQL {
  return sql`(${group} || '|' || printf('%016d', 9000000000000000 - ${time}))`;
}

/**
 * A list of the Monitoring work area: newest first, or group after group (groupedKey) when grouped.
 * Every key is NOT NULL (the time, the grouped text), so the index on (server_id, time) serves the
 * newest first and a page stops after limit + 1 rows instead of sorting the server's all.
 */
function newestFirst(group: SQL | undefined, time: SQL, id: SQL): PageOrder {
  return group
    ? { expr: groupedKey(group, time), id, dir: 'asc', nullable: false }
    : { expr: time, id, dir: 'desc', nullable: false };
}

const ALERT_GROUP_KEY: Record<AlertGrouping, SQL> = {
  group: sql`coalesce(g.name, '~')`,
  computer: sql`coalesce(c.name, '~')`,
  severity: sql`(CASE a.severity WHEN 'Critical' THEN '0' WHEN 'Warning' THEN '1' ELSE '2' END)`,
  state: sql`(CASE a.state WHEN 'Active' THEN '0' ELSE '1' END)`,
};

export function listAlerts(db: Db, q: AlertQuery): Page<AlertRow> {
  const where: SQL[] = [sql`a.server_id = ${q.serverId}`];
  if (!q.includeInactive) where.push(sql`a.state = 'Active'`);
  if (q.severity) where.push(sql`a.severity = ${q.severity}`);
  const filter = sql.join(where, sql` AND `);
  const total = firstRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM alerts a WHERE ${filter}`)?.n ?? 0;
  const order = newestFirst(q.groupBy && ALERT_GROUP_KEY[q.groupBy], sql`a.raised_at`, sql`a.id`);
  return readPage<
    Omit<AlertRow, 'recommendedAction' | 'acknowledged'> & { acknowledged: string | null; sortValue: string | number },
    AlertRow
  >(
    db,
    q,
    total,
    {
      select: sql`
    SELECT a.id, a.name, a.severity, a.state, a.affected_area AS affectedArea, c.name AS computer, a.computer_id AS
      computerId,
      g.name AS "group", a.subject_id AS subjectId, a.description, a.raised_at AS raisedAt, a.resolved_at AS
        resolvedAt, a.acknowledged,
      ${order.expr} AS sortValue
    FROM alerts a LEFT JOIN computers c ON c.id = a.computer_id LEFT JOIN protection_groups g ON g.id = a.group_id`,
      filter,
      order,
    },
    (r) => ({
      ...r,
      recommendedAction: r.state === 'Active' ? ALERT_CATALOG[r.name].action : null,
      acknowledged: r.acknowledged ? (JSON.parse(r.acknowledged) as AlertRow['acknowledged']) : null,
    }),
  );
}

/** Active critical alerts across the estate, for the header. */
export function criticalAlertCount(db: Db): number {
  return (
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM alerts WHERE state = 'Active' AND severity = 'Critical'`)?.n ??
    0
  );
}

export interface CriticalAlert {
  id: string;
  serverId: string;
  server: string;
  name: string;
  affectedArea: string;
  raisedAt: number;
}

/** The newest active critical alerts across the estate, with their DPM server: the header's list. */
export function criticalAlerts(db: Db, limit: number): CriticalAlert[] {
  return db.all<CriticalAlert>(sql`
    SELECT a.id, a.server_id AS serverId, s.name AS server, a.name, a.affected_area AS affectedArea, a.raised_at AS
      raisedAt
    FROM alerts a JOIN servers s ON s.id = a.server_id
    WHERE a.state = 'Active' AND a.severity = 'Critical'
    ORDER BY a.raised_at DESC, a.id
    LIMIT ${limit}`);
}

/** A row of the Jobs list; the domain owns its shape. */
export type JobRow = JobView;

export type JobGrouping = 'group' | 'computer' | 'status' | 'type';

export interface JobQuery {
  serverId: string;
  /** The periods whose jobs the server's DPM database holds (DpmServer.dbHistory). */
  history: readonly DbHistoryPeriod[];
  status?: JobStatus;
  type?: JobType;
  groupBy?: JobGrouping;
  cursor?: string;
  limit: number;
}

const JOB_GROUP_KEY: Record<JobGrouping, SQL> = {
  group: sql`coalesce(g.name, '~')`,
  computer: sql`coalesce(c.name, '~')`,
  status: sql`(CASE j.status WHEN 'In progress' THEN '0' WHEN 'Scheduled' THEN '1' WHEN 'Failed' THEN '2' WHEN
    'Canceled' THEN '3' ELSE '4' END)`,
  type: sql`j.type`,
};

export function listJobs(db: Db, q: JobQuery): Page<JobRow> {
  const periods = q.history.map((p) =>
    p.to === null ? sql`j.scheduled_at >= ${p.from}` : sql`(j.scheduled_at >= ${p.from} AND j.scheduled_at <= ${p.to})`,
  );
  const where: SQL[] = [
    sql`j.server_id = ${q.serverId}`,
    periods.length > 0 ? sql`(${sql.join(periods, sql` OR `)})` : sql`0`,
  ];
  if (q.status) where.push(sql`j.status = ${q.status}`);
  if (q.type) where.push(sql`j.type = ${q.type}`);
  const filter = sql.join(where, sql` AND `);
  const total = firstRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM jobs j WHERE ${filter}`)?.n ?? 0;
  const order = newestFirst(q.groupBy && JOB_GROUP_KEY[q.groupBy], sql`j.scheduled_at`, sql`j.id`);
  return readPage<
    Omit<JobRow, 'error' | 'params'> & { error: string | null; params: string; sortValue: string | number },
    JobRow
  >(
    db,
    q,
    total,
    {
      select: sql`
    SELECT j.id, j.type, j.status, ds.name AS source, c.name AS computer, g.name AS "group", l.name AS library,
      t.barcode AS tape,
      j.scheduled_at AS scheduledAt, j.started_at AS startedAt, j.finished_at AS finishedAt,
      j.total_gb AS totalGb, j.transferred_gb AS transferredGb, j.error, j.params, ${order.expr} AS sortValue
    FROM jobs j
    LEFT JOIN data_sources ds ON ds.id = j.data_source_id
    LEFT JOIN computers c ON c.id = j.computer_id
    LEFT JOIN protection_groups g ON g.id = j.group_id
    LEFT JOIN libraries l ON l.id = j.library_id
    LEFT JOIN tapes t ON t.id = j.tape_id`,
      filter,
      order,
    },
    (r) => ({
      ...r,
      error: r.error ? (JSON.parse(r.error) as JobRow['error']) : null,
      params: JSON.parse(r.params) as Record<string, string>,
    }),
  );
}
