import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { isDomainError } from '../errors';
import { onlineServer } from '../guards';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import { recordContact } from './connectivity';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface RefreshAgents {
  serverId: string;
}

/**
 * Management › Agents › Refresh Information: DPM contacts each agent it owns again and brings
 * its version and compatibility up to date (Agent incompatible follows the versions), and reports
 * what the agent answered: an agent that refuses its server (seed 000: the server missing from
 * the trusted machines groups or the DCOM permissions) shows status Error with DPM's sentence
 * until protection is re-established.
 */
export function whyNotRefreshAgents(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : null;
}

export function refreshAgents(slice: Estate, cmd: RefreshAgents, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  for (const computer of draft.all('computers')) {
    if (computer.agent?.ownerId !== server.id) continue;
    syncAgentCompatibility(draft, ctx, computer.id);
    recordContact(draft, computer.id, server);
  }
  draft.emit({
    type: 'agent.refreshed',
    serverId: server.id,
    subjectId: server.id,
    summary: `Refreshed agent information on ${server.name}`,
  });
  return draft.outcome();
}

export const refreshAgentsOperation = defineOperation<'server', RefreshAgents>({
  id: 'agents.refresh',
  name: 'Refresh Information',
  kind: 'server',
  area: 'Management',
  role: 'Operator',
  whyNot: whyNotRefreshAgents,
  run: refreshAgents,
});
