import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate, ProtectionGroup } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { staleRefusal } from '../revisions';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { onlineServer } from '../guards';
import { PROTECTION_METHODS, checkReplicaSync, type ProtectionMethod } from './goals';
import { checkMembers, checkSettings, methodOffered } from './group-settings';
import { addReplica } from './members';
import type { MemberRef } from './rules';

export interface ModifyProtectionGroup {
  serverId: string;
  groupId: string;
  /** The revision of the group the wizard showed (STALE). */
  expectedRevision?: number;
  name?: string;
  disk?: ProtectionGroup['disk'];
  tape?: ProtectionGroup['tape'];
  online?: ProtectionGroup['online'];
  consistencyCheck?: ProtectionGroup['consistencyCheck'];
  excludedExtensions?: string[];
  /** Members to add; removing a member is Stop protection of member. */
  addMembers?: MemberRef[];
}

/**
 * Modify protection group: a group of an online server; per protection method, whether the group
 * has it or the server can give it (methodRefusal).
 */
export function whyNotModifyGroup(
  view: View,
  target: Targets['group'],
  _actor?: unknown,
  method?: ProtectionMethod,
): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const group = view.get('groups', target.groupId);
  if (!group || group.serverId !== server.id) return notFound('protection group', target.groupId);
  return methodOffered(view, server, method, group);
}

/** Modify protection group from a member's menu: the member's group. */
export function whyNotModifyGroupOfMember(view: View, target: Targets['member']): DomainError | null {
  const replica = view.get('replicas', target.replicaId);
  if (!replica || replica.serverId !== target.serverId || replica.groupId === null)
    return notFound('protected member', target.replicaId);
  return whyNotModifyGroup(view, { serverId: target.serverId, groupId: replica.groupId });
}

/** Modify protection group: the same wizard, on an existing group. */
export function modifyProtectionGroup(slice: Estate, cmd: ModifyProtectionGroup, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotModifyGroup(draft, cmd);
  if (why) return why;
  const group = draft.get('groups', cmd.groupId);
  const server = draft.get('servers', cmd.serverId);
  if (!group || !server) return notFound('protection group', cmd.groupId);
  const stale = staleRefusal(`The protection group ${group.name}`, group.revision, cmd.expectedRevision, group.id);
  if (stale) return stale;
  const next: ProtectionGroup = {
    ...group,
    name: cmd.name?.trim() ?? group.name,
    disk: cmd.disk !== undefined ? cmd.disk : group.disk,
    tape: cmd.tape !== undefined ? cmd.tape : group.tape,
    online: cmd.online !== undefined ? cmd.online : group.online,
    consistencyCheck: cmd.consistencyCheck ?? group.consistencyCheck,
    excludedExtensions: cmd.excludedExtensions ?? group.excludedExtensions,
    revision: nextRevision(group.revision, ctx),
  };
  const current = draft.where('replicas', 'groupId', group.id);
  const adding = cmd.addMembers ?? [];
  const settings = checkSettings(draft, server, next, { members: [...current, ...adding], before: group });
  if (settings) return settings;
  if (next.excludedExtensions.length > 0 && current.some((r) => r.sourceServerId !== null)) {
    return refuse(
      'NO_EXCLUSIONS_ON_REPLICA',
      "File name extensions can't be excluded from protection of a replica.",
      'excludedExtensions',
    );
  }
  if (current.some((r) => r.sourceServerId !== null)) {
    const sync = checkReplicaSync(next);
    if (sync) return sync;
  }
  const members = checkMembers(slice, server.id, adding, next);
  if (members) return members;
  draft.put('groups', next);
  draft.emit({
    type: 'group.modified',
    serverId: server.id,
    subjectId: group.id,
    summary: `Protection group ${next.name} modified`,
  });
  for (const m of adding) addReplica(draft, ctx, server, next, m, null);
  return draft.outcome();
}

export const modifyGroupOperation = defineOperation<'group', ModifyProtectionGroup, ProtectionMethod>({
  id: 'protection.modify-group',
  name: 'Modify protection group',
  kind: 'group',
  area: 'Protection',
  role: 'Administrator',
  intents: PROTECTION_METHODS,
  whyNot: whyNotModifyGroup,
  run: modifyProtectionGroup,
});

/** The same operation from a member's context menu: it opens the wizard on the member's group. */
export const modifyGroupOfMemberOperation = defineOperation<'member', ModifyProtectionGroup>({
  id: 'protection.modify-group-of-member',
  name: 'Modify protection group',
  kind: 'member',
  area: 'Protection',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotModifyGroupOfMember,
  run: modifyProtectionGroup,
});
