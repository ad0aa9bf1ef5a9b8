/**
 * pnpm bench: the console measured from outside, beside the floor on the same machine in the
 * same run, printed as one table (figure, value, floor, ratio, budget, within budget).
 *
 * The console is the real server (dist/server.mjs, as npm start runs it: its own process, manual clock) on a copy of a
 * freshly seeded `large` (and `xlarge`: BENCH_XLARGE=1) database; the floor (bench/floor.mjs) is
 * node:http + better-sqlite3 on another copy of the same file, answering each page with one
 * prepared statement and the console's own JSON bytes, and the tick by replaying the rows the
 * console's one-day advance changed, in one transaction. Loads are autocannon's, at 1 and 50
 * clients, BENCH_SECONDS each (5). Budgets are printed, never asserted: they stay out of npm test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '@dpm/db/client';
import { seedIfNew } from '@dpm/db/seed';
import { entityTables } from '@dpm/db/schema';
import { ENTITY_NAMES } from '@dpm/domain/model';
import { adminToken, bootstrapAdmin } from '../src/auth/service';
import { seedXlarge } from './xlarge';
import { serverArgs } from '../server-command.mjs';
import type { Row } from './measure';
import { SECONDS, freePort, load, p95, probe, sleep, statusKb, table, waitFor } from './measure';

const BFF = fileURLToPath(new URL('..', import.meta.url));
const PASSWORD = 'bench console passphrase';
const DAY_MINUTES = 24 * 60;

async function estate(seed: 'large' | 'xlarge'): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), `dpm-bench-${seed}-`));
  const children: ChildProcess[] = [];
  try {
    const appDir = join(dir, 'app');
    mkdirSync(appDir, { mode: 0o700 });
    const base = join(dir, 'base.sqlite');
    const db = openDb(base);
    if (seed === 'large') seedIfNew(db, 'large', 0);
    else seedXlarge(db);
    await bootstrapAdmin(db, PASSWORD, Date.now());
    const token = adminToken(db, Date.now());
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.close();
    const appFile = join(appDir, 'dpm-console.sqlite');
    const floorFile = join(dir, 'floor.sqlite');
    copyFileSync(base, appFile);
    copyFileSync(base, floorFile);

    const appPort = await freePort();
    const app = spawn(process.execPath, serverArgs('dist/server.mjs'), {
      cwd: BFF,
      env: {
        ...process.env,
        PORT: String(appPort),
        HOST: '127.0.0.1',
        DPM_DATA_DIR: appDir,
        DPM_CLOCK: 'manual',
        DPM_SEED: seed === 'large' ? 'large' : 'empty',
        LOG_LEVEL: 'warn',
        DPM_ADMIN_PASSWORD: PASSWORD,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(app);
    const bodiesFile = join(dir, 'bodies.json');
    writeFileSync(bodiesFile, '{}');
    const floorPort = await freePort();
    const floor = spawn(process.execPath, ['bench/floor.mjs', floorFile, String(floorPort), bodiesFile], {
      cwd: BFF,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(floor);
    const A = `http://127.0.0.1:${appPort}`;
    const F = `http://127.0.0.1:${floorPort}`;
    const auth = { authorization: `Bearer ${token}` };
    await waitFor(`${A}/api/health`);
    await waitFor(`${F}/rss`);

    // The first primary of either estate (the generator names xlarge's servers as large's: DPM01…).
    const server = 'srv-DPM01';
    const paths = {
      health: '/api/health',
      servers: '/api/servers',
      members: `/api/servers/${server}/protection/members?limit=100`,
      jobs: `/api/servers/${server}/jobs?limit=100`,
      alerts: `/api/servers/${server}/alerts?limit=100&inactive=true`,
    } as const;
    const floorPaths = {
      health: '/health',
      servers: '/servers',
      members: `/members?server=${server}`,
      jobs: `/jobs?server=${server}`,
      alerts: `/alerts?server=${server}`,
    } as const;
    for (const p of Object.values(paths)) {
      const res = await fetch(A + p, { headers: auth });
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    }
    await sleep(2000);
    const idleRss = statusKb(app.pid ?? 0, 'VmRSS') / 1024;
    const floorIdleRss = statusKb(floor.pid ?? 0, 'VmRSS') / 1024;

    // The one-day advance, with a console asking for its health and a members page meanwhile.
    let advancing = true;
    const started = performance.now();
    const advance = fetch(`${A}/api/clock/advance`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', origin: A },
      body: JSON.stringify({ minutes: DAY_MINUTES }),
    }).then(async (res) => {
      const ms = performance.now() - started;
      advancing = false;
      if (!res.ok) throw new Error(`advance: ${res.status} ${await res.text()}`);
      return ms;
    });
    const [advanceMs, healthDuring, membersDuring] = await Promise.all([
      advance,
      probe(A + paths.health, auth, () => !advancing),
      probe(A + paths.members, auth, () => !advancing),
    ]);
    const peakRss = statusKb(app.pid ?? 0, 'VmHWM') / 1024;

    // The floor replays the same changed rows in one transaction.
    const tables = ENTITY_NAMES.map(
      (n) => (entityTables[n] as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')],
    ).join(',');
    const prepared = (await (
      await fetch(`${F}/prepare-tick?after=${encodeURIComponent(appFile)}&tables=${tables}`)
    ).json()) as { rows: number };
    const floorTick = (await (await fetch(`${F}/tick`)).json()) as { ms: number };

    const bodies: Record<string, string> = {};
    for (const [k, p] of Object.entries(paths)) bodies[k] = await (await fetch(A + p, { headers: auth })).text();
    writeFileSync(bodiesFile, JSON.stringify(bodies));
    await fetch(`${F}/load-bodies`);
    const floorHealth = await load(F + floorPaths.health, 1, {});
    const floorMembers = await load(F + floorPaths.members, 1, {});

    const rows: Row[] = [
      {
        figure: `one-day advance (${prepared.rows.toLocaleString('en')} rows changed)`,
        value: advanceMs,
        floor: floorTick.ms,
        unit: 'ms',
        budget: { kind: 'max-ratio', n: 2 },
      },
      {
        figure: `/api/health p95 during the advance (${healthDuring.length} asked)`,
        value: p95(healthDuring),
        floor: floorHealth.p95,
        unit: 'ms',
        budget: { kind: 'max', n: 50 },
      },
      {
        figure: `members page p95 during the advance (${membersDuring.length} asked)`,
        value: p95(membersDuring),
        floor: floorMembers.p95,
        unit: 'ms',
        budget: { kind: 'max', n: 50 },
      },
    ];
    const pages = [
      ['GET /api/servers', 'servers', 2, 0.5],
      ['members first page', 'members', 1.25, 0.8],
      ['jobs first page', 'jobs', 1.25, 0.8],
      ['alerts first page', 'alerts', 1.25, 0.8],
    ] as const;
    for (const [label, key, maxP95, minRps] of pages) {
      for (const connections of [1, 50]) {
        const a = await load(A + paths[key], connections, auth);
        const f = await load(F + floorPaths[key], connections, {});
        rows.push({
          figure: `${label}, ${connections} client${connections > 1 ? 's' : ''}, p95`,
          value: a.p95,
          floor: f.p95,
          unit: 'ms',
          budget: { kind: 'max-ratio', n: maxP95 },
        });
        rows.push({
          figure: `${label}, ${connections} client${connections > 1 ? 's' : ''}, throughput`,
          value: a.rps,
          floor: f.rps,
          unit: 'req/s',
          budget: { kind: 'min-ratio', n: minRps },
        });
      }
    }
    rows.push({ figure: 'RSS idle', value: idleRss, floor: floorIdleRss, unit: 'MB', budget: { kind: 'max', n: 250 } });
    rows.push({
      figure: 'RSS peak (start and the advance)',
      value: peakRss,
      floor: statusKb(floor.pid ?? 0, 'VmHWM') / 1024,
      unit: 'MB',
      budget: { kind: 'max', n: 400 },
    });
    return rows.map((r) => ({ ...r, figure: `${seed}: ${r.figure}` }));
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await sleep(500);
    rmSync(dir, { recursive: true, force: true });
  }
}

const rows = await estate('large');
if (process.env.BENCH_XLARGE === '1') rows.push(...(await estate('xlarge')));
console.log(
  `\nMachine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB, ` +
    `Node ${process.version}; ${SECONDS} s per load\n`,
);
console.log(table(rows));
