/**
 * What is offered is exactly what is done: for every operation of the catalogue, on every object
 * of its kind, in estates that walk the documents' procedures (the three chaining tables of seed
 * 004, the demo estate, a switch and a switch back (seeds 000, 001), a failed and rebuilt primary
 * (seed 000), a failed disk, a failed job), for every role and every intent, the operation is
 * offered (availability) if and only if its verb accepts it. "Accepts" allows a refusal of the
 * input a dialog collects (a size, a folder, a member chosen): the operation itself was possible.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DPMDB_GOAL_HOURS, readinessCheck } from '../reporting/readiness';
import type { Ctx } from '../command';
import type { DomainError } from '../errors';
import { isDomainError } from '../errors';
import type { Estate, ProtectionGroup } from '../model';
import { ROLES } from '../roles';
import type { Role } from '../roles';
import { viewOf } from '../view';
import type { ObjectKind, Targets } from './operation';
import { availability, perform } from './operation';
import { OPERATIONS } from './catalogue';
import { demo, scenario1, scenario2, scenario3 } from '../fixtures/scenarios';
import { DPM_2019_UR1 } from '../fixtures/builder';
import { DS1_LIBRARY, RESTORE_FOLDER, World } from '../test-support';
import { switchProtection } from '../protection/switch-protection';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { failServer } from '../server/fail-server';
import { reinstallServer } from '../server/reinstall-server';
import { rescanLibraries } from '../library/rescan';
import { inventoryLibrary } from '../library/inventory';
import { simulateDiskFailure } from '../server/disk-failure';
import { stopProtection } from '../protection/stop-protection';
import { setLibraryEnabled } from '../library/set-library-enabled';

/** The estates walked: each a moment of a procedure an administrator rehearses. */
function estates(): [string, World][] {
  const switched = new World(scenario1());
  switched.run(switchProtection, { serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'], direction: 'to-secondary' });
  switched.advance(1);

  const switchedBack = new World(scenario1());
  switchedBack.run(switchProtection, {
    serverId: 'srv-DS3',
    replicaIds: ['rep-DS3-DS1-PS1-C', 'rep-DS3-DS1-PS1-D'],
    direction: 'to-secondary',
  });
  switchedBack.advance(60);
  switchedBack.run(switchProtection, {
    serverId: 'srv-DS3',
    replicaIds: ['rep-DS3-DS1-PS1-C'],
    direction: 'to-primary',
  });

  const failedJob = new World(scenario1());
  failedJob.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], location: 'Disk' });
  failedJob.run(switchProtection, {
    serverId: 'srv-DS3',
    replicaIds: ['rep-DS3-DS1-PS1-C'],
    direction: 'to-secondary',
  });
  failedJob.advance(2);

  const failed = new World(demo());
  failed.run(failServer, { serverId: 'srv-DS1' });

  const rebuilt = new World(demo());
  rebuilt.run(failServer, { serverId: 'srv-DS1' });
  rebuilt.run(reinstallServer, { serverId: 'srv-DS1', version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' });
  rebuilt.run(rescanLibraries, { serverId: 'srv-DS1' });
  rebuilt.advance(5);
  rebuilt.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
  rebuilt.advance(10);

  const disk = new World(demo());
  disk.run(simulateDiskFailure, { serverId: 'srv-DS1', diskId: 'disk-srv-DS1-1' });
  disk.run(stopProtection, { serverId: 'srv-DS2', replicaIds: ['rep-DS2-PS3-C'], retainReplica: true });
  disk.run(setLibraryEnabled, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, enabled: false });

  return [
    ['scenario-1', new World(scenario1())],
    ['scenario-2', new World(scenario2())],
    ['scenario-3', new World(scenario3())],
    ['demo', new World(demo())],
    ['scenario-1, PS1 C:\\ switched to DS3, its check running', switched],
    ['scenario-1, PS1 C:\\ switched back, D:\\ still switched', switchedBack],
    ['scenario-1, a failed recovery point on DS1', failedJob],
    ['demo, DS1 failed', failed],
    ['demo, DS1 rebuilt, its library inventoried', rebuilt],
    ['demo, a failed disk, an inactive member, a disabled library', disk],
  ];
}

