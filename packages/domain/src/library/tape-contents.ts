import { Draft } from '../command';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { checkCertificate, tapeInLibrary } from './tape-command';

export interface TapeDataSetRow {
  dataSource: string;
  computer: string;
  time: number;
  sizeGb: number;
  databaseBackup: boolean;
}

/**
 * View tape contents: the data sets on a tape (data source, computer, time). Reading them needs
 * the tape's header and, for an encrypted tape, its certificate on this server (TAPE_CERTIFICATE).
 */
export function tapeContents(estate: Estate, tapeId: string): TapeDataSetRow[] | DomainError {
  const draft = new Draft(estate);
  const found = tapeInLibrary(draft, tapeId);
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (!tape.headerRead) return refuse('INVALID_STATE', `Tape ${tape.barcode} is Unknown: identify it or run a detailed inventory first.`, tape.id);
  const cert = checkCertificate(tape, server);
  if (cert) return cert;
  return tape.dataSets.map((d) => {
    const ds = estate.dataSources[d.dataSourceId];
    const computer = ds ? estate.computers[ds.computerId] : undefined;
    return { dataSource: ds?.name ?? (d.dpmdb ? `DPMDB_${d.dpmdb.serverName}` : 'Unknown data source'), computer: computer?.name ?? d.dpmdb?.serverName ?? 'Unknown computer', time: d.time, sizeGb: d.sizeGb, databaseBackup: d.dpmdb !== null };
  });
}
