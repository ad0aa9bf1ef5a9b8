import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { resolveAlert } from '../alerts/alerts';
import { setReplicaStatus } from '../protection/replica-status';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import { scheduleJob } from '../jobs/jobs';
import { checkMove } from '../protection/rules';
import { switchedTo } from '../protection/switch-protection';
import { trustServer } from './connectivity';
import { agentOn, agentToEdit, reviseAgent } from './agent-on-server';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface TakeOwnership {
  serverId: string;
  computerId: string;
  /** The revision of the agent the console showed (STALE). */
  expectedRevision?: number;
}

/**
 * Take Ownership: offered to the server an ownership hand-over waits for (Agent Ownership
 * Required), or to one that attached the agent when the move is supported (seed 002).
 */
export function whyNotTakeOwnership(view: View, target: Targets['agent']): DomainError | null {
  const found = agentOn(view, target.serverId, target.computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId === server.id && agent.pendingOwnerId === null) {
    return refuse(
      'INVALID_STATE',
      `${server.name} already owns the protection agent on ${computer.name}.`,
      computer.id,
    );
  }
  if (agent.pendingOwnerId !== server.id) {
    const secondary = switchedTo(view, computer.id, server.id);
    if (secondary) {
      // Seed 000: switching back is done on the secondary; the primary then sees Agent Ownership
      // Required and takes ownership. Taking the agent while the secondary protects the computer
      // would leave the switched data sources without an agent.
      const name = view.get('servers', secondary)?.name ?? 'the secondary DPM server';
      return refuse(
        'INVALID_STATE',
        `Protection of ${computer.name} is switched to ${name}, which owns its protection agent. Switch protection ` +
          `back on ${name} (Switch Disaster Protection) first; ${server.name} then raises Agent Ownership Required ` +
          `and takes ownership.`,
        computer.id,
      );
    }
    const move = checkMove(view.estate(), computer.id, server.id);
    if (move) return move;
    if (!agent.attachedTo.includes(server.id)) {
      return refuse(
        'NOT_OWNER',
        `The protection agent on ${computer.name} is not attached to ${server.name}. Attach the agent before you ` +
          `take ownership.`,
        computer.id,
      );
    }
  }
  return null;
}

/**
 * Take Ownership of a computer's agent (seed 000: after switching protection back). The agent
 * moves to this server, Agent Ownership Required clears, and this server's replicas of the
 * computer need a consistency check, which starts at once.
 */
export function takeOwnership(slice: Estate, cmd: TakeOwnership, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentToEdit(draft, cmd, whyNotTakeOwnership, agentOn);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  reviseAgent(
    draft,
    ctx,
    computer,
    agent,
    {
      ownerId: server.id,
      pendingOwnerId: null,
      dpmServerName: server.name,
      attachedTo: [...new Set([...agent.attachedTo, server.id])],
    },
    trustServer(computer, server),
  );
  resolveAlert(draft, ctx, 'Agent Ownership Required', server.id, computer.id);
  syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({
    type: 'agent.owned',
    serverId: server.id,
    subjectId: computer.id,
    summary: `${server.name} took ownership of the agent on ${computer.name}`,
  });

  for (const r of draft.where('replicas', 'serverId', server.id)) {
    if (r.groupId === null || r.sourceServerId !== null) continue;
    const ds = draft.get('dataSources', r.dataSourceId);
    if (ds?.computerId !== computer.id) continue;
    if (r.status === 'OK') setReplicaStatus(draft, ctx, r.id, 'Replica is inconsistent');
    const current = draft.get('replicas', r.id);
    if (current?.status === 'Replica is inconsistent') {
      scheduleJob(draft, ctx, {
        serverId: server.id,
        type: 'Consistency check',
        replicaId: r.id,
        dataSourceId: ds.id,
        groupId: r.groupId,
        computerId: computer.id,
        totalGb: ds.sizeGb,
      });
    }
  }
  return draft.outcome();
}

export const takeOwnershipOperation = defineOperation<'agent', TakeOwnership>({
  id: 'agents.take-ownership',
  name: 'Take Ownership',
  kind: 'agent',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotTakeOwnership,
  run: takeOwnership,
});
