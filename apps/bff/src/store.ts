import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Ctx, Outcome } from '@dpm/domain/command';
import { applyChangesInPlace, buildIndexes } from '@dpm/domain/draft';
import type { DomainError } from '@dpm/domain/errors';
import { isDomainError } from '@dpm/domain/errors';
import type { Estate } from '@dpm/domain/model';
import type { Actor, ObjectKind, Operation } from '@dpm/domain/operations/operation';
import { perform } from '@dpm/domain/operations/operation';
import { TICK_INDEXES, tickSteps } from '@dpm/domain/jobs/tick';
import type { Steps } from '@dpm/domain/steps';
import type { Db } from '@dpm/db/client';
import { inTransaction } from '@dpm/db/client';
import { commitCheckpointingAside } from '@dpm/db/checkpoint';
import { committedRows, loadEstate, persistChanges, setMeta } from '@dpm/db/estate-repository';
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

/**
 * A new row's id. randomUUID's text is a tree of short strings (V8's cons strings, about 160 bytes
 * with the prefix joined on); reading a character makes V8 lay it out as one string of 56 bytes,
 * which the collector then keeps alone. A day of `large` makes 130,000 ids, held until committed.
 */
const newId = (prefix: string) => {
  const id = `${prefix}-${randomUUID()}`;
  id.charCodeAt(0);
  return id;
};

/**
 * The estate held in memory and written through to SQLite; its history (recovery points, finished
 * jobs) is read from SQLite as the domain asks for it. An operation runs against the in-memory
 * estate as its actor (role included), and its changes, and what `inTransaction` adds (the audit
 * entry, a passphrase hash), are committed in one transaction before they are applied in memory
 * and published; a refusal changes nothing.
 */
export class EstateStore {
  readonly estate: Estate;
  private simNow: number;
  private readonly sliceMs: number;
  private readonly checkpointAsideRows: number;
  private readonly listeners: ClockListener[] = [];

