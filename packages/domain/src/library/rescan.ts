import type { CommandResult, Ctx } from '../command';
import type { Estate } from '../model';
import type { LibraryCommand } from './library-job';
import { libraryJob } from './library-job';

/** Rescan (seed 000, step 6): detects the library's drives and slots again. */
export function rescanLibrary(slice: Estate, cmd: LibraryCommand, ctx: Ctx): CommandResult {
  return libraryJob(slice, cmd.libraryId, 'Library rescan', ctx);
}
