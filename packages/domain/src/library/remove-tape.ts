import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { activeJobsFor } from '../jobs/jobs';
import { libraryOf } from './library-on-server';

export interface RemoveTape {
  serverId: string;
  tapeId: string;
}

/** Remove tape: a tape in a library of the server that no job uses. */
export function whyNotRemoveTape(view: View, target: Targets['tape']): DomainError | null {
  const tape = view.get('tapes', target.tapeId);
  const library = tape?.libraryId ? view.get('libraries', tape.libraryId) : undefined;
  if (!tape || !library || library.serverId !== target.serverId) return notFound('tape', target.tapeId);
  if (tape.location === 'Offsite') return refuse('INVALID_STATE', `Tape ${tape.barcode} is not in a library.`, tape.id);
  const found = libraryOf(view, target.serverId, library.id);
  if (isDomainError(found)) return found;
  if (activeJobsFor(view, 'tapeId', tape.id).length > 0)
    return refuse(
      'CONFLICT',
      `A job is using tape ${tape.barcode}; wait for it to finish before you remove the tape.`,
      tape.id,
    );
  return null;
}

/** Remove tape: DPM moves the tape to the I/E port and the operator takes it off-site. */
export function removeTape(slice: Estate, cmd: RemoveTape, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRemoveTape(draft, cmd);
  if (why) return why;
  const tape = draft.get('tapes', cmd.tapeId);
  const library = tape?.libraryId ? draft.get('libraries', tape.libraryId) : undefined;
  if (!tape || !library) return notFound('tape', cmd.tapeId);
  draft.update('tapes', tape.id, { location: 'Offsite', slot: null });
  draft.emit({
    type: 'tape.removed',
    serverId: cmd.serverId,
    subjectId: tape.id,
    summary: `Removed tape ${tape.barcode} from ${library.name}`,
  });
  return draft.outcome();
}

export const removeTapeOperation = defineOperation<'tape', RemoveTape>({
  id: 'tapes.remove',
  name: 'Remove tape',
  kind: 'tape',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotRemoveTape,
  run: removeTape,
});
