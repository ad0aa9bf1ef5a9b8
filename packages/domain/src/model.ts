import type { ProtectionGroup } from './model-goals';
import type { Tape, Library } from './model-library';
import type { Job, Alert } from './model-jobs-alerts';
import type { RecoveryPoint } from './model-points';
import type { StoredRows } from './stored-rows';
export * from './model-goals';
export * from './model-library';
export * from './model-jobs-alerts';
export * from './model-points';

/**
 * The DPM estate: every entity the console manages. Plain data, no behaviour; commands in the
 * work-area folders decide over it. Times are epoch milliseconds on the simulated clock.
 */

export interface Version {
  major: number;
  minor: number;
  build: number;
  /** Update rollup; part of the version for every compatibility rule (seed 001). */
  rollup: number;
}

/**
 * The revision of an object an administrator edits (STALE): its number, who made it and when on
 * the simulated clock. A dialog sends the number it showed; an edit made from an older one is
 * refused with who changed it and when, so two administrators never overwrite each other unseen.
 */
export interface Revision {
  n: number;
  by: string;
  at: number;
}

/** The revision of an object nobody has edited since it was created by the estate's set-up. */
export const FIRST_REVISION: Revision = { n: 1, by: 'DPM', at: 0 };

export type ServerState = 'Online' | 'Failed' | 'Not installed';
export type ServiceState = 'Running' | 'Offline';

/** A DPM server that runs DPM: the one a console connects to first, and the one that shows its service. */
export function isOnline(server: { state: ServerState }): boolean {
  return server.state === 'Online';
}

export interface DpmServer {
  id: string;
  name: string;
  fqdn: string;
  /** The computer record of this server: its volumes, DPMDB and folders are data sources there. */
  computerId: string;
  version: Version;
  state: ServerState;
  /** SQL Server VSS Writer service on this server (seed 004: needed to protect its database). */
  vssWriter: 'Running' | 'Stopped';
  /** DPM service: DpmSync -RestoreDb takes it offline, DpmSync -Sync brings it back. */
  service: ServiceState;
  /** Version of the attached DPMDB; equals `version` unless a database was restored onto it. */
  dbVersion: Version;
  /** Install generation: a reinstall starts a new DPMDB, so tapes of an earlier one are Imported. */
  generation: number;
  /** Set by DpmSync -RestoreDb until DpmSync -Sync reconciles the database with the pool. */
  dbRestorePending: boolean;
  /** When DPM was (re)installed on this server. */
  installedAt: number;
  /** The DPMDB recovery point DpmSync -RestoreDb attached since the last install, if any. */
  restoredFrom: string | null;
  /**
   * The periods whose jobs this server's DPM database holds (Monitoring › Jobs). A new install
   * starts an empty database ([{ from: installedAt, to: null }]); DpmSync -RestoreDb attaches a
   * backup, which holds the history up to the backup's time, and what follows is recorded from
   * the restore on: what happened between the backup and the restore is lost (seed 000).
   */
  dbHistory: DbHistoryPeriod[];
  /**
   * The disks of the storage pool, in the order they were added (Management › Disks); the pool's
   * capacity is those that answer (poolCapacityGb).
   */
  disks: PoolDisk[];
  /** Tape encryption certificates installed on this server (TAPE_CERTIFICATE). */
  certificates: string[];
  /** Failed replica restores per data source, kept across stop/re-add (seed 000). */
  replicaRestoreFailures: Record<string, number>;
  /** Vault registration for online protection, if any. */
  online: { vault: string; registeredAt: number } | null;
  /** Recovery › Add External DPM: another DPM server's vault this server may recover from. */
  externalDpm: { vault: string; addedAt: number } | null;
}

export interface DbHistoryPeriod {
  from: number;
  /** null: still being recorded. */
  to: number | null;
}

export interface PoolDisk {
  id: string;
  /** As Disk Management names it: Disk 1, Disk 2… */
  name: string;
  sizeGb: number;
  /** The disk no longer answers: its replicas are Replica is missing until reallocated. */
  missing: boolean;
}

/** Error: the agent answered its server with an error the last time it was contacted (its `error`). */
export type AgentStatus = 'OK' | 'Unreachable' | 'Incompatible' | 'Disabled' | 'Error';

export interface Agent {
  version: Version;
  /** The one DPM server that owns this agent (NOT_OWNER). */
  ownerId: string | null;
  /** During a hand-over (switch back), the server that must Take Ownership. */
  pendingOwnerId: string | null;
  /** Servers that installed or attached this agent: they may Take Ownership of it. */
  attachedTo: string[];
  status: AgentStatus;
  /** The DPM server name the agent reports to (SetDpmServer). */
  dpmServerName: string | null;
  /**
   * What the agent answered its owner the last time it was contacted (Refresh Information, a
   * protection job) when that was an error, shown with status Error; absent in agents stored before.
   */
  error?: string | null;
  /** Changed by every administrator action on the agent (STALE). */
  revision: Revision;
}

