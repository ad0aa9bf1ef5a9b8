import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface DpmSyncDataCopied {
  serverId: string;
}

/** Data copied: an online server with a manually created replica still waiting for its data. */
export function whyNotDataCopied(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  if (
    !view
      .where('replicas', 'serverId', server.id)
      .some((r) => r.status === 'Manual replica creation pending' && !r.dataRestored)
  ) {
    return refuse('INVALID_STATE', `No replica on ${server.name} is waiting for manually copied data.`, server.id);
  }
  return null;
}

/**
 * DpmSync -DataCopied: the administrator loaded data into the newly allocated replica volumes
 * by hand, so those replicas can be checked for consistency.
 */
export function dpmSyncDataCopied(slice: Estate, cmd: DpmSyncDataCopied, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotDataCopied(draft, cmd);
  if (why) return why;
  const pending = draft
    .where('replicas', 'serverId', cmd.serverId)
    .filter((r) => r.status === 'Manual replica creation pending' && !r.dataRestored);
  for (const r of pending) draft.update('replicas', r.id, { dataRestored: true });
  const name = draft.get('servers', cmd.serverId)?.name ?? cmd.serverId;
  draft.emit({
    type: 'server.data-copied',
    serverId: cmd.serverId,
    subjectId: cmd.serverId,
    summary: `${pending.length} replica(s) marked as copied on ${name}`,
  });
  return draft.outcome();
}

export const dataCopiedOperation = defineOperation<'server', DpmSyncDataCopied>({
  id: 'server-recovery.data-copied',
  name: 'Data copied',
  kind: 'server',
  area: 'DPM servers',
  role: 'Administrator',
  whyNot: whyNotDataCopied,
  run: dpmSyncDataCopied,
});
