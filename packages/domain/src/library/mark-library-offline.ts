import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import { raiseAlert } from '../alerts/alerts';
import type { LibraryCommand } from './library-job';

/**
 * A rehearsal, like Mark as failed for a server: the library stops answering (power, cabling or
 * the SAN path lost). DPM marks it not available and raises Library not available; its jobs fail
 * until the administrator fixes it and runs Rescan (seed 000, step 6), which clears the alert.
 */
export function markLibraryOffline(slice: Estate, cmd: LibraryCommand, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const library = draft.get('libraries', cmd.libraryId);
  if (!library) return notFound('library', cmd.libraryId);
  if (!library.available) return refuse('INVALID_STATE', `${library.name} is already not available.`, library.id);
  draft.update('libraries', library.id, { available: false });
  raiseAlert(draft, ctx, 'Library not available', {
    serverId: library.serverId,
    subjectId: library.id,
    computerId: null,
    groupId: null,
    affectedArea: library.name,
  });
  draft.emit({
    type: 'library.offline',
    serverId: library.serverId,
    subjectId: library.id,
    summary: `${library.name} is not available`,
  });
  return draft.outcome();
}
