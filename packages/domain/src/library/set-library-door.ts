import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { staleRefusal } from '../revisions';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { libraryOf } from './library-on-server';

export interface SetLibraryDoor {
  serverId: string;
  libraryId: string;
  /** The state asked for: a request for the state the door is already in changes nothing. */
  locked: boolean;
  /** The revision of the library the console showed (STALE). */
  expectedRevision?: number;
}

export function whyNotDoor(view: View, target: Targets['library'], locked: boolean): DomainError | null {
  const found = libraryOf(view, target.serverId, target.libraryId);
  if (isDomainError(found)) return found;
  const { library } = found;
  if (library.doorLocked === locked)
    return refuse(
      'INVALID_STATE',
      `The door of ${library.name} is already ${locked ? 'locked' : 'unlocked'}.`,
      library.id,
    );
  return null;
}

/** Lock library door / Unlock library door: DPM locks the door while it works with the tapes. */
export function setLibraryDoor(slice: Estate, cmd: SetLibraryDoor, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotDoor(draft, cmd, cmd.locked);
  if (why) return why;
  const library = draft.get('libraries', cmd.libraryId);
  if (!library) return notFound('library', cmd.libraryId);
  const stale = staleRefusal(library.name, library.revision, cmd.expectedRevision, library.id);
  if (stale) return stale;
  draft.update('libraries', library.id, { doorLocked: cmd.locked, revision: nextRevision(library.revision, ctx) });
  draft.emit({
    type: 'library.door',
    serverId: cmd.serverId,
    subjectId: library.id,
    summary: `${cmd.locked ? 'Locked' : 'Unlocked'} the door of ${library.name}`,
  });
  return draft.outcome();
}

export const lockDoorOperation = defineOperation<'library', SetLibraryDoor>({
  id: 'libraries.lock-door',
  name: 'Lock library door',
  kind: 'library',
  area: 'Management',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('libraries', t.libraryId)?.doorLocked !== true,
  whyNot: (view, target) => whyNotDoor(view, target, true),
  run: setLibraryDoor,
});

export const unlockDoorOperation = defineOperation<'library', SetLibraryDoor>({
  id: 'libraries.unlock-door',
  name: 'Unlock library door',
  kind: 'library',
  area: 'Management',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('libraries', t.libraryId)?.doorLocked !== false,
  whyNot: (view, target) => whyNotDoor(view, target, false),
  run: setLibraryDoor,
});
