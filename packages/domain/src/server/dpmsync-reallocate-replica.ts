import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import { setReplicaStatus } from '../alerts/alerts';

export interface DpmSyncReallocateReplica {
  serverId: string;
}

/** DpmSync -ReallocateReplica: reallocates every missing replica volume, without synchronization. */
export function dpmSyncReallocateReplica(slice: Estate, cmd: DpmSyncReallocateReplica, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const server = onlineServer(draft, cmd.serverId);
  if (isDomainError(server)) return server;
  const missing = draft.where('replicas', 'serverId', server.id).filter((r) => r.status === 'Replica is missing');
  if (missing.length === 0) return refuse('INVALID_STATE', `No replica on ${server.name} is missing; there is nothing to reallocate.`, server.id);
  for (const r of missing) {
    setReplicaStatus(draft, ctx, r.id, 'Manual replica creation pending', { inStoragePool: true, dataRestored: false });
  }
  draft.emit({ type: 'server.replicas-reallocated', serverId: server.id, subjectId: server.id, summary: `${missing.length} replica(s) reallocated on ${server.name}` });
  return draft.outcome();
}
