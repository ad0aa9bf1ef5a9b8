import { createRoute, z } from '@hono/zod-openapi';
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { inTransaction, type Db } from '@dpm/db/client';
import {
  copyById,
  deleteSchedule,
  insertReadinessRun,
  insertSchedule,
  latestReadinessRun,
  listCopies,
  listReadinessRuns,
  listSchedules,
  readinessGoalHours,
  readinessRunById,
  scheduleById,
  setReadinessGoalHours,
  updateSchedule,
} from '@dpm/db/reporting-repository';
import { isDomainError, notFound as unknown } from '@dpm/domain/errors';
import { staleRefusal } from '@dpm/domain/revisions';
import { GROUP_BY, REPORT_IDS, REPORT_NAMES, limitRows, printable } from '@dpm/domain/reporting/document';
import { PERIODS } from '@dpm/domain/reporting/period';
import { REPORTS, buildReport } from '@dpm/domain/reporting/reports';
import { DEFAULT_DPMDB_GOAL_HOURS, readinessCheck, readinessDocument } from '@dpm/domain/reporting/readiness';
import { runReadinessCheckOperation } from '@dpm/domain/reporting/apply-readiness-alerts';
import { FREQUENCIES, MAX_KEPT_COPIES, REPORT_FORMATS, describeTiming, nextRunAfter, type ReportSchedule } from '@dpm/domain/reporting/schedule';
import type { AppDeps, AppEnv } from '../deps';
import { Refused } from '../http-errors';
import { ErrorBody, Id, Operations } from '../schemas';
import { declared, refusals, router, run } from './route-kit';
import { offeredFor, routeOffer } from './offers';
import { MAX_ROWS_SHOWN } from '../reporting/export';
import { renderFile } from '../reporting/service';

const TAG = 'Reporting';

// Path parameters name objects: one that names none is a 404 (the handler's), not a 400.
const ReportIdParam = z.object({ reportId: z.string().max(64).openapi({ param: { name: 'reportId', in: 'path' }, example: 'status', description: REPORT_IDS.join(', ') }) });
const ReportQuery = z
  .object({
    serverId: Id.optional().openapi({ description: 'The DPM server; leave it out for the whole estate' }),
    period: z.enum(PERIODS).default('Week'),
    groupBy: z.enum(GROUP_BY).default('Protection group'),
  })
  .strict();
const Format = z.enum(['csv', 'pdf']);
const ExportQuery = ReportQuery.extend({ format: Format });

const CellKind = z.enum(['text', 'number', 'time', 'gb', 'percent', 'duration']);
const Cell = z.union([z.string(), z.number(), z.null()]);
const Bucket = z.object({ start: z.number(), end: z.number(), label: z.string() });
const Section = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('table'),
    id: z.string(),
    title: z.string(),
    columns: z.array(z.object({ key: z.string(), header: z.string(), kind: CellKind })),
    rows: z.array(z.array(Cell)),
    empty: z.string(),
    groupColumn: z.number().optional(),
    omittedRows: z.number().optional(),
  }),
  z.object({ kind: z.literal('chart'), id: z.string(), title: z.string(), description: z.string(), unit: CellKind, buckets: z.array(Bucket), series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })) }),
  z.object({ kind: z.literal('facts'), id: z.string(), title: z.string(), items: z.array(z.object({ label: z.string(), value: Cell, kind: CellKind })) }),
]);
const ReportDocument = z
  .object({
    reportId: z.enum(REPORT_IDS),
    title: z.string(),
    scope: z.object({ serverId: z.string().nullable(), name: z.string() }),
    period: z.enum(PERIODS),
    from: z.number(),
    to: z.number(),
    generatedAt: z.number(),
    groupBy: z.enum(GROUP_BY),
    sections: z.array(Section),
  })
  .openapi('ReportDocument');

