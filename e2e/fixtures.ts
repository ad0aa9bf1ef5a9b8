import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export type Seed = 'demo' | 'empty' | 'scenario-1' | 'scenario-2' | 'scenario-3' | 'large';

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Moves the manual simulated clock, as POST /api/clock/advance does. */
  advance: (minutes: number) => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the server did not become healthy:\n${log()}`);
}

/**
 * Each test gets its own server process on a free port, a new data directory and the fixture
 * it asks for (`test.use({ seed: 'scenario-1' })`), with the clock held still (DPM_CLOCK=manual).
 */
export const test = base.extend<{ seed: Seed; server: RunningServer }>({
  seed: ['demo', { option: true }],
  server: async ({ seed }, use) => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'dpm-e2e-'));
    let output = '';
    const child = spawn(resolve(root, 'apps/bff/node_modules/.bin/tsx'), ['apps/bff/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DPM_DATA_DIR: dataDir, DPM_SEED: seed, DPM_CLOCK: 'manual', LOG_LEVEL: 'warn', DPM_CONSOLE_DIST: resolve(root, 'apps/console/dist') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitHealthy(url, child, () => output);
      await use({
        url,
        dataDir,
        advance: async (minutes) => {
          const res = await fetch(`${url}/api/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ minutes }) });
          if (!res.ok) throw new Error(`advance failed: ${res.status} ${await res.text()}`);
        },
      });
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r).once('error', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect };

/** Connect to DPM server: the header dialog. */
export async function connectTo(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Connect to DPM server' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect to DPM server' });
  await dialog.getByRole('radio', { name: new RegExp(`^${name} \\(`) }).check();
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByLabel('Connected DPM server')).toContainText(name);
}

export function workArea(page: Page, name: 'Monitoring' | 'Protection' | 'Recovery' | 'Reporting' | 'Management') {
  return page.getByRole('navigation', { name: 'Work areas' }).getByRole('link', { name, exact: true });
}
