import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { View } from '../view';
import { switchedTo } from '../protection/switch-protection';
import type { Job, Replica } from '../model';
import type { AlertName } from '../model';
import { raiseAlert, replicaSubject, resolveAlert } from '../alerts/alerts';
import { setReplicaStatus } from '../protection/replica-status';
import { connectivityError, recordContact } from '../agents/connectivity';
import { agentIncompatibility, syncAgentCompatibility } from '../alerts/agent-compatibility';
import { LIMITS, isApplicationData, maxDiskRecoveryPoints, tapeRetentionDays } from '../protection/goals';
import { snapshotOf } from '../server/snapshot';
import { isImported } from '../library/tape-status';

const DAY = 24 * 60 * 60_000;
const YEAR = 365 * DAY;

type JobError = { code: string; message: string };

/**
 * Why a replica's protection job can't reach its data source now, or null. Read-only: the same
 * cause decides whether a job fails at once, what its alert recommends (recommendedOperation) and
 * whether the schedule queues it at all.
 */
export function replicaJobError(draft: View, replica: Replica): JobError | null {
  const server = draft.get('servers', replica.serverId);
  const ds = draft.get('dataSources', replica.dataSourceId);
  if (!server || !ds) return { code: 'NOT_FOUND', message: 'The data source no longer exists.' };
  if (replica.sourceServerId !== null && !replica.switched) {
    const primary = draft.get('servers', replica.sourceServerId);
    if (!primary || primary.state !== 'Online') {
      return {
        code: 'PRIMARY_UNAVAILABLE',
        message:
          `The primary DPM server ${primary?.name ?? replica.sourceServerId} that holds the replica is not ` +
          `available.`,
      };
    }
    const holder = draft.get('computers', primary.computerId);
    if (holder?.agent?.ownerId !== server.id) {
      return { code: 'NOT_OWNER', message: `${server.name} does not own the protection agent on ${primary.name}.` };
    }
    return null;
  }
  const computer = draft.get('computers', ds.computerId);
  // A DPM server's own data goes through its local agent (seed 001, backup to the storage pool).
  if (computer?.dpmServerId === server.id) return null;
  if (!computer?.agent)
    return { code: 'AGENT_MISSING', message: `${computer?.name ?? ds.computerId} has no protection agent.` };
  if (computer.agent.ownerId !== server.id) {
    const secondary = switchedTo(draft, computer.id, server.id);
    if (secondary) {
      const name = draft.get('servers', secondary)?.name ?? 'its secondary DPM server';
      return {
        code: 'NOT_OWNER',
        message:
          `Protection of ${computer.name} is switched to ${name}, which owns its protection agent. ` +
          `${server.name} protects ${computer.name} again once ${name} switches protection back and ${server.name} ` +
          `takes ownership.`,
      };
    }
    const owner = computer.agent.ownerId;
    const ownerName = owner ? (draft.get('servers', owner)?.name ?? 'another DPM server') : 'no DPM server';
    return {
      code: 'NOT_OWNER',
      message:
        `The protection agent on ${computer.name} is owned by ${ownerName}. ` +
        `${server.name} must take ownership of it.`,
    };
  }
  if (computer.agent.status === 'Unreachable')
    return { code: 'AGENT_UNREACHABLE', message: `The protection agent on ${computer.name} is not reachable.` };
  if (computer.agent.status === 'Disabled')
    return { code: 'AGENT_DISABLED', message: `Protection is disabled for the agent on ${computer.name}.` };
  return agentIncompatibility(computer, server) ?? connectivityError(computer, server);
}

const FAILURE_ALERT: Partial<Record<Job['type'], AlertName>> = {
  Synchronization: 'Synchronization failed',
  'Replica creation': 'Synchronization failed',
  'Consistency check': 'Synchronization failed',
  'Recovery point': 'Recovery point creation failed',
  'Express full backup': 'Recovery point creation failed',
  'Tape backup': 'Backup to tape failed',
  'Detailed inventory': 'Detailed inventory failed',
  'Disk recovery': 'Recovery failed',
  'Tape recovery': 'Recovery failed',
};

