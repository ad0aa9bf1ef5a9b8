import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app';

type Page<T> = { items: T[]; nextCursor: string | null; total: number };
type Item = { id: string; name: string; kind: string; how: string };

async function get<T>(t: ReturnType<typeof testApp>, path: string): Promise<T> {
  const res = await t.app.request(`/api${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

describe('GET /api/topology', () => {
  it('draws seed 004 scenario 3 as its table: the servers, the links between them, the computers by name', async () => {
    const t = testApp('scenario-3');
    const topology = await get<{
      servers: {
        name: string;
        protectsServers: string[];
        protectedBy: string[];
        computers: number;
        computerList: { name: string }[];
      }[];
      links: { from: string; to: string }[];
      cycles: string[][];
      findings: unknown[];
    }>(t, '/topology');
    expect(
      topology.servers.map((s) => [s.name, s.protectsServers, s.computerList.map((c) => c.name), s.protectedBy]),
    ).toEqual([
      ['DS1', [], ['PS1', 'PS2'], ['DS2']],
      ['DS2', ['DS1', 'DS3'], ['PS3'], ['DS3']],
      ['DS3', ['DS2'], ['PS4'], ['DS2']],
    ]);
    expect(topology.links).toEqual([
      { from: 'srv-DS2', to: 'srv-DS1' },
      { from: 'srv-DS2', to: 'srv-DS3' },
      { from: 'srv-DS3', to: 'srv-DS2' },
    ]);
    expect(topology.cycles).toEqual([['DS2', 'DS3']]);
    expect(topology.findings).toEqual([]);
  });

  it(
    'lists a finding with its code, sentence and servers: VERSION_MISMATCH after DS2 is reinstalled with another ' +
      'version',
    async () => {
      const t = testApp('scenario-1');
      expect((await t.json('/api/servers/srv-DS2/fail', {})).status).toBe(200);
      expect(
        (
          await t.json('/api/servers/srv-DS2/reinstall', {
            version: { major: 10, minor: 22, build: 100, rollup: 0 },
            fqdn: 'ds2.contoso.com',
          })
        ).status,
      ).toBe(200);
      const { findings } = await get<{
        findings: { code: string; severity: string; message: string; serverIds: string[] }[];
      }>(t, '/topology');
      expect(findings).toContainEqual({
        code: 'VERSION_MISMATCH',
        severity: 'error',
        message:
          'DS3 runs DPM 10.19.260.0 UR1 but DS2 runs 10.22.100.0 RTM; ' +
          'all servers in a primary/secondary configuration must run the same version and update rollup.',
        serverIds: ['srv-DS3', 'srv-DS2'],
      });
    },
  );
});

describe('GET /api/servers/{serverId}/protects', () => {
  it('pages what DS2 protects in scenario 3 by name, and searches it', async () => {
    const t = testApp('scenario-3');
    const first = await get<Page<Item>>(t, '/servers/srv-DS2/protects?limit=2');
    expect(first.items.map((i) => [i.name, i.kind, i.how])).toEqual([
      ['DS1', 'server', 'secondary'],
      ['DS3', 'server', 'secondary'],
    ]);
    expect(first.total).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await get<Page<Item>>(t, `/servers/srv-DS2/protects?limit=2&cursor=${first.nextCursor ?? ''}`);
    expect(second).toEqual({
      items: [{ id: 'cmp-PS3', name: 'PS3', kind: 'computer', how: 'primary' }],
      total: 3,
      nextCursor: null,
    });
    const computers = await get<Page<Item>>(t, '/servers/srv-DS2/protects?kind=computer&search=ps');
    expect(computers.items.map((i) => i.name)).toEqual(['PS3']);
  });

  it('answers 404 for an unknown server and 400 naming the field for a bad limit or kind', async () => {
    const t = testApp('scenario-1');
    expect((await t.app.request('/api/servers/srv-NOPE/protects')).status).toBe(404);
    const bad = await t.app.request('/api/servers/srv-DS1/protects?limit=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { target: string } }).error.target).toBe('limit');
    const kind = await t.app.request('/api/servers/srv-DS1/protects?kind=tape');
    expect(kind.status).toBe(400);
    expect(((await kind.json()) as { error: { target: string } }).error.target).toBe('kind');
  });
});

describe('GET /api/topology/search and /api/topology/servers', () => {
  it('finds a computer with the server that protects it, and a server with its secondary', async () => {
    const t = testApp('scenario-1');
    expect(await get(t, '/topology/search?q=ps3')).toEqual({
      items: [
        {
          kind: 'computer',
          id: 'cmp-PS3',
          name: 'PS3',
          protectedBy: [{ serverId: 'srv-DS2', name: 'DS2', how: 'primary' }],
        },
      ],
      total: 1,
    });
    const ds = await get<{ items: { name: string; protectedBy: { name: string }[] }[]; total: number }>(
      t,
      '/topology/search?q=DS&limit=2',
    );
    expect(ds.total).toBe(4);
    expect(ds.items.map((i) => [i.name, i.protectedBy.map((p) => p.name)])).toEqual([
      ['DS1', ['DS3']],
      ['DS2', ['DS3']],
    ]);
    expect((await t.app.request('/api/topology/search')).status).toBe(400);
  });

  it('pages the DPM servers by name, searched by name or FQDN (Connect to DPM server)', async () => {
    const t = testApp('scenario-1');
    const first = await get<Page<{ name: string; fqdn: string; state: string; version: string }>>(
      t,
      '/topology/servers?limit=3',
    );
    expect(first.items.map((s) => s.name)).toEqual(['DS1', 'DS2', 'DS3']);
    expect(first.items[0]).toMatchObject({ fqdn: 'ds1.contoso.com', state: 'Online', version: '10.19.260.0 UR1' });
    const rest = await get<Page<{ name: string }>>(t, `/topology/servers?limit=3&cursor=${first.nextCursor ?? ''}`);
    expect(rest.items.map((s) => s.name)).toEqual(['DS4']);
    expect(rest.nextCursor).toBeNull();
    expect(
      (await get<Page<{ name: string }>>(t, '/topology/servers?search=ds4.contoso')).items.map((s) => s.name),
    ).toEqual(['DS4']);
  });
});

describe('GET /api/servers counts what each server protects', () => {
  it('names few computers and counts them', async () => {
    const t = testApp('scenario-1');
    const servers = await get<
      { name: string; protects: { servers: string[]; computers: number; computerNames: string[] } }[]
    >(t, '/servers');
    expect(Object.fromEntries(servers.map((s) => [s.name, s.protects]))).toEqual({
      DS1: { servers: [], computers: 2, computerNames: ['PS1', 'PS2'] },
      DS2: { servers: [], computers: 2, computerNames: ['PS3', 'PS4'] },
      DS3: { servers: ['DS1', 'DS2'], computers: 0, computerNames: [] },
      DS4: { servers: ['DS3'], computers: 0, computerNames: [] },
    });
  });
});
