import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { Id, Operations, Version } from '../schemas';
import { formatVersion } from '@dpm/domain/model';
import { poolCapacityGb } from '@dpm/domain/server/disk-layout';
import { addComputerOperation } from '@dpm/domain/estate/add-computer';
import { removeComputerOperation } from '@dpm/domain/estate/remove-computer';
import { addDpmServerOperation } from '@dpm/domain/estate/add-dpm-server';
import { removeServerOperation } from '@dpm/domain/estate/remove-dpm-server';
import { startVssWriterOperation, stopVssWriterOperation } from '@dpm/domain/estate/set-vss-writer';
import { uncleanShutdownOperation } from '@dpm/domain/estate/unclean-shutdown';
import { NoBody, NoQuery, operationRoute, readRoute, router, run } from './route-kit';
import { offeredFor } from './offers';

const TAG = 'Estate';
const ComputerParams = z.object({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) });
const ServerParams = z.object({ serverId: Id.openapi({ param: { name: 'serverId', in: 'path' } }) });

const EstateView = z
  .object({
    computers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        fqdn: z.string(),
        domain: z.string(),
        dpmServerId: z.string().nullable(),
        agentOwner: z.string().nullable(),
        dataSources: z.number(),
        operations: Operations,
      }),
    ),
    servers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        fqdn: z.string(),
        version: z.string(),
        state: z.string(),
        vssWriter: z.enum(['Running', 'Stopped']),
        storagePoolGb: z.number(),
        operations: Operations,
      }),
    ),
    operations: Operations.openapi({ description: 'Add computer, Add DPM server' }),
  })
  .openapi('Estate');

const view = readRoute(
  TAG,
  '/estate',
  'The simulated domain: computers and DPM servers',
  z.object({}),
  NoQuery,
  EstateView,
);
const newComputer = operationRoute(
  addComputerOperation,
  '/estate/computers',
  z.object({}),
  z.object({ name: z.string().min(1).max(15), fqdn: z.string().min(3).max(255) }).strict(),
);
const unclean = operationRoute(
  uncleanShutdownOperation,
  '/estate/computers/{computerId}/unclean-shutdown',
  ComputerParams,
  NoBody,
  'Simulate unclean shutdown: the replicas read from the computer become inconsistent',
);
const dropComputer = operationRoute(
  removeComputerOperation,
  '/estate/computers/{computerId}/remove',
  ComputerParams,
  NoBody,
);
const newServer = operationRoute(
  addDpmServerOperation,
  '/estate/servers',
  z.object({}),
  z
    .object({
      name: z.string().min(1).max(15),
      fqdn: z.string().min(3).max(255),
      version: Version,
      storagePoolGb: z.number().int().min(0).max(1_048_576).default(10_000),
    })
    .strict(),
);
const dropServer = operationRoute(removeServerOperation, '/estate/servers/{serverId}/remove', ServerParams, NoBody);
const vss = operationRoute(
  [startVssWriterOperation, stopVssWriterOperation],
  '/estate/servers/{serverId}/vss-writer',
  ServerParams,
  z.object({ state: z.enum(['Running', 'Stopped']) }).strict(),
);

export function estateRoutes(d: AppDeps) {
  return router()
    .openapi(view, (c) => {
      const e = d.store.estate;
      const computerOps = offeredFor(d, c, 'computer');
      const serverOps = offeredFor(d, c, 'server');
      const count = new Map<string, number>();
      for (const ds of Object.values(e.dataSources)) count.set(ds.computerId, (count.get(ds.computerId) ?? 0) + 1);
      return c.json(
        {
          computers: Object.values(e.computers)
            .sort((a, b) => a.name.localeCompare(b.name))
            .slice(0, 2000)
            .map((x) => ({
              id: x.id,
              name: x.name,
              fqdn: x.fqdn,
              domain: x.domain,
              dpmServerId: x.dpmServerId,
              agentOwner: (x.agent?.ownerId && e.servers[x.agent.ownerId]?.name) || null,
              dataSources: count.get(x.id) ?? 0,
              operations: computerOps({ computerId: x.id }),
            })),
          servers: Object.values(e.servers)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => ({
              id: s.id,
              name: s.name,
              fqdn: s.fqdn,
              version: formatVersion(s.version),
              state: s.state,
              vssWriter: s.vssWriter,
              storagePoolGb: poolCapacityGb(s),
              operations: serverOps({ serverId: s.id }).filter((o) => o.area === 'Estate'),
            })),
          operations: offeredFor(d, c, 'estate')({}),
        },
        200,
      );
    })
    .openapi(newComputer, (c) => {
      const body = c.req.valid('json');
      return c.json(run(d, c, addComputerOperation, body, { target: body.name }), 200);
    })
    .openapi(unclean, (c) => {
      const { computerId } = c.req.valid('param');
      return c.json(run(d, c, uncleanShutdownOperation, { computerId }, { target: computerId }), 200);
    })
    .openapi(dropComputer, (c) => {
      const { computerId } = c.req.valid('param');
      return c.json(run(d, c, removeComputerOperation, { computerId }, { target: computerId }), 200);
    })
    .openapi(newServer, (c) => {
      const body = c.req.valid('json');
      return c.json(run(d, c, addDpmServerOperation, body, { target: body.name }), 200);
    })
    .openapi(dropServer, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, removeServerOperation, { serverId }, { target: serverId }), 200);
    })
    .openapi(vss, (c) => {
      const { serverId } = c.req.valid('param');
      const { state } = c.req.valid('json');
      return c.json(
        run(
          d,
          c,
          state === 'Running' ? startVssWriterOperation : stopVssWriterOperation,
          { serverId, state },
          { target: serverId },
        ),
        200,
      );
    });
}
