import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate, Replica } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { knownServer } from '../guards';
import { resolveAllFor } from '../alerts/alerts';
import { setReplicaStatus } from './replica-status';
import { cancelJobsOf } from './members';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface StopProtection {
  serverId: string;
  /** Stop protection of member(s)… */
  replicaIds?: string[];
  /** …or Stop protection of group. */
  groupId?: string;
  /** Retain replicas on disk (Inactive Protection) or Delete replica on disk. */
  retainReplica: boolean;
}

/** Stop protection of member: an active member of the server (even a failed server's database still lists it). */
export function whyNotStopMember(view: View, target: Targets['member']): DomainError | null {
  const server = knownServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const r = view.get('replicas', target.replicaId);
  if (!r || r.serverId !== server.id) return notFound('protected member', target.replicaId);
  if (r.groupId === null)
    return refuse('INVALID_STATE', 'This member is already inactive; use Remove inactive protection.', r.id);
  return null;
}

export function whyNotStopGroup(view: View, target: Targets['group']): DomainError | null {
  const server = knownServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const group = view.get('groups', target.groupId);
  if (!group || group.serverId !== server.id) return notFound('protection group', target.groupId);
  return null;
}

/**
 * Stop protection: Retain replicas on disk leaves the replica and its recovery points as
 * Inactive replica available; Delete replica on disk removes them. A group left with no member
 * is removed; one that keeps members has changed (its revision moves on).
 */
export function stopProtection(slice: Estate, cmd: StopProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  let replicas: Replica[];
  if (cmd.groupId !== undefined) {
    const why = whyNotStopGroup(draft, { serverId: cmd.serverId, groupId: cmd.groupId });
    if (why) return why;
    replicas = draft.where('replicas', 'groupId', cmd.groupId);
  } else {
    const ids = [...new Set(cmd.replicaIds ?? [])];
    if (ids.length === 0) return refuse('INVALID_INPUT', 'Select the members to stop protecting.', 'replicaIds');
    replicas = [];
    for (const id of ids) {
      const why = whyNotStopMember(draft, { serverId: cmd.serverId, replicaId: id });
      if (why) return why;
      const r = draft.get('replicas', id);
      if (r) replicas.push(r);
    }
  }
  const groupIds = new Set(replicas.map((r) => r.groupId));
  for (const r of replicas) {
    cancelJobsOf(draft, ctx, r.id);
    resolveAllFor(draft, ctx, r.id);
    if (cmd.retainReplica) {
      setReplicaStatus(draft, ctx, r.id, 'Inactive replica available', { groupId: null, switched: false });
    } else {
      deleteReplica(draft, r.id);
    }
  }
  for (const gid of groupIds) {
    if (gid === null) continue;
    const group = draft.get('groups', gid);
    if (!group) continue;
    if (draft.where('replicas', 'groupId', gid).length === 0) {
      draft.del('groups', gid);
      draft.emit({
        type: 'group.removed',
        serverId: cmd.serverId,
        subjectId: gid,
        summary: `Protection group ${group.name} removed: no members left`,
      });
    } else {
      draft.update('groups', gid, { revision: nextRevision(group.revision, ctx) });
    }
  }
  draft.emit({
    type: 'protection.stopped',
    serverId: cmd.serverId,
    subjectId: cmd.groupId ?? replicas.map((r) => r.id).join(','),
    summary:
      `Protection stopped for ${replicas.length} member(s), ` +
      `${cmd.retainReplica ? 'replicas retained on disk' : 'replicas deleted'}`,
  });
  return draft.outcome();
}

/** Deletes a replica and its disk recovery points. */
export function deleteReplica(draft: Draft, replicaId: string): void {
  for (const rp of draft.where('recoveryPoints', 'replicaId', replicaId))
    if (rp.location === 'Disk') draft.del('recoveryPoints', rp.id);
  draft.del('replicas', replicaId);
}

export const stopMemberOperation = defineOperation<'member', StopProtection>({
  id: 'protection.stop-member',
  name: 'Stop protection of member',
  kind: 'member',
  area: 'Protection',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotStopMember,
  run: stopProtection,
});

export const stopGroupOperation = defineOperation<'group', StopProtection>({
  id: 'protection.stop-group',
  name: 'Stop protection of group',
  kind: 'group',
  area: 'Protection',
  role: 'Administrator',
  whyNot: whyNotStopGroup,
  run: stopProtection,
});
