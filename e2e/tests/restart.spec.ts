import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from '../fixtures';

interface Job {
  id: string;
  type: string;
  status: string;
  transferredGb: number;
  totalGb: number;
}

async function jobOf(server: { api: (path: string) => Promise<Response> }, id: string): Promise<Job | undefined> {
  const res = await server.api('/servers/srv-DS1/jobs?limit=500');
  const page = (await res.json()) as { items: Job[] };
  return page.items.find((j) => j.id === id);
}

test('a server killed during a running job restarts on a consistent database and the job resumes', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dpm-restart-'));
  try {
    let server = await startServer('scenario-1', dataDir);
    // A consistency check of PS1's D:\ (250 GB) runs 25 simulated minutes.
    const res = await server.api('/servers/srv-DS1/protection/consistency-checks', { method: 'POST', body: JSON.stringify({ replicaIds: ['rep-DS1-PS1-D'] }) });
    expect(res.status).toBe(200);
    const { jobIds } = (await res.json()) as { jobIds: string[] };
    const jobId = jobIds[0] ?? '';
    await server.advance(10);
    const running = await jobOf(server, jobId);
    expect(running?.status).toBe('In progress');
    expect(running?.transferredGb).toBeGreaterThan(0);
    expect(running?.transferredGb).toBeLessThan(running?.totalGb ?? 0);

    await server.stop('SIGKILL');
    server = await startServer('scenario-1', dataDir);
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { database: { ok: boolean; seed: string } };
      expect(health.database).toMatchObject({ ok: true, seed: 'scenario-1' });
      // Nothing acknowledged was lost: the job is as it was when the clock last moved.
      expect(await jobOf(server, jobId)).toEqual(running);
      await server.advance(20);
      expect((await jobOf(server, jobId))?.status).toBe('Completed');
      const members = (await (await server.api('/servers/srv-DS1/protection/members?search=D%3A')).json()) as { items: { id: string; status: string }[] };
      expect(members.items.find((m) => m.id === 'rep-DS1-PS1-D')?.status).toBe('OK');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
