import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { notFound, refuse } from '../errors';
import { resolveAllFor } from '../alerts/alerts';
import { deleteReplica } from './stop-protection';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface RemoveInactiveProtection {
  serverId: string;
  replicaId: string;
}

export function whyNotRemoveInactive(view: View, target: Targets['member']): DomainError | null {
  const replica = view.get('replicas', target.replicaId);
  if (!replica || replica.serverId !== target.serverId) return notFound('replica', target.replicaId);
  if (replica.groupId !== null)
    return refuse('INVALID_STATE', 'This member is still protected; stop its protection first.', replica.id);
  return null;
}

/** Remove inactive protection: deletes a retained replica and its recovery points. */
export function removeInactiveProtection(slice: Estate, cmd: RemoveInactiveProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRemoveInactive(draft, cmd);
  if (why) return why;
  resolveAllFor(draft, ctx, cmd.replicaId);
  deleteReplica(draft, cmd.replicaId);
  draft.emit({
    type: 'protection.removed',
    serverId: cmd.serverId,
    subjectId: cmd.replicaId,
    summary: 'Inactive protection removed',
  });
  return draft.outcome();
}

export const removeInactiveOperation = defineOperation<'member', RemoveInactiveProtection>({
  id: 'protection.remove-inactive',
  name: 'Remove inactive protection',
  kind: 'member',
  area: 'Protection',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId === null,
  whyNot: whyNotRemoveInactive,
  run: removeInactiveProtection,
});
