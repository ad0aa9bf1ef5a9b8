import type { Estate, RecoveryPoint, Replica } from '../model';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import { diskLayout, poolCapacityGb } from '../server/disk-layout';
import type { Cell, ReportDocument } from './document';
import { round2 } from './document';
import type { ReportOptions } from './scope';
import { byGroup, documentOf, groupKey, pointsOfReplicas, replicasIn, scopeOf } from './scope';
import { tableBuilder } from './table';

interface Use {
  members: number;
  allocated: number;
  replicaData: number;
  pointData: number;
  used: number;
}

const zero = (): Use => ({ members: 0, allocated: 0, replicaData: 0, pointData: 0, used: 0 });

/** What the report reads of a recovery point. */
const POINT_FIELDS = ['location', 'external', 'time', 'expiresAt', 'sizeGb'] as const;
type Point = Pick<RecoveryPoint, (typeof POINT_FIELDS)[number]>;

/**
 * Disk Utilization (DPM's Disk Utilization report): the storage pool's capacity, what is
 * allocated to replicas and what their data and disk recovery points use, per DPM server, per
 * disk and per protection group (or computer), and the trend over the period. A replica uses its
 * data source's size plus its disk recovery points, up to what is allocated to it; recovery
 * points that expired are no longer recorded, so the trend counts what the DPMDB holds now.
 */
