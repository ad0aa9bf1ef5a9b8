import { describe, expect, it } from 'vitest';
import { Draft } from '../draft';
import { demo } from '../fixtures/scenarios';
import { World } from '../test-support';
import { snapshotOf } from './snapshot';

describe('a DPMDB backup holds the configuration as it was when it was taken (seed 001)', () => {
  it('keeps its groups and replicas as they were while the server goes on protecting', () => {
    const world = new World(demo());
    const snapshot = snapshotOf(new Draft(world.estate), 'srv-DS1');
    const taken = JSON.stringify(snapshot);
    expect(snapshot.replicas.length).toBeGreaterThan(0);
    expect(snapshot.groups.length).toBeGreaterThan(0);

    // A day of synchronizations and recovery points rewrites DS1's replicas.
    world.advance(24 * 60);
    const changed = snapshot.replicas.filter((r) => world.estate.replicas[r.id] !== r);
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.some((r) => world.estate.replicas[r.id]?.lastSyncAt !== r.lastSyncAt)).toBe(true);
    expect(JSON.stringify(snapshot)).toBe(taken);
  });
});
