import type { CommandResult, Ctx } from '../command';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { isImported } from './tape-status';
import { checkCertificate, identifiedTape, scheduleTapeJob, tapeInUse } from './tape-command';
import type { TapeCommand } from './tape-command';

export type RecatalogImportedTape = TapeCommand;

/**
 * Recatalog imported tape: an imported tape whose header a detailed inventory read, readable here
 * (its certificate installed), that no job uses.
 */
export function whyNotRecatalog(view: View, target: Targets['tape']): DomainError | null {
  const found = identifiedTape(view, target, { unknown: 'run a detailed inventory so DPM reads its header first' });
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (!isImported(tape, server))
    return refuse('INVALID_STATE', `Tape ${tape.barcode} is not an imported tape.`, tape.id);
  const cert = checkCertificate(tape, server);
  if (cert) return cert;
  return tapeInUse(view, tape);
}

/**
 * Recatalog imported tape (seed 000, step 9): reads an imported tape's contents so its recovery
 * points appear under Recovery › External DPM Tapes.
 */
export function recatalogImportedTape(slice: Estate, cmd: RecatalogImportedTape, ctx: Ctx): CommandResult {
  return scheduleTapeJob(slice, cmd, ctx, whyNotRecatalog, 'Tape recatalog', (tape) => ({
    totalGb: tape.dataSets.reduce((s, d) => s + d.sizeGb, 0),
    params: { dataSets: String(tape.dataSets.length) },
  }));
}

export const recatalogOperation = defineOperation<'tape', RecatalogImportedTape>({
  id: 'tapes.recatalog',
  name: 'Recatalog imported tape',
  kind: 'tape',
  area: 'Management',
  role: 'Operator',
  whyNot: whyNotRecatalog,
  run: recatalogImportedTape,
});
