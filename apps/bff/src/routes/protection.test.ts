import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app';

interface Item {
  name: string;
  kind: string;
  sizeGb: number;
  whyNot: { code: string; message: string } | null;
  protectedBy: { serverId: string; server: string; groupId: string; group: string } | null;
}
interface Computer {
  id: string;
  name: string;
  dpmServerId: string | null;
  local: boolean;
  ownedByThisServer: boolean;
  dataSources: (Item & { id: string })[];
  replicas: (Item & { dataSourceId: string; sourceServerId: string })[];
}

async function protectable(app: ReturnType<typeof testApp>['app'], serverId: string): Promise<Computer[]> {
  const res = await app.request(`/api/servers/${serverId}/protection/protectable`);
  expect(res.status).toBe(200);
  return (await res.json()) as Computer[];
}

describe('GET /protection/protectable (Select Group Members)', () => {
  it(
    'lists on a primary its own computers and itself, with what already protects each data source (scenario 1, ' +
      'DS1)',
    async () => {
      const { app } = testApp('scenario-1');
      const computers = await protectable(app, 'srv-DS1');
      expect(computers.map((c) => c.name)).toEqual(['DS1', 'PS1', 'PS2']);
      const ds1 = computers.find((c) => c.name === 'DS1');
      expect(ds1).toMatchObject({ local: true, dpmServerId: 'srv-DS1', replicas: [] });
      const ps1 = computers.find((c) => c.name === 'PS1');
      expect(ps1?.ownedByThisServer).toBe(true);
      expect(ps1?.dataSources.find((d) => d.name === 'C:\\')).toMatchObject({
        id: 'ds-PS1-C',
        kind: 'Volume',
        sizeGb: 60,
        whyNot: { code: 'ALREADY_PROTECTED' },
        protectedBy: { server: 'DS1' },
      });
    },
  );

  it(
    'on a secondary lists the primary DPM servers with their DPMDB, folders and the replicas they hold (scenario 1, ' +
      'DS3)',
    async () => {
      const { app } = testApp('scenario-1');
      const computers = await protectable(app, 'srv-DS3');
      expect(computers.map((c) => c.name)).toEqual(['DS1', 'DS2', 'DS3']);
      const ds1 = computers.find((c) => c.name === 'DS1');
      expect(ds1?.dpmServerId).toBe('srv-DS1');
      expect(ds1?.dataSources.find((d) => d.kind === 'DPMDB')).toMatchObject({
        id: 'ds-DS1-DPMDB',
        whyNot: { code: 'ALREADY_PROTECTED' },
        protectedBy: { server: 'DS3', group: 'DS1 protection' },
      });
      expect(ds1?.replicas.map((r) => r.name)).toEqual(
        expect.arrayContaining(['C:\\ on PS1', 'D:\\ on PS1', 'PS2\\MSSQLSERVER\\Finance on PS2']),
      );
      expect(ds1?.replicas.every((r) => r.sourceServerId === 'srv-DS1' && r.protectedBy?.server === 'DS3')).toBe(true);
      // DS3's own replicas are never offered to DS3.
      expect(computers.find((c) => c.name === 'DS3')?.replicas).toEqual([]);
    },
  );

  it("after Stop protection of group with Delete replica on disk, the primary's data is free again", async () => {
    const { app, json } = testApp('scenario-1');
    const stop = await json('/api/servers/srv-DS3/protection/stop', { groupId: 'pg-DS3-1', retainReplica: false });
    expect(stop.status).toBe(200);
    const ds1 = (await protectable(app, 'srv-DS3')).find((c) => c.name === 'DS1');
    expect(ds1?.dataSources.some((d) => d.protectedBy !== null)).toBe(false);
    expect(ds1?.dataSources.find((d) => d.kind === 'DPMDB')?.whyNot).toBeNull();
    expect(ds1?.replicas.length).toBeGreaterThan(0);
    expect(ds1?.replicas.some((r) => r.protectedBy !== null)).toBe(false);
  });

  it(
    "a tertiary sees the replicas its secondary holds, among them the secondary's copies of the primary (scenario " +
      '1, DS4)',
    async () => {
      const { app } = testApp('scenario-1');
      const ds3 = (await protectable(app, 'srv-DS4')).find((c) => c.name === 'DS3');
      const dpmdbOfDs1 = ds3?.replicas.find((r) => r.name === 'DPMDB_DS1 on DS1');
      expect(dpmdbOfDs1).toMatchObject({
        dataSourceId: 'ds-DS1-DPMDB',
        sourceServerId: 'srv-DS3',
        protectedBy: { server: 'DS4' },
      });
    },
  );

  it('answers 404 for an unknown server', async () => {
    const { app } = testApp('scenario-1');
    expect((await app.request('/api/servers/srv-NOPE/protection/protectable')).status).toBe(404);
  });
});

