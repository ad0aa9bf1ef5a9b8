import type { Estate } from '../model';
import { rowsOf } from '../table-index';
import type { Table } from '../stored-rows';
import { isStored } from '../stored-rows';
import type { ObjectKind, Targets } from './operation';
import { demo, scenario1, scenario2, scenario3 } from '../fixtures/scenarios';
import { DPM_2019_UR1 } from '../fixtures/builder';
import { DS1_LIBRARY, World } from '../test-support';
import { switchProtection } from '../protection/switch-protection';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { failServer } from '../server/fail-server';
import { reinstallServer } from '../server/reinstall-server';
import { rescanLibraries } from '../library/rescan';
import { inventoryLibrary } from '../library/inventory';
import { simulateDiskFailure } from '../server/disk-failure';
import { stopProtection } from '../protection/stop-protection';
import { setLibraryEnabled } from '../library/set-library-enabled';

/** The estates and targets the catalogue test walks. */

/** The estates walked: each a moment of a procedure an administrator rehearses. */
export function estates(): [string, World][] {
  const switched = new World(scenario1());
  switched.run(switchProtection, { serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'], direction: 'to-secondary' });
  switched.advance(1);

  const switchedBack = new World(scenario1());
  switchedBack.run(switchProtection, {
    serverId: 'srv-DS3',
    replicaIds: ['rep-DS3-DS1-PS1-C', 'rep-DS3-DS1-PS1-D'],
    direction: 'to-secondary',
  });
  switchedBack.advance(60);
  switchedBack.run(switchProtection, {
    serverId: 'srv-DS3',
    replicaIds: ['rep-DS3-DS1-PS1-C'],
    direction: 'to-primary',
  });

  const failedJob = new World(scenario1());
  failedJob.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], location: 'Disk' });
  failedJob.run(switchProtection, {
    serverId: 'srv-DS3',
    replicaIds: ['rep-DS3-DS1-PS1-C'],
    direction: 'to-secondary',
  });
  failedJob.advance(2);

  const failed = new World(demo());
  failed.run(failServer, { serverId: 'srv-DS1' });

  const rebuilt = new World(demo());
  rebuilt.run(failServer, { serverId: 'srv-DS1' });
  rebuilt.run(reinstallServer, { serverId: 'srv-DS1', version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' });
  rebuilt.run(rescanLibraries, { serverId: 'srv-DS1' });
  rebuilt.advance(5);
  rebuilt.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
  rebuilt.advance(10);

  const disk = new World(demo());
  disk.run(simulateDiskFailure, { serverId: 'srv-DS1', diskId: 'disk-srv-DS1-1' });
  disk.run(stopProtection, { serverId: 'srv-DS2', replicaIds: ['rep-DS2-PS3-C'], retainReplica: true });
  disk.run(setLibraryEnabled, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, enabled: false });

  return [
    ['scenario-1', new World(scenario1())],
    ['scenario-2', new World(scenario2())],
    ['scenario-3', new World(scenario3())],
    ['demo', new World(demo())],
    ['scenario-1, PS1 C:\\ switched to DS3, its check running', switched],
    ['scenario-1, PS1 C:\\ switched back, D:\\ still switched', switchedBack],
    ['scenario-1, a failed recovery point on DS1', failedJob],
    ['demo, DS1 failed', failed],
    ['demo, DS1 rebuilt, its library inventoried', rebuilt],
    ['demo, a failed disk, an inactive member, a disabled library', disk],
  ];
}

/** Every object of a kind in an estate, named as a request names it; recovery points sampled. */
export function targets<K extends ObjectKind>(estate: Estate, kind: K): Targets[K][] {
  const all = <T>(t: Table<T>) => (isStored(t) ? t.all() : Object.values(t));
  const out: unknown[] = [];
  switch (kind) {
    case 'member':
      for (const r of all(estate.replicas)) out.push({ serverId: r.serverId, replicaId: r.id });
      // An object named under another server is not found, both ways.
      for (const r of all(estate.replicas).slice(0, 2))
        out.push({ serverId: r.serverId === 'srv-DS2' ? 'srv-DS1' : 'srv-DS2', replicaId: r.id });
      break;
    case 'group':
      for (const g of all(estate.groups)) out.push({ serverId: g.serverId, groupId: g.id });
      break;
    case 'alert':
      for (const a of all(estate.alerts)) out.push({ serverId: a.serverId, alertId: a.id });
      break;
    case 'job':
      for (const j of all(estate.jobs)) out.push({ serverId: j.serverId, jobId: j.id });
      break;
    case 'agent':
      for (const c of all(estate.computers))
        if (c.agent) for (const s of all(estate.servers)) out.push({ serverId: s.id, computerId: c.id });
      break;
    case 'library':
      for (const l of all(estate.libraries)) out.push({ serverId: l.serverId, libraryId: l.id });
      break;
    case 'tape':
      for (const t of all(estate.tapes)) {
        const library = t.libraryId ? estate.libraries[t.libraryId] : undefined;
        if (library) out.push({ serverId: library.serverId, tapeId: t.id });
      }
      break;
    case 'disk':
      for (const s of all(estate.servers)) for (const d of s.disks) out.push({ serverId: s.id, diskId: d.id });
      break;
    case 'server':
      for (const s of all(estate.servers)) out.push({ serverId: s.id });
      break;
    case 'estate':
      out.push({});
      break;
    case 'computer':
      for (const c of all(estate.computers)) out.push({ computerId: c.id });
      break;
    case 'recoveryPoint': {
      const latest = new Map<string, { serverId: string; recoveryPointId: string; time: number }>();
      for (const rp of rowsOf(estate, 'recoveryPoints')) {
        const key = `${rp.serverId}|${rp.dataSourceId}|${rp.location}|${rp.external}`;
        const seen = latest.get(key);
        if (!seen || seen.time < rp.time)
          latest.set(key, { serverId: rp.serverId, recoveryPointId: rp.id, time: rp.time });
      }
      for (const { serverId, recoveryPointId } of latest.values()) out.push({ serverId, recoveryPointId });
      break;
    }
  }
  return out as Targets[K][];
}
