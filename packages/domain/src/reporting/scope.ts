import type { DataSource, DpmServer, Estate, Job, Library, ProtectionGroup, RecoveryPoint, Replica } from '../model';
import { buildIndexes, rowsWhere } from '../draft';
import { isStored } from '../stored-rows';
import type { DomainError } from '../errors';
import { notFound } from '../errors';
import type { ReportDocument, ReportGroupBy, ReportId, ReportSection } from './document';
import { REPORT_NAMES } from './document';
import type { Period, PeriodRange } from './period';
import { periodRange } from './period';

/**
 * What every report is asked: for which DPM server (null: the whole estate), over which period
 * ending `now`, grouped how.
 */
export interface ReportOptions {
  now: number;
  serverId: string | null;
  period: Period;
  groupBy: ReportGroupBy;
}

/** The servers a report covers and its period; lookups go through the estate's indexes. */
export interface Scope {
  estate: Estate;
  opts: ReportOptions;
  servers: DpmServer[];
  serverIds: Set<string>;
  name: string;
  range: PeriodRange;
  estateWide: boolean;
}

export function scopeOf(estate: Estate, opts: ReportOptions): Scope | DomainError {
  const range = periodRange(opts.period, opts.now);
  if (opts.serverId !== null) {
    const server = estate.servers[opts.serverId];
    if (!server) return notFound('DPM server', opts.serverId);
    return {
      estate,
      opts,
      servers: [server],
      serverIds: new Set([server.id]),
      name: server.name,
      range,
      estateWide: false,
    };
  }
  const servers = Object.values(estate.servers).sort((a, b) => compareText(a.name, b.name));
  return {
    estate,
    opts,
    servers,
    serverIds: new Set(servers.map((s) => s.id)),
    name: 'Entire estate',
    range,
    estateWide: true,
  };
}

/**
 * Rows of the servers in scope: through the estate's server index for one server, every row for
 * the whole estate.
 */
function perServer<T>(scope: Scope, one: (serverId: string) => T[], all: () => T[]): T[] {
  return scope.estateWide ? all() : scope.servers.flatMap((s) => one(s.id));
}

/** Every replica of the servers in scope, inactive ones too. */
export function replicasIn(scope: Scope): Replica[] {
  const e = scope.estate;
  return perServer(
    scope,
    (id) => rowsWhere(e, 'replicas', 'serverId', id),
    () => Object.values(e.replicas),
  );
}

/**
 * The recovery points of a replica: through the replicaId index the commands keep too (pruning)
 * when they are in memory, through the table's index on a server, which reads them from SQLite.
 */
export function pointsOf(estate: Estate, replicaId: string): RecoveryPoint[] {
  return rowsWhere(estate, 'recoveryPoints', 'replicaId', replicaId);
}

/** Replicas whose stored recovery points are read by one query, and held, at a time. */
const REPLICAS_AT_ONCE = 500;

/**
 * The recovery points of each of `replicas`, for a report that asks for them in that order: stored
 * points read a few hundred replicas' at a time through the replica index (a report of the whole
 * `large` estate covers 50,120 replicas: a query for each took seconds, and holding all 350,000
 * points at once made the collector work half a second), points in memory through the estate's
 * index. A replica asked for out of order, or not among `replicas`, is read as it is asked.
 * `fields`: those the report reads, the only ones read of stored points (reading every column of
 * 350,000 rows was most of a report's time). `atOnce`: how many replicas' points one query reads.
 */
export function pointsOfReplicas<F extends keyof RecoveryPoint>(
  estate: Estate,
  replicas: readonly Replica[],
  fields: readonly F[],
  atOnce = REPLICAS_AT_ONCE,
): (replicaId: string) => Pick<RecoveryPoint, F>[] {
  const table = estate.recoveryPoints;
  if (!isStored(table)) return (replicaId) => pointsOf(estate, replicaId);
  const batchOf = new Map<string, number>();
  replicas.forEach((r, i) => batchOf.set(r.id, Math.floor(i / atOnce)));
  let held = -1;
  let byReplica = new Map<string, Pick<RecoveryPoint, F>[]>();
  return (replicaId) => {
    const batch = batchOf.get(replicaId);
    if (batch === undefined) return pointsOf(estate, replicaId);
    if (batch !== held) {
      const ids = replicas.slice(batch * atOnce, (batch + 1) * atOnce).map((r) => r.id);
      byReplica = new Map();
      for (const rp of table.whereIn('replicaId', ids, [...fields, 'replicaId'])) {
        const key = rp.replicaId ?? '';
        const list = byReplica.get(key);
        if (list) list.push(rp);
        else byReplica.set(key, [rp]);
      }
      held = batch;
    }
    return byReplica.get(replicaId) ?? [];
  };
}

