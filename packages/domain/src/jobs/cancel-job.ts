import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate, Job } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { setReplicaStatus } from '../alerts/alerts';

export interface CancelJob {
  jobId: string;
}

/** Why a job in this status can't be canceled, or null: the console shows it on a disabled Cancel. */
export function whyNotCancel(job: Pick<Job, 'status'>): string | null {
  return job.status === 'Scheduled' || job.status === 'In progress' ? null : `Only a scheduled job or a job in progress can be canceled; this job is ${job.status.toLowerCase()}.`;
}

/**
 * Monitoring › Jobs › Cancel: a scheduled or running job stops and shows as Canceled; what it
 * already copied stays. A consistency check stopped during its verification leaves the replica
 * "Replica is inconsistent" (domain-rules.md: only a completed check makes it OK), so protection
 * jobs keep failing until another check runs; so does a canceled replica creation.
 */
export function cancelJob(slice: Estate, cmd: CancelJob, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const job = draft.get('jobs', cmd.jobId);
  if (!job) return notFound('job', cmd.jobId);
  const server = onlineServer(draft, job.serverId);
  if (isDomainError(server)) return server;
  const why = whyNotCancel(job);
  if (why) return refuse('INVALID_STATE', why, job.id);

  draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
  const ds = job.dataSourceId ? draft.get('dataSources', job.dataSourceId) : undefined;
  draft.emit({ type: 'job.canceled', serverId: job.serverId, subjectId: job.id, summary: `${job.type}${ds ? ` of ${ds.name}` : ''} canceled by ${ctx.actor}` });

  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  if (job.type === 'Consistency check' && job.status === 'In progress' && replica?.status === 'Replica inconsistent, verification in progress') {
    setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
  }
  // DPM marks a replica whose initial replication was canceled inconsistent, so that a
  // consistency check (which Retry can't start: the job did not fail) completes it.
  if (job.type === 'Replica creation' && replica?.status === 'Replica creation pending') {
    setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
  }
  return draft.outcome();
}
