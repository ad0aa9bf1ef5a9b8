import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { DpmServer, Estate, Replica } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { raiseAlert } from '../alerts/alerts';
import { setReplicaStatus } from './replica-status';
import { trustServer } from '../agents/connectivity';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { actorOf, defineOperation } from '../operations/operation';

/**
 * The two directions of Switch Disaster Protection. DPM has one menu item for both; a request
 * always says which one the administrator chose, so that a repeated or crossed request is refused
 * (ALREADY_SWITCHED, NOT_SWITCHED) instead of undoing what a colleague just did.
 */
export const SWITCH_DIRECTIONS = ['to-secondary', 'to-primary'] as const;
export type SwitchDirection = (typeof SWITCH_DIRECTIONS)[number];

export interface SwitchProtection {
  /** The secondary DPM server the operation runs on. */
  serverId: string;
  /** Data sources (their replicas on the secondary) to switch, or… */
  replicaIds?: string[];
  /** …every member of this group that can switch in that direction. */
  groupId?: string;
  direction: SwitchDirection;
}

/** A secondary replica of a production data source: what Switch Disaster Protection applies to. */
export function canSwitch(view: View, r: Replica): boolean {
  if (r.sourceServerId === null || r.groupId === null) return false;
  if (r.switched) return true;
  const ds = view.get('dataSources', r.dataSourceId);
  const computer = ds ? view.get('computers', ds.computerId) : undefined;
  const primary = view.get('servers', r.sourceServerId);
  // Only the primary's own production data: not a DPM server's DPMDB, nor a chain's second copy.
  return (
    computer !== undefined &&
    computer.dpmServerId === null &&
    primary !== undefined &&
    primaryProtects(view, primary.id, r.dataSourceId)
  );
}

function primaryProtects(view: View, primaryId: string, dataSourceId: string): boolean {
  return view
    .where('replicas', 'dataSourceId', dataSourceId)
    .some((p) => p.serverId === primaryId && p.sourceServerId === null);
}

function describe(view: View, r: Replica): { what: string; primary: string } {
  const ds = view.get('dataSources', r.dataSourceId);
  const computer = ds ? view.get('computers', ds.computerId) : undefined;
  return {
    what: `${ds?.name ?? r.dataSourceId} on ${computer?.name ?? '?'}`,
    primary: view.get('servers', r.sourceServerId ?? '')?.name ?? 'its primary DPM server',
  };
}

/** ALREADY_SWITCHED / NOT_SWITCHED: the direction asked for is already in effect. */
function directionRefusal(view: View, server: DpmServer, r: Replica, direction: SwitchDirection): DomainError | null {
  const { what, primary } = describe(view, r);
  if (direction === 'to-secondary' && r.switched) {
    return refuse(
      'ALREADY_SWITCHED',
      `Protection of ${what} is already switched to ${server.name}, which protects it directly. Nothing was changed.`,
      r.id,
    );
  }
  if (direction === 'to-primary' && !r.switched) {
    return refuse(
      'NOT_SWITCHED',
      `Protection of ${what} is not switched: ${primary} protects it and ${server.name} protects ${primary}'s ` +
        `replica. Nothing was changed.`,
      r.id,
    );
  }
  return null;
}

/** Switch Disaster Protection of one member, in a direction when one is given. */
export function whyNotSwitch(
  view: View,
  target: Targets['member'],
  _actor?: unknown,
  direction?: SwitchDirection,
): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const r = view.get('replicas', target.replicaId);
  if (!r || r.serverId !== server.id || r.groupId === null) return notFound('protected member', target.replicaId);
  if (!canSwitch(view, r)) {
    const ds = view.get('dataSources', r.dataSourceId);
    return refuse(
      'INVALID_STATE',
      `${ds?.name ?? r.id} is not a data source that ${server.name} protects as a secondary server: Switch Disaster ` +
        `Protection applies to the data sources a primary DPM server protects.`,
      r.id,
    );
  }
  return direction === undefined ? null : directionRefusal(view, server, r, direction);
}

/**
 * The members a switch moves: those chosen, and every other member of the same server that
 * protects a data source of the same computer from the same primary. A computer's agent has one
 * owner, and Switch Disaster Protection moves the agent (seeds 000, 001): the data sources of the
 * computer follow it together, so no member is left reading through an agent its server no
 * longer owns.
 */
