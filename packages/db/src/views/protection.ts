import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import type { ProtectionStatus, Revision } from '@dpm/domain/model';
import type { Page } from './paging';
import { readPage } from './paging';
import { firstRow } from './statements';

export interface GroupRow {
  id: string;
  name: string;
  members: number;
  methods: string[];
  replicaCreation: string;
  revision: Revision;
}

export function listGroups(db: Db, serverId: string): GroupRow[] {
  const rows = db.all<{
    id: string;
    name: string;
    members: number;
    disk: string | null;
    tape: string | null;
    online: string | null;
    replicaCreation: string;
    revision: string;
  }>(sql`
    SELECT g.id, g.name, g.disk, g.tape, g.online, g.replica_creation AS replicaCreation, g.revision,
      (SELECT count(*) FROM replicas r WHERE r.group_id = g.id) AS members
    FROM protection_groups g WHERE g.server_id = ${serverId} ORDER BY g.name COLLATE NOCASE, g.id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    members: r.members,
    replicaCreation: r.replicaCreation,
    revision: JSON.parse(r.revision) as Revision,
    methods: [
      r.disk && r.disk !== 'null' ? 'Disk' : null,
      r.tape && r.tape !== 'null' ? 'Tape' : null,
      r.online && r.online !== 'null' ? 'Online' : null,
    ].filter((m): m is string => m !== null),
  }));
}

export const MEMBER_SORTS = ['dataSource', 'computer', 'status', 'replicaPath', 'lastRecoveryPoint', 'group'] as const;
export type MemberSort = (typeof MEMBER_SORTS)[number];

export interface MemberQuery {
  serverId: string;
  groupId?: string;
  inactive?: boolean;
  status?: ProtectionStatus;
  search?: string;
  sort: MemberSort;
  dir: 'asc' | 'desc';
  cursor?: string;
  limit: number;
}

export interface MemberRow {
  id: string;
  dataSource: string;
  dataSourceId: string;
  kind: string;
  computer: string;
  computerId: string;
  status: ProtectionStatus;
  replicaPath: string;
  lastRecoveryPoint: number | null;
  groupId: string | null;
  group: string | null;
  sourceServer: string | null;
  sourceServerId: string | null;
  switched: boolean;
  revision: Revision;
}

const SORT_EXPR: Record<MemberSort, SQL> = {
  dataSource: sql`ds.name COLLATE NOCASE`,
  computer: sql`c.name COLLATE NOCASE`,
  status: sql`r.status`,
  replicaPath: sql`r.replica_path COLLATE NOCASE`,
  lastRecoveryPoint: sql`(SELECT max(rp.time) FROM recovery_points rp WHERE rp.replica_id = r.id)`,
  group: sql`g.name COLLATE NOCASE`,
};

/**
 * Members of the connected server's protection groups, sorted, filtered and paged in SQL. The
 * count reads replicas, data sources and computers only; `totalOf` may answer it from what it
 * kept (given the filter, as text, and the count to run otherwise).
 */
export function listMembers(
  db: Db,
  q: MemberQuery,
  totalOf: (filter: string, count: () => number) => number = (_filter, count) => count(),
): Page<MemberRow> {
  const where: SQL[] = [sql`r.server_id = ${q.serverId}`];
  if (q.inactive) where.push(sql`r.group_id IS NULL`);
  else if (q.groupId) where.push(sql`r.group_id = ${q.groupId}`);
  else where.push(sql`r.group_id IS NOT NULL`);
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.search) {
    const s = `%${q.search.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(
      sql`(ds.name LIKE ${s} ESCAPE '\\' OR c.name LIKE ${s} ESCAPE '\\' OR r.replica_path LIKE ${s} ESCAPE '\\')`,
    );
  }
  const filter = sql.join(where, sql` AND `);
  const from = sql`FROM replicas r
    JOIN data_sources ds ON ds.id = r.data_source_id
    JOIN computers c ON c.id = ds.computer_id
    LEFT JOIN protection_groups g ON g.id = r.group_id
    LEFT JOIN servers src ON src.id = r.source_server_id`;
  const expr = SORT_EXPR[q.sort];
  const counted = JSON.stringify([
    q.serverId,
    q.inactive ?? false,
    q.groupId ?? null,
    q.status ?? null,
    q.search ?? null,
  ]);
  const total = totalOf(
    counted,
    () => firstRow<{ n: number }>(db, sql`SELECT count(*) AS n ${from} WHERE ${filter}`)?.n ?? 0,
  );
  return readPage<
    Omit<MemberRow, 'switched' | 'revision'> & {
      switched: number;
      revision: string;
      sortValue: string | number | null;
    },
    MemberRow
  >(
    db,
    q,
    total,
    {
      select: sql`
    SELECT r.id, ds.name AS dataSource, ds.id AS dataSourceId, ds.kind, c.name AS computer, c.id AS computerId,
      r.status, r.replica_path AS replicaPath,
      (SELECT max(rp.time) FROM recovery_points rp WHERE rp.replica_id = r.id) AS lastRecoveryPoint,
      r.group_id AS groupId, g.name AS "group", src.name AS sourceServer, r.source_server_id AS sourceServerId,
      r.switched, r.revision, ${expr} AS sortValue
    ${from}`,
      filter,
      order: { expr, id: sql`r.id`, dir: q.dir },
    },
    (r) => ({ ...r, switched: r.switched === 1, revision: JSON.parse(r.revision) as Revision }),
  );
}

export interface MemberDetails extends MemberRow {
  allocatedGb: number;
  sizeGb: number;
  recoveryPoints: { disk: number; tape: number; online: number; oldest: number | null; latest: number | null };
  lastSyncAt: number | null;
  protectedBy: string[];
}

export function memberDetails(
  db: Db,
  serverId: string,
  replicaId: string,
  protectedBy: string[],
): MemberDetails | null {
  const row = db.get<
    Omit<MemberRow, 'switched' | 'revision'> & {
      switched: number;
      revision: string;
      allocatedGb: number;
      sizeGb: number;
      lastSyncAt: number | null;
    }
  >(sql`
    SELECT r.id, ds.name AS dataSource, ds.id AS dataSourceId, ds.kind, c.name AS computer, c.id AS computerId,
      r.status, r.replica_path AS replicaPath,
      (SELECT max(rp.time) FROM recovery_points rp WHERE rp.replica_id = r.id) AS lastRecoveryPoint,
      r.group_id AS groupId, g.name AS "group", src.name AS sourceServer, r.source_server_id AS sourceServerId,
        r.switched, r.revision,
      r.allocated_gb AS allocatedGb, ds.size_gb AS sizeGb, r.last_sync_at AS lastSyncAt
    FROM replicas r JOIN data_sources ds ON ds.id = r.data_source_id JOIN computers c ON c.id = ds.computer_id
    LEFT JOIN protection_groups g ON g.id = r.group_id LEFT JOIN servers src ON src.id = r.source_server_id
    WHERE r.id = ${replicaId} AND r.server_id = ${serverId}`);
  if (!row) return null;
  const counts = db.get<{
    disk: number;
    tape: number;
    online: number;
    oldest: number | null;
    latest: number | null;
  }>(sql`
    SELECT sum(location = 'Disk') AS disk, sum(location = 'Tape') AS tape, sum(location = 'Online') AS online,
      min(time) AS oldest, max(time) AS latest
    FROM recovery_points WHERE replica_id = ${replicaId}`);
  return {
    ...row,
    switched: row.switched === 1,
    revision: JSON.parse(row.revision) as Revision,
    recoveryPoints: {
      disk: counts?.disk ?? 0,
      tape: counts?.tape ?? 0,
      online: counts?.online ?? 0,
      oldest: counts?.oldest ?? null,
      latest: counts?.latest ?? null,
    },
    protectedBy,
  };
}
