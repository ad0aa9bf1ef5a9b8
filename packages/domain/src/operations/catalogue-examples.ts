import { DEFAULT_DPMDB_GOAL_HOURS, readinessCheck } from '../reporting/readiness';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import type { Estate, ProtectionGroup } from '../model';
import { rowsOf } from '../table-index';
import type { perform } from './operation';
import { DPM_2019_UR1 } from '../fixtures/builder';
import { RESTORE_FOLDER } from '../test-support';

/** The request each control of the catalogue sends in the catalogue test, and whether its verb accepted it. */

export type Example = { cmd: unknown; inputs: string[] } | null;

/**
 * The command a control sends for a target: what the dialog would fill in, valid where it can be.
 * `inputs` lists what a refusal may name when only the input was wrong. Null: no input the dialog
 * could offer exists in this estate (nothing to compare).
 */
export function example(id: string, t: Record<string, string>, intent: string | undefined, estate: Estate): Example {
  const replica = t.replicaId ? estate.replicas[t.replicaId] : undefined;
  const server = t.serverId ? estate.servers[t.serverId] : undefined;
  const none: string[] = [];
  switch (id) {
    case 'protection.create-recovery-point':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId], location: 'Disk' }, inputs: none };
    case 'protection.consistency-check':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId] }, inputs: none };
    case 'protection.switch':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId], direction: intent }, inputs: none };
    case 'protection.modify-group-of-member':
      return { cmd: { serverId: t.serverId, groupId: replica?.groupId ?? 'none' }, inputs: none };
    case 'protection.modify-disk-allocation':
      return {
        cmd: { serverId: t.serverId, replicaId: t.replicaId, allocatedGb: (replica?.allocatedGb ?? 1) + 1 },
        inputs: ['allocatedGb'],
      };
    case 'protection.stop-member':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId], retainReplica: true }, inputs: none };
    case 'protection.remove-inactive':
      return { cmd: { serverId: t.serverId, replicaId: t.replicaId }, inputs: none };
    case 'recovery.restore-to-replica': {
      const rp = replica
        ? rowsOf(estate, 'recoveryPoints').find(
            (p) => p.dataSourceId === replica.dataSourceId && p.serverId !== replica.serverId,
          )
        : undefined;
      return rp
        ? { cmd: { serverId: t.serverId, replicaId: t.replicaId, recoveryPointId: rp.id }, inputs: ['recoveryPointId'] }
        : null;
    }
    case 'protection.modify-group': {
      // Each protection method as the Select Data Protection Method page would send it.
      const group = t.groupId ? estate.groups[t.groupId] : undefined;
      return {
        cmd: { serverId: t.serverId, groupId: t.groupId, ...methodGoals(intent, estate, t.serverId, group) },
        inputs: none,
      };
    }
    case 'protection.stop-group':
      return { cmd: { serverId: t.serverId, groupId: t.groupId, retainReplica: true }, inputs: none };
    case 'protection.switch-group':
      return { cmd: { serverId: t.serverId, groupId: t.groupId, direction: intent }, inputs: none };
    case 'protection.consistency-check-group':
      return { cmd: { serverId: t.serverId, groupId: t.groupId }, inputs: none };
    case 'recovery.recover':
      return {
        cmd: {
          serverId: t.serverId,
          recoveryPointId: t.recoveryPointId,
          recoveryType: intent,
          destination: RESTORE_FOLDER,
        },
        inputs: ['destination', 'items'],
      };
    case 'alerts.inactivate':
      return { cmd: { serverId: t.serverId, alertId: t.alertId }, inputs: none };
    case 'alerts.acknowledge':
      return { cmd: { serverId: t.serverId, alertId: t.alertId, comment: '' }, inputs: none };
    case 'jobs.retry':
    case 'jobs.cancel':
      return { cmd: { serverId: t.serverId, jobId: t.jobId }, inputs: none };
    case 'agents.update':
      return { cmd: { serverId: t.serverId, computerIds: [t.computerId] }, inputs: none };
    case 'agents.disable-protection':
    case 'agents.enable-protection':
    case 'agents.uninstall':
    case 'agents.reestablish':
    case 'agents.take-ownership':
      return { cmd: { serverId: t.serverId, computerId: t.computerId }, inputs: none };
    case 'libraries.clean-drive':
      return { cmd: { serverId: t.serverId, libraryId: t.libraryId }, inputs: none };
    case 'libraries.fast-inventory':
      return { cmd: { serverId: t.serverId, libraryId: t.libraryId, kind: 'Fast' }, inputs: none };
    case 'libraries.detailed-inventory':
      return { cmd: { serverId: t.serverId, libraryId: t.libraryId, kind: 'Detailed' }, inputs: none };
    case 'libraries.add-tape':
      return {
        cmd: { serverId: t.serverId, libraryId: t.libraryId, barcode: 'WALK01L8', cleaning: false },
        inputs: ['barcode'],
      };
    case 'libraries.lock-door':
    case 'libraries.unlock-door':
      return {
        cmd: { serverId: t.serverId, libraryId: t.libraryId, locked: id === 'libraries.lock-door' },
        inputs: none,
      };
    case 'libraries.disable':
    case 'libraries.enable':
      return {
        cmd: { serverId: t.serverId, libraryId: t.libraryId, enabled: id === 'libraries.enable' },
        inputs: none,
      };
    case 'tapes.recatalog':
    case 'tapes.identify':
    case 'tapes.view-contents':
    case 'tapes.mark-free':
    case 'tapes.erase':
    case 'tapes.remove':
      return { cmd: { serverId: t.serverId, tapeId: t.tapeId }, inputs: none };
    case 'disks.simulate-failure':
    case 'disks.remove':
      return { cmd: { serverId: t.serverId, diskId: t.diskId }, inputs: none };
    case 'protection.create-group':
      // Which members a server may protect is the wizard's page, checked member by member.
      return {
        cmd: {
          serverId: t.serverId,
          name: 'Walk',
          members: [],
          disk: null,
          tape: null,
          online: null,
          ...methodGoals(intent, estate, t.serverId),
          replicaCreation: 'Now',
          laterAt: null,
          consistencyCheck: { runIfInconsistent: true, dailyAt: null },
          excludedExtensions: [],
        },
        inputs: ['members', 'name', 'disk'],
      };
    case 'agents.install': {
      const bare = Object.values(estate.computers).find((c) => c.agent === null && c.dpmServerId === null);
      return bare
        ? { cmd: { serverId: t.serverId, computerIds: [bare.id], method: 'Install' }, inputs: ['computerIds', bare.id] }
        : null;
    }
    case 'agents.refresh':
    case 'libraries.rescan':
    case 'server-recovery.mark-failed':
    case 'server-recovery.sync-db':
    case 'server-recovery.reallocate-replicas':
    case 'server-recovery.data-copied':
    case 'recovery.clear-external-dpm':
    case 'estate.remove-dpm-server':
      return { cmd: { serverId: t.serverId }, inputs: none };
    case 'disks.add':
      return { cmd: { serverId: t.serverId, sizeGb: 1000 }, inputs: none };
    case 'online.register':
      return {
        cmd: { serverId: t.serverId, vault: 'WalkVault', credentialsIssuedAt: FIXED_NOW, passphraseLength: 20 },
        inputs: ['vault'],
      };
    case 'recovery.add-external-dpm':
      return { cmd: { serverId: t.serverId, vault: 'WalkVault', credentialsIssuedAt: FIXED_NOW }, inputs: none };
    case 'server-recovery.reinstall':
      return { cmd: { serverId: t.serverId, version: server?.version, fqdn: server?.fqdn ?? '' }, inputs: none };
    case 'server-recovery.restore-db':
      return { cmd: { serverId: t.serverId, dbLocation: RESTORE_FOLDER, instanceName: null }, inputs: ['dbLocation'] };
    case 'estate.start-vss-writer':
    case 'estate.stop-vss-writer':
      return {
        cmd: { serverId: t.serverId, state: id === 'estate.start-vss-writer' ? 'Running' : 'Stopped' },
        inputs: none,
      };
    case 'estate.add-computer':
      return { cmd: { name: 'WALK01', fqdn: 'walk01.contoso.com' }, inputs: none };
    case 'estate.add-dpm-server':
      return {
        cmd: { name: 'WALKDPM', fqdn: 'walkdpm.contoso.com', version: DPM_2019_UR1, storagePoolGb: 1000 },
        inputs: none,
      };
    case 'estate.unclean-shutdown':
    case 'estate.remove-computer':
      return { cmd: { computerId: t.computerId }, inputs: none };
    case 'reporting.readiness-check':
      return {
        cmd: { report: readinessCheck(estate, { now: FIXED_NOW, dpmdbGoalHours: DEFAULT_DPMDB_GOAL_HOURS }) },
        inputs: none,
      };
    case 'agents.set-dpm-server':
      return { cmd: { computerId: t.computerId, dpmServerName: 'DS1' }, inputs: ['dpmServerName'] };
    default:
      throw new Error(`no example command for ${id}: add one when an operation joins the catalogue`);
  }
}

