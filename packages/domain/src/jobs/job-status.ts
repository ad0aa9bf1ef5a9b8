import type { JobStatus } from '../model';

/** Where a job stands: still to run or running, or ended one of three ways. */
export type JobOutcome = 'active' | 'completed' | 'failed' | 'canceled';

export function jobOutcome(status: JobStatus): JobOutcome {
  switch (status) {
    case 'Scheduled':
    case 'In progress':
      return 'active';
    case 'Completed':
      return 'completed';
    case 'Failed':
      return 'failed';
    case 'Canceled':
      return 'canceled';
  }
}

/** A job not yet finished: a command does not queue the same work twice. */
export function isJobActive(status: JobStatus): boolean {
  return jobOutcome(status) === 'active';
}
