import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { isApplicationData } from './goals';

export interface CreateRecoveryPoint {
  serverId: string;
  replicaIds: string[];
  /** Synchronize before the recovery point (file data) or make an express full backup (applications). */
  location: 'Disk' | 'Tape' | 'Online';
}

/** Create recovery point for a member: only a consistent replica makes new recovery points. */
export function whyNotRecoveryPoint(view: View, target: Targets['member']): DomainError | null {
  const server = onlineServer(view, target.serverId);
  if (isDomainError(server)) return server;
  const replica = view.get('replicas', target.replicaId);
  if (!replica || replica.serverId !== server.id || replica.groupId === null)
    return notFound('protected member', target.replicaId);
  if (replica.status !== 'OK') {
    const ds = view.get('dataSources', replica.dataSourceId);
    return refuse(
      'INVALID_STATE',
      `A recovery point can't be created for ${ds?.name ?? replica.id} while its replica is "${replica.status}". New ` +
        `recovery points can be created only when the replica is consistent.`,
      replica.id,
    );
  }
  return null;
}

/** Create recovery point, for one member or several. */
export function createRecoveryPoint(slice: Estate, cmd: CreateRecoveryPoint, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const ids = [...new Set(cmd.replicaIds)];
  if (ids.length === 0)
    return refuse('INVALID_INPUT', 'Select the members to create a recovery point for.', 'replicaIds');
  for (const id of ids) {
    const why = whyNotRecoveryPoint(draft, { serverId: cmd.serverId, replicaId: id });
    if (why) return why;
    const replica = draft.get('replicas', id);
    const ds = replica ? draft.get('dataSources', replica.dataSourceId) : undefined;
    if (!replica || replica.groupId === null || !ds) return notFound('protected member', id);
    const group = draft.get('groups', replica.groupId);
    if (cmd.location === 'Tape' && !group?.tape)
      return refuse(
        'INVALID_STATE',
        `The protection group of ${ds.name} has no long-term tape protection.`,
        'location',
      );
    if (cmd.location === 'Online' && !group?.online)
      return refuse('INVALID_STATE', `The protection group of ${ds.name} has no online protection.`, 'location');
    if (
      activeJobsFor(draft, 'replicaId', id).some(
        (j) => j.type === 'Recovery point' || j.type === 'Express full backup' || j.type === 'Tape backup',
      )
    )
      continue;
    scheduleJob(draft, ctx, {
      serverId: replica.serverId,
      type:
        cmd.location === 'Tape' ? 'Tape backup' : isApplicationData(ds.kind) ? 'Express full backup' : 'Recovery point',
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

export const recoveryPointOperation = defineOperation<'member', CreateRecoveryPoint>({
  id: 'protection.create-recovery-point',
  name: 'Create recovery point',
  kind: 'member',
  area: 'Protection',
  role: 'Operator',
  appliesTo: (view, t) => view.get('replicas', t.replicaId)?.groupId !== null,
  whyNot: whyNotRecoveryPoint,
  run: createRecoveryPoint,
});
