import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { libraryOf } from './library-on-server';

export interface SetLibraryDoor {
  libraryId: string;
  locked: boolean;
}

/** Lock library door / Unlock library door: DPM locks the door while it works with the tapes. */
export function setLibraryDoor(slice: Estate, cmd: SetLibraryDoor, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = libraryOf(draft, cmd.libraryId);
  if (isDomainError(found)) return found;
  const { library, server } = found;
  if (library.doorLocked === cmd.locked) return refuse('INVALID_STATE', `The door of ${library.name} is already ${cmd.locked ? 'locked' : 'unlocked'}.`, library.id);
  draft.update('libraries', library.id, { doorLocked: cmd.locked });
  draft.emit({ type: 'library.door', serverId: server.id, subjectId: library.id, summary: `${cmd.locked ? 'Locked' : 'Unlocked'} the door of ${library.name}` });
  return draft.outcome();
}
