import { describe, expect, it } from 'vitest';
import { testApp } from './test-app';

describe('list totals kept between changes', () => {
  it("the members list's total follows a change to the members at once", async () => {
    const t = testApp('scenario-1');
    const replicasOf = (active: boolean) =>
      Object.values(t.store.estate.replicas).filter((r) => r.serverId === 'srv-DS3' && (r.groupId !== null) === active)
        .length;
    const total = async (query: string) => {
      const res = await t.app.request(`/api/servers/srv-DS3/protection/members?limit=1${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { total: number }).total;
    };
    const active = replicasOf(true);
    expect(active).toBeGreaterThan(0);
    expect(await total('')).toBe(active);
    expect(await total('')).toBe(active);
    expect(await total('&inactive=true')).toBe(replicasOf(false));
    const stop = await t.json('/api/servers/srv-DS3/protection/stop', { groupId: 'pg-DS3-1', retainReplica: true });
    expect(stop.status).toBe(200);
    expect(replicasOf(true)).toBeLessThan(active);
    expect(await total('')).toBe(replicasOf(true));
    expect(await total('&inactive=true')).toBe(replicasOf(false));
  });
});
