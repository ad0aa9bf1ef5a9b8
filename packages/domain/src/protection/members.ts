import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { DpmServer, ProtectionGroup, Replica } from '../model';
import { setReplicaStatus } from './replica-status';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import type { MemberRef } from './rules';

/**
 * Adds one member to a group: its replica, in the status its creation method starts from, and
 * the replica creation job for Now and Later (DPM's replica protection status, seeds 000 and 001).
 */
export function addReplica(
  draft: Draft,
  ctx: Ctx,
  server: DpmServer,
  group: ProtectionGroup,
  ref: MemberRef,
  laterAt: number | null,
): Replica {
  const ds = draft.get('dataSources', ref.dataSourceId);
  const computer = ds ? draft.get('computers', ds.computerId) : undefined;
  const via = ref.sourceServerId ? `${draft.get('servers', ref.sourceServerId)?.name ?? ref.sourceServerId}\\` : '';
  const sizeGb = ds?.sizeGb ?? 1;
  const replica = draft.put('replicas', {
    id: ctx.newId('rep'),
    serverId: server.id,
    groupId: group.id,
    dataSourceId: ref.dataSourceId,
    sourceServerId: ref.sourceServerId,
    switched: false,
    // The creation method decides the first status: Now/Later wait for the replica creation job.
    status: group.replicaCreation === 'Manually' ? 'Manual replica creation pending' : 'Replica creation pending',
    replicaPath: `${server.name}\\Replica\\${via}${computer?.name ?? ''}\\${(ds?.name ?? '').replace(/[:\\]+/g, '_')}`,
    allocatedGb: Math.ceil(sizeGb * 1.5),
    inStoragePool: true,
    dataRestored: false,
    lastSyncAt: null,
    createdAt: ctx.now,
    revision: { n: 1, by: ctx.actor, at: ctx.now },
  });
  draft.emit({
    type: 'replica.added',
    serverId: server.id,
    subjectId: replica.id,
    summary: `${ds?.name ?? ref.dataSourceId} added to ${group.name}`,
  });
  if (group.replicaCreation === 'Manually') {
    // Same status: only its alert is raised.
    return setReplicaStatus(draft, ctx, replica.id, 'Manual replica creation pending');
  }
  scheduleJob(draft, ctx, {
    serverId: server.id,
    type: 'Replica creation',
    replicaId: replica.id,
    dataSourceId: ref.dataSourceId,
    groupId: group.id,
    computerId: computer?.id ?? null,
    totalGb: sizeGb,
    scheduledAt: group.replicaCreation === 'Later' && laterAt !== null ? Math.max(ctx.now, laterAt) : ctx.now,
  });
  return replica;
}

/** Cancels the scheduled and running jobs of a replica whose protection stops. */
export function cancelJobsOf(draft: Draft, ctx: Ctx, replicaId: string): void {
  for (const job of activeJobsFor(draft, 'replicaId', replicaId))
    draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
}
