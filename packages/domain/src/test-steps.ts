/**
 * Steps on the demo estate that several of the domain's tests take on their way to what they test
 * (test-only code, beside test-support.ts).
 */
import type { RecoveryPoint } from './model';
import type { World } from './test-support';
import { createdReplicaId, latestDiskPoint, newGroup, DS1_LIBRARY } from './test-support';
import { createProtectionGroup } from './protection/create-protection-group';
import { createRecoveryPoint } from './protection/create-recovery-point';
import { modifyProtectionGroup } from './protection/modify-protection-group';
import { stopProtection } from './protection/stop-protection';
import { restoreToReplica } from './recovery/restore-to-replica';

/** The replica of PS1's C:\ on DS1. */
export const C_ON_DS1 = 'rep-DS1-PS1-C';

/**
 * Stop protection of `replicaId` on DS1 with Delete replica on disk, then PS1's C:\ in a new group
 * `name` with replica creation Manually: the new replica's id.
 */
export function readdManually(w: World, replicaId: string, name: string): string {
  w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: [replicaId], retainReplica: false });
  const added = w.run(
    createProtectionGroup,
    newGroup('srv-DS1', name, [{ dataSourceId: 'ds-PS1-C', sourceServerId: null }], { replicaCreation: 'Manually' }),
  );
  return createdReplicaId(added, 'ds-PS1-C');
}

/**
 * Restore to replica of `replicaId` (PS1's C:\ on DS1) from `point`, by default DS3's newest disk
 * recovery point of it, made to fail (simulateFailure): the point.
 */
export function failedRestoreToReplica(
  w: World,
  replicaId: string,
  point: RecoveryPoint = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C'),
): RecoveryPoint {
  w.run(restoreToReplica, { serverId: 'srv-DS1', replicaId, recoveryPointId: point.id, simulateFailure: true });
  return point;
}

/** DS1's SQL group backs up daily to DS1's library, and a tape backup of PS1's SQL database runs for 30 minutes. */
export function tapeBackupOfSql(w: World): void {
  w.run(modifyProtectionGroup, {
    serverId: 'srv-DS1',
    groupId: 'pg-DS1-2',
    tape: {
      frequency: 'Daily',
      backupTime: 2 * 60,
      retention: { count: 1, unit: 'Years' },
      libraryId: DS1_LIBRARY,
      copies: 1,
      encrypt: false,
    },
  });
  w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-SQL'], location: 'Tape' });
  w.advance(30);
}