/** Every object of a kind in an estate, named as a request names it; recovery points sampled. */
function targets<K extends ObjectKind>(estate: Estate, kind: K): Targets[K][] {
  const all = <T>(t: Record<string, T>) => Object.values(t);
  const out: unknown[] = [];
  switch (kind) {
    case 'member':
      for (const r of all(estate.replicas)) out.push({ serverId: r.serverId, replicaId: r.id });
      // An object named under another server is not found, both ways.
      for (const r of all(estate.replicas).slice(0, 2))
        out.push({ serverId: r.serverId === 'srv-DS2' ? 'srv-DS1' : 'srv-DS2', replicaId: r.id });
      break;
    case 'group':
      for (const g of all(estate.groups)) out.push({ serverId: g.serverId, groupId: g.id });
      break;
    case 'alert':
      for (const a of all(estate.alerts)) out.push({ serverId: a.serverId, alertId: a.id });
      break;
    case 'job':
      for (const j of all(estate.jobs)) out.push({ serverId: j.serverId, jobId: j.id });
      break;
    case 'agent':
      for (const c of all(estate.computers))
        if (c.agent) for (const s of all(estate.servers)) out.push({ serverId: s.id, computerId: c.id });
      break;
    case 'library':
      for (const l of all(estate.libraries)) out.push({ serverId: l.serverId, libraryId: l.id });
      break;
    case 'tape':
      for (const t of all(estate.tapes)) {
        const library = t.libraryId ? estate.libraries[t.libraryId] : undefined;
        if (library) out.push({ serverId: library.serverId, tapeId: t.id });
      }
      break;
    case 'disk':
      for (const s of all(estate.servers)) for (const d of s.disks) out.push({ serverId: s.id, diskId: d.id });
      break;
    case 'server':
      for (const s of all(estate.servers)) out.push({ serverId: s.id });
      break;
    case 'estate':
      out.push({});
      break;
    case 'computer':
      for (const c of all(estate.computers)) out.push({ computerId: c.id });
      break;
    case 'recoveryPoint': {
      const latest = new Map<string, { serverId: string; recoveryPointId: string; time: number }>();
      for (const rp of all(estate.recoveryPoints)) {
        const key = `${rp.serverId}|${rp.dataSourceId}|${rp.location}|${rp.external}`;
        const seen = latest.get(key);
        if (!seen || seen.time < rp.time)
          latest.set(key, { serverId: rp.serverId, recoveryPointId: rp.id, time: rp.time });
      }
      for (const { serverId, recoveryPointId } of latest.values()) out.push({ serverId, recoveryPointId });
      break;
    }
  }
  return out as Targets[K][];
}

type Example = { cmd: unknown; inputs: string[] } | null;

/**
 * The command a control sends for a target: what the dialog would fill in, valid where it can be.
 * `inputs` lists what a refusal may name when only the input was wrong. Null: no input the dialog
 * could offer exists in this estate (nothing to compare).
 */
