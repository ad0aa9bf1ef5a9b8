import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Job, JobType, Replica } from '../model';
import { isApplicationData, isTapeDay } from '../protection/goals';
import type { Steps } from '../steps';
import { drain } from '../steps';
import { scheduleJob } from './jobs';

const DAY = 24 * 60 * 60_000;
const MINUTE = 60_000;
/** Replicas scheduled between two pauses of scheduleSteps. */
const STEP = 256;

/** The latest time in (from, to] that falls on one of the given times of day (of the days `onDay` accepts), if any. */
export function lastOccurrence(
  from: number,
  to: number,
  minutesOfDay: readonly number[],
  onDay: (day: number) => boolean = () => true,
): number | null {
  let best: number | null = null;
  for (let day = Math.floor(from / DAY) * DAY; day <= to; day += DAY) {
    if (!onDay(day)) continue;
    for (const m of minutesOfDay) {
      const t = day + m * MINUTE;
      if (t > from && t <= to && (best === null || t > best)) best = t;
    }
  }
  return best;
}

/** Scheduled and running job types by replica, built once per tick. */
export function activeJobTypes(jobs: Iterable<Job>): Map<string, Set<JobType>> {
  const index = new Map<string, Set<JobType>>();
  for (const j of jobs) {
    if (j.replicaId === null || (j.status !== 'Scheduled' && j.status !== 'In progress')) continue;
    const set = index.get(j.replicaId) ?? new Set<JobType>();
    set.add(j.type);
    index.set(j.replicaId, set);
  }
  return index;
}

/**
 * Starts what the protection groups' schedules ask for between `from` and `to`: synchronizations
 * at their frequency, recovery points and express full backups at their times of day, the daily
 * tape backup and consistency check. A replica never has two jobs of one type queued: a clock
 * that jumps ahead catches up with one job, as DPM does after downtime.
 */
export function scheduleProtectionJobs(
  draft: Draft,
  ctx: Ctx,
  from: number,
  to: number,
  replicas: Iterable<Replica>,
): void {
  drain(scheduleSteps(draft, ctx, from, to, replicas));
}

/** scheduleProtectionJobs in steps: it pauses (yields) after every few replicas, for a caller sharing its thread. */
export function* scheduleSteps(
  draft: Draft,
  ctx: Ctx,
  from: number,
  to: number,
  replicas: Iterable<Replica>,
): Steps<void> {
  let n = 0;
  const active = activeJobTypes([
    ...draft.where('jobs', 'status', 'Scheduled'),
    ...draft.where('jobs', 'status', 'In progress'),
  ]);
  for (const r of replicas) {
    if (++n % STEP === 0) yield;
    if (r.groupId === null) continue;
    const server = draft.get('servers', r.serverId);
    if (!server || server.state !== 'Online' || server.service !== 'Running') continue;
    const group = draft.get('groups', r.groupId);
    const ds = draft.get('dataSources', r.dataSourceId);
    if (!group || !ds) continue;
    // A server that does not own the computer's agent protects nothing of it (a switch moved the
    // agent, or the primary waits to take ownership back): its schedule stays quiet rather than
    // failing every job, and Agent Ownership Required (or the secondary) says what to do.
    if (!ownsAgentOf(draft, r, ds.computerId)) continue;
    const queued = active.get(r.id) ?? new Set<JobType>();
    const queue = (type: JobType, at: number, totalGb: number, params: Record<string, string> = {}) => {
      if (queued.has(type)) return;
      queued.add(type);
      scheduleJob(
        draft,
        { ...ctx, now: at },
        {
          serverId: r.serverId,
          type,
          replicaId: r.id,
          dataSourceId: ds.id,
          groupId: group.id,
          computerId: ds.computerId,
          libraryId: type === 'Tape backup' ? (group.tape?.libraryId ?? null) : null,
          totalGb,
          params,
        },
      );
    };
    const delta = Math.max(0.1, Math.round(ds.sizeGb * 0.02 * 10) / 10);

    if (r.status === 'Replica is inconsistent' && group.consistencyCheck.runIfInconsistent) {
      queue('Consistency check', from, ds.sizeGb);
    }
    if (group.consistencyCheck.dailyAt !== null && r.status === 'Replica is inconsistent') {
      const at = lastOccurrence(from, to, [group.consistencyCheck.dailyAt]);
      if (at !== null) queue('Consistency check', at, ds.sizeGb);
    }
    if (r.status !== 'OK') continue;
    const disk = group.disk;
    if (disk) {
      if (disk.syncFrequencyMinutes > 0) {
        const due = (r.lastSyncAt ?? r.createdAt) + disk.syncFrequencyMinutes * MINUTE;
        if (due <= to) queue('Synchronization', Math.max(due, from), delta);
      }
      const app = isApplicationData(ds.kind);
      const times = app ? disk.expressFullTimes : disk.recoveryPointTimes;
      const at = lastOccurrence(from, to, times);
      if (at !== null) queue(app ? 'Express full backup' : 'Recovery point', at, delta, { location: 'Disk' });
    }
    if (group.tape) {
      const tape = group.tape;
      const at = lastOccurrence(from, to, [tape.backupTime], (day) => isTapeDay(tape.frequency, day));
      if (at !== null) queue('Tape backup', at, ds.sizeGb, { location: 'Tape' });
    }
  }
}

/** Whether a replica's server owns the agent its jobs go through (its own data needs none). */
function ownsAgentOf(draft: Draft, r: Replica, computerId: string): boolean {
  if (r.sourceServerId !== null && !r.switched) return true;
  const computer = draft.get('computers', computerId);
  if (!computer || computer.dpmServerId === r.serverId || !computer.agent) return true;
  return computer.agent.ownerId === r.serverId;
}
