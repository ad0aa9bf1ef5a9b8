import type { Estate } from '../model';
import { rowsWhere } from '../draft';

export type DpmdbMethod = 'Secondary DPM server' | 'Storage pool' | 'Tape' | 'Online';

export interface DpmdbProtection {
  serverId: string;
  server: string;
  methods: { method: DpmdbMethod; detail: string; recoveryPoints: number; latest: number | null }[];
  /** What the methods mean for a disaster (seed 001, "Back up the DPM database"). */
  assessment: string;
}

/**
 * For each DPM server, which of seed 001's methods protect its DPMDB now, and what that means
 * if the server is lost.
 */
export function dpmdbProtection(estate: Estate): DpmdbProtection[] {
  return Object.values(estate.servers)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((server) => {
      const dpmdb = Object.values(estate.dataSources).find(
        (d) => d.computerId === server.computerId && d.kind === 'DPMDB',
      );
      const methods: DpmdbProtection['methods'] = [];
      if (dpmdb) {
        for (const r of Object.values(estate.replicas)) {
          if (r.dataSourceId !== dpmdb.id || r.groupId === null || r.sourceServerId !== null) continue;
          const rps = rowsWhere(estate, 'recoveryPoints', 'replicaId', r.id);
          const latest = rps.reduce<number | null>((m, p) => (m === null || p.time > m ? p.time : m), null);
          const by = estate.servers[r.serverId]?.name ?? r.serverId;
          methods.push(
            r.serverId === server.id
              ? {
                  method: 'Storage pool',
                  detail: `${server.name} protects its own database (up to 512 express full backups)`,
                  recoveryPoints: rps.length,
                  latest,
                }
              : {
                  method: 'Secondary DPM server',
                  detail: `Protected by ${by} (up to 512 express full backups)`,
                  recoveryPoints: rps.length,
                  latest,
                },
          );
        }
        const tapes = Object.values(estate.tapes).filter((t) => t.dataSets.some((s) => s.dataSourceId === dpmdb.id));
        if (tapes.length > 0) {
          const times = tapes.flatMap((t) => t.dataSets.filter((s) => s.dataSourceId === dpmdb.id).map((s) => s.time));
          methods.push({
            method: 'Tape',
            detail: `On ${tapes.length} tape(s): ${tapes.map((t) => t.barcode).join(', ')}`,
            recoveryPoints: times.length,
            latest: Math.max(...times),
          });
        }
      }
      if (server.online)
        methods.push({
          method: 'Online',
          detail: `Registered to vault ${server.online.vault} (up to 120 recovery points)`,
          recoveryPoints: 0,
          latest: null,
        });
      const offServer = methods.some((m) => m.method !== 'Storage pool');
      const assessment =
        methods.length === 0
          ? `Nothing protects the database of ${server.name}: after a failure it must be rebuilt by hand and its ` +
            `disk-based recovery points are lost.`
          : offServer
            ? `${server.name} can be rebuilt from a copy of its database held off the server.`
            : `Only ${server.name}'s own storage pool holds its database: not a good option for disaster recovery.`;
      return { serverId: server.id, server: server.name, methods, assessment };
    });
}
