import { describe, expect, it } from 'vitest';
import { FIRST_REVISION } from '../model';
import type { Estate } from '../model';
import { FIXTURE_EPOCH, demo, scenario1 } from '../fixtures/scenarios';
import { DPM_2019_RTM } from '../fixtures/builder';
import { DAY, HOUR, World, newGroup, structuredCopy } from '../test-support';
import { attachAgent } from '../agents/attach-agent';
import { createProtectionGroup } from '../protection/create-protection-group';
import { switchProtection } from '../protection/switch-protection';
import { applyReadinessAlerts } from './apply-readiness-alerts';
import type { ReadinessCheck, ReadinessReport } from './readiness';
import { readinessCheck, readinessDocument } from './readiness';

const run = (estate: Estate, now = FIXTURE_EPOCH, dpmdbGoalHours = 24) =>
  readinessCheck(estate, { now, dpmdbGoalHours });
function check(report: ReadinessReport, server: string, code: string): ReadinessCheck {
  const c = report.servers.find((s) => s.server === server)?.checks.find((x) => x.code === code);
  if (!c) throw new Error(`${server} has no ${code} check`);
  return c;
}
const codes = (report: ReadinessReport, server: string) =>
  report.servers.find((s) => s.server === server)?.checks.map((c) => `${c.code}:${c.result}`) ?? [];

