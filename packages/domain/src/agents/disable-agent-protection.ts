import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { ownedAgent } from './agent-on-server';

export interface AgentProtectionCommand {
  serverId: string;
  computerId: string;
}

/**
 * Management › Agents › Disable protection: DPM stops running protection jobs for the computer
 * (the agent shows Disabled) without removing its protection groups; Enable protection undoes it.
 */
export function disableAgentProtection(slice: Estate, cmd: AgentProtectionCommand, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = ownedAgent(draft, cmd.serverId, cmd.computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.status === 'Disabled') return refuse('INVALID_STATE', `Protection is already disabled for ${computer.name}.`, computer.id);
  draft.update('computers', computer.id, { agent: { ...agent, status: 'Disabled' } });
  draft.emit({ type: 'agent.disabled', serverId: server.id, subjectId: computer.id, summary: `Disabled protection of ${computer.name}` });
  return draft.outcome();
}
