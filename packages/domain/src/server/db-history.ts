import type { DbHistoryPeriod, DpmServer, DpmdbSnapshot, Job } from '../model';
import { formatSimulatedTime } from '../revisions';

/**
 * What a DPM server's database remembers. Jobs are kept where they ran, but a server shows only
 * those its current database holds: a reinstall starts an empty DPMDB (no jobs, alerts, protection
 * groups or recovery point catalog), and DpmSync -RestoreDb attaches a backup that holds the
 * history up to the moment it was taken (seed 000, Recover a DPM database). What happened between
 * that backup and the restore is in neither database, as in DPM.
 */
export function inDbHistory(server: Pick<DpmServer, 'dbHistory'>, at: number): boolean {
  return server.dbHistory.some((p) => at >= p.from && (p.to === null || at <= p.to));
}

/** Whether Monitoring › Jobs of its server lists the job. */
export function jobInHistory(server: Pick<DpmServer, 'dbHistory'>, job: Pick<Job, 'scheduledAt'>): boolean {
  return inDbHistory(server, job.scheduledAt);
}

/**
 * The periods a database restored from `snapshot` (taken at `takenAt`) holds once attached at
 * `restoredAt`: the backup's own periods up to its time, then everything from the restore on.
 */
export function restoredDbHistory(
  snapshot: Pick<DpmdbSnapshot, 'dbHistory'>,
  takenAt: number,
  restoredAt: number,
): DbHistoryPeriod[] {
  const before = (snapshot.dbHistory ?? [{ from: 0, to: null }])
    .filter((p) => p.from <= takenAt)
    .map((p) => ({ from: p.from, to: p.to === null ? takenAt : Math.min(p.to, takenAt) }));
  return [...before, { from: restoredAt, to: null }];
}

/** The sentence Monitoring › Jobs shows when its database does not hold everything that ran, or null. */
export function dbHistoryNote(
  server: Pick<DpmServer, 'name' | 'dbHistory' | 'generation' | 'restoredFrom'>,
): string | null {
  const current = server.dbHistory.at(-1);
  if (!current) return null;
  const earlier = server.dbHistory.at(-2);
  if (earlier?.to != null) {
    return (
      `The DPM database of ${server.name} was restored from its backup of ${formatSimulatedTime(earlier.to)}: ` +
      `jobs from then until the restore at ${formatSimulatedTime(current.from)} are not in it.`
    );
  }
  if (server.generation > 1)
    return (
      `DPM was reinstalled on ${server.name} at ${formatSimulatedTime(current.from)} with a new database: ` +
      `earlier jobs are not in it.`
    );
  return null;
}
