import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { demo, scenario1 } from '../fixtures/scenarios';
import { DISK_GOALS, DS1_LIBRARY, World, ctxAt, expectRefusal, newGroup, withVolume } from '../test-support';
import type { ProtectionGroup } from '../model';
import { viewOf } from '../view';
import { availability } from '../operations/operation';
import { createGroupOperation, createProtectionGroup } from './create-protection-group';
import { modifyGroupOperation, modifyProtectionGroup } from './modify-protection-group';
import {
  LIMITS,
  checkGoals,
  defaultSyncMinutes,
  justBeforeRecoveryPointAvailable,
  maxDiskRecoveryPoints,
  upgradeTapeGoals,
} from './goals';
import { registerOnline } from '../server/register-online';

const TAPE: NonNullable<ProtectionGroup['tape']> = {
  frequency: 'Daily',
  backupTime: 2 * 60,
  retention: { count: 7, unit: 'Years' },
  libraryId: DS1_LIBRARY,
  copies: 2,
  encrypt: false,
};
const estate = () => withVolume(demo(), 'PS1', 'E', 100);
const groupOfE = (over: Parameters<typeof newGroup>[3]) =>
  newGroup('srv-DS1', 'Volume E', [{ dataSourceId: 'ds-PS1-E', sourceServerId: null }], over);
const create = (over: Parameters<typeof newGroup>[3]) => (s: ReturnType<typeof estate>) =>
  createProtectionGroup(s, groupOfE(over), ctxAt());
const ADMIN = { name: 'admin', role: 'Administrator' as const };

