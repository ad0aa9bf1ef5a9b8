import type { CommandResult, Ctx } from '../command';
import { nextRevision } from '../command';
import { Draft } from '../draft';
import type { Estate, RecoveryPoint } from '../model';
import { FIRST_REVISION } from '../model';
import { formatVersion, sameVersion } from '../model';
import { notFound, refuse } from '../errors';
import { recordCompletedJob } from '../jobs/jobs';
import type { DomainError } from '../errors';
import type { View } from '../view';
import type { Targets } from '../operations/operation';
import { defineOperation } from '../operations/operation';
import { restoredDbHistory } from './db-history';
import { upgradeTapeGoals } from '../protection/goals';
import { formatSimulatedTime } from '../revisions';

export interface DpmSyncRestoreDb {
  serverId: string;
  /** -DbLoc: the folder the DPMDB backup was recovered to. */
  dbLocation: string;
  /** -InstanceName server\instance, when the DPMDB is on another SQL Server instance. */
  instanceName: string | null;
}

export function normalizeLocation(path: string): string {
  return path
    .trim()
    .replace(/[\\/]+$/, '')
    .toLowerCase();
}

/** The DPMDB backup recovered to `location` by a completed recovery job, if any. */
export function recoveredDpmdbAt(draft: Draft, location: string): RecoveryPoint | undefined {
  const wanted = normalizeLocation(location);
  const jobs = [...draft.where('jobs', 'type', 'Tape recovery'), ...draft.where('jobs', 'type', 'Disk recovery')]
    .filter((j) => j.status === 'Completed')
    .filter((j) => normalizeLocation(j.params.destination ?? '') === wanted)
    .sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0));
  for (const j of jobs) {
    const rp = draft.get('recoveryPoints', j.params.recoveryPointId ?? '');
    if (rp?.dpmdb) return rp;
  }
  return undefined;
}

/**
 * DpmSync -RestoreDb -DbLoc <folder> [-InstanceName <server\instance>] (seeds 000, 001): takes
 * the DPM service offline and attaches the recovered database. The installation must be of the
 * database's version, update rollup included (DB_VERSION_MISMATCH), and the server must have the
 * original server's FQDN (FQDN_MISMATCH).
 */
/** Restore database: on a server where DPM is installed (reinstalled after a failure). */
export function whyNotRestoreDb(view: View, target: Targets['server']): DomainError | null {
  const server = view.get('servers', target.serverId);
  if (!server) return notFound('DPM server', target.serverId);
  if (server.state !== 'Online')
    return refuse(
      'SERVER_UNAVAILABLE',
      `${server.name} is not running DPM; reinstall DPM before you restore its database.`,
      server.id,
    );
  return null;
}

export function dpmSyncRestoreDb(slice: Estate, cmd: DpmSyncRestoreDb, ctx: Ctx): CommandResult {
  const draft = new Draft(slice);
  const why = whyNotRestoreDb(draft, cmd);
  if (why) return why;
  const server = draft.get('servers', cmd.serverId);
  if (!server) return notFound('DPM server', cmd.serverId);
  if (cmd.instanceName !== null && !/^[^\\\s]+\\[^\\\s]+$/.test(cmd.instanceName)) {
    return refuse('INVALID_INPUT', 'The -InstanceName value must be in the form server\\instance.', 'instanceName');
  }
  const rp = recoveredDpmdbAt(draft, cmd.dbLocation);
  if (!rp?.dpmdb) {
    return refuse(
      'NOT_FOUND',
      `No DPM database backup was found at ${cmd.dbLocation}. Recover the DPMDB to that folder first.`,
      'dbLocation',
    );
  }
  const snap = rp.dpmdb;
  if (!sameVersion(snap.version, server.version)) {
    return refuse(
      'DB_VERSION_MISMATCH',
      `The database at ${cmd.dbLocation} is from DPM ${formatVersion(snap.version)} but ${server.name} runs DPM ` +
        `${formatVersion(server.version)}. Install the same version and update rollup as the database before you ` +
        `restore it.`,
      'dbLocation',
    );
  }
  if (snap.fqdn.toLowerCase() !== server.fqdn.toLowerCase()) {
    return refuse(
      'FQDN_MISMATCH',
      `The database at ${cmd.dbLocation} belongs to ${snap.fqdn}, but this server is ${server.fqdn}. A DPM server ` +
        `recovered from its database must have the original server's FQDN.`,
      'dbLocation',
    );
  }
  for (const g of draft.where('groups', 'serverId', server.id)) draft.del('groups', g.id);
  for (const r of draft.where('replicas', 'serverId', server.id)) draft.del('replicas', r.id);
  // A database backed up before revisions were kept has none: its objects start at the first.
  // A backup taken before tape goals had a frequency and a retention unit is read as they are now.
  for (const g of snap.groups)
    draft.put('groups', {
      ...g,
      tape: upgradeTapeGoals(g.tape),
      serverId: server.id,
      revision: nextRevision(g.revision ?? FIRST_REVISION, ctx),
    });
  for (const r of snap.replicas) {
    draft.put('replicas', {
      ...r,
      serverId: server.id,
      switched: false,
      inStoragePool: false,
      dataRestored: false,
      revision: nextRevision(r.revision ?? FIRST_REVISION, ctx),
    });
  }
  for (const computerId of snap.ownedComputerIds) {
    const c = draft.get('computers', computerId);
    if (c?.agent && c.agent.ownerId === null) {
      draft.update('computers', c.id, {
        agent: {
          ...c.agent,
          ownerId: server.id,
          attachedTo: [...new Set([...c.agent.attachedTo, server.id])],
          revision: nextRevision(c.agent.revision, ctx),
        },
      });
    }
  }
  // The attached database holds the history up to its backup; what ran since is in neither (seed 000).
  const dbHistory = restoredDbHistory(snap, rp.time, ctx.now);
  draft.update('servers', server.id, {
    service: 'Offline',
    dbRestorePending: true,
    dbVersion: snap.version,
    restoredFrom: rp.id,
    dbHistory,
  });
  recordCompletedJob(draft, ctx, {
    serverId: server.id,
    type: 'Database restore',
    params: { dbLocation: cmd.dbLocation, instanceName: cmd.instanceName ?? '' },
  });
  draft.emit({
    type: 'server.db-restored',
    serverId: server.id,
    subjectId: server.id,
    summary:
      `DPMDB restored on ${server.name} from ${cmd.dbLocation} (its backup of ` +
      `${formatSimulatedTime(rp.time)}: jobs after that are not in it); the DPM service is offline until DpmSync -Sync`,
  });
  return draft.outcome();
}

export const restoreDbOperation = defineOperation<'server', DpmSyncRestoreDb>({
  id: 'server-recovery.restore-db',
  name: 'Restore database',
  kind: 'server',
  area: 'DPM servers',
  role: 'Administrator',
  whyNot: whyNotRestoreDb,
  run: dpmSyncRestoreDb,
});
