import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { Operations, ServerParams, ServerSummary } from '../schemas';
import { commandResponses, NoQuery, readRoute, router } from './route-kit';
import { offeredFor } from './offers';
import { serverOr404 } from './lookups';
import { dpmdbProtection } from '@dpm/domain/reporting/dpmdb-protection';
import { recoveryRunbook } from '@dpm/domain/server/runbook';
import { preserialized, readModelRoute, serverReadModel } from '../read-models';
import { keptPage } from '../page-cache';

const list = readModelRoute(
  createRoute({
    method: 'get',
    path: '/servers',
    tags: ['Servers'],
    responses: {
      200: {
        description: 'The DPM servers of the estate',
        content: { 'application/json': { schema: z.array(ServerSummary) } },
      },
    },
  }),
);

const DpmdbReport = z
  .array(
    z.object({
      serverId: z.string(),
      server: z.string(),
      methods: z.array(
        z.object({
          method: z.enum(['Secondary DPM server', 'Storage pool', 'Tape', 'Online']),
          detail: z.string(),
          recoveryPoints: z.number(),
          latest: z.number().nullable(),
        }),
      ),
      assessment: z.string(),
    }),
  )
  .openapi('DpmdbProtectionReport');
const dpmdbReport = createRoute({
  method: 'get',
  path: '/reports/dpmdb-protection',
  tags: ['Reporting'],
  responses: {
    200: {
      description: "How each DPM server's database is protected (seed 001)",
      content: { 'application/json': { schema: DpmdbReport } },
    },
  },
});

const Runbook = z
  .array(
    z.object({
      key: z.string(),
      title: z.string(),
      done: z.boolean(),
      optional: z.boolean(),
      needs: z.string(),
      link: z.object({ path: z.string(), control: z.string() }),
    }),
  )
  .openapi('Runbook');
const runbook = createRoute({
  method: 'get',
  path: '/servers/{serverId}/runbook',
  tags: ['Server disaster recovery'],
  summary: 'Recover a DPM server: the steps, each derived from the estate',
  request: { params: ServerParams },
  responses: {
    200: { description: 'The runbook', content: { 'application/json': { schema: Runbook } } },
    404: commandResponses[404],
  },
});

const operations = readModelRoute(
  readRoute(
    'Servers',
    '/servers/{serverId}/operations',
    "What the signed-in user can do to this DPM server now: its work areas' buttons, its disaster recovery actions, " +
      "the estate's controls",
    ServerParams,
    NoQuery,
    Operations,
  ),
);

export function serverRoutes(d: AppDeps) {
  return (
    router()
      // Kept from the change stream (read-models.ts), answered with the JSON text it holds.
      .openapi(list, (c) => preserialized(c, serverReadModel(d.store).serversJson()))
      .openapi(dpmdbReport, (c) => c.json(dpmdbProtection(d.store.estate), 200))
      .openapi(runbook, (c) => {
        const { serverId } = c.req.valid('param');
        serverOr404(d, serverId);
        return c.json(recoveryRunbook(d.store.estate, serverId), 200);
      })
      .openapi(operations, (c) =>
        keptPage(d, c, () => {
          const { serverId } = c.req.valid('param');
          serverOr404(d, serverId);
          return offeredFor(d, c, 'server')({ serverId });
        }),
      )
  );
}
