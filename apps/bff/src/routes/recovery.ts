import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router, run, serverOr404 } from '../deps';
import { ExternalTape, Id, Recoverable, RecoveryPoint, ServerParams } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { listExternalTapes, listRecoverable, listRecoveryPoints } from '@dpm/db/views/recovery';
import { recover } from '@dpm/domain/recovery/recover';
import { restoreToReplica } from '@dpm/domain/recovery/restore-to-replica';
import { NoQuery, commandRoute, readRoute } from './route-kit';

const TAG = 'Recovery';
const SourceParams = ServerParams.extend({ dataSourceId: Id.openapi({ param: { name: 'dataSourceId', in: 'path' } }) });

const RecoverBody = z
  .object({
    recoveryPointId: Id.optional(),
    tape: z.object({ tapeId: Id, dataSetIndex: z.number().int().min(0).max(10_000) }).strict().optional(),
    recoveryType: z.enum([
      'Recover to original instance of SQL Server',
      'Recover to any SQL instance',
      'Copy to a network folder',
      'Copy to tape',
      'Recover to the original location',
      'Recover to an alternate location',
    ]),
    destination: z.string().max(260).nullable().default(null),
  })
  .strict()
  .refine((b) => (b.recoveryPointId === undefined) !== (b.tape === undefined), { message: 'give either recoveryPointId or tape', path: ['recoveryPointId'] })
  .openapi('Recover');

const RestoreToReplicaBody = z
  .object({ replicaId: Id, recoveryPointId: Id, simulateFailure: z.boolean().default(false) })
  .strict()
  .openapi('RestoreToReplica');

const recoverable = readRoute(TAG, '/servers/{serverId}/recovery/data-sources', 'Browse: protected data sources with recovery points', ServerParams, z.object({ search: z.string().max(200).optional() }).strict(), z.array(Recoverable));
const points = readRoute(TAG, '/servers/{serverId}/recovery/data-sources/{dataSourceId}/points', 'Recovery points of a data source', SourceParams, z.object({ external: z.enum(['true', 'false']).default('false') }).strict(), z.array(RecoveryPoint));
const external = readRoute(TAG, '/servers/{serverId}/recovery/external-tapes', 'External DPM Tapes', ServerParams, NoQuery, z.array(ExternalTape));
const recoverRoute = commandRoute(TAG, '/servers/{serverId}/recovery/recover', 'Recovery Wizard → Recover', ServerParams, RecoverBody);
const restoreRoute = commandRoute(TAG, '/servers/{serverId}/recovery/restore-to-replica', 'Restore to replica', ServerParams, RestoreToReplicaBody);

export function recoveryRoutes(d: AppDeps) {
  return router()
    .openapi(recoverable, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listRecoverable(d.db, serverId, c.req.valid('query').search), 200);
    })
    .openapi(points, (c) => {
      const { serverId, dataSourceId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listRecoveryPoints(d.db, serverId, dataSourceId, c.req.valid('query').external === 'true'), 200);
    })
    .openapi(external, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listExternalTapes(d.db, serverId), 200);
    })
    .openapi(recoverRoute, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, 'recovery.recover', recover, { serverId, ...body }, body.recoveryPointId ?? body.tape?.tapeId ?? ''), 200);
    })
    .openapi(restoreRoute, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      if (d.store.estate.replicas[body.replicaId]?.serverId !== serverId) throw new Refused(notFound('protected member', body.replicaId));
      return c.json(run(d, c, 'recovery.restore-to-replica', restoreToReplica, body, body.replicaId), 200);
    });
}
