import type { CommandResult, Ctx } from '../command';
import { Draft, nextRevision } from '../command';
import type { Estate } from '../model';
import { formatVersion } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { trustServer } from './connectivity';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface AttachAgent {
  serverId: string;
  computerIds: string[];
  /** Install agents on computers without one, or attach agents already installed. */
  method: 'Install' | 'Attach';
}

/** The Protection Agent Installation Wizard runs on an online server. */
export function whyNotInstallAgents(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  return isDomainError(server) ? server : null;
}

/**
 * Protection Agent Installation Wizard → Attach / Install (seed 001). Attaching a primary DPM
 * server's agent needs the same major and minor DPM version (VERSION_MISMATCH). An attached
 * agent owned by another server stays owned by it until this server takes ownership.
 */
export function attachAgent(slice: Estate, cmd: AttachAgent, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  if (cmd.computerIds.length === 0) return refuse('INVALID_INPUT', 'Select at least one computer.', 'computerIds');
  for (const id of new Set(cmd.computerIds)) {
    const computer = draft.get('computers', id);
    if (!computer) return notFound('computer', id);
    if (computer.id === server.computerId) return refuse('INVALID_INPUT', `${server.name} can't attach its own agent.`, id);
    const other = computer.dpmServerId ? draft.get('servers', computer.dpmServerId) : undefined;
    if (other && (other.version.major !== server.version.major || other.version.minor !== server.version.minor)) {
      return refuse(
        'VERSION_MISMATCH',
        `${other.name} runs DPM ${formatVersion(other.version)} and ${server.name} runs ${formatVersion(server.version)}. The major and minor versions of the primary and secondary DPM servers must match.`,
        id,
      );
    }
    if (cmd.method === 'Attach' && !computer.agent) {
      return refuse('INVALID_STATE', `${computer.name} has no protection agent installed; choose Install agents.`, id);
    }
    if (cmd.method === 'Install' && computer.agent) {
      return refuse('INVALID_STATE', `${computer.name} already has a protection agent; choose Attach agents.`, id);
    }
    const agent = computer.agent ?? {
      version: server.version,
      ownerId: null,
      pendingOwnerId: null,
      attachedTo: [],
      status: 'OK' as const,
      dpmServerName: null,
      revision: { n: 0, by: ctx.actor, at: ctx.now },
    };
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
    draft.emit({ type: 'agent.attached', serverId: server.id, subjectId: id, summary: `${cmd.method === 'Install' ? 'Installed' : 'Attached'} the agent on ${computer.name}` });
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
