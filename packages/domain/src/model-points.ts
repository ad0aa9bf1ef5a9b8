import type { DbHistoryPeriod, Replica, Version } from './model';
import type { ProtectionGroup } from './model-goals';

/** Recovery points, on disk, tape or online, and what a tape holds: the estate's history. */

export type RecoveryPointLocation = 'Disk' | 'Tape' | 'Online';

/** What a DPMDB backup holds: the server's configuration at that time (restored by DpmSync). */
export interface DpmdbSnapshot {
  serverName: string;
  fqdn: string;
  version: Version;
  groups: ProtectionGroup[];
  replicas: Replica[];
  ownedComputerIds: string[];
  /** The database's job history periods when it was backed up (absent in older backups: all of it). */
  dbHistory?: DbHistoryPeriod[];
}

export interface RecoveryPoint {
  id: string;
  serverId: string;
  /** The replica it was created from; null for a point read from an external tape. */
  replicaId: string | null;
  dataSourceId: string;
  time: number;
  location: RecoveryPointLocation;
  expiresAt: number;
  tapeId: string | null;
  /** Read from an imported tape by Recatalog imported tape (External DPM Tapes). */
  external: boolean;
  dpmdb: DpmdbSnapshot | null;
  sizeGb: number;
}

export interface TapeDataSet {
  dataSourceId: string;
  time: number;
  sizeGb: number;
  dpmdb: DpmdbSnapshot | null;
}
