import type { CommandResult, Ctx } from '../command';
import type { Estate } from '../model';
import type { LibraryCommand } from './library-job';
import { libraryJob } from './library-job';

export interface InventoryLibrary extends LibraryCommand {
  /** Fast inventory reads barcodes; Detailed inventory reads each tape's header (seed 000, step 8). */
  kind: 'Fast' | 'Detailed';
}

export function inventoryLibrary(slice: Estate, cmd: InventoryLibrary, ctx: Ctx): CommandResult {
  return libraryJob(slice, cmd.libraryId, cmd.kind === 'Fast' ? 'Fast inventory' : 'Detailed inventory', ctx);
}