const Recipients = z.array(z.string().email().max(254)).max(20);
const ScheduleBody = z
  .object({
    reportId: z.enum(REPORT_IDS),
    serverId: Id.nullable(),
    period: z.enum(PERIODS),
    groupBy: z.enum(GROUP_BY).default('Protection group'),
    frequency: z.enum(FREQUENCIES),
    timeOfDay: z.number().int().min(0).max(24 * 60 - 1),
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

const ReadinessResult = z.enum(['Passed', 'Warning', 'Failed']);
const ReadinessCheck = z.object({
  serverId: z.string(),
  server: z.string(),
  check: z.string(),
  result: ReadinessResult,
  code: z.string(),
  message: z.string(),
  fix: z.object({ serverId: z.string(), path: z.string(), control: z.string() }).nullable(),
});
const ReadinessReport = z
  .object({
    at: z.number(),
    dpmdbGoalHours: z.number(),
    result: ReadinessResult,
    counts: z.object({ Passed: z.number(), Warning: z.number(), Failed: z.number() }),
    servers: z.array(z.object({ serverId: z.string(), server: z.string(), result: ReadinessResult, checks: z.array(ReadinessCheck) })),
  })
  .openapi('ReadinessReport');
const RunSummary = z.object({ id: z.number(), at: z.number(), wallAt: z.number(), actor: z.string(), result: ReadinessResult, passed: z.number(), warnings: z.number(), failed: z.number(), goalHours: z.number() }).openapi('ReadinessRun');
const Run = RunSummary.extend({ report: ReadinessReport }).openapi('ReadinessRunWithChecks');
const RunParams = z.object({ runId: z.string().max(20).openapi({ param: { name: 'runId', in: 'path' }, example: '1', description: 'A run number' }) });
const GoalBody = z.object({ dpmdbGoalHours: z.number().int().min(1).max(24 * 90) }).strict();

const json = <S extends z.ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } });
const ok = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
const file = { description: 'The file (text/csv or application/pdf)', content: { 'text/csv': { schema: z.string() }, 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } };

