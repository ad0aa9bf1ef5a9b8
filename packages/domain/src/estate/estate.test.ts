import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { DPM_2019_RTM, DPM_2019_UR1 } from '../fixtures/builder';
import { formatVersion } from '../model';
import { World, ctxAt, expectRefusal, newGroup } from '../test-support';
import { addComputer } from './add-computer';
import { removeComputer } from './remove-computer';
import { addDpmServer } from './add-dpm-server';
import { removeDpmServer } from './remove-dpm-server';
import { setVssWriter } from './set-vss-writer';
import { attachAgent } from '../agents/attach-agent';
import { createProtectionGroup } from '../protection/create-protection-group';

const V9 = { major: 9, minor: 0, build: 100, rollup: 1 };

describe('Estate: computers and DPM servers', () => {
  it('adds a computer with two volumes and removes it again', () => {
    const w = new World(scenario1());
    w.run(addComputer, { name: 'fs9', fqdn: 'fs9.contoso.com' });
    const fs9 = Object.values(w.estate.computers).find((c) => c.name === 'FS9');
    expect(fs9).toMatchObject({ domain: 'contoso.com', agent: null });
    expectRefusal(w.estate, (s) => addComputer(s, { name: 'FS9', fqdn: 'fs9.contoso.com' }, ctxAt()), 'CONFLICT', [
      'FS9',
    ]);
    w.run(removeComputer, { computerId: fs9?.id ?? '' });
    expect(Object.values(w.estate.computers).some((c) => c.name === 'FS9')).toBe(false);
  });

  it('refuses to remove a computer with an agent or a DPM server still in use', () => {
    expectRefusal(scenario1(), (s) => removeComputer(s, { computerId: 'cmp-PS1' }, ctxAt()), 'INVALID_STATE', ['PS1']);
    expectRefusal(scenario1(), (s) => removeDpmServer(s, { serverId: 'srv-DS3' }, ctxAt()), 'INVALID_STATE', ['DS3']);
    expectRefusal(
      scenario1(),
      (s) => addComputer(s, { name: 'FS9', fqdn: 'other.contoso.com' }, ctxAt()),
      'INVALID_INPUT',
    );
  });

  it('adds a DPM server of another version: attaching it from DS4 is VERSION_MISMATCH; removing it works', () => {
    const w = new World(scenario1());
    w.run(addDpmServer, { name: 'DS5', fqdn: 'ds5.contoso.com', version: V9, storagePoolGb: 1000 });
    const ds5 = Object.values(w.estate.servers).find((s) => s.name === 'DS5');
    if (!ds5) throw new Error('DS5 missing');
    expectRefusal(
      w.estate,
      (s) => attachAgent(s, { serverId: 'srv-DS4', computerIds: [ds5.computerId], method: 'Attach' }, ctxAt()),
      'VERSION_MISMATCH',
      ['DS5', 'DS4'],
    );
    w.run(removeDpmServer, { serverId: ds5.id });
    expect(w.estate.servers[ds5.id]).toBeUndefined();
    expect(w.estate.computers[ds5.computerId]).toBeUndefined();
  });

  it('a stopped SQL Server VSS Writer refuses protecting the DPMDB: VSS_WRITER_STOPPED', () => {
    const w = new World(scenario1());
    w.run(addDpmServer, { name: 'DS5', fqdn: 'ds5.contoso.com', version: DPM_2019_UR1, storagePoolGb: 1000 });
    const ds5 = Object.values(w.estate.servers).find((s) => s.name === 'DS5');
    if (!ds5) throw new Error('DS5 missing');
    w.run(attachAgent, { serverId: 'srv-DS4', computerIds: [ds5.computerId], method: 'Attach' });
    w.run(setVssWriter, { serverId: ds5.id, state: 'Stopped' });
    expectRefusal(w.estate, (s) => setVssWriter(s, { serverId: ds5.id, state: 'Stopped' }, ctxAt()), 'INVALID_STATE', [
      'DS5',
    ]);
    const dpmdb = Object.values(w.estate.dataSources).find(
      (d) => d.computerId === ds5.computerId && d.kind === 'DPMDB',
    );
    const group = newGroup('srv-DS4', 'DS5 database', [{ dataSourceId: dpmdb?.id ?? '', sourceServerId: null }]);
    expectRefusal(w.estate, (s) => createProtectionGroup(s, group, w.ctx()), 'VSS_WRITER_STOPPED', ['DS5']);
    w.run(setVssWriter, { serverId: ds5.id, state: 'Running' });
    w.run(createProtectionGroup, group);
  });
});

describe('DPM versions as DPM shows them', () => {
  it(
    'runs the fixtures on DPM 2019 with Update Rollup 1, build 10.19.260.0, and names a version by its real build ' +
      'and rollup',
    () => {
      for (const server of Object.values(scenario1().servers))
        expect(formatVersion(server.version), server.name).toBe('10.19.260.0 UR1');
      expect(formatVersion(DPM_2019_RTM)).toBe('10.19.58.0 RTM');
    },
  );
});