export function diskUtilizationReport(estate: Estate, opts: ReportOptions): ReportDocument | DomainError {
  const scope = scopeOf(estate, opts);
  if (isDomainError(scope)) return scope;
  const inPool = replicasIn(scope).filter((r) => r.inStoragePool);
  const pointsOf = pointsOfReplicas(estate, inPool, POINT_FIELDS);
  const diskPoints = (r: Replica) => pointsOf(r.id).filter((p) => p.location === 'Disk' && !p.external);
  const ends = scope.range.buckets.map((b) => b.end);
  const allocatedAt = new Array<number>(ends.length).fill(0);
  const usedAt = new Array<number>(ends.length).fill(0);
  const dataOf = (r: Replica) => estate.dataSources[r.dataSourceId]?.sizeGb ?? 0;
  const pointsAt = (points: Point[], t: number) => {
    let n = 0;
    for (const p of points) if (p.time <= t && p.expiresAt > t) n += p.sizeGb;
    return n;
  };
  /** Adds a replica's use at each bucket end: one sweep over its points' creations and expiries. */
  const trend = (r: Replica, points: Point[]) => {
    const events = points.flatMap((p) => [
      { t: p.time, d: p.sizeGb },
      { t: p.expiresAt, d: -p.sizeGb },
    ]);
    events.sort((a, b) => a.t - b.t || a.d - b.d);
    let pts = 0;
    let k = 0;
    const data = dataOf(r);
    ends.forEach((t, i) => {
      while (k < events.length && (events[k]?.t ?? Infinity) <= t) pts += events[k++]?.d ?? 0;
      if (r.createdAt > t) return;
      allocatedAt[i] = (allocatedAt[i] ?? 0) + r.allocatedGb;
      usedAt[i] = (usedAt[i] ?? 0) + Math.min(r.allocatedGb, data + pts);
    });
  };

  const perServer = new Map<string, Use>();
  const perKey = new Map<string, Use & { server: string }>();
  for (const r of inPool) {
    const data = dataOf(r);
    const points = diskPoints(r);
    const pts = pointsAt(points, opts.now);
    const now = { data, points: pts, used: Math.min(r.allocatedGb, data + pts) };
    const s = perServer.get(r.serverId) ?? zero();
    s.members += 1;
    s.allocated += r.allocatedGb;
    s.replicaData += now.data;
    s.pointData += now.points;
    s.used += now.used;
    perServer.set(r.serverId, s);
    if (r.groupId !== null) {
      const key = groupKey(scope, r);
      const server = estate.servers[r.serverId]?.name ?? r.serverId;
      const k = perKey.get(key) ?? { ...zero(), server };
      k.members += 1;
      k.allocated += r.allocatedGb;
      k.replicaData += now.data;
      k.pointData += now.points;
      k.used += now.used;
      if (!k.server.split(', ').includes(server)) k.server = `${k.server}, ${server}`;
      perKey.set(key, k);
    }
    trend(r, points);
  }

  const byServer = new Map<string, Replica[]>();
  for (const r of inPool) {
    const list = byServer.get(r.serverId);
    if (list) list.push(r);
    else byServer.set(r.serverId, [r]);
  }
  let capacity = 0;
  const serverRows: Cell[][] = [];
  const diskRows: Cell[][] = [];
  for (const server of scope.servers) {
    const cap = poolCapacityGb(server);
    capacity += cap;
    const u = perServer.get(server.id) ?? zero();
    serverRows.push([
      server.name,
      cap,
      round2(u.allocated),
      round2(u.used),
      round2(Math.max(0, cap - u.allocated)),
      cap === 0 ? null : round2((100 * u.used) / cap),
      u.members,
    ]);
    const { disks } = diskLayout(server, byServer.get(server.id) ?? []);
    for (const d of disks) {
      diskRows.push([
        server.name,
        d.disk.name,
        d.disk.sizeGb,
        round2(d.allocatedGb),
        d.disk.missing ? 0 : round2(d.disk.sizeGb - d.allocatedGb),
        d.replicaIds.length,
        d.disk.missing ? 'Missing' : 'Healthy',
      ]);
    }
  }
  const total = [...perServer.values()].reduce(
    (a, u) => ({ ...a, allocated: a.allocated + u.allocated, used: a.used + u.used }),
    zero(),
  );
  const header = opts.groupBy === 'Computer' ? 'Computer' : 'Protection group';
  const table = tableBuilder(header);

  return documentOf(scope, 'disk-utilization', [
    {
      kind: 'facts',
      id: 'summary',
      title: 'Storage pool',
      items: [
        { label: 'Capacity', value: capacity, kind: 'gb' },
        { label: 'Allocated', value: round2(total.allocated), kind: 'gb' },
        { label: 'Used', value: round2(total.used), kind: 'gb' },
        { label: 'Free (not allocated)', value: round2(Math.max(0, capacity - total.allocated)), kind: 'gb' },
        {
          label: 'Used of capacity',
          value: capacity === 0 ? null : round2((100 * total.used) / capacity),
          kind: 'percent',
        },
      ],
    },
    {
      kind: 'chart',
      id: 'trend',
      title: 'Storage pool allocated and used',
      description:
        'Disk space allocated to replicas and used by their data and recovery points at the end of each part of the ' +
        'period (the capacity is in the summary above).',
      unit: 'gb',
      buckets: scope.range.buckets,
      series: [
        { name: 'Allocated', values: allocatedAt.map(round2) },
        { name: 'Used', values: usedAt.map(round2) },
      ],
    },
    table(
      { id: 'servers', title: 'Per DPM server', empty: 'No DPM server in this scope.' },
      ['server', 'capacity', 'allocated', 'used', 'free', 'usedPercent', 'replicas'],
      serverRows,
    ),
    table(
      { id: 'disks', title: 'Per disk', empty: 'The storage pool has no disks.' },
      ['server', 'disk', 'capacity', 'allocated', 'free', 'replicas', 'state'],
      diskRows,
    ),
    table(
      { id: 'groups', title: `Per ${header.toLowerCase()}`, empty: 'No protected member uses the storage pool.' },
      ['group', 'server', 'members', 'allocated', 'replicaData', 'pointData', 'used'],
      byGroup(
        [...perKey.entries()].map(([key, k]) => [
          key,
          k.server,
          k.members,
          round2(k.allocated),
          round2(k.replicaData),
          round2(k.pointData),
          round2(k.used),
        ]),
      ),
    ),
  ]);
}
