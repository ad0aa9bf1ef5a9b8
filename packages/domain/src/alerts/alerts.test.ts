import { describe, expect, it } from 'vitest';
import { demo, scenario1 } from '../fixtures/scenarios';
import type { AlertName } from '../model';
import { World, latestDiskPoint, reallocatedDs1, syncedDs1, RESTORE_FOLDER } from '../test-support';
import { C_ON_DS1, failedRestoreToReplica, readdManually } from '../test-steps';
import { switchProtection } from '../protection/switch-protection';
import { takeOwnership } from '../agents/take-ownership';
import { reestablishProtection } from '../agents/reestablish-protection';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { performConsistencyCheck } from '../protection/perform-consistency-check';
import { stopProtection } from '../protection/stop-protection';
import { restoreToReplica } from '../recovery/restore-to-replica';
import { recover } from '../recovery/recover';
import { dpmSyncReallocateReplica } from '../server/dpmsync-reallocate-replica';

const activeCount = (w: World, name: AlertName) => w.alerts(name).filter((a) => a.state === 'Active').length;

describe('Alerts: each raised by its condition and cleared by its remedy', () => {
  it('Agent Ownership Required: raised on DS1 when DS3 switches PS1 back, cleared by Take Ownership (seed 000)', () => {
    const w = new World(scenario1());
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
    expect(activeCount(w, 'Agent Ownership Required')).toBe(0);
    w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
    const alert = w.activeAlert('Agent Ownership Required', 'srv-DS1', 'cmp-PS1');
    expect(alert?.description).toMatch(/PS1 is not owned by DS1[^(]*$/);
    w.run(takeOwnership, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
    expect(w.alertState(alert)).toBe('Inactive');
  });

  it(
    'Replica is inconsistent and Replica inconsistent, verification in progress: raised by a switch and a ' +
      'consistency check, cleared as the check runs and ends',
    () => {
      const w = new World(scenario1());
      const r = 'rep-DS3-DS1-PS1-D';
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [r] });
      expect(w.activeAlert('Replica is inconsistent', 'srv-DS3', r)?.severity).toBe('Critical');
      w.advance(5);
      expect(w.activeAlert('Replica is inconsistent', 'srv-DS3', r)).toBeUndefined();
      expect(w.activeAlert('Replica inconsistent, verification in progress', 'srv-DS3', r)?.severity).toBe('Warning');
      w.advance(30);
      expect(w.activeAlert('Replica inconsistent, verification in progress', 'srv-DS3', r)).toBeUndefined();
      expect(w.alerts('Replica is inconsistent', 'srv-DS3').every((a) => a.resolvedAt !== null)).toBe(true);
    },
  );

  it(
    'Manual replica creation pending: raised by manual replica creation, cleared when the consistency check of the ' +
      'restored data starts (seed 000)',
    () => {
      const w = new World(demo());
      const c = readdManually(w, C_ON_DS1, 'Manual');
      expect(w.activeAlert('Manual replica creation pending', 'srv-DS1', c)?.severity).toBe('Information');
      w.run(restoreToReplica, {
        serverId: 'srv-DS1',
        replicaId: c,
        recoveryPointId: latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C').id,
      });
      w.advance(30);
      expect(w.activeAlert('Manual replica creation pending', 'srv-DS1', c)).toBeDefined();
      w.run(performConsistencyCheck, { serverId: 'srv-DS1', replicaIds: [c] });
      w.advance(30);
      expect(w.activeAlert('Manual replica creation pending', 'srv-DS1', c)).toBeUndefined();
    },
  );

  it(
    'Synchronization failed: raised when DS1 is missing from the DCOM ACL of PS1, cleared by the consistency check ' +
      'after re-establishing protection (seed 000)',
    () => {
      const estate = scenario1();
      const ps1 = estate.computers['cmp-PS1'];
      if (!ps1) throw new Error('fixture');
      ps1.security.dcomLaunchActivation = [];
      const w = new World(estate);
      w.advance(20);
      const alert = w.activeAlert('Synchronization failed', 'srv-DS1', 'rep-DS1-PS1-C');
      expect(alert?.description).toContain('Launch and Activation Permissions');
      w.run(reestablishProtection, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
      w.advance(60);
      expect(w.alertState(alert)).toBe('Inactive');
    },
  );

  it(
    'Recovery point creation failed: raised when the recovery point job runs after DS3 took the agent, cleared by ' +
      'the next recovery point',
    () => {
      const w = new World(scenario1());
      const c = 'rep-DS1-PS1-C';
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
      w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [c], location: 'Disk' });
      w.advance(2);
      expect(w.jobs('Recovery point', { replicaId: c })[0]).toMatchObject({
        status: 'Failed',
        error: { code: 'NOT_OWNER' },
      });
      const alert = w.activeAlert('Recovery point creation failed', 'srv-DS1', c);
      expect(alert).toBeDefined();

      w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
      w.run(takeOwnership, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
      w.advance(60);
      expect(w.status(c)).toBe('OK');
      w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [c], location: 'Disk' });
      w.advance(5);
      expect(w.alertState(alert)).toBe('Inactive');
    },
  );

  it('Replica is missing: raised by DpmSync -Sync, cleared by DpmSync -ReallocateReplica (seed 000)', () => {
    const w = syncedDs1();
    expect(activeCount(w, 'Replica is missing')).toBe(6);
    w.run(dpmSyncReallocateReplica, { serverId: 'srv-DS1' });
    expect(activeCount(w, 'Replica is missing')).toBe(0);
  });

  it(
    'Replica is invalid and Recovery failed: raised by failed restores to replica, Replica is invalid cleared by ' +
      'removing protection (seed 000)',
    () => {
      const w = reallocatedDs1();
      const point = failedRestoreToReplica(w, C_ON_DS1);
      w.advance(30);
      expect(w.activeAlert('Recovery failed', 'srv-DS1', C_ON_DS1)?.severity).toBe('Critical');
      const again = readdManually(w, C_ON_DS1, 'Again');
      failedRestoreToReplica(w, again, point);
      w.advance(30);
      const invalid = w.activeAlert('Replica is invalid', 'srv-DS1', again);
      expect(invalid?.description).toContain('Remove the data source from protection');
      w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: [again], retainReplica: false });
      expect(w.alertState(invalid)).toBe('Inactive');
    },
  );

  it(
    'Recovery failed: raised when the recovery point expires under a running recovery, cleared by the next ' +
      'successful recovery of that replica',
    () => {
      const w = new World(demo());
      const r = 'rep-DS3-DS1-PS1-D';
      const oldest = Object.values(w.estate.recoveryPoints)
        .filter((p) => p.replicaId === r && p.expiresAt > w.now)
        .sort((a, b) => a.expiresAt - b.expiresAt)[0];
      if (!oldest) throw new Error('fixture');
      w.advance((oldest.expiresAt - w.now) / 60_000 - 2);
      w.run(recover, {
        serverId: 'srv-DS3',
        recoveryPointId: oldest.id,
        recoveryType: 'Recover to an alternate location',
        destination: 'PS2\\D$\\Restore',
      });
      w.advance(3);
      expect(w.estate.recoveryPoints[oldest.id]).toBeUndefined();
      // The 250 GB of D:\ take about an hour to move.
      w.advance(70);
      expect(w.jobs('Disk recovery', { replicaId: r })[0]).toMatchObject({
        status: 'Failed',
        error: { code: 'RECOVERY_POINT_EXPIRED' },
      });
      const alert = w.activeAlert('Recovery failed', 'srv-DS3', r);
      expect(alert).toBeDefined();

      w.run(recover, {
        serverId: 'srv-DS3',
        recoveryPointId: latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-D').id,
        recoveryType: 'Recover to an alternate location',
        destination: 'PS2\\D$\\Restore',
      });
      w.advance(70);
      expect(w.alertState(alert)).toBe('Inactive');
    },
  );

  it('Recovery succeeded: raised by a completed recovery, inactive by itself after three days', () => {
    const w = new World(demo());
    w.run(recover, {
      serverId: 'srv-DS3',
      recoveryPointId: latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-SQL').id,
      recoveryType: 'Copy to a network folder',
      destination: RESTORE_FOLDER,
    });
    w.advance(15);
    const alert = w.alerts('Recovery succeeded', 'srv-DS3')[0];
    expect(alert).toMatchObject({ state: 'Active', severity: 'Information' });
    expect(alert?.description).toContain(RESTORE_FOLDER);
    w.advance(3 * 24 * 60);
    expect(w.estate.alerts[alert?.id ?? '']).toMatchObject({
      state: 'Inactive',
      resolvedAt: (alert?.raisedAt ?? 0) + 3 * 24 * 60 * 60_000,
    });
  });
});
