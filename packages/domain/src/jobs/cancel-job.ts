import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import { jobOn } from './job-on';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { setReplicaStatus } from '../protection/replica-status';

export interface CancelJob {
  serverId: string;
  jobId: string;
}

/** Cancel: a scheduled job or one in progress, of an online server. */
export function whyNotCancel(view: View, target: Targets['job']): DomainError | null {
  const found = jobOn(view, target.serverId, target.jobId);
  if (isDomainError(found)) return found;
  const { job } = found;
  if (job.status === 'Scheduled' || job.status === 'In progress') return null;
  return refuse(
    'INVALID_STATE',
    `Only a scheduled job or a job in progress can be canceled; this job is ${job.status.toLowerCase()}.`,
    job.id,
  );
}

/**
 * Monitoring › Jobs › Cancel: a scheduled or running job stops and shows as Canceled; what it
 * already copied stays. A consistency check stopped during its verification leaves the replica
 * "Replica is inconsistent" (only a completed check makes it OK: DPM's protection status), so protection
 * jobs keep failing until another check runs; so does a canceled replica creation.
 */
export function cancelJob(slice: Estate, cmd: CancelJob, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotCancel(draft, cmd);
  if (why) return why;
  const job = draft.get('jobs', cmd.jobId);
  if (!job) return notFound('job', cmd.jobId);

  draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
  const ds = job.dataSourceId ? draft.get('dataSources', job.dataSourceId) : undefined;
  draft.emit({
    type: 'job.canceled',
    serverId: job.serverId,
    subjectId: job.id,
    summary: `${job.type}${ds ? ` of ${ds.name}` : ''} canceled by ${ctx.actor}`,
  });

  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  if (
    job.type === 'Consistency check' &&
    job.status === 'In progress' &&
    replica?.status === 'Replica inconsistent, verification in progress'
  ) {
    setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
  }
  // DPM marks a replica whose initial replication was canceled inconsistent, so that a
  // consistency check (which Retry can't start: the job did not fail) completes it.
  if (job.type === 'Replica creation' && replica?.status === 'Replica creation pending') {
    setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
  }
  return draft.outcome();
}

export const cancelJobOperation = defineOperation<'job', CancelJob>({
  id: 'jobs.cancel',
  name: 'Cancel',
  kind: 'job',
  area: 'Monitoring',
  role: 'Operator',
  whyNot: whyNotCancel,
  run: cancelJob,
});
