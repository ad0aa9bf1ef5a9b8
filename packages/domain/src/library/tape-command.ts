import type { DpmServer, Library, Tape } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import { knownLibrary } from './library-on-server';

/** A tape in an enabled library of the given online server, with both: what tape commands start from. */
export function tapeInLibrary(
  view: View,
  serverId: string,
  tapeId: string,
): { tape: Tape; library: Library; server: DpmServer } | DomainError {
  const tape = view.get('tapes', tapeId);
  const library = tape?.libraryId ? view.get('libraries', tape.libraryId) : undefined;
  if (!tape || !library || library.serverId !== serverId) return notFound('tape', tapeId);
  if (tape.location === 'Offsite') return refuse('INVALID_STATE', `Tape ${tape.barcode} is not in a library.`, tapeId);
  const server = onlineServer(view, library.serverId);
  if (isDomainError(server)) return server;
  // A tape of a library the server's DPM database has not detected is no tape of its (Rescan first).
  if (!knownLibrary(library, server)) return notFound('tape', tapeId);
  if (!library.enabled)
    return refuse('INVALID_STATE', `${library.name} is disabled. Enable the library first.`, library.id);
  return { tape, library, server };
}

/**
 * Whether the tape holds recovery points this server keeps: the clock expires recovery points as
 * it passes their expiry (jobs/tick.ts), so every one still in the catalog is unexpired.
 */
export function liveRecoveryPoints(view: View, tape: Tape, server: DpmServer): boolean {
  return view.where('recoveryPoints', 'tapeId', tape.id).some((rp) => rp.serverId === server.id && !rp.external);
}

/** TAPE_CERTIFICATE (seed 001): an encrypted tape is readable only where its certificate is installed. */
export function checkCertificate(tape: Tape, server: DpmServer): DomainError | null {
  if (tape.encryptedWith && !server.certificates.includes(tape.encryptedWith)) {
    return refuse(
      'TAPE_CERTIFICATE',
      `Tape ${tape.barcode} is encrypted with the certificate "${tape.encryptedWith}", which is not installed on ` +
        `${server.name}. Install the certificate that encrypted the tape before you read it.`,
      tape.id,
    );
  }
  return null;
}
