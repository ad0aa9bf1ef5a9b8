import type { DataSourceKind } from '../model';

export type RecoveryType =
  | 'Recover to original instance of SQL Server'
  | 'Recover to any SQL instance'
  | 'Copy to a network folder'
  | 'Copy to tape'
  | 'Recover to the original location'
  | 'Recover to an alternate location'
  | 'Restore to replica';

/** The recovery types the Recovery Wizard offers for each kind of data source. */
export const RECOVERY_TYPES: Record<DataSourceKind, RecoveryType[]> = {
  'SQL database': [
    'Recover to original instance of SQL Server',
    'Recover to any SQL instance',
    'Copy to a network folder',
    'Copy to tape',
  ],
  DPMDB: [
    'Recover to original instance of SQL Server',
    'Recover to any SQL instance',
    'Copy to a network folder',
    'Copy to tape',
  ],
  Volume: ['Recover to the original location', 'Recover to an alternate location', 'Copy to tape'],
  Folder: ['Recover to the original location', 'Recover to an alternate location', 'Copy to tape'],
  Share: ['Recover to the original location', 'Recover to an alternate location', 'Copy to tape'],
  'System state': ['Copy to a network folder', 'Copy to tape'],
};

/** Types whose destination the administrator names (a folder, an instance, a path). */
export function needsDestination(type: RecoveryType): boolean {
  return (
    type === 'Recover to any SQL instance' ||
    type === 'Copy to a network folder' ||
    type === 'Recover to an alternate location'
  );
}

/** Specify Database State: what DPM leaves the recovered database as. */
export const DATABASE_STATES = [
  'Leave database operational',
  'Leave database non-operational but able to restore additional transaction logs',
] as const;
export type DatabaseState = (typeof DATABASE_STATES)[number];

/** Specify Recovery Options of files and folders: what DPM does with a file that already exists. */
export const EXISTING_VERSION_BEHAVIOURS = ['Create copy', 'Skip', 'Overwrite'] as const;
export type ExistingVersionBehaviour = (typeof EXISTING_VERSION_BEHAVIOURS)[number];

/** Specify Recovery Options of files and folders: whose security settings the recovered files get. */
export const RESTORE_SECURITY = [
  'Apply the security settings of the destination computer',
  'Apply the security settings of the recovery point version',
] as const;
export type RestoreSecurity = (typeof RESTORE_SECURITY)[number];

/** Types that recover a database into an instance of SQL Server: they have a database state. */
export function recoversToInstance(type: RecoveryType): boolean {
  return type === 'Recover to original instance of SQL Server' || type === 'Recover to any SQL instance';
}

/** Types that write files and folders to a location: they have the existing-version and security options. */
export function recoversFiles(type: RecoveryType): boolean {
  return type === 'Recover to the original location' || type === 'Recover to an alternate location';
}

/**
 * Why a recovery type can't be used with Recovery time › Latest, or null. DPM's latest recovery of
 * a database replays its logs into the original instance of SQL Server only; to another instance,
 * a network folder or tape, a database is recovered from a recovery point's time.
 */
export function latestRefusal(kind: DataSourceKind, type: RecoveryType): string | null {
  if ((kind === 'SQL database' || kind === 'DPMDB') && type !== 'Recover to original instance of SQL Server') {
    return (
      'With Latest, a database is recovered only to its original instance of SQL Server; choose a recovery ' +
      'point time to recover it elsewhere.'
    );
  }
  return null;
}

/** A database name SQL Server accepts: 1 to 128 characters, none of them a bracket, slash or control character. */
export function databaseNameRefusal(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter the name of the recovered database.';
  if (trimmed.length > 128 || /[[\]\\/]/.test(trimmed))
    return 'A database name has at most 128 characters and no brackets or slashes.';
  return null;
}
