import { describe, expect, it } from 'vitest';
import { demo } from '../fixtures/scenarios';
import { World, expectRefusal, latestDiskPoint, reallocatedDs1 } from '../test-support';
import { C_ON_DS1, failedRestoreToReplica, readdManually } from '../test-steps';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { performConsistencyCheck } from '../protection/perform-consistency-check';
import { stopProtection } from '../protection/stop-protection';
import { restoreToReplica } from './restore-to-replica';

describe('restoreToReplica (seed 000)', () => {
  it('refuses restoring PS1 C:\\ on DS1 while its replica is OK: NOT_PENDING_FOR_RESTORE (seed 000)', () => {
    const w = new World(demo());
    const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C');
    expectRefusal(
      w.estate,
      (s) => restoreToReplica(s, { serverId: 'srv-DS1', replicaId: C_ON_DS1, recoveryPointId: point.id }, w.ctx()),
      'NOT_PENDING_FOR_RESTORE',
      ['C:\\', 'DS1', 'Manual replica creation pending', '"OK"'],
    );
  });

  it('refuses a restore from a recovery point of another data source', () => {
    const w = reallocatedDs1();
    const other = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-D');
    expect(
      restoreToReplica(w.estate, { serverId: 'srv-DS1', replicaId: C_ON_DS1, recoveryPointId: other.id }, w.ctx()),
    ).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it(
    'leaves the replica inconsistent after a failed restore and refuses another: NOT_PENDING_FOR_RESTORE (seed ' +
      '000)',
    () => {
      const w = reallocatedDs1();
      const point = failedRestoreToReplica(w, C_ON_DS1);
      expectRefusal(
        w.estate,
        (s) => restoreToReplica(s, { serverId: 'srv-DS1', replicaId: C_ON_DS1, recoveryPointId: point.id }, w.ctx()),
        'CONFLICT',
        ['already running'],
      );
      w.advance(30);
      expect(w.status(C_ON_DS1)).toBe('Replica is inconsistent');
      expect(w.jobs('Disk recovery', { replicaId: C_ON_DS1 })[0]).toMatchObject({
        status: 'Failed',
        error: { code: 'RECOVERY_FAILED' },
      });
      expect(w.activeAlert('Recovery failed', 'srv-DS1', C_ON_DS1)).toBeDefined();
      expectRefusal(
        w.estate,
        (s) => restoreToReplica(s, { serverId: 'srv-DS1', replicaId: C_ON_DS1, recoveryPointId: point.id }, w.ctx()),
        'NOT_PENDING_FOR_RESTORE',
        ['C:\\', 'DS1', 'Replica is inconsistent'],
      );
    },
  );

  it(
    'marks the replica invalid when the restore fails again after Delete replica on disk and a manual re-add (seed ' +
      '000)',
    () => {
      const w = reallocatedDs1();
      const point = failedRestoreToReplica(w, C_ON_DS1);
      w.advance(30);
      expect(w.status(C_ON_DS1)).toBe('Replica is inconsistent');

      const again = readdManually(w, C_ON_DS1, 'PS1 C again');
      expect(w.estate.replicas[C_ON_DS1]).toBeUndefined();
      expect(w.status(again)).toBe('Manual replica creation pending');

      failedRestoreToReplica(w, again, point);
      w.advance(30);
      expect(w.status(again)).toBe('Replica is invalid');
      expect(w.activeAlert('Replica is invalid', 'srv-DS1', again)).toBeDefined();

      // Only removing protection leads out of Replica is invalid.
      expectRefusal(
        w.estate,
        (s) => restoreToReplica(s, { serverId: 'srv-DS1', replicaId: again, recoveryPointId: point.id }, w.ctx()),
        'NOT_PENDING_FOR_RESTORE',
        ['Replica is invalid'],
      );
      expectRefusal(
        w.estate,
        (s) => performConsistencyCheck(s, { serverId: 'srv-DS1', replicaIds: [again] }, w.ctx()),
        'INVALID_STATE',
        ['C:\\', 'Replica is invalid'],
      );
      expectRefusal(
        w.estate,
        (s) => createRecoveryPoint(s, { serverId: 'srv-DS1', replicaIds: [again], location: 'Disk' }, w.ctx()),
        'INVALID_STATE',
        ['C:\\', 'Replica is invalid'],
      );
      w.advance(24 * 60);
      expect(w.status(again)).toBe('Replica is invalid');
      w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: [again], retainReplica: false });
      expect(w.estate.replicas[again]).toBeUndefined();
      expect(w.activeAlert('Replica is invalid', 'srv-DS1', again)).toBeUndefined();
    },
  );
});
