import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate, ProtectionGroup } from '../model';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { onlineServer } from '../guards';
import { PROTECTION_METHODS, type ProtectionMethod } from './goals';
import { checkMembers, checkSettings, methodOffered } from './group-settings';
import { addReplica } from './members';
import type { MemberRef } from './rules';

export interface CreateProtectionGroup {
  serverId: string;
  name: string;
  members: MemberRef[];
  disk: ProtectionGroup['disk'];
  tape: ProtectionGroup['tape'];
  online: ProtectionGroup['online'];
  replicaCreation: ProtectionGroup['replicaCreation'];
  /** When replica creation is Later: when the replica creation jobs run. */
  laterAt: number | null;
  consistencyCheck: ProtectionGroup['consistencyCheck'];
  excludedExtensions: string[];
}

/**
 * Create protection group on an online server; per protection method (Select Data Protection
 * Method), whether the server can give a group that method (methodRefusal).
 */
export function whyNotCreateGroup(
  view: View,
  target: Targets['server'],
  _actor?: unknown,
  method?: ProtectionMethod,
): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : methodOffered(view, server, method);
}

/** Create New Protection Group: the wizard's Create Group. */
export function createProtectionGroup(slice: Estate, cmd: CreateProtectionGroup, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const name = cmd.name.trim();
  const settings = checkSettings(draft, server, { ...cmd, name }, { members: cmd.members, chosen: cmd.members.length });
  if (settings) return settings;
  const members = checkMembers(slice, server.id, cmd.members, cmd);
  if (members) return members;

  const group = draft.put('groups', {
    id: ctx.newId('pg'),
    serverId: server.id,
    name,
    disk: cmd.disk,
    tape: cmd.tape,
    online: cmd.online,
    replicaCreation: cmd.replicaCreation,
    consistencyCheck: cmd.consistencyCheck,
    excludedExtensions: cmd.excludedExtensions,
    revision: { n: 1, by: ctx.actor, at: ctx.now },
  });
  draft.emit({
    type: 'group.created',
    serverId: server.id,
    subjectId: group.id,
    summary: `Protection group ${name} created with ${cmd.members.length} members`,
  });
  for (const m of cmd.members) addReplica(draft, ctx, server, group, m, cmd.laterAt);
  return draft.outcome();
}

export const createGroupOperation = defineOperation<'server', CreateProtectionGroup, ProtectionMethod>({
  id: 'protection.create-group',
  name: 'Create protection group',
  kind: 'server',
  area: 'Protection',
  role: 'Administrator',
  intents: PROTECTION_METHODS,
  whyNot: whyNotCreateGroup,
  run: createProtectionGroup,
});
