import { describe, expect, it } from 'vitest';
import { demo, scenario1 } from '../fixtures/scenarios';
import type { AlertName } from '../model';
import { World, expectRefusal, withServers, DS1_LIBRARY } from '../test-support';
import { tapeBackupOfSql } from '../test-steps';
import { switchProtection } from '../protection/switch-protection';
import { takeOwnership } from '../agents/take-ownership';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { failServer } from '../server/fail-server';
import { reinstallServer } from '../server/reinstall-server';
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
  it('Agent unreachable: raised on DS3 when DS1 fails, cleared when DS1 is reinstalled', () => {
    const w = new World(scenario1());
    w.run(failServer, { serverId: 'srv-DS1' });
    const alert = w.activeAlert('Agent unreachable', 'srv-DS3', 'cmp-DS1');
    expect(alert?.description).toContain('DS1 is not reachable from DS3');
    w.run(reinstallServer, { serverId: 'srv-DS1', version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' });
    expect(w.alertState(alert)).toBe('Inactive');
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
      expect(w.alertState(alert)).toBe('Inactive');
    },
  );

  it(
    'Backup to tape failed: raised when no free tape is in the library, cleared by a tape backup after a tape is ' +
      'marked free',
    () => {
      const estate = demo();
      for (const t of Object.values(estate.tapes)) if (t.free) t.location = 'Offsite';
      const w = new World(estate);
      const sql = 'rep-DS1-PS1-SQL';
      tapeBackupOfSql(w);
      expect(w.jobs('Tape backup', { replicaId: sql })[0]).toMatchObject({
        status: 'Failed',
        error: { code: 'NO_FREE_TAPE' },
      });
      const alert = w.activeAlert('Backup to tape failed', 'srv-DS1', sql);
      expect(alert).toBeDefined();

      w.run(markTapeFree, { serverId: 'srv-DS1', tapeId: 'tape-DS2017L8' });
      w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [sql], location: 'Tape' });
      w.advance(30);
      expect(w.alertState(alert)).toBe('Inactive');
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
      expect(w.alertState(alert)).toBe('Inactive');
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
      expect(w.alertState(alert)).toBe('Inactive');
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
    expect(w.alertState(onDs1)).toBe('Inactive');
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

    tapeBackupOfSql(w);
    expect(w.jobs('Tape backup', { replicaId: 'rep-DS1-PS1-SQL' })[0]).toMatchObject({
      status: 'Failed',
      error: { code: 'LIBRARY_NOT_AVAILABLE' },
    });
    expect(w.activeAlert('Backup to tape failed', 'srv-DS1', 'rep-DS1-PS1-SQL')).toBeDefined();
    expect(activeCount(w, 'Library not available')).toBe(1);

    w.run(rescanLibraries, { serverId: 'srv-DS1' });
    w.advance(2);
    expect(w.alertState(alert)).toBe('Inactive');
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
