import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { ownedAgent } from './agent-on-server';
import type { AgentProtectionCommand } from './disable-agent-protection';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';

/** Management › Agents › Enable protection: the agent of a Disabled computer is OK again. */
export function enableAgentProtection(slice: Estate, cmd: AgentProtectionCommand, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = ownedAgent(draft, cmd.serverId, cmd.computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.status !== 'Disabled') return refuse('INVALID_STATE', `Protection of ${computer.name} is not disabled.`, computer.id);
  draft.update('computers', computer.id, { agent: { ...agent, status: 'OK' } });
  syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({ type: 'agent.enabled', serverId: server.id, subjectId: computer.id, summary: `Enabled protection of ${computer.name}` });
  return draft.outcome();
}
