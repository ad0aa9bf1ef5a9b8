import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { activeJobsFor } from '../jobs/jobs';
import { libraryOf } from './library-on-server';

export interface SetLibraryEnabled {
  libraryId: string;
  enabled: boolean;
}

/**
 * Disable library / Enable library: a disabled library takes no jobs (tape commands refuse) until
 * it is enabled again. DPM won't disable a library while one of its jobs runs.
 */
export function setLibraryEnabled(slice: Estate, cmd: SetLibraryEnabled, _ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = libraryOf(draft, cmd.libraryId);
  if (isDomainError(found)) return found;
  const { library, server } = found;
  if (library.enabled === cmd.enabled) return refuse('INVALID_STATE', `${library.name} is already ${cmd.enabled ? 'enabled' : 'disabled'}.`, library.id);
  if (!cmd.enabled && activeJobsFor(draft, 'libraryId', library.id).length > 0) {
    return refuse('CONFLICT', `Jobs are running on ${library.name}; wait for them to finish or cancel them before you disable the library.`, library.id);
  }
  draft.update('libraries', library.id, { enabled: cmd.enabled });
  draft.emit({ type: 'library.enabled', serverId: server.id, subjectId: library.id, summary: `${cmd.enabled ? 'Enabled' : 'Disabled'} ${library.name}` });
  return draft.outcome();
}
