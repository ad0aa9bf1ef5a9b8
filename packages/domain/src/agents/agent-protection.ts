import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { agentToEdit, ownedAgent, reviseAgent } from './agent-on-server';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

/**
 * Management › Agents › Disable protection and Enable protection: the two positions of one switch
 * on an agent its server owns. Disable protection: DPM stops running protection jobs for the
 * computer (the agent shows Disabled) without removing its protection groups; Enable protection
 * undoes it (the agent is OK again).
 */

export interface AgentProtectionCommand {
  serverId: string;
  computerId: string;
  /** The revision of the agent the console showed (STALE). */
  expectedRevision?: number;
}

/** Whether protection of the computer's agent is disabled (the menu offers Enable protection, else Disable). */
export function agentDisabled(view: View, target: Targets['agent']): boolean {
  return view.get('computers', target.computerId)?.agent?.status === 'Disabled';
}

/** The switch may move to `disable` (true: Disable protection): INVALID_STATE when it is there already. */
export function whyNotSwitchAgent(view: View, target: Targets['agent'], disable: boolean): DomainError | null {
  const found = ownedAgent(view, target.serverId, target.computerId);
  if (isDomainError(found)) return found;
  const { agent, computer } = found;
  if ((agent.status === 'Disabled') !== disable) return null;
  return refuse(
    'INVALID_STATE',
    disable
      ? `Protection is already disabled for ${computer.name}.`
      : `Protection of ${computer.name} is not disabled.`,
    computer.id,
  );
}

/** Moves the switch: the agent shows Disabled, or OK again (and its compatibility with the server is checked again). */
export function switchAgentProtection(
  slice: Estate,
  cmd: AgentProtectionCommand,
  ctx: Ctx,
  disable: boolean,
): CommandResult {
  const draft = new Draft(slice);
  const found = agentToEdit(draft, cmd, (view, target) => whyNotSwitchAgent(view, target, disable), ownedAgent);
  if (isDomainError(found)) return found;
  const { server, computer, agent } = found;
  reviseAgent(draft, ctx, computer, agent, { status: disable ? 'Disabled' : 'OK' });
  if (!disable) syncAgentCompatibility(draft, ctx, computer.id);
  draft.emit({
    type: disable ? 'agent.disabled' : 'agent.enabled',
    serverId: server.id,
    subjectId: computer.id,
    summary: `${disable ? 'Disabled' : 'Enabled'} protection of ${computer.name}`,
  });
  return draft.outcome();
}

export const whyNotDisableAgent = (view: View, target: Targets['agent']) => whyNotSwitchAgent(view, target, true);
export const whyNotEnableAgent = (view: View, target: Targets['agent']) => whyNotSwitchAgent(view, target, false);

export const disableAgentProtection = (slice: Estate, cmd: AgentProtectionCommand, ctx: Ctx) =>
  switchAgentProtection(slice, cmd, ctx, true);
export const enableAgentProtection = (slice: Estate, cmd: AgentProtectionCommand, ctx: Ctx) =>
  switchAgentProtection(slice, cmd, ctx, false);

/** The operation of each position: offered where the switch is in the other one. */
function agentProtectionOperation(disable: boolean) {
  return defineOperation<'agent', AgentProtectionCommand>({
    id: disable ? 'agents.disable-protection' : 'agents.enable-protection',
    name: disable ? 'Disable protection' : 'Enable protection',
    kind: 'agent',
    area: 'Management',
    role: 'Administrator',
    appliesTo: (view, t) => agentDisabled(view, t) !== disable,
    whyNot: disable ? whyNotDisableAgent : whyNotEnableAgent,
    run: disable ? disableAgentProtection : enableAgentProtection,
  });
}

export const disableAgentOperation = agentProtectionOperation(true);
export const enableAgentOperation = agentProtectionOperation(false);
