import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate, JobType } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { enabledLibrary } from './library-on-server';

export interface LibraryCommand {
  serverId: string;
  libraryId: string;
}

/** Rescan and the inventories: on an enabled library of an online server, one of each at a time. */
export function whyNotLibraryJob(view: View, target: Targets['library'], type: JobType): DomainError | null {
  const found = enabledLibrary(view, target.serverId, target.libraryId);
  if (isDomainError(found)) return found;
  if (activeJobsFor(view, 'libraryId', found.library.id).some((j) => j.type === type)) {
    return refuse(
      'CONFLICT',
      `A ${type.toLowerCase()} job is already running on ${found.library.name}.`,
      found.library.id,
    );
  }
  return null;
}

/** Schedules one library job of the type after its precondition. */
export function libraryJob(slice: Estate, cmd: LibraryCommand, type: JobType, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotLibraryJob(draft, cmd, type);
  if (why) return why;
  const tapes = draft.where('tapes', 'libraryId', cmd.libraryId).filter((t) => t.location !== 'Offsite').length;
  scheduleJob(draft, ctx, { serverId: cmd.serverId, type, libraryId: cmd.libraryId, params: { tapes: String(tapes) } });
  return draft.outcome();
}
