import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';

export interface SetDpmServer {
  computerId: string;
  /** -dpmServerName: the DPM server the agent must accept. */
  dpmServerName: string;
}

/**
 * SetDpmServer.exe -dpmServerName <name>, run on a protected computer (seed 000): configures
 * its agent for that DPM server. The local groups and the DCOM permissions are checked next
 * (Re-establish protection).
 */
export function setDpmServer(slice: Estate, cmd: SetDpmServer, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const computer = draft.get('computers', cmd.computerId);
  if (!computer) return notFound('computer', cmd.computerId);
  if (!computer.agent) return refuse('INVALID_STATE', `${computer.name} has no DPM protection agent installed.`, computer.id);
  const wanted = cmd.dpmServerName.trim().toLowerCase();
  const server = draft.all('servers').find((s) => s.name.toLowerCase() === wanted || s.fqdn.toLowerCase() === wanted);
  if (!server) return refuse('NOT_FOUND', `No DPM server named ${cmd.dpmServerName} exists in this domain.`, 'dpmServerName');
  draft.update('computers', computer.id, { agent: { ...computer.agent, dpmServerName: server.name } });
  draft.emit({ type: 'agent.set-dpm-server', serverId: server.id, subjectId: computer.id, summary: `SetDpmServer -dpmServerName ${server.name} on ${computer.name}` });
  return draft.outcome();
}
