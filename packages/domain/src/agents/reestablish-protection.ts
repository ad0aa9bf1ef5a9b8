import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { trustServer } from './connectivity';

export interface ReestablishProtection {
  /** The DPM server the computer must report to again. */
  serverId: string;
  computerId: string;
}

/**
 * Re-establish protection (seed 000, after a primary was rebuilt): SetDpmServer on the computer,
 * the server's account added to Distributed COM Users, DPMRADCOMTrustedMachines and
 * DPMRADmTrustedMachines, and full Launch and Activation Permissions on DPM RA Service.
 */
export function reestablishProtection(slice: Estate, cmd: ReestablishProtection, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const computer = draft.get('computers', cmd.computerId);
  if (!computer) return notFound('computer', cmd.computerId);
  if (!computer.agent) return refuse('INVALID_STATE', `${computer.name} has no protection agent; install it first.`, computer.id);
  if (computer.agent.ownerId !== server.id) {
    return refuse('NOT_OWNER', `The protection agent on ${computer.name} is not owned by ${server.name}; take ownership first.`, computer.id);
  }
  draft.update('computers', computer.id, {
    agent: { ...computer.agent, dpmServerName: server.name },
    security: trustServer(computer, server),
  });
  draft.emit({ type: 'agent.reestablished', serverId: server.id, subjectId: computer.id, summary: `Protection of ${computer.name} re-established with ${server.name} (SetDpmServer, groups, DCOM)` });
  return draft.outcome();
}
