/**
 * Property tests over random command sequences on scenario 1 (seed 004's layout): what must hold
 * whatever an administrator does with Switch Disaster Protection, Take Ownership, consistency
 * checks, recovery points, Stop protection, unclean shutdowns, disk failures and the clock.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CommandResult, Ctx, DomainEvent } from './command';
import { applyChanges } from './draft';
import { isDomainError } from './errors';
import type { Estate, ProtectionStatus, RecoveryPoint } from './model';
import { scenario1 } from './fixtures/scenarios';
import { analyseTopology } from './topology/topology';
import { maxDiskRecoveryPoints } from './protection/goals';
import { SWITCH_DIRECTIONS, canSwitch, switchProtection, type SwitchDirection } from './protection/switch-protection';
import { viewOf } from './view';
import { takeOwnership } from './agents/take-ownership';
import { performConsistencyCheck } from './protection/perform-consistency-check';
import { createRecoveryPoint } from './protection/create-recovery-point';
import { stopProtection } from './protection/stop-protection';
import { uncleanShutdown } from './estate/unclean-shutdown';
import { simulateDiskFailure } from './server/disk-failure';
import { diskLayout } from './server/disk-layout';
import { DISK_GOALS, MINUTE, World, newGroup, structuredCopy } from './test-support';
import { attachAgent } from './agents/attach-agent';
import { createProtectionGroup } from './protection/create-protection-group';

type Command =
  | { kind: 'switchProtection'; replicaId: string; direction: SwitchDirection }
  | { kind: 'takeOwnership'; serverId: string; computerId: string }
  | { kind: 'performConsistencyCheck'; replicaId: string }
  | { kind: 'createRecoveryPoint'; replicaId: string }
  | { kind: 'stopProtection'; replicaId: string; retainReplica: boolean }
  | { kind: 'uncleanShutdown'; computerId: string }
  | { kind: 'diskFailure'; serverId: string; disk: number }
  | { kind: 'attachAgent'; serverId: string; computerId: string }
  | { kind: 'protect'; serverId: string; dataSourceId: string; sourceServerId: string | null }
  | { kind: 'tick'; minutes: number };

/** Status changes the state machine allows (seeds 000, 001), besides Replica is missing and Inactive. */
const EDGES: Record<ProtectionStatus, ProtectionStatus[]> = {
  'Replica creation pending': ['OK'],
  'Manual replica creation pending': [
    'Replica inconsistent, verification in progress',
    'Replica is inconsistent',
    'Replica is invalid',
  ],
  OK: ['Replica is inconsistent'],
  'Replica is inconsistent': ['Replica inconsistent, verification in progress'],
  // A consistency check that fails leaves the replica inconsistent, as DPM does.
  'Replica inconsistent, verification in progress': ['OK', 'Replica is inconsistent'],
  'Replica is missing': ['Manual replica creation pending'],
  'Replica is invalid': [],
  'Inactive replica available': [],
};

function allowed(from: ProtectionStatus, to: ProtectionStatus): boolean {
  if (to === 'Inactive replica available') return from !== 'Inactive replica available';
  if (to === 'Replica is missing') return from !== 'Inactive replica available';
  return EDGES[from].includes(to);
}

const BASE = scenario1();
const REPLICAS = Object.keys(BASE.replicas);
const SWITCHABLE = REPLICAS.filter((id) => /^rep-DS3-DS1-PS/.test(id));
const SERVERS = Object.keys(BASE.servers);
const COMPUTERS = Object.keys(BASE.computers).filter((id) => BASE.computers[id]?.agent);
const DPM_COMPUTERS = Object.values(BASE.servers).map((s) => s.computerId);
const DATA_SOURCES = Object.keys(BASE.dataSources);
/** Members the review found accepted: a copy of the server's own database, and copies held down the chain. */
const TRICKY_MEMBERS = SERVERS.flatMap((s) =>
  SERVERS.filter((h) => h !== s).flatMap((h) => [
    { serverId: s, dataSourceId: `ds-${s.slice(4)}-DPMDB`, sourceServerId: h },
    { serverId: s, dataSourceId: 'ds-PS1-C', sourceServerId: h },
    { serverId: s, dataSourceId: 'ds-DS1-DPMDB', sourceServerId: h },
  ]),
);

/**
 * Scenario 1 with DS1's replica of PS1 C:\ at 64 disk recovery points and of the Sales database at
 * 512, so every new recovery point must prune one (RETENTION_LIMITS).
 */
