import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { scheduleJob } from '../jobs/jobs';
import { identifiedTape, liveRecoveryPoints, tapeInUse } from './tape-command';

export interface EraseTape {
  serverId: string;
  tapeId: string;
}

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
  const draft = new Draft(slice);
  const why = whyNotErase(draft, cmd);
  if (why) return why;
  const tape = draft.get('tapes', cmd.tapeId);
  if (!tape?.libraryId) return notFound('tape', cmd.tapeId);
  scheduleJob(draft, ctx, {
    serverId: cmd.serverId,
    type: 'Tape erase data',
    libraryId: tape.libraryId,
    tapeId: tape.id,
  });
  return draft.outcome();
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
