import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { DataSourceKind, Estate, ProtectionGroup } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { onlineServer } from '../guards';
import {
  PROTECTION_METHODS,
  checkGoals,
  checkMethods,
  checkReplicaSync,
  methodRefusal,
  type ProtectionMethod,
} from './goals';
import { checkGroupName, checkMembersChosen } from './group-name';
import { addReplica } from './members';
import type { MemberRef } from './rules';
import { checkCanProtect } from './rules';
import { computeEdges } from '../topology/topology';

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

/** Checks every member before anything is written: a refused member refuses the whole group. */
export function checkMembers(
  estate: Estate,
  serverId: string,
  members: MemberRef[],
  group: Pick<ProtectionGroup, 'disk' | 'tape' | 'online' | 'excludedExtensions'>,
) {
  const seen = new Set<string>();
  const edges = computeEdges(estate);
  for (const m of members) {
    const key = `${m.dataSourceId}|${m.sourceServerId ?? ''}`;
    if (seen.has(key)) return refuse('INVALID_INPUT', 'The same data source is selected twice.', m.dataSourceId);
    seen.add(key);
    const refusal = checkCanProtect(estate, serverId, m, group as ProtectionGroup, edges);
    if (refusal) return refusal;
    if (m.sourceServerId !== null) {
      const sync = checkReplicaSync(group);
      if (sync) return sync;
    }
  }
  return null;
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
  if (isDomainError(server)) return server;
  return method === undefined ? null : methodRefusal(view, server, method);
}

/** The kinds of data source members protect, for the goals that depend on them. */
export function kindsOf(view: View, members: readonly MemberRef[]): DataSourceKind[] {
  return members.flatMap((m) => {
    const kind = view.get('dataSources', m.dataSourceId)?.kind;
    return kind ? [kind] : [];
  });
}

/** Create New Protection Group: the wizard's Create Group. */
export function createProtectionGroup(slice: Estate, cmd: CreateProtectionGroup, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const methods = checkMethods(draft, server, cmd);
  if (methods) return methods;
  const name = cmd.name.trim();
  const named =
    checkGroupName(
      name,
      draft.where('groups', 'serverId', server.id).map((g) => g.name),
      server.name,
    ) ?? checkMembersChosen(cmd.members.length);
  if (named) return named;
  const goals = checkGoals(cmd, kindsOf(draft, cmd.members));
  if (goals) return goals;
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
