import { describe, expect, it } from 'vitest';
import { fixtureDb, viewsFixture } from '../test-db';
import { listRecoverable, listRecoveryPoints } from './recovery';

const estate = viewsFixture();
const db = fixtureDb(estate);
const points = Object.values(estate.recoveryPoints);

describe('recovery points, read from SQLite', () => {
  it("each recoverable data source counts its server's own points and names the latest", () => {
    const rows = listRecoverable(db, 'srv-DS1');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const own = points.filter((p) => p.serverId === 'srv-DS1' && p.dataSourceId === row.dataSourceId && !p.external);
      expect(row.recoveryPoints, row.dataSource).toBe(own.length);
      expect(row.latest, row.dataSource).toBe(own.length === 0 ? null : Math.max(...own.map((p) => p.time)));
    }
    const sorted = [...rows].sort(
      (a, b) =>
        a.computer.localeCompare(b.computer, 'en', { sensitivity: 'base' }) ||
        a.dataSource.localeCompare(b.dataSource, 'en', { sensitivity: 'base' }),
    );
    expect(rows.map((r) => r.computer)).toEqual(sorted.map((r) => r.computer));
  });

  it('a search narrows Browse to the data sources or computers whose names hold it', () => {
    const first = listRecoverable(db, 'srv-DS1')[0];
    if (!first) throw new Error('DS1 has nothing to recover');
    const found = listRecoverable(db, 'srv-DS1', first.computer.toLowerCase());
    expect(found.map((r) => r.dataSourceId)).toContain(first.dataSourceId);
    expect(
      found.every((r) => `${r.computer} ${r.dataSource}`.toLowerCase().includes(first.computer.toLowerCase())),
    ).toBe(true);
    expect(listRecoverable(db, 'srv-DS1', '%')).toEqual([]);
  });

  it("a data source's points, newest first, each the size of the data it brings back", () => {
    const source = listRecoverable(db, 'srv-DS1').find((r) => r.recoveryPoints > 1);
    if (!source) throw new Error('no data source on DS1 has two recovery points');
    const rows = listRecoveryPoints(db, 'srv-DS1', source.dataSourceId, false);
    const own = points.filter((p) => p.serverId === 'srv-DS1' && p.dataSourceId === source.dataSourceId && !p.external);
    expect(rows.map((r) => r.id).sort()).toEqual(own.map((p) => p.id).sort());
    expect(rows.map((r) => r.time)).toEqual(rows.map((r) => r.time).sort((a, b) => b - a));
    const size = estate.dataSources[source.dataSourceId]?.sizeGb ?? 0;
    expect(rows.every((r) => r.sizeGb >= size && r.external === false)).toBe(true);
    expect(listRecoveryPoints(db, 'srv-DS1', source.dataSourceId, true)).toEqual([]);
  });
});
