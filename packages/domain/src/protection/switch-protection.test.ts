import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { World, expectRefusal } from '../test-support';
import { takeOwnership } from '../agents/take-ownership';
import { connectivityChecks } from '../agents/connectivity';
import { analyseTopology } from '../topology/topology';
import { switchProtection } from './switch-protection';
import { simulateDiskFailure } from '../server/disk-failure';

const PS1_ON_DS3 = 'rep-DS3-DS1-PS1-C';

/** The replica status changes the world's events recorded for a replica, in order. */
function statusTrail(w: World, replicaId: string): string[] {
  return w.events.filter((e) => e.type === 'replica.status' && e.subjectId === replicaId).map((e) => e.summary);
}

describe('Switch Disaster Protection on scenario 1 (seeds 000, 001)', () => {
  it('switches PS1 to DS3, which takes the agent, then a consistency check makes the replica OK', () => {
    const w = new World(scenario1());
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [PS1_ON_DS3] });

    expect(w.estate.computers['cmp-PS1']?.agent).toMatchObject({
      ownerId: 'srv-DS3',
      pendingOwnerId: null,
      dpmServerName: 'DS3',
    });
    expect(w.replica(PS1_ON_DS3)).toMatchObject({ status: 'Replica is inconsistent', switched: true });
    expect(w.activeAlert('Replica is inconsistent', 'srv-DS3', PS1_ON_DS3)).toBeDefined();
    const ps1 = w.estate.computers['cmp-PS1'];
    const ds3 = w.estate.servers['srv-DS3'];
    if (!ps1 || !ds3) throw new Error('fixture');
    expect(connectivityChecks(ps1, ds3).every((c) => c.ok)).toBe(true);
    // DS3 now protects PS1 directly (a switched edge), without becoming a second protector of DS1.
    const t = analyseTopology(w.estate);
    expect(t.edges).toContainEqual({ from: 'srv-DS3', to: 'cmp-PS1', kind: 'switched' });
    expect(t.violations).toEqual([]);

    w.advance(30);
    expect(w.status(PS1_ON_DS3)).toBe('OK');
    expect(w.jobs('Consistency check', { replicaId: PS1_ON_DS3 })[0]?.status).toBe('Completed');
    expect(statusTrail(w, PS1_ON_DS3)).toEqual([
      'OK → Replica is inconsistent',
      'Replica is inconsistent → Replica inconsistent, verification in progress',
      'Replica inconsistent, verification in progress → OK',
    ]);
    expect(w.activeAlert('Replica is inconsistent', 'srv-DS3', PS1_ON_DS3)).toBeUndefined();
  });

  it(
    'switches back: DS1 raises Agent Ownership Required, Take Ownership moves the agent back and queues a ' +
      'consistency check',
    () => {
      const w = new World(scenario1());
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [PS1_ON_DS3] });
      w.advance(30);

      w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS3', replicaIds: [PS1_ON_DS3] });
      expect(w.estate.computers['cmp-PS1']?.agent).toMatchObject({ ownerId: 'srv-DS3', pendingOwnerId: 'srv-DS1' });
      expect(w.replica(PS1_ON_DS3)).toMatchObject({ switched: false, status: 'Replica is inconsistent' });
      const alert = w.activeAlert('Agent Ownership Required', 'srv-DS1', 'cmp-PS1');
      expect(alert).toMatchObject({ severity: 'Critical', computerId: 'cmp-PS1' });
      expect(alert?.description).toContain('PS1');
      expect(alert?.description).toContain('DS1');

      w.run(takeOwnership, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
      expect(w.estate.computers['cmp-PS1']?.agent).toMatchObject({
        ownerId: 'srv-DS1',
        pendingOwnerId: null,
        dpmServerName: 'DS1',
      });
      expect(w.estate.alerts[alert?.id ?? '']).toMatchObject({ state: 'Inactive', resolvedAt: w.now });
      for (const id of ['rep-DS1-PS1-C', 'rep-DS1-PS1-D', 'rep-DS1-PS1-SQL']) {
        expect(w.jobs('Consistency check', { replicaId: id })[0]?.status, id).toBe('Scheduled');
        expect(w.status(id)).toBe('Replica is inconsistent');
      }

      w.advance(60);
      for (const id of ['rep-DS1-PS1-C', 'rep-DS1-PS1-D', 'rep-DS1-PS1-SQL', PS1_ON_DS3])
        expect(w.status(id), id).toBe('OK');
    },
  );

  it("switches a whole group: only the production data sources DS3 protects as DS1's secondary", () => {
    const w = new World(scenario1());
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', groupId: 'pg-DS3-1' });
    const switched = Object.values(w.estate.replicas)
      .filter((r) => r.switched)
      .map((r) => r.id)
      .sort();
    expect(switched).toEqual([
      'rep-DS3-DS1-PS1-C',
      'rep-DS3-DS1-PS1-D',
      'rep-DS3-DS1-PS1-SQL',
      'rep-DS3-DS1-PS2-C',
      'rep-DS3-DS1-PS2-D',
      'rep-DS3-DS1-PS2-SQL',
    ]);
    expect(w.owner('cmp-PS1')).toBe('srv-DS3');
    expect(w.owner('cmp-PS2')).toBe('srv-DS3');
    expect(w.status('rep-DS3-DS1-DPMDB')).toBe('OK');
  });

  it("refuses to switch DS1's database replica on DS3, and DS4's copy of it", () => {
    const w = new World(scenario1());
    expectRefusal(
      w.estate,
      (s) =>
        switchProtection(
          s,
          { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-DPMDB'] },
          w.ctx(),
        ),
      'INVALID_STATE',
      ['DS3'],
    );
    expectRefusal(
      w.estate,
      (s) =>
        switchProtection(
          s,
          { direction: 'to-secondary', serverId: 'srv-DS4', replicaIds: ['rep-DS4-DS3-DS1-DPMDB'] },
          w.ctx(),
        ),
      'INVALID_STATE',
      ['DS4'],
    );
    expectRefusal(
      w.estate,
      (s) => switchProtection(s, { direction: 'to-secondary', serverId: 'srv-DS4', groupId: 'pg-DS4-1' }, w.ctx()),
      'INVALID_STATE',
      ['DS4'],
    );
  });

  it('keeps a replica switched back during its consistency check inconsistent until the next check', () => {
    const w = new World(scenario1());
    const r = 'rep-DS3-DS1-PS1-D';
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [r] });
    w.advance(10);
    expect(w.status(r)).toBe('Replica inconsistent, verification in progress');
    w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS3', replicaIds: [r] });
    w.advance(30);
    expect(w.jobs('Consistency check', { replicaId: r })[0]?.status).toBe('Completed');
    expect(w.status(r)).toBe('Replica is inconsistent');
    w.advance(30);
    expect(w.status(r)).toBe('OK');
    expect(statusTrail(w, r).slice(-3)).toEqual([
      'Replica inconsistent, verification in progress → Replica is inconsistent',
      'Replica is inconsistent → Replica inconsistent, verification in progress',
      'Replica inconsistent, verification in progress → OK',
    ]);
  });

  it(
    'switching a replica whose disk is missing moves the agent but keeps it Replica is missing: switching brings no ' +
      'volume back (found by the property tests)',
    () => {
      const w = new World(scenario1());
      const disk = w.estate.servers['srv-DS3']?.disks[0]?.id ?? '';
      w.run(simulateDiskFailure, { serverId: 'srv-DS3', diskId: disk });
      expect(w.status(PS1_ON_DS3)).toBe('Replica is missing');
      w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [PS1_ON_DS3] });
      expect(w.replica(PS1_ON_DS3)).toMatchObject({ status: 'Replica is missing', switched: true });
      expect(w.estate.computers['cmp-PS1']?.agent?.ownerId).toBe('srv-DS3');
    },
  );
});
