import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import { resolveAllFor, setReplicaStatus } from '../alerts/alerts';
import { cancelJobsOf } from './members';

export interface StopProtection {
  serverId: string;
  /** Stop protection of member(s)… */
  replicaIds?: string[];
  /** …or Stop protection of group. */
  groupId?: string;
  /** Retain replicas on disk (Inactive Protection) or Delete replica on disk. */
  retainReplica: boolean;
}

/**
 * Stop protection: Retain replicas on disk leaves the replica and its recovery points as
 * Inactive replica available; Delete replica on disk removes them. A group left with no member
 * is removed.
 */
export function stopProtection(slice: Estate, cmd: StopProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  let replicas;
  if (cmd.groupId !== undefined) {
    const group = draft.get('groups', cmd.groupId);
    if (!group || group.serverId !== server.id) return notFound('protection group', cmd.groupId);
    replicas = draft.where('replicas', 'groupId', group.id);
  } else {
    const ids = cmd.replicaIds ?? [];
    if (ids.length === 0) return refuse('INVALID_INPUT', 'Select the members to stop protecting.', 'replicaIds');
    replicas = [];
    for (const id of ids) {
      const r = draft.get('replicas', id);
      if (!r || r.serverId !== server.id) return notFound('protected member', id);
      if (r.groupId === null) return refuse('INVALID_STATE', 'This member is already inactive; use Remove inactive protection.', id);
      replicas.push(r);
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
    if (gid !== null && draft.where('replicas', 'groupId', gid).length === 0) {
      draft.del('groups', gid);
      draft.emit({ type: 'group.removed', serverId: server.id, subjectId: gid, summary: 'Protection group removed: no members left' });
    }
  }
  draft.emit({
    type: 'protection.stopped',
    serverId: server.id,
    subjectId: cmd.groupId ?? replicas.map((r) => r.id).join(','),
    summary: `Protection stopped for ${replicas.length} member(s), ${cmd.retainReplica ? 'replicas retained on disk' : 'replicas deleted'}`,
  });
  return draft.outcome();
}

/** Deletes a replica and its disk recovery points. */
export function deleteReplica(draft: Draft, replicaId: string): void {
  for (const rp of draft.where('recoveryPoints', 'replicaId', replicaId)) if (rp.location === 'Disk') draft.del('recoveryPoints', rp.id);
  draft.del('replicas', replicaId);
}
