import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { libraryOn, router, run, tapeOn, serverOr404 } from '../deps';
import { Id, ServerParams } from '../schemas';
import { Refused } from '../http-errors';
import { isDomainError } from '@dpm/domain/errors';
import { agentCandidates } from '@dpm/domain/agents/agent-candidates';
import { updateAgent } from '@dpm/domain/agents/update-agent';
import { refreshAgents } from '@dpm/domain/agents/refresh-agents';
import { disableAgentProtection } from '@dpm/domain/agents/disable-agent-protection';
import { enableAgentProtection } from '@dpm/domain/agents/enable-agent-protection';
import { uninstallAgent } from '@dpm/domain/agents/uninstall-agent';
import { setLibraryDoor } from '@dpm/domain/library/set-library-door';
import { setLibraryEnabled } from '@dpm/domain/library/set-library-enabled';
import { cleanDrive } from '@dpm/domain/library/clean-drive';
import { addTape } from '@dpm/domain/library/add-tape';
import { removeTape } from '@dpm/domain/library/remove-tape';
import { identifyUnknownTape } from '@dpm/domain/library/identify-unknown-tape';
import { tapeContents } from '@dpm/domain/library/tape-contents';
import { addDisk } from '@dpm/domain/server/add-disk';
import { removeDisk, simulateDiskFailure } from '@dpm/domain/server/disk-failure';
import { diskLayout } from '@dpm/domain/server/disk-layout';
import { rowsWhere } from '@dpm/domain/command';
import { registerOnline } from '@dpm/domain/server/register-online';
import { setVaultPassphrase, vaultPassphraseSetAt } from '@dpm/db/domain-accounts-repository';
import { hashPassword } from '../auth/passwords';
import { NoQuery, commandRoute, readRoute } from './route-kit';

const TAG = 'Management';
const ComputerParams = ServerParams.extend({ computerId: Id.openapi({ param: { name: 'computerId', in: 'path' } }) });
const LibraryParams = ServerParams.extend({ libraryId: Id.openapi({ param: { name: 'libraryId', in: 'path' } }) });
const TapeParams = ServerParams.extend({ tapeId: Id.openapi({ param: { name: 'tapeId', in: 'path' } }) });
const Empty = z.object({}).strict();

const Candidate = z
  .object({ computerId: z.string(), name: z.string(), fqdn: z.string(), dpmVersion: z.string().nullable(), hasAgent: z.boolean(), owner: z.string().nullable() })
  .openapi('AgentCandidate');
const TapeDataSet = z
  .object({ dataSource: z.string(), computer: z.string(), time: z.number(), sizeGb: z.number(), databaseBackup: z.boolean() })
  .openapi('TapeDataSet');
const PoolReplica = z
  .object({ id: z.string(), dataSource: z.string(), computer: z.string(), allocatedGb: z.number(), status: z.string(), inStoragePool: z.boolean(), disks: z.array(z.string()) })
  .openapi('StoragePoolReplica');
const OnlineRegistration = z
  .object({ registered: z.boolean(), vault: z.string().nullable(), registeredAt: z.number().nullable(), passphraseSetAt: z.number().nullable() })
  .openapi('OnlineRegistration');

const candidates = readRoute(TAG, '/servers/{serverId}/agents/candidates', 'Select Computers: computers of the domain this server has no agent on', ServerParams, z.object({ search: z.string().max(100).default('') }).strict(), z.array(Candidate));
const refresh = commandRoute(TAG, '/servers/{serverId}/agents/refresh', 'Refresh Information', ServerParams, Empty);
const update = commandRoute(TAG, '/servers/{serverId}/agents/update', 'Update', ServerParams, z.object({ computerIds: z.array(Id).min(1).max(500) }).strict());
const disable = commandRoute(TAG, '/servers/{serverId}/agents/{computerId}/disable-protection', 'Disable protection', ComputerParams, Empty);
const enable = commandRoute(TAG, '/servers/{serverId}/agents/{computerId}/enable-protection', 'Enable protection', ComputerParams, Empty);
const uninstall = commandRoute(TAG, '/servers/{serverId}/agents/{computerId}/uninstall', 'Uninstall', ComputerParams, Empty);
const door = commandRoute(TAG, '/servers/{serverId}/libraries/{libraryId}/door', 'Lock library door / Unlock library door', LibraryParams, z.object({ locked: z.boolean() }).strict());
const enabled = commandRoute(TAG, '/servers/{serverId}/libraries/{libraryId}/enabled', 'Disable library / Enable library', LibraryParams, z.object({ enabled: z.boolean() }).strict());
const clean = commandRoute(TAG, '/servers/{serverId}/libraries/{libraryId}/clean-drive', 'Clean drive', LibraryParams, Empty);
const add = commandRoute(TAG, '/servers/{serverId}/libraries/{libraryId}/tapes', 'Add tape (I/E port)', LibraryParams, z.object({ barcode: z.string().min(1).max(16), cleaning: z.boolean().default(false) }).strict());
const identify = commandRoute(TAG, '/servers/{serverId}/tapes/{tapeId}/identify', 'Identify unknown tape', TapeParams, Empty);
const remove = commandRoute(TAG, '/servers/{serverId}/tapes/{tapeId}/remove', 'Remove tape', TapeParams, Empty);
const contents = readRoute(TAG, '/servers/{serverId}/tapes/{tapeId}/contents', 'View tape contents', TapeParams, NoQuery, z.array(TapeDataSet));
const poolReplicas = readRoute(TAG, '/servers/{serverId}/disks/replicas', 'Replicas using the storage pool', ServerParams, NoQuery, z.array(PoolReplica));
const disk = commandRoute(TAG, '/servers/{serverId}/disks', 'Add disk', ServerParams, z.object({ sizeGb: z.number().int().min(1).max(262_144) }).strict());
const DiskParams = ServerParams.extend({ diskId: Id.openapi({ param: { name: 'diskId', in: 'path' } }) });
const diskFailure = commandRoute(TAG, '/servers/{serverId}/disks/{diskId}/simulate-failure', 'Simulate disk failure: the replicas on the disk become Replica is missing', DiskParams, Empty);
const diskRemove = commandRoute(TAG, '/servers/{serverId}/disks/{diskId}/remove', 'Remove disk (a missing one, or one no replica uses)', DiskParams, Empty);
const online = readRoute(TAG, '/servers/{serverId}/online', 'Online: vault registration', ServerParams, NoQuery, OnlineRegistration);
const register = commandRoute(
  TAG,
  '/servers/{serverId}/online/register',
  'Register (vault credentials valid two days; passphrase of at least 16 characters, kept only as a scrypt hash)',
  ServerParams,
  z.object({ vault: z.string().min(1).max(100), credentialsIssuedAt: z.number().int(), passphrase: z.string().min(1).max(1024) }).strict(),
);