function example(id: string, t: Record<string, string>, intent: string | undefined, estate: Estate): Example {
  const replica = t.replicaId ? estate.replicas[t.replicaId] : undefined;
  const server = t.serverId ? estate.servers[t.serverId] : undefined;
  const none: string[] = [];
  switch (id) {
    case 'protection.create-recovery-point':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId], location: 'Disk' }, inputs: none };
    case 'protection.consistency-check':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId] }, inputs: none };
    case 'protection.switch':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId], direction: intent }, inputs: none };
    case 'protection.modify-group-of-member':
      return { cmd: { serverId: t.serverId, groupId: replica?.groupId ?? 'none' }, inputs: none };
    case 'protection.modify-disk-allocation':
      return {
        cmd: { serverId: t.serverId, replicaId: t.replicaId, allocatedGb: (replica?.allocatedGb ?? 1) + 1 },
        inputs: ['allocatedGb'],
      };
    case 'protection.stop-member':
      return { cmd: { serverId: t.serverId, replicaIds: [t.replicaId], retainReplica: true }, inputs: none };
    case 'protection.remove-inactive':
      return { cmd: { serverId: t.serverId, replicaId: t.replicaId }, inputs: none };
    case 'recovery.restore-to-replica': {
      const rp = replica
        ? Object.values(estate.recoveryPoints).find(
            (p) => p.dataSourceId === replica.dataSourceId && p.serverId !== replica.serverId,
          )
        : undefined;
      return rp
        ? { cmd: { serverId: t.serverId, replicaId: t.replicaId, recoveryPointId: rp.id }, inputs: ['recoveryPointId'] }
        : null;
    }
    case 'protection.modify-group': {
      // Each protection method as the Select Data Protection Method page would send it.
      const group = t.groupId ? estate.groups[t.groupId] : undefined;
      return {
        cmd: { serverId: t.serverId, groupId: t.groupId, ...methodGoals(intent, estate, t.serverId, group) },
        inputs: none,
      };
    }
    case 'protection.stop-group':
      return { cmd: { serverId: t.serverId, groupId: t.groupId, retainReplica: true }, inputs: none };
    case 'protection.switch-group':
      return { cmd: { serverId: t.serverId, groupId: t.groupId, direction: intent }, inputs: none };
    case 'protection.consistency-check-group':
      return { cmd: { serverId: t.serverId, groupId: t.groupId }, inputs: none };
    case 'recovery.recover':
      return {
        cmd: {
          serverId: t.serverId,
          recoveryPointId: t.recoveryPointId,
          recoveryType: intent,
          destination: RESTORE_FOLDER,
        },
        inputs: ['destination', 'items'],
      };
    case 'alerts.inactivate':
      return { cmd: { serverId: t.serverId, alertId: t.alertId }, inputs: none };
    case 'alerts.acknowledge':
      return { cmd: { serverId: t.serverId, alertId: t.alertId, comment: '' }, inputs: none };
    case 'jobs.retry':
    case 'jobs.cancel':
      return { cmd: { serverId: t.serverId, jobId: t.jobId }, inputs: none };
    case 'agents.update':
      return { cmd: { serverId: t.serverId, computerIds: [t.computerId] }, inputs: none };
    case 'agents.disable-protection':
    case 'agents.enable-protection':
    case 'agents.uninstall':
    case 'agents.reestablish':
    case 'agents.take-ownership':
      return { cmd: { serverId: t.serverId, computerId: t.computerId }, inputs: none };
    case 'libraries.clean-drive':
      return { cmd: { serverId: t.serverId, libraryId: t.libraryId }, inputs: none };
    case 'libraries.fast-inventory':
      return { cmd: { serverId: t.serverId, libraryId: t.libraryId, kind: 'Fast' }, inputs: none };
    case 'libraries.detailed-inventory':
      return { cmd: { serverId: t.serverId, libraryId: t.libraryId, kind: 'Detailed' }, inputs: none };
    case 'libraries.add-tape':
      return {
        cmd: { serverId: t.serverId, libraryId: t.libraryId, barcode: 'WALK01L8', cleaning: false },
        inputs: ['barcode'],
      };
    case 'libraries.lock-door':
    case 'libraries.unlock-door':
      return {
        cmd: { serverId: t.serverId, libraryId: t.libraryId, locked: id === 'libraries.lock-door' },
        inputs: none,
      };
    case 'libraries.disable':
    case 'libraries.enable':
      return {
        cmd: { serverId: t.serverId, libraryId: t.libraryId, enabled: id === 'libraries.enable' },
        inputs: none,
      };
    case 'tapes.recatalog':
    case 'tapes.identify':
    case 'tapes.view-contents':
    case 'tapes.mark-free':
    case 'tapes.erase':
    case 'tapes.remove':
      return { cmd: { serverId: t.serverId, tapeId: t.tapeId }, inputs: none };
    case 'disks.simulate-failure':
    case 'disks.remove':
      return { cmd: { serverId: t.serverId, diskId: t.diskId }, inputs: none };
    case 'protection.create-group':
      // Which members a server may protect is the wizard's page, checked member by member.
      return {
        cmd: {
          serverId: t.serverId,
          name: 'Walk',
          members: [],
          disk: null,
          tape: null,
          online: null,
          ...methodGoals(intent, estate, t.serverId),
          replicaCreation: 'Now',
          laterAt: null,
          consistencyCheck: { runIfInconsistent: true, dailyAt: null },
          excludedExtensions: [],
        },
        inputs: ['members', 'name', 'disk'],
      };
    case 'agents.install': {
      const bare = Object.values(estate.computers).find((c) => c.agent === null && c.dpmServerId === null);
      return bare
        ? { cmd: { serverId: t.serverId, computerIds: [bare.id], method: 'Install' }, inputs: ['computerIds', bare.id] }
        : null;
    }
    case 'agents.refresh':
    case 'libraries.rescan':
    case 'server-recovery.mark-failed':
    case 'server-recovery.sync-db':
    case 'server-recovery.reallocate-replicas':
    case 'server-recovery.data-copied':
    case 'recovery.clear-external-dpm':
    case 'estate.remove-dpm-server':
      return { cmd: { serverId: t.serverId }, inputs: none };
    case 'disks.add':
      return { cmd: { serverId: t.serverId, sizeGb: 1000 }, inputs: none };
    case 'online.register':
      return {
        cmd: { serverId: t.serverId, vault: 'WalkVault', credentialsIssuedAt: FIXED_NOW, passphraseLength: 20 },
        inputs: ['vault'],
      };
    case 'recovery.add-external-dpm':
      return { cmd: { serverId: t.serverId, vault: 'WalkVault', credentialsIssuedAt: FIXED_NOW }, inputs: none };
    case 'server-recovery.reinstall':
      return { cmd: { serverId: t.serverId, version: server?.version, fqdn: server?.fqdn ?? '' }, inputs: none };
    case 'server-recovery.restore-db':
      return { cmd: { serverId: t.serverId, dbLocation: RESTORE_FOLDER, instanceName: null }, inputs: ['dbLocation'] };
    case 'estate.start-vss-writer':
    case 'estate.stop-vss-writer':
      return {
        cmd: { serverId: t.serverId, state: id === 'estate.start-vss-writer' ? 'Running' : 'Stopped' },
        inputs: none,
      };
    case 'estate.add-computer':
      return { cmd: { name: 'WALK01', fqdn: 'walk01.contoso.com' }, inputs: none };
    case 'estate.add-dpm-server':
      return {
        cmd: { name: 'WALKDPM', fqdn: 'walkdpm.contoso.com', version: DPM_2019_UR1, storagePoolGb: 1000 },
        inputs: none,
      };
    case 'estate.unclean-shutdown':
    case 'estate.remove-computer':
      return { cmd: { computerId: t.computerId }, inputs: none };
    case 'reporting.readiness-check':
      return {
        cmd: { report: readinessCheck(estate, { now: FIXED_NOW, dpmdbGoalHours: DEFAULT_DPMDB_GOAL_HOURS }) },
        inputs: none,
      };
    case 'agents.set-dpm-server':
      return { cmd: { computerId: t.computerId, dpmServerName: 'DS1' }, inputs: ['dpmServerName'] };
    default:
      throw new Error(`no example command for ${id}: add one when an operation joins the catalogue`);
  }
}

