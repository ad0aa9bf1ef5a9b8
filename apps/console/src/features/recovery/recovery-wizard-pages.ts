import type { DataSourceKind } from '@dpm/domain/model';
import { recoversToInstance, type RecoveryType } from '@dpm/domain/recovery/recovery-types';
import type { Offers } from '../../components/operations';

/** The Recovery Wizard's pages, what it was opened with, and the words of its destination field. */
export interface RecoverySelection {
  dataSourceId: string;
  dataSource: string;
  computer: string;
  kind: DataSourceKind;
  /** Read from a recataloged imported tape (External DPM Tapes). */
  external: boolean;
}

export interface SelectedPoint {
  id: string;
  time: number;
  location: 'Disk' | 'Tape' | 'Online';
  tape: string | null;
  hasDatabase: boolean;
  sizeGb: number;
  /** What the signed-in user may do with the point: Recover, per recovery type. */
  operations: Offers;
}

export type Page =
  | 'Review Recovery Selection'
  | 'Select Recovery Type'
  | 'Specify Database State'
  | 'Specify Recovery Options'
  | 'Summary';

/** DPM's pages: a database recovered into an instance of SQL Server has its Specify Database State page. */
export function pagesOf(type: RecoveryType | null): Page[] {
  return [
    'Review Recovery Selection',
    'Select Recovery Type',
    ...(type && recoversToInstance(type) ? (['Specify Database State'] as const) : []),
    'Specify Recovery Options',
    'Summary',
  ];
}

/** The name of the database a data source protects (its last path segment: PS1\MSSQLSERVER\Sales → Sales). */
export const databaseOf = (dataSource: string) => dataSource.split('\\').pop() ?? dataSource;

export const DESTINATION_LABEL: Partial<Record<RecoveryType, { label: string; hint: string; placeholder: string }>> = {
  'Copy to a network folder': {
    label: 'Network folder',
    hint: 'A secure folder that the DPM server can write to, such as the restore folder you created.',
    placeholder: '\\\\server\\share\\folder',
  },
  'Recover to any SQL instance': {
    label: 'SQL instance',
    hint: 'The SQL Server instance to recover the database to, as server\\instance.',
    placeholder: 'SQL01\\MSSQLSERVER',
  },
  'Recover to an alternate location': {
    label: 'Alternate location',
    hint: 'The server and path to recover the files to.',
    placeholder: 'FS1\\D:\\Recovered',
  },
};
