import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { recordContact, trustServer } from './connectivity';
import { agentOn, agentToEdit, reviseAgent } from './agent-on-server';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface ReestablishProtection {
  /** The DPM server the computer must report to again. */
  serverId: string;
  computerId: string;
  /** The revision of the agent the console showed (STALE). */
  expectedRevision?: number;
}

/** Re-establish protection: of a computer whose agent this server owns. */
export function whyNotReestablish(view: View, target: Targets['agent']): DomainError | null {
  const found = agentOn(view, target.serverId, target.computerId);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  if (agent.ownerId !== server.id) {
    return refuse(
      'NOT_OWNER',
      `The protection agent on ${computer.name} is not owned by ${server.name}; take ownership first.`,
      computer.id,
    );
  }
  return null;
}

/**
 * Re-establish protection (seed 000, after a primary was rebuilt): SetDpmServer on the computer,
 * the server's account added to Distributed COM Users, DPMRADCOMTrustedMachines and
 * DPMRADmTrustedMachines, and full Launch and Activation Permissions on DPM RA Service.
 */
export function reestablishProtection(slice: Estate, cmd: ReestablishProtection, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = agentToEdit(draft, cmd, whyNotReestablish, agentOn);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  reviseAgent(draft, ctx, computer, agent, { dpmServerName: server.name }, trustServer(computer, server));
  recordContact(draft, computer.id, server);
  draft.emit({
    type: 'agent.reestablished',
    serverId: server.id,
    subjectId: computer.id,
    summary: `Protection of ${computer.name} re-established with ${server.name} (SetDpmServer, groups, DCOM)`,
  });
  return draft.outcome();
}

export const reestablishOperation = defineOperation<'agent', ReestablishProtection>({
  id: 'agents.reestablish',
  name: 'Re-establish protection',
  kind: 'agent',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotReestablish,
  run: reestablishProtection,
});
