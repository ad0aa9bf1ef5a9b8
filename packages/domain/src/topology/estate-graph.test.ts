import { describe, expect, it } from 'vitest';
import { findInTopology, INLINE_COMPUTERS, protectsOf, topologyGraph } from './estate-graph';
import { analyseTopology, computeEdges } from './topology';
import { large, scenario1, scenario2, scenario3 } from '../fixtures/scenarios';
import { EstateBuilder } from '../fixtures/builder';
import { World } from '../test-support';
import { switchProtection } from '../protection/switch-protection';

/** The seed 004 table read from the graph: what each server protects, and who protects it. */
const table = (estate: ReturnType<typeof scenario1>) =>
  Object.fromEntries(
    topologyGraph(estate).servers.map((s) => [
      s.name,
      { protecting: [...s.protectsServers, ...s.computerList.map((c) => c.name)].sort(), protectedBy: s.protectedBy },
    ]),
  );

/** A small estate of the large fixture's shape: two primaries of 30 computers under one secondary. */
const small = () =>
  large(0, { primaries: 2, secondaries: 1, computersPerPrimary: 30, dataSourcesPerComputer: 2, days: 0, tapes: 0 });

/** The `large` fixture, built once for the tests that read it (it takes a second or more). */
let largeEstate: ReturnType<typeof large> | null = null;
const largeOnce = () => (largeEstate ??= large());

describe('topologyGraph reads the seed 004 tables as analyseTopology does', () => {
  it.each([
    ['scenario 1', scenario1],
    ['scenario 2', scenario2],
    ['scenario 3', scenario3],
  ])('%s: the same rows, the same chains and cycles, no finding', (_, scenario) => {
    const estate = scenario();
    const analysed = analyseTopology(estate);
    expect(table(estate)).toEqual(
      Object.fromEntries(
        analysed.servers.map((s) => [s.name, { protecting: s.protecting, protectedBy: s.protectedBy }]),
      ),
    );
    const graph = topologyGraph(estate);
    expect(graph.chains).toEqual(analysed.chains);
    expect(graph.cycles).toEqual(analysed.cycles);
    expect(graph.findings).toEqual([]);
  });

  it('draws a link for each secondary edge, from the protector to the protected server (seed 004 scenario 1)', () => {
    const graph = topologyGraph(scenario1());
    expect(graph.links).toEqual([
      { from: 'srv-DS3', to: 'srv-DS1' },
      { from: 'srv-DS3', to: 'srv-DS2' },
      { from: 'srv-DS4', to: 'srv-DS3' },
    ]);
    const secondaryEdges = computeEdges(scenario1()).filter((e) => e.kind === 'secondary');
    expect(graph.links).toHaveLength(secondaryEdges.length);
    expect(graph.protectedComputers).toBe(4);
  });
});

describe('topologyGraph at estate scale', () => {
  it("counts a server's computers instead of naming them beyond INLINE_COMPUTERS", () => {
    const graph = topologyGraph(small());
    const dpm01 = graph.servers.find((s) => s.name === 'DPM01');
    expect(dpm01).toMatchObject({
      primary: true,
      secondary: false,
      computers: 30,
      computerList: [],
      protectedBy: ['DPMS01'],
    });
    expect(30).toBeGreaterThan(INLINE_COMPUTERS);
    expect(graph.servers.find((s) => s.name === 'DPMS01')).toMatchObject({
      primary: false,
      secondary: true,
      computers: 0,
      protectsServers: ['DPM01', 'DPM02'],
    });
    expect(graph.protectedComputers).toBe(60);
  });

  it('reads the large estate as 50 servers and 40 links, every primary under its secondary', () => {
    const graph = topologyGraph(largeOnce());
    expect(graph.servers).toHaveLength(50);
    expect(graph.links).toHaveLength(40);
    expect(graph.links).toContainEqual({ from: 'srv-DPMS01', to: 'srv-DPM01' });
    expect(graph.protectedComputers).toBe(5000);
    expect(graph.findings).toEqual([]);
  });
});

