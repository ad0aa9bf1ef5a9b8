import type { DataSource } from '../model';

export interface RecoverableItem {
  /** Full path as the Recovery work area shows it, e.g. `C:\Data\Sales\Q3 forecast.xlsx`. */
  path: string;
  type: 'Folder' | 'File';
  sizeGb: number;
}

/** File data is recovered item by item; application data (SQL, system state, DPMDB) only whole. */
export function hasItems(kind: DataSource['kind']): boolean {
  return kind === 'Volume' || kind === 'Share' || kind === 'Folder';
}

const TREE: { path: string; type: RecoverableItem['type']; share: number }[] = [
  { path: 'Data\\', type: 'Folder', share: 0.4 },
  { path: 'Data\\Reports\\Quarterly report.docx', type: 'File', share: 0.0001 },
  { path: 'Data\\Sales\\Q3 forecast.xlsx', type: 'File', share: 0.0002 },
  { path: 'Projects\\', type: 'Folder', share: 0.3 },
  { path: 'Projects\\Migration plan.vsdx', type: 'File', share: 0.0003 },
  { path: 'Users\\', type: 'Folder', share: 0.2 },
];

/**
 * What a recovery point of a data source holds, as the Recovery work area lists it under
 * Recoverable items. The simulated file system is the same for every recovery point of a data
 * source; sizes are shares of the data source's size.
 */
export function recoverableItems(ds: DataSource): RecoverableItem[] {
  if (!hasItems(ds.kind)) return [];
  const root = ds.name.endsWith('\\') ? ds.name : `${ds.name}\\`;
  return TREE.map((i) => ({
    path: `${root}${i.path}`,
    type: i.type,
    sizeGb: Math.max(0.001, Math.round(ds.sizeGb * i.share * 1000) / 1000),
  }));
}
