import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { Job, Replica } from '../model';
import { replicaSubject, resolveAlert } from '../alerts/alerts';
import { setReplicaStatus } from '../protection/replica-status';
import { syncAgentCompatibility } from '../alerts/agent-compatibility';
import { LIMITS, isApplicationData, maxDiskRecoveryPoints, tapeRetentionDays } from '../protection/goals';
import { snapshotOf } from '../server/snapshot';
import { fail, replicaJobError, succeed } from './job-outcome';

const DAY = 24 * 60 * 60_000;
const YEAR = 365 * DAY;

/** Prunes a replica's disk or online recovery points beyond DPM's count limit, oldest first. */
function pruneRecoveryPoints(draft: Draft, replica: Replica, location: 'Disk' | 'Online', max: number): void {
  // A replica holds a few of its 64 or 512 as a rule: counted, not read (a day of `large` prunes 75,000 times).
  if (draft.countAtMost('recoveryPoints', 'replicaId', replica.id) <= max) return;
  const points = draft
    .where('recoveryPoints', 'replicaId', replica.id)
    .filter((rp) => rp.location === location)
    .sort((a, b) => a.time - b.time);
  for (let i = 0; i < points.length - max; i += 1) draft.del('recoveryPoints', (points[i] as { id: string }).id);
}

/** Ends a replica's protection job: replica creation, synchronization, recovery point, tape backup. */
export function completeProtectionJob(draft: Draft, ctx: Ctx, job: Job, replica: Replica): void {
  // The replica's volume went missing (a failed disk) or became invalid while the job ran: there
  // is nothing to write to, whatever the data source answers (found by the property tests).
  if (replica.status === 'Replica is missing' || replica.status === 'Replica is invalid') {
    fail(draft, ctx, job, {
      code: 'REPLICA_UNAVAILABLE',
      message: `The replica is "${replica.status}"; its volume can't be written to.`,
    });
    return;
  }
  const error = replicaJobError(draft, replica);
  if (error) {
    fail(draft, ctx, job, error);
    if (error.code === 'AGENT_INCOMPATIBLE' && job.computerId) syncAgentCompatibility(draft, ctx, job.computerId);
    if (job.type === 'Synchronization' && replica.status === 'OK')
      setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
    if (job.type === 'Consistency check' && replica.status === 'Replica inconsistent, verification in progress') {
      setReplicaStatus(draft, ctx, replica.id, 'Replica is inconsistent');
    }
    return;
  }
  const needsOk =
    job.type === 'Synchronization' ||
    job.type === 'Recovery point' ||
    job.type === 'Express full backup' ||
    job.type === 'Tape backup';
  if (needsOk && replica.status !== 'OK') {
    fail(draft, ctx, job, {
      code: 'REPLICA_INCONSISTENT',
      message: `The replica is "${replica.status}"; run a synchronization job with consistency check.`,
    });
    return;
  }
  const subject = replicaSubject(draft, replica);
  const ds = draft.get('dataSources', replica.dataSourceId);
  const group = replica.groupId ? draft.get('groups', replica.groupId) : undefined;
  if (job.type === 'Tape backup') {
    const libraryId = job.libraryId ?? group?.tape?.libraryId ?? null;
    const library = libraryId ? draft.get('libraries', libraryId) : undefined;
    if (library && !library.available) {
      fail(
        draft,
        ctx,
        { ...job, libraryId: library.id },
        { code: 'LIBRARY_NOT_AVAILABLE', message: `${library.name} is not available.` },
      );
      return;
    }
    const tape = (libraryId ? draft.where('tapes', 'libraryId', libraryId) : []).find(
      (t) => t.free && t.headerRead && t.location === 'Slot',
    );
    const server = draft.get('servers', replica.serverId);
    if (!tape || !server || !ds) {
      fail(draft, ctx, job, { code: 'NO_FREE_TAPE', message: 'No free tape is available in the library.' });
      return;
    }
    const expiresAt = group?.tape ? ctx.now + tapeRetentionDays(group.tape) * DAY : ctx.now + YEAR;
    draft.update('tapes', tape.id, {
      free: false,
      label: `${group?.name ?? 'Tape'}-LT-${tape.barcode}`,
      writtenBy: { serverId: server.id, serverName: server.name, generation: server.generation },
      dataSets: [
        {
          dataSourceId: ds.id,
          time: ctx.now,
          sizeGb: ds.sizeGb,
          dpmdb: ds.kind === 'DPMDB' ? snapshotOfComputer(draft, ds.computerId) : null,
        },
      ],
      expiresAt,
      encryptedWith: group?.tape?.encrypt ? `${server.name}-tape-encryption` : null,
    });
    draft.put('recoveryPoints', {
      id: ctx.newId('rp'),
      serverId: replica.serverId,
      replicaId: replica.id,
      dataSourceId: replica.dataSourceId,
      time: ctx.now,
      location: 'Tape',
      expiresAt,
      tapeId: tape.id,
      external: false,
      dpmdb: null,
      sizeGb: ds.sizeGb,
    });
    succeed(draft, ctx, job);
    resolveAlert(draft, ctx, 'Backup to tape failed', subject.serverId, subject.subjectId);
    return;
  }

  succeed(draft, ctx, job);
  const patch: Partial<Replica> = { lastSyncAt: ctx.now };
  // A check makes the replica OK only from the verification it started (DPM's protection status): if
  // the replica became inconsistent again while it ran (a switch of protection, Take Ownership),
  // this check does not cover that change and the replica waits for the next one.
  const verified =
    job.type === 'Consistency check' &&
    (replica.status === 'Replica inconsistent, verification in progress' || replica.status === 'OK');
  if (job.type === 'Replica creation' || verified) {
    setReplicaStatus(draft, ctx, replica.id, 'OK', { ...patch, dataRestored: false });
  } else {
    draft.update('replicas', replica.id, patch);
  }
  resolveAlert(draft, ctx, 'Synchronization failed', subject.serverId, subject.subjectId);
  if (job.type === 'Recovery point' || job.type === 'Express full backup') {
    if (!ds) return;
    // Create recovery point › Online (seed 001): kept online, up to the group's online count.
    const online = job.params.location === 'Online';
    draft.put('recoveryPoints', {
      id: ctx.newId('rp'),
      serverId: replica.serverId,
      replicaId: replica.id,
      dataSourceId: replica.dataSourceId,
      time: ctx.now,
      location: online ? 'Online' : 'Disk',
      expiresAt: ctx.now + (group?.disk?.retentionDays ?? 14) * DAY,
      tapeId: null,
      external: false,
      dpmdb: ds.kind === 'DPMDB' && replica.sourceServerId === null ? snapshotOfComputer(draft, ds.computerId) : null,
      sizeGb: Math.max(1, Math.round(ds.sizeGb * (isApplicationData(ds.kind) ? 1 : 0.05))),
    });
    if (online)
      pruneRecoveryPoints(
        draft,
        replica,
        'Online',
        Math.min(group?.online?.recoveryPoints ?? LIMITS.onlineRecoveryPoints, LIMITS.onlineRecoveryPoints),
      );
    else pruneRecoveryPoints(draft, replica, 'Disk', maxDiskRecoveryPoints(ds.kind));
    resolveAlert(draft, ctx, 'Recovery point creation failed', subject.serverId, subject.subjectId);
  }
}

function snapshotOfComputer(draft: Draft, computerId: string) {
  const serverId = draft.get('computers', computerId)?.dpmServerId;
  return serverId ? snapshotOf(draft, serverId) : null;
}
