import { describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { fixtureDb, viewsFixture } from '../test-db';
import { listAlerts, listJobs } from './monitoring';

const estate = viewsFixture();
const server = estate.servers['srv-DS1'];
if (!server) throw new Error('the fixture lacks DS1');

/** The texts prepared on the connection while `fn` runs. */
function prepared(db: Db, fn: () => void): string[] {
  const client = db.$client;
  const texts: string[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = ((text: string) => {
    texts.push(text);
    return prepare(text);
  }) as typeof client.prepare;
  try {
    fn();
  } finally {
    client.prepare = prepare;
  }
  return texts;
}

const plan = (db: Db, text: string, ...params: unknown[]) =>
  (db.$client.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail);

describe('list queries', () => {
  it('are prepared once per shape: another server, filter value or cursor reuses the statement', () => {
    const db = fixtureDb(estate);
    const jobs = (serverId: string) => listJobs(db, { serverId, history: server.dbHistory, limit: 5 });
    const first = prepared(db, () => jobs('srv-DS1'));
    expect(first.length).toBeLessThanOrEqual(2);
    const again = prepared(db, () => {
      const page = jobs('srv-DS2');
      listJobs(db, { serverId: 'srv-DS1', history: server.dbHistory, limit: 5, cursor: page.nextCursor ?? undefined });
      listAlerts(db, { serverId: 'srv-DS1', includeInactive: false, limit: 5 });
      listAlerts(db, { serverId: 'srv-DS2', includeInactive: false, limit: 5 });
    });
    // The cursor's continuation is a shape of its own; the second server's alerts reuse the first's.
    expect(again.filter((t) => t.includes('FROM alerts'))).toHaveLength(2);
    expect(again.filter((t) => t.includes('FROM jobs')).length).toBeLessThanOrEqual(2);
  });

  it("read the newest jobs and alerts in the index's order: no sort of the server's whole list", () => {
    const db = fixtureDb(estate);
    const texts = prepared(db, () => {
      listJobs(db, { serverId: 'srv-DS1', history: [{ from: 0, to: null }], limit: 5 });
      listAlerts(db, { serverId: 'srv-DS1', includeInactive: false, limit: 5 });
    });
    const jobsPage = texts.find((t) => t.includes('FROM jobs') && t.includes('LIMIT'));
    const alertsPage = texts.find((t) => t.includes('FROM alerts') && t.includes('LIMIT'));
    expect(jobsPage && alertsPage).toBeTruthy();
    const jobsPlan = plan(db, jobsPage ?? '', 'srv-DS1', 0, 6);
    expect(jobsPlan.join(' | ')).toContain('jobs_server_scheduled');
    expect(jobsPlan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    const alertsPlan = plan(db, alertsPage ?? '', 'srv-DS1', 6);
    expect(alertsPlan.join(' | ')).toContain('alerts_server_state_raised');
    expect(alertsPlan).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });
});
