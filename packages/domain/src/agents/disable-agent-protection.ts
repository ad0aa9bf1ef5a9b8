import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { agentToEdit, ownedAgent, reviseAgent } from './agent-on-server';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface AgentProtectionCommand {
  serverId: string;
  computerId: string;
  /** The revision of the agent the console showed (STALE). */
  expectedRevision?: number;
}

export function whyNotDisableAgent(view: View, target: Targets['agent']): DomainError | null {
  const found = ownedAgent(view, target.serverId, target.computerId);
  if (isDomainError(found)) return found;
  if (found.agent.status === 'Disabled')
    return refuse('INVALID_STATE', `Protection is already disabled for ${found.computer.name}.`, found.computer.id);
  return null;
}

/**
 * Management › Agents › Disable protection: DPM stops running protection jobs for the computer
 * (the agent shows Disabled) without removing its protection groups; Enable protection undoes it.
 */
export function disableAgentProtection(slice: Estate, cmd: AgentProtectionCommand, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentToEdit(draft, cmd, whyNotDisableAgent, ownedAgent);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  reviseAgent(draft, ctx, computer, agent, { status: 'Disabled' });
  draft.emit({
    type: 'agent.disabled',
    serverId: server.id,
    subjectId: computer.id,
    summary: `Disabled protection of ${computer.name}`,
  });
  return draft.outcome();
}

export const disableAgentOperation = defineOperation<'agent', AgentProtectionCommand>({
  id: 'agents.disable-protection',
  name: 'Disable protection',
  kind: 'agent',
  area: 'Management',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('computers', t.computerId)?.agent?.status !== 'Disabled',
  whyNot: whyNotDisableAgent,
  run: disableAgentProtection,
});