describe('findings: the rules broken, and a primary without a secondary (seeds 001, 004)', () => {
  it('marks a primary that no secondary protects with NO_SECONDARY, a warning', () => {
    const b = new EstateBuilder(0);
    b.server('DS1');
    b.primary('srv-DS1', [b.productionServer('PS1', 'srv-DS1', 'Sales')]);
    const findings = topologyGraph(b.estate).findings;
    expect(findings).toEqual([
      {
        code: 'NO_SECONDARY',
        severity: 'warning',
        message:
          'DS1 protects 1 computer but no secondary DPM server protects it: if it fails, its database and replicas ' +
          "can't be restored from a secondary, nor protection switched to one.",
        serverIds: ['srv-DS1'],
      },
    ]);
  });

  it('carries the rule violations as errors with their codes (VERSION_MISMATCH, seed 002)', () => {
    const estate = scenario1();
    const ds4 = estate.servers['srv-DS4'];
    if (!ds4) throw new Error('fixture');
    ds4.version = { ...ds4.version, rollup: ds4.version.rollup + 1 };
    const findings = topologyGraph(estate).findings;
    expect(findings.map((f) => [f.code, f.severity, f.serverIds])).toEqual([
      ['VERSION_MISMATCH', 'error', ['srv-DS4', 'srv-DS3']],
    ]);
  });

  it('marks a server that protects its own database (SELF_PROTECTION_BREAKS_CHAIN, seed 004)', () => {
    const b = new EstateBuilder(0);
    Object.assign(b.estate, scenario1());
    b.protect(b.group('srv-DS1', 'Own database'), 'ds-DS1-DPMDB');
    const graph = topologyGraph(b.estate);
    expect(graph.servers.find((s) => s.name === 'DS1')?.protectsItself).toBe(true);
    expect(graph.findings.map((f) => f.code)).toEqual(['SELF_PROTECTION_BREAKS_CHAIN']);
  });
});

describe('protectsOf: what one server protects, sorted for keyset paging', () => {
  it("lists a primary's computers by name", () => {
    const items = protectsOf(small(), 'srv-DPM01');
    expect(items).toHaveLength(30);
    expect(items[0]).toEqual({ id: 'cmp-SRV01001', name: 'SRV01001', kind: 'computer', how: 'primary' });
    expect(items.map((i) => i.name)).toEqual([...items.map((i) => i.name)].sort());
  });

  it(
    'lists the DPM servers a secondary protects, as in seed 004 scenario 3 (DS2 protects DS1 and DS3, and ' + 'PS3)',
    () => {
      expect(protectsOf(scenario3(), 'srv-DS2').map((i) => [i.name, i.kind, i.how])).toEqual([
        ['DS1', 'server', 'secondary'],
        ['DS3', 'server', 'secondary'],
        ['PS3', 'computer', 'primary'],
      ]);
    },
  );

  it('lists a computer switched to the secondary as switched (seeds 000, 001)', () => {
    const w = new World(scenario1());
    w.run(switchProtection, { serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'], direction: 'to-secondary' });
    expect(protectsOf(w.estate, 'srv-DS3')).toContainEqual({
      id: 'cmp-PS1',
      name: 'PS1',
      kind: 'computer',
      how: 'switched',
    });
    expect(topologyGraph(w.estate).servers.find((s) => s.name === 'DS3')?.computerList).toEqual([
      { id: 'cmp-PS1', name: 'PS1', switched: true },
    ]);
  });
});

describe('findInTopology: a server or computer by name', () => {
  it('finds SRV01042 under DPM01 on the large estate', () => {
    expect(findInTopology(largeOnce(), 'srv01042', 10)).toEqual({
      items: [
        {
          kind: 'computer',
          id: 'cmp-SRV01042',
          name: 'SRV01042',
          protectedBy: [{ serverId: 'srv-DPM01', name: 'DPM01', how: 'primary' }],
        },
      ],
      total: 1,
    });
  });

  it('puts the exact name first, then prefixes, and finds a server with its secondary', () => {
    const found = findInTopology(scenario1(), 'DS3', 10);
    expect(found.items[0]).toEqual({
      kind: 'server',
      id: 'srv-DS3',
      name: 'DS3',
      protectedBy: [{ serverId: 'srv-DS4', name: 'DS4', how: 'secondary' }],
    });
    const prefix = findInTopology(small(), 'SRV0100', 3);
    expect(prefix.total).toBe(9);
    expect(prefix.items.map((i) => i.name)).toEqual(['SRV01001', 'SRV01002', 'SRV01003']);
    expect(findInTopology(scenario1(), '  ', 10)).toEqual({ items: [], total: 0 });
  });
});
