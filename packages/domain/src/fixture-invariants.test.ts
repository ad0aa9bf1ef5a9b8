/** Every fixture (demo, scenarios, large, xlarge) holds the model's invariants. */
import { describe, expect, it } from 'vitest';
import type { Estate } from './model';
import {
  FIXTURE_EPOCH,
  SEED_NAMES,
  demo,
  fixture,
  large,
  type LargeOptions,
  type SeedName,
} from './fixtures/scenarios';
import { ALERT_CATALOG } from './alerts/alerts';
import { STATUS_ALERTS } from './protection/replica-status';
import { analyseTopology } from './topology/topology';
import { maxDiskRecoveryPoints } from './protection/goals';
import { diskLayout, poolCapacityGb, poolDisks } from './server/disk-layout';
import { DAY } from './test-support';

/**
 * What every fixture must be, as loaded by DPM_SEED (domain-rules.md, Fixtures): an estate the
 * model could have reached. The invariants above, and what a fortnight of the clock leaves behind:
 * pools that hold their replicas, alerts that follow the replicas' statuses, jobs and recovery
 * points in the past, and nothing left running when the console opens.
 */
function fixtureViolations(e: Estate, now: number): string[] {
  const out: string[] = [];
  const fail = (what: string) => {
    if (out.length < 50) out.push(what);
  };
  // One owner for every agent, attached to it, distinct from the pending owner.
  for (const c of Object.values(e.computers)) {
    if (!c.agent) continue;
    if (!c.agent.ownerId || !e.servers[c.agent.ownerId]) fail(`${c.id}: agent without an owner`);
    else if (!c.agent.attachedTo.includes(c.agent.ownerId)) fail(`${c.id}: owner not attached`);
    if (c.agent.pendingOwnerId !== null && c.agent.pendingOwnerId === c.agent.ownerId)
      fail(`${c.id}: pending owner is the owner`);
  }
  // No server protects its own data, a copy of a copy, or the same data twice.
  const active = Object.values(e.replicas).filter((r) => r.groupId !== null);
  const held = new Map(active.map((r) => [`${r.serverId}|${r.dataSourceId}`, r]));
  if (held.size !== active.length) fail('a server protects the same data twice');
  for (const r of active) {
    const ds = e.dataSources[r.dataSourceId];
    const server = e.servers[r.serverId];
    if (!ds || !server || !e.groups[r.groupId ?? '']) {
      fail(`${r.id}: unknown data source, server or group`);
      continue;
    }
    if (r.sourceServerId === null) continue;
    if (ds.computerId === server.computerId) fail(`${r.id} protects its own data`);
    const source = held.get(`${r.sourceServerId}|${r.dataSourceId}`);
    if (!source) fail(`${r.id} copies a replica its source does not hold`);
    else if (source.sourceServerId !== null && !source.switched) fail(`${r.id} copies ${source.id}, itself a copy`);
  }
  if (analyseTopology(e).violations.some((v) => v.code === 'ALREADY_PROTECTED_BY_DPM'))
    fail('a DPM server is protected by two others');
  // Storage pools: never over-allocated, every replica in the pool on a disk.
  const byServer = new Map<string, typeof active>();
  for (const r of Object.values(e.replicas)) {
    const list = byServer.get(r.serverId);
    if (list) list.push(r);
    else byServer.set(r.serverId, [r]);
  }
  for (const server of Object.values(e.servers)) {
    const mine = byServer.get(server.id) ?? [];
    const inPool = mine.filter((r) => r.inStoragePool);
    const allocated = inPool.reduce((n, r) => n + r.allocatedGb, 0);
    if (allocated > poolCapacityGb(server))
      fail(`${server.name}: ${allocated} GB allocated on a pool of ${poolCapacityGb(server)} GB`);
    const layout = diskLayout(server, mine);
    for (const use of layout.disks)
      if (use.allocatedGb > use.disk.sizeGb) fail(`${server.name} ${use.disk.name} over-allocated`);
    for (const r of inPool)
      if (r.allocatedGb > 0 && (layout.byReplica.get(r.id) ?? []).length === 0) fail(`${r.id} lies on no disk`);
  }
  // Recovery points: in the past, within their retention and DPM's count limits.
  const counts = new Map<string, number>();
  for (const p of Object.values(e.recoveryPoints)) {
    if (!e.servers[p.serverId] || (p.replicaId !== null && !e.replicas[p.replicaId]))
      fail(`${p.id}: unknown server or replica`);
    if (p.time > now) fail(`${p.id} is in the future`);
    if (!p.external && p.expiresAt <= now) fail(`${p.id} outlived its retention`);
    if (p.location === 'Disk' && p.replicaId) counts.set(p.replicaId, (counts.get(p.replicaId) ?? 0) + 1);
  }
  for (const [replicaId, n] of counts) {
    const ds = e.dataSources[e.replicas[replicaId]?.dataSourceId ?? ''];
    if (ds && n > maxDiskRecoveryPoints(ds.kind)) fail(`${replicaId}: ${n} disk recovery points`);
  }
  // Jobs: in the past, finished with their outcome; none still running when the console opens.
  for (const j of Object.values(e.jobs)) {
    if (!e.servers[j.serverId] || (j.replicaId !== null && !e.replicas[j.replicaId]))
      fail(`${j.id}: unknown server or replica`);
    if (j.status !== 'Completed' && j.status !== 'Failed' && j.status !== 'Canceled')
      fail(`${j.id} is ${j.status} when the console opens`);
    if (
      j.startedAt === null ||
      j.finishedAt === null ||
      j.scheduledAt > j.startedAt ||
      j.startedAt > j.finishedAt ||
      j.finishedAt > now
    )
      fail(`${j.id}: times out of order`);
    if ((j.status === 'Failed') !== (j.error !== null))
      fail(`${j.id}: ${j.status} with error ${JSON.stringify(j.error)}`);
  }
  // Alerts: one active per subject and name, with DPM's severity; resolved ones after they rose.
  const activeAlerts = new Set<string>();
  for (const a of Object.values(e.alerts)) {
    if (!e.servers[a.serverId]) fail(`${a.id}: unknown server`);
    if (a.severity !== ALERT_CATALOG[a.name].severity) fail(`${a.id}: ${a.name} is ${a.severity}`);
    if (a.raisedAt > now) fail(`${a.id} rose in the future`);
    if ((a.state === 'Active') !== (a.resolvedAt === null)) fail(`${a.id}: ${a.state} with resolvedAt ${a.resolvedAt}`);
    if (a.resolvedAt !== null && (a.resolvedAt < a.raisedAt || a.resolvedAt > now))
      fail(`${a.id}: resolved out of order`);
    if (a.state !== 'Active') continue;
    const key = `${a.name}|${a.serverId}|${a.subjectId}`;
    if (activeAlerts.has(key)) fail(`${key}: active twice`);
    activeAlerts.add(key);
  }
  // A replica's status alert is active exactly while it is in that status.
  for (const r of active) {
    for (const [status, name] of Object.entries(STATUS_ALERTS)) {
      if ((r.status === status) !== activeAlerts.has(`${name}|${r.serverId}|${r.id}`))
        fail(`${r.id} is ${r.status}, alert ${name} ${r.status === status ? 'missing' : 'active'}`);
    }
  }
  // Tapes: in a library, one per slot; a free tape holds nothing.
  const slots = new Set<string>();
  for (const t of Object.values(e.tapes)) {
    const library = t.libraryId === null ? undefined : e.libraries[t.libraryId];
    if (t.libraryId !== null && !library) fail(`${t.id}: unknown library`);
    if (t.location === 'Slot') {
      if (t.slot === null || (library && (t.slot < 1 || t.slot > library.slots))) fail(`${t.id}: slot ${t.slot}`);
      if (slots.has(`${t.libraryId}|${t.slot}`)) fail(`${t.id}: slot ${t.slot} taken twice`);
      slots.add(`${t.libraryId}|${t.slot}`);
    }
    if (t.free && (t.dataSets.length > 0 || t.writtenBy !== null)) fail(`${t.id} is free but holds data`);
  }
  return out;
}

