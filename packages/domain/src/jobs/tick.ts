import type { Ctx, Outcome } from '../command';
import { Draft, eachRow } from '../draft';
import type { EntityName, Estate, Job, RecoveryPoint } from '../model';
import { isStored } from '../stored-rows';
import { setReplicaStatus } from '../protection/replica-status';
import { completeJob, replicaJobError } from './complete';
import { jobDuration } from './jobs';
import type { Steps } from '../steps';
import { drain } from '../steps';
import { scheduleSteps } from './schedule';

const DAY = 24 * 60 * 60_000;
/** DPM inactivates Recovery succeeded alerts by itself after three days. */
const RECOVERY_SUCCEEDED_TTL = 3 * DAY;
/** Jobs run, and rows looked at, between two pauses of tickSteps. */
const JOB_STEP = 64;
const ROW_STEP = 4096;

/** `eventsInFull`: past so many events, the tick's are counted per kind and server (EventLog). */
export type TickCtx = Omit<Ctx, 'now'> & { eventsInFull?: number };

/** The lookups a tick makes through the draft's indexes (a server builds them at start: buildIndexes). */
export const TICK_INDEXES = [
  ['jobs', 'status'],
  ['jobs', 'serverId'],
  ['recoveryPoints', 'replicaId'],
  ['replicas', 'serverId'],
  ['alerts', 'subjectId'],
  ['groups', 'serverId'],
] as const satisfies readonly (readonly [EntityName, string])[];

/** Ids in code-unit order: cheap for the tens of thousands of jobs a long tick sorts, and the same everywhere. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Moves the estate's clock from `from` to `to`: queues what the schedules ask for, starts due
 * jobs, advances running ones in proportion to their data, completes them with their effects,
 * and expires recovery points past their retention. Pure: same estate and times, same outcome.
 */
export function tick(estate: Estate, from: number, to: number, ctx: TickCtx): Outcome {
  return drain(tickSteps(estate, from, to, ctx));
}

/**
 * tick in steps: it pauses after every few replicas, jobs and recovery points, so that a server
 * moving the clock a long way answers requests meanwhile. Its outcome is tick's; the estate must
 * not change until the last step.
 */
export function* tickSteps(estate: Estate, from: number, to: number, ctx: TickCtx): Steps<Outcome> {
  const draft = new Draft(estate, ctx.eventsInFull);
  if (to <= from) return draft.outcome();
  const at = (now: number): Ctx => ({ ...ctx, now });

  yield* scheduleSteps(draft, at(from), from, to, Object.values(estate.replicas));

  // Start and run jobs in the order they were due, so effects follow each other in time.
  const scheduled = draft.where('jobs', 'status', 'Scheduled');
  yield;
  const pending = [...scheduled, ...draft.where('jobs', 'status', 'In progress')].sort(
    (a, b) => (a.startedAt ?? a.scheduledAt) - (b.startedAt ?? b.scheduledAt) || byCodeUnits(a.id, b.id),
  );
  let n = 0;
  for (const queued of pending) {
    if (++n % JOB_STEP === 0) yield;
    let job: Job = queued;
    if (job.scheduledAt > to) continue;
    const server = draft.get('servers', job.serverId);
    if (!server || server.state !== 'Online' || server.service !== 'Running') continue;
    // A protection job that can't reach its data source (access denied, no agent, not the owner)
    // fails when it starts, as DPM's does; it does not run for as long as its data would take.
    let blocked = false;
    if (job.status === 'Scheduled') {
      const startedAt = Math.max(job.scheduledAt, from);
      job = draft.update('jobs', job.id, { status: 'In progress', startedAt });
      draft.emit({ type: 'job.started', serverId: job.serverId, subjectId: job.id, summary: `${job.type} started` });
      blocked = PROTECTION_JOBS.has(job.type) && job.replicaId !== null && blockedNow(draft, job.replicaId);
      if (!blocked) onStart(draft, at(startedAt), job);
    }
    const startedAt = job.startedAt ?? from;
    const end = blocked ? startedAt : startedAt + jobDuration(job);
    if (end <= to) {
      completeJob(draft, at(end), job);
    } else {
      const transferredGb = Math.round(job.totalGb * ((to - startedAt) / (end - startedAt)) * 100) / 100;
      if (transferredGb !== job.transferredGb) {
        draft.update('jobs', job.id, { transferredGb });
        draft.emit({
          type: 'job.progress',
          serverId: job.serverId,
          subjectId: job.id,
          summary: `${job.type} ${Math.round((100 * transferredGb) / Math.max(job.totalGb, 0.01))}%`,
        });
      }
    }
  }

  yield;
  for (const rp of expiringBy(estate, to)) {
    if (++n % ROW_STEP === 0) yield;
    if (!rp.external) draft.del('recoveryPoints', rp.id);
  }
  for (const a of Object.values(estate.alerts)) {
    if (++n % ROW_STEP === 0) yield;
    if (a.name === 'Recovery succeeded' && a.state === 'Active' && a.raisedAt + RECOVERY_SUCCEEDED_TTL <= to) {
      draft.update('alerts', a.id, { state: 'Inactive', resolvedAt: a.raisedAt + RECOVERY_SUCCEEDED_TTL });
    }
  }
  return draft.outcome();
}

/**
 * The recovery points whose retention ends by `to`: stored ones through the database's index on
 * their expiry, those in memory by a walk of them all.
 */
function* expiringBy(estate: Estate, to: number): Generator<RecoveryPoint> {
  const points = estate.recoveryPoints;
  if (isStored(points)) {
    yield* points.atMost('expiresAt', to);
    return;
  }
  for (const rp of eachRow(points, 'replicaId')) if (rp.expiresAt <= to) yield rp;
}

const PROTECTION_JOBS = new Set<Job['type']>([
  'Replica creation',
  'Synchronization',
  'Consistency check',
  'Recovery point',
  'Express full backup',
  'Tape backup',
]);

function blockedNow(draft: Draft, replicaId: string): boolean {
  const replica = draft.get('replicas', replicaId);
  return replica !== undefined && replica.groupId !== null && replicaJobError(draft, replica) !== null;
}

function onStart(draft: Draft, ctx: Ctx, job: Job): void {
  if (job.type !== 'Consistency check' || !job.replicaId) return;
  const replica = draft.get('replicas', job.replicaId);
  if (!replica) return;
  const restored = replica.status === 'Manual replica creation pending' && replica.dataRestored;
  if (replica.status === 'Replica is inconsistent' || restored) {
    setReplicaStatus(draft, ctx, replica.id, 'Replica inconsistent, verification in progress');
  }
}
