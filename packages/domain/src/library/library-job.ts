import type { CommandResult, Ctx } from '../command';
import { Draft } from '../command';
import type { Estate, JobType } from '../model';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';

export interface LibraryCommand {
  libraryId: string;
}

/** Rescan and the inventories run as jobs on a library that is enabled, one of each at a time. */
export function libraryJob(slice: Estate, libraryId: string, type: JobType, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const library = draft.get('libraries', libraryId);
  if (!library) return notFound('library', libraryId);
  const server = onlineServer(draft, library.serverId);
  if (isDomainError(server)) return server;
  if (!library.enabled) return refuse('INVALID_STATE', `${library.name} is disabled. Enable the library first.`, libraryId);
  if (activeJobsFor(draft, 'libraryId', libraryId).some((j) => j.type === type)) {
    return refuse('CONFLICT', `A ${type.toLowerCase()} job is already running on ${library.name}.`, libraryId);
  }
  const tapes = draft.where('tapes', 'libraryId', libraryId).filter((t) => t.location !== 'Offsite').length;
  scheduleJob(draft, ctx, { serverId: server.id, type, libraryId, params: { tapes: String(tapes) } });
  return draft.outcome();
}
