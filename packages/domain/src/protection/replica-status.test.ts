import { describe, expect, it } from 'vitest';
import { demo, scenario1 } from '../fixtures/scenarios';
import { FIXTURE_EPOCH } from '../fixtures/scenarios';
import {
  HOUR,
  World,
  createdReplicaId,
  expectRefusal,
  latestDiskPoint,
  newGroup,
  withVolume,
  syncedDs1,
} from '../test-support';
import { C_ON_DS1, readdManually } from '../test-steps';
import { reestablishProtection } from '../agents/reestablish-protection';
import { restoreToReplica } from '../recovery/restore-to-replica';
import { dpmSyncReallocateReplica } from '../server/dpmsync-reallocate-replica';
import { dpmSyncDataCopied } from '../server/dpmsync-data-copied';
import { createProtectionGroup } from './create-protection-group';
import { createRecoveryPoint } from './create-recovery-point';
import { performConsistencyCheck } from './perform-consistency-check';
import { stopProtection } from './stop-protection';
import { switchProtection } from './switch-protection';
import { removeInactiveProtection } from './remove-inactive-protection';

const E = { dataSourceId: 'ds-PS1-E', sourceServerId: null };

describe('Replica protection status (the state machine of seeds 000 and 001)', () => {
  it('created Now: Replica creation pending, then the replica creation job makes it OK', () => {
    const w = new World(withVolume(scenario1(), 'PS1', 'E', 100));
    const e = createdReplicaId(w.run(createProtectionGroup, newGroup('srv-DS1', 'Volume E', [E])), 'ds-PS1-E');
    expect(w.status(e)).toBe('Replica creation pending');
    expect(w.jobs('Replica creation', { replicaId: e })[0]).toMatchObject({ status: 'Scheduled', scheduledAt: w.now });
    expectRefusal(
      w.estate,
      (s) => createRecoveryPoint(s, { serverId: 'srv-DS1', replicaIds: [e], location: 'Disk' }, w.ctx()),
      'INVALID_STATE',
      ['E:\\', 'Replica creation pending'],
    );
    w.advance(20);
    expect(w.status(e)).toBe('Replica creation pending');
    expect(w.jobs('Replica creation', { replicaId: e })[0]?.status).toBe('In progress');
    w.advance(40);
    expect(w.status(e)).toBe('OK');
    expect(w.jobs('Replica creation', { replicaId: e })[0]?.status).toBe('Completed');
  });

  it('created Later: the replica creation job waits for its time, then the replica is OK', () => {
    const w = new World(withVolume(scenario1(), 'PS1', 'E', 100));
    const laterAt = FIXTURE_EPOCH + 2 * HOUR;
    const e = createdReplicaId(
      w.run(createProtectionGroup, newGroup('srv-DS1', 'Volume E', [E], { replicaCreation: 'Later', laterAt })),
      'ds-PS1-E',
    );
    w.advance(60);
    expect(w.status(e)).toBe('Replica creation pending');
    expect(w.jobs('Replica creation', { replicaId: e })[0]).toMatchObject({
      status: 'Scheduled',
      scheduledAt: laterAt,
    });
    w.advance(120);
    expect(w.status(e)).toBe('OK');
  });

  it(
    'created Manually: Manual replica creation pending, restore to replica, then a consistency check makes it ' + 'OK',
    () => {
      const w = new World(demo());
      const c = readdManually(w, C_ON_DS1, 'Manual C');
      expect(w.status(c)).toBe('Manual replica creation pending');
      expect(w.jobs('Replica creation', { replicaId: c })).toEqual([]);
      expect(w.activeAlert('Manual replica creation pending', 'srv-DS1', c)).toBeDefined();
      // No data yet: a consistency check can't run.
      expectRefusal(
        w.estate,
        (s) => performConsistencyCheck(s, { serverId: 'srv-DS1', replicaIds: [c] }, w.ctx()),
        'INVALID_STATE',
        ['C:\\', 'Manual replica creation pending'],
      );

      w.run(restoreToReplica, {
        serverId: 'srv-DS1',
        replicaId: c,
        recoveryPointId: latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C').id,
      });
      w.advance(30);
      expect(w.replica(c)).toMatchObject({ status: 'Manual replica creation pending', dataRestored: true });
      expectRefusal(
        w.estate,
        (s) =>
          restoreToReplica(
            s,
            { serverId: 'srv-DS1', replicaId: c, recoveryPointId: latestDiskPoint(s, 'srv-DS3', 'ds-PS1-C').id },
            w.ctx(),
          ),
        'NOT_PENDING_FOR_RESTORE',
        ['consistency check'],
      );

      w.run(performConsistencyCheck, { serverId: 'srv-DS1', replicaIds: [c] });
      w.advance(3);
      expect(w.status(c)).toBe('Replica inconsistent, verification in progress');
      expect(w.activeAlert('Manual replica creation pending', 'srv-DS1', c)).toBeUndefined();
      w.advance(10);
      expect(w.replica(c)).toMatchObject({ status: 'OK', dataRestored: false });
    },
  );

  it(
    'created Manually with the data copied by hand (DpmSync -DataCopied), then a consistency check makes it ' + 'OK',
    () => {
      const w = new World(withVolume(scenario1(), 'PS1', 'E', 100));
      const e = createdReplicaId(
        w.run(createProtectionGroup, newGroup('srv-DS1', 'Volume E', [E], { replicaCreation: 'Manually' })),
        'ds-PS1-E',
      );
      w.run(dpmSyncDataCopied, { serverId: 'srv-DS1' });
      w.run(performConsistencyCheck, { serverId: 'srv-DS1', replicaIds: [e] });
      w.advance(30);
      expect(w.status(e)).toBe('OK');
    },
  );

  it('OK → Replica is inconsistent when a synchronization fails, and back to OK through a consistency check', () => {
    const estate = scenario1();
    const ps1 = estate.computers['cmp-PS1'];
    if (!ps1) throw new Error('fixture');
    // Seed 000: the DCOM launch and activation entry for DS1 is missing on PS1.
    ps1.security.dcomLaunchActivation = [];
    const w = new World(estate);
    w.advance(20);
    expect(w.status('rep-DS1-PS1-C')).toBe('Replica is inconsistent');
    expect(w.jobs('Synchronization', { replicaId: 'rep-DS1-PS1-C' })[0]).toMatchObject({
      status: 'Failed',
      error: { code: 'AGENT_ACCESS_DENIED' },
    });
    expect(w.activeAlert('Synchronization failed', 'srv-DS1', 'rep-DS1-PS1-C')).toBeDefined();
    expect(w.status('rep-DS2-PS3-C')).toBe('OK');

    w.run(reestablishProtection, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
    w.advance(60);
    expect(w.status('rep-DS1-PS1-C')).toBe('OK');
    expect(w.activeAlert('Synchronization failed', 'srv-DS1', 'rep-DS1-PS1-C')).toBeUndefined();
  });

  it(
    'OK → Replica is inconsistent on a switch of protection → verification in progress → OK by a consistency ' +
      'check',
    () => {
      const estate = scenario1();
      for (const g of Object.values(estate.groups)) g.consistencyCheck = { runIfInconsistent: false, dailyAt: null };
      const w = new World(estate);
      const r = 'rep-DS3-DS1-PS1-D';
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [r] });
      expect(w.status(r)).toBe('Replica is inconsistent');
      expectRefusal(
        w.estate,
        (s) => createRecoveryPoint(s, { serverId: 'srv-DS3', replicaIds: [r], location: 'Disk' }, w.ctx()),
        'INVALID_STATE',
        ['D:\\', 'Replica is inconsistent'],
      );
      w.advance(60);
      expect(w.status(r)).toBe('Replica is inconsistent');

      w.run(performConsistencyCheck, { serverId: 'srv-DS3', replicaIds: [r] });
      w.advance(5);
      expect(w.status(r)).toBe('Replica inconsistent, verification in progress');
      expect(w.activeAlert('Replica inconsistent, verification in progress', 'srv-DS3', r)).toBeDefined();
      expect(w.activeAlert('Replica is inconsistent', 'srv-DS3', r)).toBeUndefined();
      w.advance(30);
      expect(w.status(r)).toBe('OK');
      expect(w.activeAlert('Replica inconsistent, verification in progress', 'srv-DS3', r)).toBeUndefined();
    },
  );

  it(
    'DpmSync -Sync marks replicas the pool lacks Replica is missing; -ReallocateReplica makes them Manual replica ' +
      'creation pending',
    () => {
      const w = syncedDs1();
      const c = 'rep-DS1-PS1-C';
      expect(w.replica(c)).toMatchObject({ status: 'Replica is missing', inStoragePool: false });
      expect(w.activeAlert('Replica is missing', 'srv-DS1', c)).toBeDefined();
      const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C');
      expectRefusal(
        w.estate,
        (s) => performConsistencyCheck(s, { serverId: 'srv-DS1', replicaIds: [c] }, w.ctx()),
        'INVALID_STATE',
        ['C:\\', 'Replica is missing'],
      );
      expectRefusal(
        w.estate,
        (s) => restoreToReplica(s, { serverId: 'srv-DS1', replicaId: c, recoveryPointId: point.id }, w.ctx()),
        'NOT_PENDING_FOR_RESTORE',
        ['Replica is missing'],
      );
      expectRefusal(
        w.estate,
        (s) => createRecoveryPoint(s, { serverId: 'srv-DS1', replicaIds: [c], location: 'Disk' }, w.ctx()),
        'INVALID_STATE',
        ['Replica is missing'],
      );
      w.advance(120);
      expect(w.status(c)).toBe('Replica is missing');

      w.run(dpmSyncReallocateReplica, { serverId: 'srv-DS1' });
      expect(w.replica(c)).toMatchObject({
        status: 'Manual replica creation pending',
        inStoragePool: true,
        dataRestored: false,
      });
      expect(w.activeAlert('Replica is missing', 'srv-DS1', c)).toBeUndefined();
      expect(w.activeAlert('Manual replica creation pending', 'srv-DS1', c)).toBeDefined();
    },
  );

  it('stop protection retaining data: Inactive replica available, with its recovery points, until removed', () => {
    const w = new World(demo());
    const c = 'rep-DS1-PS1-C';
    const points = Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === c).length;
    expect(points).toBeGreaterThan(0);
    w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: [c], retainReplica: true });
    expect(w.replica(c)).toMatchObject({ status: 'Inactive replica available', groupId: null });
    expect(Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === c)).toHaveLength(points);
    expect(performConsistencyCheck(w.estate, { serverId: 'srv-DS1', replicaIds: [c] }, w.ctx())).toMatchObject({
      code: 'NOT_FOUND',
    });
    w.advance(60);
    expect(w.status(c)).toBe('Inactive replica available');
    w.run(removeInactiveProtection, { serverId: 'srv-DS1', replicaId: c });
    expect(w.estate.replicas[c]).toBeUndefined();
    expect(Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === c && p.location === 'Disk')).toEqual(
      [],
    );
  });

  it('stop protection of a whole group removes the group', () => {
    const w = new World(scenario1());
    w.run(stopProtection, { serverId: 'srv-DS1', groupId: 'pg-DS1-2', retainReplica: true });
    expect(w.estate.groups['pg-DS1-2']).toBeUndefined();
    expect(w.status('rep-DS1-PS1-SQL')).toBe('Inactive replica available');
  });
});
