import type { CommandResult, Ctx } from '../command';
import type { Estate } from '../model';
import { defineOperation } from '../operations/operation';
import type { LibraryCommand } from './library-job';
import { libraryJob, whyNotLibraryJob } from './library-job';

/** Rescan (seed 000, step 6): detects the library's drives and slots again. */
export function rescanLibrary(slice: Estate, cmd: LibraryCommand, ctx: Ctx): CommandResult {
  return libraryJob(slice, cmd, 'Library rescan', ctx);
}

export const rescanOperation = defineOperation<'library', LibraryCommand>({
  id: 'libraries.rescan',
  name: 'Rescan',
  kind: 'library',
  area: 'Management',
  role: 'Operator',
  whyNot: (view, target) => whyNotLibraryJob(view, target, 'Library rescan'),
  run: rescanLibrary,
});
