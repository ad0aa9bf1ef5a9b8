import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { checkCertificate, identifiedTape } from './tape-command';
import { isCataloged } from './tape-status';

export interface TapeDataSetRow {
  dataSource: string;
  computer: string;
  time: number;
  sizeGb: number;
  databaseBackup: boolean;
}

/**
 * View tape contents: the tape's header must have been read, an imported tape recataloged (DPM
 * knows an imported tape's data sets only once it read them: seeds 000 and 001), and an
 * encrypted tape needs its certificate on this server (TAPE_CERTIFICATE).
 */
export function whyNotViewContents(view: View, target: Targets['tape']): DomainError | null {
  const found = identifiedTape(view, target);
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (!isCataloged(tape, server)) {
    return refuse(
      'NOT_CATALOGED',
      `Tape ${tape.barcode} is an imported tape that has not been recataloged. Recatalog imported tape first to read ` +
        `its contents.`,
      tape.id,
    );
  }
  return checkCertificate(tape, server);
}

/** View tape contents: the data sets on a tape (data source, computer, time). */
export function tapeContents(estate: Estate, target: Targets['tape']): TapeDataSetRow[] | DomainError {
  const draft = new Draft(estate);
  const why = whyNotViewContents(draft, target);
  if (why) return why;
  const tape = draft.get('tapes', target.tapeId);
  return (tape?.dataSets ?? []).map((d) => {
    const ds = draft.get('dataSources', d.dataSourceId);
    const computer = ds ? draft.get('computers', ds.computerId) : undefined;
    return {
      dataSource: ds?.name ?? (d.dpmdb ? `DPMDB_${d.dpmdb.serverName}` : 'Unknown data source'),
      computer: computer?.name ?? d.dpmdb?.serverName ?? 'Unknown computer',
      time: d.time,
      sizeGb: d.sizeGb,
      databaseBackup: d.dpmdb !== null,
    };
  });
}

/** A read: it changes nothing, and is refused exactly when tapeContents is. */
function viewContents(slice: Estate, cmd: Targets['tape'], _ctx: Ctx): CommandResult {
  const rows = tapeContents(slice, cmd);
  return isDomainError(rows) ? rows : { changes: [], events: [] };
}

export const viewContentsOperation = defineOperation<'tape', Targets['tape']>({
  id: 'tapes.view-contents',
  name: 'View tape contents',
  kind: 'tape',
  area: 'Management',
  role: 'Reader',
  whyNot: whyNotViewContents,
  run: viewContents,
});
