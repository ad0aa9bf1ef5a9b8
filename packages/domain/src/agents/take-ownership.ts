import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { resolveAlert, setReplicaStatus } from '../alerts/alerts';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import { scheduleJob } from '../jobs/jobs';
import { checkMove } from '../protection/rules';
import { trustServer } from './connectivity';
import { agentOn } from './agent-on-server';

export interface TakeOwnership {
  serverId: string;
  computerId: string;
}

/**
 * Take Ownership of a computer's agent (seed 000: after switching protection back). The agent
 * moves to this server, Agent Ownership Required clears, and this server's replicas of the
 * computer need a consistency check, which starts at once.
 */
export function takeOwnership(slice: Estate, cmd: TakeOwnership, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentOn(draft, cmd.serverId, cmd.computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId === server.id && agent.pendingOwnerId === null) {
    return refuse('INVALID_STATE', `${server.name} already owns the protection agent on ${computer.name}.`, computer.id);
  }
  if (agent.pendingOwnerId !== server.id) {
    const move = checkMove(slice, computer.id, server.id);
    if (move) return move;
    if (!agent.attachedTo.includes(server.id)) {
      return refuse('NOT_OWNER', `The protection agent on ${computer.name} is not attached to ${server.name}. Attach the agent before you take ownership.`, computer.id);
    }
  }
  draft.update('computers', computer.id, {
    agent: { ...agent, ownerId: server.id, pendingOwnerId: null, dpmServerName: server.name, attachedTo: [...new Set([...agent.attachedTo, server.id])] },
    security: trustServer(computer, server),
  });
  resolveAlert(draft, ctx, 'Agent Ownership Required', server.id, computer.id);
  syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({ type: 'agent.owned', serverId: server.id, subjectId: computer.id, summary: `${server.name} took ownership of the agent on ${computer.name}` });

  for (const r of draft.where('replicas', 'serverId', server.id)) {
    if (r.groupId === null || r.sourceServerId !== null) continue;
    const ds = draft.get('dataSources', r.dataSourceId);
    if (ds?.computerId !== computer.id) continue;
    if (r.status === 'OK') setReplicaStatus(draft, ctx, r.id, 'Replica is inconsistent');
    const current = draft.get('replicas', r.id);
    if (current?.status === 'Replica is inconsistent') {
      scheduleJob(draft, ctx, { serverId: server.id, type: 'Consistency check', replicaId: r.id, dataSourceId: ds.id, groupId: r.groupId, computerId: computer.id, totalGb: ds.sizeGb });
    }
  }
  return draft.outcome();
}
