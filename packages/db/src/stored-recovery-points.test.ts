import { describe, expect, it } from 'vitest';
import type { Change, DomainEvent } from '@dpm/domain/command';
import { Draft, applyChanges, applyChangesInPlace, rowsWhere } from '@dpm/domain/draft';
import { FIXTURE_EPOCH, demo } from '@dpm/domain/fixtures/scenarios';
import { tick } from '@dpm/domain/jobs/tick';
import { REPORT_IDS } from '@dpm/domain/reporting/document';
import { buildReport } from '@dpm/domain/reporting/reports';
import { pointsOf, pointsOfReplicas } from '@dpm/domain/reporting/scope';
import type { Estate, RecoveryPoint } from '@dpm/domain/model';
import type { StoredRows } from '@dpm/domain/stored-rows';
import { isStored } from '@dpm/domain/stored-rows';
import { rowsOf } from '@dpm/domain/table-index';
import { inTransaction } from './client';
import { loadEstate, persistChanges } from './estate-repository';
import type { StoredJobs } from './stored-jobs';
import { StoredRecoveryPoints } from './stored-table';
import { fixtureDb } from './test-db';

const TICK = 7 * 60 * 60_000;
const DAY = 24 * 60 * 60_000;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const sorted = (points: RecoveryPoint[]) => [...points].sort(byId);

