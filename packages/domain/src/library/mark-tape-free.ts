import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { tapeInLibrary } from './tape-command';

export interface MarkTapeFree {
  tapeId: string;
}

/**
 * Mark as free: the tape may be overwritten. A tape holding recovery points this server still
 * keeps is refused; its data sets expire first (DPM asks for expired or imported tapes).
 */
export function markTapeFree(slice: Estate, cmd: MarkTapeFree, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = tapeInLibrary(draft, cmd.tapeId);
  if (isDomainError(found)) return found;
  const { tape, server } = found;
  if (tape.free) return refuse('INVALID_STATE', `Tape ${tape.barcode} is already free.`, tape.id);
  const live = draft.where('recoveryPoints', 'tapeId', tape.id).some((rp) => rp.serverId === server.id && !rp.external && rp.expiresAt > ctx.now);
  if (live) {
    return refuse('INVALID_STATE', `Tape ${tape.barcode} holds recovery points that have not expired. They must expire before the tape can be marked as free.`, tape.id);
  }
  for (const rp of draft.where('recoveryPoints', 'tapeId', tape.id)) if (rp.serverId === server.id) draft.del('recoveryPoints', rp.id);
  draft.update('tapes', tape.id, { free: true, catalogedBy: null });
  draft.emit({ type: 'tape.freed', serverId: server.id, subjectId: tape.id, summary: `Tape ${tape.barcode} marked as free` });
  return draft.outcome();
}