let FIXED_NOW = 0;

/**
 * The goals of one protection method (an intent of Create / Modify protection group), with the
 * server's library for tape.
 */
function methodGoals(
  intent: string | undefined,
  estate: Estate,
  serverId: string | undefined,
  group?: ProtectionGroup,
) {
  const library = Object.values(estate.libraries).find((l) => l.serverId === serverId);
  switch (intent) {
    case 'Disk':
      return {
        disk: group?.disk ?? {
          retentionDays: 14,
          syncFrequencyMinutes: 1440,
          recoveryPointTimes: [20 * 60],
          expressFullTimes: [21 * 60],
        },
      };
    case 'Tape':
      return {
        tape: group?.tape ?? {
          frequency: 'Daily',
          backupTime: 0,
          retention: { count: 1, unit: 'Years' },
          libraryId: library?.id ?? null,
          copies: 1,
          encrypt: false,
        },
      };
    case 'Online':
      return { online: group?.online ?? { recoveryPoints: 30 } };
    default:
      return {};
  }
}

/** Accepted: done, or refused only for what the dialog collects (the operation itself was possible). */
function accepted(result: ReturnType<typeof perform>, inputs: string[]): { ok: boolean; refusal: DomainError | null } {
  if (!isDomainError(result)) return { ok: true, refusal: null };
  return { ok: result.target !== undefined && inputs.includes(result.target), refusal: result };
}

describe('the catalogue of operations', () => {
  it('lists each operation once, with a DPM name, a role and an example request', () => {
    const ids = OPERATIONS.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of OPERATIONS) {
      expect(op.name.length, op.id).toBeGreaterThan(0);
      expect(ROLES, op.id).toContain(op.role);
    }
  });

  for (const [name, world] of estates()) {
    it(`offers exactly what the verbs accept, for every role: ${name}`, () => {
      const estate = world.estate;
      FIXED_NOW = world.now;
      const view = viewOf(estate);
      let checked = 0;
      const mismatches: string[] = [];
      for (const op of OPERATIONS) {
        for (const target of targets(estate, op.kind)) {
          if (op.appliesTo && !op.appliesTo(view, target as never)) continue;
          for (const role of ROLES) {
            const actor = { name: 'walker', role: role as Role };
            const offer = availability(op as never, view, target as never, actor);
            const intents = offer.intents ?? [{ intent: undefined, enabled: offer.enabled, reason: offer.reason }];
            for (const i of intents) {
              const ex = example(op.id, target as Record<string, string>, i.intent, estate);
              if (ex === null) continue;
              const ctx: Ctx = { now: world.now, newId: (p) => `${p}-walk`, actor: 'walker', role };
              const done = accepted(perform(op as never, estate, ex.cmd as never, ctx), ex.inputs);
              checked += 1;
              if (i.enabled !== done.ok) {
                mismatches.push(
                  `${op.id} ${JSON.stringify(target)}${i.intent ? ` ${i.intent}` : ''} as ${role}: offered ` +
                    `${i.enabled} (${i.reason?.code ?? 'ok'}), verb ` +
                    `${done.ok ? 'accepts' : `refuses ${done.refusal?.code}: ${done.refusal?.message}`}`,
                );
              }
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    });
  }

  it('has an example for every operation (so the walk above covers the whole catalogue)', () => {
    const estate = demo();
    for (const op of OPERATIONS) {
      expect(
        () =>
          example(
            op.id,
            { serverId: 'srv-DS1', replicaId: 'rep-DS1-PS1-C', groupId: 'pg-DS1-1', computerId: 'cmp-PS1' },
            op.intents?.[0],
            estate,
          ),
        op.id,
      ).not.toThrow();
    }
  });
});
