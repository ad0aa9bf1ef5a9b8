import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { View } from '../view';
import { isJobActive } from './job-status';
import type { Job, JobType } from '../model';

/**
 * Simulated throughput, GB per simulated minute, by job type: jobs take time proportional to
 * the data they move. Fixed-length jobs (library operations) use `fixedMinutes`.
 */
export const RATE_GB_PER_MINUTE: Partial<Record<JobType, number>> = {
  'Replica creation': 2,
  Synchronization: 5,
  'Consistency check': 10,
  'Recovery point': 5,
  'Express full backup': 5,
  'Tape backup': 2,
  'Tape recovery': 2,
  'Disk recovery': 4,
};

const FIXED_MINUTES: Partial<Record<JobType, number>> = {
  'Fast inventory': 1,
  'Library rescan': 1,
  'Tape erase data': 5,
  'Drive cleaning': 3,
  'Database restore': 2,
  'Database synchronization': 2,
};

export const MINUTE = 60_000;

/** How long a job runs, in simulated milliseconds (at least a minute). */
export function jobDuration(job: Pick<Job, 'type' | 'totalGb' | 'params'>): number {
  const fixed = FIXED_MINUTES[job.type];
  if (fixed !== undefined) return fixed * MINUTE;
  if (job.type === 'Detailed inventory') return Math.max(1, Number(job.params.tapes ?? '1') * 0.5) * MINUTE;
  if (job.type === 'Tape recatalog') return Math.max(1, Number(job.params.dataSets ?? '1') * 2) * MINUTE;
  const rate = RATE_GB_PER_MINUTE[job.type] ?? 5;
  return Math.max(1, job.totalGb / rate) * MINUTE;
}

export type NewJob = Pick<Job, 'serverId' | 'type'> & Partial<Omit<Job, 'id' | 'serverId' | 'type'>>;

/** Queues a job at `ctx.now` (or `scheduledAt`); the clock's tick starts and runs it. */
export function scheduleJob(draft: Draft, ctx: Ctx, job: NewJob): Job {
  const queued = draft.put('jobs', {
    id: ctx.newId('job'),
    status: 'Scheduled',
    replicaId: null,
    dataSourceId: null,
    groupId: null,
    computerId: null,
    libraryId: null,
    tapeId: null,
    scheduledAt: ctx.now,
    startedAt: null,
    finishedAt: null,
    totalGb: 0,
    transferredGb: 0,
    error: null,
    params: {},
    retryOf: null,
    ...job,
  });
  draft.emit({
    type: queued.status === 'Completed' ? 'job.completed' : 'job.scheduled',
    serverId: queued.serverId,
    subjectId: queued.id,
    summary: `${queued.type} ${queued.status.toLowerCase()}`,
  });
  return queued;
}

/**
 * Jobs not yet finished for a subject, so a command does not queue the same work twice. A server
 * holds every such job in memory (StoredJobs): its finished ones, however many, are not read.
 */
export function activeJobsFor(draft: View, field: 'replicaId' | 'libraryId' | 'tapeId', id: string): Job[] {
  return draft.whereHeld('jobs', field, id).filter((j) => isJobActive(j.status));
}

/** A job that DPM records as done at once (DpmSync steps run from the command line). */
export function recordCompletedJob(draft: Draft, ctx: Ctx, job: NewJob): Job {
  return scheduleJob(draft, ctx, { status: 'Completed', startedAt: ctx.now, finishedAt: ctx.now, ...job });
}
