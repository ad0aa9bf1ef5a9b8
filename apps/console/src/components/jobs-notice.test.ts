import { describe, expect, it } from 'vitest';
import { jobsNotice } from './jobs-notice';

const job = (type: string, n = 1) =>
  Array.from({ length: n }, (_, i) => ({ jobId: `job-${i}`, serverId: 'srv-DS1', type }));

describe('the notice of a command that queued jobs', () => {
  it('names the job it started, never "Done." while the job has only been queued', () => {
    const notice = jobsNotice(job('Library rescan'), [undefined], undefined);
    expect(notice).toEqual({
      intent: 'info',
      message: 'The library rescan job started; it runs on the simulated clock.',
    });
    expect(jobsNotice(job('Library rescan'), ['active'], undefined).message).not.toContain('Done');
  });

  it('tells the outcome when the job ends: completed, failed with its reason, canceled', () => {
    expect(jobsNotice(job('Detailed inventory'), ['completed'], undefined)).toEqual({
      intent: 'success',
      message: 'The detailed inventory job completed.',
    });
    expect(jobsNotice(job('Tape recatalog'), ['failed'], 'Tape Library 1 is not available.')).toEqual({
      intent: 'error',
      message: 'The tape recatalog job failed: Tape Library 1 is not available.',
    });
    expect(jobsNotice(job('Consistency check'), ['canceled'], undefined).message).toBe(
      'The consistency check job was canceled.',
    );
  });

  it('counts several jobs until every one has ended, and names each type', () => {
    expect(jobsNotice(job('Consistency check', 3), ['completed', 'active', undefined], undefined).message).toBe(
      '3 consistency check jobs started (1 of 3 ended so far); they run on the simulated clock.',
    );
    expect(jobsNotice(job('Consistency check', 3), ['completed', 'failed', 'completed'], 'Access is denied.')).toEqual({
      intent: 'error',
      message: '3 consistency check jobs ended: 1 failed (Access is denied.).',
    });
    const mixed = [...job('Consistency check'), { jobId: 'job-x', serverId: 'srv-DS1', type: 'Synchronization' }];
    expect(jobsNotice(mixed, [undefined, undefined], undefined).message).toContain(
      '2 jobs (consistency check, synchronization) started',
    );
  });
});
