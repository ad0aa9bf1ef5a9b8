import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { DiskSummary } from '../schemas-management';
import { Id, ServerParams } from '../schemas';
import { rowsWhere } from '@dpm/domain/draft';
import { diskLayout } from '@dpm/domain/server/disk-layout';
import { addDiskOperation } from '@dpm/domain/server/add-disk';
import { diskFailureOperation, removeDiskOperation } from '@dpm/domain/server/disk-failure';
import { diskSummary } from '@dpm/db/views/management';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';
import { keptPage } from '../page-cache';
import { readModelRoute } from '../read-models';
import { serverOr404 } from './lookups';

const TAG = 'Management';
const DiskParams = ServerParams.extend({ diskId: Id.openapi({ param: { name: 'diskId', in: 'path' } }) });
const PoolReplica = z
  .object({
    id: z.string(),
    dataSource: z.string(),
    computer: z.string(),
    allocatedGb: z.number(),
    status: z.string(),
    inStoragePool: z.boolean(),
    disks: z.array(z.string()),
  })
  .openapi('StoragePoolReplica');

const disks = readModelRoute(
  readRoute(
    TAG,
    '/servers/{serverId}/disks',
    'Storage pool: its disks, with what can be done to each',
    ServerParams,
    NoQuery,
    DiskSummary,
  ),
);
const poolReplicas = readRoute(
  TAG,
  '/servers/{serverId}/disks/replicas',
  'Replicas using the storage pool',
  ServerParams,
  NoQuery,
  z.array(PoolReplica),
);
const add = operationRoute(
  addDiskOperation,
  '/servers/{serverId}/disks',
  ServerParams,
  z.object({ sizeGb: z.number().int().min(1).max(262_144) }).strict(),
);
const failure = operationRoute(
  diskFailureOperation,
  '/servers/{serverId}/disks/{diskId}/simulate-failure',
  DiskParams,
  NoBody,
  'Simulate disk failure: the replicas on the disk become Replica is missing',
);
const remove = operationRoute(
  removeDiskOperation,
  '/servers/{serverId}/disks/{diskId}/remove',
  DiskParams,
  NoBody,
  'Remove disk (a missing one, or one no replica uses)',
);

/** Management › Disks: the storage pool. */
export function diskRoutes(d: AppDeps) {
  return router()
    .openapi(disks, (c) =>
      keptPage(d, c, () => {
        const { serverId } = c.req.valid('param');
        const server = serverOr404(d, serverId);
        const ops = offeredFor(d, c, 'disk');
        const { disks: layout } = diskLayout(server, rowsWhere(d.store.estate, 'replicas', 'serverId', server.id));
        const rows = layout.map((u) => ({
          id: u.disk.id,
          name: u.disk.name,
          sizeGb: u.disk.sizeGb,
          allocatedGb: u.allocatedGb,
          freeGb: u.disk.missing ? 0 : u.disk.sizeGb - u.allocatedGb,
          missing: u.disk.missing,
          replicas: u.replicaIds.length,
          operations: ops({ serverId, diskId: u.disk.id }),
        }));
        return { ...diskSummary(d.reads, server), disks: rows };
      }),
    )
    .openapi(poolReplicas, (c) => {
      const { serverId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const e = d.store.estate;
      const names = new Map(server.disks.map((k) => [k.id, k.name]));
      const replicas = rowsWhere(e, 'replicas', 'serverId', server.id);
      const { byReplica } = diskLayout(server, replicas);
      const rows = replicas
        .map((r) => {
          const ds = e.dataSources[r.dataSourceId];
          const source = r.sourceServerId ? e.servers[r.sourceServerId]?.name : undefined;
          return {
            id: r.id,
            dataSource: source ? `${ds?.name ?? r.dataSourceId} (replica on ${source})` : (ds?.name ?? r.dataSourceId),
            computer: (ds && e.computers[ds.computerId]?.name) ?? '',
            allocatedGb: r.allocatedGb,
            status: r.status,
            inStoragePool: r.inStoragePool,
            disks: (byReplica.get(r.id) ?? []).map((id) => names.get(id) ?? id),
          };
        })
        .sort((a, b) => a.computer.localeCompare(b.computer) || a.dataSource.localeCompare(b.dataSource));
      return c.json(rows, 200);
    })
    .openapi(add, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(
        run(d, c, addDiskOperation, { serverId, sizeGb: c.req.valid('json').sizeGb }, { target: serverId }),
        200,
      );
    })
    .openapi(failure, (c) => {
      const { serverId, diskId } = c.req.valid('param');
      return c.json(run(d, c, diskFailureOperation, { serverId, diskId }, { target: diskId }), 200);
    })
    .openapi(remove, (c) => {
      const { serverId, diskId } = c.req.valid('param');
      return c.json(run(d, c, removeDiskOperation, { serverId, diskId }, { target: diskId }), 200);
    });
}
