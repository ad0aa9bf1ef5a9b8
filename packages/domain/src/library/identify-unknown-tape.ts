import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { cleaningTape, tapeInLibrary } from './tape-command';
import type { TapeCommand } from './tape-command';

export type IdentifyUnknownTape = TapeCommand;

/** Identify unknown tape: a tape whose header was never read. */
export function whyNotIdentify(view: View, target: Targets['tape']): DomainError | null {
  const found = tapeInLibrary(view, target.serverId, target.tapeId);
  if (isDomainError(found)) return found;
  const { tape } = found;
  if (tape.cleaning) return cleaningTape(tape);
  if (tape.headerRead)
    return refuse('INVALID_STATE', `Tape ${tape.barcode} is not unknown: its header was already read.`, tape.id);
  return null;
}

/**
 * Identify unknown tape: DPM reads the header of one Unknown tape (what a detailed inventory does
 * for every tape), so it shows as Free, Imported or its label.
 */
export function identifyUnknownTape(slice: Estate, cmd: IdentifyUnknownTape, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotIdentify(draft, cmd);
  if (why) return why;
  const tape = draft.get('tapes', cmd.tapeId);
  if (!tape) return notFound('tape', cmd.tapeId);
  draft.update('tapes', tape.id, { inventoried: true, headerRead: true, free: tape.free || tape.writtenBy === null });
  draft.emit({
    type: 'tape.identified',
    serverId: cmd.serverId,
    subjectId: tape.id,
    summary: `Identified tape ${tape.barcode}`,
  });
  return draft.outcome();
}

export const identifyTapeOperation = defineOperation<'tape', IdentifyUnknownTape>({
  id: 'tapes.identify',
  name: 'Identify unknown tape',
  kind: 'tape',
  area: 'Management',
  role: 'Operator',
  whyNot: whyNotIdentify,
  run: identifyUnknownTape,
});
