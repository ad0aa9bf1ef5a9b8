import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';

export interface DpmSyncDataCopied {
  serverId: string;
}

/**
 * DpmSync -DataCopied: the administrator loaded data into the newly allocated replica volumes
 * by hand, so those replicas can be checked for consistency.
 */
export function dpmSyncDataCopied(slice: Estate, cmd: DpmSyncDataCopied, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const pending = draft.where('replicas', 'serverId', server.id).filter((r) => r.status === 'Manual replica creation pending' && !r.dataRestored);
  if (pending.length === 0) return refuse('INVALID_STATE', `No replica on ${server.name} is waiting for manually copied data.`, server.id);
  for (const r of pending) draft.update('replicas', r.id, { dataRestored: true });
  draft.emit({ type: 'server.data-copied', serverId: server.id, subjectId: server.id, summary: `${pending.length} replica(s) marked as copied on ${server.name}` });
  return draft.outcome();
}