export function followingTheAgent(view: View, chosen: readonly Replica[], direction: SwitchDirection): Replica[] {
  const out = new Map<string, Replica>(chosen.map((r) => [r.id, r]));
  for (const r of chosen) {
    const ds = view.get('dataSources', r.dataSourceId);
    if (!ds) continue;
    for (const sibling of view.where('dataSources', 'computerId', ds.computerId)) {
      for (const other of view.where('replicas', 'dataSourceId', sibling.id)) {
        if (
          out.has(other.id) ||
          other.serverId !== r.serverId ||
          other.sourceServerId !== r.sourceServerId ||
          !canSwitch(view, other)
        )
          continue;
        if (direction === 'to-secondary' ? !other.switched : other.switched) out.set(other.id, other);
      }
    }
  }
  return [...out.values()];
}

/** The members of a group that switch in a direction, or why none does. */
function groupMembersToSwitch(
  view: View,
  target: Targets['group'],
  direction: SwitchDirection | undefined,
): Replica[] | DomainError {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const group = view.get('groups', target.groupId);
  if (!group || group.serverId !== server.id) return notFound('protection group', target.groupId);
  const switchable = view.where('replicas', 'groupId', group.id).filter((r) => canSwitch(view, r));
  if (switchable.length === 0) {
    return refuse(
      'INVALID_STATE',
      `No member of ${group.name} is a data source that ${server.name} protects as a secondary server, so there is ` +
        `nothing to switch.`,
      group.id,
    );
  }
  if (direction === undefined) return switchable;
  const moving = switchable.filter((r) => (direction === 'to-secondary' ? !r.switched : r.switched));
  if (moving.length > 0) return moving;
  return direction === 'to-secondary'
    ? refuse(
        'ALREADY_SWITCHED',
        `Every member of ${group.name} that can switch is already switched to ${server.name}. Nothing was changed.`,
        group.id,
      )
    : refuse(
        'NOT_SWITCHED',
        `No member of ${group.name} is switched to ${server.name}, so there is nothing to switch back. Nothing was ` +
          `changed.`,
        group.id,
      );
}

export function whyNotSwitchGroup(
  view: View,
  target: Targets['group'],
  _actor?: unknown,
  direction?: SwitchDirection,
): DomainError | null {
  const members = groupMembersToSwitch(view, target, direction);
  return isDomainError(members) ? members : null;
}

/**
 * Switch Disaster Protection (seeds 000, 001). On the secondary, for a data source whose
 * primary's replica it protects: to the secondary, the secondary takes ownership of the
 * computer's agent and protects it directly; its replicas are inconsistent until a consistency
 * check runs. The agent has one owner, so every member of the same computer on this server
 * follows it (followingTheAgent), and the primary's queued jobs for the computer are canceled.
 * Back to the primary, the primary raises Agent Ownership Required and must Take Ownership. A
 * request whose direction is already in effect changes nothing.
 */
