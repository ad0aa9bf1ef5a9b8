import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Computer, DpmServer, Version } from '../model';
import { formatVersion } from '../model';
import { raiseAlert, resolveAlert } from './alerts';

/**
 * A protection agent works with a DPM server of the same major and minor version (the rule
 * VERSION_MISMATCH applies to DPM servers, seed 001; DPM applies the same check to the agents it
 * owns and reports an older or newer agent as incompatible until it is updated).
 */
export function agentCompatible(agent: Version, server: Version): boolean {
  return agent.major === server.major && agent.minor === server.minor;
}

/** Why the agent on a computer can't serve its DPM server, as a job's error, or null. */
export function agentIncompatibility(computer: Computer, server: DpmServer): { code: string; message: string } | null {
  const agent = computer.agent;
  if (!agent || computer.dpmServerId !== null || agentCompatible(agent.version, server.version)) return null;
  return {
    code: 'AGENT_INCOMPATIBLE',
    message:
      `The protection agent on ${computer.name} (version ${formatVersion(agent.version)}) is not compatible ` +
      `with DPM ${formatVersion(server.version)} on ${server.name}.`,
  };
}

/**
 * Makes Agent incompatible follow a production computer's agent: raised on the owning server
 * while the agent's major/minor version differs from the owner's, cleared when it matches again
 * or when another server owns the agent. The agent's status shows Incompatible meanwhile.
 * Called wherever the owner or a version changes (attach, Take Ownership, Update) and when a job
 * finds the mismatch. DPM servers' own agents follow VERSION_MISMATCH instead, so they are left out.
 */
export function syncAgentCompatibility(draft: Draft, ctx: Ctx, computerId: string): void {
  const computer = draft.get('computers', computerId);
  if (!computer || computer.dpmServerId !== null) return;
  const agent = computer.agent;
  for (const a of draft.where('alerts', 'subjectId', computerId)) {
    if (a.name === 'Agent incompatible' && a.state === 'Active' && a.serverId !== agent?.ownerId)
      resolveAlert(draft, ctx, a.name, a.serverId, computerId);
  }
  if (!agent) return;
  const owner = agent.ownerId ? draft.get('servers', agent.ownerId) : undefined;
  const problem = owner ? agentIncompatibility(computer, owner) : null;
  if (owner && problem) {
    if (agent.status === 'OK') draft.update('computers', computer.id, { agent: { ...agent, status: 'Incompatible' } });
    raiseAlert(
      draft,
      ctx,
      'Agent incompatible',
      {
        serverId: owner.id,
        subjectId: computer.id,
        computerId: computer.id,
        groupId: null,
        affectedArea: computer.name,
      },
      `The agent runs version ${formatVersion(agent.version)} and ${owner.name} runs DPM ` +
        `${formatVersion(owner.version)}. Protection jobs for ${computer.name} fail until the agent is updated to ` +
        `the version of ${owner.name}.`,
    );
    return;
  }
  if (agent.status === 'Incompatible') draft.update('computers', computer.id, { agent: { ...agent, status: 'OK' } });
  if (owner) resolveAlert(draft, ctx, 'Agent incompatible', owner.id, computer.id);
}