describe('RETENTION_LIMITS', () => {
  it('refuses a retention range of 449 days, and of 0 days: RETENTION_LIMITS (seed 001)', () => {
    expectRefusal(
      estate(),
      create({ disk: { ...DISK_GOALS, retentionDays: 449, recoveryPointTimes: [8 * 60], expressFullTimes: [] } }),
      'RETENTION_LIMITS',
      ['1 to 448 days', '449 days'],
    );
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, retentionDays: 0 } }), 'RETENTION_LIMITS', ['0 days']);
    expect(
      isDomainError(
        create({ disk: { ...DISK_GOALS, retentionDays: 64, recoveryPointTimes: [8 * 60], expressFullTimes: [] } })(
          estate(),
        ),
      ),
    ).toBe(false);
  });

  it('refuses synchronization every 10 minutes or every 25 hours: RETENTION_LIMITS (seed 001)', () => {
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 10 } }), 'RETENTION_LIMITS', [
      'every 15 minutes to every 24 hours',
      '10 minutes',
    ]);
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 25 * 60 } }), 'RETENTION_LIMITS', [
      '1500 minutes',
    ]);
    expect(checkGoals({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 15 }, tape: null, online: null })).toBeNull();
    expect(checkGoals({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 24 * 60 }, tape: null, online: null })).toBeNull();
  });

  it('refuses a synchronization every 17 minutes, which DPM does not offer: only 15 and 30 minutes, 1, 2, 4, 6, 12 ' +
    'and 24 hours (seed 001, Specify Short-Term Goals)', () => {
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 17 } }), 'RETENTION_LIMITS', [
      'every 17 minutes is not one of them',
    ]);
    for (const m of [15, 30, 60, 120, 240, 360, 720, 1440])
      expect(
        checkGoals({ disk: { ...DISK_GOALS, syncFrequencyMinutes: m }, tape: null, online: null }),
        String(m),
      ).toBeNull();
  });

  it('refuses 5 recovery points a day kept 14 days, 70 in all, for file data: RETENTION_LIMITS (seed 001, 64 ' +
    'recovery points)', () => {
    const times = [6, 9, 12, 15, 18].map((h) => h * 60);
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, recoveryPointTimes: times } }), 'RETENTION_LIMITS', [
      '70',
      '64 recovery points',
    ]);
    // 4 a day for 16 days is exactly 64.
    expect(
      checkGoals(
        { disk: { ...DISK_GOALS, retentionDays: 16, recoveryPointTimes: times.slice(0, 4) }, tape: null, online: null },
        ['Volume'],
      ),
    ).toBeNull();
  });

  it('applies the 64-point limit of file data to file data only: a SQL-only group with recovery point times is ' +
    'accepted (seed 001)', () => {
    const times = [6, 9, 12, 15, 18].map((h) => h * 60);
    const e = withVolume(scenario1(), 'PS1', 'E', 100);
    e.dataSources['ds-PS1-SQL2'] = {
      id: 'ds-PS1-SQL2',
      computerId: 'cmp-PS1',
      kind: 'SQL database',
      name: 'PS1\\MSSQLSERVER\\Orders',
      sizeGb: 20,
    };
    const sqlOnly = newGroup('srv-DS1', 'Orders', [{ dataSourceId: 'ds-PS1-SQL2', sourceServerId: null }], {
      disk: { ...DISK_GOALS, recoveryPointTimes: times, expressFullTimes: [20 * 60] },
    });
    expect(isDomainError(createProtectionGroup(e, sqlOnly, ctxAt()))).toBe(false);
    expect(
      checkGoals({ disk: { ...DISK_GOALS, recoveryPointTimes: times }, tape: null, online: null }, ['SQL database']),
    ).toBeNull();
  });

  it('refuses a file group with no recovery point time and an application group with no express full time: DPM would ' +
    'never create a recovery point (RETENTION_LIMITS, seed 001)', () => {
    expectRefusal(
      estate(),
      create({ disk: { ...DISK_GOALS, recoveryPointTimes: [], expressFullTimes: [] } }),
      'RETENTION_LIMITS',
      ['file data', 'at least one recovery point time'],
    );
    expect(
      checkGoals({ disk: { ...DISK_GOALS, expressFullTimes: [] }, tape: null, online: null }, ['SQL database']),
    ).toMatchObject({ code: 'RETENTION_LIMITS', target: 'disk.expressFullTimes' });
  });

  it('refuses 48 express full backups a day kept 11 days, 528 in all: RETENTION_LIMITS (seed 001, 512 express ' +
    'fulls)', () => {
    const halfHourly = Array.from({ length: 48 }, (_, i) => i * 30);
    expect(
      checkGoals(
        {
          disk: { ...DISK_GOALS, retentionDays: 11, recoveryPointTimes: [], expressFullTimes: halfHourly },
          tape: null,
          online: null,
        },
        ['SQL database'],
      ),
    ).toMatchObject({ code: 'RETENTION_LIMITS', message: expect.stringContaining('528') as unknown });
    // Seed 001: every 30 minutes is 10 days of express fulls (480), within 512.
    expect(
      checkGoals(
        {
          disk: { ...DISK_GOALS, retentionDays: 10, recoveryPointTimes: [], expressFullTimes: halfHourly },
          tape: null,
          online: null,
        },
        ['SQL database'],
      ),
    ).toBeNull();
  });

  it('refuses 121 online recovery points: RETENTION_LIMITS (seed 001, 120 online recovery points)', () => {
    expect(checkGoals({ disk: null, tape: null, online: { recoveryPoints: 121 } })).toMatchObject({
      code: 'RETENTION_LIMITS',
      message: expect.stringContaining('121') as unknown,
    });
    expect(checkGoals({ disk: null, tape: null, online: { recoveryPoints: 120 } })).toBeNull();
  });

  it('refuses "Just before a recovery point" for a replica protected on disk only: RETENTION_LIMITS (seed 002), ' +
    'which the wizard greys out', () => {
    const e = scenario1();
    const readd = { groupId: 'pg-DS3-1', disk: { ...DISK_GOALS, syncFrequencyMinutes: 0 } };
    expectRefusal(
      e,
      (s) => modifyProtectionGroup(s, { serverId: 'srv-DS3', ...readd, addMembers: [] }, ctxAt()),
      'RETENTION_LIMITS',
      ['Every 24 hours is recommended'],
    );
    expect(justBeforeRecoveryPointAvailable(true, false)).toBe(false);
    expect(justBeforeRecoveryPointAvailable(true, true)).toBe(true);
    expect(justBeforeRecoveryPointAvailable(false, false)).toBe(true);
  });

  it('synchronizes every 24 hours by default when replicas are protected, every 15 minutes otherwise (seed ' +
    '001)', () => {
    expect(defaultSyncMinutes(true)).toBe(24 * 60);
    expect(defaultSyncMinutes(false)).toBe(15);
  });

  it('keeps at most 64 disk recovery points of file data and 512 of application data', () => {
    expect(maxDiskRecoveryPoints('Volume')).toBe(LIMITS.fileRecoveryPoints);
    expect(maxDiskRecoveryPoints('Share')).toBe(64);
    expect(maxDiskRecoveryPoints('SQL database')).toBe(512);
    expect(maxDiskRecoveryPoints('DPMDB')).toBe(512);
  });
});