/**
 * Builds the estate's indexes that reports read through (the first report would pay for them),
 * of the tables held in memory: a server reads its recovery points and finished jobs through
 * SQLite's. The BFF calls it at start.
 */
export function warmReportIndexes(estate: Estate): void {
  buildIndexes(estate, [
    ['replicas', 'serverId'],
    ['replicas', 'dataSourceId'],
    ['dataSources', 'computerId'],
    ['jobs', 'status'],
    ['jobs', 'type'],
  ]);
}

/** Jobs of the servers in scope with one of these statuses or types, through the estate's indexes on jobs. */
export function jobsIn(scope: Scope, field: 'status' | 'type', values: readonly string[]): Job[] {
  const e = scope.estate;
  return values
    .flatMap((v) => rowsWhere(e, 'jobs', field, v as Job['status'] & Job['type']))
    .filter((j) => scope.serverIds.has(j.serverId));
}

export function groupsIn(scope: Scope): ProtectionGroup[] {
  const e = scope.estate;
  return perServer(
    scope,
    (id) => rowsWhere(e, 'groups', 'serverId', id),
    () => Object.values(e.groups),
  );
}

export function librariesIn(scope: Scope): Library[] {
  const e = scope.estate;
  return perServer(
    scope,
    (id) => rowsWhere(e, 'libraries', 'serverId', id),
    () => Object.values(e.libraries),
  );
}

/** A member as reports name it: its data source (a secondary's copy says whose replica it is) and computer. */
export function memberNames(
  estate: Estate,
  r: Pick<Replica, 'dataSourceId' | 'sourceServerId'>,
): { dataSource: string; computer: string } {
  const ds = estate.dataSources[r.dataSourceId];
  const computer = ds ? (estate.computers[ds.computerId]?.name ?? ds.computerId) : '';
  const via = r.sourceServerId ? ` (replica on ${estate.servers[r.sourceServerId]?.name ?? r.sourceServerId})` : '';
  return { dataSource: `${ds?.name ?? r.dataSourceId}${via}`, computer };
}

/** The key a member is grouped under: its protection group (with its server across the estate) or its computer. */
export function groupKey(
  scope: Scope,
  r: Pick<Replica, 'groupId' | 'serverId' | 'dataSourceId'>,
  none = 'Inactive protection',
): string {
  const e = scope.estate;
  if (scope.opts.groupBy === 'Computer') {
    const ds = e.dataSources[r.dataSourceId];
    return ds ? (e.computers[ds.computerId]?.name ?? ds.computerId) : r.dataSourceId;
  }
  const name = r.groupId ? (e.groups[r.groupId]?.name ?? r.groupId) : none;
  return scope.estateWide ? `${name} (${e.servers[r.serverId]?.name ?? r.serverId})` : name;
}

/** The DPMDB data source of a DPM server (seed 001: the database to back up). */
export function dpmdbOf(estate: Estate, server: DpmServer): DataSource | undefined {
  return rowsWhere(estate, 'dataSources', 'computerId', server.computerId).find((d) => d.kind === 'DPMDB');
}

export function within(scope: Scope, t: number | null): t is number {
  return t !== null && t >= scope.range.from && t <= scope.range.to;
}

export function documentOf(scope: Scope, reportId: ReportId, sections: ReportSection[]): ReportDocument {
  return {
    reportId,
    title: `${REPORT_NAMES[reportId]} report`,
    scope: { serverId: scope.opts.serverId, name: scope.name },
    period: scope.opts.period,
    from: scope.range.from,
    to: scope.range.to,
    generatedAt: scope.opts.now,
    groupBy: scope.opts.groupBy,
    sections,
  };
}

/** Sorts rows by their group column then by the next columns, so a group arrives whole. */
export function byGroup(rows: (string | number | null)[][]): (string | number | null)[][] {
  // Each row's keys are folded once, not on every comparison (50,000 rows on the large estate).
  const keyed = rows.map((row) => ({ row, keys: row.slice(0, 3).map((v) => String(v ?? '')) }));
  const folded = keyed.map((k) => k.keys.map((v) => v.toLowerCase()));
  const order = keyed.map((_, i) => i);
  order.sort((a, b) => {
    const x = folded[a] ?? [];
    const y = folded[b] ?? [];
    for (let i = 0; i < x.length; i += 1) {
      const p = x[i] ?? '';
      const q = y[i] ?? '';
      if (p !== q) return p < q ? -1 : 1;
    }
    return a - b;
  });
  return order.map((i) => (keyed[i] as { row: (string | number | null)[] }).row);
}

/**
 * Text order for reports: by code point, ignoring case. Locale-aware comparison costs a
 * microsecond a call, which sorting 25,000 rows of the large estate turns into seconds.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}
