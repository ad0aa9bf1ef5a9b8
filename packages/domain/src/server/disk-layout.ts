import type { DpmServer, PoolDisk, Replica } from '../model';

/** Capacity of the storage pool: its disks that answer. */
export function poolCapacityGb(server: Pick<DpmServer, 'disks'>): number {
  return server.disks.reduce((n, d) => (d.missing ? n : n + d.sizeGb), 0);
}

export interface DiskUse {
  disk: PoolDisk;
  allocatedGb: number;
  replicaIds: string[];
}

/**
 * Where the replica volumes of a DPM server lie in its storage pool: in the order they were
 * created, each fills the healthy disks in their order and spans onto the next one when it does
 * not fit, as DPM allocates dynamic volumes. A replica no longer in the storage pool (missing, or
 * deleted with its protection) takes no space. Returned per disk, and per replica its disks.
 */
export function diskLayout(
  server: DpmServer,
  replicas: Replica[],
): { disks: DiskUse[]; byReplica: Map<string, string[]> } {
  const disks: DiskUse[] = server.disks.map((disk) => ({ disk, allocatedGb: 0, replicaIds: [] }));
  const byReplica = new Map<string, string[]>();
  const healthy = disks.filter((d) => !d.disk.missing);
  const ordered = replicas
    .filter((r) => r.serverId === server.id && r.inStoragePool)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  let i = 0;
  for (const r of ordered) {
    let left = r.allocatedGb;
    const on: string[] = [];
    while (left > 0 && i < healthy.length) {
      const use = healthy[i] as DiskUse;
      const room = use.disk.sizeGb - use.allocatedGb;
      if (room <= 0) {
        i += 1;
        continue;
      }
      const taken = Math.min(room, left);
      use.allocatedGb += taken;
      use.replicaIds.push(r.id);
      on.push(use.disk.id);
      left -= taken;
    }
    byReplica.set(r.id, on);
  }
  return { disks, byReplica };
}

/** Disks of a pool of `totalGb`: as many of at most `diskGb` as it takes, named as Disk Management does. */
export function poolDisks(serverId: string, totalGb: number, diskGb = 10_000): PoolDisk[] {
  const disks: PoolDisk[] = [];
  for (let left = totalGb, n = 1; left > 0; n += 1) {
    const sizeGb = Math.min(diskGb, left);
    disks.push({ id: `disk-${serverId}-${n}`, name: `Disk ${n}`, sizeGb, missing: false });
    left -= sizeGb;
  }
  return disks;
}
