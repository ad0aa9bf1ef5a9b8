import { describe, expect, it } from 'vitest';
import { rowsWhere } from '@dpm/domain/draft';
import { topologyGraph } from '@dpm/domain/topology/estate-graph';
import { testApp } from './test-app';
import { serverReadModel } from './read-models';

type Listed = { id: string; name: string; activeAlerts: number };
const DAY_MINUTES = 24 * 60;

describe('the server list and topology, kept from the change stream', () => {
  it(
    'answers what a fresh computation gives, after commands and ticks, ' +
      'and keeps the topology across a tick that moves only jobs',
    async () => {
      const t = testApp('demo');
      const fresh = () => JSON.parse(JSON.stringify(topologyGraph(t.store.estate))) as unknown;
      const list = async () => (await (await t.app.request('/api/servers')).json()) as Listed[];

      expect(await (await t.app.request('/api/topology')).json()).toEqual(fresh());
      const before = await list();
      const graph = serverReadModel(t.store).topology();

      expect((await t.json('/api/clock/advance', { minutes: DAY_MINUTES })).status).toBe(200);
      expect(serverReadModel(t.store).topology()).toBe(graph);
      for (const s of await list()) {
        expect(s.activeAlerts).toBe(
          rowsWhere(t.store.estate, 'alerts', 'serverId', s.id).filter((a) => a.state === 'Active').length,
        );
      }

      const added = await t.json('/api/estate/servers', {
        name: 'DPM99',
        fqdn: 'dpm99.contoso.com',
        version: t.store.estate.servers['srv-DS1']?.version,
      });
      expect(added.status).toBe(200);
      const after = await list();
      expect(after.map((s) => s.name)).toContain('DPM99');
      expect(after).toHaveLength(before.length + 1);
      expect(await (await t.app.request('/api/topology')).json()).toEqual(fresh());
    },
  );
});
