import type { DataSourceKind, ProtectionGroup } from '../model';
import type { DomainError } from '../errors';
import { refuse } from '../errors';

/** DPM's limits on protection goals (seeds 001 and 002; RETENTION_LIMITS, TAPE_ONCE_A_DAY). */
export const LIMITS = {
  retentionDays: { min: 1, max: 448 },
  syncMinutes: { min: 15, max: 24 * 60 },
  /** Recovery points of file data, and of a share protected with native SQL backups. */
  fileRecoveryPoints: 64,
  /** Express full backups of application data (SQL databases, the DPMDB). */
  expressFulls: 512,
  onlineRecoveryPoints: 120,
  tapeBackupsPerDay: 1,
  tapeRetentionYears: 99,
} as const;

export function isApplicationData(kind: DataSourceKind): boolean {
  return kind === 'SQL database' || kind === 'DPMDB';
}

export type GoalsInput = Pick<ProtectionGroup, 'disk' | 'tape' | 'online'>;

/** Checks a group's goals against DPM's limits; `hasReplicaMembers` for secondary protection. */
export function checkGoals(goals: GoalsInput): DomainError | null {
  const { disk, tape, online } = goals;
  if (!disk && !tape && !online) {
    return refuse('INVALID_INPUT', 'Select at least one data protection method: short-term disk, long-term tape or online.', 'disk');
  }
  if (disk) {
    if (!Number.isInteger(disk.retentionDays) || disk.retentionDays < LIMITS.retentionDays.min || disk.retentionDays > LIMITS.retentionDays.max) {
      return refuse('RETENTION_LIMITS', `The retention range must be from 1 to 448 days; ${disk.retentionDays} days is outside it.`, 'disk.retentionDays');
    }
    const f = disk.syncFrequencyMinutes;
    if (f !== 0 && (!Number.isInteger(f) || f < LIMITS.syncMinutes.min || f > LIMITS.syncMinutes.max)) {
      return refuse('RETENTION_LIMITS', `Synchronization frequency must be from every 15 minutes to every 24 hours; ${f} minutes is outside it.`, 'disk.syncFrequencyMinutes');
    }
    const rpPerDay = disk.recoveryPointTimes.length;
    if (rpPerDay * disk.retentionDays > LIMITS.fileRecoveryPoints) {
      return refuse(
        'RETENTION_LIMITS',
        `${rpPerDay} recovery points a day kept for ${disk.retentionDays} days make ${rpPerDay * disk.retentionDays}; DPM keeps at most 64 recovery points for file data.`,
        'disk.recoveryPointTimes',
      );
    }
    const fullsPerDay = disk.expressFullTimes.length;
    if (fullsPerDay * disk.retentionDays > LIMITS.expressFulls) {
      return refuse(
        'RETENTION_LIMITS',
        `${fullsPerDay} express full backups a day kept for ${disk.retentionDays} days make ${fullsPerDay * disk.retentionDays}; DPM keeps at most 512 express full backups.`,
        'disk.expressFullTimes',
      );
    }
    for (const t of [...disk.recoveryPointTimes, ...disk.expressFullTimes]) {
      if (!Number.isInteger(t) || t < 0 || t >= 24 * 60) return refuse('INVALID_INPUT', `A time of day must be between 00:00 and 23:59.`, 'disk');
    }
  }
  if (tape) {
    if (tape.backupsPerDay > LIMITS.tapeBackupsPerDay) {
      return refuse('TAPE_ONCE_A_DAY', `DPM runs at most one scheduled tape backup a day; ${tape.backupsPerDay} a day were asked for.`, 'tape.backupsPerDay');
    }
    if (tape.retentionYears <= 0 || tape.retentionYears > LIMITS.tapeRetentionYears) {
      return refuse('TAPE_ONCE_A_DAY', `Tape retention can be up to 99 years; ${tape.retentionYears} years is outside it.`, 'tape.retentionYears');
    }
  }
  if (online && (online.recoveryPoints < 1 || online.recoveryPoints > LIMITS.onlineRecoveryPoints)) {
    return refuse('RETENTION_LIMITS', `Online protection keeps at most 120 recovery points; ${online.recoveryPoints} were asked for.`, 'online.recoveryPoints');
  }
  return null;
}

/** Seed 002: a replica protected on disk only has no "Just before a recovery point" option. */
export function checkReplicaSync(goals: GoalsInput): DomainError | null {
  if (goals.disk && !goals.tape && goals.disk.syncFrequencyMinutes === 0) {
    return refuse(
      'RETENTION_LIMITS',
      'A replica protected with short-term disk protection only needs a synchronization frequency; "Just before a recovery point" is not available. Every 24 hours is recommended.',
      'disk.syncFrequencyMinutes',
    );
  }
  return null;
}

/** How many disk recovery points a replica may keep under these goals. */
export function maxDiskRecoveryPoints(kind: DataSourceKind): number {
  return isApplicationData(kind) ? LIMITS.expressFulls : LIMITS.fileRecoveryPoints;
}
