import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import { resolveAllFor } from '../alerts/alerts';
import { deleteReplica } from './stop-protection';

export interface RemoveInactiveProtection {
  replicaId: string;
}

/** Remove inactive protection: deletes a retained replica and its recovery points. */
export function removeInactiveProtection(slice: Estate, cmd: RemoveInactiveProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const replica = draft.get('replicas', cmd.replicaId);
  if (!replica) return notFound('replica', cmd.replicaId);
  if (replica.groupId !== null) return refuse('INVALID_STATE', 'This member is still protected; stop its protection first.', cmd.replicaId);
  resolveAllFor(draft, ctx, replica.id);
  deleteReplica(draft, replica.id);
  draft.emit({ type: 'protection.removed', serverId: replica.serverId, subjectId: replica.id, summary: 'Inactive protection removed' });
  return draft.outcome();
}
