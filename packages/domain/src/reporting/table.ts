import type { Cell, CellKind, ReportTable } from './document';

/**
 * A column as a report declares it: the header it prints, the kind of its cells and, where two
 * columns of a report share a key with other headers, the key it goes by (else its name).
 */
export type ColumnSpec = readonly [header: string, kind: CellKind, key?: string];

/**
 * Every column the reports print but the Group by one, each declared once with DPM's words. Where
 * two reports print one key under other headers, each has a name of its own and the key it goes by.
 */
export const REPORT_COLUMNS = {
  server: ['DPM server', 'text'],
  computer: ['Computer', 'text'],
  dataSource: ['Data source', 'text'],
  members: ['Members', 'number'],
  dataSources: ['Data sources', 'number', 'members'],
  // Status
  created: ['Created', 'number'],
  failed: ['Failed', 'number'],
  rate: ['Success rate', 'percent'],
  backedUpTo: ['Backed up to', 'text', 'location'],
  where: ['Where', 'text'],
  backupAt: ['Date and time', 'time', 'time'],
  tapeLabel: ['Tape label', 'text', 'label'],
  // Protection
  goals: ['Goals', 'text'],
  groupsOfComputer: ['Protection groups', 'text', 'goals'],
  protectionStatus: ['Protection Status', 'text', 'status'],
  expected: ['Expected on disk', 'number'],
  available: ['Available on disk', 'number'],
  achieved: ['Achieved', 'percent'],
  tape: ['On tape', 'number'],
  online: ['Online', 'number'],
  oldest: ['Oldest', 'time'],
  newest: ['Newest', 'time'],
  createdInPeriod: ['Created in period', 'number', 'created'],
  // Disk Utilization
  capacity: ['Capacity', 'gb'],
  allocated: ['Allocated', 'gb'],
  used: ['Used', 'gb'],
  free: ['Free', 'gb'],
  usedPercent: ['Used of capacity', 'percent'],
  replicas: ['Replicas', 'number'],
  disk: ['Disk', 'text'],
  state: ['State', 'text'],
  replicaData: ['Replica data', 'gb'],
  pointData: ['Recovery point data', 'gb'],
  // Tape Management
  library: ['Library', 'text'],
  location: ['Location', 'text'],
  barcode: ['Barcode', 'text'],
  label: ['Label', 'text'],
  status: ['Status', 'text'],
  dataSets: ['Data Sets', 'number'],
  expiry: ['Expiry', 'time'],
  writtenBy: ['Written by', 'text'],
  dpmdb: ['DPM database backup', 'time'],
  dpmdbOf: ['DPM database of', 'text', 'server'],
  backupTime: ['Backup time', 'time', 'time'],
  tapeWhere: ['Location', 'text', 'where'],
  reason: ['Reason', 'text'],
  slots: ['Slots', 'number'],
  tapes: ['Tapes', 'number'],
  freeTapes: ['Free tapes', 'number', 'free'],
} as const satisfies Record<string, ColumnSpec>;

type ColumnName = keyof typeof REPORT_COLUMNS | 'group';

/** A table section: what it is called, what it says when empty, and (when set) the column its rows are grouped on. */
export interface TableOptions {
  id: string;
  title: string;
  empty: string;
  groupColumn?: number;
}

/**
 * The tables of a report whose Group by column is headed `groupHeader` (Protection group or
 * Computer): a table names the columns it prints, in their order, and gives its rows.
 */
export function tableBuilder(groupHeader = 'Protection group') {
  const columns: Record<ColumnName, ColumnSpec> = { ...REPORT_COLUMNS, group: [groupHeader, 'text'] };
  return (
    { id, title, empty, groupColumn }: TableOptions,
    names: readonly ColumnName[],
    rows: Cell[][],
  ): ReportTable => ({
    kind: 'table',
    id,
    title,
    columns: names.map((name) => {
      const [header, kind, key = name] = columns[name];
      return { key, header, kind };
    }),
    rows,
    ...(groupColumn === undefined ? {} : { groupColumn }),
    empty,
  });
}
