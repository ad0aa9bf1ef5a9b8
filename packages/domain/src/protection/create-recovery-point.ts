import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import { isApplicationData } from './goals';

export interface CreateRecoveryPoint {
  replicaIds: string[];
  /** Synchronize before the recovery point (file data) or make an express full backup (applications). */
  location: 'Disk' | 'Tape' | 'Online';
}

/** Create recovery point, for one member or every member of a group. */
export function createRecoveryPoint(slice: Estate, cmd: CreateRecoveryPoint, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  if (cmd.replicaIds.length === 0) return refuse('INVALID_INPUT', 'Select the members to create a recovery point for.', 'replicaIds');
  for (const id of cmd.replicaIds) {
    const replica = draft.get('replicas', id);
    if (!replica || replica.groupId === null) return notFound('protected member', id);
    const server = onlineServer(draft, replica.serverId);
    if (isDomainError(server)) return server;
    const ds = draft.get('dataSources', replica.dataSourceId);
    if (!ds) return notFound('data source', replica.dataSourceId);
    if (replica.status !== 'OK') {
      return refuse(
        'INVALID_STATE',
        `A recovery point can't be created for ${ds.name} while its replica is "${replica.status}". New recovery points can be created only when the replica is consistent.`,
        id,
      );
    }
    const group = draft.get('groups', replica.groupId);
    if (cmd.location === 'Tape' && !group?.tape) return refuse('INVALID_STATE', `The protection group of ${ds.name} has no long-term tape protection.`, 'location');
    if (cmd.location === 'Online' && !group?.online) return refuse('INVALID_STATE', `The protection group of ${ds.name} has no online protection.`, 'location');
    if (activeJobsFor(draft, 'replicaId', id).some((j) => j.type === 'Recovery point' || j.type === 'Express full backup' || j.type === 'Tape backup')) continue;
    scheduleJob(draft, ctx, {
      serverId: replica.serverId,
      type: cmd.location === 'Tape' ? 'Tape backup' : isApplicationData(ds.kind) ? 'Express full backup' : 'Recovery point',
      replicaId: id,
      dataSourceId: ds.id,
      groupId: replica.groupId,
      computerId: ds.computerId,
      libraryId: cmd.location === 'Tape' ? (group?.tape?.libraryId ?? null) : null,
      totalGb: cmd.location === 'Tape' || isApplicationData(ds.kind) ? ds.sizeGb : Math.max(0.1, ds.sizeGb * 0.05),
      params: { location: cmd.location },
    });
  }
  return draft.outcome();
}
