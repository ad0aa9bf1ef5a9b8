import type { EntityName, EntityOf, Revision } from './model';
import type { DomainError } from './errors';
import type { Role } from './roles';

/*
 * The contract of every command: what it is given (Ctx) and what it returns (Outcome: the changes
 * to commit and the events to publish, or the DomainError that refused it). The Draft a command
 * writes through, and the indexes behind its lookups, are in draft.ts.
 */

/**
 * What a command is given besides its slice: the simulated time, an id source and who acts (with
 * the role they act in; DPM's own work on the clock has none).
 */
export interface Ctx {
  now: number;
  newId: (prefix: string) => string;
  actor: string;
  role?: Role;
}

/** The next revision of an edited object: one more, by the actor, now (STALE). */
export function nextRevision(current: Revision, ctx: Pick<Ctx, 'actor' | 'now'>): Revision {
  return { n: current.n + 1, by: ctx.actor, at: ctx.now };
}

export type Change =
  | { [K in EntityName]: { op: 'put'; entity: K; value: EntityOf<K> } }[EntityName]
  | { op: 'del'; entity: EntityName; id: string };

/** A domain event: what happened, for the audit trail and the live event stream. */
export interface DomainEvent {
  type: string;
  serverId: string | null;
  subjectId: string;
  summary: string;
}

export interface Outcome {
  changes: Change[];
  events: DomainEvent[];
}

export type CommandResult = Outcome | DomainError;
