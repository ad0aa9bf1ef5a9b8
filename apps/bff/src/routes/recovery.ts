import { addExternalOperation } from '@dpm/domain/recovery/add-external-dpm';
import { clearExternalOperation } from '@dpm/domain/recovery/clear-external-dpm';
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { ExternalTape, Recoverable, RecoveryPoint } from '../schemas-recovery';
import { Id, Operations, ServerParams } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { rowsWhere } from '@dpm/domain/draft';
import { ownRow } from '@dpm/domain/table-index';
import { viewOf } from '@dpm/domain/view';
import { listExternalTapes, listRecoverable, listRecoveryPoints } from '@dpm/db/views/recovery';
import { recoverOperation } from '@dpm/domain/recovery/recover';
import { DATABASE_STATES, EXISTING_VERSION_BEHAVIOURS, RESTORE_SECURITY } from '@dpm/domain/recovery/recovery-types';
import { recoverableItems } from '@dpm/domain/recovery/recoverable-items';
import { restoreToReplicaOperation, whyNotRestoreToReplica } from '@dpm/domain/recovery/restore-to-replica';
import type { Estate } from '@dpm/domain/model';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';
import { serverOr404 } from './lookups';

const TAG = 'Recovery';
const SourceParams = ServerParams.extend({ dataSourceId: Id.openapi({ param: { name: 'dataSourceId', in: 'path' } }) });

const RecoverBody = z
  .object({
    recoveryPointId: Id.optional(),
    tape: z
      .object({ tapeId: Id, dataSetIndex: z.number().int().min(0).max(10_000) })
      .strict()
      .optional(),
    recoveryType: z.enum([
      'Recover to original instance of SQL Server',
      'Recover to any SQL instance',
      'Copy to a network folder',
      'Copy to tape',
      'Recover to the original location',
      'Recover to an alternate location',
    ]),
    destination: z.string().max(260).nullable().default(null),
    items: z.array(z.string().min(1).max(1024)).max(100).optional(),
    latest: z
      .boolean()
      .optional()
      .openapi({ description: 'Recovery time › Latest: a database only to its original instance of SQL Server' }),
    databaseState: z
      .enum(DATABASE_STATES)
      .optional()
      .openapi({ description: 'Specify Database State (a database recovered into an instance of SQL Server)' }),
    databaseName: z
      .string()
      .min(1)
      .max(128)
      .optional()
      .openapi({ description: 'Recover to any SQL instance: the name of the recovered database' }),
    existingVersion: z
      .enum(EXISTING_VERSION_BEHAVIOURS)
      .optional()
      .openapi({ description: 'Files and folders recovered to a location: existing version recovery behaviour' }),
    restoreSecurity: z
      .enum(RESTORE_SECURITY)
      .optional()
      .openapi({ description: 'Files and folders recovered to a location: the security settings to apply' }),
  })
  .strict()
  .refine((b) => (b.recoveryPointId === undefined) !== (b.tape === undefined), {
    message: 'give either recoveryPointId or tape',
    path: ['recoveryPointId'],
  })
  .openapi('Recover');

const RestoreToReplicaBody = z
  .object({ replicaId: Id, recoveryPointId: Id, simulateFailure: z.boolean().default(false) })
  .strict()
  .openapi('RestoreToReplica');

const RestoreTarget = z
  .object({
    replicaId: z.string(),
    serverId: z.string(),
    server: z.string(),
    replicaPath: z.string(),
    whyNot: z
      .object({ code: z.string(), message: z.string() })
      .nullable()
      .openapi({ description: 'Why Restore to replica is not possible for this replica now, or null' }),
  })
  .openapi('RestoreTarget');
const PointWithOperations = RecoveryPoint.extend({ operations: Operations }).openapi('RecoveryPointWithOperations');

/** External DPM Tapes rows carry the data source kind, so the Recovery Wizard offers its recovery types. */
const ExternalTapeSource = ExternalTape.extend({ kind: z.string() }).openapi('ExternalTapeSource');

const recoverable = readRoute(
  TAG,
  '/servers/{serverId}/recovery/data-sources',
  'Browse: protected data sources with recovery points',
  ServerParams,
  z.object({ search: z.string().max(200).optional() }).strict(),
  z.array(Recoverable),
);
const points = readRoute(
  TAG,
  '/servers/{serverId}/recovery/data-sources/{dataSourceId}/points',
  'Recovery points of a data source, each with the recovery types the signed-in user may choose',
  SourceParams,
  z.object({ external: z.enum(['true', 'false']).default('false') }).strict(),
  z.array(PointWithOperations),
);
const targets = readRoute(
  TAG,
  '/servers/{serverId}/recovery/data-sources/{dataSourceId}/restore-targets',
  'Restore to replica: replicas of this data source on other DPM servers, each with whether it can take the data now ' +
    '(Manual replica creation pending)',
  SourceParams,
  NoQuery,
  z.array(RestoreTarget),
);
const RecoverableItemView = z
  .object({ path: z.string(), type: z.enum(['Folder', 'File']), sizeGb: z.number() })
  .openapi('RecoverableItem');
