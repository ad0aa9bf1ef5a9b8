import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate, ProtectionGroup } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { checkGoals, checkReplicaSync } from './goals';
import { addReplica } from './members';
import type { MemberRef } from './rules';
import { checkMembers } from './create-protection-group';

export interface ModifyProtectionGroup {
  groupId: string;
  name?: string;
  disk?: ProtectionGroup['disk'];
  tape?: ProtectionGroup['tape'];
  online?: ProtectionGroup['online'];
  consistencyCheck?: ProtectionGroup['consistencyCheck'];
  excludedExtensions?: string[];
  /** Members to add; removing a member is Stop protection of member. */
  addMembers?: MemberRef[];
}

/** Modify protection group: the same wizard, on an existing group. */
export function modifyProtectionGroup(slice: Estate, cmd: ModifyProtectionGroup, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const group = draft.get('groups', cmd.groupId);
  if (!group) return notFound('protection group', cmd.groupId);
  const server = onlineServer(draft, group.serverId);
  if (isDomainError(server)) return server;
  const next: ProtectionGroup = {
    ...group,
    name: cmd.name?.trim() ?? group.name,
    disk: cmd.disk !== undefined ? cmd.disk : group.disk,
    tape: cmd.tape !== undefined ? cmd.tape : group.tape,
    online: cmd.online !== undefined ? cmd.online : group.online,
    consistencyCheck: cmd.consistencyCheck ?? group.consistencyCheck,
    excludedExtensions: cmd.excludedExtensions ?? group.excludedExtensions,
  };
  if (next.name === '') return refuse('INVALID_INPUT', 'Enter a name for the protection group.', 'name');
  if (draft.where('groups', 'serverId', server.id).some((g) => g.id !== group.id && g.name.toLowerCase() === next.name.toLowerCase())) {
    return refuse('CONFLICT', `${server.name} already has a protection group named "${next.name}".`, 'name');
  }
  const goals = checkGoals(next);
  if (goals) return goals;
  const current = draft.where('replicas', 'groupId', group.id);
  if (next.excludedExtensions.length > 0 && current.some((r) => r.sourceServerId !== null)) {
    return refuse('NO_EXCLUSIONS_ON_REPLICA', "File name extensions can't be excluded from protection of a replica.", 'excludedExtensions');
  }
  if (current.some((r) => r.sourceServerId !== null)) {
    const sync = checkReplicaSync(next);
    if (sync) return sync;
  }
  const adding = cmd.addMembers ?? [];
  const members = checkMembers(slice, server.id, adding, next);
  if (members) return members;
  draft.put('groups', next);
  draft.emit({ type: 'group.modified', serverId: server.id, subjectId: group.id, summary: `Protection group ${next.name} modified` });
  for (const m of adding) addReplica(draft, ctx, server, next, m, null);
  return draft.outcome();
}
