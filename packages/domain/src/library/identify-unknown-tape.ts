import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { tapeInLibrary } from './tape-command';

export interface IdentifyUnknownTape {
  tapeId: string;
}

/**
 * Identify unknown tape: DPM reads the header of one Unknown tape (what a detailed inventory does
 * for every tape), so it shows as Free, Imported or its label.
 */
export function identifyUnknownTape(slice: Estate, cmd: IdentifyUnknownTape, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = tapeInLibrary(draft, cmd.tapeId);
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (tape.headerRead) return refuse('INVALID_STATE', `Tape ${tape.barcode} is not unknown: its header was already read.`, tape.id);
  if (tape.cleaning) return refuse('INVALID_STATE', `Tape ${tape.barcode} is a cleaning tape.`, tape.id);
  draft.update('tapes', tape.id, { inventoried: true, headerRead: true, free: tape.free || tape.writtenBy === null });
  draft.emit({ type: 'tape.identified', serverId: server.id, subjectId: tape.id, summary: `Identified tape ${tape.barcode}` });
  return draft.outcome();
}
