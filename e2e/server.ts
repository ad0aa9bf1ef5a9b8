import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs } from '../apps/bff/server-command.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export type Seed = 'demo' | 'empty' | 'scenario-1' | 'scenario-2' | 'scenario-3' | 'large';

/** The administrator every e2e server starts with (DPM_ADMIN_PASSWORD). */
export const ADMIN = { username: 'admin', password: 'e2e console passphrase 2026' } as const;

export interface RunningServer {
  url: string;
  dataDir: string;
  /** An API token of the administrator, for calls the test makes itself. */
  token: string;
  /** fetch against this server's API as the administrator. */
  api: (path: string, init?: RequestInit) => Promise<Response>;
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

/** How long a server may take to seed and load its estate: `large` writes ~400k rows first. */
const HEALTHY_WITHIN_MS = (seed: Seed) => (seed === 'large' ? 120_000 : 30_000);

async function waitHealthy(url: string, child: ChildProcess, log: () => string, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
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

export interface ServerProcess extends RunningServer {
  /** Stops the process: SIGTERM for a clean stop, SIGKILL to rehearse a crash. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts the real server on a free port over `dataDir` (kept when the process stops). */
export async function startServer(seed: Seed, dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  let output = '';
  // One process running the server's build as npm start does (built by npm test and pnpm e2e:
  // apps/bff/build.mjs), so a SIGKILL really kills the server.
  const child = spawn(process.execPath, serverArgs('apps/bff/dist/server.mjs'), {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DPM_DATA_DIR: dataDir,
      DPM_SEED: seed,
      DPM_ADMIN_PASSWORD: ADMIN.password,
      DPM_CLOCK: 'manual',
      LOG_LEVEL: 'warn',
      DPM_CONSOLE_DIST: resolve(root, 'apps/console/dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(signal);
      await exited;
    }
  };
  try {
    await waitHealthy(url, child, () => output, HEALTHY_WITHIN_MS(seed));
  } catch (err) {
    await stop('SIGKILL');
    throw err;
  }
  let token: string;
  try {
    token = await adminToken(url);
  } catch (err) {
    await stop('SIGKILL');
    throw err;
  }
  const api = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return fetch(`${url}/api${path}`, { ...init, headers });
  };
  return {
    url,
    dataDir,
    token,
    api,
    stop,
    advance: async (minutes) => {
      const res = await api('/clock/advance', { method: 'POST', body: JSON.stringify({ minutes }) });
      if (!res.ok) throw new Error(`advance failed: ${res.status} ${await res.text()}`);
    },
  };
}

/** Signs in as the administrator and creates an API token (the data directory may be reused). */
async function adminToken(url: string): Promise<string> {
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify(ADMIN),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${url}/api/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, cookie },
    body: JSON.stringify({ name: 'e2e' }),
  });
  if (!res.ok) throw new Error(`token creation failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
