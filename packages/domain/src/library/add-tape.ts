import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, refuse } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { enabledLibrary } from './library-on-server';

export interface AddTape {
  serverId: string;
  libraryId: string;
  barcode: string;
  /** A cleaning cartridge rather than a data tape. */
  cleaning: boolean;
}

/**
 * Add tape (I/E port): the tape inserted in the I/E port goes to the first free slot. DPM reads
 * its barcode; its header stays unread (Unknown) until Identify unknown tape or a detailed inventory.
 */
/** Add tape (I/E port): an enabled library with a free slot. */
export function whyNotAddTape(view: View, target: Targets['library']): DomainError | null {
  const found = enabledLibrary(view, target.serverId, target.libraryId);
  if (isDomainError(found)) return found;
  const { library } = found;
  const inLibrary = view.where('tapes', 'libraryId', library.id).filter((t) => t.location !== 'Offsite').length;
  if (inLibrary >= library.slots)
    return refuse('INVALID_STATE', `Every slot of ${library.name} is full. Remove a tape first.`, library.id);
  return null;
}

export function addTape(slice: Estate, cmd: AddTape, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotAddTape(draft, cmd);
  if (why) return why;
  const found = enabledLibrary(draft, cmd.serverId, cmd.libraryId);
  if (isDomainError(found)) return found;
  const { library, server } = found;
  const barcode = cmd.barcode.trim().toUpperCase();
  if (!/^[A-Z0-9]{1,16}$/.test(barcode))
    return refuse('INVALID_INPUT', 'A barcode has 1 to 16 letters and digits.', 'barcode');
  if (draft.all('tapes').some((t) => t.barcode === barcode))
    return refuse('CONFLICT', `A tape with the barcode ${barcode} is already known.`, 'barcode');
  const inLibrary = draft.where('tapes', 'libraryId', library.id).filter((t) => t.location !== 'Offsite');
  const used = new Set(inLibrary.map((t) => t.slot));
  let slot = 1;
  while (used.has(slot) && slot <= library.slots) slot += 1;
  if (slot > library.slots)
    return refuse('INVALID_STATE', `Every slot of ${library.name} is full. Remove a tape first.`, library.id);
  const tape = draft.put('tapes', {
    id: ctx.newId('tape'),
    libraryId: library.id,
    slot,
    location: 'Slot',
    barcode,
    label: null,
    writtenBy: null,
    dataSets: [],
    encryptedWith: null,
    expiresAt: null,
    free: !cmd.cleaning,
    inventoried: true,
    headerRead: false,
    catalogedBy: null,
    suspect: false,
    cleaning: cmd.cleaning,
  });
  draft.emit({
    type: 'tape.added',
    serverId: server.id,
    subjectId: tape.id,
    summary: `Added tape ${barcode} to slot ${slot} of ${library.name}`,
  });
  return draft.outcome();
}

export const addTapeOperation = defineOperation<'library', AddTape>({
  id: 'libraries.add-tape',
  name: 'Add tape (I/E port)',
  kind: 'library',
  area: 'Management',
  role: 'Administrator',
  whyNot: whyNotAddTape,
  run: addTape,
});
