import { describe, expect, it } from 'vitest';
import { fixtureDb, viewsFixture, walk } from '../test-db';
import { listGroups, listMembers, MEMBER_SORTS, type MemberQuery, type MemberRow } from './protection';

const estate = viewsFixture();
const db = fixtureDb(estate);
const replicas = Object.values(estate.replicas);
const SERVERS = ['srv-DS1', 'srv-DS3'];

const members = (q: Partial<MemberQuery> & { serverId: string }, limit = 1000) =>
  listMembers(db, { sort: 'dataSource', dir: 'asc', limit, ...q });

/** Compares as SQLite's ORDER BY does here: NULL last, text without case. */
function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [a.toLowerCase(), b.toLowerCase()];
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const sortValue: Record<(typeof MEMBER_SORTS)[number], (r: MemberRow) => string | number | null> = {
  dataSource: (r) => r.dataSource,
  computer: (r) => r.computer,
  status: (r) => r.status,
  replicaPath: (r) => r.replicaPath,
  lastRecoveryPoint: (r) => r.lastRecoveryPoint,
  group: (r) => r.group,
};

describe('protection members, read from SQLite', () => {
  it("are the replicas of the server's groups, or those kept inactive, with their recovery points", () => {
    for (const serverId of SERVERS) {
      const active = replicas.filter((r) => r.serverId === serverId && r.groupId !== null);
      const page = members({ serverId });
      expect(page.total).toBe(active.length);
      expect(new Set(page.items.map((r) => r.id))).toEqual(new Set(active.map((r) => r.id)));
      const inactive = replicas.filter((r) => r.serverId === serverId && r.groupId === null);
      expect(
        members({ serverId, inactive: true })
          .items.map((r) => r.id)
          .sort(),
      ).toEqual(inactive.map((r) => r.id).sort());
    }
    const row = members({ serverId: 'srv-DS1' }).items.find((r) => r.lastRecoveryPoint !== null);
    expect(row, "the demo's history made recovery points").toBeDefined();
    if (!row) return;
    const times = Object.values(estate.recoveryPoints)
      .filter((p) => p.replicaId === row.id)
      .map((p) => p.time);
    expect(row.lastRecoveryPoint).toBe(Math.max(...times));
  });

  it('page by every sort in both directions: the pages join into the one ordered list, no row twice', () => {
    for (const serverId of SERVERS) {
      for (const sort of MEMBER_SORTS) {
        for (const dir of ['asc', 'desc'] as const) {
          const all = members({ serverId, sort, dir }).items;
          const paged = walk((cursor) => members({ serverId, sort, dir, ...(cursor ? { cursor } : {}) }, 4));
          const label = `${serverId} ${sort} ${dir}`;
          expect(
            paged.items.map((r) => r.id),
            label,
          ).toEqual(all.map((r) => r.id));
          expect(new Set(paged.items.map((r) => r.id)).size, label).toBe(all.length);
          expect(paged.totals, label).toEqual([all.length]);
          expect(paged.pages, label).toBe(Math.max(1, Math.ceil(all.length / 4)));
          for (const [i, r] of paged.items.entries()) {
            const prev = paged.items[i - 1];
            if (!prev) continue;
            const [a, b] = [sortValue[sort](prev), sortValue[sort](r)];
            const order = a === null || b === null ? compare(a, b) : dir === 'asc' ? compare(a, b) : compare(b, a);
            expect(order, `${label}: ${prev.id} before ${r.id}`).toBeLessThanOrEqual(0);
          }
        }
      }
    }
  });

  it('filter by group, by status and by a search whose % and _ are plain characters', () => {
    const group = Object.values(estate.groups).find((g) => g.serverId === 'srv-DS3');
    expect(group).toBeDefined();
    if (!group) return;
    const inGroup = members({ serverId: 'srv-DS3', groupId: group.id });
    expect(inGroup.items.map((r) => r.id).sort()).toEqual(
      replicas
        .filter((r) => r.groupId === group.id)
        .map((r) => r.id)
        .sort(),
    );
    for (const status of new Set(replicas.filter((r) => r.serverId === 'srv-DS3').map((r) => r.status))) {
      const rows = members({ serverId: 'srv-DS3', status }).items;
      expect(rows.length, status).toBe(
        replicas.filter((r) => r.serverId === 'srv-DS3' && r.groupId !== null && r.status === status).length,
      );
      expect(rows.every((r) => r.status === status)).toBe(true);
    }
    const first = members({ serverId: 'srv-DS3' }).items[0];
    if (!first) throw new Error('DS3 protects nothing');
    const found = members({ serverId: 'srv-DS3', search: first.computer.toUpperCase() }).items;
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.every((r) =>
        [r.computer, r.dataSource, r.replicaPath].some((t) => t.toLowerCase().includes(first.computer.toLowerCase())),
      ),
    ).toBe(true);
    expect(members({ serverId: 'srv-DS3', search: '%' }).total).toBe(0);
    // "P_1" would match "PS1" if _ were a wildcard: a search finds the text as it is typed.
    const wildcard = `${first.computer.slice(0, 1)}_${first.computer.slice(2)}`;
    expect(first.computer.charAt(1)).not.toBe('_');
    expect(
      members({ serverId: 'srv-DS3', search: wildcard }).items.filter((r) => r.computer === first.computer),
    ).toEqual([]);
  });

  it('a cursor that is not one of ours starts from the first page', () => {
    const first = members({ serverId: 'srv-DS3' }, 3);
    expect(members({ serverId: 'srv-DS3', cursor: 'garbage' }, 3).items).toEqual(first.items);
  });
});

describe('protection groups, read from SQLite', () => {
  it('each with its members counted and its methods, sorted by name', () => {
    for (const serverId of SERVERS) {
      const rows = listGroups(db, serverId);
      const groups = Object.values(estate.groups).filter((g) => g.serverId === serverId);
      expect(rows.map((g) => g.id).sort()).toEqual(groups.map((g) => g.id).sort());
      for (const row of rows) {
        expect(row.members, row.name).toBe(replicas.filter((r) => r.groupId === row.id).length);
        expect(row.methods.length, row.name).toBeGreaterThan(0);
      }
      expect(rows.map((g) => g.name.toLowerCase())).toEqual(rows.map((g) => g.name.toLowerCase()).sort());
    }
  });
});
