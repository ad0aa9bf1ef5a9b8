import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { json } from './schema-columns';
import type { ReportDocument, ReportGroupBy, ReportId } from '@dpm/domain/reporting/document';
import type { Period } from '@dpm/domain/reporting/period';
import type { Frequency, ReportFormat } from '@dpm/domain/reporting/schedule';
import type { ReadinessReport, ReadinessResult } from '@dpm/domain/reporting/readiness';

/** Reporting › Schedule: a report run on the simulated clock, kept and mailed (the domain's ReportSchedule). */
export const reportSchedules = sqliteTable('report_schedules', {
  id: text('id').primaryKey(),
  reportId: text('report_id').$type<ReportId>().notNull(),
  serverId: text('server_id'),
  period: text('period').$type<Period>().notNull(),
  groupBy: text('group_by').$type<ReportGroupBy>().notNull(),
  frequency: text('frequency').$type<Frequency>().notNull(),
  timeOfDay: integer('time_of_day').notNull(),
  dayOfWeek: integer('day_of_week').notNull(),
  dayOfMonth: integer('day_of_month').notNull(),
  keep: integer('keep').notNull(),
  recipients: json<string[]>('recipients').notNull(),
  format: text('format').$type<ReportFormat>().notNull(),
  nextRunAt: integer('next_run_at').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at').notNull(),
  version: integer('version').notNull(),
});

export type MailStatus = 'No recipients' | 'Not configured' | 'Sending' | 'Sent' | 'Failed';

/** Available reports: the copies a schedule keeps (its last `keep`), each the report as it was produced. */
export const reportCopies = sqliteTable(
  'report_copies',
  {
    id: text('id').primaryKey(),
    scheduleId: text('schedule_id')
      .notNull()
      .references(() => reportSchedules.id, { onDelete: 'cascade' }),
    reportId: text('report_id').$type<ReportId>().notNull(),
    serverId: text('server_id'),
    period: text('period').$type<Period>().notNull(),
    /** Simulated time it was produced. */
    generatedAt: integer('generated_at').notNull(),
    document: json<ReportDocument>('document').notNull(),
    format: text('format').$type<ReportFormat>().notNull(),
    recipients: json<string[]>('recipients').notNull(),
    mailStatus: text('mail_status').$type<MailStatus>().notNull(),
    mailDetail: text('mail_detail'),
    /** Wall-clock time the SMTP server accepted it. */
    mailedAt: integer('mailed_at'),
  },
  (t) => [index('report_copies_schedule_generated').on(t.scheduleId, t.generatedAt)],
);

/** Reporting › Readiness check: every run, dated, kept as history. */
export const readinessRuns = sqliteTable(
  'readiness_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Simulated time of the run. */
    at: integer('at').notNull(),
    wallAt: integer('wall_at').notNull(),
    actor: text('actor').notNull(),
    result: text('result').$type<ReadinessResult>().notNull(),
    passed: integer('passed').notNull(),
    warnings: integer('warnings').notNull(),
    failed: integer('failed').notNull(),
    goalHours: integer('goal_hours').notNull(),
    report: json<ReadinessReport>('report').notNull(),
  },
  (t) => [index('readiness_runs_at').on(t.at)],
);
