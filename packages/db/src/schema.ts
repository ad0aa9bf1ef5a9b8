import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  PoolDisk,
  DbHistoryPeriod,
  Agent,
  AgentSecurity,
  AlertName,
  AlertSeverity,
  AlertState,
  DataSourceKind,
  DpmdbSnapshot,
  JobStatus,
  JobType,
  OnlineGoals,
  ProtectionGoals,
  ProtectionStatus,
  RecoveryPointLocation,
  ReplicaCreationMethod,
  ServerState,
  ServiceState,
  TapeDataSet,
  TapeGoals,
  TapeLocation,
  Version,
} from '@dpm/domain/model';

/*
 * Column names mirror the domain's field names, so a row of these tables is the domain object
 * and repositories map without copying field by field. Nested values are JSON columns.
 */

import { bool, json, revision } from './schema-columns';

export const servers = sqliteTable(
  'servers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    fqdn: text('fqdn').notNull(),
    computerId: text('computer_id').notNull(),
    version: json<Version>('version').notNull(),
    state: text('state').$type<ServerState>().notNull(),
    vssWriter: text('vss_writer').$type<'Running' | 'Stopped'>().notNull(),
    service: text('service').$type<ServiceState>().notNull(),
    dbVersion: json<Version>('db_version').notNull(),
    generation: integer('generation').notNull(),
    dbRestorePending: bool('db_restore_pending').notNull(),
    installedAt: integer('installed_at').notNull().default(0),
    restoredFrom: text('restored_from'),
    dbHistory: json<DbHistoryPeriod[]>('db_history').notNull().default([]),
    disks: json<PoolDisk[]>('disks').notNull().default([]),
    certificates: json<string[]>('certificates').notNull(),
    replicaRestoreFailures: json<Record<string, number>>('replica_restore_failures').notNull(),
    online: json<{ vault: string; registeredAt: number } | null>('online'),
    externalDpm: json<{ vault: string; addedAt: number } | null>('external_dpm'),
  },
  (t) => [uniqueIndex('servers_name').on(t.name)],
);

export const computers = sqliteTable(
  'computers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    fqdn: text('fqdn').notNull(),
    domain: text('domain').notNull(),
    dpmServerId: text('dpm_server_id'),
    agent: json<Agent | null>('agent'),
    security: json<AgentSecurity>('security').notNull(),
  },
  (t) => [uniqueIndex('computers_name').on(t.name)],
);

export const dataSources = sqliteTable(
  'data_sources',
  {
    id: text('id').primaryKey(),
    computerId: text('computer_id').notNull(),
    kind: text('kind').$type<DataSourceKind>().notNull(),
    name: text('name').notNull(),
    sizeGb: real('size_gb').notNull(),
  },
  (t) => [index('data_sources_computer').on(t.computerId)],
);

export const groups = sqliteTable(
  'protection_groups',
  {
    id: text('id').primaryKey(),
    serverId: text('server_id').notNull(),
    name: text('name').notNull(),
    disk: json<ProtectionGoals | null>('disk'),
    tape: json<TapeGoals | null>('tape'),
    online: json<OnlineGoals | null>('online'),
    replicaCreation: text('replica_creation').$type<ReplicaCreationMethod>().notNull(),
    consistencyCheck: json<{ runIfInconsistent: boolean; dailyAt: number | null }>('consistency_check').notNull(),
    excludedExtensions: json<string[]>('excluded_extensions').notNull(),
    revision: revision(),
  },
  (t) => [index('groups_server').on(t.serverId)],
);

export const replicas = sqliteTable(
  'replicas',
  {
    id: text('id').primaryKey(),
    serverId: text('server_id').notNull(),
    groupId: text('group_id'),
    dataSourceId: text('data_source_id').notNull(),
    sourceServerId: text('source_server_id'),
    switched: bool('switched').notNull(),
    status: text('status').$type<ProtectionStatus>().notNull(),
    replicaPath: text('replica_path').notNull(),
    allocatedGb: real('allocated_gb').notNull(),
    inStoragePool: bool('in_storage_pool').notNull(),
    dataRestored: bool('data_restored').notNull(),
    lastSyncAt: integer('last_sync_at'),
    createdAt: integer('created_at').notNull(),
    revision: revision(),
  },
  (t) => [
    index('replicas_server_group').on(t.serverId, t.groupId),
    index('replicas_data_source').on(t.dataSourceId),
    index('replicas_server_status').on(t.serverId, t.status),
  ],
);

export const recoveryPoints = sqliteTable(
  'recovery_points',
  {
    id: text('id').primaryKey(),
    serverId: text('server_id').notNull(),
    replicaId: text('replica_id'),
    dataSourceId: text('data_source_id').notNull(),
    time: integer('time').notNull(),
    location: text('location').$type<RecoveryPointLocation>().notNull(),
    expiresAt: integer('expires_at').notNull(),
    tapeId: text('tape_id'),
    external: bool('external').notNull(),
    dpmdb: json<DpmdbSnapshot | null>('dpmdb'),
    sizeGb: real('size_gb').notNull(),
  },
  (t) => [
    index('recovery_points_replica_time').on(t.replicaId, t.time),
    index('recovery_points_server_source_time').on(t.serverId, t.dataSourceId, t.time),
    // The server reads recovery points from here as the domain asks (StoredRecoveryPoints): a
    // tape's, when it is marked free or recovered from, and those a tick expires.
    index('recovery_points_tape').on(t.tapeId),
    index('recovery_points_expiry').on(t.expiresAt),
  ],
);

