import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { enabledLibrary } from './library-on-server';

export interface CleanDrive {
  serverId: string;
  libraryId: string;
}

/** Clean drive needs a cleaning tape in the library, and one cleaning at a time. */
export function whyNotCleanDrive(view: View, target: Targets['library']): DomainError | null {
  const found = enabledLibrary(view, target.serverId, target.libraryId);
  if (isDomainError(found)) return found;
  const { library } = found;
  if (!view.where('tapes', 'libraryId', library.id).some((t) => t.cleaning && t.location !== 'Offsite')) {
    return refuse(
      'INVALID_STATE',
      `${library.name} holds no cleaning tape. Add a cleaning tape through the I/E port first.`,
      library.id,
    );
  }
  if (activeJobsFor(view, 'libraryId', library.id).some((j) => j.type === 'Drive cleaning')) {
    return refuse('CONFLICT', `A drive cleaning job is already running on ${library.name}.`, library.id);
  }
  return null;
}

/** Clean drive: a Drive cleaning job with a cleaning tape of the library. */
export function cleanDrive(slice: Estate, cmd: CleanDrive, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotCleanDrive(draft, cmd);
  if (why) return why;
  const cleaner = draft.where('tapes', 'libraryId', cmd.libraryId).find((t) => t.cleaning && t.location !== 'Offsite');
  scheduleJob(draft, ctx, {
    serverId: cmd.serverId,
    type: 'Drive cleaning',
    libraryId: cmd.libraryId,
    tapeId: cleaner?.id ?? null,
  });
  return draft.outcome();
}

export const cleanDriveOperation = defineOperation<'library', CleanDrive>({
  id: 'libraries.clean-drive',
  name: 'Clean drive',
  kind: 'library',
  area: 'Management',
  role: 'Operator',
  whyNot: whyNotCleanDrive,
  run: cleanDrive,
});
