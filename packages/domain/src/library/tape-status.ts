import type { DpmServer, Tape } from '../model';

export type TapeStatus = 'Free' | 'Imported' | 'Unknown' | 'Suspect' | 'Cleaning' | string;

/**
 * The Status column of a tape as the server it is in sees it (Management › Libraries): a tape written
 * by another DPM server, or by this one before it was reinstalled, is Imported; a tape whose
 * header was never read is Unknown; one this server wrote shows its label.
 */
export function tapeStatus(tape: Tape, server: Pick<DpmServer, 'id' | 'generation'>): TapeStatus {
  if (tape.cleaning) return 'Cleaning';
  if (tape.suspect) return 'Suspect';
  if (!tape.headerRead) return 'Unknown';
  if (tape.free || !tape.writtenBy) return 'Free';
  if (isImported(tape, server)) return 'Imported';
  return tape.label ?? 'Free';
}

export function isImported(tape: Tape, server: Pick<DpmServer, 'id' | 'generation'>): boolean {
  return (
    tape.writtenBy !== null &&
    !tape.free &&
    (tape.writtenBy.serverId !== server.id || tape.writtenBy.generation !== server.generation)
  );
}

export function isCataloged(tape: Tape, server: Pick<DpmServer, 'id' | 'generation'>): boolean {
  if (!isImported(tape, server)) return true;
  return tape.catalogedBy?.serverId === server.id && tape.catalogedBy.generation === server.generation;
}