export function managementOperationRoutes(d: AppDeps) {
  return router()
    .openapi(candidates, (c) => {
      const { serverId } = c.req.valid('param');
      serverOr404(d, serverId);
      return c.json(agentCandidates(d.store.estate, serverId, c.req.valid('query').search), 200);
    })
    .openapi(refresh, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.refresh', refreshAgents, { serverId }, serverId), 200);
    })
    .openapi(update, (c) => {
      const { serverId } = c.req.valid('param');
      const { computerIds } = c.req.valid('json');
      return c.json(run(d, c, 'agent.update', updateAgent, { serverId, computerIds }, computerIds.join(',')), 200);
    })
    .openapi(disable, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.disable-protection', disableAgentProtection, { serverId, computerId }, computerId), 200);
    })
    .openapi(enable, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.enable-protection', enableAgentProtection, { serverId, computerId }, computerId), 200);
    })
    .openapi(uninstall, (c) => {
      const { serverId, computerId } = c.req.valid('param');
      return c.json(run(d, c, 'agent.uninstall', uninstallAgent, { serverId, computerId }, computerId), 200);
    })
    .openapi(door, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      libraryOn(d, serverId, libraryId);
      return c.json(run(d, c, 'library.door', setLibraryDoor, { libraryId, locked: c.req.valid('json').locked }, libraryId), 200);
    })
    .openapi(enabled, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      libraryOn(d, serverId, libraryId);
      return c.json(run(d, c, 'library.enabled', setLibraryEnabled, { libraryId, enabled: c.req.valid('json').enabled }, libraryId), 200);
    })
    .openapi(clean, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      libraryOn(d, serverId, libraryId);
      return c.json(run(d, c, 'library.clean-drive', cleanDrive, { libraryId }, libraryId), 200);
    })
    .openapi(add, (c) => {
      const { serverId, libraryId } = c.req.valid('param');
      libraryOn(d, serverId, libraryId);
      const body = c.req.valid('json');
      return c.json(run(d, c, 'tape.add', addTape, { libraryId, ...body }, libraryId), 200);
    })
    .openapi(identify, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      tapeOn(d, serverId, tapeId);
      return c.json(run(d, c, 'tape.identify', identifyUnknownTape, { tapeId }, tapeId), 200);
    })
    .openapi(remove, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      tapeOn(d, serverId, tapeId);
      return c.json(run(d, c, 'tape.remove', removeTape, { tapeId }, tapeId), 200);
    })
    .openapi(contents, (c) => {
      const { serverId, tapeId } = c.req.valid('param');
      tapeOn(d, serverId, tapeId);
      const rows = tapeContents(d.store.estate, tapeId);
      if (isDomainError(rows)) throw new Refused(rows);
      return c.json(rows, 200);
    })
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
    .openapi(disk, (c) => {
      const { serverId } = c.req.valid('param');
      return c.json(run(d, c, 'server.add-disk', addDisk, { serverId, sizeGb: c.req.valid('json').sizeGb }, serverId), 200);
    })
    .openapi(diskFailure, (c) => {
      const { serverId, diskId } = c.req.valid('param');
      return c.json(run(d, c, 'server.disk-failure', simulateDiskFailure, { serverId, diskId }, diskId), 200);
    })
    .openapi(diskRemove, (c) => {
      const { serverId, diskId } = c.req.valid('param');
      return c.json(run(d, c, 'server.remove-disk', removeDisk, { serverId, diskId }, diskId), 200);
    })
    .openapi(online, (c) => {
      const { serverId } = c.req.valid('param');
      const server = serverOr404(d, serverId);
      return c.json({ registered: server.online !== null, vault: server.online?.vault ?? null, registeredAt: server.online?.registeredAt ?? null, passphraseSetAt: vaultPassphraseSetAt(d.db, serverId) }, 200);
    })
    .openapi(register, async (c) => {
      const { serverId } = c.req.valid('param');
      const { passphrase, ...body } = c.req.valid('json');
      // The domain decides on the passphrase's length only; the passphrase itself is hashed here
      // and kept nowhere else (not in the estate, the audit trail or the log).
      const length = [...passphrase].length;
      const hash = length >= 16 ? await hashPassword(passphrase) : null;
      const now = d.store.now;
      const result = run(d, c, 'server.register-online', registerOnline, { serverId, ...body, passphraseLength: length }, serverId, hash ? (tx) => setVaultPassphrase(tx, serverId, hash, now) : undefined);
      return c.json(result, 200);
    });
}
