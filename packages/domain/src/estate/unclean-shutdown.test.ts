import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { World, ctxAt } from '../test-support';
import { uncleanShutdown } from './unclean-shutdown';
import { performConsistencyCheck } from '../protection/perform-consistency-check';
import type { Estate, Replica } from '../model';

/** Active replicas on a server whose data sources live on a computer, with where they read from. */
function replicasOf(estate: Estate, serverId: string, computerId: string): Replica[] {
  return Object.values(estate.replicas).filter(
    (r) =>
      r.serverId === serverId && r.groupId !== null && estate.dataSources[r.dataSourceId]?.computerId === computerId,
  );
}

describe(
  'Simulate unclean shutdown (replica protection status: OK → unclean shutdown → Replica is ' + 'inconsistent)',
  () => {
    it(
      "makes the primary's replicas of a protected computer inconsistent with their alert; the secondary's copies of " +
        'them stay OK',
      () => {
        const w = new World(scenario1());
        const onDs1 = replicasOf(w.estate, 'srv-DS1', 'cmp-PS1');
        const onDs3 = replicasOf(w.estate, 'srv-DS3', 'cmp-PS1');
        expect(onDs1.length).toBeGreaterThan(0);
        expect(onDs3.length).toBeGreaterThan(0);
        expect([...onDs1, ...onDs3].every((r) => r.status === 'OK')).toBe(true);

        const outcome = w.run(uncleanShutdown, { computerId: 'cmp-PS1' });
        expect(outcome.events.at(-1)?.summary).toBe(
          `PS1 shut down uncleanly: ${onDs1.length} replicas are now inconsistent`,
        );
        for (const r of onDs1) {
          expect(w.status(r.id)).toBe('Replica is inconsistent');
          expect(w.activeAlert('Replica is inconsistent', 'srv-DS1', r.id)).toBeDefined();
        }
        // DS3 reads its copies from DS1's replicas, not from PS1's volume filter.
        for (const r of onDs3) expect(w.status(r.id)).toBe('OK');

        // The consistency check brings them back to OK and resolves the alerts.
        w.run(performConsistencyCheck, { serverId: 'srv-DS1', replicaIds: onDs1.map((r) => r.id) });
        w.advance(24 * 60);
        for (const r of onDs1) {
          expect(w.status(r.id)).toBe('OK');
          expect(w.activeAlert('Replica is inconsistent', 'srv-DS1', r.id)).toBeUndefined();
        }
      },
    );

    it(
      "of a primary DPM server makes its secondary's copies inconsistent, and leaves the primary replicas it holds " +
        'alone (seed 004, scenario 1)',
      () => {
        const w = new World(scenario1());
        const secondaryCopies = Object.values(w.estate.replicas).filter(
          (r) => r.serverId === 'srv-DS3' && r.sourceServerId === 'srv-DS1',
        );
        const dpmdbOnDs3 = replicasOf(w.estate, 'srv-DS3', 'cmp-DS1');
        const primaryReplicas = Object.values(w.estate.replicas).filter((r) => r.serverId === 'srv-DS1');
        expect(secondaryCopies.length).toBeGreaterThan(0);
        expect(dpmdbOnDs3.length).toBeGreaterThan(0);

        w.run(uncleanShutdown, { computerId: 'cmp-DS1' });
        for (const r of [...secondaryCopies, ...dpmdbOnDs3]) expect(w.status(r.id)).toBe('Replica is inconsistent');
        for (const r of primaryReplicas) expect(w.status(r.id)).toBe('OK');
        // DS2's side of DS3 is untouched.
        expect(
          Object.values(w.estate.replicas)
            .filter((r) => r.sourceServerId === 'srv-DS2')
            .every((r) => r.status === 'OK'),
        ).toBe(true);
      },
    );

    it('refuses an unknown computer and changes nothing', () => {
      const before = scenario1();
      expect(uncleanShutdown(before, { computerId: 'FS99' }, ctxAt())).toMatchObject({ code: 'NOT_FOUND' });
      expect(before).toEqual(scenario1());
    });
  },
);
