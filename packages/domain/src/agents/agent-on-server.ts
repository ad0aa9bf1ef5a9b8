import type { Draft } from '../command';
import type { Agent, Computer, DpmServer } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';

type AgentOnServer = { server: DpmServer; computer: Computer; agent: Agent };

/** An online server and a computer that has a protection agent: where every agent verb starts. */
export function agentOn(draft: Draft, serverId: string, computerId: string): AgentOnServer | DomainError {
  const server = onlineServer(draft, serverId);
  if (isDomainError(server)) return server;
  const computer = draft.get('computers', computerId);
  if (!computer) return notFound('computer', computerId);
  const agent = computer.agent;
  if (!agent) return refuse('INVALID_STATE', `${computer.name} has no protection agent.`, computerId);
  return { server, computer, agent };
}

/** A computer whose agent the given online server owns: what Disable/Enable protection act on. */
export function ownedAgent(draft: Draft, serverId: string, computerId: string): AgentOnServer | DomainError {
  const found = agentOn(draft, serverId, computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId !== server.id) {
    return refuse('NOT_OWNER', `Only the DPM server that owns the protection agent on ${computer.name} can change it; ${server.name} must take ownership first.`, computerId);
  }
  return { server, computer, agent };
}

/** Replicas a server keeps in active protection for a computer's data sources. */
export function protectedMembersOf(draft: Draft, serverId: string, computerId: string): number {
  let n = 0;
  for (const ds of draft.where('dataSources', 'computerId', computerId)) {
    n += draft.where('replicas', 'dataSourceId', ds.id).filter((r) => r.serverId === serverId && r.groupId !== null).length;
  }
  return n;
}
