import { describe, expect, it } from 'vitest';
import { demo, scenario1 } from '../fixtures/scenarios';
import { World, expectRefusal } from '../test-support';
import { switchProtection } from '../protection/switch-protection';
import { connectivityChecks, connectivityError } from './connectivity';
import { reestablishProtection } from './reestablish-protection';
import { refreshAgents } from './refresh-agents';
import { recommendedAction } from '../alerts/recommended-action';
import { viewOf } from '../view';

describe('reestablishProtection (seed 000, "Reestablish protection")', () => {
  it(
    "refuses re-establishing PS1 on DS1 while DS3 owns PS1's agent after Switch Disaster Protection: NOT_OWNER " +
      '(seed 000)',
    () => {
      const w = new World(scenario1());
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
      expectRefusal(
        w.estate,
        (s) => reestablishProtection(s, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, w.ctx()),
        'NOT_OWNER',
        ['PS1', 'DS1', 'take ownership'],
      );
    },
  );

  it('runs SetDpmServer, adds DS1 to the three local groups and to the DCOM launch and activation ACL', () => {
    const estate = scenario1();
    const ps1 = estate.computers['cmp-PS1'];
    const ds1 = estate.servers['srv-DS1'];
    if (!ps1?.agent || !ds1) throw new Error('fixture');
    ps1.agent.dpmServerName = 'OLDDPM';
    ps1.security = {
      distributedComUsers: [],
      dpmRadComTrustedMachines: ['CONTOSO\\DS1'],
      dpmRadmTrustedMachines: [],
      dcomLaunchActivation: ['CONTOSO\\OLDDPM'],
    };
    expect(
      connectivityChecks(ps1, ds1)
        .filter((c) => !c.ok)
        .map((c) => c.check),
    ).toEqual(['SetDpmServer', 'Distributed COM Users', 'DPMRADmTrustedMachines', 'DPM RA Service']);
    expect(connectivityError(ps1, ds1)?.message).toContain('SetDpmServer -dpmServerName DS1');

    const w = new World(estate);
    w.run(reestablishProtection, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
    const after = w.estate.computers['cmp-PS1'];
    if (!after) throw new Error('fixture');
    expect(connectivityChecks(after, ds1).every((c) => c.ok)).toBe(true);
    expect(after.security.dpmRadComTrustedMachines).toEqual(['CONTOSO\\DS1']);
    expect(connectivityError(after, ds1)).toBeNull();
  });
});

describe('an agent that refuses its server (demo: PS4 lost DS2 from DPMRADmTrustedMachines, seed 000)', () => {
  const ADMIN = { name: 'admin', role: 'Administrator' as const };

  it(
    'Refresh Information contacts the agent and reports the error, and the alerts recommend Re-establish ' +
      'protection, not a consistency check that would fail',
    () => {
      const w = new World(demo());
      expect(w.estate.computers['cmp-PS4']?.agent?.status).toBe('OK');
      w.run(refreshAgents, { serverId: 'srv-DS2' });
      const agent = w.estate.computers['cmp-PS4']?.agent;
      expect(agent?.status).toBe('Error');
      expect(agent?.error).toContain('CONTOSO\\DS2 is not a member of DPMRADmTrustedMachines');
      // PS3's agent answers DS2: it stays OK.
      expect(w.estate.computers['cmp-PS3']?.agent).toMatchObject({ status: 'OK' });

      w.advance(60);
      const check =
        w.jobs('Consistency check').find((j) => j.dataSourceId === 'ds-PS4-D') ??
        w.jobs('Synchronization').find((j) => j.dataSourceId === 'ds-PS4-D');
      // Access denied fails at once, with nothing transferred (it does not run 25 minutes first).
      expect(check).toMatchObject({ status: 'Failed', transferredGb: 0, error: { code: 'AGENT_ACCESS_DENIED' } });
      expect(check?.finishedAt).toBe(check?.startedAt);
      const alerts = Object.values(w.estate.alerts).filter(
        (a) => a.serverId === 'srv-DS2' && a.state === 'Active' && a.computerId === 'cmp-PS4',
      );
      expect(alerts.length).toBeGreaterThan(0);
      for (const a of alerts) {
        expect(recommendedAction(viewOf(w.estate), a, ADMIN), a.name).toMatchObject({
          id: 'agents.reestablish',
          name: 'Re-establish protection',
          enabled: true,
          target: { serverId: 'srv-DS2', computerId: 'cmp-PS4' },
        });
      }

      w.run(reestablishProtection, { serverId: 'srv-DS2', computerId: 'cmp-PS4' });
      expect(w.estate.computers['cmp-PS4']?.agent).toMatchObject({ status: 'OK', error: null });
      const inconsistent = w.activeAlert('Replica is inconsistent', 'srv-DS2', 'rep-DS2-PS4-D');
      if (inconsistent)
        expect(recommendedAction(viewOf(w.estate), inconsistent, ADMIN)).toMatchObject({
          id: 'protection.consistency-check',
          enabled: true,
        });
    },
  );
});