describe('StoredRecoveryPoints: the recovery points read from SQLite as the domain asks', () => {
  const inMemory = demo();
  const points = Object.values(inMemory.recoveryPoints);
  const stored = new StoredRecoveryPoints(fixtureDb(inMemory));
  const inMemoryLoaded = loadEstate(fixtureDb(demo()));
  const db = fixtureDb(demo());

  it('finds by id, by field and by expiry exactly the points the in-memory table holds', () => {
    expect(points.length).toBeGreaterThan(100);
    expect(sorted(stored.all())).toEqual(sorted(points));
    for (const p of points.slice(0, 50)) expect(stored.get(p.id)).toEqual(p);
    for (const id of ['rp-none', '__proto__', 'constructor']) expect(stored.get(id)).toBeUndefined();
    for (const field of ['replicaId', 'serverId', 'tapeId', 'dataSourceId', 'location'] as const) {
      const values = new Set(points.map((p) => p[field]));
      expect(values.size, field).toBeGreaterThan(1);
      for (const v of values)
        expect(sorted(stored.where(field, v)), `${field} = ${v}`).toEqual(sorted(points.filter((p) => p[field] === v)));
    }
    // A null (a point with no tape) and a boolean are found as the in-memory index finds them.
    expect(stored.where('tapeId', null).length).toBe(points.filter((p) => p.tapeId === null).length);
    expect(stored.where('external', false).length).toBe(points.filter((p) => !p.external).length);
    // Many values at once, in chunks of a prepared size (more than one chunk, repeats, a null).
    const replicaIds = [...new Set(points.map((p) => p.replicaId))];
    const asked = [...replicaIds, ...Array.from({ length: 600 }, (_, i) => `rep-none-${i}`), ...replicaIds, null];
    expect(sorted(stored.whereIn('replicaId', asked))).toEqual(sorted(points));
    const some = replicaIds.slice(0, 3);
    expect(sorted(stored.whereIn('replicaId', some))).toEqual(sorted(points.filter((p) => some.includes(p.replicaId))));
    expect(stored.whereIn('replicaId', [])).toEqual([]);
    // Asked for some fields, the rows carry those, their id and the field asked by, as stored.
    const picked = stored.whereIn('replicaId', some, ['time', 'sizeGb']);
    expect(picked.length).toBe(points.filter((p) => some.includes(p.replicaId)).length);
    for (const row of picked) {
      expect(Object.keys(row).sort()).toEqual(['id', 'replicaId', 'sizeGb', 'time']);
      const whole = points.find((p) => p.id === (row as unknown as { id: string }).id);
      expect(row).toEqual({ id: whole?.id, replicaId: whole?.replicaId, time: whole?.time, sizeGb: whole?.sizeGb });
    }
    // Counted where they are stored, none read: as many as where() finds, a null and a boolean too.
    for (const field of ['replicaId', 'tapeId', 'location', 'external'] as const)
      for (const v of new Set(points.map((p) => p[field])))
        expect(stored.count(field, v), `${field} = ${String(v)}`).toBe(points.filter((p) => p[field] === v).length);
    expect(stored.count('replicaId', 'rep-none')).toBe(0);
    expect(() => stored.count('replica_id', 'x')).toThrow(/no field/);
    const times = points.map((p) => p.expiresAt).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] as number;
    expect(sorted(stored.atMost('expiresAt', median))).toEqual(sorted(points.filter((p) => p.expiresAt <= median)));
  });

  it('counts as many one by one as past a thousand counts at once, and counts afresh after a commit', () => {
    const counting = new StoredRecoveryPoints(db);
    const replicaIds = [...new Set(points.map((p) => p.replicaId)), 'rep-none'];
    const expected = (id: string | null) => points.filter((p) => p.replicaId === id).length;
    // One by one, then (past the thousandth) from one grouped count of the table.
    for (let i = 0; i < 1100; i += 1) {
      const id = replicaIds[i % replicaIds.length] as string;
      expect(counting.count('replicaId', id), `count ${i}: ${id}`).toBe(expected(id));
    }
    expect(counting.count('external', false)).toBe(points.filter((p) => !p.external).length);
    // A commit adds a point: counted afresh once applied.
    const [first] = points as [RecoveryPoint];
    inTransaction(db, (tx) =>
      persistChanges(tx, [{ op: 'put', entity: 'recoveryPoints', value: { ...first, id: 'rp-new' } }]),
    );
    counting.applyCommitted();
    expect(counting.count('replicaId', first.replicaId)).toBe(expected(first.replicaId) + 1);
    inTransaction(db, (tx) => persistChanges(tx, [{ op: 'del', entity: 'recoveryPoints', id: 'rp-new' }]));
    counting.applyCommitted();
    for (let i = 0; i < 1100; i += 1) counting.count('replicaId', 'rep-none');
    expect(counting.count('replicaId', first.replicaId)).toBe(expected(first.replicaId));
  });

  it('refuses a field a recovery point does not have, and is written as JSON without its connection', () => {
    expect(() => stored.where('replica_id; DROP TABLE recovery_points', 'x')).toThrow(/no field/);
    expect(() => stored.where('__proto__', 'x')).toThrow(/no field/);
    expect(() => stored.whereIn('replicaId', ['x'], ['time', 'size_gb' as 'sizeGb'])).toThrow(/no field/);
    expect(JSON.stringify(stored)).toBe('{"stored":true}');
  });

  it("a command's draft reads its own writes over them; applying a commit in place is nothing to do", () => {
    const server: Estate = loadEstate(db, { historyFrom: db });
    expect(isStored(server.recoveryPoints)).toBe(true);
    expect(isStored(inMemoryLoaded.recoveryPoints)).toBe(false);
    const [moved, deleted] = points as [RecoveryPoint, RecoveryPoint];
    const other = points.find((p) => p.replicaId !== moved.replicaId && p.replicaId !== null) as RecoveryPoint;
    const added: RecoveryPoint = { ...moved, id: 'rp-added', time: moved.time + 1 };
    const draft = new Draft(server);
    draft.put('recoveryPoints', { ...moved, replicaId: other.replicaId });
    draft.del('recoveryPoints', deleted.id);
    draft.put('recoveryPoints', added);
    const inReplica = (e: Draft, replicaId: string | null) =>
      e.where('recoveryPoints', 'replicaId', replicaId).map((p) => p.id);
    expect(inReplica(draft, moved.replicaId)).not.toContain(moved.id);
    expect(inReplica(draft, moved.replicaId)).toContain('rp-added');
    expect(inReplica(draft, other.replicaId)).toContain(moved.id);
    expect(draft.get('recoveryPoints', deleted.id)).toBeUndefined();
    expect(draft.all('recoveryPoints').map((p) => p.id)).not.toContain(deleted.id);
    // Counted, a replica's points are at least those where() finds: the stored ones and the draft's own.
    for (const replicaId of [moved.replicaId, other.replicaId, 'rep-none'])
      expect(draft.countAtMost('recoveryPoints', 'replicaId', replicaId)).toBeGreaterThanOrEqual(
        draft.where('recoveryPoints', 'replicaId', replicaId).length,
      );
    expect(draft.countAtMost('recoveryPoints', 'replicaId', other.replicaId)).toBe(
      points.filter((p) => p.replicaId === other.replicaId).length + 1,
    );
    // Its snapshot (a command that composes with another) sees the same, through an overlay.
    const after = draft.snapshot();
    expect(isStored(after.recoveryPoints)).toBe(true);
    expect(rowsWhere(after, 'recoveryPoints', 'replicaId', other.replicaId).map((p) => p.id)).toContain(moved.id);
    const afterPoints = after.recoveryPoints as StoredRows<RecoveryPoint>;
    const inBoth = afterPoints.whereIn('replicaId', [moved.replicaId, other.replicaId]).map((p) => p.id);
    expect(inBoth).toContain(moved.id);
    expect(inBoth).toContain('rp-added');
    expect(inBoth.filter((id) => id === moved.id)).toHaveLength(1);
    expect(rowsWhere(after, 'recoveryPoints', 'dataSourceId', deleted.dataSourceId).map((p) => p.id)).not.toContain(
      deleted.id,
    );
    // Nothing is stored until the commit; applied in place, the changes leave the stored table as it was.
    const { changes } = draft.outcome();
    applyChangesInPlace(server, changes);
    expect(new StoredRecoveryPoints(db).get(moved.id)).toEqual(moved);
    inTransaction(db, (tx) => persistChanges(tx, changes));
    expect(new Draft(server).get('recoveryPoints', moved.id)?.replicaId).toBe(other.replicaId);
    expect(new Draft(server).get('recoveryPoints', 'rp-added')).toEqual(added);
  });
});

