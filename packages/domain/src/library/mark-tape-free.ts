import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { identifiedTape, liveRecoveryPoints } from './tape-command';
import type { TapeCommand } from './tape-command';

export type MarkTapeFree = TapeCommand;

/** Mark as free: a tape that is not free, whose header was read, with no recovery point this server keeps. */
export function whyNotMarkFree(view: View, target: Targets['tape']): DomainError | null {
  const found = identifiedTape(view, target, { notCleaning: true });
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (tape.free) return refuse('INVALID_STATE', `Tape ${tape.barcode} is already free.`, tape.id);
  if (liveRecoveryPoints(view, tape, server)) {
    return refuse(
      'INVALID_STATE',
      `Tape ${tape.barcode} holds recovery points that have not expired. They must expire before the tape can be ` +
        `marked as free.`,
      tape.id,
    );
  }
  return null;
}

/**
 * Mark as free: the tape may be overwritten. A tape holding recovery points this server still
 * keeps is refused; its data sets expire first (DPM asks for expired or imported tapes).
 */
export function markTapeFree(slice: Estate, cmd: MarkTapeFree, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotMarkFree(draft, cmd);
  if (why) return why;
  const tape = draft.get('tapes', cmd.tapeId);
  if (!tape) return notFound('tape', cmd.tapeId);
  for (const rp of draft.where('recoveryPoints', 'tapeId', tape.id))
    if (rp.serverId === cmd.serverId) draft.del('recoveryPoints', rp.id);
  draft.update('tapes', tape.id, { free: true, catalogedBy: null });
  draft.emit({
    type: 'tape.freed',
    serverId: cmd.serverId,
    subjectId: tape.id,
    summary: `Tape ${tape.barcode} marked as free`,
  });
  return draft.outcome();
}

export const markFreeOperation = defineOperation<'tape', MarkTapeFree>({
  id: 'tapes.mark-free',
  name: 'Mark as free',
  kind: 'tape',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotMarkFree,
  run: markTapeFree,
});
