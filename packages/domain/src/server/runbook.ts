import type { Estate, Job } from '../model';
import { rowOf } from '../table-index';
import { rowsWhere } from '../draft';
import { connectivityChecks } from '../agents/connectivity';

export interface RunbookStep {
  key: string;
  title: string;
  done: boolean;
  optional: boolean;
  /** What the step needs, or what is left, in the administrator's words. */
  needs: string;
  /** Where the control that performs it lives in the console. */
  link: { path: string; control: string };
}

/**
 * Recover a DPM server: the steps of seeds 000 and 001 in order, each derived from the estate's
 * state (never ticked by hand). Built for the failed or rebuilt primary `serverId`.
 */
export function recoveryRunbook(estate: Estate, serverId: string): RunbookStep[] {
  const server = estate.servers[serverId];
  if (!server) return [];
  const replicas = Object.values(estate.replicas).filter((r) => r.serverId === serverId && r.groupId !== null);
  const rebuilt = server.generation > 1 && server.state === 'Online';
  const dpmdb = Object.values(estate.dataSources).find((d) => d.computerId === server.computerId && d.kind === 'DPMDB');
  // Completed jobs of a type since the server was installed, through the jobs' index on their type.
  const completedSinceInstall = (type: Job['type']) =>
    rowsWhere(estate, 'jobs', 'type', type).filter(
      (j) => j.status === 'Completed' && (j.finishedAt ?? 0) >= server.installedAt,
    );
  const inventoried = completedSinceInstall('Detailed inventory').some((j) => j.serverId === serverId);
  const restored = server.restoredFrom !== null;
  const synced = restored && !server.dbRestorePending;
  const missing = replicas.filter((r) => r.status === 'Replica is missing').length;
  const awaitingData = replicas.filter((r) => r.status === 'Manual replica creation pending' && !r.dataRestored).length;
  const notOk = replicas.filter((r) => r.status !== 'OK').length;
  const switchedAway = Object.values(estate.replicas).filter(
    (r) => r.sourceServerId === serverId && r.switched && r.groupId !== null,
  );
  const pendingOwnership = Object.values(estate.computers).filter((c) => c.agent?.pendingOwnerId === serverId);
  const protectedComputers = [
    ...new Set(
      replicas
        .filter((r) => r.sourceServerId === null)
        .map((r) => estate.dataSources[r.dataSourceId]?.computerId)
        .filter((c): c is string => c !== undefined),
    ),
  ]
    .map((id) => estate.computers[id])
    .filter((c) => c !== undefined && c.dpmServerId === null);
  const unreachable = protectedComputers.filter(
    (c) => c !== undefined && connectivityChecks(c, server).some((k) => !k.ok),
  );
  const dpmdbTape = Object.values(estate.tapes).find(
    (t) =>
      t.catalogedBy?.serverId === serverId &&
      t.catalogedBy.generation === server.generation &&
      t.dataSets.some((d) => d.dataSourceId === dpmdb?.id && d.dpmdb !== null),
  );
  const recoveries = [...completedSinceInstall('Tape recovery'), ...completedSinceInstall('Disk recovery')];
  const dbRecovered = recoveries.some((j) => {
    const rp = rowOf(estate, 'recoveryPoints', j.params.recoveryPointId ?? '');
    return rp?.dataSourceId === dpmdb?.id && rp?.dpmdb !== null;
  });
  const library = Object.values(estate.libraries).find((l) => l.serverId === serverId);

  return [
    {
      key: 'failed',
      title: 'The DPM server is lost',
      done: server.state !== 'Online' || server.generation > 1,
      optional: false,
      needs:
        server.state === 'Online' && server.generation === 1
          ? `${server.name} is online; this runbook starts when it fails (Mark as failed to rehearse).`
          : `${server.name} failed.`,
      link: { path: `/servers/${serverId}`, control: 'Mark as failed' },
    },
    {
      key: 'switch',
      title: 'Switch protection to the secondary server',
      done: switchedAway.length > 0 || restored,
      optional: true,
      needs:
        'On the secondary, Switch Disaster Protection for the data sources that must stay protected while the ' +
        'primary is rebuilt, then run a consistency check.',
      link: { path: '/protection', control: 'Switch Disaster Protection' },
    },
    {
      key: 'reinstall',
      title: 'Reinstall DPM with the same name, FQDN, version and update rollup',
      done: rebuilt,
      optional: false,
      needs: 'Reinstall DPM; the new DPM database is empty.',
      link: { path: `/servers/${serverId}`, control: 'Reinstall DPM' },
    },
    {
      key: 'rescan',
      title: 'Rescan the library',
      done: rebuilt && (restored || (library?.lastRescanAt ?? 0) >= server.installedAt),
      optional: false,
      needs: library
        ? `Insert the tape with the latest DPMDB backup into ${library.name} and click Rescan.`
        : `${server.name} has no library; recover the DPMDB from the secondary instead.`,
      link: { path: '/management/libraries', control: 'Rescan' },
    },
    {
      key: 'inventory',
      title: 'Run a detailed inventory',
      done: rebuilt && (restored || inventoried),
      optional: false,
      needs:
        'Inventory libraries… › Detailed inventory reads each tape header; ' + 'the DPMDB tape then shows as Imported.',
      link: { path: '/management/libraries', control: 'Detailed inventory' },
    },
    {
      key: 'recatalog',
      title: 'Recatalog the imported DPMDB tape',
      done: rebuilt && (restored || dpmdbTape !== undefined),
      optional: false,
      needs:
        'Select the imported tape and click Recatalog imported tape; ' +
        'its DPMDB appears under Recovery › External DPM Tapes.',
      link: { path: '/management/libraries', control: 'Recatalog imported tape' },
    },
    {
      key: 'recover-db',
      title: 'Recover the DPMDB to a network folder',
      done: rebuilt && (restored || dbRecovered),
      optional: false,
      needs:
        'In Recovery › External DPM Tapes, recover the DPM database with Copy to a network folder (a secure folder ' +
        'on the server).',
      link: { path: '/recovery', control: 'Recover' },
    },
    {
      key: 'restore-db',
      title: 'DpmSync -RestoreDb -DbLoc <folder>',
      done: restored,
      optional: false,
      needs: 'Restore database attaches the recovered DPMDB; the DPM service goes offline until DpmSync -Sync.',
      link: { path: `/servers/${serverId}`, control: 'Restore database' },
    },
    {
      key: 'sync',
      title: 'DpmSync -Sync',
      done: synced,
      optional: false,
      needs:
        'Synchronize database reconciles the database with the storage pool; missing replicas become Replica is ' +
        'missing.',
      link: { path: `/servers/${serverId}`, control: 'Synchronize database' },
    },
    {
      key: 'reallocate',
      title: 'DpmSync -ReallocateReplica',
      done: synced && missing === 0,
      optional: false,
      needs:
        missing > 0
          ? `${missing} replica(s) are missing: Reallocate replicas marks them Manual replica creation pending.`
          : 'Reallocate replicas for every missing replica.',
      link: { path: `/servers/${serverId}`, control: 'Reallocate replicas' },
    },
    {
      key: 'restore-replicas',
      title: 'Restore each replica from the secondary (Restore to replica)',
      done: synced && missing === 0 && awaitingData === 0,
      optional: false,
      needs:
        awaitingData > 0
          ? `${awaitingData} replica(s) wait for their data: on the secondary, recover each with Restore to replica.`
          : 'Restore every reallocated replica.',
      link: { path: '/recovery', control: 'Restore to replica' },
    },
    {
      key: 'consistency',
      title: 'Run a consistency check',
      done: synced && replicas.length > 0 && notOk === 0,
      optional: false,
      needs: notOk > 0 ? `${notOk} replica(s) are not OK yet: Perform consistency check.` : 'Every replica is OK.',
      link: { path: '/protection', control: 'Perform consistency check' },
    },
    {
      key: 'take-ownership',
      title: 'Switch protection back and Take Ownership',
      done: synced && switchedAway.length === 0 && pendingOwnership.length === 0,
      optional: false,
      needs:
        switchedAway.length > 0
          ? `${switchedAway.length} data source(s) are still switched to the secondary: switch them back there.`
          : pendingOwnership.length > 0
            ? `Take Ownership of the agents on ${pendingOwnership.map((c) => c.name).join(', ')} (Agent Ownership ` +
              `Required).`
            : 'No agent waits for ownership.',
      link: { path: '/monitoring/alerts', control: 'Take Ownership' },
    },
    {
      key: 'reestablish',
      title: 'Re-establish protection on each protected computer',
      done: synced && unreachable.length === 0 && protectedComputers.length > 0,
      optional: false,
      needs:
        unreachable.length > 0
          ? `Run SetDpmServer and check the groups and DCOM permissions on ` +
            `${unreachable.map((c) => c?.name).join(', ')}.`
          : 'Every protected computer accepts this server (SetDpmServer, groups, DPM RA Service).',
      link: { path: '/management/agents', control: 'Re-establish protection' },
    },
  ];
}
