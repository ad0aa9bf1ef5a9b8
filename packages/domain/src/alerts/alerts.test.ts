import { describe, expect, it } from 'vitest';
import { demo, scenario1 } from '../fixtures/scenarios';
import type { AlertName } from '../model';
import {
  World,
  expectRefusal,
  withServers,
  createdReplicaId,
  latestDiskPoint,
  newGroup,
  reallocatedDs1,
  recoverDs1DpmdbToFolder,
  RESTORE_FOLDER,
  DS1_LIBRARY,
} from '../test-support';
import { switchProtection } from '../protection/switch-protection';
import { takeOwnership } from '../agents/take-ownership';
import { reestablishProtection } from '../agents/reestablish-protection';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { createProtectionGroup } from '../protection/create-protection-group';
import { modifyProtectionGroup } from '../protection/modify-protection-group';
import { performConsistencyCheck } from '../protection/perform-consistency-check';
import { stopProtection } from '../protection/stop-protection';
import { restoreToReplica } from '../recovery/restore-to-replica';
import { recover } from '../recovery/recover';
import { failServer } from '../server/fail-server';
import { reinstallServer } from '../server/reinstall-server';
import { dpmSyncRestoreDb } from '../server/dpmsync-restore-db';
import { dpmSyncSync } from '../server/dpmsync-sync';
import { dpmSyncReallocateReplica } from '../server/dpmsync-reallocate-replica';
import { inventoryLibrary } from '../library/inventory';
import { rescanLibraries } from '../library/rescan';
import { markTapeFree } from '../library/mark-tape-free';
import { DPM_2019_UR1 } from '../fixtures/builder';
import { ALERT_CATALOG } from './alerts';
import { attachAgent } from '../agents/attach-agent';
import { updateAgent } from '../agents/update-agent';
import { markLibraryOffline } from '../library/mark-library-offline';
import { acknowledgeAlert } from './acknowledge-alert';
import { inactivateAlert } from './inactivate-alert';

