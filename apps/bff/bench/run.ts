/**
 * pnpm bench: the performance targets, measured and printed (not asserted in tests).
 * - loading the `large` fixture into a new SQLite file, and starting the store from it;
 * - advancing the simulated clock of the large estate by one day;
 * - the first page of members, alerts and jobs on the server;
 * - the protection topology's data and the DPM server list (target: topology under 50 ms), on
 *   `large` and on an `xlarge` estate of 250 servers (bench/xlarge.ts);
 * - an event reaching a subscriber of the live stream after a command;
 * - one small command committed with synchronous = NORMAL and = FULL (the price of durability).
 * - each report's first view (its first request ever, then the median), for one DPM server and
 *   for the whole estate, a PDF export and a readiness check (the target: under 1 s each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openDb, openReader } from '@dpm/db/client';
import { getMeta } from '@dpm/db/estate-repository';
import { META_CLOCK, seedIfNew } from '@dpm/db/seed';
import { createApp } from '../src/app';
import { adminToken, bootstrapAdmin } from '../src/auth/service';
import { authSettings } from '../src/auth/settings';
import { EventBus } from '../src/events';
import { EstateStore } from '../src/store';
import { startVssWriterOperation, stopVssWriterOperation } from '@dpm/domain/estate/set-vss-writer';
import { appendAudit } from '@dpm/db/audit-repository';
import { isDomainError } from '@dpm/domain/errors';

import { seedXlarge } from './xlarge';
import { ReportingService } from '../src/reporting/service';
import { REPORT_IDS, REPORT_NAMES } from '@dpm/domain/reporting/document';

const dir = mkdtempSync(join(tmpdir(), 'dpm-bench-'));
const file = join(dir, 'bench.sqlite');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const report = (k: string, v: string) => console.log(`${k}: ${v}`);

/** Times a GET against an app, after one warm-up request: the median and p95 of `runs`. */
const timer =
  (app: ReturnType<typeof createApp>, headers: Record<string, string>) =>
  async (label: string, path: string, runs = 20): Promise<void> => {
    await app.request(path, { headers });
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = process.hrtime.bigint();
      const res = await app.request(path, { headers });
      await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      times.push(ms(s));
    }
    times.sort((a, b) => a - b);
    report(label, `median ${fmt(times[Math.floor(runs / 2)] ?? 0)}, p95 ${fmt(times[Math.floor(runs * 0.95)] ?? 0)}`);
  };