/** A change, or an event, as text: two outcomes compared as sets (the order of deletions may differ). */
const keyed = (c: Change) =>
  c.op === 'put' ? `put ${c.entity} ${JSON.stringify(c.value)}` : `del ${c.entity} ${c.id}`;
const said = (e: DomainEvent) => JSON.stringify(e);

describe('the clock over stored recovery points and jobs decides as over them in memory', () => {
  const db = fixtureDb(demo());
  it('two days and more of the demo estate: the same points made, pruned and expired, the same jobs and events', () => {
    let memory = demo();
    const server = loadEstate(db, { historyFrom: db });
    let n = 0;
    let m = 0;
    let expired = 0;
    let made = 0;
    // Ticks of seven hours: their ends fall at every hour of the day, and points expire at noon.
    for (let i = 0; i < 8; i += 1) {
      const from = FIXTURE_EPOCH + i * TICK;
      const a = tick(memory, from, from + TICK, { newId: (p) => `${p}-t${(n += 1)}`, actor: 'DPM' });
      const b = tick(server, from, from + TICK, { newId: (p) => `${p}-t${(m += 1)}`, actor: 'DPM' });
      expect(b.changes.map(keyed).sort()).toEqual(a.changes.map(keyed).sort());
      expect(b.events.map(said).sort()).toEqual(a.events.map(said).sort());
      expired += a.changes.filter((c) => c.entity === 'recoveryPoints' && c.op === 'del').length;
      made += a.changes.filter((c) => c.entity === 'recoveryPoints' && c.op === 'put').length;
      memory = applyChanges(memory, a.changes);
      inTransaction(db, (tx) => persistChanges(tx, b.changes));
      applyChangesInPlace(server, b.changes);
    }
    // The ticks did make and remove points, so both ways were exercised.
    expect(made).toBeGreaterThan(10);
    expect(expired).toBeGreaterThan(10);
    expect(sorted(new StoredRecoveryPoints(db).all())).toEqual(sorted(Object.values(memory.recoveryPoints)));
    // The jobs too: those the ticks ran and finished are read from SQLite, the rest held.
    const jobs = (e: Estate) => rowsOf(e, 'jobs').sort(byId);
    expect(isStored(server.jobs)).toBe(true);
    expect(jobs(server)).toEqual(jobs(memory));
    expect(Object.keys(memory.jobs).length).toBeGreaterThan((server.jobs as StoredJobs).heldCount + 100);
  });
});

