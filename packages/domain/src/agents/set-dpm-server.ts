import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface SetDpmServer {
  computerId: string;
  /** -dpmServerName: the DPM server the agent must accept. */
  dpmServerName: string;
}

/** SetDpmServer runs on a computer that has the DPM protection agent. */
export function whyNotSetDpmServer(view: View, target: Targets['computer']): DomainError | null {
  const computer = view.get('computers', target.computerId);
  if (!computer) return notFound('computer', target.computerId);
  if (!computer.agent)
    return refuse('INVALID_STATE', `${computer.name} has no DPM protection agent installed.`, computer.id);
  return null;
}

/**
 * SetDpmServer.exe -dpmServerName <name>, run on a protected computer (seed 000): configures
 * its agent for that DPM server. The local groups and the DCOM permissions are checked next
 * (Re-establish protection).
 */
export function setDpmServer(slice: Estate, cmd: SetDpmServer, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotSetDpmServer(draft, cmd);
  if (why) return why;
  const computer = draft.get('computers', cmd.computerId);
  if (!computer?.agent) return notFound('computer', cmd.computerId);
  const wanted = cmd.dpmServerName.trim().toLowerCase();
  const server = draft.all('servers').find((s) => s.name.toLowerCase() === wanted || s.fqdn.toLowerCase() === wanted);
  if (!server)
    return refuse('NOT_FOUND', `No DPM server named ${cmd.dpmServerName} exists in this domain.`, 'dpmServerName');
  draft.update('computers', computer.id, {
    agent: { ...computer.agent, dpmServerName: server.name, revision: nextRevision(computer.agent.revision, ctx) },
  });
  draft.emit({
    type: 'agent.set-dpm-server',
    serverId: server.id,
    subjectId: computer.id,
    summary: `SetDpmServer -dpmServerName ${server.name} on ${computer.name}`,
  });
  return draft.outcome();
}

export const setDpmServerOperation = defineOperation<'computer', SetDpmServer>({
  id: 'agents.set-dpm-server',
  name: 'SetDpmServer',
  kind: 'computer',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotSetDpmServer,
  run: setDpmServer,
});
