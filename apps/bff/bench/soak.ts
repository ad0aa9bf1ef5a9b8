/**
 * pnpm bench:soak: the real server held under list-page load for two minutes (SOAK_SECONDS).
 *
 * Why: better-sqlite3 before 13 derived its Statement from node::ObjectWrap, whose destructor
 * removes an environment cleanup hook since Node 24.19; an idle garbage collection of a statement
 * then aborts the process ("Assertion failed: (env) != nullptr") after some thousands of list
 * requests. This soak is what shows that the server on this Node survives that load.
 * Prints the Node version, requests answered, their rate and status classes, and fails (exit 1)
 * when the server dies or stops answering.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverArgs } from '../server-command.mjs';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const seconds = Number(process.env.SOAK_SECONDS ?? 120);
const clients = Number(process.env.SOAK_CLIENTS ?? 16);
const seed = process.env.SOAK_SEED ?? 'demo';
const password = 'soak test passphrase 2026';

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'dpm-soak-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, serverArgs('apps/bff/dist/server.mjs'), {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DPM_DATA_DIR: dir,
    DPM_SEED: seed,
    DPM_ADMIN_PASSWORD: password,
    DPM_CLOCK: 'manual',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'pipe'],
});
let stderr = '';
child.stderr.on('data', (d: Buffer) => {
  stderr += d.toString();
  process.stderr.write(d);
});
let exit: string | null = null;
child.once('exit', (code, signal) => (exit = signal ?? `exit code ${code}`));

async function until(ok: () => Promise<boolean>, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (exit !== null) throw new Error(`the server stopped (${exit})`);
    if (await ok().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server did not answer');
}

let failed = false;
try {
  await until(async () => (await fetch(`${url}/api/health`)).ok, 120_000);
  const signIn = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const get = (path: string) => fetch(`${url}/api${path}`, { headers: { cookie } });
  const servers = (await (await get('/servers')).json()) as { id: string }[];
  const paths = servers
    .slice(0, 8)
    .flatMap((s) => [
      `/servers/${s.id}/protection/members?limit=100`,
      `/servers/${s.id}/protection/members?limit=50&sort=status&dir=desc`,
      `/servers/${s.id}/alerts?limit=100&inactive=true`,
      `/servers/${s.id}/jobs?limit=100`,
      `/servers/${s.id}/jobs?limit=100&groupBy=status`,
      `/servers/${s.id}/recovery/data-sources`,
    ]);
  paths.push('/servers');

  const status = new Map<string, number>();
  let requests = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  const progress = setInterval(() => {
    console.log(
      `  ${Math.round((Date.now() - started) / 1000)} s: ${requests} requests, ` +
        `server ${exit === null ? 'up' : `gone (${exit})`}`,
    );
  }, 15_000);
  // Load in bursts with idle pauses between them: the abort came from a garbage collection run
  // while the server was idle (V8's memory reducer), not while it was busy answering.
  const burstMs = Number(process.env.SOAK_BURST_SECONDS ?? 8) * 1000;
  const idleMs = Number(process.env.SOAK_IDLE_SECONDS ?? 4) * 1000;
  while (Date.now() < end && exit === null) {
    const burstEnd = Math.min(end, Date.now() + burstMs);
    await Promise.all(
      Array.from({ length: clients }, async (_, i) => {
        let n = i + requests;
        while (Date.now() < burstEnd && exit === null) {
          const path = paths[n++ % paths.length] ?? '/servers';
          try {
            const res = await get(path);
            await res.arrayBuffer();
            const key = `${Math.floor(res.status / 100)}xx`;
            status.set(key, (status.get(key) ?? 0) + 1);
          } catch {
            status.set('no answer', (status.get('no answer') ?? 0) + 1);
          }
          requests++;
        }
      }),
    );
    if (Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(idleMs, end - Date.now())));
  }
  clearInterval(progress);
  const elapsed = (Date.now() - started) / 1000;
  const alive =
    exit === null &&
    (await fetch(`${url}/api/health`)
      .then((r) => r.ok)
      .catch(() => false));
  const requireFromDb = createRequire(resolve(root, 'packages/db/package.json'));
  const sqliteVersion = (requireFromDb('better-sqlite3/package.json') as { version: string }).version;
  console.log(`node: ${process.version} (better-sqlite3 ${sqliteVersion})`);
  console.log(
    `soak: ${seconds} s on the ${seed} estate, ${clients} clients in bursts of ${burstMs / 1000} s ` +
      `with ${idleMs / 1000} s idle: ${requests} list requests, ${(requests / elapsed).toFixed(0)} req/s overall`,
  );
  console.log(`answers: ${[...status].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`server after the soak: ${alive ? 'alive, answering /api/health' : `DEAD (${exit ?? 'not answering'})`}`);
  const bad = [...status].filter(([k]) => k !== '2xx').reduce((n, [, v]) => n + v, 0);
  failed = !alive || bad > 0;
} catch (err) {
  console.error(`soak failed: ${err instanceof Error ? err.message : String(err)}`);
  if (/Assertion failed|SIGABRT/.test(stderr)) console.error('the server aborted: see its output above');
  failed = true;
} finally {
  if (exit === null) child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
