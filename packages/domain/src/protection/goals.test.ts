import { describe, expect, it } from 'vitest';
import type { Estate } from '../model';
import { isDomainError } from '../errors';
import { demo, scenario1 } from '../fixtures/scenarios';
import { DISK_GOALS, ctxAt, expectRefusal, newGroup, withVolume } from '../test-support';
import { createProtectionGroup } from './create-protection-group';
import { modifyProtectionGroup } from './modify-protection-group';
import {
  LIMITS,
  checkGoals,
  defaultSyncMinutes,
  justBeforeRecoveryPointAvailable,
  maxDiskRecoveryPoints,
} from './goals';

const estate = () => withVolume(demo(), 'PS1', 'E', 100);
const groupOfE = (over: Parameters<typeof newGroup>[3]) =>
  newGroup('srv-DS1', 'Volume E', [{ dataSourceId: 'ds-PS1-E', sourceServerId: null }], over);
const create = (over: Parameters<typeof newGroup>[3]) => (s: Estate) =>
  createProtectionGroup(s, groupOfE(over), ctxAt());

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

  it(
    'refuses a synchronization every 17 minutes, which DPM does not offer: only 15 and 30 minutes, 1, 2, 4, 6, 12 ' +
      'and 24 hours (seed 001, Specify Short-Term Goals)',
    () => {
      expectRefusal(estate(), create({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 17 } }), 'RETENTION_LIMITS', [
        'every 17 minutes is not one of them',
      ]);
      for (const m of [15, 30, 60, 120, 240, 360, 720, 1440])
        expect(
          checkGoals({ disk: { ...DISK_GOALS, syncFrequencyMinutes: m }, tape: null, online: null }),
          String(m),
        ).toBeNull();
    },
  );

  it(
    'refuses 5 recovery points a day kept 14 days, 70 in all, for file data: RETENTION_LIMITS (seed 001, 64 ' +
      'recovery points)',
    () => {
      const times = [6, 9, 12, 15, 18].map((h) => h * 60);
      expectRefusal(estate(), create({ disk: { ...DISK_GOALS, recoveryPointTimes: times } }), 'RETENTION_LIMITS', [
        '70',
        '64 recovery points',
      ]);
      // 4 a day for 16 days is exactly 64.
      expect(
        checkGoals(
          {
            disk: { ...DISK_GOALS, retentionDays: 16, recoveryPointTimes: times.slice(0, 4) },
            tape: null,
            online: null,
          },
          ['Volume'],
        ),
      ).toBeNull();
    },
  );

  it(
    'applies the 64-point limit of file data to file data only: a SQL-only group with recovery point times is ' +
      'accepted (seed 001)',
    () => {
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
    },
  );

  it(
    'refuses a file group with no recovery point time and an application group with no express full time: DPM would ' +
      'never create a recovery point (RETENTION_LIMITS, seed 001)',
    () => {
      expectRefusal(
        estate(),
        create({ disk: { ...DISK_GOALS, recoveryPointTimes: [], expressFullTimes: [] } }),
        'RETENTION_LIMITS',
        ['file data', 'at least one recovery point time'],
      );
      expect(
        checkGoals({ disk: { ...DISK_GOALS, expressFullTimes: [] }, tape: null, online: null }, ['SQL database']),
      ).toMatchObject({ code: 'RETENTION_LIMITS', target: 'disk.expressFullTimes' });
    },
  );

  it(
    'refuses 48 express full backups a day kept 11 days, 528 in all: RETENTION_LIMITS (seed 001, 512 express ' +
      'fulls)',
    () => {
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
    },
  );

  it('refuses 121 online recovery points: RETENTION_LIMITS (seed 001, 120 online recovery points)', () => {
    expect(checkGoals({ disk: null, tape: null, online: { recoveryPoints: 121 } })).toMatchObject({
      code: 'RETENTION_LIMITS',
      message: expect.stringContaining('121') as unknown,
    });
    expect(checkGoals({ disk: null, tape: null, online: { recoveryPoints: 120 } })).toBeNull();
  });

  it(
    'refuses "Just before a recovery point" for a replica protected on disk only: RETENTION_LIMITS (seed 002), ' +
      'which the wizard greys out',
    () => {
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
    },
  );

  it(
    'synchronizes every 24 hours by default when replicas are protected, every 15 minutes otherwise (seed ' + '001)',
    () => {
      expect(defaultSyncMinutes(true)).toBe(24 * 60);
      expect(defaultSyncMinutes(false)).toBe(15);
    },
  );

  it('keeps at most 64 disk recovery points of file data and 512 of application data', () => {
    expect(maxDiskRecoveryPoints('Volume')).toBe(LIMITS.fileRecoveryPoints);
    expect(maxDiskRecoveryPoints('Share')).toBe(64);
    expect(maxDiskRecoveryPoints('SQL database')).toBe(512);
    expect(maxDiskRecoveryPoints('DPMDB')).toBe(512);
  });
});
