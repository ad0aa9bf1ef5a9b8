import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router, run, serverOr404 } from '../deps';
import { AlertRow, AlertSeverity, Id, JobRow, JobStatus, JobType, PageQuery, ServerParams, pageOf } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { criticalAlertCount, listAlerts, listJobs } from '@dpm/db/views/monitoring';
import { inactivateAlert } from '@dpm/domain/alerts/inactivate-alert';
import { acknowledgeAlert } from '@dpm/domain/alerts/acknowledge-alert';
import { commandRoute, readRoute } from './route-kit';
import { createRoute } from '@hono/zod-openapi';

const TAG = 'Monitoring';
const AlertParams = ServerParams.extend({ alertId: Id.openapi({ param: { name: 'alertId', in: 'path' } }) });

const AlertsQuery = z.object({ inactive: z.enum(['true', 'false']).default('false'), severity: AlertSeverity.optional(), ...PageQuery }).strict();
const JobsQuery = z.object({ status: JobStatus.optional(), type: JobType.optional(), ...PageQuery }).strict();

const alerts = readRoute(TAG, '/servers/{serverId}/alerts', 'Alerts of the server, newest first', ServerParams, AlertsQuery, pageOf(AlertRow));
const jobs = readRoute(TAG, '/servers/{serverId}/jobs', 'Jobs of the server, newest first', ServerParams, JobsQuery, pageOf(JobRow));
const critical = createRoute({
  method: 'get',
  path: '/alerts/critical-count',
  tags: [TAG],
  responses: { 200: { description: 'Active critical alerts across the estate', content: { 'application/json': { schema: z.object({ count: z.number() }) } } } },
});
const inactivate = commandRoute(TAG, '/servers/{serverId}/alerts/{alertId}/inactivate', 'Inactivate an alert', AlertParams, z.object({}).strict());
const acknowledge = commandRoute(TAG, '/servers/{serverId}/alerts/{alertId}/acknowledge', 'Acknowledge an alert', AlertParams, z.object({ comment: z.string().max(500).default('') }).strict());

export function monitoringRoutes(d: AppDeps) {
  const alertOn = (serverId: string, alertId: string) => {
    if (d.store.estate.alerts[alertId]?.serverId !== serverId) throw new Refused(notFound('alert', alertId));
  };
  return router()
    .openapi(alerts, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      const q = c.req.valid('query');
      return c.json(listAlerts(d.db, { serverId, includeInactive: q.inactive === 'true', severity: q.severity, cursor: q.cursor, limit: q.limit }), 200);
    })
    .openapi(jobs, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listJobs(d.db, { serverId, ...c.req.valid('query') }), 200);
    })
    .openapi(critical, (c) => c.json({ count: criticalAlertCount(d.db) }, 200))
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
