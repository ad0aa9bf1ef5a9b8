import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { onlineServer } from '../guards';
import { setReplicaStatus } from '../protection/replica-status';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface DpmSyncReallocateReplica {
  serverId: string;
}

/** Reallocate replicas: an online server with a replica whose volume is missing. */
export function whyNotReallocate(view: View, target: Targets['server']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  if (!view.where('replicas', 'serverId', server.id).some((r) => r.status === 'Replica is missing')) {
    return refuse(
      'INVALID_STATE',
      `No replica on ${server.name} is missing; there is nothing to reallocate.`,
      server.id,
    );
  }
  return null;
}

/** DpmSync -ReallocateReplica: reallocates every missing replica volume, without synchronization. */
export function dpmSyncReallocateReplica(slice: Estate, cmd: DpmSyncReallocateReplica, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotReallocate(draft, cmd);
  if (why) return why;
  const missing = draft.where('replicas', 'serverId', cmd.serverId).filter((r) => r.status === 'Replica is missing');
  for (const r of missing) {
    setReplicaStatus(draft, ctx, r.id, 'Manual replica creation pending', { inStoragePool: true, dataRestored: false });
  }
  const name = draft.get('servers', cmd.serverId)?.name ?? cmd.serverId;
  draft.emit({
    type: 'server.replicas-reallocated',
    serverId: cmd.serverId,
    subjectId: cmd.serverId,
    summary: `${missing.length} replica(s) reallocated on ${name}`,
  });
  return draft.outcome();
}

export const reallocateOperation = defineOperation<'server', DpmSyncReallocateReplica>({
  id: 'server-recovery.reallocate-replicas',
  name: 'Reallocate replicas',
  kind: 'server',
  area: 'DPM servers',
  role: 'Administrator',
  whyNot: whyNotReallocate,
  run: dpmSyncReallocateReplica,
});
