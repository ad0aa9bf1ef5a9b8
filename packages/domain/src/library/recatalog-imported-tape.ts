import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { scheduleJob } from '../jobs/jobs';
import { isImported } from './tape-status';
import { checkCertificate, identifiedTape, tapeInUse } from './tape-command';

export interface RecatalogImportedTape {
  serverId: string;
  tapeId: string;
}

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
  const draft = new Draft(slice);
  const why = whyNotRecatalog(draft, cmd);
  if (why) return why;
  const tape = draft.get('tapes', cmd.tapeId);
  if (!tape?.libraryId) return notFound('tape', cmd.tapeId);
  scheduleJob(draft, ctx, {
    serverId: cmd.serverId,
    type: 'Tape recatalog',
    libraryId: tape.libraryId,
    tapeId: tape.id,
    totalGb: tape.dataSets.reduce((s, d) => s + d.sizeGb, 0),
    params: { dataSets: String(tape.dataSets.length) },
  });
  return draft.outcome();
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
