import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1 } from '../fixtures/scenarios';
import { DPM_2019_UR4 } from '../fixtures/builder';
import { World, ctxAt, expectRefusal, newGroup, withServers } from '../test-support';
import { createProtectionGroup } from '../protection/create-protection-group';
import { attachAgent } from './attach-agent';

describe('attachAgent', () => {
  it("refuses DS5 on DPM 10.22 attaching DS1's agent (DPM 10.19): VERSION_MISMATCH (seed 001, major and minor versions must match)", () => {
    const estate = withServers(scenario1(), [], (b) => {
      b.server('DS5', { ...DPM_2019_UR4, minor: 22 });
    });
    expectRefusal(estate, (s) => attachAgent(s, { serverId: 'srv-DS5', computerIds: ['cmp-DS1'], method: 'Attach' }, ctxAt()), 'VERSION_MISMATCH', ['DS1', 'DS5', '10.22', '10.19']);
  });

  it('attaches an agent across update rollups, but protection then needs the same rollup: VERSION_MISMATCH (seeds 001, 002)', () => {
    const w = new World(
      withServers(scenario1(), [], (b) => {
        b.server('DS5', { ...DPM_2019_UR4, rollup: 5 });
      }),
    );
    w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Install' });
    expect(w.owner('cmp-DS4')).toBe('srv-DS5');
    expectRefusal(w.estate, (s) => createProtectionGroup(s, newGroup('srv-DS5', 'DS4', [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }]), w.ctx()), 'VERSION_MISMATCH', ['UR5', 'UR4']);
  });

  it('leaves an attached agent with its owner until Take Ownership, and trusts the new server on the computer', () => {
    const w = new World(withServers(scenario1(), ['DS5']));
    w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Attach' });
    const agent = w.estate.computers['cmp-PS1']?.agent;
    expect(agent?.ownerId).toBe('srv-DS1');
    expect(agent?.attachedTo).toEqual(['srv-DS1', 'srv-DS5']);
    expect(w.estate.computers['cmp-PS1']?.security.dcomLaunchActivation).toContain('CONTOSO\\DS5');
  });

  it('refuses Attach without an agent and Install over one', () => {
    const estate = withServers(scenario1(), ['DS5']);
    expect(attachAgent(estate, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Attach' }, ctxAt())).toMatchObject({ code: 'INVALID_STATE' });
    expect(attachAgent(estate, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Install' }, ctxAt())).toMatchObject({ code: 'INVALID_STATE' });
    expect(isDomainError(attachAgent(estate, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Install' }, ctxAt()))).toBe(false);
  });
});