const DPM_2016 = { major: 5, minor: 0, build: 158, rollup: 10 };
const DPM_2022 = { major: 10, minor: 22, build: 1, rollup: 0 };

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
    expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
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
      w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], retainReplica: false });
      const c = createdReplicaId(
        w.run(
          createProtectionGroup,
          newGroup('srv-DS1', 'Manual', [{ dataSourceId: 'ds-PS1-C', sourceServerId: null }], {
            replicaCreation: 'Manually',
          }),
        ),
        'ds-PS1-C',
      );
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
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
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
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
    },
  );

  it('Replica is missing: raised by DpmSync -Sync, cleared by DpmSync -ReallocateReplica (seed 000)', () => {
    const w = recoverDs1DpmdbToFolder();
    w.run(dpmSyncRestoreDb, { serverId: 'srv-DS1', dbLocation: RESTORE_FOLDER, instanceName: null });
    w.run(dpmSyncSync, { serverId: 'srv-DS1' });
    expect(activeCount(w, 'Replica is missing')).toBe(6);
    w.run(dpmSyncReallocateReplica, { serverId: 'srv-DS1' });
    expect(activeCount(w, 'Replica is missing')).toBe(0);
  });

  it(
    'Replica is invalid and Recovery failed: raised by failed restores to replica, Replica is invalid cleared by ' +
      'removing protection (seed 000)',
    () => {
      const w = reallocatedDs1();
      const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C');
      w.run(restoreToReplica, {
        serverId: 'srv-DS1',
        replicaId: 'rep-DS1-PS1-C',
        recoveryPointId: point.id,
        simulateFailure: true,
      });
      w.advance(30);
      expect(w.activeAlert('Recovery failed', 'srv-DS1', 'rep-DS1-PS1-C')?.severity).toBe('Critical');
      w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], retainReplica: false });
      const again = createdReplicaId(
        w.run(
          createProtectionGroup,
          newGroup('srv-DS1', 'Again', [{ dataSourceId: 'ds-PS1-C', sourceServerId: null }], {
            replicaCreation: 'Manually',
          }),
        ),
        'ds-PS1-C',
      );
      w.run(restoreToReplica, {
        serverId: 'srv-DS1',
        replicaId: again,
        recoveryPointId: point.id,
        simulateFailure: true,
      });
      w.advance(30);
      const invalid = w.activeAlert('Replica is invalid', 'srv-DS1', again);
      expect(invalid?.description).toContain('Remove the data source from protection');
      w.run(stopProtection, { serverId: 'srv-DS1', replicaIds: [again], retainReplica: false });
      expect(w.estate.alerts[invalid?.id ?? '']?.state).toBe('Inactive');
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
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
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

  it('Agent unreachable: raised on DS3 when DS1 fails, cleared when DS1 is reinstalled', () => {
    const w = new World(scenario1());
    w.run(failServer, { serverId: 'srv-DS1' });
    const alert = w.activeAlert('Agent unreachable', 'srv-DS3', 'cmp-DS1');
    expect(alert?.description).toContain('DS1 is not reachable from DS3');
    w.run(reinstallServer, { serverId: 'srv-DS1', version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' });
    expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
  });

  it(
    'Detailed inventory failed: raised when the library is not available, cleared by a detailed inventory after a ' +
      'rescan',
    () => {
      const estate = demo();
      const lib = estate.libraries[DS1_LIBRARY];
      if (!lib) throw new Error('fixture');
      lib.available = false;
      const w = new World(estate);
      w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
      w.advance(10);
      const alert = w.activeAlert('Detailed inventory failed', 'srv-DS1', DS1_LIBRARY);
      expect(alert?.affectedArea).toBe('Tape Library 1 (LTO-8)');
      w.run(rescanLibraries, { serverId: 'srv-DS1' });
      w.advance(5);
      w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
      w.advance(10);
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
    },
  );

  it(
    'Backup to tape failed: raised when no free tape is in the library, cleared by a tape backup after a tape is ' +
      'marked free',
    () => {
      const estate = demo();
      for (const t of Object.values(estate.tapes)) if (t.free) t.location = 'Offsite';
      const w = new World(estate);
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
      const sql = 'rep-DS1-PS1-SQL';
      w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [sql], location: 'Tape' });
      w.advance(30);
      expect(w.jobs('Tape backup', { replicaId: sql })[0]).toMatchObject({
        status: 'Failed',
        error: { code: 'NO_FREE_TAPE' },
      });
      const alert = w.activeAlert('Backup to tape failed', 'srv-DS1', sql);
      expect(alert).toBeDefined();

      w.run(markTapeFree, { serverId: 'srv-DS1', tapeId: 'tape-DS2017L8' });
      w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [sql], location: 'Tape' });
      w.advance(30);
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
      expect(w.estate.tapes['tape-DS2017L8']).toMatchObject({
        free: false,
        writtenBy: { serverId: 'srv-DS1', generation: 1 },
      });
    },
  );

  it(
    'Agent incompatible: raised on DS1 when a job finds an agent of another major/minor version, cleared by ' +
      'Update',
    () => {
      const estate = scenario1();
      const ps1 = estate.computers['cmp-PS1'];
      if (!ps1?.agent) throw new Error('fixture');
      ps1.agent.version = DPM_2016;
      const w = new World(estate);
      w.advance(20);
      expect(w.jobs('Synchronization', { replicaId: 'rep-DS1-PS1-C' })[0]).toMatchObject({
        status: 'Failed',
        error: { code: 'AGENT_INCOMPATIBLE' },
      });
      const alert = w.activeAlert('Agent incompatible', 'srv-DS1', 'cmp-PS1');
      expect(alert).toMatchObject({ severity: 'Warning', affectedArea: 'PS1', computerId: 'cmp-PS1' });
      expect(alert?.description).toMatch(
        new RegExp(
          String.raw`PS1 is not compatible with the version of DPM on DS1\. ` +
            String.raw`The agent runs version 5\.0\.\d+\.0 UR\d+ and DS1 runs DPM 10\.19\.260\.0 UR1\.[^(]*$`,
        ),
      );
      expect(w.estate.computers['cmp-PS1']?.agent?.status).toBe('Incompatible');
      // The agents of PS2, of the same version as DS1, are left alone.
      expect(w.activeAlert('Agent incompatible', 'srv-DS1', 'cmp-PS2')).toBeUndefined();

      expectRefusal(
        w.estate,
        (s) => updateAgent(s, { serverId: 'srv-DS3', computerIds: ['cmp-PS1'] }, w.ctx()),
        'NOT_OWNER',
        ['PS1', 'DS3'],
      );
      w.run(updateAgent, { serverId: 'srv-DS1', computerIds: ['cmp-PS1'] });
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
      expect(w.estate.computers['cmp-PS1']?.agent).toMatchObject({ status: 'OK', version: DPM_2019_UR1 });
      expectRefusal(
        w.estate,
        (s) => updateAgent(s, { serverId: 'srv-DS1', computerIds: ['cmp-PS1'] }, w.ctx()),
        'INVALID_STATE',
        ['PS1', 'already runs'],
      );
      w.advance(60);
      expect(w.status('rep-DS1-PS1-C')).toBe('OK');
    },
  );

  it(
    'Agent incompatible: raised at once when a server of another version takes ownership (seed 002 option 3), ' +
      'cleared when the owner matches the agent',
    () => {
      const estate = withServers(scenario1(), ['DS5']);
      const ds5 = estate.servers['srv-DS5'];
      if (!ds5) throw new Error('fixture');
      Object.assign(ds5, { version: DPM_2022, dbVersion: DPM_2022 });
      const w = new World(estate);
      w.run(failServer, { serverId: 'srv-DS1' });
      w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Attach' });
      expect(activeCount(w, 'Agent incompatible')).toBe(0);
      w.run(takeOwnership, { serverId: 'srv-DS5', computerId: 'cmp-PS1' });
      const alert = w.activeAlert('Agent incompatible', 'srv-DS5', 'cmp-PS1');
      expect(alert?.description).toContain('DS5 runs DPM 10.22');
      w.run(updateAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'] });
      expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
      expect(activeCount(w, 'Agent incompatible')).toBe(0);
    },
  );

  it('Agent incompatible: moves with the agent, cleared on the server that no longer owns it', () => {
    const estate = scenario1();
    const ps1 = estate.computers['cmp-PS1'];
    if (!ps1?.agent) throw new Error('fixture');
    ps1.agent.version = DPM_2016;
    const w = new World(estate);
    w.advance(20);
    const onDs1 = w.activeAlert('Agent incompatible', 'srv-DS1', 'cmp-PS1');
    expect(onDs1).toBeDefined();
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
    w.advance(10);
    expect(w.jobs('Consistency check', { replicaId: 'rep-DS3-DS1-PS1-C' })[0]?.error?.code).toBe('AGENT_INCOMPATIBLE');
    expect(w.activeAlert('Agent incompatible', 'srv-DS3', 'cmp-PS1')).toBeDefined();
    expect(w.estate.alerts[onDs1?.id ?? '']?.state).toBe('Inactive');
  });

  it('Library not available: raised when the library goes offline, its jobs fail, cleared by Rescan', () => {
    const w = new World(demo());
    w.run(markLibraryOffline, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY });
    const alert = w.activeAlert('Library not available', 'srv-DS1', DS1_LIBRARY);
    expect(alert).toMatchObject({ severity: 'Critical', affectedArea: 'Tape Library 1 (LTO-8)' });
    expect(alert?.description).toMatch(/Tape Library 1 \(LTO-8\) on DS1 is not available\.$/);
    expect(w.estate.libraries[DS1_LIBRARY]?.available).toBe(false);
    expectRefusal(
      w.estate,
      (s) => markLibraryOffline(s, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY }, w.ctx()),
      'INVALID_STATE',
      ['Tape Library 1 (LTO-8)'],
    );

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
    expect(w.jobs('Tape backup', { replicaId: 'rep-DS1-PS1-SQL' })[0]).toMatchObject({
      status: 'Failed',
      error: { code: 'LIBRARY_NOT_AVAILABLE' },
    });
    expect(w.activeAlert('Backup to tape failed', 'srv-DS1', 'rep-DS1-PS1-SQL')).toBeDefined();
    expect(activeCount(w, 'Library not available')).toBe(1);

    w.run(rescanLibraries, { serverId: 'srv-DS1' });
    w.advance(2);
    expect(w.estate.alerts[alert?.id ?? '']?.state).toBe('Inactive');
    expect(w.estate.libraries[DS1_LIBRARY]?.available).toBe(true);
  });

  it('Library not available: raised when a library job finds the library not answering', () => {
    const estate = demo();
    const lib = estate.libraries[DS1_LIBRARY];
    if (!lib) throw new Error('fixture');
    lib.available = false;
    const w = new World(estate);
    w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Fast' });
    w.advance(5);
    expect(w.activeAlert('Library not available', 'srv-DS1', DS1_LIBRARY)).toBeDefined();
  });

  it(
    'describes an alert with its DPM alert ID where DPM has one, and acknowledging keeps it active while ' +
      'inactivating resolves it',
    () => {
      const w = new World(scenario1());
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
      const alert = w.activeAlert('Replica is inconsistent', 'srv-DS3', 'rep-DS3-DS1-PS1-C');
      if (!alert) throw new Error('no alert');
      expect(alert.description.endsWith(`(ID ${ALERT_CATALOG['Replica is inconsistent'].dpmId})`)).toBe(true);
      w.run(acknowledgeAlert, { serverId: alert.serverId, alertId: alert.id, comment: 'Checking' });
      expect(w.estate.alerts[alert.id]).toMatchObject({
        state: 'Active',
        acknowledged: { by: 'test', comment: 'Checking' },
      });
      w.run(inactivateAlert, { serverId: alert.serverId, alertId: alert.id });
      expect(w.estate.alerts[alert.id]?.state).toBe('Inactive');
      expect(inactivateAlert(w.estate, { serverId: alert.serverId, alertId: alert.id }, w.ctx())).toMatchObject({
        code: 'INVALID_STATE',
      });
      // DPM's own IDs only, each once; no invented number reads as DPM's.
      const ids = Object.values(ALERT_CATALOG).flatMap((a) => (a.dpmId === null ? [] : [a.dpmId]));
      expect(ids.sort()).toEqual([3104, 3106, 3114, 3115, 3118]);
    },
  );
});
