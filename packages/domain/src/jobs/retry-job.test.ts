import { viewOf } from '../view';
import { whyNotCancel } from './cancel-job';
import { describe, expect, it } from 'vitest';
import { demo, scenario1 } from '../fixtures/scenarios';
import { isDomainError } from '../errors';
import { DS1_LIBRARY, World, expectRefusal, latestDiskPoint, reallocatedDs1 } from '../test-support';
import { switchProtection } from '../protection/switch-protection';
import { createRecoveryPoint } from '../protection/create-recovery-point';
import { takeOwnership } from '../agents/take-ownership';
import { failServer } from '../server/fail-server';
import { restoreToReplica } from '../recovery/restore-to-replica';
import { inventoryLibrary } from '../library/inventory';
import { markLibraryOffline } from '../library/mark-library-offline';
import { rescanLibraries } from '../library/rescan';
import { retryJob, whyNotRetry } from './retry-job';
import { jobDetails } from './job-details';

const C = 'rep-DS1-PS1-C';

/** Scenario 1 where DS1's recovery point of PS1 C:\ failed because DS3 switched PS1 to itself. */
function failedRecoveryPoint() {
  const w = new World(scenario1());
  w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
  w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [C], location: 'Disk' });
  w.advance(2);
  const failed = w.jobs('Recovery point', { replicaId: C })[0];
  if (failed?.status !== 'Failed') throw new Error('fixture: the recovery point did not fail');
  return { w, failed };
}

describe('Retry (Monitoring › Jobs)', () => {
  it('queues a new Scheduled job of the same type, subject and parameters, linked to the failed one', () => {
    const { w, failed } = failedRecoveryPoint();
    const outcome = w.run(retryJob, { serverId: failed.serverId, jobId: failed.id });
    const retry = w.jobs('Recovery point', { replicaId: C })[0];
    expect(retry).toMatchObject({
      status: 'Scheduled',
      retryOf: failed.id,
      type: failed.type,
      serverId: failed.serverId,
      replicaId: failed.replicaId,
      dataSourceId: failed.dataSourceId,
      groupId: failed.groupId,
      computerId: failed.computerId,
      totalGb: failed.totalGb,
      transferredGb: 0,
      params: failed.params,
      scheduledAt: w.now,
      error: null,
    });
    expect(retry?.id).not.toBe(failed.id);
    expect(w.estate.jobs[failed.id]).toEqual(failed);
    expect(outcome.events.map((e) => e.type)).toContain('job.retried');
  });

  it('runs the retry to completion once the cause is fixed, and clears the alert of the failure', () => {
    const { w, failed } = failedRecoveryPoint();
    const alert = w.activeAlert('Recovery point creation failed', 'srv-DS1', C);
    w.run(switchProtection, { direction: 'to-primary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-C'] });
    w.run(takeOwnership, { serverId: 'srv-DS1', computerId: 'cmp-PS1' });
    w.advance(30);
    expect(w.status(C)).toBe('OK');
    w.run(retryJob, { serverId: failed.serverId, jobId: failed.id });
    w.advance(5);
    const retry = w.jobs('Recovery point', { replicaId: C }).find((j) => j.retryOf === failed.id);
    expect(retry?.status).toBe('Completed');
    expect(w.alertState(alert)).toBe('Inactive');
  });

  it('refuses a job that did not fail: INVALID_STATE, nothing changes', () => {
    const w = new World(demo());
    const completed = Object.values(w.estate.jobs).find((j) => j.status === 'Completed');
    if (!completed) throw new Error('fixture');
    expectRefusal(
      w.estate,
      (s) => retryJob(s, { serverId: completed.serverId, jobId: completed.id }, w.ctx()),
      'INVALID_STATE',
      ['Only a failed job can be retried'],
    );
    w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [C], location: 'Disk' });
    const scheduled = w.jobs('Recovery point', { replicaId: C })[0];
    if (!scheduled) throw new Error('no job');
    expectRefusal(
      w.estate,
      (s) => retryJob(s, { serverId: scheduled.serverId, jobId: scheduled.id }, w.ctx()),
      'INVALID_STATE',
      ['scheduled'],
    );
    expect(whyNotRetry(viewOf(w.estate), { serverId: scheduled.serverId, jobId: scheduled.id })?.message).toMatch(
      /scheduled\.$/,
    );
    expect(
      whyNotRetry(viewOf(w.estate), {
        serverId: scheduled.serverId === 'srv-DS2' ? 'srv-DS1' : 'srv-DS2',
        jobId: scheduled.id,
      })?.code,
    ).toBe('NOT_FOUND');
  });

  it('refuses when a job of that type is already queued for the subject: CONFLICT', () => {
    const { w, failed } = failedRecoveryPoint();
    w.run(createRecoveryPoint, { serverId: 'srv-DS1', replicaIds: [C], location: 'Disk' });
    expectRefusal(w.estate, (s) => retryJob(s, { serverId: failed.serverId, jobId: failed.id }, w.ctx()), 'CONFLICT', [
      'C:\\',
      'DS1',
    ]);
    // The retry is itself queued work: a second Retry of the same failure is refused too.
    const other = failedRecoveryPoint();
    other.w.run(retryJob, { serverId: other.failed.serverId, jobId: other.failed.id });
    expectRefusal(
      other.w.estate,
      (s) => retryJob(s, { serverId: other.failed.serverId, jobId: other.failed.id }, other.w.ctx()),
      'CONFLICT',
    );
  });

  it('refuses on a DPM server that is not online', () => {
    const { w, failed } = failedRecoveryPoint();
    w.run(failServer, { serverId: 'srv-DS1' });
    expectRefusal(
      w.estate,
      (s) => retryJob(s, { serverId: failed.serverId, jobId: failed.id }, w.ctx()),
      'SERVER_UNAVAILABLE',
      ['DS1'],
    );
  });

  it(
    'refuses to retry a failed restore to replica: the replica is inconsistent, which prevents repeated recovery ' +
      'attempts (seed 000)',
    () => {
      const w = reallocatedDs1();
      const point = latestDiskPoint(w.estate, 'srv-DS3', 'ds-PS1-C');
      w.run(restoreToReplica, { serverId: 'srv-DS1', replicaId: C, recoveryPointId: point.id, simulateFailure: true });
      w.advance(30);
      const failed = w.jobs('Disk recovery', { replicaId: C })[0];
      expect(failed?.status).toBe('Failed');
      expectRefusal(
        w.estate,
        (s) => retryJob(s, { serverId: failed?.serverId ?? '', jobId: failed?.id ?? '' }, w.ctx()),
        'NOT_PENDING_FOR_RESTORE',
        ['Manual replica creation pending', 'Delete replica on disk'],
      );
    },
  );

  it(
    'retries a library job: a detailed inventory that failed while the library was offline completes after ' + 'Rescan',
    () => {
      const w = new World(demo());
      w.run(markLibraryOffline, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY });
      w.run(inventoryLibrary, { serverId: 'srv-DS1', libraryId: DS1_LIBRARY, kind: 'Detailed' });
      w.advance(10);
      const failed = w.jobs('Detailed inventory', { libraryId: DS1_LIBRARY })[0];
      expect(failed).toMatchObject({ status: 'Failed', error: { code: 'LIBRARY_NOT_AVAILABLE' } });
      w.run(rescanLibraries, { serverId: 'srv-DS1' });
      w.advance(2);
      w.run(retryJob, { serverId: failed?.serverId ?? '', jobId: failed?.id ?? '' });
      w.advance(10);
      const retry = w.jobs('Detailed inventory', { libraryId: DS1_LIBRARY }).find((j) => j.retryOf === failed?.id);
      expect(retry).toMatchObject({ status: 'Completed', params: failed?.params });
      expect(w.activeAlert('Detailed inventory failed', 'srv-DS1', DS1_LIBRARY)).toBeUndefined();
    },
  );
});

