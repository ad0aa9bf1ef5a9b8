import type { Revision, TapeDataSet } from './model';

/** Tape libraries and their tapes (Management › Libraries). */

export type TapeLocation = 'Slot' | 'Drive' | 'I/E port' | 'Offsite';

export interface Tape {
  id: string;
  libraryId: string | null;
  slot: number | null;
  location: TapeLocation;
  barcode: string;
  label: string | null;
  /** The DPM server (and its install generation) that wrote the tape; null for a blank tape. */
  writtenBy: { serverId: string; generation: number; serverName: string } | null;
  dataSets: TapeDataSet[];
  encryptedWith: string | null;
  expiresAt: number | null;
  free: boolean;
  /** Seen by a library scan or fast inventory (barcode). */
  inventoried: boolean;
  /** Header read by a detailed inventory. */
  headerRead: boolean;
  /** Contents read by Recatalog imported tape, on this server and generation. */
  catalogedBy: { serverId: string; generation: number } | null;
  suspect: boolean;
  cleaning: boolean;
}

export interface Library {
  id: string;
  serverId: string;
  name: string;
  drives: { name: string; needsCleaning: boolean }[];
  slots: number;
  doorLocked: boolean;
  enabled: boolean;
  available: boolean;
  lastRescanAt: number | null;
  /** Changed by Lock / Unlock library door and Disable / Enable library (STALE). */
  revision: Revision;
}
