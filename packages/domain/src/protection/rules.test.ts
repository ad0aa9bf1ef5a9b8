import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1, scenario2, scenario3 } from '../fixtures/scenarios';
import { DPM_2019_RTM } from '../fixtures/builder';
import { attachAgent } from '../agents/attach-agent';
import { World, createdReplicaId, ctxAt, expectRefusal, newGroup, withServers } from '../test-support';
import { createProtectionGroup } from './create-protection-group';
import { stopProtection } from './stop-protection';

const member = (dataSourceId: string, sourceServerId: string | null = null) => ({ dataSourceId, sourceServerId });
const protect = (serverId: string, ...members: ReturnType<typeof member>[]) => newGroup(serverId, 'New group', members);

describe('VERSION_MISMATCH', () => {
  it('refuses DS5 on DPM 2019 RTM protecting DS1 on update rollup 1: VERSION_MISMATCH (seeds 001, 002)', () => {
    const estate = withServers(scenario1(), [], (b) => {
      b.server('DS5', DPM_2019_RTM);
    });
    expectRefusal(
      estate,
      (s) => createProtectionGroup(s, protect('srv-DS5', member('ds-DS1-DPMDB')), ctxAt()),
      'VERSION_MISMATCH',
      ['DS5', 'DS1', '10.19.58.0 RTM', '10.19.260.0 UR1'],
    );
  });

  it(
    'refuses DS4 on another rollup adding a replica of DS3 in scenario 1: VERSION_MISMATCH (seed 002, chained ' +
      'configurations)',
    () => {
      const estate = scenario1();
      const ds4 = estate.servers['srv-DS4'];
      if (!ds4) throw new Error('fixture');
      ds4.version = DPM_2019_RTM;
      const w = new World(estate);
      w.run(stopProtection, { serverId: 'srv-DS4', replicaIds: ['rep-DS4-DS3-DS1-DPMDB'], retainReplica: false });
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS1-DPMDB', 'srv-DS3')), w.ctx()),
        'VERSION_MISMATCH',
        ['DS4', 'DS3'],
      );
    },
  );
});

describe('ALREADY_PROTECTED_BY_DPM', () => {
  it(
    'refuses DS5 protecting DS1, which DS3 already protects, in scenario 1: ALREADY_PROTECTED_BY_DPM (seeds 001, ' +
      '004)',
    () => {
      const w = new World(withServers(scenario1(), ['DS5']));
      w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-DS1'], method: 'Attach' });
      expect(w.owner('cmp-DS1')).toBe('srv-DS3');
      const err = expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS5', member('ds-DS1-DPMDB')), w.ctx()),
        'ALREADY_PROTECTED_BY_DPM',
        ['DS1', 'DS3'],
      );
      expect(err.message).toContain('only one other DPM server');
    },
  );

  it(
    'refuses DS4 protecting DS2, which DS3 already protects in the cycle of scenario 3: ALREADY_PROTECTED_BY_DPM ' +
      '(seeds 001, 004)',
    () => {
      const estate = withServers(scenario3(), ['DS4']);
      const w = new World(estate);
      w.run(attachAgent, { serverId: 'srv-DS4', computerIds: ['cmp-DS2'], method: 'Attach' });
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS2-DPMDB')), w.ctx()),
        'ALREADY_PROTECTED_BY_DPM',
        ['DS2', 'DS3'],
      );
    },
  );
});

