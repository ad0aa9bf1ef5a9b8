import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Agent, Computer, DpmServer, Estate } from '../model';
import { formatVersion } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { trustServer } from './connectivity';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export type AgentDeploymentMethod = 'Install' | 'Attach';

export interface AttachAgent {
  serverId: string;
  computerIds: string[];
  /** Install agents on computers without one, or attach agents already installed. */
  method: AgentDeploymentMethod;
}

/** The Protection Agent Installation Wizard runs on an online server. */
export function whyNotInstallAgents(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : null;
}

/**
 * Whether a computer has a protection agent to attach. Every DPM server runs one, installed with
 * DPM (seed 001: "The Primary DPM server has the protection agent already installed. You need to
 * attach this protection agent to the secondary DPM server"), whether or not another server has
 * attached it yet.
 */
export function hasAgent(computer: Computer): boolean {
  return computer.agent !== null || computer.dpmServerId !== null;
}

/**
 * Why `server` can't deploy its agent to one computer with a method, or null: what Select
 * Computers greys out and what the wizard's result reports per computer.
 */
export function whyNotAttachComputer(
  view: View,
  server: DpmServer,
  computer: Computer,
  method: AgentDeploymentMethod,
): DomainError | null {
  if (computer.id === server.computerId) {
    return refuse(
      'INVALID_INPUT',
      `${server.name} runs its own protection agent; it protects its own data without attaching it.`,
      computer.id,
    );
  }
  const agent = computer.agent;
  if (agent && (agent.ownerId === server.id || agent.attachedTo.includes(server.id))) {
    return refuse(
      'INVALID_STATE',
      `The protection agent on ${computer.name} is already ` +
        `${agent.ownerId === server.id ? 'owned by' : 'attached to'} ${server.name}.`,
      computer.id,
    );
  }
  const other = computer.dpmServerId ? view.get('servers', computer.dpmServerId) : undefined;
  if (other && (other.version.major !== server.version.major || other.version.minor !== server.version.minor)) {
    return refuse(
      'VERSION_MISMATCH',
      `${other.name} runs DPM ${formatVersion(other.version)} and ${server.name} runs ` +
        `${formatVersion(server.version)}. The major and minor versions of the primary and secondary DPM servers ` +
        `must match.`,
      computer.id,
    );
  }
  if (method === 'Attach' && !hasAgent(computer)) {
    return refuse(
      'INVALID_STATE',
      `${computer.name} has no protection agent installed; choose Install agents.`,
      computer.id,
    );
  }
  if (method === 'Install' && hasAgent(computer)) {
    return refuse(
      'INVALID_STATE',
      other
        ? `${computer.name} is a DPM server and runs the protection agent already; choose Attach agents.`
        : `${computer.name} already has a protection agent; choose Attach agents.`,
      computer.id,
    );
  }
  return null;
}

/** The agent a computer has, or the one DPM installed with itself on a DPM server, or a new one. */
function agentOf(view: View, computer: Computer, server: DpmServer, ctx: Ctx): Agent {
  if (computer.agent) return computer.agent;
  const dpm = computer.dpmServerId ? view.get('servers', computer.dpmServerId) : undefined;
  return {
    version: dpm?.version ?? server.version,
    ownerId: null,
    pendingOwnerId: null,
    attachedTo: [],
    status: 'OK',
    dpmServerName: null,
    revision: { n: 0, by: ctx.actor, at: ctx.now },
  };
}

/**
 * Protection Agent Installation Wizard → Attach / Install (seed 001). Each computer is decided on
 * its own, as DPM's wizard reports the result per computer: those that can take the agent get
 * it, each refused one is reported with DPM's sentence (an event `agent.refused`), and the
 * command is refused only when no computer could. Attaching a primary DPM server's agent needs
 * the same major and minor DPM version (VERSION_MISMATCH). An attached agent owned by another
 * server stays owned by it until this server takes ownership.
 */
export function attachAgent(slice: Estate, cmd: AttachAgent, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  if (cmd.computerIds.length === 0) return refuse('INVALID_INPUT', 'Select at least one computer.', 'computerIds');
  const refusals: { computer: Computer; error: DomainError }[] = [];
  let deployed = 0;
  for (const id of new Set(cmd.computerIds)) {
    const computer = draft.get('computers', id);
    if (!computer) return notFound('computer', id);
    const why = whyNotAttachComputer(draft, server, computer, cmd.method);
    if (why) {
      refusals.push({ computer, error: why });
      continue;
    }
    const agent = agentOf(draft, computer, server, ctx);
    const owned = agent.ownerId === null;
    draft.update('computers', id, {
      agent: {
        ...agent,
        ownerId: owned ? server.id : agent.ownerId,
        dpmServerName: owned ? server.name : agent.dpmServerName,
        attachedTo: [...new Set([...agent.attachedTo, server.id])],
        revision: nextRevision(agent.revision, ctx),
      },
      security: trustServer(computer, server),
    });
    syncAgentCompatibility(draft, ctx, id);
    deployed += 1;
    draft.emit({
      type: 'agent.attached',
      serverId: server.id,
      subjectId: id,
      summary: `${cmd.method === 'Install' ? 'Installed' : 'Attached'} the agent on ${computer.name}`,
    });
  }
  const [first] = refusals;
  if (deployed === 0 && first) {
    if (refusals.length === 1) return first.error;
    return refuse(first.error.code, refusals.map((r) => r.error.message).join(' '), 'computerIds');
  }
  for (const { computer, error } of refusals) {
    draft.emit({
      type: 'agent.refused',
      serverId: server.id,
      subjectId: computer.id,
      summary: `${computer.name}: ${error.message}`,
    });
  }
  return draft.outcome();
}

export const installAgentsOperation = defineOperation<'server', AttachAgent>({
  id: 'agents.install',
  name: 'Install',
  kind: 'server',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotInstallAgents,
  run: attachAgent,
});
