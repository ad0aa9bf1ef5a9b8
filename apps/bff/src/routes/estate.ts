import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { router, run } from '../deps';
import { Id, Version } from '../schemas';
import { formatVersion } from '@dpm/domain/model';
import { poolCapacityGb } from '@dpm/domain/server/disk-layout';
import { addComputer } from '@dpm/domain/estate/add-computer';
import { removeComputer } from '@dpm/domain/estate/remove-computer';
import { addDpmServer } from '@dpm/domain/estate/add-dpm-server';
import { removeDpmServer } from '@dpm/domain/estate/remove-dpm-server';
import { setVssWriter } from '@dpm/domain/estate/set-vss-writer';
import { uncleanShutdown } from '@dpm/domain/estate/unclean-shutdown';
import { NoQuery, commandRoute, readRoute } from './route-kit';

const TAG = 'Estate';
const Empty = z.object({}).strict();
const ComputerParams = z.object({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) });
const ServerParams = z.object({ serverId: Id.openapi({ param: { name: 'serverId', in: 'path' } }) });

const EstateView = z
  .object({
    computers: z.array(z.object({ id: z.string(), name: z.string(), fqdn: z.string(), domain: z.string(), dpmServerId: z.string().nullable(), agentOwner: z.string().nullable(), dataSources: z.number() })),
    servers: z.array(z.object({ id: z.string(), name: z.string(), fqdn: z.string(), version: z.string(), state: z.string(), vssWriter: z.enum(['Running', 'Stopped']), storagePoolGb: z.number() })),
  })
  .openapi('Estate');

const view = readRoute(TAG, '/estate', 'The simulated domain: computers and DPM servers', z.object({}), NoQuery, EstateView);
const newComputer = commandRoute(TAG, '/estate/computers', 'Add computer', z.object({}), z.object({ name: z.string().min(1).max(15), fqdn: z.string().min(3).max(255) }).strict());
const unclean = commandRoute(TAG, '/estate/computers/{computerId}/unclean-shutdown', 'Simulate unclean shutdown: the replicas read from the computer become inconsistent', ComputerParams, Empty);
const dropComputer = commandRoute(TAG, '/estate/computers/{computerId}/remove', 'Remove computer', ComputerParams, Empty);
const newServer = commandRoute(
  TAG,
  '/estate/servers',
  'Add DPM server',
  z.object({}),
  z.object({ name: z.string().min(1).max(15), fqdn: z.string().min(3).max(255), version: Version, storagePoolGb: z.number().int().min(0).max(1_048_576).default(10_000) }).strict(),
);
const dropServer = commandRoute(TAG, '/estate/servers/{serverId}/remove', 'Remove DPM server', ServerParams, Empty);
const vss = commandRoute(TAG, '/estate/servers/{serverId}/vss-writer', 'Start / stop the SQL Server VSS Writer service', ServerParams, z.object({ state: z.enum(['Running', 'Stopped']) }).strict());

export function estateRoutes(d: AppDeps) {
  return router()
    .openapi(view, (c) => {
      const e = d.store.estate;
      const count = new Map<string, number>();
      for (const ds of Object.values(e.dataSources)) count.set(ds.computerId, (count.get(ds.computerId) ?? 0) + 1);
      return c.json(
        {
          computers: Object.values(e.computers)
            .sort((a, b) => a.name.localeCompare(b.name))
            .slice(0, 2000)
            .map((x) => ({ id: x.id, name: x.name, fqdn: x.fqdn, domain: x.domain, dpmServerId: x.dpmServerId, agentOwner: (x.agent?.ownerId && e.servers[x.agent.ownerId]?.name) || null, dataSources: count.get(x.id) ?? 0 })),
          servers: Object.values(e.servers)
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((s) => ({ id: s.id, name: s.name, fqdn: s.fqdn, version: formatVersion(s.version), state: s.state, vssWriter: s.vssWriter, storagePoolGb: poolCapacityGb(s) })),
        },
        200,
      );
    })
    .openapi(newComputer, (c) => {
      const body = c.req.valid('json');
      return c.json(run(d, c, 'estate.add-computer', addComputer, body, body.name), 200);
    })
    .openapi(unclean, (c) => {
      const { computerId } = c.req.valid('param');
      return c.json(run(d, c, 'estate.unclean-shutdown', uncleanShutdown, { computerId }, computerId), 200);
    })
    .openapi(dropComputer, (c) => {
      const { computerId } = c.req.valid('param');
      return c.json(run(d, c, 'estate.remove-computer', removeComputer, { computerId }, computerId), 200);
    })
    .openapi(newServer, (c) => {
      const body = c.req.valid('json');
      return c.json(run(d, c, 'estate.add-server', addDpmServer, body, body.name), 200);
    })
    .openapi(dropServer, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'estate.remove-server', removeDpmServer, { serverId }, serverId), 200);
    })
    .openapi(vss, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'estate.vss-writer', setVssWriter, { serverId, state: c.req.valid('json').state }, serverId), 200);
    });
}
