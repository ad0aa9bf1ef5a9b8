import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { formatVersion, sameVersion } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';

export interface UpdateAgent {
  serverId: string;
  computerIds: string[];
}

/**
 * Management › Agents › Update: the DPM server that owns an agent installs its own agent version
 * on the computer, which clears Agent incompatible.
 */
export function updateAgent(slice: Estate, cmd: UpdateAgent, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  if (cmd.computerIds.length === 0) return refuse('INVALID_INPUT', 'Select at least one computer.', 'computerIds');
  for (const id of cmd.computerIds) {
    const computer = draft.get('computers', id);
    if (!computer) return notFound('computer', id);
    const agent = computer.agent;
    if (!agent) return refuse('INVALID_STATE', `${computer.name} has no protection agent; choose Install.`, id);
    if (agent.ownerId !== server.id) {
      return refuse('NOT_OWNER', `Only the DPM server that owns the protection agent on ${computer.name} can update it; ${server.name} must take ownership first.`, id);
    }
    if (sameVersion(agent.version, server.version)) {
      return refuse('INVALID_STATE', `The protection agent on ${computer.name} already runs version ${formatVersion(server.version)}.`, id);
    }
    draft.update('computers', id, { agent: { ...agent, version: server.version } });
    syncAgentCompatibility(draft, ctx, id);
    draft.emit({ type: 'agent.updated', serverId: server.id, subjectId: id, summary: `Updated the agent on ${computer.name} to ${formatVersion(server.version)}` });
  }
  return draft.outcome();
}