/** Local groups and DCOM ACL on a protected computer that list which DPM servers may talk to it (seed 000). */
export interface AgentSecurity {
  distributedComUsers: string[];
  dpmRadComTrustedMachines: string[];
  dpmRadmTrustedMachines: string[];
  /** DPM RA Service, Launch and Activation Permissions. */
  dcomLaunchActivation: string[];
}

export interface Computer {
  id: string;
  name: string;
  fqdn: string;
  domain: string;
  /** Set when this computer is a DPM server. */
  dpmServerId: string | null;
  agent: Agent | null;
  security: AgentSecurity;
}

export type DataSourceKind = 'Volume' | 'SQL database' | 'System state' | 'Share' | 'Folder' | 'DPMDB';

export interface DataSource {
  id: string;
  computerId: string;
  kind: DataSourceKind;
  name: string;
  sizeGb: number;
}

export const PROTECTION_STATUSES = [
  'OK',
  'Replica creation pending',
  'Manual replica creation pending',
  'Replica is inconsistent',
  'Replica inconsistent, verification in progress',
  'Replica is missing',
  'Replica is invalid',
  'Inactive replica available',
] as const;
export type ProtectionStatus = (typeof PROTECTION_STATUSES)[number];

export interface Replica {
  id: string;
  serverId: string;
  /** null once protection stopped with the replica retained (Inactive Protection). */
  groupId: string | null;
  dataSourceId: string;
  /** For secondary protection: the primary DPM server whose replica this one protects. */
  sourceServerId: string | null;
  /** Switch Disaster Protection made this secondary protect the computer directly. */
  switched: boolean;
  status: ProtectionStatus;
  replicaPath: string;
  allocatedGb: number;
  /** The replica volume exists in the storage pool (DpmSync -Sync marks missing ones). */
  inStoragePool: boolean;
  /** Data restored to a manually created replica, waiting for its consistency check. */
  dataRestored: boolean;
  lastSyncAt: number | null;
  createdAt: number;
  /** Changed by Modify disk allocation (STALE); the status follows jobs and is not an edit. */
  revision: Revision;
}

/** The row of each table of the estate. */
export interface EntityRows {
  servers: DpmServer;
  computers: Computer;
  dataSources: DataSource;
  groups: ProtectionGroup;
  replicas: Replica;
  recoveryPoints: RecoveryPoint;
  libraries: Library;
  tapes: Tape;
  jobs: Job;
  alerts: Alert;
}

/**
 * The whole estate, or the slice of it a command decides on. Records are keyed by id. The
 * recovery points and the finished jobs are history, not what commands decide on: a server reads
 * them where they are stored (StoredRows, SQLite) instead of holding them in memory, and holds the
 * jobs scheduled or in progress; fixtures and tests hold every table in a record (InMemoryEstate).
 */
export interface Estate {
  servers: Record<string, DpmServer>;
  computers: Record<string, Computer>;
  dataSources: Record<string, DataSource>;
  groups: Record<string, ProtectionGroup>;
  replicas: Record<string, Replica>;
  recoveryPoints: Record<string, RecoveryPoint> | StoredRows<RecoveryPoint>;
  libraries: Record<string, Library>;
  tapes: Record<string, Tape>;
  jobs: Record<string, Job> | StoredRows<Job>;
  alerts: Record<string, Alert>;
}

/** An estate with every table in memory: a fixture's, a test's. */
export interface InMemoryEstate extends Estate {
  recoveryPoints: Record<string, RecoveryPoint>;
  jobs: Record<string, Job>;
}

export type EntityName = keyof EntityRows;
export type EntityOf<K extends EntityName> = EntityRows[K];

/**
 * A table of the estate: rows by id in a record without a prototype. Ids arrive from URLs and
 * bodies, so `servers['__proto__']` or `servers['constructor']` must find nothing rather than
 * Object.prototype's members (a 200 for a server named `__proto__`).
 */
export function emptyTable<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyEstate(): InMemoryEstate {
  return {
    servers: emptyTable(),
    computers: emptyTable(),
    dataSources: emptyTable(),
    groups: emptyTable(),
    replicas: emptyTable(),
    recoveryPoints: emptyTable(),
    libraries: emptyTable(),
    tapes: emptyTable(),
    jobs: emptyTable(),
    alerts: emptyTable(),
  };
}

export const ENTITY_NAMES: readonly EntityName[] = [
  'servers',
  'computers',
  'dataSources',
  'groups',
  'replicas',
  'recoveryPoints',
  'libraries',
  'tapes',
  'jobs',
  'alerts',
];

/** As DPM shows a version: its four-part build number, and the update rollup that installed it (RTM before any). */
export function formatVersion(v: Version): string {
  return `${v.major}.${v.minor}.${v.build}.0 ${v.rollup === 0 ? 'RTM' : `UR${v.rollup}`}`;
}

export function sameVersion(a: Version, b: Version): boolean {
  return a.major === b.major && a.minor === b.minor && a.build === b.build && a.rollup === b.rollup;
}
