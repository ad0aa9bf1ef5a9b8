import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { accountOf } from './connectivity';
import { agentToEdit, listedAgent, protectedMembersOf } from './agent-on-server';
import { nextRevision } from '../command';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';

export interface UninstallAgent {
  serverId: string;
  computerId: string;
  /** The revision of the agent the console showed (STALE). */
  expectedRevision?: number;
}

export function whyNotUninstall(view: View, target: Targets['agent']): DomainError | null {
  const found = listedAgent(view, target.serverId, target.computerId);
  if (isDomainError(found)) return found;
  const { server, computer } = found;
  const members = protectedMembersOf(view, server.id, computer.id);
  if (members > 0) {
    return refuse(
      'INVALID_STATE',
      `${server.name} still protects ${members} data source${members === 1 ? '' : 's'} of ${computer.name}. Stop ` +
        `protection of these members before you uninstall the agent.`,
      computer.id,
    );
  }
  return null;
}

/**
 * Management › Agents › Uninstall. DPM refuses while the server still protects data of the
 * computer (stop protection of its members first). The owner removes the agent from the computer
 * when no other DPM server uses it; otherwise, like removing an attached agent, the server only
 * drops it from its list and loses its trust on the computer.
 */
export function uninstallAgent(slice: Estate, cmd: UninstallAgent, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentToEdit(draft, cmd, whyNotUninstall, listedAgent);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  const attachedTo = agent.attachedTo.filter((id) => id !== server.id);
  const account = accountOf(computer, server);
  const drop = (list: string[]) => list.filter((a) => a !== account);
  const s = computer.security;
  const security = {
    distributedComUsers: drop(s.distributedComUsers),
    dpmRadComTrustedMachines: drop(s.dpmRadComTrustedMachines),
    dpmRadmTrustedMachines: drop(s.dpmRadmTrustedMachines),
    dcomLaunchActivation: drop(s.dcomLaunchActivation),
  };
  const removed = attachedTo.length === 0 && (agent.ownerId === server.id || agent.ownerId === null);
  const ownerId = agent.ownerId === server.id ? null : agent.ownerId;
  draft.update('computers', computer.id, {
    agent: removed
      ? null
      : {
          ...agent,
          ownerId,
          pendingOwnerId: agent.pendingOwnerId === server.id ? null : agent.pendingOwnerId,
          attachedTo,
          dpmServerName: ownerId === null ? null : agent.dpmServerName,
          revision: nextRevision(agent.revision, ctx),
        },
    security,
  });
  syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({
    type: 'agent.uninstalled',
    serverId: server.id,
    subjectId: computer.id,
    summary: removed
      ? `Uninstalled the agent from ${computer.name}`
      : `Removed the agent of ${computer.name} from ${server.name}`,
  });
  return draft.outcome();
}

export const uninstallAgentOperation = defineOperation<'agent', UninstallAgent>({
  id: 'agents.uninstall',
  name: 'Uninstall',
  kind: 'agent',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotUninstall,
  run: uninstallAgent,
});
