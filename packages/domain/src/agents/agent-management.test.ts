import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1 } from '../fixtures/scenarios';
import { DPM_2019_UR1 } from '../fixtures/builder';
import { World, ctxAt, expectRefusal, withServers } from '../test-support';
import { disableAgentProtection, enableAgentProtection } from './agent-protection';
import { uninstallAgent } from './uninstall-agent';
import { refreshAgents } from './refresh-agents';
import { agentCandidates } from './agent-candidates';
import { attachAgent } from './attach-agent';

describe('Disable protection / Enable protection', () => {
  it('disables and enables the agent DS1 owns on PS1', () => {
    const w = new World(scenario1());
    w.run(disableAgentProtection, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
    expect(w.estate.computers['cmp-PS1']?.agent?.status).toBe('Disabled');
    expectRefusal(
      w.estate,
      (s) => disableAgentProtection(s, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, ctxAt()),
      'INVALID_STATE',
      ['PS1'],
    );
    w.run(enableAgentProtection, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
    expect(w.estate.computers['cmp-PS1']?.agent?.status).toBe('OK');
  });

  it('refuses a server that does not own the agent: NOT_OWNER', () => {
    expectRefusal(
      scenario1(),
      (s) => disableAgentProtection(s, { serverId: 'srv-DS2', computerId: 'cmp-PS1' }, ctxAt()),
      'NOT_OWNER',
      ['PS1', 'DS2'],
    );
  });

  it('refuses Enable protection on an agent that is not disabled', () => {
    expectRefusal(
      scenario1(),
      (s) => enableAgentProtection(s, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, ctxAt()),
      'INVALID_STATE',
      ['PS1'],
    );
  });
});

describe('Uninstall', () => {
  it('refuses while the server protects data of the computer', () => {
    expectRefusal(
      scenario1(),
      (s) => uninstallAgent(s, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, ctxAt()),
      'INVALID_STATE',
      ['DS1', 'PS1', 'Stop protection'],
    );
  });

  it('removes an agent nobody else uses, and only detaches one other servers use', () => {
    const w = new World(withServers(scenario1(), ['DS5']));
    w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Attach' });
    w.run(uninstallAgent, { serverId: 'srv-DS5', computerId: 'cmp-PS1' });
    expect(w.estate.computers['cmp-PS1']?.agent?.attachedTo).toEqual(['srv-DS1']);
    expect(w.estate.computers['cmp-PS1']?.security.dcomLaunchActivation).not.toContain('CONTOSO\\DS5');
    w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Attach' });
    w.run(uninstallAgent, { serverId: 'srv-DS5', computerId: 'cmp-DS4' });
    expect(w.estate.computers['cmp-DS4']?.agent).toBeNull();
  });

  it('refuses a computer the server has no agent on', () => {
    expectRefusal(
      scenario1(),
      (s) => uninstallAgent(s, { serverId: 'srv-DS2', computerId: 'cmp-PS1' }, ctxAt()),
      'INVALID_STATE',
      ['DS2', 'PS1'],
    );
  });
});

describe('Refresh Information and Select Computers', () => {
  it('refresh refuses a failed server and runs on an online one', () => {
    const estate = scenario1();
    const ds1 = estate.servers['srv-DS1'];
    if (!ds1) throw new Error('no DS1');
    const failed = { ...estate, servers: { ...estate.servers, 'srv-DS1': { ...ds1, state: 'Failed' as const } } };
    expectRefusal(failed, (s) => refreshAgents(s, { serverId: 'srv-DS1' }, ctxAt()), 'SERVER_UNAVAILABLE', ['DS1']);
    expect(isDomainError(refreshAgents(estate, { serverId: 'srv-DS1' }, ctxAt()))).toBe(false);
  });

  it('lists the computers of the domain the server has no agent on, with the DPM version of servers', () => {
    const estate = withServers(scenario1(), [], (b) => {
      b.server('DS5', { ...DPM_2019_UR1, major: 9, minor: 0 });
    });
    const names = agentCandidates(estate, 'srv-DS4', '').map((c) => c.name);
    expect(names).toContain('DS5');
    expect(names).not.toContain('DS3');
    expect(names).not.toContain('DS4');
    expect(agentCandidates(estate, 'srv-DS4', 'ds5')).toEqual([
      expect.objectContaining({ name: 'DS5', dpmVersion: '9.0.260.0 UR1' }),
    ]);
  });
});
