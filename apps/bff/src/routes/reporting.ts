import { createRoute, z } from '@hono/zod-openapi';
import { isDomainError } from '@dpm/domain/errors';
import { GROUP_BY, REPORT_IDS, REPORT_NAMES, limitRows, printable } from '@dpm/domain/reporting/document';
import { PERIODS } from '@dpm/domain/reporting/period';
import { REPORTS, buildReport } from '@dpm/domain/reporting/reports';
import type { AppDeps } from '../deps';
import { Refused } from '../http-errors';
import { Id, Operations } from '../schemas';
import { refusals, router } from './route-kit';
import { offeredFor, routeOffer } from './offers';
import { MAX_ROWS_SHOWN } from '../reporting/export';
import { renderFile } from '../reporting/service';
import { Format, TAG, file, notFound, ok, sendFile } from './reporting-kit';

// Path parameters name objects: one that names none is a 404 (the handler's), not a 400.
const ReportIdParam = z.object({
  reportId: z
    .string()
    .max(64)
    .openapi({ param: { name: 'reportId', in: 'path' }, example: 'status', description: REPORT_IDS.join(', ') }),
});
const ReportQuery = z
  .object({
    serverId: Id.optional().openapi({ description: 'The DPM server; leave it out for the whole estate' }),
    period: z.enum(PERIODS).default('Week'),
    groupBy: z.enum(GROUP_BY).default('Protection group'),
  })
  .strict();
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
  z.object({
    kind: z.literal('chart'),
    id: z.string(),
    title: z.string(),
    description: z.string(),
    unit: CellKind,
    buckets: z.array(Bucket),
    series: z.array(z.object({ name: z.string(), values: z.array(z.number()) })),
  }),
  z.object({
    kind: z.literal('facts'),
    id: z.string(),
    title: z.string(),
    items: z.array(z.object({ label: z.string(), value: Cell, kind: CellKind })),
  }),
]);
export const ReportDocument = z
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

const list = createRoute({
  method: 'get',
  path: '/reports',
  tags: [TAG],
  responses: {
    200: ok("DPM's reports", z.array(z.object({ id: z.enum(REPORT_IDS), name: z.string(), description: z.string() }))),
  },
});
const view = createRoute({
  method: 'get',
  path: '/reports/{reportId}',
  tags: [TAG],
  summary: 'View a report',
  request: { params: ReportIdParam, query: ReportQuery },
  responses: {
    200: ok('The report (long tables cut to their first rows)', ReportDocument),
    400: refusals[400],
    404: refusals[404],
  },
});
const exportReport = createRoute({
  method: 'get',
  path: '/reports/{reportId}/export',
  tags: [TAG],
  summary: 'Export a report as CSV or PDF',
  request: { params: ReportIdParam, query: ExportQuery },
  responses: { 200: file, 400: refusals[400], 404: refusals[404] },
});
const operations = createRoute({
  method: 'get',
  path: '/reporting/operations',
  tags: [TAG],
  summary:
    'What the signed-in user can do in Reporting: Run readiness check, Schedule a report and change or delete one, ' +
    'the readiness goal',
  responses: { 200: ok('Each control, enabled or with the role it needs', Operations) },
});
const mail = createRoute({
  method: 'get',
  path: '/reporting/mail',
  tags: [TAG],
  summary: 'Whether scheduled reports can be mailed (DPM_SMTP_URL)',
  responses: { 200: ok('Mail settings', z.object({ configured: z.boolean() })) },
});

function reportIdOr404(reportId: string): (typeof REPORT_IDS)[number] {
  const id = REPORT_IDS.find((r) => r === reportId);
  if (!id) throw notFound('report', reportId);
  return id;
}

/**
 * The Reporting work area: DPM's six reports viewed and exported, and what the signed-in user can
 * do there. Schedules are in report-schedules.ts, the readiness check in readiness.ts.
 */
export function reportingRoutes(d: AppDeps) {
  const report = (reportId: (typeof REPORT_IDS)[number], q: z.infer<typeof ReportQuery>) => {
    const doc = buildReport(d.store.estate, reportId, {
      now: d.store.now,
      serverId: q.serverId ?? null,
      period: q.period,
      groupBy: q.groupBy,
    });
    if (isDomainError(doc)) throw new Refused(doc);
    return doc;
  };

  return router()
    .openapi(list, (c) =>
      c.json(
        REPORT_IDS.map((id) => ({ id, name: REPORT_NAMES[id], description: REPORTS[id].description })),
        200,
      ),
    )
    .openapi(view, (c) =>
      c.json(
        limitRows(report(reportIdOr404(c.req.valid('param').reportId), c.req.valid('query')), MAX_ROWS_SHOWN),
        200,
      ),
    )
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
          routeOffer(
            c,
            { id: 'reporting.change-schedule', name: 'Change schedule', area },
            'POST',
            '/report-schedules/{scheduleId}/modify',
          ),
          routeOffer(
            c,
            { id: 'reporting.delete-schedule', name: 'Delete schedule', area },
            'POST',
            '/report-schedules/{scheduleId}/delete',
          ),
          routeOffer(c, { id: 'reporting.readiness-goal', name: 'Save goal', area }, 'POST', '/readiness/settings'),
        ],
        200,
      );
    })
    .openapi(mail, (c) => c.json({ configured: d.reporting.mailConfigured }, 200));
}