describe('a replica at its limit of disk recovery points, stored', () => {
  it('loses its oldest when the clock makes one more, as it does in memory (DPM keeps 64 of file data)', () => {
    // The first tick of the demo's that makes a disk recovery point of file data, and the estate before it.
    const ctx = { newId: (p: string) => `${p}-x`, actor: 'DPM' };
    const fileData = (e: Estate, p: RecoveryPoint) =>
      ['Volume', 'Share', 'Folder'].includes(
        e.dataSources[e.replicas[p.replicaId ?? '']?.dataSourceId ?? '']?.kind ?? '',
      );
    let full = demo();
    let from = FIXTURE_EPOCH;
    let made: RecoveryPoint | undefined;
    for (; made === undefined; from += TICK) {
      expect(from).toBeLessThan(FIXTURE_EPOCH + 8 * TICK);
      const { changes } = tick(full, from, from + TICK, ctx);
      const estate = full;
      made = changes
        .flatMap((c) => (c.entity === 'recoveryPoints' && c.op === 'put' ? [c.value] : []))
        .find((p) => p.location === 'Disk' && fileData(estate, p));
      if (made === undefined) full = applyChanges(full, changes) as typeof full;
    }
    from -= TICK;
    // Its 64 points, the oldest first, none expiring before the tick ends (a table of its own: the
    // old one's indexes are kept with it).
    const replicaId = made.replicaId;
    const points = Object.values(full.recoveryPoints).filter((p) => p.replicaId !== replicaId);
    for (let i = 0; i < 64; i += 1) {
      const id = `rp-full-${String(i).padStart(2, '0')}`;
      points.push({ ...made, id, time: made.time - (64 - i) * 3_600_000, expiresAt: made.time + 30 * DAY });
    }
    full = { ...full, recoveryPoints: Object.fromEntries(points.map((p) => [p.id, p])) };
    const db = fixtureDb(full);
    const server = loadEstate(db, { historyFrom: db });
    const inMemory = tick(full, from, from + TICK, ctx);
    const stored = tick(server, from, from + TICK, ctx);
    expect(stored.changes.map(keyed).sort()).toEqual(inMemory.changes.map(keyed).sort());
    const removed = stored.changes.flatMap((c) => (c.entity === 'recoveryPoints' && c.op === 'del' ? [c.id] : []));
    expect(removed).toContain('rp-full-00');
    inTransaction(db, (tx) => persistChanges(tx, stored.changes));
    const left = new StoredRecoveryPoints(db).where('replicaId', made.replicaId);
    expect(left.filter((p) => p.location === 'Disk')).toHaveLength(64);
  });
});

describe('the reports over stored recovery points', () => {
  const db = fixtureDb(demo());
  it('say what they say over the same points in memory: every report, for one DPM server and the estate', () => {
    const memory = demo();
    const server = loadEstate(db, { historyFrom: db });
    for (const reportId of REPORT_IDS)
      for (const serverId of ['srv-DS1', null])
        for (const period of ['Week', 'Year'] as const) {
          const opts = { now: FIXTURE_EPOCH, serverId, period, groupBy: 'Protection group' as const };
          const stored = buildReport(server, reportId, opts);
          expect(stored, `${reportId} ${serverId ?? 'estate'} ${period}`).toEqual(buildReport(memory, reportId, opts));
        }
    // …and the points count in them: without any, Status, Protection and Disk Utilization say otherwise.
    const none = { ...memory, recoveryPoints: {} };
    for (const reportId of ['status', 'protection', 'disk-utilization'] as const) {
      const opts = { now: FIXTURE_EPOCH, serverId: null, period: 'Year', groupBy: 'Protection group' } as const;
      expect(buildReport(server, reportId, opts), reportId).not.toEqual(buildReport(none, reportId, opts));
    }
  });
});

describe("a report's reading of stored points, a few replicas' at a time", () => {
  const db = fixtureDb(demo());
  it('gives each replica its points asked in order, out of order, again, or not among those read', () => {
    const memory = demo();
    const server = loadEstate(db, { historyFrom: db });
    const replicas = Object.values(server.replicas);
    expect(replicas.length).toBeGreaterThan(9);
    // What the report asks for of each point, and only that, as it is in memory.
    const FIELDS = ['id', 'time', 'sizeGb'] as const;
    const ids = (points: Pick<RecoveryPoint, (typeof FIELDS)[number]>[]) =>
      points.map((p) => `${p.id} ${p.time} ${p.sizeGb}`).sort();
    const expected = (id: string) => ids(pointsOf(memory, id));
    // Three replicas' points to a query: the demo's replicas are read in several batches.
    const inOrder = pointsOfReplicas(server, replicas, FIELDS, 3);
    for (const r of replicas) expect(ids(inOrder(r.id)), r.id).toEqual(expected(r.id));
    const outOfOrder = pointsOfReplicas(server, replicas, FIELDS, 3);
    for (const r of [...replicas].reverse()) expect(ids(outOfOrder(r.id)), r.id).toEqual(expected(r.id));
    for (const r of [replicas[0], replicas[7], replicas[0]] as typeof replicas)
      expect(ids(outOfOrder(r.id)), r.id).toEqual(expected(r.id));
    const some = pointsOfReplicas(server, replicas.slice(0, 2), FIELDS, 3);
    const other = replicas.find((r) => pointsOf(memory, r.id).length > 0 && !replicas.slice(0, 2).includes(r));
    expect(other).toBeDefined();
    expect(ids(some(other?.id ?? ''))).toEqual(expected(other?.id ?? ''));
    expect(some('rep-none')).toEqual([]);
    expect(replicas.filter((r) => expected(r.id).length > 0).length).toBeGreaterThan(5);
  });
});