describe('TAPE_ONCE_A_DAY: a frequency from daily to yearly, a retention from one week to 99 years (seed 001)', () => {
  it('accepts every frequency DPM offers and refuses another', () => {
    for (const frequency of [
      'Daily',
      'Weekly',
      'Bi-Weekly',
      'Monthly',
      'Quarterly',
      'Half-Yearly',
      'Yearly',
    ] as const) {
      expect(isDomainError(create({ tape: { ...TAPE, frequency } })(estate())), frequency).toBe(false);
    }
    expectRefusal(estate(), create({ tape: { ...TAPE, frequency: 'Hourly' as never } }), 'TAPE_ONCE_A_DAY', [
      'at most once a day',
      'Hourly',
    ]);
  });

  it('refuses tape retention of 100 years and of 0 weeks, accepts one week and 99 years', () => {
    expectRefusal(
      estate(),
      create({ tape: { ...TAPE, retention: { count: 100, unit: 'Years' } } }),
      'TAPE_ONCE_A_DAY',
      ['one week to 99 years', '100 years'],
    );
    expectRefusal(estate(), create({ tape: { ...TAPE, retention: { count: 0, unit: 'Weeks' } } }), 'TAPE_ONCE_A_DAY', [
      '0 weeks',
    ]);
    expectRefusal(
      estate(),
      create({ tape: { ...TAPE, retention: { count: 1189, unit: 'Months' } } }),
      'TAPE_ONCE_A_DAY',
      ['1189 months'],
    );
    expect(isDomainError(create({ tape: { ...TAPE, retention: { count: 99, unit: 'Years' } } })(estate()))).toBe(false);
    expect(isDomainError(create({ tape: { ...TAPE, retention: { count: 1, unit: 'Weeks' } } })(estate()))).toBe(false);
    // A monthly backup kept two weeks would be gone before the next one.
    expectRefusal(
      estate(),
      create({ tape: { ...TAPE, frequency: 'Monthly', retention: { count: 2, unit: 'Weeks' } } }),
      'TAPE_ONCE_A_DAY',
      ['monthly', '2 weeks'],
    );
  });

  it('writes a weekly backup on Fridays only, kept for its retention', () => {
    const w = new World(estate());
    w.run(modifyProtectionGroup, {
      serverId: 'srv-DS1',
      groupId: 'pg-DS1-2',
      tape: { ...TAPE, frequency: 'Weekly', retention: { count: 4, unit: 'Weeks' } },
    });
    // Monday 2 November 2026 08:00: no Friday until the 6th.
    w.advance(3 * 24 * 60);
    expect(w.jobs('Tape backup')).toEqual([]);
    w.advance(24 * 60);
    const jobs = w.jobs('Tape backup');
    expect(jobs.length).toBeGreaterThan(0);
    expect(new Date(jobs[0]?.scheduledAt ?? 0).getUTCDay()).toBe(5);
    w.advance(60);
    const onTape = Object.values(w.estate.recoveryPoints).filter(
      (p) => p.location === 'Tape' && p.replicaId === jobs[0]?.replicaId,
    );
    for (const p of onTape) expect(p.expiresAt - p.time).toBe(28 * 24 * 60 * 60_000);
  });

  it('reads tape goals stored as "backups a day" and years as a daily backup kept those years', () => {
    const legacy = {
      backupsPerDay: 1,
      backupTime: 120,
      retentionYears: 3,
      libraryId: 'lib-1',
      copies: 2,
      encrypt: true,
    } as never;
    expect(upgradeTapeGoals(legacy)).toEqual({
      frequency: 'Daily',
      backupTime: 120,
      retention: { count: 3, unit: 'Years' },
      libraryId: 'lib-1',
      copies: 2,
      encrypt: true,
    });
    expect(upgradeTapeGoals(TAPE)).toBe(TAPE);
  });
});