export function switchProtection(slice: Estate, cmd: SwitchProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;

  let replicas: Replica[];
  if (cmd.groupId !== undefined) {
    const members = groupMembersToSwitch(draft, { serverId: server.id, groupId: cmd.groupId }, cmd.direction);
    if (isDomainError(members)) return members;
    replicas = members;
  } else {
    replicas = [];
    for (const id of new Set(cmd.replicaIds ?? [])) {
      const why = whyNotSwitch(draft, { serverId: server.id, replicaId: id }, actorOf(ctx), cmd.direction);
      if (why) return why;
      const r = draft.get('replicas', id);
      if (r) replicas.push(r);
    }
    if (replicas.length === 0) return refuse('INVALID_INPUT', 'Select the data sources to switch.', 'replicaIds');
  }

  const moved = new Set<string>();
  for (const r of followingTheAgent(draft, replicas, cmd.direction)) {
    const ds = draft.get('dataSources', r.dataSourceId);
    const computer = ds ? draft.get('computers', ds.computerId) : undefined;
    if (!ds || !computer?.agent) return notFound('computer', ds?.computerId ?? r.dataSourceId);
    const primaryId = r.sourceServerId as string;
    const agent = computer.agent;
    const first = !moved.has(computer.id);
    moved.add(computer.id);
    if (cmd.direction === 'to-secondary') {
      if (first) {
        draft.update('computers', computer.id, {
          agent: {
            ...agent,
            ownerId: server.id,
            pendingOwnerId: null,
            dpmServerName: server.name,
            attachedTo: [...new Set([...agent.attachedTo, server.id])],
            revision: nextRevision(agent.revision, ctx),
          },
          security: trustServer(computer, server),
        });
        // The primary no longer owns the agent: what it had queued for the computer can't run.
        cancelPrimaryJobs(draft, ctx, primaryId, computer.id);
      }
      afterSwitch(draft, ctx, r, true);
      draft.emit({
        type: 'protection.switched',
        serverId: server.id,
        subjectId: r.id,
        summary: `${ds.name} on ${computer.name} switched to ${server.name}`,
      });
    } else {
      if (first) {
        draft.update('computers', computer.id, {
          agent: { ...agent, pendingOwnerId: primaryId, revision: nextRevision(agent.revision, ctx) },
        });
        raiseAlert(draft, ctx, 'Agent Ownership Required', {
          serverId: primaryId,
          subjectId: computer.id,
          computerId: computer.id,
          groupId: null,
          affectedArea: computer.name,
        });
      }
      afterSwitch(draft, ctx, r, false);
      draft.emit({
        type: 'protection.switched-back',
        serverId: server.id,
        subjectId: r.id,
        summary: `${ds.name} on ${computer.name} switched back to its primary`,
      });
    }
  }
  return draft.outcome();
}

/** Cancels the jobs a primary queued or runs for a computer whose agent a switch just took away. */
function cancelPrimaryJobs(draft: Draft, ctx: Ctx, primaryId: string, computerId: string): void {
  for (const ds of draft.where('dataSources', 'computerId', computerId)) {
    for (const r of draft.where('replicas', 'dataSourceId', ds.id)) {
      if (r.serverId !== primaryId || r.sourceServerId !== null) continue;
      for (const job of draft.where('jobs', 'replicaId', r.id)) {
        if (job.status === 'Scheduled' || job.status === 'In progress')
          draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
      }
    }
  }
}

/**
 * Whether a computer's protection is switched away from `serverId` to a secondary: another server
 * owns its agent and protects its data directly after Switch Disaster Protection (seed 002,
 * option 1). The primary then protects nothing of it until the secondary switches back.
 */
export function switchedTo(view: View, computerId: string, serverId: string): string | null {
  const owner = view.get('computers', computerId)?.agent?.ownerId ?? null;
  if (owner === null || owner === serverId) return null;
  for (const ds of view.where('dataSources', 'computerId', computerId)) {
    if (
      view
        .where('replicas', 'dataSourceId', ds.id)
        .some((r) => r.serverId === owner && r.switched && r.groupId !== null && r.sourceServerId === serverId)
    )
      return owner;
  }
  return null;
}

/**
 * The switched replica now reads from another place: a consistent one becomes Replica is
 * inconsistent until a consistency check runs. One that has no consistent data to lose (missing,
 * invalid, waiting for its creation) keeps its status: switching does not bring its volume back.
 */
function afterSwitch(draft: Draft, ctx: Ctx, r: Replica, switched: boolean): void {
  const consistent =
    r.status === 'OK' ||
    r.status === 'Replica is inconsistent' ||
    r.status === 'Replica inconsistent, verification in progress';
  if (consistent) setReplicaStatus(draft, ctx, r.id, 'Replica is inconsistent', { switched });
  else draft.update('replicas', r.id, { switched });
}

export const switchMemberOperation = defineOperation<'member', SwitchProtection, SwitchDirection>({
  id: 'protection.switch',
  name: 'Switch Disaster Protection',
  kind: 'member',
  area: 'Protection',
  role: 'Administrator',
  intents: SWITCH_DIRECTIONS,
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotSwitch,
  run: switchProtection,
});

export const switchGroupOperation = defineOperation<'group', SwitchProtection, SwitchDirection>({
  id: 'protection.switch-group',
  name: 'Switch Disaster Protection',
  kind: 'group',
  area: 'Protection',
  role: 'Administrator',
  intents: SWITCH_DIRECTIONS,
  whyNot: whyNotSwitchGroup,
  run: switchProtection,
});
