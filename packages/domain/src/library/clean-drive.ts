import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate } from '../model';
import { isDomainError, refuse } from '../errors';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import { libraryOf } from './library-on-server';

export interface CleanDrive {
  libraryId: string;
}

/** Clean drive: a Drive cleaning job with a cleaning tape of the library. */
export function cleanDrive(slice: Estate, cmd: CleanDrive, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const found = libraryOf(draft, cmd.libraryId);
  if (isDomainError(found)) return found;
  const { library, server } = found;
  if (!library.enabled) return refuse('INVALID_STATE', `${library.name} is disabled. Enable the library first.`, library.id);
  const cleaner = draft.where('tapes', 'libraryId', library.id).find((t) => t.cleaning && t.location !== 'Offsite');
  if (!cleaner) return refuse('INVALID_STATE', `${library.name} holds no cleaning tape. Add a cleaning tape through the I/E port first.`, library.id);
  if (activeJobsFor(draft, 'libraryId', library.id).some((j) => j.type === 'Drive cleaning')) {
    return refuse('CONFLICT', `A drive cleaning job is already running on ${library.name}.`, library.id);
  }
  scheduleJob(draft, ctx, { serverId: server.id, type: 'Drive cleaning', libraryId: library.id, tapeId: cleaner.id });
  return draft.outcome();
}
