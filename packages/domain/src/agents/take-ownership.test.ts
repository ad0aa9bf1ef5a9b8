import { describe, expect, it } from 'vitest';
import { isDomainError, MOVE_OPTIONS } from '../errors';
import { scenario1 } from '../fixtures/scenarios';
import { World, expectRefusal, withServers } from '../test-support';
import { failServer } from '../server/fail-server';
import { switchProtection } from '../protection/switch-protection';
import { attachAgent } from './attach-agent';
import { takeOwnership } from './take-ownership';
import { createProtectionGroup } from '../protection/create-protection-group';
import { newGroup } from '../test-support';

const failedDs1 = () => {
  const w = new World(withServers(scenario1(), ['DS5']));
  w.run(failServer, { serverId: 'srv-DS1' });
  return w;
};

describe('takeOwnership and moving protected servers (seed 002)', () => {
  it(
    'refuses moving PS1 from a failed DS1 to DS2 while DS3 is secondary for both, seed 002 scenario 1: ' +
      'MOVE_UNSUPPORTED (seed 002)',
    () => {
      const w = failedDs1();
      const err = expectRefusal(
        w.estate,
        (s) => takeOwnership(s, { serverId: 'srv-DS2', computerId: 'cmp-PS1' }, w.ctx()),
        'MOVE_UNSUPPORTED',
        ['PS1', 'DS1', 'DS2'],
      );
      for (const option of MOVE_OPTIONS) expect(err.message).toContain(option);
      expect(err.message).toContain(
        "DS2 is protected by DS3, which already holds copies of PS1's data as the secondary DPM server of DS1",
      );
    },
  );

  it('refuses moving PS1 from a failed DS1 to DS3 directly, seed 002 scenario 2: MOVE_UNSUPPORTED (seed 002)', () => {
    const w = failedDs1();
    const err = expectRefusal(
      w.estate,
      (s) => takeOwnership(s, { serverId: 'srv-DS3', computerId: 'cmp-PS1' }, w.ctx()),
      'MOVE_UNSUPPORTED',
      ['PS1', 'DS3'],
    );
    // DS3 is the secondary itself: it is not told that it is "known to its secondary".
    expect(err.message).toContain("DS3 already holds copies of PS1's data as the secondary DPM server of DS1");
    expect(err.message).not.toContain('known to its secondary');
    expect(err.message).toContain('Option 1');
    expect(err.message).toContain('Option 2');
    expect(err.message).toContain('Option 3');
  });

  it('allows option 1 of seed 002: Switch Disaster Protection on DS3 for PS1', () => {
    const w = failedDs1();
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
    expect(w.owner('cmp-PS1')).toBe('srv-DS3');
  });

  it('allows option 3 of seed 002: a new DPM server DS5, unknown to DS3, attaches and takes ownership of PS1', () => {
    const w = failedDs1();
    expectRefusal(
      w.estate,
      (s) => takeOwnership(s, { serverId: 'srv-DS5', computerId: 'cmp-PS1' }, w.ctx()),
      'NOT_OWNER',
      ['PS1', 'DS5', 'Attach the agent'],
    );
    w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Attach' });
    w.run(takeOwnership, { serverId: 'srv-DS5', computerId: 'cmp-PS1' });
    expect(w.estate.computers['cmp-PS1']?.agent).toMatchObject({
      ownerId: 'srv-DS5',
      pendingOwnerId: null,
      dpmServerName: 'DS5',
    });
  });

  it(
    'refuses protecting PS1 from DS2 or DS3 in a new group after DS1 failed: MOVE_UNSUPPORTED before ' +
      'ALREADY_PROTECTED (seed 002)',
    () => {
      const w = failedDs1();
      const group = (serverId: string) =>
        newGroup(serverId, 'PS1 moved', [{ dataSourceId: 'ds-PS1-C', sourceServerId: null }]);
      expectRefusal(w.estate, (s) => createProtectionGroup(s, group('srv-DS2'), w.ctx()), 'MOVE_UNSUPPORTED', [
        'PS1',
        'DS1',
        'DS2',
        'Option 3',
      ]);
      expectRefusal(w.estate, (s) => createProtectionGroup(s, group('srv-DS3'), w.ctx()), 'MOVE_UNSUPPORTED', [
        'PS1',
        'DS3',
      ]);
    },
  );

  it(
    'option 3 goes through to protection: DS5 protects PS1 once it owns the agent, though failed DS1 still lists it ' +
      '(seed 002)',
    () => {
      const w = failedDs1();
      w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Attach' });
      w.run(takeOwnership, { serverId: 'srv-DS5', computerId: 'cmp-PS1' });
      w.run(
        createProtectionGroup,
        newGroup('srv-DS5', 'PS1 on DS5', [{ dataSourceId: 'ds-PS1-C', sourceServerId: null }]),
      );
      expect(
        Object.values(w.estate.replicas).filter((r) => r.serverId === 'srv-DS5' && r.dataSourceId === 'ds-PS1-C'),
      ).toHaveLength(1);
    },
  );

  it('refuses taking ownership of an agent the server already owns', () => {
    const w = new World(scenario1());
    const r = takeOwnership(w.estate, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, w.ctx());
    expect(isDomainError(r) && r.code).toBe('INVALID_STATE');
  });
});