function fullEstate(): Estate {
  const e = scenario1();
  const fill = (replicaId: string, count: number) => {
    const r = e.replicas[replicaId];
    if (!r) throw new Error(replicaId);
    for (let i = 1; i <= count; i += 1) {
      const p: RecoveryPoint = {
        id: `rp-${replicaId}-${i}`,
        serverId: r.serverId,
        replicaId,
        dataSourceId: r.dataSourceId,
        time: 1_700_000_000_000 + i * MINUTE,
        location: 'Disk',
        expiresAt: 1_900_000_000_000 + i * MINUTE,
        tapeId: null,
        external: false,
        dpmdb: null,
        sizeGb: 1,
      };
      e.recoveryPoints[p.id] = p;
    }
  };
  fill('rep-DS1-PS1-C', 64);
  fill('rep-DS1-PS1-SQL', 512);
  return e;
}
const START = fullEstate();

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('switchProtection' as const),
      replicaId: fc.constantFrom(...SWITCHABLE, 'rep-DS3-DS1-DPMDB', 'rep-DS4-DS3-DS1-DPMDB'),
      direction: fc.constantFrom(...SWITCH_DIRECTIONS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('takeOwnership' as const),
      serverId: fc.constantFrom(...SERVERS),
      computerId: fc.constantFrom(...COMPUTERS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('performConsistencyCheck' as const),
      replicaId: fc.constantFrom(...REPLICAS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('createRecoveryPoint' as const),
      replicaId: fc.constantFrom('rep-DS1-PS1-C', 'rep-DS1-PS1-SQL', ...REPLICAS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('stopProtection' as const),
      replicaId: fc.constantFrom(...REPLICAS),
      retainReplica: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('uncleanShutdown' as const), computerId: fc.constantFrom(...COMPUTERS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('diskFailure' as const),
      serverId: fc.constantFrom(...SERVERS),
      disk: fc.integer({ min: 0, max: 1 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('attachAgent' as const),
      serverId: fc.constantFrom(...SERVERS),
      computerId: fc.constantFrom(...DPM_COMPUTERS),
    }),
  },
  // Any data source, directly or as the replica some DPM server holds: the rules decide.
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('protect' as const),
      serverId: fc.constantFrom(...SERVERS),
      dataSourceId: fc.constantFrom(...DATA_SOURCES),
      sourceServerId: fc.constantFrom(null, ...SERVERS),
    }),
  },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_MEMBERS).map((m) => ({ kind: 'protect' as const, ...m })) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('tick' as const),
      minutes: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }) },
        { weight: 1, arbitrary: fc.integer({ min: 31, max: 24 * 60 }) },
      ),
    }),
  },
);
const sequenceArb = fc.array(commandArb, { minLength: 1, maxLength: 25 });

function decide(estate: Estate, c: Exclude<Command, { kind: 'tick' }>, ctx: Ctx): CommandResult {
  switch (c.kind) {
    case 'switchProtection':
      return switchProtection(
        estate,
        {
          direction: c.direction,
          serverId: estate.replicas[c.replicaId]?.serverId ?? 'srv-DS3',
          replicaIds: [c.replicaId],
        },
        ctx,
      );
    case 'takeOwnership':
      return takeOwnership(estate, { serverId: c.serverId, computerId: c.computerId }, ctx);
    case 'performConsistencyCheck':
      return performConsistencyCheck(
        estate,
        { serverId: estate.replicas[c.replicaId]?.serverId ?? 'srv-DS1', replicaIds: [c.replicaId] },
        ctx,
      );
    case 'createRecoveryPoint':
      return createRecoveryPoint(
        estate,
        { serverId: estate.replicas[c.replicaId]?.serverId ?? 'srv-DS1', replicaIds: [c.replicaId], location: 'Disk' },
        ctx,
      );
    case 'stopProtection':
      return stopProtection(
        estate,
        {
          serverId: estate.replicas[c.replicaId]?.serverId ?? 'srv-DS1',
          replicaIds: [c.replicaId],
          retainReplica: c.retainReplica,
        },
        ctx,
      );
    case 'uncleanShutdown':
      return uncleanShutdown(estate, { computerId: c.computerId }, ctx);
    case 'diskFailure':
      return simulateDiskFailure(
        estate,
        { serverId: c.serverId, diskId: estate.servers[c.serverId]?.disks[c.disk]?.id ?? '' },
        ctx,
      );
    case 'attachAgent':
      return attachAgent(estate, { serverId: c.serverId, computerIds: [c.computerId], method: 'Attach' }, ctx);
    case 'protect': {
      // As an administrator would: attach the agent of the DPM server holding the replica first.
      const holder = c.sourceServerId ? estate.servers[c.sourceServerId]?.computerId : undefined;
      const attached = holder
        ? attachAgent(estate, { serverId: c.serverId, computerIds: [holder], method: 'Attach' }, ctx)
        : null;
      const base = attached && !isDomainError(attached) ? applyChanges(estate, attached.changes) : estate;
      const group = newGroup(
        c.serverId,
        `Group ${ctx.newId('name')}`,
        [{ dataSourceId: c.dataSourceId, sourceServerId: c.sourceServerId }],
        { disk: { ...DISK_GOALS, syncFrequencyMinutes: 24 * 60 } },
      );
      const created = createProtectionGroup(base, group, ctx);
      if (isDomainError(created) || !attached || isDomainError(attached)) return created;
      return { changes: [...attached.changes, ...created.changes], events: [...attached.events, ...created.events] };
    }
  }
}

