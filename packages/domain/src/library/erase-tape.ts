import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import { tapeInLibrary } from './tape-command';

export interface EraseTape {
  tapeId: string;
}

/** Erase tape: a Tape erase data job; a tape with unexpired recovery points of this server is refused. */
export function eraseTape(slice: Estate, cmd: EraseTape, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = tapeInLibrary(draft, cmd.tapeId);
  if (isDomainError(found)) return found;
  const { tape, library, server } = found;
  const live = draft.where('recoveryPoints', 'tapeId', tape.id).some((rp) => rp.serverId === server.id && !rp.external && rp.expiresAt > ctx.now);
  if (live) return refuse('INVALID_STATE', `Tape ${tape.barcode} holds recovery points that have not expired and can't be erased.`, tape.id);
  if (activeJobsFor(draft, 'tapeId', tape.id).length > 0) return refuse('CONFLICT', `A job is already using tape ${tape.barcode}.`, tape.id);
  scheduleJob(draft, ctx, { serverId: server.id, type: 'Tape erase data', libraryId: library.id, tapeId: tape.id });
  return draft.outcome();
}
