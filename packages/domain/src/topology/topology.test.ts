import { describe, expect, it } from 'vitest';
import { analyseTopology, computeEdges, protectorsOf, reachesIndirectly } from './topology';
import { scenario1, scenario2, scenario3 } from '../fixtures/scenarios';
import { EstateBuilder } from '../fixtures/builder';
import { withServers } from '../test-support';

const rows = (estate: ReturnType<typeof scenario1>) =>
  Object.fromEntries(
    analyseTopology(estate).servers.map((s) => [s.name, { protecting: s.protecting, protectedBy: s.protectedBy }]),
  );

describe('analyseTopology on the fixtures of seed 004', () => {
  it('reads scenario 1 (chained protection) as the seed 004 table, with no violation', () => {
    const t = analyseTopology(scenario1());
    const row = (n: string) => t.servers.find((s) => s.name === n);
    expect(row('DS1')?.protecting).toEqual(['PS1', 'PS2']);
    expect(row('DS1')?.protectedBy).toEqual(['DS3']);
    expect(row('DS3')?.protecting).toEqual(['DS1', 'DS2']);
    expect(row('DS3')?.protectedBy).toEqual(['DS4']);
    expect(row('DS4')?.protecting).toEqual(['DS3']);
    expect(rows(scenario1())).toEqual({
      DS1: { protecting: ['PS1', 'PS2'], protectedBy: ['DS3'] },
      DS2: { protecting: ['PS3', 'PS4'], protectedBy: ['DS3'] },
      DS3: { protecting: ['DS1', 'DS2'], protectedBy: ['DS4'] },
      DS4: { protecting: ['DS3'], protectedBy: [] },
    });
    expect(t.violations).toEqual([]);
    expect(t.chains).toEqual([
      ['DS1', 'DS3', 'DS4'],
      ['DS2', 'DS3', 'DS4'],
    ]);
    expect(t.cycles).toEqual([]);
  });

  it('reads scenario 2 (a chain where each server is also a primary) as the seed 004 table', () => {
    const t = analyseTopology(scenario2());
    expect(t.violations).toEqual([]);
    expect(rows(scenario2())).toEqual({
      DS1: { protecting: ['PS1', 'PS2'], protectedBy: ['DS2'] },
      DS2: { protecting: ['DS1', 'PS3'], protectedBy: ['DS3'] },
      DS3: { protecting: ['DS2', 'PS4'], protectedBy: ['DS4'] },
      DS4: { protecting: ['DS3'], protectedBy: [] },
    });
    expect(t.chains).toEqual([['DS1', 'DS2', 'DS3', 'DS4']]);
    const ds2 = t.servers.find((s) => s.name === 'DS2');
    expect(ds2).toMatchObject({ primary: true, secondary: true });
  });

  it('reads scenario 3 (cyclic protection) as the seed 004 table, with the DS2/DS3 cycle', () => {
    const t3 = analyseTopology(scenario3());
    expect(t3.violations).toEqual([]);
    expect(t3.cycles).toEqual([['DS2', 'DS3']]);
    expect(rows(scenario3())).toEqual({
      DS1: { protecting: ['PS1', 'PS2'], protectedBy: ['DS2'] },
      DS2: { protecting: ['DS1', 'DS3', 'PS3'], protectedBy: ['DS3'] },
      DS3: { protecting: ['DS2', 'PS4'], protectedBy: ['DS2'] },
    });
  });
});

describe('chain reachability (seed 004)', () => {
  it('finds that DS4 reaches DS1 only through DS3 in scenario 1', () => {
    const edges = computeEdges(scenario1());
    expect(reachesIndirectly(edges, 'srv-DS4', 'srv-DS1')).toBe(true);
    expect(reachesIndirectly(edges, 'srv-DS3', 'srv-DS1')).toBe(false);
    expect(protectorsOf(edges, 'srv-DS1')).toEqual(['srv-DS3']);
  });

  it('finds that DS3 reaches DS1 through DS2 in scenario 2', () => {
    expect(reachesIndirectly(computeEdges(scenario2()), 'srv-DS3', 'srv-DS1')).toBe(true);
  });
});

describe('analyseTopology reports estates that break the rules', () => {
  it('flags a DPM server protected by two others: ALREADY_PROTECTED_BY_DPM (seeds 001, 004)', () => {
    const estate = withServers(scenario1(), ['DS5'], (b) => {
      b.secondary('srv-DS5', 'srv-DS1', 'DS1 again');
    });
    const v = analyseTopology(estate).violations.filter((x) => x.code === 'ALREADY_PROTECTED_BY_DPM');
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toBe(
      'DS1 is protected by DS3 and DS5; a DPM server can be protected by only one other DPM server.',
    );
  });

  it('flags DS4 protecting DS1 directly while it protects it through DS3: CHAIN_INDIRECT (seed 004)', () => {
    const b = new EstateBuilder(0);
    Object.assign(b.estate, scenario1());
    const pg = b.group('srv-DS4', 'DS1 direct');
    b.protect(pg, 'ds-DS1-DPMDB');
    const v = analyseTopology(b.estate).violations.filter((x) => x.code === 'CHAIN_INDIRECT');
    expect(v.map((x) => x.serverIds)).toEqual([['srv-DS4', 'srv-DS1']]);
    expect(v[0]?.message).toContain("can't act directly as its secondary");
  });

  it('flags a protected server that protects its own database: SELF_PROTECTION_BREAKS_CHAIN (seed 004)', () => {
    const b = new EstateBuilder(0);
    Object.assign(b.estate, scenario1());
    b.protect(b.group('srv-DS1', 'Own database'), 'ds-DS1-DPMDB');
    const v = analyseTopology(b.estate).violations.filter((x) => x.code === 'SELF_PROTECTION_BREAKS_CHAIN');
    expect(v.map((x) => x.serverIds)).toEqual([['srv-DS1']]);
  });

  it('flags a secondary that runs another update rollup than its primary: VERSION_MISMATCH (seed 002)', () => {
    const estate = scenario1();
    const ds4 = estate.servers['srv-DS4'];
    if (!ds4) throw new Error('fixture');
    ds4.version = { ...ds4.version, rollup: ds4.version.rollup + 1 };
    const v = analyseTopology(estate).violations.filter((x) => x.code === 'VERSION_MISMATCH');
    expect(v.map((x) => x.serverIds)).toEqual([['srv-DS4', 'srv-DS3']]);
  });

  it('marks a failed server in its role', () => {
    const estate = scenario1();
    const ds1 = estate.servers['srv-DS1'];
    if (!ds1) throw new Error('fixture');
    ds1.state = 'Failed';
    expect(analyseTopology(estate).servers.find((s) => s.name === 'DS1')?.failed).toBe(true);
  });
});
