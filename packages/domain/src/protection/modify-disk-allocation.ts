import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { poolCapacityGb } from '../server/disk-layout';
import { staleRefusal } from '../revisions';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface ModifyDiskAllocation {
  serverId: string;
  replicaId: string;
  /** The replica volume's new size in the storage pool. */
  allocatedGb: number;
  /** The revision of the member the dialog showed (STALE). */
  expectedRevision?: number;
}

/** Modify disk allocation of a member of an online server. */
export function whyNotDiskAllocation(view: View, target: Targets['member']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const replica = view.get('replicas', target.replicaId);
  if (!replica || replica.serverId !== server.id || replica.groupId === null)
    return notFound('protected member', target.replicaId);
  return null;
}

/**
 * Modify disk allocation: the space a member's replica takes in the storage pool. It must hold
 * the data source, and the pool must have the space (DPM sizes replicas from the data).
 */
export function modifyDiskAllocation(slice: Estate, cmd: ModifyDiskAllocation, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotDiskAllocation(draft, cmd);
  if (why) return why;
  const replica = draft.get('replicas', cmd.replicaId);
  const server = draft.get('servers', cmd.serverId);
  if (!replica || !server) return notFound('protected member', cmd.replicaId);
  const ds = draft.get('dataSources', replica.dataSourceId);
  const stale = staleRefusal(
    `The disk allocation of ${ds?.name ?? replica.id}`,
    replica.revision,
    cmd.expectedRevision,
    replica.id,
  );
  if (stale) return stale;
  const sizeGb = ds?.sizeGb ?? 0;
  if (!Number.isFinite(cmd.allocatedGb) || cmd.allocatedGb < sizeGb) {
    return refuse(
      'INVALID_INPUT',
      `The replica of ${ds?.name ?? 'the data source'} needs at least ${sizeGb} GB, the size of its data source.`,
      'allocatedGb',
    );
  }
  const others = draft
    .where('replicas', 'serverId', server.id)
    .reduce((sum, r) => (r.id === replica.id || !r.inStoragePool ? sum : sum + r.allocatedGb), 0);
  const free = poolCapacityGb(server) - others;
  if (cmd.allocatedGb > free) {
    return refuse(
      'INVALID_INPUT',
      `The storage pool of ${server.name} has ${Math.max(0, Math.floor(free))} GB for this replica; ` +
        `${cmd.allocatedGb} GB were asked for. Add a disk first.`,
      'allocatedGb',
    );
  }
  if (cmd.allocatedGb === replica.allocatedGb)
    return refuse('INVALID_INPUT', `The replica already has ${cmd.allocatedGb} GB.`, 'allocatedGb');
  draft.update('replicas', replica.id, { allocatedGb: cmd.allocatedGb, revision: nextRevision(replica.revision, ctx) });
  draft.emit({
    type: 'replica.allocation',
    serverId: server.id,
    subjectId: replica.id,
    summary:
      `Disk allocation of ${ds?.name ?? replica.id} changed from ${replica.allocatedGb} GB to ` +
      `${cmd.allocatedGb} GB`,
  });
  return draft.outcome();
}

export const diskAllocationOperation = defineOperation<'member', ModifyDiskAllocation>({
  id: 'protection.modify-disk-allocation',
  name: 'Modify disk allocation',
  kind: 'member',
  area: 'Protection',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotDiskAllocation,
  run: modifyDiskAllocation,
});
