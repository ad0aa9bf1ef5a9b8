import { describe, expect, it } from 'vitest';
import { row, testApp } from '../test-app';

type Details = {
  id: string;
  status: string;
  retryOf: string | null;
  retriedBy: string | null;
  summary: string;
  outcome: string;
  help: { code: string; meaning: string; action: string } | null;
  operations: { id: string; enabled: boolean; reason: { code: string; message: string } | null }[];
};

const offer = (d: Details, id: string) => d.operations.find((o) => o.id === id);

/** Scenario 1 where DS1's recovery point of PS1 C:\ failed: DS3 had switched PS1 to itself. */
async function failedJob() {
  const t = testApp('scenario-1');
  expect(
    (
      await t.json('/api/servers/srv-DS3/protection/switch', {
        replicaIds: ['rep-DS3-DS1-PS1-C'],
        direction: 'to-secondary',
      })
    ).status,
  ).toBe(200);
  const queued = (await (
    await t.json('/api/servers/srv-DS1/protection/recovery-points', { replicaIds: ['rep-DS1-PS1-C'], location: 'Disk' })
  ).json()) as { jobIds: string[] };
  expect((await t.json('/api/clock/advance', { minutes: 2 })).status).toBe(200);
  const jobId = queued.jobIds[0] ?? '';
  return { ...t, jobId };
}

describe('Monitoring › Jobs routes', () => {
  it('GET a job explains a failure, and says Retry applies while Cancel does not', async () => {
    const { app, jobId } = await failedJob();
    const res = await app.request(`/api/servers/srv-DS1/jobs/${jobId}`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as Details;
    expect(d).toMatchObject({ id: jobId, status: 'Failed', retryOf: null, help: { code: 'NOT_OWNER' } });
    expect(offer(d, 'jobs.retry')).toMatchObject({ name: 'Retry', enabled: true, reason: null });
    expect(d.help?.action).toContain('Take Ownership');
    expect(offer(d, 'jobs.cancel')).toMatchObject({
      name: 'Cancel',
      enabled: false,
      reason: { code: 'INVALID_STATE' },
    });
    expect(offer(d, 'jobs.cancel')?.reason?.message).toMatch(
      /^Only a scheduled job or a job in progress can be canceled/,
    );
    expect((await app.request(`/api/servers/srv-DS2/jobs/${jobId}`)).status).toBe(404);
  });

  it('POST retry queues a new job linked to the failed one, audited; a second retry is a 409', async () => {
    const { app, json, db, jobId } = await failedJob();
    const res = await json(`/api/servers/srv-DS1/jobs/${jobId}/retry`, {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { jobIds: string[] };
    expect(body.jobIds).toHaveLength(1);
    expect(row(db, 'SELECT type, status, retry_of AS retryOf FROM jobs WHERE id = ?', body.jobIds[0])).toEqual({
      type: 'Recovery point',
      status: 'Scheduled',
      retryOf: jobId,
    });
    expect(row(db, 'SELECT outcome, action, target FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
      outcome: 'success',
      action: 'jobs.retry',
      target: jobId,
    });
    const again = await json(`/api/servers/srv-DS1/jobs/${jobId}/retry`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('CONFLICT');
    const details = (await (await app.request(`/api/servers/srv-DS1/jobs/${jobId}`)).json()) as Details;
    expect(details.retriedBy).toBe(body.jobIds[0]);
  });

  it('POST cancel stops the retry; cancelling it again is a 409 with the sentence', async () => {
    const { json, db, jobId } = await failedJob();
    const retried = (await (await json(`/api/servers/srv-DS1/jobs/${jobId}/retry`, {})).json()) as { jobIds: string[] };
    const retryId = retried.jobIds[0] ?? '';
    expect((await json(`/api/servers/srv-DS1/jobs/${retryId}/cancel`, {})).status).toBe(200);
    expect(row(db, 'SELECT status FROM jobs WHERE id = ?', retryId)).toEqual({ status: 'Canceled' });
    const again = await json(`/api/servers/srv-DS1/jobs/${retryId}/cancel`, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/canceled\.$/);
  });

  it('a job of another server, or an unknown one, is not found', async () => {
    const { json, jobId } = await failedJob();
    expect((await json(`/api/servers/srv-DS2/jobs/${jobId}/retry`, {})).status).toBe(404);
    expect((await json('/api/servers/srv-DS1/jobs/job-unknown/cancel', {})).status).toBe(404);
    expect((await json(`/api/servers/srv-DS1/jobs/${jobId}/cancel`, { force: true })).status).toBe(400);
  });
});

describe('Group by is done by the server (the lists page)', () => {
  it(
    'pages the Jobs of DS1 grouped by Computer: every group whole before the next, newest first inside, nothing ' +
      'lost or repeated',
    async () => {
      const t = testApp('demo');
      const all: { id: string; computer: string | null; scheduledAt: number }[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (
          await t.app.request(
            '/api/servers/srv-DS1/jobs?groupBy=computer&limit=250' +
              (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''),
          )
        ).json()) as {
          items: { id: string; computer: string | null; scheduledAt: number }[];
          nextCursor: string | null;
          total: number;
        };
        all.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const ungrouped = (await (await t.app.request('/api/servers/srv-DS1/jobs?limit=500')).json()) as {
        items: { id: string }[];
        total: number;
      };
      expect(all).toHaveLength(ungrouped.total);
      expect(new Set(all.map((j) => j.id)).size).toBe(all.length);
      const order = all.map((j) => j.computer ?? '~');
      const groups = order.filter((g, i) => i === 0 || order[i - 1] !== g);
      expect(new Set(groups).size).toBe(groups.length);
      expect(groups.length).toBeGreaterThan(1);
      for (let i = 1; i < all.length; i += 1) {
        const [a, b] = [all[i - 1], all[i]];
        if (a && b && a.computer === b.computer) expect(a.scheduledAt).toBeGreaterThanOrEqual(b.scheduledAt);
      }
    },
  );

  it('orders alerts grouped by severity Critical, Warning, Information', async () => {
    const t = testApp('demo');
    expect((await t.json('/api/estate/computers/cmp-PS1/unclean-shutdown', {})).status).toBe(200);
    const page = (await (
      await t.app.request('/api/servers/srv-DS1/alerts?groupBy=severity&inactive=true&limit=100')
    ).json()) as { items: { severity: string }[] };
    const rank = { Critical: 0, Warning: 1, Information: 2 } as Record<string, number>;
    const ranks = page.items.map((a) => rank[a.severity] ?? 3);
    expect(ranks.length).toBeGreaterThan(0);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });
});
