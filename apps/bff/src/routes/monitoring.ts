import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { AlertRow, AlertSeverity, JobRow, JobStatus, JobType } from '../schemas-monitoring';
import { Id, PageQuery, ServerParams, pageOf } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { ownRow, rowOf } from '@dpm/domain/table-index';
import { viewOf } from '@dpm/domain/view';
import { criticalAlertCount, criticalAlerts, listAlerts, listJobs } from '@dpm/db/views/monitoring';
import { inactivateOperation } from '@dpm/domain/alerts/inactivate-alert';
import { acknowledgeOperation } from '@dpm/domain/alerts/acknowledge-alert';
import { recommendedAction } from '@dpm/domain/alerts/recommended-action';
import { retryJobOperation } from '@dpm/domain/jobs/retry-job';
import { cancelJobOperation } from '@dpm/domain/jobs/cancel-job';
import { jobDetails } from '@dpm/domain/jobs/job-details';
import { jobInHistory } from '@dpm/domain/server/db-history';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { actorOf, offeredFor } from './offers';
import { serverOr404 } from './lookups';
import { keptPage } from '../page-cache';
import { readModelRoute } from '../read-models';
import { createRoute } from '@hono/zod-openapi';

const TAG = 'Monitoring';
const AlertParams = ServerParams.extend({ alertId: Id.openapi({ param: { name: 'alertId', in: 'path' } }) });
const JobParams = ServerParams.extend({ jobId: Id.openapi({ param: { name: 'jobId', in: 'path' } }) });

const JobDetails = JobRow.extend({
  retryOf: z.string().nullable(),
  retriedBy: z.string().nullable(),
  summary: z.string().openapi({ description: 'What the job does' }),
  outcome: z.string().openapi({ description: 'How it went' }),
  help: z
    .object({ code: z.string(), message: z.string(), meaning: z.string(), action: z.string() })
    .nullable()
    .openapi({ description: 'For a failed job: what the error means and what to do' }),
}).openapi('JobDetails');

const AlertsQuery = z
  .object({
    inactive: z.enum(['true', 'false']).default('false'),
    severity: AlertSeverity.optional(),
    groupBy: z.enum(['group', 'computer', 'severity', 'state']).optional(),
    ...PageQuery,
  })
  .strict();
const JobsQuery = z
  .object({
    status: JobStatus.optional(),
    type: JobType.optional(),
    groupBy: z.enum(['group', 'computer', 'status', 'type']).optional(),
    ...PageQuery,
  })
  .strict();

const alerts = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/alerts',
    'Alerts of the server, newest first',
    ServerParams,
    AlertsQuery,
    pageOf(AlertRow),
  ),
);
const jobs = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/jobs',
    'Jobs of the server, newest first',
    ServerParams,
    JobsQuery,
    pageOf(JobRow),
  ),
);
const critical = readModelRoute(
  createRoute({
    method: 'get',
    path: '/alerts/critical-count',
    tags: [TAG],
    responses: {
      200: {
        description: 'Active critical alerts across the estate: their count and the newest 20, with their DPM server',
        content: {
          'application/json': {
            schema: z.object({
              count: z.number(),
              items: z.array(
                z.object({
                  id: z.string(),
                  serverId: z.string(),
                  server: z.string(),
                  name: z.string(),
                  affectedArea: z.string(),
                  raisedAt: z.number(),
                }),
              ),
            }),
          },
        },
      },
    },
  }),
);
const job = readRoute(
  TAG,
  '/servers/{serverId}/jobs/{jobId}',
  'Details of a job: what it did, its data, its error explained',
  JobParams,
  NoQuery,
  JobDetails,
);
const retry = operationRoute(
  retryJobOperation,
  '/servers/{serverId}/jobs/{jobId}/retry',
  JobParams,
  NoBody,
  'Retry a failed job',
);
const cancel = operationRoute(
  cancelJobOperation,
  '/servers/{serverId}/jobs/{jobId}/cancel',
  JobParams,
  NoBody,
  'Cancel a scheduled or running job',
);
const inactivate = operationRoute(
  inactivateOperation,
  '/servers/{serverId}/alerts/{alertId}/inactivate',
  AlertParams,
  NoBody,
  'Inactivate an alert',
);
const acknowledge = operationRoute(
  acknowledgeOperation,
  '/servers/{serverId}/alerts/{alertId}/acknowledge',
  AlertParams,
  z.object({ comment: z.string().max(500).default('') }).strict(),
  'Acknowledge an alert',
);

export function monitoringRoutes(d: AppDeps) {
  return router()
    .openapi(alerts, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        serverOr404(d, serverId);
        const q = c.req.valid('query');
        const page = listAlerts(d.reads, {
          serverId,
          includeInactive: q.inactive === 'true',
          severity: q.severity,
          groupBy: q.groupBy,
          cursor: q.cursor,
          limit: q.limit,
        });
        const ops = offeredFor(d, c, 'alert');
        const view = viewOf(d.store.estate);
        const actor = actorOf(c);
        return {
          ...page,
          items: page.items.map((a) => {
            const alert = ownRow(d.store.estate.alerts, a.id);
            const recommended = alert && a.state === 'Active' ? recommendedAction(view, alert, actor) : null;
            // The link's words follow the alert's cause (the domain's recommendedOperation), not only its name.
            return {
              ...a,
              recommendedAction: recommended?.name ?? null,
              operations: ops({ serverId, alertId: a.id }),
              recommended,
            };
          }),
        };
      }),
    )
    .openapi(jobs, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        const server = serverOr404(d, serverId);
        // The jobs its DPM database holds (a reinstall starts an empty one: server/db-history.ts).
        const page = listJobs(d.reads, { serverId, history: server.dbHistory, ...c.req.valid('query') });
        const ops = offeredFor(d, c, 'job');
        return { ...page, items: page.items.map((j) => ({ ...j, operations: ops({ serverId, jobId: j.id }) })) };
      }),
    )
    .openapi(job, (c) => {
      const { serverId, jobId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const found = rowOf(d.store.estate, 'jobs', jobId);
      const details =
        found?.serverId === serverId && jobInHistory(server, found) ? jobDetails(d.store.estate, jobId) : null;
      if (!details) throw new Refused(notFound('job', jobId));
      return c.json({ ...details, operations: offeredFor(d, c, 'job')({ serverId, jobId }) }, 200);
    })
    .openapi(retry, (c) => {
      const { serverId, jobId } = c.req.valid('param');
      return c.json(run(d, c, retryJobOperation, { serverId, jobId }, { target: jobId }), 200);
    })
    .openapi(cancel, (c) => {
      const { serverId, jobId } = c.req.valid('param');
      return c.json(run(d, c, cancelJobOperation, { serverId, jobId }, { target: jobId }), 200);
    })
    .openapi(critical, (c) =>
      keptPage(d, c, () => ({ count: criticalAlertCount(d.reads), items: criticalAlerts(d.reads, 20) })),
    )
    .openapi(inactivate, (c) => {
      const { serverId, alertId } = c.req.valid('param');
      return c.json(run(d, c, inactivateOperation, { serverId, alertId }, { target: alertId }), 200);
    })
    .openapi(acknowledge, (c) => {
      const { serverId, alertId } = c.req.valid('param');
      return c.json(
        run(
          d,
          c,
          acknowledgeOperation,
          { serverId, alertId, comment: c.req.valid('json').comment },
          { target: alertId },
        ),
        200,
      );
    });
}