describe('readiness check', () => {
  it(
    'fails DS4, whose database nothing protects, and passes DS1, held on DS3 and on tape (seed 001, "Back up the ' +
      'DPM database")',
    () => {
      const report = run(demo());
      expect(check(report, 'DS4', 'DPMDB_OFF_SERVER')).toMatchObject({
        result: 'Failed',
        message:
          'Nothing protects the database of DS4: after a failure it must be rebuilt by hand and its disk-based ' +
          'recovery points are lost.',
        fix: { serverId: 'srv-DS4', path: '/protection', control: 'Create protection group' },
      });
      expect(check(report, 'DS1', 'DPMDB_OFF_SERVER')).toMatchObject({
        result: 'Passed',
        message: "Copies of DS1's database are held on DS3, DS4 and tape DS1001L8.",
      });
      expect(check(report, 'DS1', 'DPMDB_TAPE_LOCATED')).toMatchObject({ result: 'Passed' });
      expect(report.servers.find((s) => s.server === 'DS4')?.result).toBe('Failed');
      expect(report.result).toBe('Failed');
      expect(report.counts.Failed).toBeGreaterThan(0);
    },
  );

  it("asks the rules that decide elsewhere: seed 000's trusted machines groups fail DS2 for PS4", () => {
    const c = check(run(demo()), 'DS2', 'AGENT_ACCESS_DENIED');
    expect(c).toMatchObject({ result: 'Failed', fix: { control: 'Re-establish protection' } });
    expect(c.message).toBe('PS4: CONTOSO\\DS2 is not a member of DPMRADmTrustedMachines.');
  });

  it("only DS4's own storage pool holding its database is not enough", () => {
    const w = new World(demo());
    w.run(
      createProtectionGroup,
      newGroup('srv-DS4', 'DS4 database', [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }]),
    );
    w.advance(10);
    expect(check(run(w.estate, w.now), 'DS4', 'DPMDB_OFF_SERVER')).toMatchObject({
      result: 'Failed',
      message: expect.stringContaining("Only DS4's own storage pool holds its database") as unknown,
    });
  });

  it(
    'passes DS4 once DS3 protects its database and the replica is OK; until then it says the replica is ' + 'pending',
    () => {
      const w = new World(demo());
      w.run(attachAgent, { serverId: 'srv-DS3', computerIds: ['cmp-DS4'], method: 'Attach' });
      w.run(
        createProtectionGroup,
        newGroup('srv-DS3', 'DS4 database', [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }]),
      );
      expect(check(run(w.estate, w.now), 'DS4', 'DPMDB_OFF_SERVER')).toMatchObject({
        result: 'Failed',
        fix: { serverId: 'srv-DS3', control: 'Perform consistency check' },
      });
      w.advance(10);
      const report = run(w.estate, w.now);
      expect(check(report, 'DS4', 'DPMDB_OFF_SERVER')).toMatchObject({
        result: 'Passed',
        message: "Copies of DS4's database are held on DS3.",
      });
      expect(check(report, 'DS4', 'DPMDB_COPY_AGE')).toMatchObject({ result: 'Passed' });
      expect(check(report, 'DS4', 'VSS_WRITER_STOPPED')).toMatchObject({ result: 'Passed' });
      // DS3 and DS4 now protect each other (seed 004, cyclic protection): no chaining rule is broken.
      for (const code of ['CHAIN_INDIRECT', 'ALREADY_PROTECTED_BY_DPM', 'SELF_PROTECTION_BREAKS_CHAIN'])
        expect(check(report, 'DS4', code).result).toBe('Passed');
    },
  );

  it("warns when the newest copy is older than the administrator's goal", () => {
    const estate = structuredCopy(demo());
    const later = FIXTURE_EPOCH + 2 * DAY;
    // DS3's newest express full of DS1's database ran at 21:00 the evening before the fixture's now.
    expect(check(run(estate, later, 24), 'DS1', 'DPMDB_COPY_AGE')).toMatchObject({
      result: 'Warning',
      message: "The newest copy of DS1's database off the server is 59 hours old; the goal is 24 hours.",
    });
    expect(check(run(estate, later, 72), 'DS1', 'DPMDB_COPY_AGE').result).toBe('Passed');
  });

  it('fails when the newest DPMDB tape is not known by its barcode, passes when it is marked off-site', () => {
    const unscanned = structuredCopy(demo());
    const tape = unscanned.tapes['tape-DS1001L8'];
    if (!tape) throw new Error('no tape');
    unscanned.tapes[tape.id] = { ...tape, inventoried: false };
    expect(check(run(unscanned), 'DS1', 'DPMDB_TAPE_LOCATED')).toMatchObject({
      result: 'Failed',
      fix: { control: 'Inventory libraries…' },
    });
    const offsite = structuredCopy(demo());
    offsite.tapes[tape.id] = { ...tape, location: 'Offsite', slot: null };
    expect(check(run(offsite), 'DS1', 'DPMDB_TAPE_LOCATED')).toMatchObject({
      result: 'Passed',
      message: expect.stringContaining('Off-site') as unknown,
    });
  });

  it(
    "fails TAPE_CERTIFICATE when no other DPM server with a library holds the certificate of DS1's encrypted tapes " +
      '(seed 001)',
    () => {
      const estate = structuredCopy(demo());
      const tape = estate.tapes['tape-DS1002L8'];
      if (!tape) throw new Error('no tape');
      estate.tapes[tape.id] = { ...tape, encryptedWith: 'DS1-tape-encryption' };
      expect(check(run(estate), 'DS1', 'TAPE_CERTIFICATE').result).toBe('Failed');
      const ds2 = estate.servers['srv-DS2'];
      if (!ds2) throw new Error('no DS2');
      estate.servers[ds2.id] = { ...ds2, certificates: ['DS1-tape-encryption'] };
      estate.libraries['lib-DS2-1'] = {
        id: 'lib-DS2-1',
        serverId: ds2.id,
        name: 'DS2 library',
        drives: [{ name: 'Drive 1', needsCleaning: false }],
        slots: 8,
        doorLocked: true,
        enabled: true,
        available: true,
        lastRescanAt: null,
        revision: FIRST_REVISION,
      };
      expect(check(run(estate), 'DS1', 'TAPE_CERTIFICATE')).toMatchObject({
        result: 'Passed',
        message: expect.stringContaining('installed on DS2') as unknown,
      });
    },
  );

  it('fails VERSION_MISMATCH and the VSS Writer from the rules of seeds 001 and 004', () => {
    const estate = structuredCopy(scenario1());
    const ds1 = estate.servers['srv-DS1'];
    if (!ds1) throw new Error('no DS1');
    estate.servers[ds1.id] = { ...ds1, version: DPM_2019_RTM, vssWriter: 'Stopped' };
    const report = run(estate);
    expect(check(report, 'DS1', 'VERSION_MISMATCH')).toMatchObject({
      result: 'Failed',
      message: expect.stringContaining('same version and update rollup') as unknown,
    });
    expect(check(report, 'DS3', 'VERSION_MISMATCH').result).toBe('Failed');
    expect(check(report, 'DS1', 'VSS_WRITER_STOPPED')).toMatchObject({
      result: 'Failed',
      fix: { control: 'Start SQL Server VSS Writer' },
    });
  });

  it(
    'fails SELF_PROTECTION_BREAKS_CHAIN for a server that protects its own database while another protects it (seed ' +
      '004)',
    () => {
      const estate = structuredCopy(scenario1());
      estate.groups['pg-self'] = {
        id: 'pg-self',
        serverId: 'srv-DS1',
        name: 'Own database',
        disk: null,
        tape: null,
        online: null,
        replicaCreation: 'Now',
        consistencyCheck: { runIfInconsistent: true, dailyAt: null },
        excludedExtensions: [],
        revision: FIRST_REVISION,
      };
      estate.replicas['rep-self'] = {
        id: 'rep-self',
        serverId: 'srv-DS1',
        groupId: 'pg-self',
        dataSourceId: 'ds-DS1-DPMDB',
        sourceServerId: null,
        switched: false,
        status: 'OK',
        replicaPath: 'x',
        allocatedGb: 9,
        inStoragePool: true,
        dataRestored: false,
        lastSyncAt: null,
        createdAt: 0,
        revision: FIRST_REVISION,
      };
      expect(check(run(estate), 'DS1', 'SELF_PROTECTION_BREAKS_CHAIN').result).toBe('Failed');
    },
  );

  it(
    'warns, rather than fails, for agents switched to the secondary (seed 000: switch back and Take ' + 'Ownership)',
    () => {
      const w = new World(demo());
      w.run(switchProtection, { serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'], direction: 'to-secondary' });
      const report = run(w.estate, w.now);
      expect(check(report, 'DS1', 'NOT_OWNER')).toMatchObject({
        result: 'Warning',
        message: expect.stringContaining('PS1 (switched to DS3)') as unknown,
      });
      expect(check(report, 'DS3', 'NOT_OWNER').result).toBe('Passed');
    },
  );

  it('checks the vault registration only where online protection is used', () => {
    const estate = structuredCopy(demo());
    expect(codes(run(estate), 'DS1').some((c) => c.startsWith('VAULT_CREDENTIALS'))).toBe(false);
    const pg = estate.groups['pg-DS1-1'];
    if (!pg) throw new Error('no group');
    estate.groups[pg.id] = { ...pg, online: { recoveryPoints: 30 } };
    expect(check(run(estate), 'DS1', 'VAULT_CREDENTIALS')).toMatchObject({
      result: 'Failed',
      fix: { control: 'Register' },
    });
  });

  it("is printable like a report, each check a row with the DPM server's name", () => {
    const doc = readinessDocument(run(demo()));
    const checks = doc.sections.find((s) => s.id === 'checks');
    expect(
      checks?.kind === 'table' && checks.rows.find((r) => r[0] === 'DS4' && r[3] === 'DPMDB_OFF_SERVER')?.[2],
    ).toBe('Failed');
  });
});

