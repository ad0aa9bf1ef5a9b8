import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors';
import { scenario1 } from '../fixtures/scenarios';
import { DPM_2019_RTM, DPM_2019_UR1 } from '../fixtures/builder';
import { World, ctxAt, expectRefusal, newGroup, structuredCopy, withServers, withVolume } from '../test-support';
import { createProtectionGroup } from '../protection/create-protection-group';
import { attachAgent } from './attach-agent';

const fail = (): never => {
  throw new Error('fixture');
};

describe('attachAgent', () => {
  it(
    "refuses DS5 on DPM 10.22 attaching DS1's agent (DPM 10.19): VERSION_MISMATCH (seed 001, major and minor " +
      'versions must match)',
    () => {
      const estate = withServers(scenario1(), [], (b) => {
        b.server('DS5', { ...DPM_2019_UR1, minor: 22 });
      });
      expectRefusal(
        estate,
        (s) => attachAgent(s, { serverId: 'srv-DS5', computerIds: ['cmp-DS1'], method: 'Attach' }, ctxAt()),
        'VERSION_MISMATCH',
        ['DS1', 'DS5', '10.22', '10.19'],
      );
    },
  );

  it(
    'attaches an agent across update rollups, but protection then needs the same rollup: VERSION_MISMATCH (seeds ' +
      '001, 002)',
    () => {
      const w = new World(
        withServers(scenario1(), [], (b) => {
          b.server('DS5', DPM_2019_RTM);
        }),
      );
      w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Attach' });
      expect(w.owner('cmp-DS4')).toBe('srv-DS5');
      expectRefusal(
        w.estate,
        (s) =>
          createProtectionGroup(
            s,
            newGroup('srv-DS5', 'DS4', [{ dataSourceId: 'ds-DS4-DPMDB', sourceServerId: null }]),
            w.ctx(),
          ),
        'VERSION_MISMATCH',
        ['10.19.58.0 RTM', '10.19.260.0 UR1'],
      );
    },
  );

  it('leaves an attached agent with its owner until Take Ownership, and trusts the new server on the computer', () => {
    const w = new World(withServers(scenario1(), ['DS5']));
    w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Attach' });
    const agent = w.estate.computers['cmp-PS1']?.agent;
    expect(agent?.ownerId).toBe('srv-DS1');
    expect(agent?.attachedTo).toEqual(['srv-DS1', 'srv-DS5']);
    expect(w.estate.computers['cmp-PS1']?.security.dcomLaunchActivation).toContain('CONTOSO\\DS5');
  });

  it('refuses Attach on a computer without an agent and Install over one, a DPM server included', () => {
    const estate = withVolume(withServers(scenario1(), ['DS5']), 'PS1', 'E', 10);
    estate.computers['cmp-FS9'] = {
      ...structuredCopy(estate.computers['cmp-PS1'] ?? fail()),
      id: 'cmp-FS9',
      name: 'FS9',
      fqdn: 'fs9.contoso.com',
      agent: null,
    };
    expectRefusal(
      estate,
      (s) => attachAgent(s, { serverId: 'srv-DS5', computerIds: ['cmp-FS9'], method: 'Attach' }, ctxAt()),
      'INVALID_STATE',
      ['FS9', 'Install agents'],
    );
    expectRefusal(
      estate,
      (s) => attachAgent(s, { serverId: 'srv-DS5', computerIds: ['cmp-PS1'], method: 'Install' }, ctxAt()),
      'INVALID_STATE',
      ['PS1', 'Attach agents'],
    );
    expectRefusal(
      estate,
      (s) => attachAgent(s, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Install' }, ctxAt()),
      'INVALID_STATE',
      ['DS4 is a DPM server', 'Attach agents'],
    );
    expect(
      isDomainError(attachAgent(estate, { serverId: 'srv-DS5', computerIds: ['cmp-FS9'], method: 'Install' }, ctxAt())),
    ).toBe(false);
  });

  it(
    'attaches the agent every DPM server runs, although no other server attached it yet (seed 001: the primary DPM ' +
      'server already has the protection agent)',
    () => {
      const w = new World(withServers(scenario1(), ['DS5']));
      expect(w.estate.computers['cmp-DS4']?.agent).toBeNull();
      w.run(attachAgent, { serverId: 'srv-DS5', computerIds: ['cmp-DS4'], method: 'Attach' });
      expect(w.estate.computers['cmp-DS4']?.agent).toMatchObject({
        ownerId: 'srv-DS5',
        attachedTo: ['srv-DS5'],
        version: DPM_2019_UR1,
        status: 'OK',
      });
      expect(w.estate.computers['cmp-DS4']?.security.dpmRadmTrustedMachines).toContain('CONTOSO\\DS5');
    },
  );

  it(
    "reports the result per computer: one refused computer does not fail the others (seed 001, the wizard's " +
      'Summary)',
    () => {
      const estate = withServers(scenario1(), [], (b) => {
        b.server('DS6', { ...DPM_2019_UR1, minor: 22 });
        b.server('DS5');
      });
      const w = new World(estate);
      const outcome = w.run(attachAgent, {
        serverId: 'srv-DS5',
        computerIds: ['cmp-DS6', 'cmp-DS4', 'cmp-PS1'],
        method: 'Attach',
      });
      expect(w.owner('cmp-DS4')).toBe('srv-DS5');
      expect(w.estate.computers['cmp-PS1']?.agent?.attachedTo).toContain('srv-DS5');
      expect(w.estate.computers['cmp-DS6']?.agent).toBeNull();
      expect(outcome.events.filter((e) => e.type === 'agent.attached').map((e) => e.subjectId)).toEqual([
        'cmp-DS4',
        'cmp-PS1',
      ]);
      const refused = outcome.events.filter((e) => e.type === 'agent.refused');
      expect(refused.map((e) => e.subjectId)).toEqual(['cmp-DS6']);
      expect(refused[0]?.summary).toContain(
        'The major and minor versions of the primary and secondary DPM servers must match.',
      );
      // Only refusals: the command is refused and changes nothing.
      expectRefusal(
        w.estate,
        (s) => attachAgent(s, { serverId: 'srv-DS5', computerIds: ['cmp-DS6'], method: 'Attach' }, w.ctx()),
        'VERSION_MISMATCH',
        ['DS6'],
      );
    },
  );
});
