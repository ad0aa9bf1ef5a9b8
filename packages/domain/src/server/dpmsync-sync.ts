import type { CommandResult, Ctx } from '../command';
import { Draft } from '../draft';
import type { Estate } from '../model';
import { notFound, refuse } from '../errors';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { setReplicaStatus } from '../protection/replica-status';
import { recordCompletedJob } from '../jobs/jobs';

export interface DpmSyncSync {
  serverId: string;
}

/**
 * DpmSync -Sync: reconciles the restored database with the storage pool and brings the DPM
 * service back. Replicas the database knows but the pool lacks become Replica is missing.
 */
/** Synchronize database: after DpmSync -RestoreDb attached a database. */
export function whyNotSyncDb(view: View, target: Targets['server']): DomainError | null {
  const server = view.get('servers', target.serverId);
  if (!server) return notFound('DPM server', target.serverId);
  if (server.state !== 'Online') return refuse('SERVER_UNAVAILABLE', `${server.name} is not running DPM.`, server.id);
  if (!server.dbRestorePending)
    return refuse(
      'INVALID_STATE',
      `No restored database is waiting on ${server.name}. Run DpmSync -RestoreDb first.`,
      server.id,
    );
  return null;
}

export function dpmSyncSync(slice: Estate, cmd: DpmSyncSync, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotSyncDb(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  let missing = 0;
  for (const r of draft.where('replicas', 'serverId', server.id)) {
    if (r.serverId !== server.id || r.inStoragePool) continue;
    setReplicaStatus(draft, ctx, r.id, 'Replica is missing');
    missing += 1;
  }
  draft.update('servers', server.id, { service: 'Running', dbRestorePending: false });
  recordCompletedJob(draft, ctx, {
    serverId: server.id,
    type: 'Database synchronization',
    params: { missingReplicas: String(missing) },
  });
  draft.emit({
    type: 'server.db-synchronized',
    serverId: server.id,
    subjectId: server.id,
    summary: `DpmSync -Sync on ${server.name}: ${missing} replica(s) missing`,
  });
  return draft.outcome();
}

export const syncDbOperation = defineOperation<'server', DpmSyncSync>({
  id: 'server-recovery.sync-db',
  name: 'Synchronize database',
  kind: 'server',
  area: 'DPM servers',
  role: 'Administrator',
  whyNot: whyNotSyncDb,
  run: dpmSyncSync,
});