function fail(draft: Draft, ctx: Ctx, job: Job, error: JobError): void {
  draft.update('jobs', job.id, { status: 'Failed', finishedAt: ctx.now, error });
  // The job contacted the agent and was refused: its status says so until the cause is fixed.
  const server = draft.get('servers', job.serverId);
  if (error.code === 'AGENT_ACCESS_DENIED' && job.computerId && server) recordContact(draft, job.computerId, server);
  draft.emit({
    type: 'job.failed',
    serverId: job.serverId,
    subjectId: job.id,
    summary: `${job.type} failed: ${error.message}`,
  });
  if (error.code === 'LIBRARY_NOT_AVAILABLE' && job.libraryId) {
    const library = draft.get('libraries', job.libraryId);
    if (library)
      raiseAlert(draft, ctx, 'Library not available', {
        serverId: library.serverId,
        subjectId: library.id,
        computerId: null,
        groupId: null,
        affectedArea: library.name,
      });
  }
  const alert = FAILURE_ALERT[job.type];
  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  if (replica && alert) {
    raiseAlert(draft, ctx, alert, replicaSubject(draft, replica), error.message);
  } else if (alert) {
    const library = job.libraryId ? draft.get('libraries', job.libraryId) : undefined;
    raiseAlert(
      draft,
      ctx,
      alert,
      {
        serverId: job.serverId,
        subjectId: job.libraryId ?? job.dataSourceId ?? job.id,
        computerId: job.computerId,
        groupId: job.groupId,
        affectedArea: library?.name ?? draft.get('dataSources', job.dataSourceId ?? '')?.name ?? job.type,
      },
      error.message,
    );
  }
}

function succeed(draft: Draft, ctx: Ctx, job: Job): void {
  draft.update('jobs', job.id, { status: 'Completed', finishedAt: ctx.now, transferredGb: job.totalGb, error: null });
  draft.emit({ type: 'job.completed', serverId: job.serverId, subjectId: job.id, summary: `${job.type} completed` });
}

/** Prunes a replica's disk or online recovery points beyond DPM's count limit, oldest first. */
function pruneRecoveryPoints(draft: Draft, replica: Replica, location: 'Disk' | 'Online', max: number): void {
  const points = draft
    .where('recoveryPoints', 'replicaId', replica.id)
    .filter((rp) => rp.location === location)
    .sort((a, b) => a.time - b.time);
  for (let i = 0; i < points.length - max; i += 1) draft.del('recoveryPoints', (points[i] as { id: string }).id);
}

/** Ends a running job at `ctx.now` with DPM's effects on the estate. */
export function completeJob(draft: Draft, ctx: Ctx, job: Job): void {
  const replica = job.replicaId ? draft.get('replicas', job.replicaId) : undefined;
  if (job.replicaId && (!replica || replica.groupId === null)) {
    draft.update('jobs', job.id, { status: 'Canceled', finishedAt: ctx.now });
    return;
  }
  switch (job.type) {
    case 'Replica creation':
    case 'Synchronization':
    case 'Consistency check':
    case 'Recovery point':
    case 'Express full backup':
    case 'Tape backup':
      return completeProtectionJob(draft, ctx, job, replica as Replica);
    case 'Disk recovery':
    case 'Tape recovery':
      return completeRecovery(draft, ctx, job, replica);
    default:
      return completeLibraryJob(draft, ctx, job);
  }
}