export const libraries = sqliteTable(
  'libraries',
  {
    id: text('id').primaryKey(),
    serverId: text('server_id').notNull(),
    name: text('name').notNull(),
    drives: json<{ name: string; needsCleaning: boolean }[]>('drives').notNull(),
    slots: integer('slots').notNull(),
    doorLocked: bool('door_locked').notNull(),
    enabled: bool('enabled').notNull(),
    available: bool('available').notNull(),
    lastRescanAt: integer('last_rescan_at'),
    revision: revision(),
  },
  (t) => [index('libraries_server').on(t.serverId)],
);

export const tapes = sqliteTable(
  'tapes',
  {
    id: text('id').primaryKey(),
    libraryId: text('library_id'),
    slot: integer('slot'),
    location: text('location').$type<TapeLocation>().notNull(),
    barcode: text('barcode').notNull(),
    label: text('label'),
    writtenBy: json<{ serverId: string; generation: number; serverName: string } | null>('written_by'),
    dataSets: json<TapeDataSet[]>('data_sets').notNull(),
    encryptedWith: text('encrypted_with'),
    expiresAt: integer('expires_at'),
    free: bool('free').notNull(),
    inventoried: bool('inventoried').notNull(),
    headerRead: bool('header_read').notNull(),
    catalogedBy: json<{ serverId: string; generation: number } | null>('cataloged_by'),
    suspect: bool('suspect').notNull(),
    cleaning: bool('cleaning').notNull(),
  },
  (t) => [index('tapes_library_slot').on(t.libraryId, t.slot), uniqueIndex('tapes_barcode').on(t.barcode)],
);

export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    serverId: text('server_id').notNull(),
    type: text('type').$type<JobType>().notNull(),
    status: text('status').$type<JobStatus>().notNull(),
    replicaId: text('replica_id'),
    dataSourceId: text('data_source_id'),
    groupId: text('group_id'),
    computerId: text('computer_id'),
    libraryId: text('library_id'),
    tapeId: text('tape_id'),
    scheduledAt: integer('scheduled_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
    totalGb: real('total_gb').notNull(),
    transferredGb: real('transferred_gb').notNull(),
    error: json<{ code: string; message: string } | null>('error'),
    params: json<Record<string, string>>('params').notNull(),
    retryOf: text('retry_of'),
  },
  (t) => [
    index('jobs_server_scheduled').on(t.serverId, t.scheduledAt),
    index('jobs_status').on(t.status),
    // The server reads finished jobs from here as the domain asks (StoredJobs): a replica's, a
    // type's (the recoveries a rebuild looks for), and the few that name a library, a tape or the
    // job they retry (partial: most jobs name none, and a tick writes a hundred thousand).
    index('jobs_replica').on(t.replicaId),
    index('jobs_type').on(t.type),
    index('jobs_library')
      .on(t.libraryId)
      .where(sql`${t.libraryId} IS NOT NULL`),
    index('jobs_tape')
      .on(t.tapeId)
      .where(sql`${t.tapeId} IS NOT NULL`),
    index('jobs_retry_of')
      .on(t.retryOf)
      .where(sql`${t.retryOf} IS NOT NULL`),
  ],
);

export const alerts = sqliteTable(
  'alerts',
  {
    id: text('id').primaryKey(),
    serverId: text('server_id').notNull(),
    name: text('name').$type<AlertName>().notNull(),
    severity: text('severity').$type<AlertSeverity>().notNull(),
    state: text('state').$type<AlertState>().notNull(),
    subjectId: text('subject_id').notNull(),
    computerId: text('computer_id'),
    groupId: text('group_id'),
    affectedArea: text('affected_area').notNull(),
    description: text('description').notNull(),
    raisedAt: integer('raised_at').notNull(),
    resolvedAt: integer('resolved_at'),
    acknowledged: json<{ by: string; at: number; comment: string } | null>('acknowledged'),
  },
  (t) => [index('alerts_server_state_raised').on(t.serverId, t.state, t.raisedAt)],
);

/** Append-only: who did what, on which object, when, from where, and how it ended. */
export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    simulatedAt: integer('simulated_at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target').notNull(),
    outcome: text('outcome').$type<'success' | 'refused' | 'error'>().notNull(),
    code: text('code'),
    address: text('address'),
    detail: text('detail').notNull(),
  },
  (t) => [index('audit_at').on(t.at)],
);

/** Settings of this database: the seed it was made from and the simulated clock. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const entityTables = {
  servers,
  computers,
  dataSources,
  groups,
  replicas,
  recoveryPoints,
  libraries,
  tapes,
  jobs,
  alerts,
} as const;

// The console's accounts and the reporting tables, in files of their own; drizzle-kit reads them all.
export * from './schema-accounts';
export * from './schema-reporting';