describe('Run readiness check: alerts', () => {
  it(
    'raises Readiness check failed on each failing server, updates it on the next run and resolves it once the ' +
      'server passes',
    () => {
      const w = new World(demo());
      w.run(applyReadinessAlerts, { report: run(w.estate, w.now) });
      const ds4 = w.activeAlert('Readiness check failed', 'srv-DS4', 'srv-DS4');
      expect(ds4).toMatchObject({ severity: 'Warning', affectedArea: 'DS4', groupId: null });
      expect(ds4?.description).toMatch(
        new RegExp(
          String.raw`^The readiness check found that DS4 could not be rebuilt as it stands after a disaster\. ` +
            String.raw`Failed: .*DPMDB_OFF_SERVER.*[^)]$`,
        ),
      );
      expect(w.activeAlert('Readiness check failed', 'srv-DS1', 'srv-DS1')).toBeUndefined();

      w.run(attachAgent, { serverId: 'srv-DS3', computerIds: ['cmp-DS4'], method: 'Attach' });
      w.run(
        createProtectionGroup,
        newGroup('srv-DS3', 'DS4 database', [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }]),
      );
      w.advance(HOUR / 60_000);
      w.run(applyReadinessAlerts, { report: run(w.estate, w.now) });
      expect(w.activeAlert('Readiness check failed', 'srv-DS4', 'srv-DS4')).toBeUndefined();
      expect(w.alerts('Readiness check failed', 'srv-DS4').map((a) => a.state)).toEqual(['Inactive']);
      // DS2 still fails for PS4; a second run keeps one alert.
      expect(w.alerts('Readiness check failed', 'srv-DS2').filter((a) => a.state === 'Active')).toHaveLength(1);
    },
  );
});
