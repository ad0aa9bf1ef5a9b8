import type { DpmServer, Estate, Tape, TapeDataSet } from '../model';
import { rowsWhere } from '../draft';
import { dpmdbOf, pointsOf } from './scope';

export type DpmdbBackupLocation = 'Disk' | 'Secondary DPM server' | 'Online' | 'Tape';

/** One place that holds a backup of a DPM server's database, with its newest copy there. */
export interface DpmdbBackup {
  serverId: string;
  server: string;
  location: DpmdbBackupLocation;
  /** Which server, vault, library or shelf holds it, in words. */
  where: string;
  time: number;
  /** The tape, for a tape backup (seed 001: the Status report names its label and barcode). */
  tape: { id: string; barcode: string; label: string | null; location: string } | null;
}

/** The newest DPMDB data set on each tape, by data source: built once for a report. */
export function tapeSetsByDataSource(estate: Estate): Map<string, { tape: Tape; set: TapeDataSet }[]> {
  const out = new Map<string, { tape: Tape; set: TapeDataSet }[]>();
  for (const tape of Object.values(estate.tapes)) {
    if (tape.free) continue;
    for (const set of tape.dataSets) {
      if (set.dpmdb === null) continue;
      const list = out.get(set.dataSourceId) ?? [];
      list.push({ tape, set });
      out.set(set.dataSourceId, list);
    }
  }
  return out;
}

/** Where a tape is: its library and slot, the drive, the I/E port, or off-site. */
export function tapeWhere(estate: Estate, tape: Tape): string {
  if (tape.location === 'Offsite') return 'Off-site';
  const library = tape.libraryId ? estate.libraries[tape.libraryId] : undefined;
  if (!library) return 'Not in a library';
  if (tape.location === 'Slot') return `${library.name}, slot ${tape.slot ?? '?'}`;
  return `${library.name}, ${tape.location}`;
}

/**
 * For one DPM server, the newest backup of its DPMDB in each place that holds one (seed 001,
 * "Back up the DPM database"): its own storage pool, a secondary DPM server, online, tape.
 * Newest first. Recovery points read from an imported tape are the tape's, counted once as tape.
 */
export function dpmdbBackups(
  estate: Estate,
  server: DpmServer,
  tapeSets = tapeSetsByDataSource(estate),
): DpmdbBackup[] {
  const dpmdb = dpmdbOf(estate, server);
  if (!dpmdb) return [];
  const newest = new Map<string, DpmdbBackup>();
  const keep = (key: string, b: DpmdbBackup) => {
    const seen = newest.get(key);
    if (!seen || b.time > seen.time) newest.set(key, b);
  };
  for (const rp of rowsWhere(estate, 'replicas', 'dataSourceId', dpmdb.id).flatMap((r) => pointsOf(estate, r.id))) {
    if (rp.external || rp.location === 'Tape') continue;
    const holder = estate.servers[rp.serverId]?.name ?? rp.serverId;
    const base = { serverId: server.id, server: server.name, time: rp.time, tape: null };
    if (rp.location === 'Online')
      keep('Online', {
        ...base,
        location: 'Online',
        where: server.online ? `Vault ${server.online.vault}` : `Online, through ${holder}`,
      });
    else if (rp.serverId === server.id)
      keep('Disk', { ...base, location: 'Disk', where: `Storage pool of ${server.name}` });
    else keep(`Secondary:${rp.serverId}`, { ...base, location: 'Secondary DPM server', where: holder });
  }
  for (const { tape, set } of tapeSets.get(dpmdb.id) ?? []) {
    keep('Tape', {
      serverId: server.id,
      server: server.name,
      location: 'Tape',
      where: tapeWhere(estate, tape),
      time: set.time,
      tape: { id: tape.id, barcode: tape.barcode, label: tape.label, location: tapeWhere(estate, tape) },
    });
  }
  return [...newest.values()].sort((a, b) => b.time - a.time || a.location.localeCompare(b.location));
}