function completeProtectionJob(draft: Draft, ctx: Ctx, job: Job, replica: Replica): void {
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

function completeRecovery(draft: Draft, ctx: Ctx, job: Job, replica: Replica | undefined): void {
  const rp = draft.get('recoveryPoints', job.params.recoveryPointId ?? '');
  const source = rp ? draft.get('servers', rp.serverId) : undefined;
  const toReplica = job.params.recoveryType === 'Restore to replica';
  let error: JobError | null = null;
  if (!rp) error = { code: 'RECOVERY_POINT_EXPIRED', message: 'The recovery point no longer exists.' };
  else if (!source || source.state !== 'Online')
    error = {
      code: 'SOURCE_UNAVAILABLE',
      message: `The DPM server ${source?.name ?? ''} that holds the recovery point is not available.`,
    };
  else if (job.params.simulateFailure === 'true')
    error = { code: 'RECOVERY_FAILED', message: 'The data could not be copied to the replica (rehearsed failure).' };

  const ds = draft.get('dataSources', job.dataSourceId ?? '');
  const subject = replica
    ? replicaSubject(draft, replica)
    : {
        serverId: job.serverId,
        subjectId: job.dataSourceId ?? job.id,
        computerId: job.computerId,
        groupId: null,
        affectedArea: ds?.name ?? job.type,
      };
  if (error) {
    fail(draft, ctx, job, error);
    if (toReplica && replica) {
      const server = draft.get('servers', replica.serverId);
      const failures = server?.replicaRestoreFailures[replica.dataSourceId] ?? 0;
      if (server) {
        draft.update('servers', server.id, {
          replicaRestoreFailures: { ...server.replicaRestoreFailures, [replica.dataSourceId]: failures + 1 },
        });
      }
      // Seed 000: the first failure leaves the replica inconsistent; a failure after it was
      // deleted and added again manually marks it invalid.
      setReplicaStatus(draft, ctx, replica.id, failures >= 1 ? 'Replica is invalid' : 'Replica is inconsistent');
    }
    return;
  }
  succeed(draft, ctx, job);
  if (toReplica && replica) draft.update('replicas', replica.id, { dataRestored: true });
  resolveAlert(draft, ctx, 'Recovery failed', subject.serverId, subject.subjectId);
  const what = job.params.items ? `Recovered ${job.params.items}` : 'Recovered';
  raiseAlert(
    draft,
    ctx,
    'Recovery succeeded',
    subject,
    job.params.destination ? `${what} to ${job.params.destination}.` : job.params.items ? `${what}.` : undefined,
  );
}

/** Rescan: every library attached to the server is detected, known to its DPMDB, and available again. */
function completeRescan(draft: Draft, ctx: Ctx, job: Job): void {
  const server = draft.get('servers', job.serverId);
  if (!server) {
    fail(draft, ctx, job, { code: 'NOT_FOUND', message: 'The DPM server no longer exists.' });
    return;
  }
  // A job queued before Rescan became the server's (one library) rescans that library only.
  const libraries = draft
    .where('libraries', 'serverId', server.id)
    .filter((l) => job.libraryId === null || l.id === job.libraryId);
  for (const library of libraries) {
    draft.update('libraries', library.id, { lastRescanAt: ctx.now, available: true });
    resolveAlert(draft, ctx, 'Library not available', server.id, library.id);
  }
  succeed(draft, ctx, job);
}

function completeLibraryJob(draft: Draft, ctx: Ctx, job: Job): void {
  if (job.type === 'Library rescan') {
    completeRescan(draft, ctx, job);
    return;
  }
  const library = job.libraryId ? draft.get('libraries', job.libraryId) : undefined;
  const server = draft.get('servers', job.serverId);
  if (!library || !server) {
    fail(draft, ctx, job, { code: 'NOT_FOUND', message: 'The library no longer exists.' });
    return;
  }
  const tapesIn = () => draft.where('tapes', 'libraryId', library.id).filter((t) => t.location !== 'Offsite');
  if (!library.available) {
    fail(draft, ctx, job, { code: 'LIBRARY_NOT_AVAILABLE', message: `${library.name} is not available.` });
    return;
  }
  switch (job.type) {
    case 'Fast inventory':
      for (const t of tapesIn()) if (!t.inventoried) draft.update('tapes', t.id, { inventoried: true });
      break;
    case 'Detailed inventory':
      for (const t of tapesIn())
        if (!t.headerRead || !t.inventoried) draft.update('tapes', t.id, { inventoried: true, headerRead: true });
      resolveAlert(draft, ctx, 'Detailed inventory failed', server.id, library.id);
      break;
    case 'Tape recatalog': {
      const tape = job.tapeId ? draft.get('tapes', job.tapeId) : undefined;
      if (!tape || !isImported(tape, server)) {
        fail(draft, ctx, job, {
          code: 'NOT_FOUND',
          message: 'The tape is no longer an imported tape in this library.',
        });
        return;
      }
      draft.update('tapes', tape.id, { catalogedBy: { serverId: server.id, generation: server.generation } });
      for (const set of tape.dataSets) {
        draft.put('recoveryPoints', {
          id: ctx.newId('rp'),
          serverId: server.id,
          replicaId: null,
          dataSourceId: set.dataSourceId,
          time: set.time,
          location: 'Tape',
          expiresAt: tape.expiresAt ?? set.time + YEAR,
          tapeId: tape.id,
          external: true,
          dpmdb: set.dpmdb,
          sizeGb: set.sizeGb,
        });
      }
      break;
    }
    case 'Tape erase data': {
      const tape = job.tapeId ? draft.get('tapes', job.tapeId) : undefined;
      if (tape) {
        draft.update('tapes', tape.id, {
          free: true,
          label: null,
          writtenBy: null,
          dataSets: [],
          encryptedWith: null,
          expiresAt: null,
          catalogedBy: null,
        });
        for (const rp of draft.where('recoveryPoints', 'tapeId', tape.id)) draft.del('recoveryPoints', rp.id);
      }
      break;
    }
    case 'Drive cleaning':
      draft.update('libraries', library.id, { drives: library.drives.map((d) => ({ ...d, needsCleaning: false })) });
      break;
    default:
      break;
  }
  succeed(draft, ctx, job);
}
