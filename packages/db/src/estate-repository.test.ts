import { describe, expect, it } from 'vitest';
import { Draft, applyChanges, applyChangesInPlace } from '@dpm/domain/draft';
import { ENTITY_NAMES, emptyEstate, type Estate } from '@dpm/domain/model';
import { failServer } from '@dpm/domain/server/fail-server';
import { isDomainError } from '@dpm/domain/errors';
import { openDb } from './client';
import { loadEstate, persistChanges } from './estate-repository';
import { seedIfNew } from './seed';
import { fixture } from '@dpm/domain/fixtures/scenarios';

/** Names every plain object answers to: an id taken from a URL must find none of them. */
const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'isPrototypeOf',
  '__defineGetter__',
];

function expectNoPrototypeRows(estate: Estate, when: string): void {
  for (const name of ENTITY_NAMES) {
    const table = estate[name] as Record<string, unknown>;
    expect(Object.getPrototypeOf(table), `${name} ${when}`).toBeNull();
    for (const id of PROTOTYPE_NAMES) {
      expect(table[id], `${name}['${id}'] ${when}`).toBeUndefined();
      expect(id in table, `'${id}' in ${name} ${when}`).toBe(false);
      expect(new Draft(estate).get(name, id), `Draft.get(${name}, '${id}') ${when}`).toBeUndefined();
    }
  }
}

const ctx = { now: 0, newId: (p: string) => `${p}-1`, actor: 'test' };

describe("the estate's tables have no prototype", () => {
  it('empty, after loading from SQLite, and after changes applied either way', () => {
    expectNoPrototypeRows(emptyEstate(), 'when empty');
    const db = openDb(':memory:');
    seedIfNew(db, 'scenario-1', 0);
    const estate = loadEstate(db);
    expectNoPrototypeRows(estate, 'after load');
    expect(estate.servers['srv-DS1']?.name).toBe('DS1');

    const outcome = failServer(estate, { serverId: 'srv-DS1' }, ctx);
    if (isDomainError(outcome)) throw new Error(outcome.message);
    expect(new Set(outcome.changes.map((c) => c.entity)).size).toBeGreaterThan(1);
    expectNoPrototypeRows(applyChanges(estate, outcome.changes), 'after applyChanges');
    persistChanges(db, outcome.changes);
    applyChangesInPlace(estate, outcome.changes);
    expectNoPrototypeRows(estate, 'after applyChangesInPlace');
    expectNoPrototypeRows(loadEstate(db), 'after a reload');
  });

  it('a command given a prototype name as an id finds no such object', () => {
    const db = openDb(':memory:');
    seedIfNew(db, 'scenario-1', 0);
    const estate = loadEstate(db);
    for (const id of PROTOTYPE_NAMES) {
      const result = failServer(estate, { serverId: id }, ctx);
      expect(isDomainError(result) && result.code, id).toBe('NOT_FOUND');
    }
  });

  it('a table built by hand as a plain object loses its prototype when a change lands in it', () => {
    const estate = { ...emptyEstate(), servers: {} } as Estate;
    applyChangesInPlace(estate, []);
    expect(new Draft(estate).get('servers', 'constructor')).toBeUndefined();
    const db = openDb(':memory:');
    seedIfNew(db, 'scenario-1', 0);
    const server = loadEstate(db).servers['srv-DS1'];
    if (!server) throw new Error('no DS1');
    applyChangesInPlace(estate, [{ op: 'put', entity: 'servers', value: server }]);
    expect(Object.getPrototypeOf(estate.servers)).toBeNull();
    expect(estate.servers.constructor).toBeUndefined();
  });
});

describe('loading the estate', () => {
  it('reads every row as it was written: the demo estate, seeded and loaded, equals its fixture', () => {
    const db = openDb(':memory:');
    seedIfNew(db, 'demo', 0);
    expect(loadEstate(db)).toEqual(fixture('demo'));
  });
});
