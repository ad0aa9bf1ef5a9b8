import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { agentToEdit, ownedAgent, reviseAgent } from './agent-on-server';
import type { AgentProtectionCommand } from './disable-agent-protection';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export function whyNotEnableAgent(view: View, target: Targets['agent']): DomainError | null {
  const found = ownedAgent(view, target.serverId, target.computerId);
  if (isDomainError(found)) return found;
  if (found.agent.status !== 'Disabled')
    return refuse('INVALID_STATE', `Protection of ${found.computer.name} is not disabled.`, found.computer.id);
  return null;
}

/** Management › Agents › Enable protection: the agent of a Disabled computer is OK again. */
export function enableAgentProtection(slice: Estate, cmd: AgentProtectionCommand, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentToEdit(draft, cmd, whyNotEnableAgent, ownedAgent);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  reviseAgent(draft, ctx, computer, agent, { status: 'OK' });
  syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({
    type: 'agent.enabled',
    serverId: server.id,
    subjectId: computer.id,
    summary: `Enabled protection of ${computer.name}`,
  });
  return draft.outcome();
}

export const enableAgentOperation = defineOperation<'agent', AgentProtectionCommand>({
  id: 'agents.enable-protection',
  name: 'Enable protection',
  kind: 'agent',
  area: 'Management',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('computers', t.computerId)?.agent?.status === 'Disabled',
  whyNot: whyNotEnableAgent,
  run: enableAgentProtection,
});
