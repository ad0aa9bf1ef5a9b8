import type { Draft } from '../draft';
import type { DataSourceKind, DpmServer, Estate, ProtectionGroup } from '../model';
import type { DomainError } from '../errors';
import { refuse } from '../errors';
import type { View } from '../view';
import type { GoalsInput, ProtectionMethod } from './goals';
import { checkGoals, checkMethods, checkReplicaSync, methodRefusal } from './goals';
import { checkGroupName, checkMembersChosen } from './group-name';
import type { MemberRef } from './rules';
import { checkCanProtect } from './rules';
import { computeEdges } from '../topology/topology';

/** What Create and Modify protection group check of a group's settings and members, before either writes. */

/**
 * Whether the wizard may offer a protection method on this server (Select Data Protection Method):
 * any when none is asked, one the group has already, else as methodRefusal says.
 */
export function methodOffered(
  view: View,
  server: DpmServer,
  method: ProtectionMethod | undefined,
  group?: GoalsInput,
): DomainError | null {
  if (method === undefined) return null;
  const has = method === 'Disk' ? group?.disk : method === 'Tape' ? group?.tape : group?.online;
  return has ? null : methodRefusal(view, server, method);
}

/**
 * The settings of the group to write, in the order the wizard's pages give them: the protection
 * methods the server can give (a method `before` has is not checked again), a name no other group
 * of the server has, members chosen (Create: `chosen`), and goals within DPM's limits for the kinds
 * of data the members protect.
 */
export function checkSettings(
  draft: Draft,
  server: DpmServer,
  settings: GoalsInput & { name: string },
  opts: { members: readonly MemberRef[]; before?: ProtectionGroup; chosen?: number },
): DomainError | null {
  const methods = checkMethods(draft, server, settings, opts.before);
  if (methods) return methods;
  const others = draft
    .where('groups', 'serverId', server.id)
    .filter((g) => g.id !== opts.before?.id)
    .map((g) => g.name);
  const named =
    checkGroupName(settings.name, others, server.name) ??
    (opts.chosen === undefined ? null : checkMembersChosen(opts.chosen));
  if (named) return named;
  return checkGoals(settings, kindsOf(draft, opts.members));
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

/** The kinds of data source members protect, for the goals that depend on them. */
export function kindsOf(view: View, members: readonly MemberRef[]): DataSourceKind[] {
  return members.flatMap((m) => {
    const kind = view.get('dataSources', m.dataSourceId)?.kind;
    return kind ? [kind] : [];
  });
}
