import type { DpmServer } from '../model';
import type { DomainError } from '../errors';
import { refuse } from '../errors';
import type { View } from '../view';
import type { GoalsInput } from './goals';

/** The protection methods of Select Data Protection Method, as a group's request names them. */
export const PROTECTION_METHODS = ['Disk', 'Tape', 'Online'] as const;
export type ProtectionMethod = (typeof PROTECTION_METHODS)[number];

/**
 * Whether a DPM server can give a group a protection method: online protection needs the server
 * registered in a backup vault first (seed 001, "Back up to Azure": register the DPM server in
 * the vault, then set up the protection group), and long-term protection a tape library or drive
 * attached to it (seed 001, "Back up to tape").
 */
export function methodRefusal(view: View, server: DpmServer, method: ProtectionMethod): DomainError | null {
  if (method === 'Online' && server.online === null) {
    return refuse(
      'ONLINE_NOT_REGISTERED',
      `${server.name} is not registered for online protection. Register it in Management › Online with the vault ` +
        `credentials and a passphrase before a protection group uses I want online protection.`,
      'online',
    );
  }
  if (method === 'Tape' && view.where('libraries', 'serverId', server.id).length === 0) {
    return refuse(
      'NO_TAPE_LIBRARY',
      `No tape library or drive is attached to ${server.name}, so its protection groups can't use long-term ` +
        `protection on tape. Attach a library first.`,
      'tape',
    );
  }
  return null;
}

/**
 * The methods a command gives a group, checked on the server (methodRefusal), and the library the
 * tape goals name: one of the server's. `before` is the group being modified: a method it already
 * has is not checked again.
 */
export function checkMethods(
  view: View,
  server: DpmServer,
  goals: GoalsInput,
  before?: GoalsInput,
): DomainError | null {
  if (goals.online && !before?.online) {
    const why = methodRefusal(view, server, 'Online');
    if (why) return why;
  }
  if (goals.tape && !before?.tape) {
    const why = methodRefusal(view, server, 'Tape');
    if (why) return why;
  }
  if (goals.tape && goals.tape.libraryId !== before?.tape?.libraryId) {
    const libraryId = goals.tape.libraryId;
    const library = libraryId === null ? undefined : view.get('libraries', libraryId);
    if (!library || library.serverId !== server.id) {
      return refuse(
        'INVALID_INPUT',
        `Select the tape library of ${server.name} that writes the group's tapes.`,
        'tape.libraryId',
      );
    }
  }
  return null;
}
