import { describe, expect, it } from 'vitest';
import { scenario2 } from '../fixtures/scenarios';
import { World, expectRefusal } from '../test-support';
import { takeOwnership } from '../agents/take-ownership';
import { switchProtection } from './switch-protection';
import { createRecoveryPoint } from './create-recovery-point';
import { recommendedAction } from '../alerts/recommended-action';
import { viewOf } from '../view';

const ADMIN = { name: 'admin', role: 'Administrator' as const };

describe(
  'a computer whose data sources are split between switched and unswitched (seeds 000, 001; scenario 2 on ' + 'DS2)',
  () => {
    const PS1_ON_DS2 = ['rep-DS2-DS1-PS1-C', 'rep-DS2-DS1-PS1-D', 'rep-DS2-DS1-PS1-SQL'];
    const PS1_ON_DS1 = ['rep-DS1-PS1-C', 'rep-DS1-PS1-D', 'rep-DS1-PS1-SQL'];

    it(
      'switches every data source of PS1 that DS2 protects when one is switched: ' +
        'they follow the agent, which has one owner',
      () => {
        const w = new World(scenario2());
        w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-D'], location: 'Disk' });
        const outcome = w.run(switchProtection, {
          direction: 'to-secondary',
          serverId: 'srv-DS2',
          replicaIds: ['rep-DS2-DS1-PS1-C'],
        });
        expect(w.owner('cmp-PS1')).toBe('srv-DS2');
        for (const id of PS1_ON_DS2)
          expect(w.replica(id), id).toMatchObject({ switched: true, status: 'Replica is inconsistent' });
        expect(outcome.events.filter((e) => e.type === 'protection.switched')).toHaveLength(3);
        // PS2 stays with DS1, and DS1 lost the agent of PS1: what it had queued for PS1 is canceled.
        expect(w.replica('rep-DS2-DS1-PS2-C')).toMatchObject({ switched: false, status: 'OK' });
        expect(w.jobs('Recovery point', { replicaId: 'rep-DS1-PS1-D' })[0]?.status).toBe('Canceled');
        // A request for one of the members that followed is already in effect.
        expectRefusal(
          w.estate,
          (s) =>
            switchProtection(
              s,
              { direction: 'to-secondary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-SQL'] },
              w.ctx(),
            ),
          'ALREADY_SWITCHED',
          ['Sales', 'DS2'],
        );
      },
    );

    it(
      'leaves DS1 quiet while PS1 is switched: no job of PS1 runs or fails there, its replicas keep their status, no ' +
        'alert asks for a consistency check',
      () => {
        const w = new World(scenario2());
        w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-C'] });
        w.advance(24 * 60);
        for (const id of PS1_ON_DS1) {
          expect(w.status(id), id).toBe('OK');
          expect(
            Object.values(w.estate.jobs).filter((j) => j.replicaId === id && j.status === 'Failed'),
            id,
          ).toEqual([]);
        }
        expect(Object.values(w.estate.alerts).filter((a) => a.serverId === 'srv-DS1' && a.state === 'Active')).toEqual(
          [],
        );
        for (const id of PS1_ON_DS2) expect(w.status(id), id).toBe('OK');
        // PS2's protection on DS1 goes on.
        expect(w.jobs('Synchronization', { replicaId: 'rep-DS1-PS2-C' })[0]?.status).toBe('Completed');
      },
    );

    it(
      'refuses Take Ownership on DS1 while DS2 protects PS1 in switched protection, saying to switch back on DS2 ' +
        '(seed 000), instead of MOVE_UNSUPPORTED',
      () => {
        const w = new World(scenario2());
        w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-C'] });
        const err = expectRefusal(
          w.estate,
          (s) => takeOwnership(s, { serverId: 'srv-DS1', computerId: 'cmp-PS1' }, w.ctx()),
          'INVALID_STATE',
          ['PS1', 'switched to DS2', 'Switch protection back on DS2', 'Agent Ownership Required'],
        );
        expect(err.message).not.toContain('rebuild');
      },
    );

    it(
      'switches back all of PS1 together: one Agent Ownership Required on DS1, whose Recommended action Take ' +
        'Ownership moves the agent back',
      () => {
        const w = new World(scenario2());
        w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-C'] });
        w.advance(60);
        w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-D'] });
        for (const id of PS1_ON_DS2) expect(w.replica(id).switched, id).toBe(false);
        const alerts = w.alerts('Agent Ownership Required', 'srv-DS1').filter((a) => a.state === 'Active');
        expect(alerts).toHaveLength(1);
        const alert = alerts[0];
        if (!alert) throw new Error('no alert');
        expect(recommendedAction(viewOf(w.estate), alert, ADMIN)).toMatchObject({
          id: 'agents.take-ownership',
          name: 'Take Ownership',
          enabled: true,
          target: { serverId: 'srv-DS1', computerId: 'cmp-PS1' },
        });
        w.run(takeOwnership, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
        w.advance(60);
        for (const id of [...PS1_ON_DS1, ...PS1_ON_DS2]) expect(w.status(id), id).toBe('OK');
      },
    );

    it(
      "recommends for each failed job's alert the action that fixes its cause, never a consistency check that would " +
        'fail again',
      () => {
        const w = new World(scenario2());
        w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-C'] });
        w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: ['rep-DS1-PS1-C'], location: 'Disk' });
        w.advance(1);
        const job = w.jobs('Recovery point', { replicaId: 'rep-DS1-PS1-C' })[0];
        expect(job).toMatchObject({ status: 'Failed', error: { code: 'NOT_OWNER' } });
        expect(job?.error?.message).toContain('switched to DS2');
        // It failed when it started, not after the time its data would take.
        expect(job?.finishedAt).toBe(job?.startedAt);
        const alert = w.activeAlert('Recovery point creation failed', 'srv-DS1', 'rep-DS1-PS1-C');
        if (!alert) throw new Error('no alert');
        // Nothing on DS1 fixes it: DS2 switches back first.
        expect(recommendedAction(viewOf(w.estate), alert, ADMIN)).toBeNull();
        w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS2', replicaIds: ['rep-DS2-DS1-PS1-C'] });
        expect(recommendedAction(viewOf(w.estate), alert, ADMIN)).toMatchObject({
          id: 'agents.take-ownership',
          enabled: true,
        });
      },
    );
  },
);
