import type { DataSourceKind, DpmServer, ProtectionGroup, TapeFrequency, TapeGoals, TapeRetentionUnit } from '../model';
import { TAPE_FREQUENCIES, TAPE_RETENTION_UNITS } from '../model';
import type { DomainError } from '../errors';
import { refuse } from '../errors';
import type { View } from '../view';

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

const RETENTION_WEEKS: Record<TapeRetentionUnit, number> = { Weeks: 1, Months: 52 / 12, Years: 52 };
const FREQUENCY_DAYS: Record<TapeFrequency, number> = {
  Daily: 1,
  Weekly: 7,
  'Bi-Weekly': 14,
  Monthly: 30,
  Quarterly: 91,
  'Half-Yearly': 182,
  Yearly: 365,
};

/** How many days a tape backup is kept. */
export function tapeRetentionDays(tape: Pick<TapeGoals, 'retention'>): number {
  const { count, unit } = tape.retention;
  return unit === 'Weeks' ? count * 7 : unit === 'Months' ? Math.round((count * 365) / 12) : count * 365;
}

/** "2 weeks", "1 year". */
export function formatTapeRetention(tape: Pick<TapeGoals, 'retention'>): string {
  const { count, unit } = tape.retention;
  return `${count} ${count === 1 ? unit.slice(0, -1).toLowerCase() : unit.toLowerCase()}`;
}

/** The days of the simulated calendar (UTC) a tape frequency writes on. */
export function isTapeDay(frequency: TapeFrequency, day: number): boolean {
  const d = new Date(day);
  const weekday = d.getUTCDay();
  const date = d.getUTCDate();
  const month = d.getUTCMonth();
  switch (frequency) {
    case 'Daily':
      return true;
    // Weekly backups on Fridays, DPM's default day for long-term backups; every other Friday for bi-weekly.
    case 'Weekly':
      return weekday === 5;
    case 'Bi-Weekly':
      return weekday === 5 && Math.floor(day / (7 * 86_400_000)) % 2 === 0;
    case 'Monthly':
      return date === 1;
    case 'Quarterly':
      return date === 1 && month % 3 === 0;
    case 'Half-Yearly':
      return date === 1 && month % 6 === 0;
    case 'Yearly':
      return date === 1 && month === 0;
  }
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
    const rpPerDay = disk.recoveryPointTimes.length;
    if (files && rpPerDay === 0) {
      return refuse(
        'RETENTION_LIMITS',
        'The group protects file data: specify at least one recovery point time, or DPM never creates a recovery ' +
          'point of it.',
        'disk.recoveryPointTimes',
      );
    }
    if (files && rpPerDay * disk.retentionDays > LIMITS.fileRecoveryPoints) {
      return refuse(
        'RETENTION_LIMITS',
        `${rpPerDay} recovery points a day kept for ${disk.retentionDays} days make ` +
          `${rpPerDay * disk.retentionDays}; DPM keeps at most 64 recovery points for file data.`,
        'disk.recoveryPointTimes',
      );
    }
    const fullsPerDay = disk.expressFullTimes.length;
    if (apps && fullsPerDay === 0) {
      return refuse(
        'RETENTION_LIMITS',
        'The group protects application data: specify at least one express full backup time, or DPM never creates a ' +
          'recovery point of it.',
        'disk.expressFullTimes',
      );
    }
    if (apps && fullsPerDay * disk.retentionDays > LIMITS.expressFulls) {
      return refuse(
        'RETENTION_LIMITS',
        `${fullsPerDay} express full backups a day kept for ${disk.retentionDays} days make ` +
          `${fullsPerDay * disk.retentionDays}; DPM keeps at most 512 express full backups.`,
        'disk.expressFullTimes',
      );
    }
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

/** The protection methods of Select Data Protection Method, as a group's request names them. */
export const PROTECTION_METHODS = ['Disk', 'Tape', 'Online'] as const;
export type ProtectionMethod = (typeof PROTECTION_METHODS)[number];

/**
 * Whether a DPM server can give a group a protection method: online protection needs the server
 * registered in a backup vault first (seed 001, "Back up to Azure": register the DPM server in
 * the vault, then set up the protection group), and long-term protection a tape library or drive
 * attached to it (seed 001, "Back up to tape").
 */
export function methodRefusal(view: View, server: DpmServer, method: ProtectionMethod): DomainError | null {
  if (method === 'Online' && server.online === null) {
    return refuse(
      'ONLINE_NOT_REGISTERED',
      `${server.name} is not registered for online protection. Register it in Management › Online with the vault ` +
        `credentials and a passphrase before a protection group uses I want online protection.`,
      'online',
    );
  }
  if (method === 'Tape' && view.where('libraries', 'serverId', server.id).length === 0) {
    return refuse(
      'NO_TAPE_LIBRARY',
      `No tape library or drive is attached to ${server.name}, so its protection groups can't use long-term ` +
        `protection on tape. Attach a library first.`,
      'tape',
    );
  }
  return null;
}

/**
 * The methods a command gives a group, checked on the server (methodRefusal), and the library the
 * tape goals name: one of the server's. `before` is the group being modified: a method it already
 * has is not checked again.
 */
export function checkMethods(
  view: View,
  server: DpmServer,
  goals: GoalsInput,
  before?: GoalsInput,
): DomainError | null {
  if (goals.online && !before?.online) {
    const why = methodRefusal(view, server, 'Online');
    if (why) return why;
  }
  if (goals.tape && !before?.tape) {
    const why = methodRefusal(view, server, 'Tape');
    if (why) return why;
  }
  if (goals.tape && goals.tape.libraryId !== before?.tape?.libraryId) {
    const libraryId = goals.tape.libraryId;
    const library = libraryId === null ? undefined : view.get('libraries', libraryId);
    if (!library || library.serverId !== server.id) {
      return refuse(
        'INVALID_INPUT',
        `Select the tape library of ${server.name} that writes the group's tapes.`,
        'tape.libraryId',
      );
    }
  }
  return null;
}

/** How many disk recovery points a replica may keep under these goals. */
export function maxDiskRecoveryPoints(kind: DataSourceKind): number {
  return isApplicationData(kind) ? LIMITS.expressFulls : LIMITS.fileRecoveryPoints;
}

/**
 * A group's tape goals as stored before they had a frequency and a retention with its unit (a
 * daily backup kept a number of years), read as they are now; current ones pass unchanged.
 */
export function upgradeTapeGoals(tape: TapeGoals | null): TapeGoals | null {
  if (tape === null || typeof tape !== 'object' || ('frequency' in tape && 'retention' in tape)) return tape;
  const legacy = tape as unknown as {
    backupTime?: number;
    retentionYears?: number;
    libraryId?: string | null;
    copies?: number;
    encrypt?: boolean;
  };
  return {
    frequency: 'Daily',
    backupTime: legacy.backupTime ?? 0,
    retention: { count: legacy.retentionYears ?? 1, unit: 'Years' },
    libraryId: legacy.libraryId ?? null,
    copies: legacy.copies ?? 1,
    encrypt: legacy.encrypt ?? false,
  };
}
