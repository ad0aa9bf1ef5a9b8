import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1, scenario2, scenario3 } from '../fixtures/scenarios';
import { attachAgent } from '../agents/attach-agent';
import { World, ctxAt, expectRefusal, newGroup, structuredCopy, withServers, withVolume } from '../test-support';
import { createProtectionGroup } from './create-protection-group';
import { modifyProtectionGroup } from './modify-protection-group';
import { stopProtection } from './stop-protection';
import { switchProtection } from './switch-protection';
import { checkCanProtect } from './rules';

const member = (dataSourceId: string, sourceServerId: string | null = null) => ({ dataSourceId, sourceServerId });
const protect = (serverId: string, ...members: ReturnType<typeof member>[]) => newGroup(serverId, 'New group', members);

describe('ALREADY_PROTECTED', () => {
  it('refuses DS1 adding PS1 C:\\, which it already protects, to a new group: ALREADY_PROTECTED (seed 001)', () => {
    expectRefusal(
      scenario1(),
      (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-PS1-C')), ctxAt()),
      'ALREADY_PROTECTED',
      ['C:\\', 'PS1', 'DS1'],
    );
  });

  it("refuses DS3 adding DS1's replica of PS1 D:\\ a second time: ALREADY_PROTECTED (seed 001)", () => {
    expectRefusal(
      scenario1(),
      (s) => createProtectionGroup(s, protect('srv-DS3', member('ds-PS1-D', 'srv-DS1')), ctxAt()),
      'ALREADY_PROTECTED',
      ['D:\\', 'DS1', 'DS3'],
    );
  });

  it('refuses DS1 protecting its own replica: ALREADY_PROTECTED (seed 001)', () => {
    expectRefusal(
      scenario1(),
      (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-PS1-C', 'srv-DS1')), ctxAt()),
      'ALREADY_PROTECTED',
      ['DS1'],
    );
  });
});

describe('NO_EXCLUSIONS_ON_REPLICA', () => {
  it("refuses excluding .mp3 files from DS3's group of DS1 replicas: NO_EXCLUSIONS_ON_REPLICA (seeds 001, 002)", () => {
    expectRefusal(
      scenario1(),
      (s) =>
        modifyProtectionGroup(s, { serverId: 'srv-DS3', groupId: 'pg-DS3-1', excludedExtensions: ['.mp3'] }, ctxAt()),
      'NO_EXCLUSIONS_ON_REPLICA',
      ['File name extensions'],
    );
  });

  it(
    'refuses a new DS3 group of a DS1 replica that excludes extensions: NO_EXCLUSIONS_ON_REPLICA (seeds 001, ' + '002)',
    () => {
      const w = new World(scenario1());
      w.run(stopProtection, { serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'], retainReplica: false });
      const cmd = protect('srv-DS3', member('ds-PS1-C', 'srv-DS1'));
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, { ...cmd, excludedExtensions: ['.tmp'] }, w.ctx()),
        'NO_EXCLUSIONS_ON_REPLICA',
        ['C:\\', 'DS1'],
      );
      expect(isDomainError(createProtectionGroup(w.estate, cmd, w.ctx()))).toBe(false);
    },
  );

  it('lets a primary group of production volumes exclude extensions (seed 001 limits it to replicas)', () => {
    expect(
      isDomainError(
        modifyProtectionGroup(
          scenario1(),
          { serverId: 'srv-DS1', groupId: 'pg-DS1-1', excludedExtensions: ['.mp3'] },
          ctxAt(),
        ),
      ),
    ).toBe(false);
  });
});

describe('SWITCHED_NO_SECONDARY', () => {
  it(
    'refuses DS4 adding secondary protection for PS1 while PS1 is in switched protection on DS3 (option 1): ' +
      'SWITCHED_NO_SECONDARY (seed 002)',
    () => {
      const w = new World(scenario1());
      const add = { serverId: 'srv-DS4', groupId: 'pg-DS4-1', addMembers: [member('ds-PS1-D', 'srv-DS3')] };
      // Before the switch DS3 holds PS1 D:\ as DS1's secondary, a copy DS4 does not protect.
      expectRefusal(w.estate, (s) => modifyProtectionGroup(s, add, w.ctx()), 'CHAIN_INDIRECT', ['DS3', 'DS1']);
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
      expectRefusal(w.estate, (s) => modifyProtectionGroup(s, add, w.ctx()), 'SWITCHED_NO_SECONDARY', [
        'PS1',
        'switched protection',
      ]);
    },
  );
});

describe('NOT_OWNER', () => {
  it("refuses DS5 protecting a new volume of PS1 while DS1 owns PS1's agent: NOT_OWNER (seeds 000, 001)", () => {
    const estate = withServers(withVolume(scenario1(), 'PS1', 'E', 100), ['DS5']);
    const err = expectRefusal(
      estate,
      (s) => createProtectionGroup(s, protect('srv-DS5', member('ds-PS1-E')), ctxAt()),
      'NOT_OWNER',
      ['PS1', 'DS1', 'take ownership'],
    );
    expect(err.target).toBe('cmp-PS1');
    // DS1, the owner, may.
    expect(isDomainError(createProtectionGroup(estate, protect('srv-DS1', member('ds-PS1-E')), ctxAt()))).toBe(false);
  });

  it('refuses DS4 protecting the folders of DS5, whose agent it never installed: NOT_OWNER (seed 001)', () => {
    expectRefusal(
      withServers(scenario1(), ['DS5']),
      (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS5-Config')), ctxAt()),
      'NOT_OWNER',
      ['DS5', 'DS4'],
    );
  });
});

describe('checkCanProtect', () => {
  it('accepts what each fixture already protects, taken out and put back (seed 004 tables are legal)', () => {
    for (const f of [scenario1, scenario2, scenario3]) {
      const estate = f();
      for (const r of Object.values(estate.replicas)) {
        const without = structuredCopy(estate);
        delete without.replicas[r.id];
        expect(
          checkCanProtect(without, r.serverId, { dataSourceId: r.dataSourceId, sourceServerId: r.sourceServerId }),
          r.id,
        ).toBeNull();
      }
    }
  });
});

describe('what a secondary may protect of its primary (DPM chaining documentation, seeds 001, 004)', () => {
  const active = (estate: ReturnType<typeof scenario1>, serverId: string) =>
    Object.values(estate.replicas)
      .filter((r) => r.serverId === serverId && r.groupId !== null)
      .map((r) => r.id)
      .sort();

  it(
    'builds the seed 004 tables with secondaries protecting only what their primary protects directly: DS4 holds ' +
      "DS3's database and folders and the six replicas DS3 protects directly",
    () => {
      expect(active(scenario1(), 'srv-DS4')).toEqual(
        [
          'DS3-DPMDB',
          'DS3-Config',
          'DS3-Scripting',
          'DS3-DS1-DPMDB',
          'DS3-DS1-Config',
          'DS3-DS1-Scripting',
          'DS3-DS2-DPMDB',
          'DS3-DS2-Config',
          'DS3-DS2-Scripting',
        ]
          .map((k) => `rep-DS4-${k}`)
          .sort(),
      );
      for (const f of [scenario1, scenario2, scenario3]) {
        const e = f();
        for (const r of Object.values(e.replicas)) {
          if (r.sourceServerId === null) continue;
          const held = Object.values(e.replicas).find(
            (h) => h.serverId === r.sourceServerId && h.dataSourceId === r.dataSourceId && h.groupId !== null,
          );
          expect(held?.sourceServerId, `${r.id} copies a copy`).toBeNull();
          expect(e.dataSources[r.dataSourceId]?.computerId, `${r.id} copies its own data`).not.toBe(
            e.servers[r.serverId]?.computerId,
          );
        }
      }
    },
  );

  it(
    'refuses DS2 adding the replica of its own DPMDB held by DS3 in the cycle of scenario 3, and the mirror on DS3: ' +
      'SELF_PROTECTION_BREAKS_CHAIN (seed 004)',
    () => {
      const estate = scenario3();
      expectRefusal(
        estate,
        (s) =>
          modifyProtectionGroup(
            s,
            { serverId: 'srv-DS2', groupId: 'pg-DS2-4', addMembers: [member('ds-DS2-DPMDB', 'srv-DS3')] },
            ctxAt(),
          ),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DPMDB_DS2', 'DS3', "DS2's own data"],
      );
      expectRefusal(
        estate,
        (s) => createProtectionGroup(s, protect('srv-DS3', member('ds-DS3-DPMDB', 'srv-DS2')), ctxAt()),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DPMDB_DS3', 'DS2', "DS3's own data"],
      );
      expect(checkCanProtect(estate, 'srv-DS2', member('ds-PS4-C', 'srv-DS3'))).toMatchObject({
        code: 'ALREADY_PROTECTED',
      });
    },
  );

  it(
    'refuses, on the layout the review found in scenario 2, DS1 protecting through DS4 its own database ' +
      '(SELF_PROTECTION_BREAKS_CHAIN), PS1 C:\\ it already protects (ALREADY_PROTECTED, seed 001) and a chained copy ' +
      'of PS3 (CHAIN_INDIRECT)',
    () => {
      // The layout the fixture used to build: DS3 and DS4 holding copies of copies down the chain.
      const estate = withServers(scenario2(), [], (b) => {
        const ds3 = b.group('srv-DS3', 'Chained copies');
        const ds4 = b.group('srv-DS4', 'Chained copies');
        for (const ds of ['ds-PS1-C', 'ds-PS3-C']) b.protect(ds3, ds, 'srv-DS2');
        for (const ds of ['ds-DS1-DPMDB', 'ds-PS1-C', 'ds-PS3-C']) b.protect(ds4, ds, 'srv-DS3');
      });
      const w = new World(estate);
      w.run(attachAgent, { serverId: 'srv-DS1', computerIds: ['cmp-DS4'], method: 'Attach' });
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-DS1-DPMDB', 'srv-DS4')), w.ctx()),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DPMDB_DS1', 'DS4'],
      );
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-PS1-C', 'srv-DS4')), w.ctx()),
        'ALREADY_PROTECTED',
        ['DS1 already protects C:\\ on PS1 directly', 'DS4'],
      );
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-PS3-C', 'srv-DS4')), w.ctx()),
        'CHAIN_INDIRECT',
        ['DS4', 'secondary of DS3', 'directly'],
      );
      // What DS4 protects directly, DS3's own database, DS1 may protect: DS1 becomes DS4's secondary.
      expect(checkCanProtect(w.estate, 'srv-DS1', member('ds-DS4-DPMDB'))).toBeNull();
    },
  );
});
