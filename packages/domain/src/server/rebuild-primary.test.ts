import { describe, expect, it } from 'vitest';
import { dbHistoryNote, jobInHistory } from './db-history';
import { knownLibrary } from '../library/library-on-server';
import { demo } from '../fixtures/scenarios';
import { DPM_2019_RTM, DPM_2019_UR1 } from '../fixtures/builder';
import {
  DS1_DPMDB_TAPE,
  DS1_LIBRARY,
  RESTORE_FOLDER,
  World,
  expectRefusal,
  latestDiskPoint,
  recoverDs1DpmdbToFolder,
} from '../test-support';
import { tapeStatus } from '../library/tape-status';
import { rescanLibraries } from '../library/rescan';
import { inventoryLibrary } from '../library/inventory';
import { recatalogImportedTape } from '../library/recatalog-imported-tape';
import { recover } from '../recovery/recover';
import { restoreToReplica } from '../recovery/restore-to-replica';
import { performConsistencyCheck } from '../protection/perform-consistency-check';
import { reestablishProtection } from '../agents/reestablish-protection';
import { connectivityChecks } from '../agents/connectivity';
import { failServer } from './fail-server';
import { reinstallServer } from './reinstall-server';
import { dpmSyncRestoreDb } from './dpmsync-restore-db';
import { dpmSyncSync } from './dpmsync-sync';
import { dpmSyncReallocateReplica } from './dpmsync-reallocate-replica';
import { recoveryRunbook } from './runbook';

const DS1 = 'srv-DS1';
const DS1_REPLICAS = [
  'rep-DS1-PS1-C',
  'rep-DS1-PS1-D',
  'rep-DS1-PS1-SQL',
  'rep-DS1-PS2-C',
  'rep-DS1-PS2-D',
  'rep-DS1-PS2-SQL',
];
const PS1_SOURCES = ['ds-PS1-C', 'ds-PS1-D', 'ds-PS1-SQL'];

const server = (w: World) => {
  const s = w.estate.servers[DS1];
  if (!s) throw new Error('DS1 is missing');
  return s;
};
const library = (w: World) => {
  const l = w.estate.libraries[DS1_LIBRARY];
  if (!l) throw new Error('DS1 library is missing');
  return l;
};
const tape = (w: World, id: string) => {
  const t = w.estate.tapes[id];
  if (!t) throw new Error(`${id} is missing`);
  return t;
};
/** The runbook's steps that are done, by key. */
const doneSteps = (w: World) =>
  recoveryRunbook(w.estate, DS1)
    .filter((s) => s.done)
    .map((s) => s.key);
const diskPoints = (w: World, serverId: string, dataSourceIds: string[]) =>
  Object.values(w.estate.recoveryPoints).filter(
    (p) => p.serverId === serverId && p.location === 'Disk' && dataSourceIds.includes(p.dataSourceId),
  );

