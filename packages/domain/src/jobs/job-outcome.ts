import type { Ctx } from '../command';
import type { Draft } from '../draft';
import type { View } from '../view';
import { switchedTo } from '../protection/switch-protection';
import type { Job, Replica } from '../model';
import type { AlertName } from '../model';
import { raiseAlert, replicaSubject } from '../alerts/alerts';
import { connectivityError, recordContact } from '../agents/connectivity';
import { agentIncompatibility } from '../alerts/agent-compatibility';

export type JobError = { code: string; message: string };

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
/** Ends a job as Failed with its error, and raises the alert DPM raises for it. */
export function fail(draft: Draft, ctx: Ctx, job: Job, error: JobError): void {
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
/** Ends a job as Completed. */
export function succeed(draft: Draft, ctx: Ctx, job: Job): void {
  draft.update('jobs', job.id, { status: 'Completed', finishedAt: ctx.now, transferredGb: job.totalGb, error: null });
  draft.emit({ type: 'job.completed', serverId: job.serverId, subjectId: job.id, summary: `${job.type} completed` });
}
