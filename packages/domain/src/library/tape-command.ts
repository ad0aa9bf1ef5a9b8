import type { DpmServer, Library, Tape } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { activeJobsFor } from '../jobs/jobs';
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
 * A tape whose header DPM has read, in the server's library (tapeInLibrary): an Unknown tape is
 * refused with `unknown`, what to do first; with `notCleaning`, a cleaning tape is refused before.
 */
export function identifiedTape(
  view: View,
  target: Targets['tape'],
  opts: { notCleaning?: boolean; unknown?: string } = {},
): { tape: Tape; library: Library; server: DpmServer } | DomainError {
  const found = tapeInLibrary(view, target.serverId, target.tapeId);
  if (isDomainError(found)) return found;
  const { tape } = found;
  if (opts.notCleaning && tape.cleaning) return cleaningTape(tape);
  if (!tape.headerRead) {
    const unknown = opts.unknown ?? 'identify it or run a detailed inventory first';
    return refuse('INVALID_STATE', `Tape ${tape.barcode} is Unknown: ${unknown}.`, tape.id);
  }
  return found;
}

/** INVALID_STATE: a cleaning tape holds no data to read, erase, free or identify. */
export function cleaningTape(tape: Tape): DomainError {
  return refuse('INVALID_STATE', `Tape ${tape.barcode} is a cleaning tape.`, tape.id);
}

/** CONFLICT while a job uses the tape. */
export function tapeInUse(view: View, tape: Tape): DomainError | null {
  if (activeJobsFor(view, 'tapeId', tape.id).length > 0)
    return refuse('CONFLICT', `A job is already using tape ${tape.barcode}.`, tape.id);
  return null;
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
