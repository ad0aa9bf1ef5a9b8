/**
 * Helpers for the domain's tests: a small world that runs commands and the clock on an estate
 * the way the BFF does (apply the outcome, advance `now`), plus fixture tweaks. Test-only code.
 */
import { expect } from 'vitest';
import type { CommandResult, Ctx, DomainEvent, Outcome } from './command';
import { applyChanges } from './draft';
import { rowsOf } from './table-index';
import type { DomainError, ErrorCode } from './errors';
import { isDomainError } from './errors';
import type { Estate, InMemoryEstate, ProtectionGroup, ProtectionStatus, Replica, Version } from './model';
import { DPM_2019_UR1, EstateBuilder } from './fixtures/builder';
import { FIXTURE_EPOCH, demo } from './fixtures/scenarios';
import { failServer } from './server/fail-server';
import { reinstallServer } from './server/reinstall-server';
import { dpmSyncRestoreDb } from './server/dpmsync-restore-db';
import { dpmSyncSync } from './server/dpmsync-sync';
import { dpmSyncReallocateReplica } from './server/dpmsync-reallocate-replica';
import { rescanLibraries } from './library/rescan';
import { inventoryLibrary } from './library/inventory';
import { recatalogImportedTape } from './library/recatalog-imported-tape';
import { recover } from './recovery/recover';
import { tick } from './jobs/tick';
import type { CreateProtectionGroup } from './protection/create-protection-group';
import type { MemberRef } from './protection/rules';

/**
 * structuredClone, which Node provides; the domain's compiler settings (ES2023, no DOM or Node
 * types) don't declare it, so it is typed here for the tests.
 */
export const structuredCopy = <T>(value: T): T =>
  (globalThis as unknown as { structuredClone: <U>(v: U) => U }).structuredClone(value);

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A context with its own id counter; `now` defaults to the fixtures' epoch. */
export function ctxAt(now: number = FIXTURE_EPOCH, prefix = 't'): Ctx {
  let n = 0;
  return { now, newId: (p: string) => `${p}-${prefix}${++n}`, actor: 'test' };
}

type Command<C> = (slice: Estate, cmd: C, ctx: Ctx) => CommandResult;

/**
 * An estate, a clock and one id counter shared by every command and tick, so ids stay unique
 * across a sequence. `run` applies an accepted command and throws on a refusal; `attempt`
 * returns the result and applies it only when accepted; `advance` ticks the clock.
 */
export class World {
  estate: InMemoryEstate;
  now: number;
  events: DomainEvent[] = [];
  private n = 0;

  constructor(estate: InMemoryEstate, now: number = FIXTURE_EPOCH) {
    this.estate = estate;
    this.now = now;
  }

  readonly newId = (prefix: string): string => `${prefix}-t${++this.n}`;

  ctx(): Ctx {
    return { now: this.now, newId: this.newId, actor: 'test' };
  }

  attempt<C>(command: Command<C>, cmd: C): CommandResult {
    const result = command(this.estate, cmd, this.ctx());
    if (!isDomainError(result)) this.apply(result);
    return result;
  }

  run<C>(command: Command<C>, cmd: C): Outcome {
    const result = this.attempt(command, cmd);
    if (isDomainError(result)) throw new Error(`Refused with ${result.code}: ${result.message}`);
    return result;
  }

  advance(minutes: number): Outcome {
    const to = this.now + minutes * MINUTE;
    const outcome = tick(this.estate, this.now, to, { newId: this.newId, actor: 'test' });
    this.apply(outcome);
    this.now = to;
    return outcome;
  }

  private apply(outcome: Outcome): void {
    this.estate = applyChanges(this.estate, outcome.changes);
    this.events.push(...outcome.events);
  }

  replica(id: string): Replica {
    const r = this.estate.replicas[id];
    if (!r) throw new Error(`No replica ${id} in the estate`);
    return r;
  }

  status(id: string): ProtectionStatus | undefined {
    return this.estate.replicas[id]?.status;
  }

  owner(computerId: string): string | null | undefined {
    return this.estate.computers[computerId]?.agent?.ownerId;
  }

  /** Jobs of a type for a subject, newest first. */
  jobs(type: string, subject: { replicaId?: string; libraryId?: string; tapeId?: string } = {}) {
    return Object.values(this.estate.jobs)
      .filter((j) => j.type === type)
      .filter((j) => subject.replicaId === undefined || j.replicaId === subject.replicaId)
      .filter((j) => subject.libraryId === undefined || j.libraryId === subject.libraryId)
      .filter((j) => subject.tapeId === undefined || j.tapeId === subject.tapeId)
      .sort((a, b) => b.scheduledAt - a.scheduledAt || b.id.localeCompare(a.id));
  }

  alerts(name: string, serverId?: string) {
    return Object.values(this.estate.alerts).filter(
      (a) => a.name === name && (serverId === undefined || a.serverId === serverId),
    );
  }

  activeAlert(name: string, serverId: string, subjectId: string) {
    return Object.values(this.estate.alerts).find(
      (a) => a.name === name && a.serverId === serverId && a.subjectId === subjectId && a.state === 'Active',
    );
  }

  /** The state an alert (found earlier) is in now. */
  alertState(alert: { id: string } | undefined) {
    return this.estate.alerts[alert?.id ?? '']?.state;
  }
}

/** The replica a command just created (the id comes from the world's counter). */
export function createdReplicaId(outcome: Outcome, dataSourceId: string): string {
  for (const c of outcome.changes) {
    if (c.op === 'put' && c.entity === 'replicas' && c.value.dataSourceId === dataSourceId) return c.value.id;
  }
  throw new Error(`No replica of ${dataSourceId} was created`);
}

