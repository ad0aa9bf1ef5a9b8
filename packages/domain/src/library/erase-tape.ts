import type { CommandResult, Ctx } from '../command';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { identifiedTape, liveRecoveryPoints, scheduleTapeJob, tapeInUse } from './tape-command';
import type { TapeCommand } from './tape-command';

export type EraseTape = TapeCommand;

/** Erase tape: not while it holds recovery points this server keeps, nor while a job uses it. */
export function whyNotErase(view: View, target: Targets['tape']): DomainError | null {
  const found = identifiedTape(view, target, { notCleaning: true });
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (liveRecoveryPoints(view, tape, server))
    return refuse(
      'INVALID_STATE',
      `Tape ${tape.barcode} holds recovery points that have not expired and can't be erased.`,
      tape.id,
    );
  return tapeInUse(view, tape);
}

/** Erase tape: a Tape erase data job. */
export function eraseTape(slice: Estate, cmd: EraseTape, ctx: Ctx): CommandResult {
  return scheduleTapeJob(slice, cmd, ctx, whyNotErase, 'Tape erase data');
}

export const eraseTapeOperation = defineOperation<'tape', EraseTape>({
  id: 'tapes.erase',
  name: 'Erase tape',
  kind: 'tape',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotErase,
  run: eraseTape,
});
