/**
 * pnpm bench: the performance targets, measured and printed (not asserted in tests).
 * - loading the `large` fixture into a new SQLite file, and starting the store from it;
 * - advancing the simulated clock of the large estate by one day;
 * - the first page of members, alerts and jobs on the server;
 * - an event reaching a subscriber of the live stream after a command;
 * - each report's first view (its first request ever, then the median), for one DPM server and
 *   for the whole estate, a PDF export and a readiness check (the target: under 1 s each).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { openDb } from '@dpm/db/client';
import { getMeta } from '@dpm/db/estate-repository';
import { META_CLOCK, seedIfNew } from '@dpm/db/seed';
import { createApp } from '../src/app';
import { adminToken, bootstrapAdmin } from '../src/auth/service';
import { authSettings } from '../src/auth/settings';
import { EventBus } from '../src/events';
import { EstateStore } from '../src/store';
import { ReportingService } from '../src/reporting/service';
import { REPORT_IDS, REPORT_NAMES } from '@dpm/domain/reporting/document';

const dir = mkdtempSync(join(tmpdir(), 'dpm-bench-'));
const file = join(dir, 'bench.sqlite');
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const fmt = (n: number) => `${n.toFixed(1)} ms`;
const report = (k: string, v: string) => console.log(`${k}: ${v}`);

try {
  let t = process.hrtime.bigint();
  const db = openDb(file);
  seedIfNew(db, 'large', 0);
  report('load the large fixture into SQLite', fmt(ms(t)));

  t = process.hrtime.bigint();
  const log = pino({ level: 'silent' });
  const store = new EstateStore(db, new EventBus(), log, Number(getMeta(db, META_CLOCK)));
  report('start the store (estate into memory)', fmt(ms(t)));
  const e = store.estate;
  report(
    'estate size',
    `${Object.keys(e.servers).length} servers, ${Object.keys(e.computers).length} computers, ${Object.keys(e.dataSources).length} data sources, ${Object.keys(e.replicas).length} replicas, ${Object.keys(e.recoveryPoints).length} recovery points, ${Object.keys(e.tapes).length} tapes`,
  );

  await bootstrapAdmin(db, 'bench console passphrase', Date.now());
  const token = adminToken(db, Date.now());
  t = process.hrtime.bigint();
  const reporting = new ReportingService(db, store, null, log);
  report('build the indexes reports read through (at start)', fmt(ms(t)));
  const app = createApp({ store, reporting, db, log, version: 'bench', auth: authSettings(), config: { clock: 'manual', clockSpeed: 1, seed: 'large', dbFile: file } });
  const auth = { authorization: `Bearer ${token}` };
  const timeRequest = async (label: string, path: string, runs = 20) => {
    await app.request(path, { headers: auth });
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = process.hrtime.bigint();
      const res = await app.request(path, { headers: auth });
      await res.text();
      if (!res.ok) throw new Error(`${path}: ${res.status}`);
      times.push(ms(s));
    }
    times.sort((a, b) => a - b);
    report(label, `median ${fmt(times[Math.floor(runs / 2)] ?? 0)}, p95 ${fmt(times[Math.floor(runs * 0.95)] ?? 0)}`);
  };
  await timeRequest('members, first page (DPM01, 100 rows, by data source)', '/api/servers/srv-DPM01/protection/members?limit=100');
  await timeRequest('members, first page sorted by last recovery point', '/api/servers/srv-DPM01/protection/members?limit=100&sort=lastRecoveryPoint&dir=desc');

  t = process.hrtime.bigint();
  const outcome = store.advanceTo(store.now + 24 * 60 * 60_000);
  report('advance the large estate by one day (tick + commit)', `${fmt(ms(t))} (${outcome.changes.length} changes)`);

  // Reporting, after a day of ticks (the jobs' history has grown): the first request of each
  // report is its first view; the median follows.
  const once = async (label: string, path: string, init?: RequestInit) => {
    const s = process.hrtime.bigint();
    const res = await app.request(path, { ...init, headers: { ...auth, ...(init?.headers as Record<string, string> | undefined) } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    report(label, fmt(ms(s)));
  };
  for (const id of REPORT_IDS) {
    await once(`report ${REPORT_NAMES[id]}: first view (DPM01, week)`, `/api/reports/${id}?serverId=srv-DPM01`);
    await timeRequest(`report ${REPORT_NAMES[id]}: DPM01, week`, `/api/reports/${id}?serverId=srv-DPM01`, 5);
    await once(`report ${REPORT_NAMES[id]}: first view (entire estate, year)`, `/api/reports/${id}?period=Year`);
  }
  await once('report Status: PDF export (DPM01, month)', '/api/reports/status/export?serverId=srv-DPM01&period=Month&format=pdf');
  await once('readiness check (50 DPM servers, recorded)', '/api/readiness/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

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
} finally {
  rmSync(dir, { recursive: true, force: true });
}

