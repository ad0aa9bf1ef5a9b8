import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';

export interface ClearExternalDpm {
  serverId: string;
}

/** Clear External DPM: forgets the external DPM server's vault added for recovery. */
export function clearExternalDpm(slice: Estate, cmd: ClearExternalDpm, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  if (!server.externalDpm) return refuse('INVALID_STATE', `No external DPM server has been added on ${server.name}.`, server.id);
  draft.update('servers', server.id, { externalDpm: null });
  draft.emit({ type: 'server.external-dpm-cleared', serverId: server.id, subjectId: server.id, summary: `External DPM ${server.externalDpm.vault} cleared on ${server.name}` });
  return draft.outcome();
}
