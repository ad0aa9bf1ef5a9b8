import { viewOf } from '../view';
import { describe, expect, it } from 'vitest';
import { scenario1 } from '../fixtures/scenarios';
import { World, createdReplicaId, expectRefusal, newGroup } from '../test-support';
import { createProtectionGroup } from '../protection/create-protection-group';
import { switchProtection } from '../protection/switch-protection';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { modifyProtectionGroup } from '../protection/modify-protection-group';
import { failServer } from '../server/fail-server';
import { cancelJob, whyNotCancel } from './cancel-job';

const C = 'rep-DS1-PS1-C';
const SWITCHED = 'rep-DS3-DS1-PS1-D';

/** DS3 switched PS1 D:\ to itself; the consistency check DPM started is running. */
function runningCheck() {
  const w = new World(scenario1());
  w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: [SWITCHED] });
  w.advance(5);
  const check = w.jobs('Consistency check', { replicaId: SWITCHED })[0];
  if (check?.status !== 'In progress') throw new Error('fixture: the check is not running');
  return { w, check };
}

describe('Cancel (Monitoring › Jobs)', () => {
  it('cancels a scheduled job: it shows as Canceled and never runs', () => {
    const w = new World(scenario1());
    w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [C], location: 'Disk' });
    const job = w.jobs('Recovery point', { replicaId: C })[0];
    const outcome = w.run(cancelJob, { serverId: job?.serverId ?? '', jobId: job?.id ?? '' });
    expect(w.estate.jobs[job?.id ?? '']).toMatchObject({ status: 'Canceled', finishedAt: w.now, startedAt: null });
    expect(outcome.events.map((e) => e.type)).toEqual(['job.canceled']);
    const points = Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === C).length;
    w.advance(10);
    expect(w.estate.jobs[job?.id ?? '']?.status).toBe('Canceled');
    expect(Object.values(w.estate.recoveryPoints).filter((p) => p.replicaId === C)).toHaveLength(points);
  });

  it(
    'cancels a running consistency check: the data it copied stays, and the replica verified by it is "Replica is ' +
      'inconsistent" again',
    () => {
      const { w, check } = runningCheck();
      expect(w.status(SWITCHED)).toBe('Replica inconsistent, verification in progress');
      const verifying = w.activeAlert('Replica inconsistent, verification in progress', 'srv-DS3', SWITCHED);
      w.run(cancelJob, { serverId: check.serverId, jobId: check.id });
      expect(w.estate.jobs[check.id]).toMatchObject({
        status: 'Canceled',
        finishedAt: w.now,
        transferredGb: check.transferredGb,
      });
      expect(check.transferredGb).toBeGreaterThan(0);
      expect(w.status(SWITCHED)).toBe('Replica is inconsistent');
      expect(w.alertState(verifying)).toBe('Inactive');
      expect(w.activeAlert('Replica is inconsistent', 'srv-DS3', SWITCHED)?.severity).toBe('Critical');
    },
  );

  it(
    'after a canceled check, the replica stays inconsistent until another check runs (none is started when the ' +
      'group does not ask for it)',
    () => {
      const { w, check } = runningCheck();
      const group = w.replica(SWITCHED).groupId ?? '';
      w.run(modifyProtectionGroup, {
        serverId: 'srv-DS3',
        groupId: group,
        consistencyCheck: { runIfInconsistent: false, dailyAt: null },
      });
      w.run(cancelJob, { serverId: check.serverId, jobId: check.id });
      w.advance(60);
      expect(w.status(SWITCHED)).toBe('Replica is inconsistent');
      expect(w.jobs('Consistency check', { replicaId: SWITCHED })).toHaveLength(1);
    },
  );

  it('cancels a replica creation: the replica is "Replica is inconsistent" and a consistency check creates it', () => {
    const w = new World(scenario1());
    const c = createdReplicaId(
      w.run(createProtectionGroup, newGroup('srv-DS1', 'New', [{ dataSourceId: 'ds-DS1-C', sourceServerId: null }])),
      'ds-DS1-C',
    );
    expect(w.status(c)).toBe('Replica creation pending');
    const creation = w.jobs('Replica creation', { replicaId: c })[0];
    w.run(cancelJob, { serverId: creation?.serverId ?? '', jobId: creation?.id ?? '' });
    expect(w.status(c)).toBe('Replica is inconsistent');
    expect(w.activeAlert('Replica is inconsistent', 'srv-DS1', c)).toBeDefined();
    w.advance(30);
    expect(w.status(c)).toBe('OK');
  });

  it('refuses a job that is already over: INVALID_STATE, nothing changes', () => {
    const { w, check } = runningCheck();
    w.run(cancelJob, { serverId: check.serverId, jobId: check.id });
    expectRefusal(
      w.estate,
      (s) => cancelJob(s, { serverId: check.serverId, jobId: check.id }, w.ctx()),
      'INVALID_STATE',
      ['Only a scheduled job or a job in progress can be canceled', 'canceled'],
    );
    w.advance(60);
    const completed = Object.values(w.estate.jobs).find((j) => j.status === 'Completed');
    if (!completed) throw new Error('fixture');
    expectRefusal(
      w.estate,
      (s) => cancelJob(s, { serverId: completed.serverId, jobId: completed.id }, w.ctx()),
      'INVALID_STATE',
      ['completed'],
    );
    const view = viewOf(w.estate);
    expect(whyNotCancel(view, { serverId: completed.serverId, jobId: completed.id })?.message).toMatch(/completed\.$/);
    expect(
      whyNotCancel(view, { serverId: completed.serverId === 'srv-DS2' ? 'srv-DS1' : 'srv-DS2', jobId: completed.id })
        ?.code,
    ).toBe('NOT_FOUND');
  });

  it('refuses on a DPM server that is not online', () => {
    const w = new World(scenario1());
    w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [C], location: 'Disk' });
    const job = w.jobs('Recovery point', { replicaId: C })[0];
    w.run(failServer, { serverId: 'srv-DS1' });
    expectRefusal(
      w.estate,
      (s) => cancelJob(s, { serverId: job?.serverId ?? '', jobId: job?.id ?? '' }, w.ctx()),
      'SERVER_UNAVAILABLE',
      ['DS1'],
    );
  });
});
