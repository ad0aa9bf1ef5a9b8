import { describe, expect, it } from 'vitest';
import { readerToken, testApp } from './test-app';

type Page<T> = { items: T[]; total: number };
type Offer = { id: string; enabled: boolean; reason: { code: string; message: string } | null };
type Job = { id: string; status: string; operations: Offer[] };
type Alert = { id: string; state: string; operations: Offer[] };

/** The demo estate with a Reader beside the administrator: a GET as either. */
function twoUsers() {
  const t = testApp('demo');
  const reader = readerToken(t.db);
  const asAdmin = async (path: string) => (await t.app.request(path)).text();
  const asReader = async (path: string) =>
    (await t.app.request(path, { headers: { authorization: `Bearer ${reader}` } })).text();
  return { ...t, asAdmin, asReader };
}

const JOBS = '/api/servers/srv-DS1/jobs?limit=50';
const ALERTS = '/api/servers/srv-DS1/alerts?limit=50&inactive=true';
const MEMBERS = '/api/servers/srv-DS1/protection/members?limit=50';

describe('list pages kept until the estate changes (page-cache.ts)', () => {
  it('a page asked again is the same bytes, with every header of an API answer', async () => {
    const { app, asAdmin } = twoUsers();
    for (const path of [JOBS, ALERTS, MEMBERS]) {
      const first = await asAdmin(path);
      expect((JSON.parse(first) as Page<unknown>).items.length).toBeGreaterThan(0);
      expect(await asAdmin(path)).toBe(first);
      const res = await app.request(path);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("each user gets the page as offered to them: a Reader's operations are disabled with the reason", async () => {
    const { asAdmin, asReader } = twoUsers();
    const admin = JSON.parse(await asAdmin(ALERTS)) as Page<Alert>;
    const reader = JSON.parse(await asReader(ALERTS)) as Page<Alert>;
    expect(reader.items.map((a) => a.id)).toEqual(admin.items.map((a) => a.id));
    const active = admin.items.find((a) => a.state === 'Active');
    expect(active?.operations.some((o) => o.enabled)).toBe(true);
    const same = reader.items.find((a) => a.id === active?.id);
    expect(same?.operations.every((o) => !o.enabled && o.reason?.code === 'FORBIDDEN')).toBe(true);
    // Asked again in the other order, neither is given the other's page.
    expect(JSON.parse(await asAdmin(ALERTS))).toEqual(admin);
  });

  it('a command is seen by the next read of every page it changes', async () => {
    const { asAdmin, json } = twoUsers();
    const before = JSON.parse(await asAdmin(ALERTS)) as Page<Alert>;
    const active = before.items.find((a) => a.state === 'Active');
    expect(active).toBeDefined();
    const res = await json(`/api/servers/srv-DS1/alerts/${active?.id}/inactivate`, {});
    expect(res.status).toBe(200);
    const after = JSON.parse(await asAdmin(ALERTS)) as Page<Alert>;
    expect(after.items.find((a) => a.id === active?.id)?.state).toBe('Inactive');
  });

  const kept = "the header's critical alerts, the groups, agents, disks and libraries are kept and follow a change too";
  it(kept, async () => {
    const { asAdmin, json } = twoUsers();
    const kept = [
      '/api/servers/srv-DS1/protection/groups',
      '/api/servers/srv-DS1/agents',
      '/api/servers/srv-DS1/disks',
      '/api/servers/srv-DS1/libraries',
      '/api/servers/srv-DS1/operations',
    ];
    for (const path of kept) expect(await asAdmin(path)).toBe(await asAdmin(path));
    const count = async () => (JSON.parse(await asAdmin('/api/alerts/critical-count')) as { count: number }).count;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const alerts = JSON.parse(await asAdmin(ALERTS)) as Page<Alert & { severity: string }>;
    const critical = alerts.items.find((a) => a.state === 'Active' && a.severity === 'Critical');
    expect((await json(`/api/servers/srv-DS1/alerts/${critical?.id}/inactivate`, {})).status).toBe(200);
    expect(await count()).toBe(before - 1);
  });

  it('a clock advance is seen by the next read: the jobs it ran and the new ones it scheduled', async () => {
    const { asAdmin, json, store } = twoUsers();
    const before = JSON.parse(await asAdmin(JOBS)) as Page<Job>;
    const at = store.now;
    expect((await json('/api/clock/advance', { minutes: 24 * 60 })).status).toBe(200);
    expect(store.now).toBe(at + 24 * 60 * 60_000);
    const after = JSON.parse(await asAdmin(JOBS)) as Page<Job>;
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.items[0]?.id).not.toBe(before.items[0]?.id);
  });
});
