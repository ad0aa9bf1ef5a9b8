import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { registerOnline } from '../server/register-online';
import { World, expectRefusal } from '../test-support';
import { createRecoveryPoint } from './create-recovery-point';
import { modifyProtectionGroup } from './modify-protection-group';

const points = (w: World, replicaId: string) =>
  Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === replicaId);

describe('createRecoveryPoint', () => {
  it('makes an express full backup of a SQL database and a recovery point of a volume, on disk', () => {
    const w = new World(scenario1());
    w.run(createRecoveryPoint, {
      serverId: 'srv-DS1',
      replicaIds: ['rep-DS1-PS1-SQL', 'rep-DS1-PS1-C'],
      location: 'Disk',
    });
    expect(w.jobs('Express full backup', { replicaId: 'rep-DS1-PS1-SQL' })).toHaveLength(1);
    expect(w.jobs('Recovery point', { replicaId: 'rep-DS1-PS1-C' })).toHaveLength(1);
    // Asking again while one is queued adds nothing.
    w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], location: 'Disk' });
    expect(w.jobs('Recovery point', { replicaId: 'rep-DS1-PS1-C' })).toHaveLength(1);
    w.advance(15);
    expect(points(w, 'rep-DS1-PS1-SQL').map((p) => p.location)).toEqual(['Disk']);
    expect(points(w, 'rep-DS1-PS1-C').map((p) => p.location)).toEqual(['Disk']);
  });

  it('refuses tape or online recovery points for a group without that protection', () => {
    const w = new World(scenario1());
    expectRefusal(
      w.estate,
      (s) => createRecoveryPoint(s, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], location: 'Tape' }, w.ctx()),
      'INVALID_STATE',
      ['C:\\', 'tape'],
    );
    expectRefusal(
      w.estate,
      (s) =>
        createRecoveryPoint(s, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], location: 'Online' }, w.ctx()),
      'INVALID_STATE',
      ['C:\\', 'online'],
    );
  });

  it(
    "keeps an online recovery point online, within the group's online retention (seed 001, 120 online recovery " +
      'points)',
    () => {
      const w = new World(scenario1());
      // Seed 001: the DPM server is registered in the backup vault before a group protects online.
      w.run(registerOnline, {
        serverId: 'srv-DS1',
        vault: 'ContosoVault',
        credentialsIssuedAt: w.now,
        passphraseLength: 20,
      });
      w.run(modifyProtectionGroup, { serverId: 'srv-DS1', groupId: 'pg-DS1-2', online: { recoveryPoints: 2 } });
      for (let i = 0; i < 3; i += 1) {
        w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-SQL'], location: 'Online' });
        w.advance(15);
      }
      const online = points(w, 'rep-DS1-PS1-SQL');
      expect(online.map((p) => p.location)).toEqual(['Online', 'Online']);
    },
  );
});
