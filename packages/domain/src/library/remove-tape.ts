import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { activeJobsFor } from '../jobs/jobs';
import { libraryOf } from './library-on-server';

export interface RemoveTape {
  tapeId: string;
}

/** Remove tape: DPM moves the tape to the I/E port and the operator takes it off-site. */
export function removeTape(slice: Estate, cmd: RemoveTape, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const tape = draft.get('tapes', cmd.tapeId);
  if (!tape) return notFound('tape', cmd.tapeId);
  if (!tape.libraryId || tape.location === 'Offsite') return refuse('INVALID_STATE', `Tape ${tape.barcode} is not in a library.`, tape.id);
  const found = libraryOf(draft, tape.libraryId);
  if (isDomainError(found)) return found;
  const { library, server } = found;
  if (activeJobsFor(draft, 'tapeId', tape.id).length > 0) return refuse('CONFLICT', `A job is using tape ${tape.barcode}; wait for it to finish before you remove the tape.`, tape.id);
  draft.update('tapes', tape.id, { location: 'Offsite', slot: null });
  draft.emit({ type: 'tape.removed', serverId: server.id, subjectId: tape.id, summary: `Removed tape ${tape.barcode} from ${library.name}` });
  return draft.outcome();
}
