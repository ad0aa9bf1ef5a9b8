import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router, run, serverOr404 } from '../deps';
import { AlertRow, AlertSeverity, Id, JobRow, JobStatus, JobType, PageQuery, ServerParams, pageOf } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { criticalAlertCount, criticalAlerts, listAlerts, listJobs } from '@dpm/db/views/monitoring';
import { inactivateAlert } from '@dpm/domain/alerts/inactivate-alert';
import { acknowledgeAlert } from '@dpm/domain/alerts/acknowledge-alert';
import { retryJob } from '@dpm/domain/jobs/retry-job';
import { cancelJob } from '@dpm/domain/jobs/cancel-job';
import { jobDetails } from '@dpm/domain/jobs/job-details';
import { NoBody, NoQuery, commandRoute, readRoute } from './route-kit';
import { createRoute } from '@hono/zod-openapi';

const TAG = 'Monitoring';
const AlertParams = ServerParams.extend({ alertId: Id.openapi({ param: { name: 'alertId', in: 'path' } }) });
const JobParams = ServerParams.extend({ jobId: Id.openapi({ param: { name: 'jobId', in: 'path' } }) });

const JobDetails = JobRow.extend({
  retryOf: z.string().nullable(),
  retriedBy: z.string().nullable(),
  summary: z.string().openapi({ description: 'What the job does' }),
  outcome: z.string().openapi({ description: 'How it went' }),
  help: z.object({ code: z.string(), message: z.string(), meaning: z.string(), action: z.string() }).nullable().openapi({ description: 'For a failed job: what the error means and what to do' }),
  refusals: z
    .object({ retry: z.string().nullable(), cancel: z.string().nullable() })
    .openapi({ description: 'Why Retry / Cancel would be refused now, or null when they apply' }),
}).openapi('JobDetails');

const AlertsQuery = z
  .object({ inactive: z.enum(['true', 'false']).default('false'), severity: AlertSeverity.optional(), groupBy: z.enum(['group', 'computer', 'severity', 'state']).optional(), ...PageQuery })
  .strict();
const JobsQuery = z.object({ status: JobStatus.optional(), type: JobType.optional(), groupBy: z.enum(['group', 'computer', 'status', 'type']).optional(), ...PageQuery }).strict();

const alerts = readRoute(TAG, '/servers/{serverId}/alerts', 'Alerts of the server, newest first', ServerParams, AlertsQuery, pageOf(AlertRow));
const jobs = readRoute(TAG, '/servers/{serverId}/jobs', 'Jobs of the server, newest first', ServerParams, JobsQuery, pageOf(JobRow));
const critical = createRoute({
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
            items: z.array(z.object({ id: z.string(), serverId: z.string(), server: z.string(), name: z.string(), affectedArea: z.string(), raisedAt: z.number() })),
          }),
        },
      },
    },
  },
});
const job = readRoute(TAG, '/servers/{serverId}/jobs/{jobId}', 'Details of a job: what it did, its data, its error explained', JobParams, NoQuery, JobDetails);
const retry = commandRoute(TAG, '/servers/{serverId}/jobs/{jobId}/retry', 'Retry a failed job', JobParams, NoBody);
const cancel = commandRoute(TAG, '/servers/{serverId}/jobs/{jobId}/cancel', 'Cancel a scheduled or running job', JobParams, NoBody);
const inactivate = commandRoute(TAG, '/servers/{serverId}/alerts/{alertId}/inactivate', 'Inactivate an alert', AlertParams, z.object({}).strict());
const acknowledge = commandRoute(TAG, '/servers/{serverId}/alerts/{alertId}/acknowledge', 'Acknowledge an alert', AlertParams, z.object({ comment: z.string().max(500).default('') }).strict());

export function monitoringRoutes(d: AppDeps) {
  const alertOn = (serverId: string, alertId: string) => {
    if (d.store.estate.alerts[alertId]?.serverId !== serverId) throw new Refused(notFound('alert', alertId));
  };
  const jobOn = (serverId: string, jobId: string) => {
    if (d.store.estate.jobs[jobId]?.serverId !== serverId) throw new Refused(notFound('job', jobId));
  };
  return router()
    .openapi(alerts, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      const q = c.req.valid('query');
      return c.json(listAlerts(d.db, { serverId, includeInactive: q.inactive === 'true', severity: q.severity, groupBy: q.groupBy, cursor: q.cursor, limit: q.limit }), 200);
    })
    .openapi(jobs, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listJobs(d.db, { serverId, ...c.req.valid('query') }), 200);
    })
    .openapi(job, (c) => {
      const { serverId, jobId } = c.req.valid('param');
      jobOn(serverId, jobId);
      // The verbs answer whether Retry and Cancel apply; they are pure, so asking changes nothing.
      const details = jobDetails(d.store.estate, jobId, { now: d.store.now, newId: (prefix) => `${prefix}-preview`, actor: c.get('actor') });
      if (!details) throw new Refused(notFound('job', jobId));
      return c.json(details, 200);
    })
    .openapi(retry, (c) => {
      const { serverId, jobId } = c.req.valid('param');
      jobOn(serverId, jobId);
      return c.json(run(d, c, 'job.retry', retryJob, { jobId }, jobId), 200);
    })
    .openapi(cancel, (c) => {
      const { serverId, jobId } = c.req.valid('param');
      jobOn(serverId, jobId);
      return c.json(run(d, c, 'job.cancel', cancelJob, { jobId }, jobId), 200);
    })
    .openapi(critical, (c) => c.json({ count: criticalAlertCount(d.db), items: criticalAlerts(d.db, 20) }, 200))
    .openapi(inactivate, (c) => {
      const { serverId, alertId } = c.req.valid('param');
      alertOn(serverId, alertId);
      return c.json(run(d, c, 'alert.inactivate', inactivateAlert, { alertId }, alertId), 200);
    })
    .openapi(acknowledge, (c) => {
      const { serverId, alertId } = c.req.valid('param');
      alertOn(serverId, alertId);
      return c.json(run(d, c, 'alert.acknowledge', acknowledgeAlert, { alertId, comment: c.req.valid('json').comment }, alertId), 200);
    });
}