let FIXED_NOW = 0;
/** The simulated time the examples name (vault credentials, a readiness report): the walked estate's. */
export function fixExampleNow(now: number): void {
  FIXED_NOW = now;
}

/**
 * The goals of one protection method (an intent of Create / Modify protection group), with the
 * server's library for tape.
 */
function methodGoals(
  intent: string | undefined,
  estate: Estate,
  serverId: string | undefined,
  group?: ProtectionGroup,
) {
  const library = Object.values(estate.libraries).find((l) => l.serverId === serverId);
  switch (intent) {
    case 'Disk':
      return {
        disk: group?.disk ?? {
          retentionDays: 14,
          syncFrequencyMinutes: 1440,
          recoveryPointTimes: [20 * 60],
          expressFullTimes: [21 * 60],
        },
      };
    case 'Tape':
      return {
        tape: group?.tape ?? {
          frequency: 'Daily',
          backupTime: 0,
          retention: { count: 1, unit: 'Years' },
          libraryId: library?.id ?? null,
          copies: 1,
          encrypt: false,
        },
      };
    case 'Online':
      return { online: group?.online ?? { recoveryPoints: 30 } };
    default:
      return {};
  }
}

/** Accepted: done, or refused only for what the dialog collects (the operation itself was possible). */
export function accepted(
  result: ReturnType<typeof perform>,
  inputs: string[],
): { ok: boolean; refusal: DomainError | null } {
  if (!isDomainError(result)) return { ok: true, refusal: null };
  return { ok: result.target !== undefined && inputs.includes(result.target), refusal: result };
}
