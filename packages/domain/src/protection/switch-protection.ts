import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate, Replica } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { raiseAlert } from '../alerts/alerts';
import { setReplicaStatus } from './replica-status';
import { trustServer } from '../agents/connectivity';
import type { View } from '../view';
import { actorOf, defineOperation } from '../operations/operation';
import { activeJobsFor } from '../jobs/jobs';
import type { SwitchDirection, SwitchProtection } from './switch-rules';
import {
  SWITCH_DIRECTIONS,
  followingTheAgent,
  groupMembersToSwitch,
  whyNotSwitch,
  whyNotSwitchGroup,
} from './switch-rules';

export type { SwitchDirection, SwitchProtection } from './switch-rules';
export { SWITCH_DIRECTIONS, canSwitch, followingTheAgent, whyNotSwitch, whyNotSwitchGroup } from './switch-rules';

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
      for (const job of activeJobsFor(draft, 'replicaId', r.id))
        draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
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
