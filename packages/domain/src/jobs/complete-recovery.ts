import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Job, Replica } from '../model';
import { raiseAlert, replicaSubject, resolveAlert } from '../alerts/alerts';
import { setReplicaStatus } from '../protection/replica-status';
import type { JobError } from './job-outcome';
import { fail, succeed } from './job-outcome';

/** Ends a disk or tape recovery job. */
export function completeRecovery(draft: Draft, ctx: Ctx, job: Job, replica: Replica | undefined): void {
  const rp = draft.get('recoveryPoints', job.params.recoveryPointId ?? '');
  const source = rp ? draft.get('servers', rp.serverId) : undefined;
  const toReplica = job.params.recoveryType === 'Restore to replica';
  let error: JobError | null = null;
  if (!rp) error = { code: 'RECOVERY_POINT_EXPIRED', message: 'The recovery point no longer exists.' };
  else if (!source || source.state !== 'Online')
    error = {
      code: 'SOURCE_UNAVAILABLE',
      message: `The DPM server ${source?.name ?? ''} that holds the recovery point is not available.`,
    };
  else if (job.params.simulateFailure === 'true')
    error = { code: 'RECOVERY_FAILED', message: 'The data could not be copied to the replica (rehearsed failure).' };

  const ds = draft.get('dataSources', job.dataSourceId ?? '');
  const subject = replica
    ? replicaSubject(draft, replica)
    : {
        serverId: job.serverId,
        subjectId: job.dataSourceId ?? job.id,
        computerId: job.computerId,
        groupId: null,
        affectedArea: ds?.name ?? job.type,
      };
  if (error) {
    fail(draft, ctx, job, error);
    if (toReplica && replica) {
      const server = draft.get('servers', replica.serverId);
      const failures = server?.replicaRestoreFailures[replica.dataSourceId] ?? 0;
      if (server) {
        draft.update('servers', server.id, {
          replicaRestoreFailures: { ...server.replicaRestoreFailures, [replica.dataSourceId]: failures + 1 },
        });
      }
      // Seed 000: the first failure leaves the replica inconsistent; a failure after it was
      // deleted and added again manually marks it invalid.
      setReplicaStatus(draft, ctx, replica.id, failures >= 1 ? 'Replica is invalid' : 'Replica is inconsistent');
    }
    return;
  }
  succeed(draft, ctx, job);
  if (toReplica && replica) draft.update('replicas', replica.id, { dataRestored: true });
  resolveAlert(draft, ctx, 'Recovery failed', subject.serverId, subject.subjectId);
  const what = job.params.items ? `Recovered ${job.params.items}` : 'Recovered';
  raiseAlert(
    draft,
    ctx,
    'Recovery succeeded',
    subject,
    job.params.destination ? `${what} to ${job.params.destination}.` : job.params.items ? `${what}.` : undefined,
  );
}
