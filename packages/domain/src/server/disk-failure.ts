import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { setReplicaStatus } from '../protection/replica-status';
import { diskLayout } from './disk-layout';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface DiskCommand {
  serverId: string;
  diskId: string;
}

/**
 * Management › Disks › Simulate disk failure (a rehearsal): the disk stops answering. Every
 * replica with a volume on it becomes Replica is missing, with its critical alert, and
 * the pool loses the disk's capacity. DPM's way back: Remove disk, add a disk if space is short,
 * DpmSync -ReallocateReplica, then bring the data back and run a consistency check.
 */
export function whyNotDiskFailure(view: View, target: Targets['disk']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const disk = server.disks.find((d) => d.id === target.diskId);
  if (!disk) return notFound('disk', target.diskId);
  if (disk.missing) return refuse('INVALID_STATE', `${disk.name} of ${server.name} is already missing.`, disk.id);
  return null;
}

export function simulateDiskFailure(slice: Estate, cmd: DiskCommand, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotDiskFailure(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  const disk = server?.disks.find((d) => d.id === cmd.diskId);
  if (!server || !disk) return notFound('disk', cmd.diskId);
  const { byReplica } = diskLayout(server, draft.where('replicas', 'serverId', server.id));
  draft.update('servers', server.id, {
    disks: server.disks.map((d) => (d.id === disk.id ? { ...d, missing: true } : d)),
  });
  let lost = 0;
  for (const [replicaId, disks] of byReplica) {
    if (!disks.includes(disk.id)) continue;
    // A retained inactive replica loses its volume too; it has no protection status to change.
    if (draft.get('replicas', replicaId)?.groupId === null)
      draft.update('replicas', replicaId, { inStoragePool: false });
    else setReplicaStatus(draft, ctx, replicaId, 'Replica is missing', { inStoragePool: false, dataRestored: false });
    lost += 1;
  }
  draft.emit({
    type: 'server.disk-missing',
    serverId: server.id,
    subjectId: server.id,
    summary: `${disk.name} of ${server.name} is missing: ${lost} replica(s) are missing`,
  });
  return draft.outcome();
}

/**
 * Management › Disks › Remove disk: takes a missing disk, or one no replica uses, out of the
 * storage pool. A disk that holds replica volumes can't be removed (DPM: move or delete them first).
 */
export function whyNotRemoveDisk(view: View, target: Targets['disk']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const disk = server.disks.find((d) => d.id === target.diskId);
  if (!disk) return notFound('disk', target.diskId);
  if (!disk.missing) {
    const use = diskLayout(server, view.where('replicas', 'serverId', server.id)).disks.find(
      (u) => u.disk.id === disk.id,
    );
    if (use && use.replicaIds.length > 0) {
      return refuse(
        'INVALID_STATE',
        `${disk.name} of ${server.name} holds the volumes of ${use.replicaIds.length} replica(s); only a missing ` +
          `disk or an unused one can be removed from the storage pool.`,
        disk.id,
      );
    }
  }
  return null;
}

export function removeDisk(slice: Estate, cmd: DiskCommand, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRemoveDisk(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  const disk = server?.disks.find((d) => d.id === cmd.diskId);
  if (!server || !disk) return notFound('disk', cmd.diskId);
  draft.update('servers', server.id, { disks: server.disks.filter((d) => d.id !== disk.id) });
  draft.emit({
    type: 'server.disk-removed',
    serverId: server.id,
    subjectId: server.id,
    summary: `Removed ${disk.name} from the storage pool of ${server.name}`,
  });
  return draft.outcome();
}

export const diskFailureOperation = defineOperation<'disk', DiskCommand>({
  id: 'disks.simulate-failure',
  name: 'Simulate disk failure',
  kind: 'disk',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotDiskFailure,
  run: simulateDiskFailure,
});

export const removeDiskOperation = defineOperation<'disk', DiskCommand>({
  id: 'disks.remove',
  name: 'Remove disk',
  kind: 'disk',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotRemoveDisk,
  run: removeDisk,
});
