import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { DpmServer, Estate, JobType, Library, Tape } from '../model';
import type { DomainError } from '../errors';
import { isDomainError, notFound, refuse } from '../errors';
import { onlineServer } from '../guards';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import type { NewJob } from '../jobs/jobs';
import { activeJobsFor, scheduleJob } from '../jobs/jobs';
import { knownLibrary } from './library-on-server';

/** What a tape command names: the tape, under the DPM server whose library holds it. */
export type TapeCommand = Targets['tape'];

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

/**
 * The verb of a command that queues a job on a tape (Erase tape, Recatalog imported tape): once
 * `whyNot` allows it, a job of `type` on the tape in its library, with what `more` adds from the tape.
 */
export function scheduleTapeJob(
  slice: Estate,
  cmd: TapeCommand,
  ctx: Ctx,
  whyNot: (view: View, target: TapeCommand) => DomainError | null,
  type: JobType,
  more: (tape: Tape) => Partial<NewJob> = () => ({}),
): CommandResult {
  const draft = new Draft(slice);
  const why = whyNot(draft, cmd);
  if (why) return why;
  const tape = draft.get('tapes', cmd.tapeId);
  if (!tape?.libraryId) return notFound('tape', cmd.tapeId);
  scheduleJob(draft, ctx, { serverId: cmd.serverId, type, libraryId: tape.libraryId, tapeId: tape.id, ...more(tape) });
  return draft.outcome();
}
