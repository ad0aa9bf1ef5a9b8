import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { ServerParams, Version } from '../schemas';
import { failServerOperation } from '@dpm/domain/server/fail-server';
import { reinstallOperation } from '@dpm/domain/server/reinstall-server';
import { restoreDbOperation } from '@dpm/domain/server/dpmsync-restore-db';
import { syncDbOperation } from '@dpm/domain/server/dpmsync-sync';
import { reallocateOperation } from '@dpm/domain/server/dpmsync-reallocate-replica';
import { dataCopiedOperation } from '@dpm/domain/server/dpmsync-data-copied';
import { NoBody, operationRoute, router, run } from './route-kit';

const ReinstallBody = z.object({ version: Version, fqdn: z.string().min(3).max(255) }).strict();
const RestoreDbBody = z
  .object({ dbLocation: z.string().min(1).max(260), instanceName: z.string().max(260).nullable().default(null) })
  .strict();

const fail = operationRoute(failServerOperation, '/servers/{serverId}/fail', ServerParams, NoBody);
const reinstall = operationRoute(reinstallOperation, '/servers/{serverId}/reinstall', ServerParams, ReinstallBody);
const restoreDb = operationRoute(
  restoreDbOperation,
  '/servers/{serverId}/dpmsync/restore-db',
  ServerParams,
  RestoreDbBody,
  'DpmSync -RestoreDb -DbLoc <folder> [-InstanceName <server\\instance>]',
);
const sync = operationRoute(syncDbOperation, '/servers/{serverId}/dpmsync/sync', ServerParams, NoBody, 'DpmSync -Sync');
const reallocate = operationRoute(
  reallocateOperation,
  '/servers/{serverId}/dpmsync/reallocate-replica',
  ServerParams,
  NoBody,
  'DpmSync -ReallocateReplica',
);
const dataCopied = operationRoute(
  dataCopiedOperation,
  '/servers/{serverId}/dpmsync/data-copied',
  ServerParams,
  NoBody,
  'DpmSync -DataCopied',
);

/** Server disaster recovery: losing a DPM server and rebuilding it from its database (seeds 000, 001). */
export function serverRecoveryRoutes(d: AppDeps) {
  return router()
    .openapi(fail, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, failServerOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(reinstall, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, reinstallOperation, { serverId, ...c.req.valid('json') }, { target: serverId }), 200);
    })
    .openapi(restoreDb, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, restoreDbOperation, { serverId, ...c.req.valid('json') }, { target: serverId }), 200);
    })
    .openapi(sync, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, syncDbOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(reallocate, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, reallocateOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(dataCopied, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, dataCopiedOperation, { serverId }, { target: serverId }), 200);
    });
}
