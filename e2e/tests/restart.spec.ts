import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
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
    const res = await server.api('/servers/srv-DS1/protection/consistency-checks', {
      method: 'POST',
      body: JSON.stringify({ replicaIds: ['rep-DS1-PS1-D'] }),
    });
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
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
        database: { ok: boolean; seed: string };
      };
      expect(health.database).toMatchObject({ ok: true, seed: 'scenario-1' });
      // Nothing acknowledged was lost: the job is as it was when the clock last moved.
      expect(await jobOf(server, jobId)).toEqual(running);
      await server.advance(20);
      expect((await jobOf(server, jobId))?.status).toBe('Completed');
      const members = (await (await server.api('/servers/srv-DS1/protection/members?search=D%3A')).json()) as {
        items: { id: string; status: string }[];
      };
      expect(members.items.find((m) => m.id === 'rep-DS1-PS1-D')?.status).toBe('OK');
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test(
  "the data folder is its owner's only (0700), the database and its WAL and SHM files 0600, tightened again at a " +
    'restart',
  async () => {
    const root = mkdtempSync(join(tmpdir(), 'dpm-modes-'));
    const dataDir = join(root, 'data');
    const mode = (path: string) => statSync(path).mode & 0o777;
    const files = ['dpm-console.sqlite', 'dpm-console.sqlite-wal', 'dpm-console.sqlite-shm'].map((f) =>
      join(dataDir, f),
    );
    try {
      mkdirSync(dataDir, { mode: 0o755 });
      chmodSync(dataDir, 0o755);
      let server = await startServer('empty', dataDir);
      expect(mode(dataDir)).toBe(0o700);
      for (const f of files) {
        expect(existsSync(f), f).toBe(true);
        expect(mode(f), f).toBe(0o600);
      }
      await server.stop('SIGKILL');
      // As an earlier version left them: readable by every local user.
      chmodSync(dataDir, 0o755);
      for (const f of files) if (existsSync(f)) chmodSync(f, 0o644);
      server = await startServer('empty', dataDir);
      try {
        expect(mode(dataDir)).toBe(0o700);
        for (const f of files) if (existsSync(f)) expect(mode(f), f).toBe(0o600);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
);