describe('GET /protection/groups/{groupId}', () => {
  it("gives the goals Modify protection group starts from, and hides another server's group", async () => {
    const { app } = testApp('scenario-1');
    const res = await app.request('/api/servers/srv-DS3/protection/groups/pg-DS3-1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: 'pg-DS3-1',
      name: 'DS1 protection',
      disk: { retentionDays: 10, syncFrequencyMinutes: 1440 },
      tape: null,
      replicaCreation: 'Now',
    });
    expect((await app.request('/api/servers/srv-DS4/protection/groups/pg-DS3-1')).status).toBe(404);
  });
});

describe('re-protecting a primary from its secondary (seed 001, "Set up primary and secondary protection")', () => {
  it(
    'DS3 protects DS1 again with what Select Group Members offers; DS4 then may not protect DS1 directly ' +
      '(CHAIN_INDIRECT)',
    async () => {
      const { app, json, store } = testApp('scenario-1');
      expect(
        (await json('/api/servers/srv-DS3/protection/stop', { groupId: 'pg-DS3-1', retainReplica: false })).status,
      ).toBe(200);
      const ds1 = (await protectable(app, 'srv-DS3')).find((c) => c.name === 'DS1');
      const pick = (kind: string, name: string) =>
        ds1?.dataSources.find((d) => d.kind === kind && d.name === name)?.id ?? 'missing';
      const members = [
        { dataSourceId: pick('DPMDB', 'DPMDB_DS1'), sourceServerId: null },
        { dataSourceId: pick('Volume', 'C:\\'), sourceServerId: null },
        ...(ds1?.replicas ?? []).map((r) => ({ dataSourceId: r.dataSourceId, sourceServerId: r.sourceServerId })),
      ];
      const goals = {
        retentionDays: 10,
        syncFrequencyMinutes: 1440,
        recoveryPointTimes: [1320],
        expressFullTimes: [1260],
      };
      const body = {
        disk: goals,
        tape: null,
        online: null,
        replicaCreation: 'Now',
        consistencyCheck: { runIfInconsistent: true, dailyAt: null },
      };
      const created = await json('/api/servers/srv-DS3/protection/groups', { name: 'DS1 again', members, ...body });
      expect(created.status).toBe(200);
      expect(Object.values(store.estate.groups).some((g) => g.serverId === 'srv-DS3' && g.name === 'DS1 again')).toBe(
        true,
      );

      expect(
        (
          await json('/api/servers/srv-DS4/agents/attach', {
            computerIds: ['cmp-DS1'],
            method: 'Attach',
            credentials: { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' },
          })
        ).status,
      ).toBe(200);
      expect((await protectable(app, 'srv-DS4')).map((c) => c.name)).toContain('DS1');
      const refused = await json('/api/servers/srv-DS4/protection/groups', {
        name: 'DS1 directly',
        members: [{ dataSourceId: 'ds-DS1-DPMDB', sourceServerId: null }],
        ...body,
      });
      expect(refused.status).toBe(422);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CHAIN_INDIRECT');
    },
  );
});
