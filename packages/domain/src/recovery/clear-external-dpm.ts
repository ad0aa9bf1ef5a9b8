import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface ClearExternalDpm {
  serverId: string;
}

/** Clear External DPM: forgets the external DPM server's vault added for recovery. */
/** Clear External DPM: only when one was added. */
export function whyNotClearExternal(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  if (!server.externalDpm)
    return refuse('INVALID_STATE', `No external DPM server has been added on ${server.name}.`, server.id);
  return null;
}

export function clearExternalDpm(slice: Estate, cmd: ClearExternalDpm, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotClearExternal(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server?.externalDpm) return notFound('DPM server', cmd.serverId);
  draft.update('servers', server.id, { externalDpm: null });
  draft.emit({
    type: 'server.external-dpm-cleared',
    serverId: server.id,
    subjectId: server.id,
    summary: `External DPM ${server.externalDpm.vault} cleared on ${server.name}`,
  });
  return draft.outcome();
}

export const clearExternalOperation = defineOperation<'server', ClearExternalDpm>({
  id: 'recovery.clear-external-dpm',
  name: 'Clear External DPM',
  kind: 'server',
  area: 'Recovery',
  role: 'Administrator',
  whyNot: whyNotClearExternal,
  run: clearExternalDpm,
});
