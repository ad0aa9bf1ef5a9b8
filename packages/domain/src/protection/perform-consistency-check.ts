import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate, Replica } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { CHECKABLE_STATUSES } from './replica-status';

export interface PerformConsistencyCheck {
  /** The server whose members are checked (the view they were chosen in). */
  serverId: string;
  /** Members to check, or… */
  replicaIds?: string[];
  /** …every member of a group that can be checked. */
  groupId?: string;
}

/**
 * Whether a member's replica can be checked: consistent data, or a manually created one whose data
 * was restored (seed 000).
 */
function checkRefusal(view: View, replica: Replica): DomainError | null {
  if (CHECKABLE_STATUSES.includes(replica.status)) return null;
  if (replica.status === 'Manual replica creation pending' && replica.dataRestored) return null;
  const ds = view.get('dataSources', replica.dataSourceId);
  const why =
    replica.status === 'Manual replica creation pending'
      ? ' Copy the data to the replica first (Restore to replica, or DpmSync -DataCopied).'
      : replica.status === 'Replica is missing'
        ? ' Reallocate its volume first (DpmSync -ReallocateReplica).'
        : '';
  return refuse(
    'INVALID_STATE',
    `A consistency check can't run on ${ds?.name ?? replica.id} while its replica is "${replica.status}".${why}`,
    replica.id,
  );
}

/** Perform consistency check on one member. */
export function whyNotCheck(view: View, target: Targets['member']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const replica = view.get('replicas', target.replicaId);
  if (!replica || replica.serverId !== server.id || replica.groupId === null)
    return notFound('protected member', target.replicaId);
  return checkRefusal(view, replica);
}

function checkableMembers(view: View, target: Targets['group']): Replica[] | DomainError {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const group = view.get('groups', target.groupId);
  if (!group || group.serverId !== server.id) return notFound('protection group', target.groupId);
  const members = view.where('replicas', 'groupId', group.id);
  const checkable = members.filter((r) => checkRefusal(view, r) === null);
  if (checkable.length === 0) {
    return refuse(
      'INVALID_STATE',
      members.length === 0
        ? `${group.name} has no members.`
        : `No member of ${group.name} can be checked now: none holds data a consistency check can verify.`,
      group.id,
    );
  }
  return checkable;
}

/** Perform consistency check on a group: every member that can be checked. */
export function whyNotCheckGroup(view: View, target: Targets['group']): DomainError | null {
  const members = checkableMembers(view, target);
  return isDomainError(members) ? members : null;
}

/**
 * Perform consistency check (a synchronization job with consistency check). A manually created
 * replica can be checked once its data was restored (seed 000); a missing or invalid one can't.
 * A member whose check is already queued or running is not checked twice.
 */
export function performConsistencyCheck(slice: Estate, cmd: PerformConsistencyCheck, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  let replicas: Replica[];
  if (cmd.groupId !== undefined) {
    const members = checkableMembers(draft, { serverId: cmd.serverId, groupId: cmd.groupId });
    if (isDomainError(members)) return members;
    replicas = members;
  } else {
    const ids = [...new Set(cmd.replicaIds ?? [])];
    if (ids.length === 0) return refuse('INVALID_INPUT', 'Select the members to check.', 'replicaIds');
    replicas = [];
    for (const id of ids) {
      const why = whyNotCheck(draft, { serverId: cmd.serverId, replicaId: id });
      if (why) return why;
      const r = draft.get('replicas', id);
      if (r) replicas.push(r);
    }
  }
  for (const replica of replicas) {
    if (activeJobsFor(draft, 'replicaId', replica.id).some((j) => j.type === 'Consistency check')) continue;
    const ds = draft.get('dataSources', replica.dataSourceId);
    scheduleJob(draft, ctx, {
      serverId: replica.serverId,
      type: 'Consistency check',
      replicaId: replica.id,
      dataSourceId: replica.dataSourceId,
      groupId: replica.groupId,
      computerId: ds?.computerId ?? null,
      totalGb: ds?.sizeGb ?? 1,
    });
  }
  return draft.outcome();
}

export const checkMemberOperation = defineOperation<'member', PerformConsistencyCheck>({
  id: 'protection.consistency-check',
  name: 'Perform consistency check',
  kind: 'member',
  area: 'Protection',
  role: 'Operator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotCheck,
  run: performConsistencyCheck,
});

export const checkGroupOperation = defineOperation<'group', PerformConsistencyCheck>({
  id: 'protection.consistency-check-group',
  name: 'Perform consistency check',
  kind: 'group',
  area: 'Protection',
  role: 'Operator',
  whyNot: whyNotCheckGroup,
  run: performConsistencyCheck,
});
