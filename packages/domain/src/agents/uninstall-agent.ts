import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { accountOf } from './connectivity';
import { agentOn, protectedMembersOf } from './agent-on-server';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';

export interface UninstallAgent {
  serverId: string;
  computerId: string;
}

/**
 * Management › Agents › Uninstall. DPM refuses while the server still protects data of the
 * computer (stop protection of its members first). The owner removes the agent from the computer
 * when no other DPM server uses it; otherwise, like removing an attached agent, the server only
 * drops it from its list and loses its trust on the computer.
 */
export function uninstallAgent(slice: Estate, cmd: UninstallAgent, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentOn(draft, cmd.serverId, cmd.computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId !== server.id && !agent.attachedTo.includes(server.id)) {
    return refuse('INVALID_STATE', `${server.name} has no protection agent on ${computer.name}.`, computer.id);
  }
  const members = protectedMembersOf(draft, server.id, computer.id);
  if (members > 0) {
    return refuse('INVALID_STATE', `${server.name} still protects ${members} data source${members === 1 ? '' : 's'} of ${computer.name}. Stop protection of these members before you uninstall the agent.`, computer.id);
  }
  const attachedTo = agent.attachedTo.filter((id) => id !== server.id);
  const account = accountOf(computer, server);
  const drop = (list: string[]) => list.filter((a) => a !== account);
  const s = computer.security;
  const security = { distributedComUsers: drop(s.distributedComUsers), dpmRadComTrustedMachines: drop(s.dpmRadComTrustedMachines), dpmRadmTrustedMachines: drop(s.dpmRadmTrustedMachines), dcomLaunchActivation: drop(s.dcomLaunchActivation) };
  const removed = attachedTo.length === 0 && (agent.ownerId === server.id || agent.ownerId === null);
  const ownerId = agent.ownerId === server.id ? null : agent.ownerId;
  draft.update('computers', computer.id, {
    agent: removed ? null : { ...agent, ownerId, pendingOwnerId: agent.pendingOwnerId === server.id ? null : agent.pendingOwnerId, attachedTo, dpmServerName: ownerId === null ? null : agent.dpmServerName },
    security,
  });
  syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({ type: 'agent.uninstalled', serverId: server.id, subjectId: computer.id, summary: removed ? `Uninstalled the agent from ${computer.name}` : `Removed the agent of ${computer.name} from ${server.name}` });
  return draft.outcome();
}
