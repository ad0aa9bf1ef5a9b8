import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { formatVersion, sameVersion } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import { agentToEdit, ownedAgent, reviseAgent } from './agent-on-server';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface UpdateAgent {
  serverId: string;
  computerIds: string[];
}

/** Update: an agent this server owns that runs another version than the server. */
export function whyNotUpdate(view: View, target: Targets['agent']): DomainError | null {
  const found = ownedAgent(view, target.serverId, target.computerId);
  if (isDomainError(found)) {
    if (found.code !== 'NOT_OWNER') return found;
    const computer = view.get('computers', target.computerId);
    const server = view.get('servers', target.serverId);
    return refuse(
      'NOT_OWNER',
      `Only the DPM server that owns the protection agent on ${computer?.name ?? target.computerId} can update it; ` +
        `${server?.name ?? target.serverId} must take ownership first.`,
      target.computerId,
    );
  }
  const { server, computer, agent } = found;
  if (sameVersion(agent.version, server.version)) {
    return refuse(
      'INVALID_STATE',
      `The protection agent on ${computer.name} already runs version ${formatVersion(server.version)}.`,
      computer.id,
    );
  }
  return null;
}

/**
 * Management › Agents › Update: the DPM server that owns an agent installs its own agent version
 * on the computer, which clears Agent incompatible.
 */
export function updateAgent(slice: Estate, cmd: UpdateAgent, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const ids = [...new Set(cmd.computerIds)];
  if (ids.length === 0) return refuse('INVALID_INPUT', 'Select at least one computer.', 'computerIds');
  for (const id of ids) {
    const found = agentToEdit(draft, { serverId: cmd.serverId, computerId: id }, whyNotUpdate, ownedAgent);
    if (isDomainError(found)) return found;
    const { server, computer, agent } = found;
    reviseAgent(draft, ctx, computer, agent, { version: server.version });
    syncAgentCompatibility(draft, ctx, id);
    draft.emit({
      type: 'agent.updated',
      serverId: server.id,
      subjectId: id,
      summary: `Updated the agent on ${computer.name} to ${formatVersion(server.version)}`,
    });
  }
  return draft.outcome();
}

export const updateAgentOperation = defineOperation<'agent', UpdateAgent>({
  id: 'agents.update',
  name: 'Update',
  kind: 'agent',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotUpdate,
  run: updateAgent,
});
