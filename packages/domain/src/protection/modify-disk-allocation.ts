import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { poolCapacityGb } from '../server/disk-layout';

export interface ModifyDiskAllocation {
  replicaId: string;
  /** The replica volume's new size in the storage pool. */
  allocatedGb: number;
}

/**
 * Modify disk allocation: the space a member's replica takes in the storage pool. It must hold
 * the data source, and the pool must have the space (DPM sizes replicas from the data).
 */
export function modifyDiskAllocation(slice: Estate, cmd: ModifyDiskAllocation, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const replica = draft.get('replicas', cmd.replicaId);
  if (!replica || replica.groupId === null) return notFound('protected member', cmd.replicaId);
  const server = onlineServer(draft, replica.serverId);
  if (isDomainError(server)) return server;
  const ds = draft.get('dataSources', replica.dataSourceId);
  const sizeGb = ds?.sizeGb ?? 0;
  if (!Number.isFinite(cmd.allocatedGb) || cmd.allocatedGb < sizeGb) {
    return refuse('INVALID_INPUT', `The replica of ${ds?.name ?? 'the data source'} needs at least ${sizeGb} GB, the size of its data source.`, 'allocatedGb');
  }
  const others = draft.where('replicas', 'serverId', server.id).reduce((sum, r) => (r.id === replica.id || !r.inStoragePool ? sum : sum + r.allocatedGb), 0);
  const free = poolCapacityGb(server) - others;
  if (cmd.allocatedGb > free) {
    return refuse('INVALID_INPUT', `The storage pool of ${server.name} has ${Math.max(0, Math.floor(free))} GB for this replica; ${cmd.allocatedGb} GB were asked for. Add a disk first.`, 'allocatedGb');
  }
  if (cmd.allocatedGb === replica.allocatedGb) return refuse('INVALID_INPUT', `The replica already has ${cmd.allocatedGb} GB.`, 'allocatedGb');
  draft.update('replicas', replica.id, { allocatedGb: cmd.allocatedGb });
  draft.emit({ type: 'replica.allocation', serverId: server.id, subjectId: replica.id, summary: `Disk allocation of ${ds?.name ?? replica.id} changed from ${replica.allocatedGb} GB to ${cmd.allocatedGb} GB` });
  return draft.outcome();
}
