import type { Cell, CellKind, ReportTable } from './document';

/**
 * A column as a report declares it: the header it prints, the kind of its cells and, where two
 * columns of a report share a key with other headers, the key it goes by (else its name).
 */
export type ColumnSpec = readonly [header: string, kind: CellKind, key?: string];

/** The columns several reports print, each with the one header and kind DPM's reports give it. */
export const SHARED_COLUMNS = {
  server: ['DPM server', 'text'],
  computer: ['Computer', 'text'],
  dataSource: ['Data source', 'text'],
  members: ['Members', 'number'],
  library: ['Library', 'text'],
  barcode: ['Barcode', 'text'],
  label: ['Label', 'text'],
  expiry: ['Expiry', 'time'],
  allocated: ['Allocated', 'gb'],
  used: ['Used', 'gb'],
  capacity: ['Capacity', 'gb'],
  replicas: ['Replicas', 'number'],
  expected: ['Expected on disk', 'number'],
  available: ['Available on disk', 'number'],
  achieved: ['Achieved', 'percent'],
  tape: ['On tape', 'number'],
  online: ['Online', 'number'],
  oldest: ['Oldest', 'time'],
  newest: ['Newest', 'time'],
  failed: ['Failed', 'number'],
  rate: ['Success rate', 'percent'],
} as const satisfies Record<string, ColumnSpec>;

/** A table section: what it is called, what it says when empty, and (when set) the column its rows are grouped on. */
export interface TableOptions {
  id: string;
  title: string;
  empty: string;
  groupColumn?: number;
}

/**
 * The table builder of a report over its dictionary of columns (each declared once): a table names
 * the keys of the columns it prints, in their order, and gives its rows.
 */
export function tableBuilder<K extends string>(columns: Record<K, ColumnSpec>) {
  return ({ id, title, empty, groupColumn }: TableOptions, keys: readonly K[], rows: Cell[][]): ReportTable => ({
    kind: 'table',
    id,
    title,
    columns: keys.map((name) => {
      const [header, kind, key = name] = columns[name];
      return { key, header, kind };
    }),
    rows,
    ...(groupColumn === undefined ? {} : { groupColumn }),
    empty,
  });
}
