import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { World, expectRefusal } from '../test-support';
import { switchProtection } from '../protection/switch-protection';
import { connectivityChecks, connectivityError } from './connectivity';
import { reestablishProtection } from './reestablish-protection';

describe('reestablishProtection (seed 000, "Reestablish protection")', () => {
  it("refuses re-establishing PS1 on DS1 while DS3 owns PS1's agent after Switch Disaster Protection: NOT_OWNER (seed 000)", () => {
    const w = new World(scenario1());
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
    expectRefusal(w.estate, (s) => reestablishProtection(s, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, w.ctx()), 'NOT_OWNER', ['PS1', 'DS1', 'take ownership']);
  });

  it('runs SetDpmServer, adds DS1 to the three local groups and to the DCOM launch and activation ACL', () => {
    const estate = scenario1();
    const ps1 = estate.computers['cmp-PS1'];
    const ds1 = estate.servers['srv-DS1'];
    if (!ps1?.agent || !ds1) throw new Error('fixture');
    ps1.agent.dpmServerName = 'OLDDPM';
    ps1.security = { distributedComUsers: [], dpmRadComTrustedMachines: ['CONTOSO\\DS1'], dpmRadmTrustedMachines: [], dcomLaunchActivation: ['CONTOSO\\OLDDPM'] };
    expect(connectivityChecks(ps1, ds1).filter((c) => !c.ok).map((c) => c.check)).toEqual(['SetDpmServer', 'Distributed COM Users', 'DPMRADmTrustedMachines', 'DPM RA Service']);
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
