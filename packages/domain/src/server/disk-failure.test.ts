import { describe, expect, it } from 'vitest';
import { demo } from '../fixtures/scenarios';
import { World, expectRefusal } from '../test-support';
import { addDisk } from './add-disk';
import { removeDisk, simulateDiskFailure } from './disk-failure';
import { diskLayout, poolCapacityGb } from './disk-layout';
import { dpmSyncReallocateReplica } from './dpmsync-reallocate-replica';

const DS1 = 'srv-DS1';

const capacity = (w: World) => poolCapacityGb(w.estate.servers[DS1] ?? { disks: [] });

function layout(w: World) {
  const server = w.estate.servers[DS1];
  if (!server) throw new Error('fixture');
  return diskLayout(server, Object.values(w.estate.replicas));
}

describe(
  'Management › Disks: the storage pool disks, a missing disk and the way back (Replica is ' +
    'missing → DpmSync -ReallocateReplica, seeds 000 and 001)',
  () => {
    it('lays the replicas of DS1 on its disks in order and adds a disk after the others', () => {
      const w = new World(demo());
      const before = layout(w);
      expect(before.disks.map((d) => d.disk.name)).toEqual(['Disk 1', 'Disk 2']);
      const used = before.disks.reduce((n, d) => n + d.allocatedGb, 0);
      const allocated = Object.values(w.estate.replicas)
        .filter((r) => r.serverId === DS1 && r.inStoragePool)
        .reduce((n, r) => n + r.allocatedGb, 0);
      expect(used).toBe(allocated);
      expect(before.disks[0]?.replicaIds.length).toBeGreaterThan(0);
      w.run(addDisk, { serverId: DS1, sizeGb: 4000 });
      expect(w.estate.servers[DS1]?.disks.map((d) => `${d.name} ${d.sizeGb}`)).toEqual([
        'Disk 1 10000',
        'Disk 2 10000',
        'Disk 3 4000',
      ]);
      expect(capacity(w)).toBe(24_000);
    });

    it(
      'a missing disk makes every replica on it Replica is missing with its critical alert; it is removed, and ' +
        'DpmSync -ReallocateReplica makes them Manual replica creation pending',
      () => {
        const w = new World(demo());
        const onDisk1 = layout(w).disks[0]?.replicaIds ?? [];
        const elsewhere = Object.values(w.estate.replicas).filter((r) => r.serverId === DS1 && !onDisk1.includes(r.id));
        expect(onDisk1.length).toBeGreaterThan(0);
        // A disk that holds replica volumes can't be taken out of the pool.
        expectRefusal(
          w.estate,
          (s) => removeDisk(s, { serverId: DS1, diskId: 'disk-srv-DS1-1' }, w.ctx()),
          'INVALID_STATE',
          ['Disk 1', 'DS1'],
        );

        w.run(simulateDiskFailure, { serverId: DS1, diskId: 'disk-srv-DS1-1' });
        for (const id of onDisk1) {
          expect(w.status(id)).toBe('Replica is missing');
          expect(w.activeAlert('Replica is missing', DS1, id)).toMatchObject({ severity: 'Critical' });
        }
        for (const r of elsewhere) expect(w.status(r.id)).toBe(r.status);
        expect(capacity(w)).toBe(10_000);
        expectRefusal(
          w.estate,
          (s) => simulateDiskFailure(s, { serverId: DS1, diskId: 'disk-srv-DS1-1' }, w.ctx()),
          'INVALID_STATE',
          ['Disk 1', 'already missing'],
        );

        w.run(removeDisk, { serverId: DS1, diskId: 'disk-srv-DS1-1' });
        expect(w.estate.servers[DS1]?.disks.map((d) => d.name)).toEqual(['Disk 2']);
        expect(capacity(w)).toBe(10_000);
        w.run(addDisk, { serverId: DS1, sizeGb: 10_000 });
        w.run(dpmSyncReallocateReplica, { serverId: DS1 });
        for (const id of onDisk1) {
          expect(w.status(id)).toBe('Manual replica creation pending');
          expect(w.activeAlert('Replica is missing', DS1, id)).toBeUndefined();
        }
        // Reallocated, the replicas take space on the disks again.
        expect(layout(w).byReplica.get(onDisk1[0] ?? '')?.length).toBeGreaterThan(0);
      },
    );

    it('refuses an unknown disk and changes nothing', () => {
      const w = new World(demo());
      expectRefusal(
        w.estate,
        (s) => simulateDiskFailure(s, { serverId: DS1, diskId: 'Disk 9' }, w.ctx()),
        'NOT_FOUND',
        ['Disk 9'],
      );
    });
  },
);
