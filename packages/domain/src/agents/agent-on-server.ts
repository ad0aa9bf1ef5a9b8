import type { Ctx } from '../command';
import type { Draft } from '../draft';
import { nextRevision } from '../command';
import type { Agent, Computer, DpmServer } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { staleRefusal } from '../revisions';
import type { View } from '../view';
import type { Targets } from '../operations/operation';

type AgentOnServer = { server: DpmServer; computer: Computer; agent: Agent };

/** An online server and a computer that has a protection agent: where every agent verb starts. */
export function agentOn(view: View, serverId: string, computerId: string): AgentOnServer | DomainError {
  const server = onlineServer(view, serverId);
  if (isDomainError(server)) return server;
  const computer = view.get('computers', computerId);
  if (!computer) return notFound('computer', computerId);
  const agent = computer.agent;
  if (!agent) return refuse('INVALID_STATE', `${computer.name} has no protection agent.`, computerId);
  return { server, computer, agent };
}

/** An agent this server owns or has attached: what Management › Agents lists for it. */
export function listedAgent(view: View, serverId: string, computerId: string): AgentOnServer | DomainError {
  const found = agentOn(view, serverId, computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId !== server.id && !agent.attachedTo.includes(server.id) && agent.pendingOwnerId !== server.id) {
    return refuse('INVALID_STATE', `${server.name} has no protection agent on ${computer.name}.`, computer.id);
  }
  return found;
}

/** A computer whose agent the given online server owns: what Disable/Enable protection act on. */
export function ownedAgent(view: View, serverId: string, computerId: string): AgentOnServer | DomainError {
  const found = agentOn(view, serverId, computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId !== server.id) {
    return refuse(
      'NOT_OWNER',
      `Only the DPM server that owns the protection agent on ${computer.name} can change it; ${server.name} must ` +
        `take ownership first.`,
      computerId,
    );
  }
  return { server, computer, agent };
}

/** STALE for an agent edited from a dialog that showed revision `expected`. */
export function staleAgent(computer: Computer, agent: Agent, expected: number | undefined): DomainError | null {
  return staleRefusal(`The protection agent on ${computer.name}`, agent.revision, expected, computer.id);
}

/**
 * Where a verb that edits one agent starts: its precondition (the operation's whyNot), the agent
 * it acts on (found as the verb finds it), and STALE when the console showed another revision.
 * A DomainError refuses the command before anything changes.
 */
export function agentToEdit(
  draft: Draft,
  cmd: Targets['agent'] & { expectedRevision?: number },
  whyNot: (view: View, target: Targets['agent']) => DomainError | null,
  find: (view: View, serverId: string, computerId: string) => AgentOnServer | DomainError,
): AgentOnServer | DomainError {
  const why = whyNot(draft, cmd);
  if (why) return why;
  const found = find(draft, cmd.serverId, cmd.computerId);
  if (isDomainError(found)) return found;
  return staleAgent(found.computer, found.agent, cmd.expectedRevision) ?? found;
}

/** Writes an administrator's change to a computer's agent (and its security), moving its revision on. */
export function reviseAgent(
  draft: Draft,
  ctx: Ctx,
  computer: Computer,
  agent: Agent,
  patch: Partial<Agent>,
  security?: Computer['security'],
): void {
  draft.update('computers', computer.id, {
    agent: { ...agent, ...patch, revision: nextRevision(agent.revision, ctx) },
    ...(security ? { security } : {}),
  });
}

/** Replicas a server keeps in active protection for a computer's data sources. */
export function protectedMembersOf(view: View, serverId: string, computerId: string): number {
  let n = 0;
  for (const ds of view.where('dataSources', 'computerId', computerId)) {
    n += view
      .where('replicas', 'dataSourceId', ds.id)
      .filter((r) => r.serverId === serverId && r.groupId !== null).length;
  }
  return n;
}
