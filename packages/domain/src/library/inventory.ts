import type { CommandResult, Ctx } from '../command';
import type { Estate } from '../model';
import { defineOperation } from '../operations/operation';
import type { LibraryCommand } from './library-job';
import { libraryJob, whyNotLibraryJob } from './library-job';

export interface InventoryLibrary extends LibraryCommand {
  /** Fast inventory reads barcodes; Detailed inventory reads each tape's header (seed 000, step 8). */
  kind: 'Fast' | 'Detailed';
}

/** Inventory libraries… › Fast inventory / Detailed inventory. */
export function inventoryLibrary(slice: Estate, cmd: InventoryLibrary, ctx: Ctx): CommandResult {
  return libraryJob(slice, cmd, cmd.kind === 'Fast' ? 'Fast inventory' : 'Detailed inventory', ctx);
}

export const fastInventoryOperation = defineOperation<'library', InventoryLibrary>({
  id: 'libraries.fast-inventory',
  name: 'Fast inventory',
  kind: 'library',
  area: 'Management',
  role: 'Operator',
  whyNot: (view, target) => whyNotLibraryJob(view, target, 'Fast inventory'),
  run: inventoryLibrary,
});

export const detailedInventoryOperation = defineOperation<'library', InventoryLibrary>({
  id: 'libraries.detailed-inventory',
  name: 'Detailed inventory',
  kind: 'library',
  area: 'Management',
  role: 'Operator',
  whyNot: (view, target) => whyNotLibraryJob(view, target, 'Detailed inventory'),
  run: inventoryLibrary,
});
