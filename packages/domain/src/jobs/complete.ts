import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Job, Replica } from '../model';
import { completeProtectionJob } from './complete-protection';
import { completeRecovery } from './complete-recovery';
import { completeLibraryJob } from './complete-library';

export { replicaJobError } from './job-outcome';

/** Ends a running job at `ctx.now` with DPM's effects on the estate. */
export function completeJob(draft: Draft, ctx: Ctx, job: Job): void {
  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  if (job.replicaId && (!replica || replica.groupId === null)) {
    draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
    return;
  }
  switch (job.type) {
    case 'Replica creation':
    case 'Synchronization':
    case 'Consistency check':
    case 'Recovery point':
    case 'Express full backup':
    case 'Tape backup':
      return completeProtectionJob(draft, ctx, job, replica as Replica);
    case 'Disk recovery':
    case 'Tape recovery':
      return completeRecovery(draft, ctx, job, replica);
    default:
      return completeLibraryJob(draft, ctx, job);
  }
}
