import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate, Job } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { activeJobsFor, scheduleJob } from './jobs';
import type { View } from '../view';
import { jobOn } from './job-on';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';

export interface RetryJob {
  serverId: string;
  jobId: string;
}

/** What a job works on: a replica, a tape or a library (the server itself for the DpmSync steps). */
function subjectOf(job: Job): { field: 'replicaId' | 'tapeId' | 'libraryId'; id: string } | null {
  if (job.replicaId) return { field: 'replicaId', id: job.replicaId };
  if (job.tapeId) return { field: 'tapeId', id: job.tapeId };
  if (job.libraryId) return { field: 'libraryId', id: job.libraryId };
  return null;
}

/**
 * Retry: a failed job of an online server, whose subject is still there, when no job of its type
 * is already queued for that subject; a restore to replica only while the replica still waits
 * for its data (seed 000: a failed replica recovery marks it inconsistent, "which prevents
 * repeated recovery attempts").
 */
export function whyNotRetry(view: View, target: Targets['job']): DomainError | null {
  const found = jobOn(view, target.serverId, target.jobId);
  if (isDomainError(found)) return found;
  const { job, server } = found;
  if (job.status !== 'Failed') {
    return refuse(
      'INVALID_STATE',
      `Only a failed job can be retried; this job is ` +
        `${job.status === 'In progress' ? 'in progress' : job.status.toLowerCase()}.`,
      job.id,
    );
  }
  const replica = job.replicaId ? view.get('replicas', job.replicaId) : undefined;
  const ds = job.dataSourceId ? view.get('dataSources', job.dataSourceId) : undefined;
  const what =
    ds?.name ?? (job.libraryId ? view.get('libraries', job.libraryId)?.name : undefined) ?? job.type.toLowerCase();
  if (job.replicaId && (!replica || replica.groupId === null)) {
    return refuse(
      'INVALID_STATE',
      `${what} is no longer protected on ${server.name}, so the ${job.type.toLowerCase()} job can't run again.`,
      job.id,
    );
  }
  if (job.libraryId && !view.get('libraries', job.libraryId)) return notFound('library', job.libraryId);
  if (
    replica &&
    job.params.recoveryType === 'Restore to replica' &&
    (replica.status !== 'Manual replica creation pending' || replica.dataRestored)
  ) {
    return refuse(
      'NOT_PENDING_FOR_RESTORE',
      `Restore to replica is possible only while the replica is "Manual replica creation pending"; the replica of ` +
        `${what} on ${server.name} is "${replica.status}". Stop protection with Delete replica on disk, add the data ` +
        `source again with manual replica creation, and restore again.`,
      job.id,
    );
  }
  const subject = subjectOf(job);
  if (subject && activeJobsFor(view, subject.field, subject.id).some((j) => j.type === job.type)) {
    return refuse(
      'CONFLICT',
      `A ${job.type.toLowerCase()} job for ${what} is already scheduled or in progress on ${server.name}.`,
      job.id,
    );
  }
  return null;
}

/**
 * Monitoring › Jobs › Retry: a failed job runs again as a new Scheduled job of the same type,
 * subject and parameters, linked to the failed one by `retryOf`.
 */
export function retryJob(slice: Estate, cmd: RetryJob, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRetry(draft, cmd);
  if (why) return why;
  const job = draft.get('jobs', cmd.jobId);
  if (!job) return notFound('job', cmd.jobId);
  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  const ds = job.dataSourceId ? draft.get('dataSources', job.dataSourceId) : undefined;
  const what =
    ds?.name ?? (job.libraryId ? draft.get('libraries', job.libraryId)?.name : undefined) ?? job.type.toLowerCase();
  // A rehearsed failure (simulateFailure) is the administrator's one-off choice, not a property
  // of the work, so the retry runs for real.
  const { simulateFailure: _rehearsal, ...params } = job.params;
  const retry = scheduleJob(draft, ctx, {
    serverId: job.serverId,
    type: job.type,
    replicaId: job.replicaId,
    dataSourceId: job.dataSourceId,
    groupId: replica?.groupId ?? job.groupId,
    computerId: job.computerId,
    libraryId: job.libraryId,
    tapeId: job.tapeId,
    totalGb: job.totalGb,
    params,
    retryOf: job.id,
  });
  draft.emit({
    type: 'job.retried',
    serverId: job.serverId,
    subjectId: retry.id,
    summary: `${job.type} of ${what} retried by ${ctx.actor}`,
  });
  return draft.outcome();
}

export const retryJobOperation = defineOperation<'job', RetryJob>({
  id: 'jobs.retry',
  name: 'Retry',
  kind: 'job',
  area: 'Monitoring',
  role: 'Operator',
  whyNot: whyNotRetry,
  run: retryJob,
});
