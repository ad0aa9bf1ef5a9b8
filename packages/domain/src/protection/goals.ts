import type { DataSourceKind, ProtectionGroup } from '../model';
import { TAPE_FREQUENCIES, TAPE_RETENTION_UNITS } from '../model';
import type { DomainError } from '../errors';
import { refuse } from '../errors';
import { FREQUENCY_DAYS, RETENTION_WEEKS, formatTapeRetention, tapeRetentionDays } from './tape-goals';

export { formatTapeRetention, isTapeDay, tapeRetentionDays, upgradeTapeGoals } from './tape-goals';
export type { ProtectionMethod } from './protection-methods';
export { PROTECTION_METHODS, checkMethods, methodRefusal } from './protection-methods';

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

/**
 * The synchronization frequencies DPM's Specify Short-Term Goals page offers (every 15 and 30
 * minutes, every 1, 2, 4, 6, 12 and 24 hours): the only ones a group can have, by the console or
 * the API alike.
 */
export const SYNC_FREQUENCIES = [15, 30, 60, 120, 240, 360, 720, 1440] as const;

/** Seed 001 (and 002): a group protecting replicas synchronizes every 24 hours unless told otherwise. */
export const REPLICA_SYNC_MINUTES = 24 * 60;
/** DPM's default for production data. */
export const DEFAULT_SYNC_MINUTES = 15;

/** The synchronization frequency the wizard starts from, by what the group protects (seed 001). */
export function defaultSyncMinutes(protectsReplicas: boolean): number {
  return protectsReplicas ? REPLICA_SYNC_MINUTES : DEFAULT_SYNC_MINUTES;
}

export function isApplicationData(kind: DataSourceKind): boolean {
  return kind === 'SQL database' || kind === 'DPMDB';
}

export type GoalsInput = Pick<ProtectionGroup, 'disk' | 'tape' | 'online'>;

/** The recovery points disk goals schedule for one kind of data: their times of day, DPM's limit and its words. */
interface PointsPerDay {
  field: 'recoveryPointTimes' | 'expressFullTimes';
  data: string;
  time: string;
  points: string;
  limit: number;
  atMost: string;
}

const FILE_POINTS: PointsPerDay = {
  field: 'recoveryPointTimes',
  data: 'file data',
  time: 'recovery point time',
  points: 'recovery points',
  limit: LIMITS.fileRecoveryPoints,
  atMost: 'recovery points for file data',
};

const EXPRESS_FULLS: PointsPerDay = {
  field: 'expressFullTimes',
  data: 'application data',
  time: 'express full backup time',
  points: 'express full backups',
  limit: LIMITS.expressFulls,
  atMost: 'express full backups',
};

/**
 * When the group protects that kind of data: at least one time a day, or DPM would never create a
 * recovery point of it, and no more a day than DPM keeps over the retention range (RETENTION_LIMITS).
 */
function checkPointsPerDay(
  disk: NonNullable<GoalsInput['disk']>,
  kind: PointsPerDay,
  protects: boolean,
): DomainError | null {
  if (!protects) return null;
  const perDay = disk[kind.field].length;
  const field = `disk.${kind.field}`;
  if (perDay === 0) {
    return refuse(
      'RETENTION_LIMITS',
      `The group protects ${kind.data}: specify at least one ${kind.time}, or DPM never creates a recovery ` +
        `point of it.`,
      field,
    );
  }
  const kept = perDay * disk.retentionDays;
  if (kept > kind.limit) {
    return refuse(
      'RETENTION_LIMITS',
      `${perDay} ${kind.points} a day kept for ${disk.retentionDays} days make ${kept}; DPM keeps at most ` +
        `${kind.limit} ${kind.atMost}.`,
      field,
    );
  }
  return null;
}

/**
 * Checks a group's goals against DPM's limits (seeds 001, 002) for the kinds of data it protects:
 * recovery point times and their 64-point limit apply to file data, express full backup times and
 * their 512 limit to application data; a group with file data needs a recovery point time and one
 * with application data an express full time, or it would never create a recovery point.
 */
