import type { DomainError } from './errors';
import { refuse } from './errors';
import type { Revision } from './model';

/** A simulated time as the console's messages write it: 2026-12-02 06:30 UTC. */
export function formatSimulatedTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * STALE: an edit made from revision `expected` of an object that has changed since. The refusal
 * says who changed it and when and carries its current revision; no expected revision (a script
 * that states none) means "whatever it is now".
 */
export function staleRefusal(
  what: string,
  current: Revision,
  expected: number | undefined,
  target?: string,
): DomainError | null {
  if (expected === undefined || expected === current.n) return null;
  const refusal = refuse(
    'STALE',
    `${what} was changed by ${current.by} at ${formatSimulatedTime(current.at)} since you opened it. Nothing was ` +
      `changed: review its current settings and try again.`,
    target,
  );
  return { ...refusal, changed: current };
}
