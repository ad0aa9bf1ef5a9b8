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
  'SQL database': ['Recover to original instance of SQL Server', 'Recover to any SQL instance', 'Copy to a network folder', 'Copy to tape'],
  DPMDB: ['Recover to original instance of SQL Server', 'Recover to any SQL instance', 'Copy to a network folder', 'Copy to tape'],
  Volume: ['Recover to the original location', 'Recover to an alternate location', 'Copy to tape'],
  Folder: ['Recover to the original location', 'Recover to an alternate location', 'Copy to tape'],
  Share: ['Recover to the original location', 'Recover to an alternate location', 'Copy to tape'],
  'System state': ['Copy to a network folder', 'Copy to tape'],
};

/** Types whose destination the administrator names (a folder, an instance, a path). */
export function needsDestination(type: RecoveryType): boolean {
  return type === 'Recover to any SQL instance' || type === 'Copy to a network folder' || type === 'Recover to an alternate location';
}
