import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Ctx, Outcome } from '@dpm/domain/command';
import { applyChangesInPlace } from '@dpm/domain/draft';
import type { DomainError } from '@dpm/domain/errors';
import { isDomainError } from '@dpm/domain/errors';
import type { Estate } from '@dpm/domain/model';
import type { Actor, ObjectKind, Operation } from '@dpm/domain/operations/operation';
import { perform } from '@dpm/domain/operations/operation';
import { tick } from '@dpm/domain/jobs/tick';
import type { Db } from '@dpm/db/client';
import { inTransaction } from '@dpm/db/client';
import { loadEstate, persistChanges, setMeta } from '@dpm/db/estate-repository';
import { META_CLOCK } from '@dpm/db/seed';
import type { EventBus } from './events';

/**
 * Something outside the estate that comes due on the simulated clock (a scheduled report): the
 * clock stops at each of its times, so it happens then, on the estate as it is at that time.
 */
export interface ClockListener {
  /** The earliest time in (from, to] it is due, or null. */
  nextDue(from: number, to: number): number | null;
  /** The clock reached `at` (committed): do what is due by then. */
  fire(at: number): void;
}

const newId = (prefix: string) => `${prefix}-${randomUUID()}`;

/**
 * The estate held in memory and written through to SQLite. An operation runs against the
 * in-memory estate as its actor (role included), and its changes, and what `inTransaction` adds
 * (the audit entry, a passphrase hash), are committed in one transaction before they are applied
 * in memory and published; a refusal changes nothing.
 */
export class EstateStore {
  readonly estate: Estate;
  private simNow: number;
  private readonly listeners: ClockListener[] = [];

  constructor(
    readonly db: Db,
    readonly bus: EventBus,
    private readonly log: Logger,
    simulatedNow: number,
  ) {
    this.estate = loadEstate(db);
    this.simNow = simulatedNow;
  }

  get now(): number {
    return this.simNow;
  }

  execute<C>(
    op: Operation<ObjectKind, C, string>,
    cmd: C,
    actor: Actor,
    inTransactionToo: (tx: Db, outcome: Outcome) => void,
  ): Outcome | DomainError {
    const ctx: Ctx = { now: this.simNow, newId, actor: actor.name, role: actor.role };
    const result = perform(op, this.estate, cmd, ctx);
    if (isDomainError(result)) {
      this.log.info({ operation: op.id, code: result.code }, 'command refused');
      return result;
    }
    inTransaction(this.db, (tx) => {
      persistChanges(tx, result.changes);
      inTransactionToo(tx, result);
    });
    for (const l of this.changeListeners) l(result.changes, this.estate);
    applyChangesInPlace(this.estate, result.changes);
    this.bus.publish(result.events, this.simNow);
    return result;
  }

  private readonly changeListeners: ((changes: Outcome['changes'], estate: Estate) => void)[] = [];

  /**
   * Called with every committed set of changes just before the estate has them, so that a read
   * model can compare each row with the one it replaces.
   */
  onChanges(listener: (changes: Outcome['changes'], estate: Estate) => void): void {
    this.changeListeners.push(listener);
  }

  onClock(listener: ClockListener): void {
    this.listeners.push(listener);
  }

  /**
   * Moves the simulated clock to `to`, running the jobs and schedules in between, and stopping
   * first wherever a clock listener comes due. `announce` publishes the new time (a manual
   * advance); in real time consoles extrapolate it themselves.
   */
  advanceTo(to: number, announce = false): Outcome {
    let all: Outcome = { changes: [], events: [] };
    for (;;) {
      const due = this.listeners
        .map((l) => l.nextDue(this.simNow, to))
        .filter((t): t is number => t !== null && t > this.simNow && t < to);
      const step = due.length > 0 ? Math.min(...due) : to;
      const outcome = this.tickTo(step);
      // concat, not push(...): a day of the large estate is hundreds of thousands of changes.
      all =
        all.changes.length === 0
          ? outcome
          : { changes: all.changes.concat(outcome.changes), events: all.events.concat(outcome.events) };
      for (const l of this.listeners) l.fire(this.simNow);
      if (step >= to) break;
    }
    if (announce)
      this.bus.publish(
        [{ type: 'clock', serverId: null, subjectId: 'clock', summary: String(this.simNow) }],
        this.simNow,
      );
    return all;
  }

  private tickTo(to: number): Outcome {
    const from = this.simNow;
    const outcome = tick(this.estate, from, to, { newId, actor: 'DPM' });
    inTransaction(this.db, (tx) => {
      persistChanges(tx, outcome.changes);
      setMeta(tx, META_CLOCK, String(to));
    });
    for (const l of this.changeListeners) l(outcome.changes, this.estate);
    applyChangesInPlace(this.estate, outcome.changes);
    this.simNow = Math.max(from, to);
    this.bus.publish(outcome.events, this.simNow);
    return outcome;
  }
}