describe('online and tape protection need what DPM needs first (seed 001)', () => {
  it('refuses I want online protection on a server not registered in a backup vault: ONLINE_NOT_REGISTERED, and ' +
    'accepts it once registered', () => {
    const e = estate();
    expectRefusal(e, create({ online: { recoveryPoints: 30 } }), 'ONLINE_NOT_REGISTERED', [
      'DS1 is not registered',
      'Management › Online',
    ]);
    const w = new World(e);
    w.run(registerOnline, {
      serverId: 'srv-DS1',
      vault: 'ContosoVault',
      credentialsIssuedAt: w.now,
      passphraseLength: 20,
    });
    expect(isDomainError(create({ online: { recoveryPoints: 30 } })(w.estate))).toBe(false);
  });

  it('refuses long-term protection on tape on a server with no library or drive: NO_TAPE_LIBRARY; on DS1 it names ' +
    'one of its libraries', () => {
    const e = estate();
    expectRefusal(
      e,
      (s) =>
        createProtectionGroup(
          s,
          newGroup('srv-DS2', 'Tape', [{ dataSourceId: 'ds-PS3-C', sourceServerId: null }], {
            tape: { ...TAPE, libraryId: null },
          }),
          ctxAt(),
        ),
      'NO_TAPE_LIBRARY',
      ['No tape library or drive is attached to DS2'],
    );
    expectRefusal(
      e,
      (s) =>
        modifyProtectionGroup(
          s,
          { serverId: 'srv-DS2', groupId: 'pg-DS2-1', tape: { ...TAPE, libraryId: null } },
          ctxAt(),
        ),
      'NO_TAPE_LIBRARY',
      ['DS2'],
    );
    expect(isDomainError(create({ tape: { ...TAPE, libraryId: null } })(e))).toBe(true);
    expect(isDomainError(create({ tape: TAPE })(e))).toBe(false);
  });

  it('offers each protection method of Create protection group and Modify protection group as the verbs decide', () => {
    const view = viewOf(estate());
    const methods = (serverId: string) =>
      availability(createGroupOperation as never, view, { serverId } as never, ADMIN).intents?.map((i) => [
        i.intent,
        i.enabled,
        i.reason?.code ?? null,
      ]);
    expect(methods('srv-DS1')).toEqual([
      ['Disk', true, null],
      ['Tape', true, null],
      ['Online', false, 'ONLINE_NOT_REGISTERED'],
    ]);
    expect(methods('srv-DS2')).toEqual([
      ['Disk', true, null],
      ['Tape', false, 'NO_TAPE_LIBRARY'],
      ['Online', false, 'ONLINE_NOT_REGISTERED'],
    ]);
    const group = availability(
      modifyGroupOperation as never,
      view,
      { serverId: 'srv-DS2', groupId: 'pg-DS2-1' } as never,
      ADMIN,
    );
    expect(group.intents?.find((i) => i.intent === 'Tape')).toMatchObject({
      enabled: false,
      reason: { code: 'NO_TAPE_LIBRARY' },
    });
  });
});

describe('checkGoals', () => {
  it('needs at least one protection method', () => {
    expect(checkGoals({ disk: null, tape: null, online: null })?.code).toBe('INVALID_INPUT');
  });
});
