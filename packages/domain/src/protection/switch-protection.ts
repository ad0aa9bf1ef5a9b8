import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate, Replica } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { raiseAlert, setReplicaStatus } from '../alerts/alerts';
import { trustServer } from '../agents/connectivity';

export interface SwitchProtection {
  /** The secondary DPM server the operation runs on. */
  serverId: string;
  /** Data sources (their replicas on the secondary) to switch, or… */
  replicaIds?: string[];
  /** …every member of this group that can switch. */
  groupId?: string;
}

/**
 * Switch Disaster Protection (seeds 000, 001). On the secondary, for a data source whose
 * primary's replica it protects: the secondary takes ownership of the computer's agent and
 * protects it directly; its replica is inconsistent until a consistency check runs. Performed
 * again on a switched data source, it switches back: the primary raises Agent Ownership Required
 * and must Take Ownership.
 */
export function switchProtection(slice: Estate, cmd: SwitchProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;

  let replicas: Replica[];
  if (cmd.groupId !== undefined) {
    const group = draft.get('groups', cmd.groupId);
    if (!group || group.serverId !== server.id) return notFound('protection group', cmd.groupId);
    replicas = draft.where('replicas', 'groupId', group.id).filter((r) => canSwitch(draft, r));
    if (replicas.length === 0) {
      return refuse('INVALID_STATE', `No member of ${group.name} is a data source that ${server.name} protects as a secondary server, so there is nothing to switch.`, cmd.groupId);
    }
  } else {
    replicas = [];
    for (const id of cmd.replicaIds ?? []) {
      const r = draft.get('replicas', id);
      if (!r || r.serverId !== server.id || r.groupId === null) return notFound('protected member', id);
      if (!canSwitch(draft, r)) {
        const ds = draft.get('dataSources', r.dataSourceId);
        return refuse(
          'INVALID_STATE',
          `${ds?.name ?? id} is not a data source that ${server.name} protects as a secondary server: Switch Disaster Protection applies to the data sources a primary DPM server protects.`,
          id,
        );
      }
      replicas.push(r);
    }
    if (replicas.length === 0) return refuse('INVALID_INPUT', 'Select the data sources to switch.', 'replicaIds');
  }

  for (const r of replicas) {
    const ds = draft.get('dataSources', r.dataSourceId);
    const computer = ds ? draft.get('computers', ds.computerId) : undefined;
    if (!ds || !computer?.agent) return notFound('computer', ds?.computerId ?? r.dataSourceId);
    const primaryId = r.sourceServerId as string;
    if (!r.switched) {
      draft.update('computers', computer.id, {
        agent: {
          ...computer.agent,
          ownerId: server.id,
          pendingOwnerId: null,
          dpmServerName: server.name,
          attachedTo: [...new Set([...computer.agent.attachedTo, server.id])],
        },
        security: trustServer(computer, server),
      });
      afterSwitch(draft, ctx, r, true);
      draft.emit({ type: 'protection.switched', serverId: server.id, subjectId: r.id, summary: `${ds.name} on ${computer.name} switched to ${server.name}` });
    } else {
      const current = draft.get('computers', computer.id)?.agent ?? computer.agent;
      draft.update('computers', computer.id, { agent: { ...current, pendingOwnerId: primaryId } });
      afterSwitch(draft, ctx, r, false);
      raiseAlert(draft, ctx, 'Agent Ownership Required', {
        serverId: primaryId,
        subjectId: computer.id,
        computerId: computer.id,
        groupId: null,
        affectedArea: computer.name,
      });
      draft.emit({ type: 'protection.switched-back', serverId: server.id, subjectId: r.id, summary: `${ds.name} on ${computer.name} switched back to its primary` });
    }
  }
  return draft.outcome();
}

/**
 * The switched replica now reads from another place: a consistent one becomes Replica is
 * inconsistent until a consistency check runs. One that has no consistent data to lose (missing,
 * invalid, waiting for its creation) keeps its status: switching does not bring its volume back.
 */
function afterSwitch(draft: Draft, ctx: Ctx, r: Replica, switched: boolean): void {
  const consistent = r.status === 'OK' || r.status === 'Replica is inconsistent' || r.status === 'Replica inconsistent, verification in progress';
  if (consistent) setReplicaStatus(draft, ctx, r.id, 'Replica is inconsistent', { switched });
  else draft.update('replicas', r.id, { switched });
}

/** A secondary replica of a production data source: what Switch Disaster Protection applies to. */
export function canSwitch(draft: Draft, r: Replica): boolean {
  if (r.sourceServerId === null || r.groupId === null) return false;
  if (r.switched) return true;
  const ds = draft.get('dataSources', r.dataSourceId);
  const computer = ds ? draft.get('computers', ds.computerId) : undefined;
  const primary = draft.get('servers', r.sourceServerId);
  // Only the primary's own production data: not a DPM server's DPMDB, nor a chain's second copy.
  return computer !== undefined && computer.dpmServerId === null && primary !== undefined && primaryProtects(draft, primary.id, r.dataSourceId);
}

function primaryProtects(draft: Draft, primaryId: string, dataSourceId: string): boolean {
  return draft.where('replicas', 'dataSourceId', dataSourceId).some((p) => p.serverId === primaryId && p.sourceServerId === null);
}