try {
  let t = process.hrtime.bigint();
  const db = openDb(file);
  seedIfNew(db, 'large', 0);
  report('load the large fixture into SQLite', fmt(ms(t)));

  t = process.hrtime.bigint();
  const log = pino({ level: 'silent' });
  const reads = openReader(db, file);
  const store = new EstateStore(db, new EventBus(), log, Number(getMeta(db, META_CLOCK)), { reads });
  report('start the store (estate into memory, its recovery points read from SQLite)', fmt(ms(t)));
  const e = store.estate;
  report(
    'estate size',
    `${Object.keys(e.servers).length} servers, ${Object.keys(e.computers).length} computers, ` +
      `${Object.keys(e.dataSources).length} data sources, ${Object.keys(e.replicas).length} replicas, ` +
      `${String(db.$client.prepare('SELECT count(*) FROM recovery_points').pluck().get())} recovery points, ` +
      `${Object.keys(e.tapes).length} tapes`,
  );

  await bootstrapAdmin(db, 'bench console passphrase', Date.now());
  const token = adminToken(db, Date.now());
  t = process.hrtime.bigint();
  const reporting = new ReportingService(db, store, null, log);
  report('build the indexes reports read through (at start)', fmt(ms(t)));
  const app = createApp({
    store,
    reporting,
    db,
    reads,
    log,
    version: 'bench',
    auth: authSettings(),
    config: { clock: 'manual', clockSpeed: 1, seed: 'large', dbFile: file, publicOrigin: 'http://localhost' },
  });
  const auth = { authorization: `Bearer ${token}` };
  const timeRequest = timer(app, auth);
  await timeRequest(
    'members, first page (DPM01, 100 rows, by data source)',
    '/api/servers/srv-DPM01/protection/members?limit=100',
  );
  await timeRequest(
    'members, first page sorted by last recovery point',
    '/api/servers/srv-DPM01/protection/members?limit=100&sort=lastRecoveryPoint&dir=desc',
  );
  await timeRequest(
    'topology (GET /api/topology, large: 50 servers, 5,050 computers; target < 50 ms)',
    '/api/topology',
  );
  await timeRequest('DPM server list (GET /api/servers, large)', '/api/servers');
  await timeRequest(
    'what DPM01 protects, first page (GET /api/servers/srv-DPM01/protects)',
    '/api/servers/srv-DPM01/protects?limit=100',
  );
  await timeRequest('topology search (SRV01042)', '/api/topology/search?q=SRV01042');

  t = process.hrtime.bigint();
  const outcome = await store.advanceTo(store.now + 24 * 60 * 60_000);
  report('advance the large estate by one day (tick + commit)', `${fmt(ms(t))} (${outcome.changes.length} changes)`);

  // Reporting, after a day of ticks (the jobs' history has grown): the first request of each
  // report is its first view; the median follows.
  const once = async (label: string, path: string, init?: RequestInit) => {
    const s = process.hrtime.bigint();
    const res = await app.request(path, {
      ...init,
      headers: { ...auth, ...(init?.headers as Record<string, string> | undefined) },
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    report(label, fmt(ms(s)));
  };
  for (const id of REPORT_IDS) {
    await once(`report ${REPORT_NAMES[id]}: first view (DPM01, week)`, `/api/reports/${id}?serverId=srv-DPM01`);
    await timeRequest(`report ${REPORT_NAMES[id]}: DPM01, week`, `/api/reports/${id}?serverId=srv-DPM01`, 5);
    await once(`report ${REPORT_NAMES[id]}: first view (entire estate, year)`, `/api/reports/${id}?period=Year`);
  }
  await once(
    'report Status: PDF export (DPM01, month)',
    '/api/reports/status/export?serverId=srv-DPM01&period=Month&format=pdf',
  );
  await once('readiness check (50 DPM servers, recorded)', '/api/readiness/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });

  await timeRequest('alerts, first page (DPM01)', '/api/servers/srv-DPM01/alerts?limit=100&inactive=true');
  await timeRequest('jobs, first page (DPM01)', '/api/servers/srv-DPM01/jobs?limit=100');

  // A console's view: the SSE stream, read as a browser would, until the command's event arrives.
  const stream = await app.request('/api/events', { headers: auth });
  const reader = stream.body?.getReader();
  if (!reader) throw new Error('no event stream');
  const decoder = new TextDecoder();
  await reader.read();
  const replicaId = Object.values(e.replicas).find((r) => r.serverId === 'srv-DPM01')?.id;
  const sent = process.hrtime.bigint();
  const res = await app.request('/api/servers/srv-DPM01/protection/consistency-checks', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ replicaIds: [replicaId] }),
  });
  if (!res.ok) throw new Error(`command failed: ${res.status} ${await res.text()}`);
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) throw new Error('the event stream ended');
    if (decoder.decode(chunk.value).includes('event: change')) break;
  }
  report('command → event on the SSE stream of a connected console', fmt(ms(sent)));
  await reader.cancel();
  db.$client.close();

  // What synchronous = FULL costs (packages/db/src/client.ts): the same small command, one
  // committed transaction with its audit entry, on a database file with either setting.
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const small = openDb(join(dir, `durability-${mode}.sqlite`));
    small.$client.pragma(`synchronous = ${mode}`);
    seedIfNew(small, 'scenario-1', 0);
    const smallStore = new EstateStore(small, new EventBus(), log, Number(getMeta(small, META_CLOCK)));
    const runs = 200;
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = process.hrtime.bigint();
      const op = i % 2 === 0 ? stopVssWriterOperation : startVssWriterOperation;
      const result = smallStore.execute(
        op,
        { serverId: 'srv-DS1', state: i % 2 === 0 ? 'Stopped' : 'Running' },
        { name: 'bench', role: 'Administrator' },
        (tx) =>
          appendAudit(tx, {
            at: Date.now(),
            simulatedAt: smallStore.now,
            actor: 'bench',
            action: op.id,
            target: 'srv-DS1',
            outcome: 'success',
            code: null,
            address: null,
            detail: '',
          }),
      );
      if (isDomainError(result)) throw new Error(result.message);
      times.push(ms(s));
    }
    times.sort((a, b) => a - b);
    const total = times.reduce((a, b) => a + b, 0);
    report(
      `one command committed with synchronous = ${mode}`,
      `median ${times[Math.floor(runs / 2)]?.toFixed(2) ?? '?'} ms, ` +
        `p95 ${times[Math.floor(runs * 0.95)]?.toFixed(2) ?? '?'} ms, ${Math.round((runs * 1000) / total)} commands/s`,
    );
    small.$client.close();
  }

  // xlarge: 250 DPM servers and 25,000 computers, in a database of its own.
  t = process.hrtime.bigint();
  const xdb = openDb(join(dir, 'xlarge.sqlite'));
  seedXlarge(xdb);
  const xreads = openReader(xdb, join(dir, 'xlarge.sqlite'));
  const xstore = new EstateStore(xdb, new EventBus(), log, Number(getMeta(xdb, META_CLOCK)), { reads: xreads });
  report('load and start the xlarge estate (250 servers, 25,000 computers)', fmt(ms(t)));
  await bootstrapAdmin(xdb, 'bench console passphrase', Date.now());
  const xapp = createApp({
    store: xstore,
    reporting: new ReportingService(xdb, xstore, null, log),
    db: xdb,
    reads: xreads,
    log,
    version: 'bench',
    auth: authSettings(),
    config: {
      clock: 'manual',
      clockSpeed: 1,
      seed: 'large',
      dbFile: join(dir, 'xlarge.sqlite'),
      publicOrigin: 'http://localhost',
    },
  });
  const xauth = { authorization: `Bearer ${adminToken(xdb, Date.now())}` };
  await timer(xapp, xauth)('topology (GET /api/topology, xlarge: 250 servers)', '/api/topology');
  await timer(xapp, xauth)('DPM server list (GET /api/servers, xlarge)', '/api/servers');
  xdb.$client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
