import type { Revision } from './model';

/**
 * One error type for every refusal. `code` is stable (each rule's code, RuleCode) and is what
 * scripts and tests rely on; `message` is the sentence an administrator reads.
 */
export type RuleCode =
  | 'VERSION_MISMATCH'
  | 'ALREADY_PROTECTED_BY_DPM'
  | 'CHAIN_INDIRECT'
  | 'SELF_PROTECTION_BREAKS_CHAIN'
  | 'VSS_WRITER_STOPPED'
  | 'ALREADY_PROTECTED'
  | 'NO_EXCLUSIONS_ON_REPLICA'
  | 'SWITCHED_NO_SECONDARY'
  | 'MOVE_UNSUPPORTED'
  | 'DB_VERSION_MISMATCH'
  | 'FQDN_MISMATCH'
  | 'NOT_PENDING_FOR_RESTORE'
  | 'TAPE_CERTIFICATE'
  | 'NOT_CATALOGED'
  | 'TAPE_ONCE_A_DAY'
  | 'RETENTION_LIMITS'
  | 'CREDENTIALS_EXPIRED'
  | 'NOT_OWNER'
  | 'ALREADY_SWITCHED'
  | 'NOT_SWITCHED'
  | 'STALE'
  | 'ONLINE_NOT_REGISTERED'
  | 'NO_TAPE_LIBRARY';

/** Refusals that are not rules of the DPM documents but of the command itself. */
export type CommandCode =
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'SERVER_UNAVAILABLE'
  | 'CONFLICT'
  | 'INVALID_INPUT'
  | 'CREDENTIALS_INVALID'
  | 'FORBIDDEN';

export type ErrorCode = RuleCode | CommandCode;

export interface DomainError {
  readonly kind: 'DomainError';
  readonly code: ErrorCode;
  readonly message: string;
  /** The field or object the refusal is about, when there is one. */
  readonly target?: string;
  /** STALE: who changed the object last and when (simulated time), and its revision now. */
  readonly changed?: Revision;
}

export function refuse(code: ErrorCode, message: string, target?: string): DomainError {
  return target === undefined ? { kind: 'DomainError', code, message } : { kind: 'DomainError', code, message, target };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}

export function notFound(what: string, id: string): DomainError {
  return refuse('NOT_FOUND', `The ${what} "${id}" does not exist in this estate.`, id);
}

/** The three options seed 002 allows when a primary protected by a secondary is lost. */
export const MOVE_OPTIONS = [
  'Option 1: use Switch Disaster Protection on the secondary DPM server for the computer, and leave the secondary in ' +
    'this mode going forward.',
  'Option 2: rebuild the failed DPM server with the same name and restore its DPM database, so DPM resumes primary ' +
    'protection.',
  'Option 3: move protection of the computer to a new DPM server that the secondary DPM server does not know about.',
] as const;

/**
 * The options a DPM administrator has for the computers of a failed primary that a secondary
 * protects (seed 002): the three supported options; none for a server that is not in that case.
 */
export function supportedMoveOptions(server: { state: string }, protectedBy: readonly string[]): readonly string[] {
  return server.state === 'Failed' && protectedBy.length > 0 ? MOVE_OPTIONS : [];
}
