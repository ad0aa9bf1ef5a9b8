import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import { isImported } from './tape-status';
import { checkCertificate, tapeInLibrary } from './tape-command';

export interface RecatalogImportedTape {
  tapeId: string;
}

/**
 * Recatalog imported tape (seed 000, step 9): reads an imported tape's contents so its recovery
 * points appear under Recovery › External DPM Tapes. The tape's header must have been read by a
 * detailed inventory, and an encrypted tape needs its certificate.
 */
export function recatalogImportedTape(slice: Estate, cmd: RecatalogImportedTape, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = tapeInLibrary(draft, cmd.tapeId);
  if (isDomainError(found)) return found;
  const { tape, library, server } = found;
  if (!tape.headerRead) {
    return refuse('INVALID_STATE', `Tape ${tape.barcode} is Unknown: run a detailed inventory so DPM reads its header first.`, tape.id);
  }
  if (!isImported(tape, server)) return refuse('INVALID_STATE', `Tape ${tape.barcode} is not an imported tape.`, tape.id);
  const cert = checkCertificate(tape, server);
  if (cert) return cert;
  if (activeJobsFor(draft, 'tapeId', tape.id).length > 0) return refuse('CONFLICT', `A job is already using tape ${tape.barcode}.`, tape.id);
  scheduleJob(draft, ctx, {
    serverId: server.id,
    type: 'Tape recatalog',
    libraryId: library.id,
    tapeId: tape.id,
    totalGb: tape.dataSets.reduce((s, d) => s + d.sizeGb, 0),
    params: { dataSets: String(tape.dataSets.length) },
  });
  return draft.outcome();
}
