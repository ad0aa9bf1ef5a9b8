import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { World, expectRefusal } from '../test-support';
import { modifyDiskAllocation } from './modify-disk-allocation';

describe('Modify disk allocation', () => {
  it('grows a replica within the storage pool', () => {
    const w = new World(scenario1());
    w.run(modifyDiskAllocation, { serverId: 'srv-DS1', replicaId: 'rep-DS1-PS1-D', allocatedGb: 600 });
    expect(w.replica('rep-DS1-PS1-D').allocatedGb).toBe(600);
  });

  it('refuses a replica smaller than its data source, or larger than the free pool, and changes nothing', () => {
    const w = new World(scenario1());
    expectRefusal(
      w.estate,
      (s) => modifyDiskAllocation(s, { serverId: 'srv-DS1', replicaId: 'rep-DS1-PS1-D', allocatedGb: 100 }, w.ctx()),
      'INVALID_INPUT',
      ['250 GB', 'D:\\'],
    );
    expectRefusal(
      w.estate,
      (s) =>
        modifyDiskAllocation(s, { serverId: 'srv-DS1', replicaId: 'rep-DS1-PS1-D', allocatedGb: 1_000_000 }, w.ctx()),
      'INVALID_INPUT',
      ['storage pool of DS1', 'Add a disk'],
    );
  });
});
