import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate, ProtectionStatus } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';

export interface PerformConsistencyCheck {
  replicaIds: string[];
}

const CHECKABLE: ProtectionStatus[] = ['OK', 'Replica is inconsistent', 'Replica inconsistent, verification in progress'];

/**
 * Perform consistency check (a synchronization job with consistency check). A manually created
 * replica can be checked once its data was restored (seed 000); a missing or invalid one can't.
 */
export function performConsistencyCheck(slice: Estate, cmd: PerformConsistencyCheck, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  if (cmd.replicaIds.length === 0) return refuse('INVALID_INPUT', 'Select the members to check.', 'replicaIds');
  for (const id of cmd.replicaIds) {
    const replica = draft.get('replicas', id);
    if (!replica || replica.groupId === null) return notFound('protected member', id);
    const server = onlineServer(draft, replica.serverId);
    if (isDomainError(server)) return server;
    const ds = draft.get('dataSources', replica.dataSourceId);
    const restoredManual = replica.status === 'Manual replica creation pending' && replica.dataRestored;
    if (!CHECKABLE.includes(replica.status) && !restoredManual) {
      return refuse('INVALID_STATE', `A consistency check can't run on ${ds?.name ?? id} while its replica is "${replica.status}".`, id);
    }
    if (activeJobsFor(draft, 'replicaId', id).some((j) => j.type === 'Consistency check')) continue;
    scheduleJob(draft, ctx, {
      serverId: replica.serverId,
      type: 'Consistency check',
      replicaId: id,
      dataSourceId: replica.dataSourceId,
      groupId: replica.groupId,
      computerId: ds?.computerId ?? null,
      totalGb: ds?.sizeGb ?? 1,
    });
  }
  return draft.outcome();
}
