import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyChangesInPlace } from '@dpm/domain/draft';
import type { Change } from '@dpm/domain/command';
import { ENTITY_NAMES, type Estate, type RecoveryPoint, type Replica } from '@dpm/domain/model';
import { tick } from '@dpm/domain/jobs/tick';
import { rowOf } from '@dpm/domain/table-index';
import { openDb, type Db } from './client';
import { committedRows, loadEstate, persistChanges } from './estate-repository';
import { seedIfNew } from './seed';

const HOUR = 60 * 60 * 1000;

/** scenario-1 in a SQLite file, opened afresh: no statement of its writers is prepared yet. */
function seeded(): { db: Db; estate: Estate } {
  const file = join(mkdtempSync(join(tmpdir(), 'dpm-writer-')), 'estate.sqlite');
  const seeding = openDb(file);
  seedIfNew(seeding, 'scenario-1', 0);
  seeding.$client.close();
  const db = openDb(file);
  return { db, estate: loadEstate(db) };
}

/** The statements prepared from now on that the connection runs, up to their first parenthesis. */
function traced(db: Db): string[] {
  const seen: string[] = [];
  const original = db.$client.prepare.bind(db.$client);
  db.$client.prepare = ((source: string) => {
    const statement = original(source);
    const run = statement.run.bind(statement);
    statement.run = ((...params: unknown[]) => {
      seen.push(source.split(' (')[0] ?? source);
      return run(...params);
    }) as typeof statement.run;
    return statement;
  }) as typeof db.$client.prepare;
  return seen;
}

const replicas = (e: Estate) => Object.values(e.replicas) as Replica[];

describe('Writing a commit column by column', () => {
  it(
    'a row held in memory is updated in the columns that changed only, nothing when none did, and reads back ' +
      'as memory holds it',
    () => {
      const { db, estate } = seeded();
      const statements = traced(db);
      const [first, second] = replicas(estate);
      if (!first || !second) throw new Error('scenario-1 has replicas');
      const changes: Change[] = [
        { op: 'put', entity: 'replicas', value: { ...first, lastSyncAt: 123_456 } },
        { op: 'put', entity: 'replicas', value: { ...second } },
      ];
      persistChanges(db, changes, committedRows(estate));
      expect(statements).toEqual(['UPDATE "replicas" SET "last_sync_at" = ? WHERE "id" = ?']);
      applyChangesInPlace(estate, changes);
      expect(loadEstate(db).replicas).toEqual(estate.replicas);
    },
  );

  it('a JSON column is compared by its text: a new object of the same value is not written, another value is', () => {
    const { db, estate } = seeded();
    const group = Object.values(estate.groups)[0];
    if (!group) throw new Error('scenario-1 has a protection group');
    const statements = traced(db);
    persistChanges(db, [{ op: 'put', entity: 'groups', value: structuredClone(group) }], committedRows(estate));
    expect(statements).toEqual([]);
    const excluding = { ...structuredClone(group), excludedExtensions: [...group.excludedExtensions, '.tmp'] };
    const changes: Change[] = [{ op: 'put', entity: 'groups', value: excluding }];
    persistChanges(db, changes, committedRows(estate));
    expect(statements).toEqual(['UPDATE "protection_groups" SET "excluded_extensions" = ? WHERE "id" = ?']);
    applyChangesInPlace(estate, changes);
    expect(loadEstate(db).groups).toEqual(estate.groups);
  });

  it('a row written twice in one commit, a new row and a stored table are written whole', () => {
    const { db, estate } = seeded();
    const statements = traced(db);
    const before = replicas(estate)[0];
    if (!before) throw new Error('scenario-1 has replicas');
    const committed = committedRows(estate);
    persistChanges(db, [{ op: 'put', entity: 'replicas', value: { ...before, lastSyncAt: 1 } }], committed);
    // Memory still holds the row before the commit; SQLite no longer does.
    persistChanges(db, [{ op: 'put', entity: 'replicas', value: { ...before } }], committed);
    expect(statements[1]).toMatch(/^INSERT INTO "replicas"/);
    expect(loadEstate(db).replicas[before.id]).toEqual(before);
    persistChanges(db, [{ op: 'put', entity: 'replicas', value: { ...before, id: 'rep-new' } }], committed);
    expect(statements[2]).toMatch(/^INSERT INTO "replicas"/);
    expect(loadEstate(db).replicas['rep-new']).toEqual({ ...before, id: 'rep-new' });
    // A server's estate reads its recovery points where they are stored: none is answered from memory.
    const served = loadEstate(db, { historyFrom: db });
    const point: RecoveryPoint = {
      id: 'rp-new',
      serverId: before.serverId,
      replicaId: before.id,
      dataSourceId: before.dataSourceId,
      time: 1,
      location: 'Disk',
      expiresAt: 2,
      tapeId: null,
      external: false,
      dpmdb: null,
      sizeGb: 7,
    };
    const fromServed = committedRows(served);
    persistChanges(db, [{ op: 'put', entity: 'recoveryPoints', value: point }], fromServed);
    expect(statements[3]).toMatch(/^INSERT INTO "recovery_points"/);
    persistChanges(db, [{ op: 'put', entity: 'recoveryPoints', value: { ...point, sizeGb: 8 } }], fromServed);
    expect(statements[4]).toMatch(/^INSERT INTO "recovery_points"/);
    expect(fromServed('recoveryPoints', point.id)).toBeUndefined();
    expect(rowOf(loadEstate(db), 'recoveryPoints', point.id)).toEqual({ ...point, sizeGb: 8 });
  });

  it('a day of the clock, written column by column, reads back as the estate in memory after it', () => {
    const { db, estate } = seeded();
    const outcome = tick(estate, 0, 24 * HOUR, { newId: (p) => `${p}-${Math.random()}`, actor: 'DPM' });
    expect(outcome.changes.some((c) => c.entity === 'replicas' && c.op === 'put')).toBe(true);
    db.$client.transaction(() => persistChanges(db, outcome.changes, committedRows(estate)))();
    applyChangesInPlace(estate, outcome.changes);
    const loaded = loadEstate(db);
    for (const name of ENTITY_NAMES) expect(loaded[name], name).toEqual(estate[name]);
  });
});