const items = readRoute(
  TAG,
  '/servers/{serverId}/recovery/data-sources/{dataSourceId}/items',
  'Recoverable items of the data source (files and folders of file data)',
  SourceParams,
  NoQuery,
  z.array(RecoverableItemView),
);
const external = readRoute(
  TAG,
  '/servers/{serverId}/recovery/external-tapes',
  'External DPM Tapes',
  ServerParams,
  NoQuery,
  z.array(ExternalTapeSource),
);
const recoverRoute = operationRoute(
  recoverOperation,
  '/servers/{serverId}/recovery/recover',
  ServerParams,
  RecoverBody,
  'Recovery Wizard → Recover',
);
const ExternalDpmBody = z
  .object({
    vault: z.string().min(1).max(128),
    /** When the vault credentials file was downloaded, simulated epoch ms. */
    credentialsIssuedAt: z.number().int().nonnegative(),
    // Checked and dropped: the passphrase decrypts the external server's data and is kept nowhere.
    passphrase: z.string().min(16, 'the passphrase has at least 16 characters').max(1024),
  })
  .strict()
  .openapi('AddExternalDpm');
const addExternal = operationRoute(
  addExternalOperation,
  '/servers/{serverId}/recovery/external-dpm',
  ServerParams,
  ExternalDpmBody,
);
const clearExternal = operationRoute(
  clearExternalOperation,
  '/servers/{serverId}/recovery/external-dpm/clear',
  ServerParams,
  NoBody,
);
const restoreRoute = operationRoute(
  restoreToReplicaOperation,
  '/servers/{serverId}/recovery/restore-to-replica',
  ServerParams,
  RestoreToReplicaBody,
);

/**
 * Seed 000: after DpmSync -ReallocateReplica a rebuilt primary's replicas are "Manual replica
 * creation pending"; the secondary that holds recovery points of the data source restores them
 * (Restore to replica). Every protected replica of the data source elsewhere is listed, with the
 * domain's answer whether it can take the data now.
 */
function restoreTargets(estate: Estate, serverId: string, dataSourceId: string) {
  const view = viewOf(estate);
  return (
    rowsWhere(estate, 'replicas', 'dataSourceId', dataSourceId)
      // The replicas that protect the data source itself: a secondary's copy is rebuilt from its primary.
      .filter((r) => r.serverId !== serverId && r.groupId !== null && r.sourceServerId === null)
      .map((r) => {
        const why = whyNotRestoreToReplica(view, { serverId: r.serverId, replicaId: r.id });
        return {
          replicaId: r.id,
          serverId: r.serverId,
          server: estate.servers[r.serverId]?.name ?? r.serverId,
          replicaPath: r.replicaPath,
          whyNot: why ? { code: why.code, message: why.message } : null,
        };
      })
      .sort((a, b) => a.server.localeCompare(b.server) || a.replicaId.localeCompare(b.replicaId))
  );
}

export function recoveryRoutes(d: AppDeps) {
  // An unknown data source is a 404, not an empty list.
  const sourceOr404 = (dataSourceId: string) => {
    const ds = ownRow(d.store.estate.dataSources, dataSourceId);
    if (!ds) throw new Refused(notFound('data source', dataSourceId));
    return ds;
  };
  return router()
    .openapi(recoverable, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listRecoverable(d.reads, serverId, c.req.valid('query').search), 200);
    })
    .openapi(points, (c) => {
      const { serverId, dataSourceId } = c.req.valid('param');
      serverOr404(d, serverId);
      sourceOr404(dataSourceId);
      const ops = offeredFor(d, c, 'recoveryPoint');
      return c.json(
        listRecoveryPoints(d.reads, serverId, dataSourceId, c.req.valid('query').external === 'true').map((p) => ({
          ...p,
          operations: ops({ serverId, recoveryPointId: p.id }),
        })),
        200,
      );
    })
    .openapi(targets, (c) => {
      const { serverId, dataSourceId } = c.req.valid('param');
      serverOr404(d, serverId);
      sourceOr404(dataSourceId);
      return c.json(restoreTargets(d.store.estate, serverId, dataSourceId), 200);
    })
    .openapi(items, (c) => {
      const { serverId, dataSourceId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(recoverableItems(sourceOr404(dataSourceId)), 200);
    })
    .openapi(external, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      const sources = d.store.estate.dataSources;
      return c.json(
        listExternalTapes(d.reads, serverId).flatMap((t) => {
          const kind = ownRow(sources, t.dataSourceId)?.kind;
          return kind ? [{ ...t, kind }] : [];
        }),
        200,
      );
    })
    .openapi(recoverRoute, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      // Which recovery types an Operator may choose is the operation's precondition (recovery/recover.ts).
      return c.json(
        run(d, c, recoverOperation, { serverId, ...body }, { target: body.recoveryPointId ?? body.tape?.tapeId ?? '' }),
        200,
      );
    })
    .openapi(addExternal, (c) => {
      const { serverId } = c.req.valid('param');
      const { vault, credentialsIssuedAt } = c.req.valid('json');
      return c.json(
        run(d, c, addExternalOperation, { serverId, vault, credentialsIssuedAt }, { target: serverId }),
        200,
      );
    })
    .openapi(clearExternal, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, clearExternalOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(restoreRoute, (c) => {
      const { serverId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(run(d, c, restoreToReplicaOperation, { serverId, ...body }, { target: body.replicaId }), 200);
    });
}
