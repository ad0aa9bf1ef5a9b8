import { createRoute, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { type Db } from '@dpm/db/client';
import {
  copyById,
  deleteSchedule,
  insertSchedule,
  listCopies,
  listSchedules,
  scheduleById,
  updateSchedule,
} from '@dpm/db/reporting-repository';
import { staleRefusal } from '@dpm/domain/revisions';
import { GROUP_BY, REPORT_IDS, REPORT_NAMES, limitRows, printable } from '@dpm/domain/reporting/document';
import { PERIODS } from '@dpm/domain/reporting/period';
import {
  FREQUENCIES,
  MAX_KEPT_COPIES,
  REPORT_FORMATS,
  describeTiming,
  nextRunAfter,
  type ReportSchedule,
} from '@dpm/domain/reporting/schedule';
import type { AppDeps, AppEnv } from '../deps';
import { Refused } from '../http-errors';
import { ErrorBody, Id } from '../schemas';
import { declared, refusals, router } from './route-kit';
import { MAX_ROWS_SHOWN } from '../reporting/export';
import { renderFile } from '../reporting/service';
import { Format, TAG, auditedChange, file, json, notFound, ok, sendFile } from './reporting-kit';
import { ReportDocument } from './reporting';

const Recipients = z.array(z.string().email().max(254)).max(20);
const ScheduleBody = z
  .object({
    reportId: z.enum(REPORT_IDS),
    serverId: Id.nullable(),
    period: z.enum(PERIODS),
    groupBy: z.enum(GROUP_BY).default('Protection group'),
    frequency: z.enum(FREQUENCIES),
    timeOfDay: z
      .number()
      .int()
      .min(0)
      .max(24 * 60 - 1),
    dayOfWeek: z.number().int().min(0).max(6).default(1),
    dayOfMonth: z.number().int().min(1).max(31).default(1),
    keep: z.number().int().min(1).max(MAX_KEPT_COPIES),
    recipients: Recipients.default([]),
    format: z.enum(REPORT_FORMATS).default('PDF'),
  })
  .strict();
const ScheduleRow = z
  .object({
    id: z.string(),
    reportId: z.enum(REPORT_IDS),
    report: z.string(),
    serverId: z.string().nullable(),
    scope: z.string(),
    period: z.enum(PERIODS),
    groupBy: z.enum(GROUP_BY),
    frequency: z.enum(FREQUENCIES),
    timeOfDay: z.number(),
    dayOfWeek: z.number(),
    dayOfMonth: z.number(),
    keep: z.number(),
    recipients: z.array(z.string()),
    format: z.enum(REPORT_FORMATS),
    nextRunAt: z.number(),
    description: z.string(),
    updatedBy: z.string(),
    updatedAt: z.number(),
    version: z.number(),
  })
  .openapi('ReportSchedule');
const ScheduleParams = z.object({ scheduleId: Id.openapi({ param: { name: 'scheduleId', in: 'path' } }) });
const CopyRow = z
  .object({
    id: z.string(),
    scheduleId: z.string(),
    reportId: z.enum(REPORT_IDS),
    report: z.string(),
    scope: z.string(),
    period: z.enum(PERIODS),
    generatedAt: z.number(),
    format: z.enum(REPORT_FORMATS),
    recipients: z.array(z.string()),
    mailStatus: z.enum(['No recipients', 'Not configured', 'Sending', 'Sent', 'Failed']),
    mailDetail: z.string().nullable(),
    mailedAt: z.number().nullable(),
  })
  .openapi('AvailableReport');
const CopyParams = z.object({ copyId: Id.openapi({ param: { name: 'copyId', in: 'path' } }) });

const administer = { kind: 'role', role: 'Administrator' } as const;
const schedules = createRoute({
  method: 'get',
  path: '/report-schedules',
  tags: [TAG],
  responses: { 200: ok('Report schedules', z.array(ScheduleRow)) },
});
const createSchedule = declared(
  createRoute({
    method: 'post',
    path: '/report-schedules',
    tags: [TAG],
    summary: 'Schedule a report',
    request: { body: json(ScheduleBody) },
    responses: { 200: ok('The schedule', ScheduleRow), 400: refusals[400], 403: refusals[403], 404: refusals[404] },
  }),
  administer,
);
const modifySchedule = declared(
  createRoute({
    method: 'post',
    path: '/report-schedules/{scheduleId}/modify',
    tags: [TAG],
    summary: 'Change a schedule (from the version read: a stale edit is refused)',
    request: { params: ScheduleParams, body: json(ScheduleBody.extend({ version: z.number().int().min(1) })) },
    responses: {
      200: ok('The schedule', ScheduleRow),
      400: refusals[400],
      403: refusals[403],
      404: refusals[404],
      409: { description: 'Changed since it was read (STALE)', content: { 'application/json': { schema: ErrorBody } } },
    },
  }),
  administer,
);
const removeSchedule = declared(
  createRoute({
    method: 'post',
    path: '/report-schedules/{scheduleId}/delete',
    tags: [TAG],
    summary: 'Delete a schedule and its available reports',
    request: { params: ScheduleParams, body: json(z.object({}).strict()) },
    responses: { 200: ok('Deleted', z.object({ ok: z.literal(true) })), 403: refusals[403], 404: refusals[404] },
  }),
  administer,
);
const copies = createRoute({
  method: 'get',
  path: '/available-reports',
  tags: [TAG],
  summary: 'Available reports: the copies schedules keep',
  request: { query: z.object({ scheduleId: Id.optional() }).strict() },
  responses: { 200: ok('Newest first', z.array(CopyRow)) },
});
const copyView = createRoute({
  method: 'get',
  path: '/available-reports/{copyId}',
  tags: [TAG],
  request: { params: CopyParams },
  responses: { 200: ok('The report as it was produced', ReportDocument), 404: refusals[404] },
});
const copyDownload = createRoute({
  method: 'get',
  path: '/available-reports/{copyId}/download',
  tags: [TAG],
  request: { params: CopyParams, query: z.object({ format: Format.optional() }).strict() },
  responses: { 200: file, 404: refusals[404] },
});

/**
 * Reporting › Schedules: schedules that produce, keep and mail reports on the simulated clock, and the kept
 * copies.
 */
export function reportScheduleRoutes(d: AppDeps) {
  const change = (c: Context<AppEnv>, action: string, target: string, detail: string, apply: (tx: Db) => void) =>
    auditedChange(d, c, action, target, detail, apply);
  const scopeName = (serverId: string | null) =>
    serverId === null ? 'Entire estate' : (d.store.estate.servers[serverId]?.name ?? serverId);
  const scheduleRow = (s: ReportSchedule) => ({
    ...s,
    report: REPORT_NAMES[s.reportId],
    scope: scopeName(s.serverId),
    description: describeTiming(s),
  });
  const checkServer = (serverId: string | null) => {
    if (serverId !== null && !d.store.estate.servers[serverId]) throw notFound('DPM server', serverId);
  };

  return router()
    .openapi(schedules, (c) => c.json(listSchedules(d.db).map(scheduleRow), 200))
    .openapi(createSchedule, (c) => {
      const body = c.req.valid('json');
      checkServer(body.serverId);
      const actor = c.get('actor');
      const now = d.store.now;
      const s: ReportSchedule = {
        id: `schedule-${randomUUID()}`,
        ...body,
        nextRunAt: nextRunAfter(body, now),
        createdBy: actor,
        createdAt: now,
        updatedBy: actor,
        updatedAt: now,
        version: 1,
      };
      change(
        c,
        'report.schedule',
        s.id,
        `${REPORT_NAMES[s.reportId]} report for ${scopeName(s.serverId)}: ${describeTiming(s)}, keep ${s.keep}, ` +
          `${s.recipients.length} recipient(s), ${s.format}.`,
        (tx) => insertSchedule(tx, s),
      );
      d.reporting.reload();
      return c.json(scheduleRow(s), 200);
    })
    .openapi(modifySchedule, (c) => {
      const { scheduleId } = c.req.valid('param');
      const { version, ...body } = c.req.valid('json');
      const current = scheduleById(d.db, scheduleId);
      if (!current) throw notFound('report schedule', scheduleId);
      // The same refusal as a stale edit of an estate object: who changed it, when, and nothing changed.
      const stale = staleRefusal(
        `The ${REPORT_NAMES[current.reportId]} report schedule`,
        { n: current.version, by: current.updatedBy, at: current.updatedAt },
        version,
        'version',
      );
      if (stale) throw new Refused(stale);
      checkServer(body.serverId);
      const actor = c.get('actor');
      const now = d.store.now;
      const s: ReportSchedule = {
        ...current,
        ...body,
        nextRunAt: nextRunAfter(body, now),
        updatedBy: actor,
        updatedAt: now,
        version: current.version + 1,
      };
      change(
        c,
        'report.schedule.modify',
        s.id,
        `${REPORT_NAMES[s.reportId]} report for ${scopeName(s.serverId)}: ${describeTiming(s)}, keep ${s.keep}, ` +
          `${s.recipients.length} recipient(s), ${s.format}.`,
        (tx) => updateSchedule(tx, s),
      );
      d.reporting.reload();
      return c.json(scheduleRow(s), 200);
    })
    .openapi(removeSchedule, (c) => {
      const { scheduleId } = c.req.valid('param');
      const current = scheduleById(d.db, scheduleId);
      if (!current) throw notFound('report schedule', scheduleId);
      change(
        c,
        'report.schedule.delete',
        scheduleId,
        `${REPORT_NAMES[current.reportId]} report for ${scopeName(current.serverId)} no longer scheduled; its ` +
          `available reports are deleted.`,
        (tx) => deleteSchedule(tx, scheduleId),
      );
      d.reporting.reload();
      return c.json({ ok: true as const }, 200);
    })
    .openapi(copies, (c) => {
      const { scheduleId } = c.req.valid('query');
      return c.json(
        listCopies(d.db, scheduleId).map((r) => ({
          ...r,
          report: REPORT_NAMES[r.reportId],
          scope: scopeName(r.serverId),
        })),
        200,
      );
    })
    .openapi(copyView, (c) => {
      const { copyId } = c.req.valid('param');
      const copy = copyById(d.db, copyId);
      if (!copy) throw notFound('available report', copyId);
      return c.json(limitRows(copy.document, MAX_ROWS_SHOWN), 200);
    })
    .openapi(copyDownload, async (c) => {
      const { copyId } = c.req.valid('param');
      const copy = copyById(d.db, copyId);
      if (!copy) throw notFound('available report', copyId);
      const { format } = c.req.valid('query');
      return sendFile(
        c,
        await renderFile(
          printable(copy.document),
          format === undefined ? copy.format : format === 'csv' ? 'CSV' : 'PDF',
        ),
      );
    });
}