describe('jobDetails (the Details pane of a job)', () => {
  it(
    'says what a failed job did, what its error means, what to do, and that Retry applies while Cancel does ' + 'not',
    () => {
      const { w, failed } = failedRecoveryPoint();
      const before = w.estate;
      const d = jobDetails(w.estate, failed.id);
      expect(w.estate).toBe(before);
      expect(d).toMatchObject({
        type: 'Recovery point',
        status: 'Failed',
        source: 'C:\\',
        computer: 'PS1',
        group: expect.any(String),
        retryOf: null,
        retriedBy: null,
      });
      expect(d?.summary).toContain('creates a recovery point of it on DS1');
      expect(d?.outcome).toMatch(/^Failed: Protection of PS1 is switched to DS3, which owns its protection agent/);
      expect(d?.help).toMatchObject({
        code: 'NOT_OWNER',
        meaning: expect.stringContaining('Another DPM server owns'),
        action: expect.stringContaining('Take Ownership'),
      });
      expect(whyNotRetry(viewOf(w.estate), { serverId: failed.serverId, jobId: failed.id })).toBeNull();
      expect(whyNotCancel(viewOf(w.estate), { serverId: failed.serverId, jobId: failed.id })?.message).toMatch(
        /^Only a scheduled job or a job in progress can be canceled/,
      );
      // Retrying links both ways, and the failed job can't be retried twice.
      w.run(retryJob, { serverId: failed.serverId, jobId: failed.id });
      const after = jobDetails(w.estate, failed.id);
      expect(after?.retriedBy).toBe(w.jobs('Recovery point', { replicaId: C })[0]?.id);
      expect(whyNotRetry(viewOf(w.estate), { serverId: failed.serverId, jobId: failed.id })?.message).toMatch(
        /already scheduled or in progress/,
      );
      expect(jobDetails(w.estate, after?.retriedBy ?? '')).toMatchObject({
        retryOf: failed.id,
        outcome: 'Waiting to start.',
      });
      expect(whyNotCancel(viewOf(w.estate), { serverId: 'srv-DS1', jobId: after?.retriedBy ?? '' })).toBeNull();
    },
  );

  it('reports the data a running job has transferred, and nothing for an unknown job', () => {
    const w = new World(scenario1());
    w.run(switchProtection, { direction: 'to-secondary', serverId: 'srv-DS3', replicaIds: ['rep-DS3-DS1-PS1-D'] });
    w.advance(5);
    const check = w.jobs('Consistency check', { replicaId: 'rep-DS3-DS1-PS1-D' })[0];
    const d = jobDetails(w.estate, check?.id ?? '');
    expect(d?.summary).toMatch(/^Synchronization with consistency check/);
    expect(d?.outcome).toMatch(/^Running: \d+% done, [\d.]+ GB of 250\.0 GB transferred\.$/);
    expect(isDomainError(d)).toBe(false);
    expect(jobDetails(w.estate, 'job-nope')).toBeNull();
  });
});
