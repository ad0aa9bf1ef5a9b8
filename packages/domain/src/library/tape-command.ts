import type { Draft } from '../command';
import type { DpmServer, Library, Tape } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';

/** A tape in an enabled library of an online server, with both: what tape commands start from. */
export function tapeInLibrary(draft: Draft, tapeId: string): { tape: Tape; library: Library; server: DpmServer } | DomainError {
  const tape = draft.get('tapes', tapeId);
  if (!tape) return notFound('tape', tapeId);
  const library = tape.libraryId ? draft.get('libraries', tape.libraryId) : undefined;
  if (!library || tape.location === 'Offsite') return refuse('INVALID_STATE', `Tape ${tape.barcode} is not in a library.`, tapeId);
  const server = onlineServer(draft, library.serverId);
  if (isDomainError(server)) return server;
  if (!library.enabled) return refuse('INVALID_STATE', `${library.name} is disabled. Enable the library first.`, library.id);
  return { tape, library, server };
}

/** TAPE_CERTIFICATE (seed 001): an encrypted tape is readable only where its certificate is installed. */
export function checkCertificate(tape: Tape, server: DpmServer): DomainError | null {
  if (tape.encryptedWith && !server.certificates.includes(tape.encryptedWith)) {
    return refuse(
      'TAPE_CERTIFICATE',
      `Tape ${tape.barcode} is encrypted with the certificate "${tape.encryptedWith}", which is not installed on ${server.name}. Install the certificate that encrypted the tape before you read it.`,
      tape.id,
    );
  }
  return null;
}
