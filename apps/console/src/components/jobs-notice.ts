import type { JobOutcome } from '@dpm/domain/jobs/job-status';

/** A job a command queued on the simulated clock, as the API names it (CommandResult.jobs). */
export interface QueuedJob {
  jobId: string;
  serverId: string;
  type: string;
}

/** How many of a command's jobs its notice follows one by one; beyond, it counts them. */
export const FOLLOWED = 20;

/** What the notice says of the jobs a command started, from their outcomes so far. */
export function jobsNotice(
  jobs: QueuedJob[],
  outcomes: (JobOutcome | undefined)[],
  firstError: string | undefined,
): { intent: 'success' | 'error' | 'info'; message: string } {
  const types = [...new Set(jobs.map((j) => j.type.toLowerCase()))];
  const what =
    jobs.length === 1
      ? `The ${types[0] ?? ''} job`
      : types.length === 1
        ? `${jobs.length} ${types[0] ?? ''} jobs`
        : `${jobs.length} jobs (${types.join(', ')})`;
  const count = (o: JobOutcome) => outcomes.filter((x) => x === o).length;
  const ended = count('completed') + count('failed') + count('canceled');
  if (jobs.length > FOLLOWED || ended < jobs.length) {
    return {
      intent: 'info',
      message:
        jobs.length === 1
          ? `${what} started; it runs on the simulated clock.`
          : `${what} started (${ended} of ${jobs.length} ended so far); they run on the simulated clock.`,
    };
  }
  if (count('failed') > 0) {
    const detail = firstError ? `: ${firstError}` : '.';
    return {
      intent: 'error',
      message:
        jobs.length === 1
          ? `${what} failed${detail}`
          : `${what} ended: ${count('failed')} failed${firstError ? ` (${firstError})` : ''}.`,
    };
  }
  if (jobs.length === 1)
    return { intent: 'success', message: `${what} ${count('canceled') > 0 ? 'was canceled' : 'completed'}.` };
  return {
    intent: 'success',
    message:
      `${what} ended: ${count('completed')} completed` +
      `${count('canceled') > 0 ? `, ${count('canceled')} canceled` : ''}.`,
  };
}
