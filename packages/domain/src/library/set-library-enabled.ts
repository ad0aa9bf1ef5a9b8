import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { activeJobsFor } from '../jobs/jobs';
import { staleRefusal } from '../revisions';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { libraryOf } from './library-on-server';

export interface SetLibraryEnabled {
  serverId: string;
  libraryId: string;
  /** The state asked for: a request for the state the library is already in changes nothing. */
  enabled: boolean;
  /** The revision of the library the console showed (STALE). */
  expectedRevision?: number;
}

/** DPM won't disable a library while one of its jobs runs. */
export function whyNotEnabled(view: View, target: Targets['library'], enabled: boolean): DomainError | null {
  const found = libraryOf(view, target.serverId, target.libraryId);
  if (isDomainError(found)) return found;
  const { library } = found;
  if (library.enabled === enabled)
    return refuse('INVALID_STATE', `${library.name} is already ${enabled ? 'enabled' : 'disabled'}.`, library.id);
  if (!enabled && activeJobsFor(view, 'libraryId', library.id).length > 0) {
    return refuse(
      'CONFLICT',
      `Jobs are running on ${library.name}; wait for them to finish or cancel them before you disable the library.`,
      library.id,
    );
  }
  return null;
}

/**
 * Disable library / Enable library: a disabled library takes no jobs (tape commands refuse) until
 * it is enabled again.
 */
export function setLibraryEnabled(slice: Estate, cmd: SetLibraryEnabled, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotEnabled(draft, cmd, cmd.enabled);
  if (why) return why;
  const library = draft.get('libraries', cmd.libraryId);
  if (!library) return notFound('library', cmd.libraryId);
  const stale = staleRefusal(library.name, library.revision, cmd.expectedRevision, library.id);
  if (stale) return stale;
  draft.update('libraries', library.id, { enabled: cmd.enabled, revision: nextRevision(library.revision, ctx) });
  draft.emit({
    type: 'library.enabled',
    serverId: cmd.serverId,
    subjectId: library.id,
    summary: `${cmd.enabled ? 'Enabled' : 'Disabled'} ${library.name}`,
  });
  return draft.outcome();
}

export const disableLibraryOperation = defineOperation<'library', SetLibraryEnabled>({
  id: 'libraries.disable',
  name: 'Disable library',
  kind: 'library',
  area: 'Management',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('libraries', t.libraryId)?.enabled !== false,
  whyNot: (view, target) => whyNotEnabled(view, target, false),
  run: setLibraryEnabled,
});

export const enableLibraryOperation = defineOperation<'library', SetLibraryEnabled>({
  id: 'libraries.enable',
  name: 'Enable library',
  kind: 'library',
  area: 'Management',
  role: 'Administrator',
  appliesTo: (view, t) => view.get('libraries', t.libraryId)?.enabled !== true,
  whyNot: (view, target) => whyNotEnabled(view, target, true),
  run: setLibraryEnabled,
});