const list = createRoute({
  method: 'get',
  path: '/reports',
  tags: [TAG],
  responses: { 200: ok("DPM's reports", z.array(z.object({ id: z.enum(REPORT_IDS), name: z.string(), description: z.string() }))) },
});
const view = createRoute({ method: 'get', path: '/reports/{reportId}', tags: [TAG], summary: 'View a report', request: { params: ReportIdParam, query: ReportQuery }, responses: { 200: ok('The report (long tables cut to their first rows)', ReportDocument), 400: refusals[400], 404: refusals[404] } });
const exportReport = createRoute({ method: 'get', path: '/reports/{reportId}/export', tags: [TAG], summary: 'Export a report as CSV or PDF', request: { params: ReportIdParam, query: ExportQuery }, responses: { 200: file, 400: refusals[400], 404: refusals[404] } });
const operations = createRoute({
  method: 'get',
  path: '/reporting/operations',
  tags: [TAG],
  summary: "What the signed-in user can do in Reporting: Run readiness check, Schedule a report and change or delete one, the readiness goal",
  responses: { 200: ok('Each control, enabled or with the role it needs', Operations) },
});
const mail = createRoute({ method: 'get', path: '/reporting/mail', tags: [TAG], summary: 'Whether scheduled reports can be mailed (DPM_SMTP_URL)', responses: { 200: ok('Mail settings', z.object({ configured: z.boolean() })) } });
const schedules = createRoute({ method: 'get', path: '/report-schedules', tags: [TAG], responses: { 200: ok('Report schedules', z.array(ScheduleRow)) } });
const administer = { kind: 'role', role: 'Administrator' } as const;
const createSchedule = declared(createRoute({ method: 'post', path: '/report-schedules', tags: [TAG], summary: 'Schedule a report', request: { body: json(ScheduleBody) }, responses: { 200: ok('The schedule', ScheduleRow), 400: refusals[400], 403: refusals[403], 404: refusals[404] } }), administer);
const modifySchedule = declared(createRoute({
  method: 'post',
  path: '/report-schedules/{scheduleId}/modify',
  tags: [TAG],
  summary: 'Change a schedule (from the version read: a stale edit is refused)',
  request: { params: ScheduleParams, body: json(ScheduleBody.extend({ version: z.number().int().min(1) })) },
  responses: { 200: ok('The schedule', ScheduleRow), 400: refusals[400], 403: refusals[403], 404: refusals[404], 409: { description: 'Changed since it was read (STALE)', content: { 'application/json': { schema: ErrorBody } } } },
}), administer);
const removeSchedule = declared(
  createRoute({ method: 'post', path: '/report-schedules/{scheduleId}/delete', tags: [TAG], summary: 'Delete a schedule and its available reports', request: { params: ScheduleParams, body: json(z.object({}).strict()) }, responses: { 200: ok('Deleted', z.object({ ok: z.literal(true) })), 403: refusals[403], 404: refusals[404] } }),
  administer,
);
const copies = createRoute({ method: 'get', path: '/available-reports', tags: [TAG], summary: 'Available reports: the copies schedules keep', request: { query: z.object({ scheduleId: Id.optional() }).strict() }, responses: { 200: ok('Newest first', z.array(CopyRow)) } });
const copyView = createRoute({ method: 'get', path: '/available-reports/{copyId}', tags: [TAG], request: { params: CopyParams }, responses: { 200: ok('The report as it was produced', ReportDocument), 404: refusals[404] } });
const copyDownload = createRoute({ method: 'get', path: '/available-reports/{copyId}/download', tags: [TAG], request: { params: CopyParams, query: z.object({ format: Format.optional() }).strict() }, responses: { 200: file, 404: refusals[404] } });
const readiness = createRoute({
  method: 'get',
  path: '/readiness',
  tags: [TAG],
  summary: 'Readiness check: the latest run and the goal',
  responses: { 200: ok('The latest run (null before the first) and the settings', z.object({ latest: Run.nullable(), dpmdbGoalHours: z.number() })) },
});
const runs = createRoute({
  method: 'get',
  path: '/readiness/runs',
  tags: [TAG],
  request: { query: z.object({ before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict() },
  responses: { 200: ok('Readiness history, newest first', z.object({ items: z.array(RunSummary), nextBefore: z.number().nullable() })), 400: refusals[400] },
});
const runView = createRoute({ method: 'get', path: '/readiness/runs/{runId}', tags: [TAG], request: { params: RunParams }, responses: { 200: ok('A run with its checks', Run), 404: refusals[404] } });
const runExport = createRoute({ method: 'get', path: '/readiness/runs/{runId}/export', tags: [TAG], request: { params: RunParams, query: z.object({ format: Format }).strict() }, responses: { 200: file, 404: refusals[404] } });
const runCheck = declared(
  createRoute({
    method: 'post',
    path: '/readiness/run',
    tags: [TAG],
    summary: 'Run readiness check: recorded with its date, its failures raise an alert per DPM server',
    request: { body: json(z.object({}).strict()) },
    responses: { 200: ok('The run', Run), 403: refusals[403] },
  }),
  { kind: 'role', role: runReadinessCheckOperation.role, operation: runReadinessCheckOperation.id },
);
const setGoal = declared(
  createRoute({ method: 'post', path: '/readiness/settings', tags: [TAG], summary: 'The goal for the age of the newest copy of each DPM database', request: { body: json(GoalBody) }, responses: { 200: ok('The settings', GoalBody), 400: refusals[400], 403: refusals[403] } }),
  administer,
);

const notFound = (what: string, id: string) => new Refused(unknown(what, id));

function reportIdOr404(reportId: string): (typeof REPORT_IDS)[number] {
  const id = REPORT_IDS.find((r) => r === reportId);
  if (!id) throw notFound('report', reportId);
  return id;
}

async function sendFile(c: Context<AppEnv>, f: { filename: string; contentType: string; content: Buffer | string }) {
  c.header('Content-Disposition', `attachment; filename="${f.filename}"`);
  return c.body(typeof f.content === 'string' ? f.content : new Uint8Array(f.content), 200, { 'Content-Type': f.contentType });
}

/**
 * The Reporting work area: DPM's six reports viewed and exported, schedules that produce, keep
 * and mail them on the simulated clock, and the readiness check with its history.
 */
export function reportingRoutes(d: AppDeps) {
  /** A change outside the estate and its audit entry, in one transaction. */
  const change = (c: Context<AppEnv>, action: string, target: string, detail: string, apply: (tx: Db) => void) => {
    const audit = c.get('audit');
    audit.set({ action, target });
    inTransaction(d.db, (tx) => {
      apply(tx);
      audit.write(tx, 'success', null, detail);
    });
  };
  const report = (reportId: (typeof REPORT_IDS)[number], q: z.infer<typeof ReportQuery>) => {
    const doc = buildReport(d.store.estate, reportId, { now: d.store.now, serverId: q.serverId ?? null, period: q.period, groupBy: q.groupBy });
    if (isDomainError(doc)) throw new Refused(doc);
    return doc;
  };
  const scopeName = (serverId: string | null) => (serverId === null ? 'Entire estate' : (d.store.estate.servers[serverId]?.name ?? serverId));
  const scheduleRow = (s: ReportSchedule) => ({ ...s, report: REPORT_NAMES[s.reportId], scope: scopeName(s.serverId), description: describeTiming(s) });
  const checkServer = (serverId: string | null) => {
    if (serverId !== null && !d.store.estate.servers[serverId]) throw notFound('DPM server', serverId);
  };
  const runOr404 = (runId: string) => {
    const found = /^[1-9]\d{0,14}$/.test(runId) ? readinessRunById(d.db, Number(runId)) : undefined;
    if (!found) throw notFound('readiness check run', runId);
    return found;
  };
  const goal = () => readinessGoalHours(d.db) ?? DEFAULT_DPMDB_GOAL_HOURS;

  return router()
    .openapi(list, (c) => c.json(REPORT_IDS.map((id) => ({ id, name: REPORT_NAMES[id], description: REPORTS[id].description })), 200))
    .openapi(view, (c) => c.json(limitRows(report(reportIdOr404(c.req.valid('param').reportId), c.req.valid('query')), MAX_ROWS_SHOWN), 200))
    .openapi(exportReport, async (c) => {
      const { format, ...q } = c.req.valid('query');
      const doc = report(reportIdOr404(c.req.valid('param').reportId), q);
      return sendFile(c, await renderFile(printable(doc), format === 'csv' ? 'CSV' : 'PDF'));
    })
    .openapi(operations, (c) => {
      const area = 'Reporting' as const;
      return c.json(
        [
          ...offeredFor(d, c, 'estate')({}).filter((o) => o.area === area),
          routeOffer(c, { id: 'reporting.schedule', name: 'Schedule', area }, 'POST', '/report-schedules'),
          routeOffer(c, { id: 'reporting.change-schedule', name: 'Change schedule', area }, 'POST', '/report-schedules/{scheduleId}/modify'),
          routeOffer(c, { id: 'reporting.delete-schedule', name: 'Delete schedule', area }, 'POST', '/report-schedules/{scheduleId}/delete'),
          routeOffer(c, { id: 'reporting.readiness-goal', name: 'Save goal', area }, 'POST', '/readiness/settings'),
        ],
        200,
      );
    })
    .openapi(mail, (c) => c.json({ configured: d.reporting.mailConfigured }, 200))
    .openapi(schedules, (c) => c.json(listSchedules(d.db).map(scheduleRow), 200))
    .openapi(createSchedule, (c) => {
      const body = c.req.valid('json');
      checkServer(body.serverId);
      const actor = c.get('actor');
      const now = d.store.now;
      const s: ReportSchedule = { id: `schedule-${randomUUID()}`, ...body, nextRunAt: nextRunAfter(body, now), createdBy: actor, createdAt: now, updatedBy: actor, updatedAt: now, version: 1 };
      change(c, 'report.schedule', s.id, `${REPORT_NAMES[s.reportId]} report for ${scopeName(s.serverId)}: ${describeTiming(s)}, keep ${s.keep}, ${s.recipients.length} recipient(s), ${s.format}.`, (tx) => insertSchedule(tx, s));
      d.reporting.reload();
      return c.json(scheduleRow(s), 200);
    })
    .openapi(modifySchedule, (c) => {
      const { scheduleId } = c.req.valid('param');
      const { version, ...body } = c.req.valid('json');
      const current = scheduleById(d.db, scheduleId);
      if (!current) throw notFound('report schedule', scheduleId);
      // The same refusal as a stale edit of an estate object: who changed it, when, and nothing changed.
      const stale = staleRefusal(`The ${REPORT_NAMES[current.reportId]} report schedule`, { n: current.version, by: current.updatedBy, at: current.updatedAt }, version, 'version');
      if (stale) throw new Refused(stale);
      checkServer(body.serverId);
      const actor = c.get('actor');
      const now = d.store.now;
      const s: ReportSchedule = { ...current, ...body, nextRunAt: nextRunAfter(body, now), updatedBy: actor, updatedAt: now, version: current.version + 1 };
      change(c, 'report.schedule.modify', s.id, `${REPORT_NAMES[s.reportId]} report for ${scopeName(s.serverId)}: ${describeTiming(s)}, keep ${s.keep}, ${s.recipients.length} recipient(s), ${s.format}.`, (tx) => updateSchedule(tx, s));
      d.reporting.reload();
      return c.json(scheduleRow(s), 200);
    })
    .openapi(removeSchedule, (c) => {
      const { scheduleId } = c.req.valid('param');
      const current = scheduleById(d.db, scheduleId);
      if (!current) throw notFound('report schedule', scheduleId);
      change(c, 'report.schedule.delete', scheduleId, `${REPORT_NAMES[current.reportId]} report for ${scopeName(current.serverId)} no longer scheduled; its available reports are deleted.`, (tx) => deleteSchedule(tx, scheduleId));
      d.reporting.reload();
      return c.json({ ok: true as const }, 200);
    })
    .openapi(copies, (c) => {
      const { scheduleId } = c.req.valid('query');
      return c.json(listCopies(d.db, scheduleId).map((r) => ({ ...r, report: REPORT_NAMES[r.reportId], scope: scopeName(r.serverId) })), 200);
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
      return sendFile(c, await renderFile(printable(copy.document), format === undefined ? copy.format : format === 'csv' ? 'CSV' : 'PDF'));
    })
    .openapi(readiness, (c) => c.json({ latest: latestReadinessRun(d.db) ?? null, dpmdbGoalHours: goal() }, 200))
    .openapi(runs, (c) => {
      const { before, limit } = c.req.valid('query');
      const items = listReadinessRuns(d.db, limit + 1, before);
      const page = items.slice(0, limit);
      return c.json({ items: page, nextBefore: items.length > limit ? (page.at(-1)?.id ?? null) : null }, 200);
    })
    .openapi(runView, (c) => {
      const found = runOr404(c.req.valid('param').runId);
      return c.json(found, 200);
    })
    .openapi(runExport, async (c) => {
      const found = runOr404(c.req.valid('param').runId);
      return sendFile(c, await renderFile(readinessDocument(found.report), c.req.valid('query').format === 'csv' ? 'CSV' : 'PDF'));
    })
    .openapi(runCheck, (c) => {
      const report = readinessCheck(d.store.estate, { now: d.store.now, dpmdbGoalHours: goal() });
      const row = { at: report.at, wallAt: Date.now(), actor: c.get('actor'), result: report.result, passed: report.counts.Passed, warnings: report.counts.Warning, failed: report.counts.Failed, goalHours: report.dpmdbGoalHours, report };
      let id = 0;
      // The run is recorded in the transaction that raises and resolves its alerts.
      run(d, c, runReadinessCheckOperation, { report }, {
        target: 'estate',
        alongside: (tx) => {
          id = insertReadinessRun(tx, row);
        },
      });
      return c.json({ id, ...row }, 200);
    })
    .openapi(setGoal, (c) => {
      const { dpmdbGoalHours } = c.req.valid('json');
      change(c, 'readiness.settings', 'readiness', `Goal for the newest copy of each DPM database: ${dpmdbGoalHours} hours.`, (tx) => setReadinessGoalHours(tx, dpmdbGoalHours));
      return c.json({ dpmdbGoalHours }, 200);
    });
}
