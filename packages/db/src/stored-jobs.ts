import { isJobActive } from '@dpm/domain/jobs/job-status';
import type { Job } from '@dpm/domain/model';
import { emptyTable } from '@dpm/domain/model';
import type { StoredRows } from '@dpm/domain/stored-rows';
import type { Scalar } from '@dpm/domain/table-index';
import { fieldValue, indexOf, ownRow, reindex } from '@dpm/domain/table-index';
import type { Db } from './client';
import { StoredTable } from './stored-table';

/**
 * The jobs a server holds: those scheduled or in progress in memory, where the tick and the
 * commands decide on them, and the finished ones (history: 50,000 on a fresh `large`, 80,000 more
 * each simulated day, without end on a clock that runs in real time) read from SQLite as they are
 * asked for. Reads see the estate as it was last applied: a finished job not yet applied is still
 * the active one held, and a job committed as scheduled waits to be applied to be found.
 */
export class StoredJobs implements StoredRows<Job> {
  readonly stored = true;
  readonly #active: Record<string, Job> = emptyTable();
  readonly #finished: StoredTable<'jobs', Job>;

  /** `active`: the jobs not yet finished, held from the start (loadEstate reads them). */
  constructor(db: Db, active: Iterable<Job>) {
    this.#finished = new StoredTable(db, 'jobs');
    for (const job of active) if (isJobActive(job.status)) this.#active[job.id] = job;
  }

  get(id: string): Job | undefined {
    return ownRow(this.#active, id) ?? this.finished([this.#finished.get(id)])[0];
  }

  where(field: string, value: Scalar): Job[] {
    const held = this.held(field, [value]);
    // Every job scheduled or in progress is held: the tick asks for them by status, in memory.
    if (field === 'status' && isJobActive(value as Job['status'])) return held;
    return held.concat(this.finished(this.#finished.where(field, value)));
  }

  /** Whole jobs, `fields` or not: held and stored ones are told apart by their status. */
  whereIn(field: string, values: readonly Scalar[]): Job[] {
    return this.held(field, [...new Set(values)]).concat(this.finished(this.#finished.whereIn(field, values)));
  }

  /** The held jobs alone: every job scheduled or in progress, none finished. */
  heldWhere(field: string, value: Scalar): Job[] {
    return this.held(field, [value]);
  }

  atMost(field: string, max: number): Job[] {
    const held = Object.values(this.#active).filter((j) => {
      const v = fieldValue(j, field);
      return typeof v === 'number' && v <= max;
    });
    return held.concat(this.finished(this.#finished.atMost(field, max)));
  }

  all(): Job[] {
    return Object.values(this.#active).concat(this.finished(this.#finished.all()));
  }

  /** A committed change: a job still active is held as it now is, a finished or deleted one let go. */
  applyCommitted(id: string, row: Job | undefined): void {
    const before = ownRow(this.#active, id);
    const after = row !== undefined && isJobActive(row.status) ? row : undefined;
    if (before === undefined && after === undefined) return;
    if (after === undefined) delete this.#active[id];
    else this.#active[id] = after;
    reindex(this.#active, id, before, after);
  }

  /** How many jobs are held in memory (the scheduled and running ones). */
  get heldCount(): number {
    return Object.keys(this.#active).length;
  }

  /** The held jobs whose `field` is one of `values`, through the index kept on the held jobs. */
  private held(field: string, values: readonly Scalar[]): Job[] {
    const out: Job[] = [];
    const index = indexOf(this.#active, field);
    for (const value of values) {
      for (const id of index.get(value) ?? []) {
        const job = this.#active[id];
        if (job !== undefined) out.push(job);
      }
    }
    return out;
  }

  /**
   * Stored rows of finished jobs the memory does not hold: a job held as active is read as held
   * (its finish is not applied yet), and one stored as active is not applied yet either.
   */
  private finished(rows: readonly (Job | undefined)[]): Job[] {
    const out: Job[] = [];
    for (const job of rows)
      if (job !== undefined && !isJobActive(job.status) && ownRow(this.#active, job.id) === undefined) out.push(job);
    return out;
  }
}
