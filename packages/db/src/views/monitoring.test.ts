import { describe, expect, it } from 'vitest';
import type { AlertSeverity, JobStatus, JobType } from '@dpm/domain/model';
import { FIXTURE_EPOCH } from '@dpm/domain/fixtures/scenarios';
import { fixtureDb, viewsFixture, walk } from '../test-db';
import {
  criticalAlertCount,
  criticalAlerts,
  listAlerts,
  listJobs,
  type AlertGrouping,
  type JobGrouping,
} from './monitoring';

const estate = viewsFixture();
const db = fixtureDb(estate);
const alertsOf = (serverId: string) => Object.values(estate.alerts).filter((a) => a.serverId === serverId);
const jobsOf = (serverId: string) => Object.values(estate.jobs).filter((j) => j.serverId === serverId);
const server = estate.servers['srv-DS1'];
if (!server) throw new Error('the fixture lacks DS1');
const history = server.dbHistory;

/** Each key's rows come together: once the list leaves a key it never comes back to it. */
function contiguous(keys: string[]): boolean {
  const done = new Set<string>();
  for (const [i, k] of keys.entries()) {
    if (done.has(k)) return false;
    const next = keys[i + 1];
    if (next !== k) done.add(k);
  }
  return true;
}

describe('alerts, read from SQLite', () => {
  it('active ones by default, every one with inactive included, newest first', () => {
    const all = listAlerts(db, { serverId: 'srv-DS1', includeInactive: true, limit: 1000 });
    expect(all.total).toBe(alertsOf('srv-DS1').length);
    const active = listAlerts(db, { serverId: 'srv-DS1', includeInactive: false, limit: 1000 });
    expect(active.items.map((a) => a.id).sort()).toEqual(
      alertsOf('srv-DS1')
        .filter((a) => a.state === 'Active')
        .map((a) => a.id)
        .sort(),
    );
    const times = all.items.map((a) => a.raisedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all.items.find((a) => a.id === 'alert-view-01')?.acknowledged).toEqual({
      by: 'admin',
      at: estate.alerts['alert-view-01']?.acknowledged?.at,
      comment: 'seen',
    });
    expect(all.items.filter((a) => a.state === 'Inactive').every((a) => a.recommendedAction === null)).toBe(true);
  });

  it('page through ties of the same minute without losing or repeating a row, grouped or not', () => {
    for (const groupBy of [undefined, 'group', 'computer', 'severity', 'state'] as (AlertGrouping | undefined)[]) {
      const q = { serverId: 'srv-DS1', includeInactive: true, ...(groupBy ? { groupBy } : {}) };
      const all = listAlerts(db, { ...q, limit: 1000 }).items;
      const paged = walk((cursor) => listAlerts(db, { ...q, limit: 7, ...(cursor ? { cursor } : {}) }));
      expect(
        paged.items.map((a) => a.id),
        String(groupBy),
      ).toEqual(all.map((a) => a.id));
      expect(new Set(paged.items.map((a) => a.id)).size).toBe(all.length);
      expect(paged.totals).toEqual([all.length]);
      if (groupBy) {
        const key = {
          group: (a: (typeof all)[number]) => a.group ?? '',
          computer: (a: (typeof all)[number]) => a.computer ?? '',
          severity: (a: (typeof all)[number]) => a.severity,
          state: (a: (typeof all)[number]) => a.state,
        }[groupBy];
        expect(contiguous(paged.items.map(key)), groupBy).toBe(true);
      }
    }
  });

  it('filter by severity; the header counts and lists the active critical ones of the estate', () => {
    for (const severity of ['Critical', 'Warning', 'Information'] as AlertSeverity[]) {
      const rows = listAlerts(db, { serverId: 'srv-DS1', includeInactive: true, severity, limit: 1000 });
      expect(rows.total, severity).toBe(alertsOf('srv-DS1').filter((a) => a.severity === severity).length);
    }
    const critical = Object.values(estate.alerts).filter((a) => a.state === 'Active' && a.severity === 'Critical');
    expect(criticalAlertCount(db)).toBe(critical.length);
    const top = criticalAlerts(db, 5);
    expect(top).toHaveLength(Math.min(5, critical.length));
    expect(
      top.every((a) => estate.alerts[a.id]?.severity === 'Critical' && a.server === estate.servers[a.serverId]?.name),
    ).toBe(true);
  });
});

describe('jobs, read from SQLite', () => {
  it("those the server's DPM database holds, newest first, paged through ties, grouped or not", () => {
    // The demo's fortnight holds thousands of jobs: a database whose history starts half an hour
    // before the fixture's now holds the 60 that tie on time and the newest of the fortnight.
    const recent = history.map((p) => ({ ...p, from: Math.max(p.from, FIXTURE_EPOCH - 30 * 60_000) }));
    const held = jobsOf('srv-DS1').filter((j) =>
      recent.some((p) => j.scheduledAt >= p.from && (p.to === null || j.scheduledAt <= p.to)),
    );
    expect(held.length).toBeGreaterThanOrEqual(60);
    expect(held.length).toBeLessThan(1000);
    for (const groupBy of [undefined, 'group', 'computer', 'status', 'type'] as (JobGrouping | undefined)[]) {
      const q = { serverId: 'srv-DS1', history: recent, ...(groupBy ? { groupBy } : {}) };
      const all = listJobs(db, { ...q, limit: 1000 });
      expect(all.total).toBe(held.length);
      const paged = walk((cursor) => listJobs(db, { ...q, limit: 9, ...(cursor ? { cursor } : {}) }));
      expect(
        paged.items.map((j) => j.id),
        String(groupBy),
      ).toEqual(all.items.map((j) => j.id));
      expect(new Set(paged.items.map((j) => j.id)).size).toBe(held.length);
      if (!groupBy)
        expect(all.items.map((j) => j.scheduledAt)).toEqual(all.items.map((j) => j.scheduledAt).sort((a, b) => b - a));
      if (groupBy === 'status') expect(contiguous(paged.items.map((j) => j.status))).toBe(true);
      if (groupBy === 'type') expect(contiguous(paged.items.map((j) => j.type))).toBe(true);
    }
    const failed = listJobs(db, { serverId: 'srv-DS1', history: recent, limit: 1000 }).items.find(
      (j) => j.id === 'job-view-03',
    );
    expect(failed?.error).toEqual({ code: 'SYNC_FAILED', message: 'The agent did not answer.' });
    expect(failed?.params).toEqual({ n: '3' });
  });

  it('filter by status and type; a database that holds no period holds no job', () => {
    for (const status of ['Scheduled', 'Failed'] as JobStatus[]) {
      const rows = listJobs(db, { serverId: 'srv-DS1', history, status, limit: 1000 }).items;
      expect(rows.length, status).toBeGreaterThan(0);
      expect(rows.every((j) => j.status === status)).toBe(true);
    }
    for (const type of ['Tape backup', 'Consistency check'] as JobType[]) {
      const rows = listJobs(db, { serverId: 'srv-DS1', history, type, limit: 1000 }).items;
      expect(rows.length, type).toBeGreaterThan(0);
      expect(rows.every((j) => j.type === type)).toBe(true);
    }
    expect(listJobs(db, { serverId: 'srv-DS1', history: [], limit: 10 })).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
    const cut = estate.jobs['job-view-20']?.scheduledAt ?? 0;
    const before = listJobs(db, { serverId: 'srv-DS1', history: [{ from: 0, to: cut - 1 }], limit: 1000 }).items;
    expect(before.every((j) => j.scheduledAt < cut)).toBe(true);
  });
});