interface Step {
  before: Estate;
  after: Estate;
  events: DomainEvent[];
  refused: boolean;
}

/** Runs a sequence, checking after each command that a refusal or acceptance left its input untouched. */
function play(commands: Command[], onStep: (step: Step) => void = () => {}): World {
  const w = new World(START);
  for (const c of commands) {
    const before = w.estate;
    const copy = structuredCopy(before);
    let events: DomainEvent[];
    let refused = false;
    if (c.kind === 'tick') {
      events = w.advance(c.minutes).events;
    } else {
      const result = w.attempt((s, cmd: typeof c, ctx) => decide(s, cmd, ctx), c);
      refused = isDomainError(result);
      events = isDomainError(result) ? [] : result.events;
    }
    expect(before).toEqual(copy);
    onStep({ before, after: w.estate, events, refused });
  }
  return w;
}

const RUNS = { numRuns: 50 };

describe('invariants of the estate over random command sequences on scenario 1', () => {
  it('keeps exactly one owner for every agent that had one, attached to it, distinct from the pending owner (seed ' +
    '000, NOT_OWNER)', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          for (const id of COMPUTERS) {
            const agent = after.computers[id]?.agent;
            expect(agent?.ownerId, id).toBeTruthy();
            expect(after.servers[agent?.ownerId ?? ''], id).toBeDefined();
            expect(agent?.attachedTo).toContain(agent?.ownerId);
            expect(agent?.pendingOwnerId).not.toBe(agent?.ownerId);
          }
        });
      }),
      RUNS,
    );
  });

  it('never lets a DPM server protect its own data through any chain, nor a copy of a copy, nor the same data twice ' +
    '(seed 004, DPM chaining documentation, seed 001)', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          const active = Object.values(after.replicas).filter((r) => r.groupId !== null);
          const seen = new Set<string>();
          for (const r of active) {
            const ds = after.dataSources[r.dataSourceId];
            const key = `${r.serverId}|${r.dataSourceId}`;
            expect(seen.has(key), `${r.id}: ${r.serverId} protects ${r.dataSourceId} twice`).toBe(false);
            seen.add(key);
            if (r.sourceServerId === null) continue;
            // Its own data, however many servers hold the copy it would read from.
            expect(ds?.computerId, `${r.id} protects its own data`).not.toBe(after.servers[r.serverId]?.computerId);
            expect(r.sourceServerId, r.id).not.toBe(r.serverId);
            // What it copies is data its primary protects directly (or protects after a switch).
            const held = active.find((h) => h.serverId === r.sourceServerId && h.dataSourceId === r.dataSourceId);
            if (held)
              expect(held.sourceServerId === null || held.switched, `${r.id} copies ${held.id}, itself a copy`).toBe(
                true,
              );
          }
        });
      }),
      RUNS,
    );
  });

  it("keeps every data source of a computer with its agent's one owner: a switch moves them all, and a server that " +
    "lost the agent runs nothing through it (seeds 000, 001)", () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ before, after }) => {
          const active = Object.values(after.replicas).filter((r) => r.groupId !== null);
          for (const computerId of COMPUTERS) {
            const owner = after.computers[computerId]?.agent?.ownerId;
            const mine = active.filter((r) => after.dataSources[r.dataSourceId]?.computerId === computerId);
            for (const r of mine.filter((m) => m.switched))
              expect(r.serverId, `${r.id} is switched but ${owner ?? 'nobody'} owns the agent`).toBe(owner);
            // On the server that owns the agent after a switch, no member of the computer is left unswitched.
            if (mine.some((m) => m.switched && m.serverId === owner)) {
              const view = viewOf(after);
              for (const r of mine.filter(
                (m) => m.serverId === owner && m.sourceServerId !== null && canSwitch(view, m),
              ))
                expect(r.switched, `${r.id} left behind by the switch`).toBe(true);
            }
          }
          // No protection job completes through an agent its server does not own.
          for (const job of Object.values(after.jobs)) {
            if (job.status !== 'Completed' || before.jobs[job.id]?.status === 'Completed' || job.replicaId === null)
              continue;
            const r = after.replicas[job.replicaId];
            const computer = after.computers[after.dataSources[r?.dataSourceId ?? '']?.computerId ?? ''];
            if (!r || !computer?.agent || computer.dpmServerId !== null || (r.sourceServerId !== null && !r.switched))
              continue;
            expect(computer.agent.ownerId, `${job.type} ${job.id} of ${r.id} completed without the agent`).toBe(
              r.serverId,
            );
          }
        });
      }),
      RUNS,
    );
  });

  it('never lets a DPM server be protected by two others (ALREADY_PROTECTED_BY_DPM, seeds 001, 004)', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          expect(analyseTopology(after).violations.filter((v) => v.code === 'ALREADY_PROTECTED_BY_DPM')).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('moves replica statuses only along the edges of the state machine, and never silently', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ before, after, events }) => {
          const trail = new Map<string, [ProtectionStatus, ProtectionStatus][]>();
          for (const e of events) {
            if (e.type !== 'replica.status') continue;
            const [from, to] = e.summary.split(' → ') as [ProtectionStatus, ProtectionStatus];
            expect(allowed(from, to), `${e.subjectId}: ${e.summary}`).toBe(true);
            trail.set(e.subjectId, [...(trail.get(e.subjectId) ?? []), [from, to]]);
          }
          for (const [id, r] of Object.entries(after.replicas)) {
            const prev = before.replicas[id];
            if (!prev) continue;
            const moves = trail.get(id) ?? [];
            const path = [prev.status, ...moves.flatMap(([from, to]) => [from, to])];
            for (let i = 1; i + 1 < path.length; i += 2) expect(path[i], `${id} chain`).toBe(path[i - 1]);
            expect(moves.length === 0 ? prev.status : moves[moves.length - 1]?.[1], id).toBe(r.status);
          }
        });
      }),
      RUNS,
    );
  });

  it('never keeps more than 64 disk recovery points of file data or 512 of application data per replica ' +
    '(RETENTION_LIMITS, seed 001)', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          const counts = new Map<string, number>();
          for (const p of Object.values(after.recoveryPoints)) {
            if (p.location === 'Disk' && p.replicaId) counts.set(p.replicaId, (counts.get(p.replicaId) ?? 0) + 1);
          }
          for (const [replicaId, n] of counts) {
            const ds = after.dataSources[after.replicas[replicaId]?.dataSourceId ?? ''];
            if (!ds) continue;
            expect(n, replicaId).toBeLessThanOrEqual(maxDiskRecoveryPoints(ds.kind));
          }
        });
      }),
      RUNS,
    );
  });

  it('never lays more on a disk of a storage pool than it holds', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        play(commands, ({ after }) => {
          for (const server of Object.values(after.servers)) {
            for (const use of diskLayout(server, Object.values(after.replicas)).disks)
              expect(use.allocatedGb, use.disk.name).toBeLessThanOrEqual(use.disk.sizeGb);
          }
        });
      }),
      RUNS,
    );
  });

  it('prunes the oldest recovery point when a replica at its limit gets a new one', () => {
    const w = play([
      { kind: 'createRecoveryPoint', replicaId: 'rep-DS1-PS1-C' },
      { kind: 'createRecoveryPoint', replicaId: 'rep-DS1-PS1-SQL' },
      { kind: 'tick', minutes: 30 },
    ]);
    const of = (id: string) => Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === id);
    expect(of('rep-DS1-PS1-C')).toHaveLength(64);
    expect(of('rep-DS1-PS1-SQL')).toHaveLength(512);
    expect(w.estate.recoveryPoints['rp-rep-DS1-PS1-C-1']).toBeUndefined();
    expect(w.estate.recoveryPoints['rp-rep-DS1-PS1-C-2']).toBeDefined();
  });

  it('replays the same command sequence with the same id generator to a deep-equal estate', () => {
    fc.assert(
      fc.property(sequenceArb, (commands) => {
        const a = play(commands);
        const b = play(commands);
        expect(b.estate).toEqual(a.estate);
        expect(b.events).toEqual(a.events);
        expect(b.now).toBe(a.now);
      }),
      RUNS,
    );
  });
});
