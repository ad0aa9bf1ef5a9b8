import { expect } from 'vitest';
import fc from 'fast-check';
import type { CommandResult, Ctx, DomainEvent } from './command';
import { applyChanges } from './draft';
import { isDomainError } from './errors';
import type { Estate, InMemoryEstate, ProtectionStatus, RecoveryPoint } from './model';
import { scenario1 } from './fixtures/scenarios';
import { SWITCH_DIRECTIONS, switchProtection, type SwitchDirection } from './protection/switch-protection';
import { takeOwnership } from './agents/take-ownership';
import { performConsistencyCheck } from './protection/perform-consistency-check';
import { createRecoveryPoint } from './protection/create-recovery-point';
import { stopProtection } from './protection/stop-protection';
import { uncleanShutdown } from './estate/unclean-shutdown';
import { simulateDiskFailure } from './server/disk-failure';
import { DISK_GOALS, MINUTE, World, newGroup, structuredCopy } from './test-support';
import { attachAgent } from './agents/attach-agent';
import { createProtectionGroup } from './protection/create-protection-group';

/**
 * Random command sequences on scenario 1 for the property tests of invariants.test.ts, and the state machine they
 * check.
 */

export type Command =
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
export const EDGES: Record<ProtectionStatus, ProtectionStatus[]> = {
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

export function allowed(from: ProtectionStatus, to: ProtectionStatus): boolean {
  if (to === 'Inactive replica available') return from !== 'Inactive replica available';
  if (to === 'Replica is missing') return from !== 'Inactive replica available';
  return EDGES[from].includes(to);
}

export const BASE = scenario1();
export const REPLICAS = Object.keys(BASE.replicas);
export const SWITCHABLE = REPLICAS.filter((id) => /^rep-DS3-DS1-PS/.test(id));
export const SERVERS = Object.keys(BASE.servers);
export const COMPUTERS = Object.keys(BASE.computers).filter((id) => BASE.computers[id]?.agent);
export const DPM_COMPUTERS = Object.values(BASE.servers).map((s) => s.computerId);
export const DATA_SOURCES = Object.keys(BASE.dataSources);
/** Members the review found accepted: a copy of the server's own database, and copies held down the chain. */
export const TRICKY_MEMBERS = SERVERS.flatMap((s) =>
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
export function fullEstate(): InMemoryEstate {
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
export const START = fullEstate();

export const commandArb: fc.Arbitrary<Command> = fc.oneof(
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
export const sequenceArb = fc.array(commandArb, { minLength: 1, maxLength: 25 });

export function decide(estate: Estate, c: Exclude<Command, { kind: 'tick' }>, ctx: Ctx): CommandResult {
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

export interface Step {
  before: Estate;
  after: Estate;
  events: DomainEvent[];
  refused: boolean;
}

/** Runs a sequence, checking after each command that a refusal or acceptance left its input untouched. */
export function play(commands: Command[], onStep: (step: Step) => void = () => {}): World {
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

export const RUNS = { numRuns: 50 };