describe("every fixture holds the model's invariants", () => {
  const built = new Map<SeedName, Estate>();
  const of = (name: SeedName) => {
    const cached = built.get(name);
    if (cached) return cached;
    const e = fixture(name);
    built.set(name, e);
    return e;
  };

  for (const name of SEED_NAMES) {
    it(`${name}: an estate the model could have reached, with nothing running when the console opens`, () => {
      expect(fixtureViolations(of(name), FIXTURE_EPOCH)).toEqual([]);
    }, 180_000);

    // large's generator is checked for this at a smaller scale below.
    if (name === 'large') continue;
    it(`${name}: the same fixture gives the same rows`, () => {
      // demo is built once per process and copied: build it again to compare.
      expect(name === 'demo' ? demo(FIXTURE_EPOCH, { cached: false }) : fixture(name)).toEqual(of(name));
    }, 60_000);
  }

  it('the generator of large and xlarge holds them at any scale, and gives the same rows each time', () => {
    const opts: LargeOptions = {
      primaries: 4,
      secondaries: 1,
      computersPerPrimary: 6,
      dataSourcesPerComputer: 5,
      days: 14,
      jobDays: 2,
      tapes: 40,
    };
    const small = large(FIXTURE_EPOCH, opts);
    expect(fixtureViolations(small, FIXTURE_EPOCH)).toEqual([]);
    expect(Object.keys(small.servers)).toHaveLength(5);
    expect(Object.values(small.alerts).length).toBeGreaterThan(0);
    expect(large(FIXTURE_EPOCH, opts)).toEqual(small);
  }, 60_000);

  it(
    'finds what a fixture must not be: an over-allocated pool, ' + 'a status without its alert, a job still running',
    () => {
      const e = large(FIXTURE_EPOCH, {
        primaries: 2,
        secondaries: 1,
        computersPerPrimary: 4,
        dataSourcesPerComputer: 5,
        days: 3,
        jobDays: 1,
        tapes: 6,
      });
      const dpm01 = e.servers['srv-DPM01'];
      const replica = Object.values(e.replicas).find((r) => r.serverId === 'srv-DPM01');
      const job = Object.values(e.jobs)[0];
      if (!dpm01 || !replica || !job) throw new Error('fixture');
      e.servers[dpm01.id] = { ...dpm01, disks: poolDisks(dpm01.id, 1_000) };
      e.replicas[replica.id] = { ...replica, status: 'Replica is inconsistent' };
      e.jobs[job.id] = { ...job, status: 'In progress', finishedAt: null };
      const found = fixtureViolations(e, FIXTURE_EPOCH).join('\n');
      expect(found).toMatch(/DPM01: \d+ GB allocated on a pool of 1000 GB/);
      expect(found).toMatch(/lies on no disk/);
      expect(found).toContain(`${replica.id} is Replica is inconsistent, alert Replica is inconsistent missing`);
      expect(found).toContain(`${job.id} is In progress when the console opens`);
    },
  );

  it(
    'demo: Show inactive alerts on DS1 has a fortnight of history, ' + 'and a warning is active when the console opens',
    () => {
      const alerts = Object.values(of('demo').alerts).filter((a) => a.serverId === 'srv-DS1');
      const inactive = new Set(alerts.filter((a) => a.state === 'Inactive').map((a) => a.name));
      for (const name of [
        'Agent unreachable',
        'Synchronization failed',
        'Replica is inconsistent',
        'Replica inconsistent, verification in progress',
        'Recovery point creation failed',
        'Library not available',
      ] as const) {
        expect(inactive, name).toContain(name);
      }
      expect(alerts.filter((a) => a.state === 'Active' && a.severity === 'Warning').map((a) => a.name)).toEqual([
        'Detailed inventory failed',
      ]);
      expect(alerts.filter((a) => a.state === 'Active' && a.name === 'Backup to tape failed')).toHaveLength(2);
      // The history spans the fortnight, each failure resolved when DPM recovered from it.
      const times = alerts.map((a) => a.raisedAt);
      expect(Math.min(...times)).toBeLessThan(FIXTURE_EPOCH - 10 * DAY);
      expect(
        Object.values(of('demo').jobs)
          .filter((j) => j.status === 'Failed')
          .map((j) => j.type),
      ).toEqual(expect.arrayContaining(['Synchronization', 'Recovery point', 'Tape backup', 'Detailed inventory']));
    },
    60_000,
  );

  it(
    'large: every DPM server has two weeks of jobs and alerts, ' +
      'and a pool that holds its replicas with room to spare',
    () => {
      const e = of('large');
      const jobsOf = new Map<string, number>();
      for (const j of Object.values(e.jobs))
        jobsOf.set(j.serverId, Math.min(jobsOf.get(j.serverId) ?? Infinity, j.scheduledAt));
      const alertsOf = new Set(Object.values(e.alerts).map((a) => a.serverId));
      for (const server of Object.values(e.servers)) {
        // The oldest of its jobs is from the start of the fortnight.
        expect(jobsOf.get(server.id) ?? Infinity, server.name).toBeLessThan(FIXTURE_EPOCH - 12 * DAY);
        expect(alertsOf.has(server.id), server.name).toBe(true);
      }
      const dpm01 = e.servers['srv-DPM01'];
      if (!dpm01) throw new Error('no DPM01');
      const allocated = Object.values(e.replicas)
        .filter((r) => r.serverId === dpm01.id && r.inStoragePool)
        .reduce((n, r) => n + r.allocatedGb, 0);
      expect(allocated / poolCapacityGb(dpm01)).toBeLessThan(0.85);
    },
    180_000,
  );
});