export function checkGoals(goals: GoalsInput, kinds: readonly DataSourceKind[] = []): DomainError | null {
  const { disk, tape, online } = goals;
  if (!disk && !tape && !online) {
    return refuse(
      'INVALID_INPUT',
      'Select at least one data protection method: short-term disk, long-term tape or online.',
      'disk',
    );
  }
  const files = kinds.some((k) => !isApplicationData(k));
  const apps = kinds.some((k) => isApplicationData(k));
  if (disk) {
    if (
      !Number.isInteger(disk.retentionDays) ||
      disk.retentionDays < LIMITS.retentionDays.min ||
      disk.retentionDays > LIMITS.retentionDays.max
    ) {
      return refuse(
        'RETENTION_LIMITS',
        `The retention range must be from 1 to 448 days; ${disk.retentionDays} days is outside it.`,
        'disk.retentionDays',
      );
    }
    const f = disk.syncFrequencyMinutes;
    if (f !== 0 && (!Number.isInteger(f) || f < LIMITS.syncMinutes.min || f > LIMITS.syncMinutes.max)) {
      return refuse(
        'RETENTION_LIMITS',
        `Synchronization frequency must be from every 15 minutes to every 24 hours; ${f} minutes is outside it.`,
        'disk.syncFrequencyMinutes',
      );
    }
    if (f !== 0 && !(SYNC_FREQUENCIES as readonly number[]).includes(f)) {
      return refuse(
        'RETENTION_LIMITS',
        `DPM synchronizes every 15 or 30 minutes, or every 1, 2, 4, 6, 12 or 24 hours; every ${f} minutes is not one ` +
          `of them.`,
        'disk.syncFrequencyMinutes',
      );
    }
    for (const t of [...disk.recoveryPointTimes, ...disk.expressFullTimes]) {
      if (!Number.isInteger(t) || t < 0 || t >= 24 * 60)
        return refuse('INVALID_INPUT', `A time of day must be between 00:00 and 23:59.`, 'disk');
    }
    const points = checkPointsPerDay(disk, FILE_POINTS, files) ?? checkPointsPerDay(disk, EXPRESS_FULLS, apps);
    if (points) return points;
  }
  if (tape) {
    if (!(TAPE_FREQUENCIES as readonly string[]).includes(tape.frequency)) {
      return refuse(
        'TAPE_ONCE_A_DAY',
        `DPM backs up to tape daily, weekly, bi-weekly, monthly, quarterly, half-yearly or yearly, at most once a ` +
          `day; "${String(tape.frequency)}" is not one of them.`,
        'tape.frequency',
      );
    }
    const { count, unit } = tape.retention;
    const weeks =
      (TAPE_RETENTION_UNITS as readonly string[]).includes(unit) && Number.isInteger(count)
        ? count * RETENTION_WEEKS[unit]
        : NaN;
    if (!(weeks >= 1 && weeks <= LIMITS.tapeRetentionYears * 52)) {
      return refuse(
        'TAPE_ONCE_A_DAY',
        `Tape retention is from one week to 99 years; ${count} ${String(unit).toLowerCase()} is outside it.`,
        'tape.retention',
      );
    }
    if (tapeRetentionDays(tape) < FREQUENCY_DAYS[tape.frequency]) {
      return refuse(
        'TAPE_ONCE_A_DAY',
        `A ${tape.frequency.toLowerCase()} tape backup must be kept at least until the next one; ` +
          `${formatTapeRetention(tape)} is shorter.`,
        'tape.retention',
      );
    }
  }
  if (online && (online.recoveryPoints < 1 || online.recoveryPoints > LIMITS.onlineRecoveryPoints)) {
    return refuse(
      'RETENTION_LIMITS',
      `Online protection keeps at most 120 recovery points; ${online.recoveryPoints} were asked for.`,
      'online.recoveryPoints',
    );
  }
  return null;
}

/** Seed 002: a replica protected on disk only has no "Just before a recovery point" option. */
export function checkReplicaSync(goals: GoalsInput): DomainError | null {
  if (goals.disk && !goals.tape && goals.disk.syncFrequencyMinutes === 0) {
    return refuse(
      'RETENTION_LIMITS',
      'A replica protected with short-term disk protection only needs a synchronization frequency; "Just before a ' +
        'recovery point" is not available. Every 24 hours is recommended.',
      'disk.syncFrequencyMinutes',
    );
  }
  return null;
}

/** Whether the wizard may offer "Just before a recovery point" for a group (seed 002, checkReplicaSync). */
export function justBeforeRecoveryPointAvailable(protectsReplicas: boolean, tape: boolean): boolean {
  return !protectsReplicas || tape;
}

/** How many disk recovery points a replica may keep under these goals. */
export function maxDiskRecoveryPoints(kind: DataSourceKind): number {
  return isApplicationData(kind) ? LIMITS.expressFulls : LIMITS.fileRecoveryPoints;
}
