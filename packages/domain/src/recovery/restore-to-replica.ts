import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { onlineServer } from '../guards';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';

export interface RestoreToReplica {
  serverId: string;
  /** The replica to rebuild, on the recovered primary. */
  replicaId: string;
  /** A recovery point of the same data source, on the secondary or on tape. */
  recoveryPointId: string;
  /** Rehearses the failure path of seed 000: the restore job fails. */
  simulateFailure?: boolean;
}

/**
 * Restore to replica (seed 000): possible only while the replica is Manual replica creation
 * pending (NOT_PENDING_FOR_RESTORE). A failed restore leaves it Replica is inconsistent; after
 * Delete replica on disk and adding it again manually, a second failure makes it Replica is
 * invalid (decided when the job ends, see jobs/tick.ts).
 */
/** Restore to replica: a member of the server whose replica waits for its data (seed 000). */
export function whyNotRestoreToReplica(view: View, target: Targets['member']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const replica = view.get('replicas', target.replicaId);
  if (!replica || replica.serverId !== server.id || replica.groupId === null)
    return notFound('protected member', target.replicaId);
  if (replica.status !== 'Manual replica creation pending' || replica.dataRestored) {
    const ds = view.get('dataSources', replica.dataSourceId);
    return refuse(
      'NOT_PENDING_FOR_RESTORE',
      `Restore to replica is possible only while the replica is "Manual replica creation pending"; the replica of ` +
        `${ds?.name ?? replica.dataSourceId} on ${server.name} is ` +
        `"${replica.dataRestored ? 'restored, waiting for its consistency check' : replica.status}".`,
      replica.id,
    );
  }
  if (
    activeJobsFor(view, 'replicaId', replica.id).some((j) => j.type === 'Disk recovery' || j.type === 'Tape recovery')
  ) {
    return refuse('CONFLICT', 'A restore to this replica is already running.', replica.id);
  }
  return null;
}

/**
 * Restore to replica (seed 000): possible only while the replica is Manual replica creation
 * pending (NOT_PENDING_FOR_RESTORE). A failed restore leaves it Replica is inconsistent; after
 * Delete replica on disk and adding it again manually, a second failure makes it Replica is
 * invalid (decided when the job ends, see jobs/tick.ts).
 */
export function restoreToReplica(slice: Estate, cmd: RestoreToReplica, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRestoreToReplica(draft, cmd);
  if (why) return why;
  const replica = draft.get('replicas', cmd.replicaId);
  const server = draft.get('servers', cmd.serverId);
  if (!replica || !server) return notFound('protected member', cmd.replicaId);
  const ds = draft.get('dataSources', replica.dataSourceId);
  const rp = draft.get('recoveryPoints', cmd.recoveryPointId);
  if (!rp) return notFound('recovery point', cmd.recoveryPointId);
  if (rp.dataSourceId !== replica.dataSourceId) {
    return refuse('INVALID_INPUT', 'The recovery point is of another data source than the replica.', 'recoveryPointId');
  }
  if (rp.serverId === server.id) {
    return refuse(
      'INVALID_INPUT',
      `Choose a recovery point held by the secondary DPM server or on tape, not one of ${server.name}'s own.`,
      'recoveryPointId',
    );
  }
  scheduleJob(draft, ctx, {
    serverId: server.id,
    type: rp.location === 'Tape' ? 'Tape recovery' : 'Disk recovery',
    replicaId: replica.id,
    dataSourceId: replica.dataSourceId,
    groupId: replica.groupId,
    computerId: ds?.computerId ?? null,
    tapeId: rp.tapeId,
    totalGb: ds?.sizeGb ?? rp.sizeGb,
    params: {
      recoveryPointId: rp.id,
      recoveryType: 'Restore to replica',
      destination: replica.replicaPath,
      ...(cmd.simulateFailure ? { simulateFailure: 'true' } : {}),
    },
  });
  return draft.outcome();
}

export const restoreToReplicaOperation = defineOperation<'member', RestoreToReplica>({
  id: 'recovery.restore-to-replica',
  name: 'Restore to replica',
  kind: 'member',
  area: 'Recovery',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotRestoreToReplica,
  run: restoreToReplica,
});
