import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1 } from '../fixtures/scenarios';
import { DISK_GOALS, ctxAt, expectRefusal, newGroup, withVolume } from '../test-support';
import type { ProtectionGroup } from '../model';
import { createProtectionGroup } from './create-protection-group';
import { modifyProtectionGroup } from './modify-protection-group';
import { LIMITS, checkGoals, maxDiskRecoveryPoints } from './goals';

const TAPE: NonNullable<ProtectionGroup['tape']> = { backupsPerDay: 1, backupTime: 2 * 60, retentionYears: 7, libraryId: null, copies: 2, encrypt: false };
const estate = () => withVolume(scenario1(), 'PS1', 'E', 100);
const groupOfE = (over: Parameters<typeof newGroup>[3]) => newGroup('srv-DS1', 'Volume E', [{ dataSourceId: 'ds-PS1-E', sourceServerId: null }], over);
const create = (over: Parameters<typeof newGroup>[3]) => (s: ReturnType<typeof estate>) => createProtectionGroup(s, groupOfE(over), ctxAt());

describe('RETENTION_LIMITS', () => {
  it('refuses a retention range of 449 days, and of 0 days: RETENTION_LIMITS (seed 001)', () => {
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, retentionDays: 449, recoveryPointTimes: [], expressFullTimes: [] } }), 'RETENTION_LIMITS', ['1 to 448 days', '449 days']);
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, retentionDays: 0 } }), 'RETENTION_LIMITS', ['0 days']);
    expect(isDomainError(create({ disk: { ...DISK_GOALS, retentionDays: 448, recoveryPointTimes: [], expressFullTimes: [] } })(estate()))).toBe(false);
  });

  it('refuses synchronization every 10 minutes or every 25 hours: RETENTION_LIMITS (seed 001)', () => {
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 10 } }), 'RETENTION_LIMITS', ['every 15 minutes to every 24 hours', '10 minutes']);
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 25 * 60 } }), 'RETENTION_LIMITS', ['1500 minutes']);
    expect(checkGoals({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 15 }, tape: null, online: null })).toBeNull();
    expect(checkGoals({ disk: { ...DISK_GOALS, syncFrequencyMinutes: 24 * 60 }, tape: null, online: null })).toBeNull();
  });

  it('refuses 5 recovery points a day kept 14 days, 70 in all, for file data: RETENTION_LIMITS (seed 001, 64 recovery points)', () => {
    const times = [6, 9, 12, 15, 18].map((h) => h * 60);
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, recoveryPointTimes: times } }), 'RETENTION_LIMITS', ['70', '64 recovery points']);
    // 4 a day for 16 days is exactly 64.
    expect(checkGoals({ disk: { ...DISK_GOALS, retentionDays: 16, recoveryPointTimes: times.slice(0, 4) }, tape: null, online: null })).toBeNull();
  });

  it('refuses 48 express full backups a day kept 11 days, 528 in all: RETENTION_LIMITS (seed 001, 512 express fulls)', () => {
    const halfHourly = Array.from({ length: 48 }, (_, i) => i * 30);
    expectRefusal(estate(), create({ disk: { ...DISK_GOALS, retentionDays: 11, recoveryPointTimes: [], expressFullTimes: halfHourly } }), 'RETENTION_LIMITS', ['528', '512 express full backups']);
    // Seed 001: every 30 minutes is 10 days of express fulls (480), within 512.
    expect(checkGoals({ disk: { ...DISK_GOALS, retentionDays: 10, recoveryPointTimes: [], expressFullTimes: halfHourly }, tape: null, online: null })).toBeNull();
  });

  it('refuses 121 online recovery points: RETENTION_LIMITS (seed 001, 120 online recovery points)', () => {
    expectRefusal(estate(), create({ online: { recoveryPoints: 121 } }), 'RETENTION_LIMITS', ['120 recovery points', '121']);
    expect(checkGoals({ disk: null, tape: null, online: { recoveryPoints: 120 } })).toBeNull();
  });

  it('refuses "Just before a recovery point" for a replica protected on disk only: RETENTION_LIMITS (seed 002)', () => {
    const e = scenario1();
    const readd = { groupId: 'pg-DS3-1', disk: { ...DISK_GOALS, syncFrequencyMinutes: 0 } };
    expectRefusal(e, (s) => modifyProtectionGroup(s, { serverId: 'srv-DS3', ...readd, addMembers: [] }, ctxAt()), 'RETENTION_LIMITS', ['Every 24 hours is recommended']);
  });

  it('keeps at most 64 disk recovery points of file data and 512 of application data', () => {
    expect(maxDiskRecoveryPoints('Volume')).toBe(LIMITS.fileRecoveryPoints);
    expect(maxDiskRecoveryPoints('Share')).toBe(64);
    expect(maxDiskRecoveryPoints('SQL database')).toBe(512);
    expect(maxDiskRecoveryPoints('DPMDB')).toBe(512);
  });
});

describe('TAPE_ONCE_A_DAY', () => {
  it('refuses two scheduled tape backups a day: TAPE_ONCE_A_DAY (seed 001)', () => {
    expectRefusal(estate(), create({ tape: { ...TAPE, backupsPerDay: 2 } }), 'TAPE_ONCE_A_DAY', ['one scheduled tape backup a day', '2 a day']);
  });

  it('refuses tape retention of 100 years and accepts 99: TAPE_ONCE_A_DAY (seed 001)', () => {
    expectRefusal(estate(), create({ tape: { ...TAPE, retentionYears: 100 } }), 'TAPE_ONCE_A_DAY', ['99 years', '100 years']);
    expect(isDomainError(create({ tape: { ...TAPE, retentionYears: 99 } })(estate()))).toBe(false);
  });

  it('refuses the same limit when a group is modified: TAPE_ONCE_A_DAY (seed 001)', () => {
    expectRefusal(scenario1(), (s) => modifyProtectionGroup(s, { serverId: 'srv-DS1', groupId: 'pg-DS1-2', tape: { ...TAPE, backupsPerDay: 3 } }, ctxAt()), 'TAPE_ONCE_A_DAY', ['3 a day']);
  });
});

describe('checkGoals', () => {
  it('needs at least one protection method', () => {
    expect(checkGoals({ disk: null, tape: null, online: null })?.code).toBe('INVALID_INPUT');
  });
});
