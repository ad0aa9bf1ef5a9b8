import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { demo } from '../fixtures/scenarios';
import { DS1_LIBRARY, World, ctxAt, expectRefusal, newGroup, withVolume } from '../test-support';
import type { Estate, ProtectionGroup } from '../model';
import { viewOf } from '../view';
import { availability } from '../operations/operation';
import { createGroupOperation, createProtectionGroup } from './create-protection-group';
import { modifyGroupOperation, modifyProtectionGroup } from './modify-protection-group';
import { checkGoals, upgradeTapeGoals } from './goals';
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
const create = (over: Parameters<typeof newGroup>[3]) => (s: Estate) =>
  createProtectionGroup(s, groupOfE(over), ctxAt());
const ADMIN = { name: 'admin', role: 'Administrator' as const };

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
    // Monday 2 November 2026 08:00: no Friday until the 6th (earlier tape backups are the fixture's history).
    const from = w.now;
    const since = () => w.jobs('Tape backup').filter((j) => j.scheduledAt >= from);
    w.advance(3 * 24 * 60);
    expect(since()).toEqual([]);
    w.advance(24 * 60);
    const jobs = since();
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
  it(
    'refuses I want online protection on a server not registered in a backup vault: ONLINE_NOT_REGISTERED, and ' +
      'accepts it once registered',
    () => {
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
    },
  );

  it(
    'refuses long-term protection on tape on a server with no library or drive: NO_TAPE_LIBRARY; on DS1 it names ' +
      'one of its libraries',
    () => {
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
    },
  );

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