/**
 * Runs a command that must be refused: checks the code, that the message is a sentence an
 * administrator reads (capitalised, ends with a full stop, names the objects, shows no raw ids),
 * and that the slice passed in is unchanged.
 */
export function expectRefusal(
  slice: Estate,
  run: (slice: Estate) => CommandResult,
  code: ErrorCode,
  names: string[] = [],
): DomainError {
  const before = structuredCopy(slice);
  const result = run(slice);
  if (!isDomainError(result))
    throw new Error(`Expected ${code}, but the command was accepted with ${result.changes.length} changes`);
  expect(isDomainError(result)).toBe(true);
  expect({ code: result.code, message: result.message }).toMatchObject({ code });
  expect(result.message).toMatch(/^["A-Z0-9].*[.]$/s);
  expect(result.message).not.toMatch(/\b(srv|cmp|rep|pg|ds|tape|lib|job|rp|alert)-([A-Z0-9]|t\d)/);
  expect(result.message).not.toMatch(/undefined|null|\[object/);
  for (const name of names) expect(result.message).toContain(name);
  expect(slice).toEqual(before);
  return result;
}

/** A copy of the estate with DPM servers added by the fixture builder (e.g. DS5, unknown to DS3). */
export function withServers(
  estate: InMemoryEstate,
  names: string[],
  tweak: (b: EstateBuilder) => void = () => {},
): InMemoryEstate {
  const b = new EstateBuilder(FIXTURE_EPOCH);
  Object.assign(b.estate, structuredCopy(estate));
  for (const name of names) b.server(name);
  tweak(b);
  return b.estate;
}

/** A copy of the estate where a computer has one more, unprotected volume. */
export function withVolume(estate: InMemoryEstate, computerName: string, key: string, sizeGb: number): InMemoryEstate {
  const b = new EstateBuilder(FIXTURE_EPOCH);
  Object.assign(b.estate, structuredCopy(estate));
  b.dataSource(`cmp-${computerName}`, 'Volume', `${key}:\\`, sizeGb, key);
  return b.estate;
}

/** Disk-only goals a new group can use. */
export const DISK_GOALS: NonNullable<ProtectionGroup['disk']> = {
  retentionDays: 14,
  syncFrequencyMinutes: 15,
  recoveryPointTimes: [8 * 60, 12 * 60, 18 * 60],
  expressFullTimes: [20 * 60],
};

/** A Create New Protection Group command with sensible defaults. */
export function newGroup(
  serverId: string,
  name: string,
  members: MemberRef[],
  over: Partial<CreateProtectionGroup> = {},
): CreateProtectionGroup {
  return {
    serverId,
    name,
    members,
    disk: DISK_GOALS,
    tape: null,
    online: null,
    replicaCreation: 'Now',
    laterAt: null,
    consistencyCheck: { runIfInconsistent: true, dailyAt: null },
    excludedExtensions: [],
    ...over,
  };
}

export const RESTORE_FOLDER = '\\\\FS1\\DPMRestore';
export const DS1_LIBRARY = 'lib-DS1-1';
export const DS1_DPMDB_TAPE = 'tape-DS1001L8';

/**
 * Seed 000 on the `demo` fixture up to the DPMDB in a network folder: DS1 fails, DPM is
 * reinstalled (with `install`), the library is rescanned and inventoried, the imported DPMDB
 * tape recataloged and its backup copied to RESTORE_FOLDER.
 */
export function recoverDs1DpmdbToFolder(
  install: { version: Version; fqdn: string } = { version: DPM_2019_UR1, fqdn: 'ds1.contoso.com' },
): World {
  const w = new World(demo());
  w.run(failServer, { serverId: 'srv-DS1' });
  w.run(reinstallServer, { serverId: 'srv-DS1', ...install });
  w.run(rescanLibraries, { serverId: 'srv-DS1' });
  w.advance(5);
  w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
  w.advance(10);
  w.run(recatalogImportedTape, { serverId: 'srv-DS1', tapeId: DS1_DPMDB_TAPE });
  w.advance(10);
  w.run(recover, {
    serverId: 'srv-DS1',
    tape: { tapeId: DS1_DPMDB_TAPE, dataSetIndex: 0 },
    recoveryType: 'Copy to a network folder',
    destination: RESTORE_FOLDER,
  });
  w.advance(10);
  return w;
}

/** Seed 000 through DpmSync -RestoreDb and -Sync: DS1's replicas the storage pool lacks are Replica is missing. */
export function syncedDs1(): World {
  const w = recoverDs1DpmdbToFolder();
  w.run(dpmSyncRestoreDb, { serverId: 'srv-DS1', dbLocation: RESTORE_FOLDER, instanceName: null });
  w.run(dpmSyncSync, { serverId: 'srv-DS1' });
  return w;
}

/** Seed 000 through DpmSync -ReallocateReplica: DS1's replicas wait for Restore to replica. */
export function reallocatedDs1(): World {
  const w = syncedDs1();
  w.run(dpmSyncReallocateReplica, { serverId: 'srv-DS1' });
  return w;
}

/** The newest disk recovery point `serverId` holds of a data source. */
export function latestDiskPoint(estate: Estate, serverId: string, dataSourceId: string) {
  const points = rowsOf(estate, 'recoveryPoints')
    .filter((p) => p.serverId === serverId && p.dataSourceId === dataSourceId && p.location === 'Disk')
    .sort((a, b) => b.time - a.time);
  const p = points[0];
  if (!p) throw new Error(`No disk recovery point of ${dataSourceId} on ${serverId}`);
  return p;
}