describe('CHAIN_INDIRECT', () => {
  it('refuses DS4 protecting DS1 directly in scenario 1: CHAIN_INDIRECT (seed 004)', () => {
    const err = expectRefusal(
      scenario1(),
      (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS1-DPMDB')), ctxAt()),
      'CHAIN_INDIRECT',
      ['DS4', 'DS1'],
    );
    expect(err.message).toContain("can't act directly as a secondary server for DS1");
  });

  it("refuses DS4 protecting DS1's replica of PS1 directly in scenario 1: CHAIN_INDIRECT (seed 004)", () => {
    expectRefusal(
      scenario1(),
      (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-PS1-C', 'srv-DS1')), ctxAt()),
      'CHAIN_INDIRECT',
      ['DS4', 'DS1'],
    );
  });

  it('refuses DS3 protecting DS1 directly in scenario 2: CHAIN_INDIRECT (seeds 001, 004)', () => {
    expectRefusal(
      scenario2(),
      (s) => createProtectionGroup(s, protect('srv-DS3', member('ds-DS1-DPMDB')), ctxAt()),
      'CHAIN_INDIRECT',
      ['DS3', 'DS1'],
    );
  });
});

describe('SELF_PROTECTION_BREAKS_CHAIN', () => {
  it(
    'refuses DS1, protected by DS3, starting to protect its own database in scenario 1: ' +
      'SELF_PROTECTION_BREAKS_CHAIN (seed 004)',
    () => {
      expectRefusal(
        scenario1(),
        (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-DS1-DPMDB')), ctxAt()),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DS1', 'DS3'],
      );
    },
  );

  it(
    'refuses DS1 protecting its own system state while DS3 protects it: SELF_PROTECTION_BREAKS_CHAIN (seed ' + '001)',
    () => {
      expectRefusal(
        scenario1(),
        (s) => createProtectionGroup(s, protect('srv-DS1', member('ds-DS1-SystemState')), ctxAt()),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DS1'],
      );
    },
  );

  it(
    'refuses DS4 protecting DS5, which protects its own database: SELF_PROTECTION_BREAKS_CHAIN (seeds 001, ' + '004)',
    () => {
      const estate = withServers(scenario1(), ['DS5'], (b) => {
        b.protect(b.group('srv-DS5', 'Own database'), 'ds-DS5-DPMDB');
      });
      expectRefusal(
        estate,
        (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS5-DPMDB')), ctxAt()),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DS5'],
      );
    },
  );

  it(
    'lets DS5, protected by no one, protect its own database, and then refuses DS4 protecting DS5: ' +
      'SELF_PROTECTION_BREAKS_CHAIN (seeds 001, 004)',
    () => {
      const w = new World(withServers(scenario1(), ['DS5']));
      // Seed 001, "Back up the database by backing up the DPM storage pool".
      const created = w.run(createProtectionGroup, protect('srv-DS5', member('ds-DS5-DPMDB')));
      w.advance(30);
      expect(w.status(createdReplicaId(created, 'ds-DS5-DPMDB'))).toBe('OK');
      w.run(attachAgent, { serverId: 'srv-DS4', computerIds: ['cmp-DS5'], method: 'Attach' });
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS5-Config')), w.ctx()),
        'SELF_PROTECTION_BREAKS_CHAIN',
        ['DS5'],
      );
    },
  );
});

describe('VSS_WRITER_STOPPED', () => {
  it(
    "refuses DS4 protecting DS5's database while the SQL Server VSS Writer is stopped on DS5: VSS_WRITER_STOPPED " +
      '(seeds 001, 004)',
    () => {
      const w = new World(withServers(scenario1(), ['DS5']));
      w.run(attachAgent, { serverId: 'srv-DS4', computerIds: ['cmp-DS5'], method: 'Attach' });
      const ds5 = w.estate.servers['srv-DS5'];
      if (!ds5) throw new Error('fixture');
      w.estate.servers['srv-DS5'] = { ...ds5, vssWriter: 'Stopped' };
      expectRefusal(
        w.estate,
        (s) => createProtectionGroup(s, protect('srv-DS4', member('ds-DS5-DPMDB')), w.ctx()),
        'VSS_WRITER_STOPPED',
        ['SQL Server VSS Writer', 'DS5'],
      );

      // The writer matters for the database only; with it running the database can be protected.
      expect(isDomainError(createProtectionGroup(w.estate, protect('srv-DS4', member('ds-DS5-Config')), w.ctx()))).toBe(
        false,
      );
      w.estate.servers['srv-DS5'] = { ...ds5, vssWriter: 'Running' };
      expect(isDomainError(createProtectionGroup(w.estate, protect('srv-DS4', member('ds-DS5-DPMDB')), w.ctx()))).toBe(
        false,
      );
    },
  );
});
