import type { DpmServer, Replica } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import type { Targets } from '../operations/operation';

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
export function groupMembersToSwitch(
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