  constructor(
    readonly db: Db,
    readonly bus: EventBus,
    private readonly log: Logger,
    simulatedNow: number,
    {
      reads = db,
      sliceMs = 10,
      checkpointAsideRows = CHECKPOINT_ASIDE_ROWS,
    }: {
      /**
       * Where the estate reads its recovery points (history, not held in memory): a connection
       * that sees committed rows only, as the in-memory estate does until a commit.
       */
      reads?: Db;
      /** The longest the event loop is held by a clock advance before it answers others (ms). */
      sliceMs?: number;
      /** Past so many rows, a tick's commit leaves its checkpoint to a thread of its own. */
      checkpointAsideRows?: number;
    } = {},
  ) {
    this.sliceMs = sliceMs;
    this.checkpointAsideRows = checkpointAsideRows;
    this.estate = loadEstate(db, { historyFrom: reads });
    buildIndexes(this.estate, TICK_INDEXES);
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
    if (this.advancingNow) throw new Error('A command ran while the clock advanced: route it through exclusive().');
    const ctx: Ctx = { now: this.simNow, newId, actor: actor.name, role: actor.role };
    const result = perform(op, this.estate, cmd, ctx);
    if (isDomainError(result)) {
      this.log.info({ operation: op.id, code: result.code }, 'command refused');
      return result;
    }
    inTransaction(this.db, (tx) => {
      persistChanges(tx, result.changes, committedRows(this.estate));
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
   * Runs `fn` when no other change to the estate is under way (a command, a clock advance), and
   * holds others back until it is done: an advance that pauses to answer requests decides on an
   * estate nothing else changes meanwhile, and commands queue behind it in arrival order.
   */
  exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private queue: Promise<void> = Promise.resolve();

  /** Whether a clock advance is under way (between its first step and its commit). */
  get advancing(): boolean {
    return this.advancingNow;
  }

  private advancingNow = false;

  /**
   * Moves the simulated clock to `to`, running the jobs and schedules in between, and stopping
   * first wherever a clock listener comes due. `announce` publishes the new time (a manual
   * advance); in real time consoles extrapolate it themselves. Waits its turn (exclusive).
   */
  advanceTo(to: number, announce = false): Promise<Outcome> {
    return this.exclusive(() => this.advance(to, announce));
  }

  /** Moves the clock `ms` on from where it stands when this advance's turn comes (two in a row add up). */
  advanceBy(ms: number, announce = false): Promise<Outcome> {
    return this.exclusive(() => this.advance(this.simNow + ms, announce));
  }

  private async advance(to: number, announce: boolean): Promise<Outcome> {
    let all: Outcome = { changes: [], events: [] };
    for (;;) {
      const due = this.listeners
        .map((l) => l.nextDue(this.simNow, to))
        .filter((t): t is number => t !== null && t > this.simNow && t < to);
      const step = due.length > 0 ? Math.min(...due) : to;
      const outcome = await this.tickTo(step);
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

  /**
   * One tick, computed and written in slices of at most `sliceMs` of the event loop, so that
   * requests are answered meanwhile: reads see the estate before the tick (the in-memory estate
   * is unchanged until the commit, and the lists read from the read connection, which sees only
   * committed rows), and the rows and the new time are committed in one transaction. A crash
   * before the commit leaves the database at the old time, as if the tick had not begun.
   */
  private async tickTo(to: number): Promise<Outcome> {
    const from = this.simNow;
    this.advancingNow = true;
    try {
      const outcome = await paced(
        tickSteps(this.estate, from, to, { newId, actor: 'DPM', eventsInFull: EVENTS_IN_FULL }),
        this.sliceMs,
      );
      await this.commitPaced(outcome.changes, to);
      await this.applyPaced(outcome.changes);
      this.simNow = Math.max(from, to);
      this.bus.publish(outcome.events, this.simNow);
      return outcome;
    } finally {
      this.advancingNow = false;
    }
  }

  /**
   * Applies a committed tick to the in-memory estate in batches, pausing between them: what a
   * request reads meanwhile is each row either before or after the tick (the lists, from SQLite,
   * already show it all); commands still wait their turn.
   */
  private async applyPaced(changes: Outcome['changes']): Promise<void> {
    let started = performance.now();
    for (let i = 0; i < changes.length; i += WRITE_BATCH) {
      const batch = changes.length <= WRITE_BATCH ? changes : changes.slice(i, i + WRITE_BATCH);
      for (const l of this.changeListeners) l(batch, this.estate);
      applyChangesInPlace(this.estate, batch);
      if (performance.now() - started >= this.sliceMs) {
        await nextTurn();
        started = performance.now();
      }
    }
  }

  /** Writes a tick's rows and the clock in one transaction, pausing between batches. */
  private async commitPaced(changes: Outcome['changes'], to: number): Promise<void> {
    const sqlite = this.db.$client;
    sqlite.exec('BEGIN IMMEDIATE');
    try {
      const committed = committedRows(this.estate);
      let started = performance.now();
      for (let i = 0; i < changes.length; i += WRITE_BATCH) {
        persistChanges(this.db, changes.slice(i, i + WRITE_BATCH), committed);
        if (performance.now() - started >= this.sliceMs) {
          await nextTurn();
          started = performance.now();
        }
      }
      setMeta(this.db, META_CLOCK, String(to));
      // A long tick's WAL is copied into the file on a thread of its own, not in the COMMIT.
      if (changes.length < this.checkpointAsideRows) sqlite.exec('COMMIT');
      else
        commitCheckpointingAside(this.db).catch((err: unknown) =>
          this.log.warn({ err }, 'the checkpoint after a clock advance failed: a later commit makes it'),
        );
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw err;
    }
  }
}

/**
 * More events than a console follows one by one: past it, a tick's events are counted per kind and
 * server as they are made (EventLog), and the live stream carries one for each with how many.
 */
const EVENTS_IN_FULL = 1000;

/**
 * Past so many rows, a tick's commit leaves its checkpoint to a thread of its own (checkpoint.ts):
 * a real-time clock's tick of a second writes a few, and starts no thread.
 */
const CHECKPOINT_ASIDE_ROWS = 10_000;

/** Rows written, or applied in memory, between two checks of the time. */
const WRITE_BATCH = 500;

/** A turn of the event loop: whatever requests arrived meanwhile are answered first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs steps, giving the event loop a turn whenever one slice of work has taken `sliceMs`. */
async function paced<T>(steps: Steps<T>, sliceMs: number): Promise<T> {
  let started = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
    if (performance.now() - started >= sliceMs) {
      await nextTurn();
      started = performance.now();
    }
  }
}
