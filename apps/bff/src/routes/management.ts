import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { libraryOn, router, run, tapeOn, serverOr404 } from '../deps';
import { AgentRow, DiskSummary, Id, Library, ServerParams } from '../schemas';
import { Refused } from '../http-errors';
import { notFound } from '@dpm/domain/errors';
import { diskSummary, listAgents, listLibraries } from '@dpm/db/views/management';
import { diskLayout } from '@dpm/domain/server/disk-layout';
import { rowsWhere } from '@dpm/domain/command';
import { attachAgent } from '@dpm/domain/agents/attach-agent';
import { takeOwnership } from '@dpm/domain/agents/take-ownership';
import { reestablishProtection } from '@dpm/domain/agents/reestablish-protection';
import { connectivityChecks } from '@dpm/domain/agents/connectivity';
import { setDpmServer } from '@dpm/domain/agents/set-dpm-server';
import { rescanLibrary } from '@dpm/domain/library/rescan';
import { inventoryLibrary } from '@dpm/domain/library/inventory';
import { recatalogImportedTape } from '@dpm/domain/library/recatalog-imported-tape';
import { markTapeFree } from '@dpm/domain/library/mark-tape-free';
import { eraseTape } from '@dpm/domain/library/erase-tape';
import { NoQuery, commandRoute, readRoute } from './route-kit';
import { DomainCredentials, checkDomainCredentials } from '../auth/domain-credentials';

const TAG = 'Management';
const ComputerParams = ServerParams.extend({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) });
const LibraryParams = ServerParams.extend({ libraryId: Id.openapi({ param: { name: 'libraryId', in: 'path' } }) });
const TapeParams = ServerParams.extend({ tapeId: Id.openapi({ param: { name: 'tapeId', in: 'path' } }) });
const Empty = z.object({}).strict();

const Check = z.object({ check: z.string(), ok: z.boolean(), detail: z.string() }).openapi('ConnectivityCheck');

const agents = readRoute(TAG, '/servers/{serverId}/agents', 'Agents this server owns or has attached', ServerParams, NoQuery, z.array(AgentRow));
const checks = readRoute(TAG, '/servers/{serverId}/agents/{computerId}/checks', 'Re-establish protection: the checks of seed 000', ComputerParams, NoQuery, z.array(Check));
const disks = readRoute(TAG, '/servers/{serverId}/disks', 'Storage pool', ServerParams, NoQuery, DiskSummary);
const libraries = readRoute(TAG, '/servers/{serverId}/libraries', 'Tape libraries with their tapes', ServerParams, NoQuery, z.array(Library));
const attach = commandRoute(
  TAG,
  '/servers/{serverId}/agents/attach',
  'Protection Agent Installation Wizard → Attach / Install, with a domain account (Enter Credentials)',
  ServerParams,
  z.object({ computerIds: z.array(Id).min(1).max(500), method: z.enum(['Install', 'Attach']), credentials: DomainCredentials }).strict(),
);
const own = commandRoute(TAG, '/servers/{serverId}/agents/{computerId}/take-ownership', 'Take Ownership', ComputerParams, Empty);
const reestablish = commandRoute(TAG, '/servers/{serverId}/agents/{computerId}/reestablish', 'Re-establish protection (SetDpmServer, groups, DCOM)', ComputerParams, Empty);
const setServer = commandRoute(
  TAG,
  '/computers/{computerId}/set-dpm-server',
  'SetDpmServer -dpmServerName <name>, run on a protected computer',
  z.object({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) }),
  z.object({ dpmServerName: z.string().min(1).max(255) }).strict(),
);
const rescan = commandRoute(TAG, '/servers/{serverId}/libraries/{libraryId}/rescan', 'Rescan', LibraryParams, Empty);
const inventory = commandRoute(TAG, '/servers/{serverId}/libraries/{libraryId}/inventory', 'Inventory libraries… (Fast / Detailed)', LibraryParams, z.object({ kind: z.enum(['Fast', 'Detailed']) }).strict());
const recatalog = commandRoute(TAG, '/servers/{serverId}/tapes/{tapeId}/recatalog', 'Recatalog imported tape', TapeParams, Empty);
const markFree = commandRoute(TAG, '/servers/{serverId}/tapes/{tapeId}/mark-free', 'Mark as free', TapeParams, Empty);
const erase = commandRoute(TAG, '/servers/{serverId}/tapes/{tapeId}/erase', 'Erase tape', TapeParams, Empty);

export function managementRoutes(d: AppDeps) {
  return router()
    .openapi(agents, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(listAgents(d.db, serverId), 200);
    })
    .openapi(checks, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const computer = d.store.estate.computers[computerId];
      if (!computer) throw new Refused(notFound('computer', computerId));
      return c.json(connectivityChecks(computer, server), 200);
    })
    .openapi(disks, (c) => {
      const { serverId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      const { disks: layout } = diskLayout(server, rowsWhere(d.store.estate, 'replicas', 'serverId', server.id));
      const disks = layout.map((u) => ({
        id: u.disk.id,
        name: u.disk.name,
        sizeGb: u.disk.sizeGb,
        allocatedGb: u.allocatedGb,
        freeGb: u.disk.missing ? 0 : u.disk.sizeGb - u.allocatedGb,
        missing: u.disk.missing,
        replicas: u.replicaIds.length,
      }));
      return c.json({ ...diskSummary(d.db, server), disks }, 200);
    })
    .openapi(libraries, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(listLibraries(d.db, serverOr404(d, serverId)), 200);
    })
    .openapi(attach, async (c) => {
      const { serverId } = c.req.valid('param');
      const { credentials, ...body } = c.req.valid('json');
      const target = body.computerIds.join(',');
      // An unknown server is a 404 before any domain account is checked (and hashed).
      serverOr404(d, serverId);
      await checkDomainCredentials(d, c, credentials, 'agent.attach', target);
      return c.json(run(d, c, 'agent.attach', attachAgent, { serverId, ...body }, target), 200);
    })
    .openapi(own, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.take-ownership', takeOwnership, { serverId, computerId }, computerId), 200);
    })
    .openapi(reestablish, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.reestablish-protection', reestablishProtection, { serverId, computerId }, computerId), 200);
    })
    .openapi(setServer, (c) => {
      const { computerId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.set-dpm-server', setDpmServer, { computerId, dpmServerName: c.req.valid('json').dpmServerName }, computerId), 200);
    })
    .openapi(rescan, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      libraryOn(d, serverId, libraryId);
      return c.json(run(d, c, 'library.rescan', rescanLibrary, { libraryId }, libraryId), 200);
    })
    .openapi(inventory, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      libraryOn(d, serverId, libraryId);
      return c.json(run(d, c, 'library.inventory', inventoryLibrary, { libraryId, kind: c.req.valid('json').kind }, libraryId), 200);
    })
    .openapi(recatalog, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      tapeOn(d, serverId, tapeId);
      return c.json(run(d, c, 'tape.recatalog', recatalogImportedTape, { tapeId }, tapeId), 200);
    })
    .openapi(markFree, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      tapeOn(d, serverId, tapeId);
      return c.json(run(d, c, 'tape.mark-free', markTapeFree, { tapeId }, tapeId), 200);
    })
    .openapi(erase, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      tapeOn(d, serverId, tapeId);
      return c.json(run(d, c, 'tape.erase', eraseTape, { tapeId }, tapeId), 200);
    });
}