describe('Rebuilding a failed primary on the demo fixture (seeds 000, 001)', () => {
  it("rebuilds DS1 from its DPMDB tape and DS3's replicas, step by step", () => {
    const w = new World(demo());
    expect(tapeStatus(tape(w, DS1_DPMDB_TAPE), server(w))).toBe('DS1-DPMDB-Tape-0001');
    expect(doneSteps(w)).toEqual([]);

    // Mark failed: DS3, which owns DS1's agent, can't reach it.
    w.run(failServer, { serverId: DS1 });
    expect(server(w).state).toBe('Failed');
    expect(w.activeAlert('Agent unreachable', 'srv-DS3', 'cmp-DS1')).toBeDefined();
    expect(doneSteps(w)).toEqual(['failed']);

    // Reinstall: a new, empty DPMDB.
    w.run(reinstallServer, { serverId: DS1, version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' });
    expect(server(w)).toMatchObject({ state: 'Online', generation: 2, service: 'Running' });
    expect(Object.values(w.estate.replicas).filter((r) => r.serverId === DS1)).toEqual([]);
    expect(Object.values(w.estate.groups).filter((g) => g.serverId === DS1)).toEqual([]);
    expect(w.owner('cmp-PS1')).toBeNull();
    expect(w.activeAlert('Agent unreachable', 'srv-DS3', 'cmp-DS1')).toBeUndefined();
    expect(doneSteps(w)).toEqual(['failed', 'reinstall']);
    // Seed 000: the new DPMDB knows no job of the old one, and no library or tape until Rescan.
    const jobsShown = () =>
      Object.values(w.estate.jobs).filter((j) => j.serverId === DS1 && jobInHistory(server(w), j));
    expect(jobsShown()).toEqual([]);
    expect(Object.values(w.estate.jobs).filter((j) => j.serverId === DS1).length).toBeGreaterThan(0);
    expect(knownLibrary(library(w), server(w))).toBe(false);
    expectRefusal(
      w.estate,
      (s) => inventoryLibrary(s, { serverId: DS1, libraryId: DS1_LIBRARY, kind: 'Detailed' }, w.ctx()),
      'NOT_FOUND',
      ['Rescan'],
    );

    // Library: Rescan finds it with its tapes Unknown; a Detailed inventory reads their headers, and
    // the DPMDB tape DS1 wrote before the reinstall shows Imported.
    w.run(rescanLibraries, { serverId: 'srv-DS1' });
    w.advance(5);
    expect(w.jobs('Library rescan').filter((j) => j.serverId === DS1)[0]?.status).toBe('Completed');
    expect(knownLibrary(library(w), server(w))).toBe(true);
    expect(tapeStatus(tape(w, DS1_DPMDB_TAPE), server(w))).toBe('Unknown');
    w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
    w.advance(10);
    expect(w.jobs('Detailed inventory', { libraryId: DS1_LIBRARY })[0]?.status).toBe('Completed');
    expect(tapeStatus(tape(w, 'tape-UNK010L8'), server(w))).toBe('Free');
    expect(tapeStatus(tape(w, DS1_DPMDB_TAPE), server(w))).toBe('Imported');
    expect(doneSteps(w)).toEqual(['failed', 'reinstall', 'rescan', 'inventory']);

    // Before it is recataloged, its data can't be recovered (NOT_CATALOGED), then Recatalog imported tape.
    const toFolder = {
      serverId: DS1,
      tape: { tapeId: DS1_DPMDB_TAPE, dataSetIndex: 0 },
      recoveryType: 'Copy to a network folder' as const,
      destination: RESTORE_FOLDER,
    };
    expectRefusal(w.estate, (s) => recover(s, toFolder, w.ctx()), 'NOT_CATALOGED', ['DS1001L8', 'External DPM Tapes']);
    w.run(recatalogImportedTape, { serverId: 'srv-DS1', tapeId: DS1_DPMDB_TAPE });
    w.advance(10);
    const external = Object.values(w.estate.recoveryPoints).filter((p) => p.serverId === DS1 && p.external);
    expect(external).toHaveLength(1);
    expect(external[0]).toMatchObject({
      dataSourceId: 'ds-DS1-DPMDB',
      location: 'Tape',
      tapeId: DS1_DPMDB_TAPE,
      replicaId: null,
    });
    expect(external[0]?.dpmdb?.fqdn).toBe('ds1.contoso.com');

    // Recovery › External DPM Tapes › recover the DPMDB to a network folder.
    w.run(recover, toFolder);
    w.advance(10);
    const recovery = w.jobs('Tape recovery')[0];
    expect(recovery).toMatchObject({
      status: 'Completed',
      params: { recoveryType: 'Copy to a network folder', destination: RESTORE_FOLDER },
    });
    expect(w.alerts('Recovery succeeded', DS1).filter((a) => a.state === 'Active')).toHaveLength(1);
    expect(doneSteps(w)).toEqual(['failed', 'reinstall', 'rescan', 'inventory', 'recatalog', 'recover-db']);

    // DpmSync -RestoreDb -DbLoc: the service goes offline with the database attached.
    const backupTime = external[0]?.time ?? 0;
    const restoredAt = w.now;
    w.run(dpmSyncRestoreDb, { serverId: DS1, dbLocation: RESTORE_FOLDER, instanceName: null });
    expect(server(w)).toMatchObject({ service: 'Offline', dbRestorePending: true });
    // The restored database holds the jobs up to its backup, none after it (those are lost, as in DPM).
    const shown = jobsShown();
    expect(shown.filter((j) => j.scheduledAt <= backupTime).length).toBeGreaterThan(0);
    expect(shown.filter((j) => j.scheduledAt > backupTime && j.scheduledAt < restoredAt)).toEqual([]);
    expect(shown.filter((j) => j.scheduledAt >= restoredAt).map((j) => j.type)).toEqual(['Database restore']);
    expect(dbHistoryNote(server(w))).toContain('restored from its backup of');
    expect(
      Object.keys(w.estate.groups)
        .filter((id) => w.estate.groups[id]?.serverId === DS1)
        .sort(),
    ).toEqual(['pg-DS1-1', 'pg-DS1-2']);
    expect(w.owner('cmp-PS1')).toBe(DS1);
    expect(w.owner('cmp-PS2')).toBe(DS1);
    // Seed 000: recovery points of the data sources DS1 protected can't be restored from DS1; DS3 has them.
    expect(diskPoints(w, DS1, PS1_SOURCES)).toEqual([]);
    expect(diskPoints(w, 'srv-DS3', PS1_SOURCES).length).toBeGreaterThan(0);
    for (const ds of PS1_SOURCES) expect(diskPoints(w, 'srv-DS3', [ds]).length, ds).toBeGreaterThan(0);

    // DpmSync -Sync: the database knows the replicas, the storage pool lacks them.
    w.run(dpmSyncSync, { serverId: DS1 });
    expect(server(w)).toMatchObject({ service: 'Running', dbRestorePending: false });
    for (const id of DS1_REPLICAS) expect(w.status(id), id).toBe('Replica is missing');

    // DpmSync -ReallocateReplica.
    w.run(dpmSyncReallocateReplica, { serverId: DS1 });
    for (const id of DS1_REPLICAS) expect(w.status(id), id).toBe('Manual replica creation pending');
    expect(doneSteps(w)).toContain('reallocate');
    expect(doneSteps(w)).not.toContain('restore-replicas');

    // Restore to replica from DS3's recovery points.
    for (const id of DS1_REPLICAS) {
      const point = latestDiskPoint(w.estate, 'srv-DS3', w.replica(id).dataSourceId);
      w.run(restoreToReplica, { serverId: 'srv-DS1', replicaId: id, recoveryPointId: point.id });
    }
    w.advance(90);
    for (const id of DS1_REPLICAS) {
      expect(w.replica(id), id).toMatchObject({ status: 'Manual replica creation pending', dataRestored: true });
      expect(w.jobs('Disk recovery', { replicaId: id })[0]?.status, id).toBe('Completed');
    }

    // Consistency check: OK.
    w.run(performConsistencyCheck, { serverId: 'srv-DS1', replicaIds: DS1_REPLICAS });
    w.advance(60);
    for (const id of DS1_REPLICAS) expect(w.status(id), id).toBe('OK');
    expect(
      Object.values(w.estate.alerts).filter(
        (a) => a.serverId === DS1 && a.state === 'Active' && a.name !== 'Recovery succeeded',
      ),
    ).toEqual([]);
    // Still no disk recovery point of PS1 on DS1: the restored replicas start a new history.
    expect(diskPoints(w, DS1, PS1_SOURCES)).toEqual([]);

    // Re-establish protection on each protected computer.
    for (const computerId of ['cmp-PS1', 'cmp-PS2']) {
      w.run(reestablishProtection, { serverId: DS1, computerId });
      const computer = w.estate.computers[computerId];
      if (!computer) throw new Error(computerId);
      expect(connectivityChecks(computer, server(w)).every((c) => c.ok)).toBe(true);
    }
    // Every step of the runbook is done, derived from the estate alone.
    expect(recoveryRunbook(w.estate, DS1).filter((s) => !s.done && !s.optional)).toEqual([]);
  });

  it('restores the DPMDB recovered from the secondary DS3 instead of tape (seed 001)', () => {
    const w = new World(demo());
    w.run(failServer, { serverId: DS1 });
    w.run(reinstallServer, { serverId: DS1, version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' });
    const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-DS1-DPMDB');
    expect(point.dpmdb?.serverName).toBe('DS1');
    w.run(recover, {
      serverId: 'srv-DS3',
      recoveryPointId: point.id,
      recoveryType: 'Copy to a network folder',
      destination: RESTORE_FOLDER,
    });
    w.advance(10);
    w.run(dpmSyncRestoreDb, { serverId: DS1, dbLocation: `${RESTORE_FOLDER}\\`, instanceName: null });
    w.run(dpmSyncSync, { serverId: DS1 });
    for (const id of DS1_REPLICAS) expect(w.status(id), id).toBe('Replica is missing');
  });

  it(
    'refuses DpmSync -RestoreDb on DS1 reinstalled with update rollup 3 from a rollup 4 database: ' +
      'DB_VERSION_MISMATCH (seed 001)',
    () => {
      const w = recoverDs1DpmdbToFolder({ version: DPM_2019_RTM, fqdn: 'ds1.contoso.com' });
      expectRefusal(
        w.estate,
        (s) => dpmSyncRestoreDb(s, { serverId: DS1, dbLocation: RESTORE_FOLDER, instanceName: null }, w.ctx()),
        'DB_VERSION_MISMATCH',
        ['DS1', '10.19.260.0 UR1', '10.19.58.0 RTM', 'update rollup'],
      );
    },
  );

  it('refuses DpmSync -RestoreDb on DS1 reinstalled as ds1-new.contoso.com: FQDN_MISMATCH (seed 001)', () => {
    const w = recoverDs1DpmdbToFolder({ version: DPM_2019_UR1, fqdn: 'ds1-new.contoso.com' });
    expectRefusal(
      w.estate,
      (s) => dpmSyncRestoreDb(s, { serverId: DS1, dbLocation: RESTORE_FOLDER, instanceName: null }, w.ctx()),
      'FQDN_MISMATCH',
      ['ds1.contoso.com', 'ds1-new.contoso.com'],
    );
  });

  it('reads tape goals of a DPMDB backed up before they had a frequency as they are now', () => {
    const w = recoverDs1DpmdbToFolder();
    const point = Object.values(w.estate.recoveryPoints).find((p) => p.serverId === DS1 && p.external && p.dpmdb);
    if (!point?.dpmdb) throw new Error('no DPMDB point');
    const legacy = { backupTime: 120, retentionYears: 3, libraryId: DS1_LIBRARY, copies: 1, encrypt: false };
    const groups = point.dpmdb.groups.map((g) => ({ ...g, tape: legacy as unknown as typeof g.tape }));
    w.estate.recoveryPoints[point.id] = { ...point, dpmdb: { ...point.dpmdb, groups } };
    w.run(dpmSyncRestoreDb, { serverId: DS1, dbLocation: RESTORE_FOLDER, instanceName: null });
    const restored = Object.values(w.estate.groups).filter((g) => g.serverId === DS1);
    expect(restored.length).toBeGreaterThan(0);
    for (const g of restored)
      expect(g.tape).toMatchObject({ frequency: 'Daily', backupTime: 120, retention: { count: 3, unit: 'Years' } });
  });

  it('refuses DpmSync -RestoreDb from a folder that holds no DPMDB, and -Sync before -RestoreDb', () => {
    const w = recoverDs1DpmdbToFolder();
    expect(
      dpmSyncRestoreDb(w.estate, { serverId: DS1, dbLocation: 'C:\\Elsewhere', instanceName: null }, w.ctx()),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(dpmSyncSync(w.estate, { serverId: DS1 }, w.ctx())).toMatchObject({ code: 'INVALID_STATE' });
    expect(dpmSyncReallocateReplica(w.estate, { serverId: DS1 }, w.ctx())).toMatchObject({ code: 'INVALID_STATE' });
  });
});
