import type { Revision } from './model';

/** Protection groups and their goals: disk, tape and online (Create and Modify protection group). */

export type ReplicaCreationMethod = 'Now' | 'Later' | 'Manually';

export interface ProtectionGoals {
  /** Short-term disk retention range, days (RETENTION_LIMITS: 1 to 448). */
  retentionDays: number;
  /** Synchronization frequency in minutes (15 to 1440); 0 means "Just before a recovery point". */
  syncFrequencyMinutes: number;
  /** Times of day (minutes after midnight) for recovery points of file data. */
  recoveryPointTimes: number[];
  /** Times of day (minutes after midnight) for express full backups of application data. */
  expressFullTimes: number[];
}

/** How often DPM's long-term goals write to tape (Specify Long-Term Goals: daily to yearly; TAPE_ONCE_A_DAY). */
export const TAPE_FREQUENCIES = [
  'Daily',
  'Weekly',
  'Bi-Weekly',
  'Monthly',
  'Quarterly',
  'Half-Yearly',
  'Yearly',
] as const;
export type TapeFrequency = (typeof TAPE_FREQUENCIES)[number];
export const TAPE_RETENTION_UNITS = ['Weeks', 'Months', 'Years'] as const;
export type TapeRetentionUnit = (typeof TAPE_RETENTION_UNITS)[number];

export interface TapeGoals {
  /** How often the scheduled tape backup runs (at most once a day, TAPE_ONCE_A_DAY). */
  frequency: TapeFrequency;
  /** Minutes after midnight of the tape backup, on the days the frequency names. */
  backupTime: number;
  /** How long each tape backup is kept: from one week to 99 years (seed 001). */
  retention: { count: number; unit: TapeRetentionUnit };
  libraryId: string | null;
  copies: number;
  encrypt: boolean;
}

export interface OnlineGoals {
  /** Online recovery points kept (RETENTION_LIMITS: at most 120). */
  recoveryPoints: number;
}

export interface ProtectionGroup {
  id: string;
  serverId: string;
  name: string;
  disk: ProtectionGoals | null;
  tape: TapeGoals | null;
  online: OnlineGoals | null;
  replicaCreation: ReplicaCreationMethod;
  consistencyCheck: { runIfInconsistent: boolean; dailyAt: number | null };
  excludedExtensions: string[];
  /** Changed by Modify protection group and by members added or stopped (STALE). */
  revision: Revision;
}
