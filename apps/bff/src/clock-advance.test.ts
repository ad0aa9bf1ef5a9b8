import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMeta } from '@dpm/db/estate-repository';
import { openReader } from '@dpm/db/client';
import { META_CLOCK } from '@dpm/db/seed';
import { row, testApp } from './test-app';

const DAY_MINUTES = 24 * 60;
const MEMBERS = '/api/servers/srv-DS1/protection/members?limit=100';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The demo estate on a real SQLite file, the advance giving the event loop a turn every millisecond. */
function onFile(checkpointAsideRows?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'dpm-advance-'));
  dirs.push(dir);
  return testApp('demo', 'manual', undefined, null, {
    dbFile: join(dir, 'dpm.sqlite'),
    sliceMs: 1,
    checkpointAsideRows,
  });
}

/** Gives the event loop turns until `ready` holds (at most 10,000 of them). */
async function turnsUntil(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !ready(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(ready()).toBe(true);
}

describe('a clock advance never stops the console', () => {
  it(
    'answers health and a members page while a day is advanced, shows the estate as it was until the ' +
      'commit, and runs a command sent meanwhile after it, on the advanced estate',
    async () => {
      const t = onFile();
      const page = async () => (await t.app.request(MEMBERS)).text();
      const before = await page();
      const from = t.store.now;
      const order: string[] = [];

      const advance = Promise.resolve(t.json('/api/clock/advance', { minutes: DAY_MINUTES })).then((res) => {
        order.push('advance');
        return res;
      });
      // The advance's request first reads its body, which takes turns of the event loop of their own.
      await turnsUntil(() => t.store.advancing);
      const health = await t.app.request('/api/health');
      order.push('health');
      expect(health.status).toBe(200);
      expect(t.store.advancing).toBe(true);
      const during = await page();
      order.push('members');
      // Until the commit the clock, the database and the lists are the estate before the advance.
      expect(t.store.now).toBe(from);
      expect(during).toBe(before);

      const command = Promise.resolve(t.json('/api/servers/srv-DS1/agents/refresh', {})).then((res) => {
        order.push('command');
        return res;
      });
      const [advanced, commanded] = await Promise.all([advance, command]);
      expect(advanced.status).toBe(200);
      expect(commanded.status).toBe(200);
      expect(order).toEqual(['health', 'members', 'advance', 'command']);
      expect(t.store.now).toBe(from + DAY_MINUTES * 60_000);
      expect(Number(getMeta(t.db, META_CLOCK))).toBe(t.store.now);
      expect(await page()).not.toBe(before);
      // The command was decided on the advanced estate, at its time.
      const audit = row<{ action: string; simulated_at: number }>(
        t.db,
        "SELECT action, simulated_at FROM audit WHERE action = 'agents.refresh'",
      );
      expect(audit).toEqual({ action: 'agents.refresh', simulated_at: from + DAY_MINUTES * 60_000 });
    },
  );

  it(
    "a long advance's commit leaves its checkpoint to a thread of its own: the day is committed, then copied " +
      'into the file, and the next command commits as any',
    async () => {
      const t = onFile(0);
      const file = t.db.$client.name;
      const size = statSync(file).size;
      const res = await t.json('/api/clock/advance', { minutes: 7 * DAY_MINUTES });
      expect(res.status).toBe(200);
      const reader = openReader(t.db, file).$client;
      expect(reader.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(META_CLOCK)).toBe(String(t.store.now));
      reader.close();
      for (let i = 0; i < 100 && statSync(file).size === size; i++) await new Promise((r) => setTimeout(r, 50));
      expect(statSync(file).size).toBeGreaterThan(size);
      expect((await t.json('/api/servers/srv-DS1/agents/refresh', {})).status).toBe(200);
      expect(t.db.$client.inTransaction).toBe(false);
    },
  );

  it('two advances sent at once run one after the other: the clock moves by both', async () => {
    const t = onFile();
    const from = t.store.now;
    const [a, b] = await Promise.all([
      t.json('/api/clock/advance', { minutes: 60 }),
      t.json('/api/clock/advance', { minutes: 90 }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const clocks = [(await a.json()) as { now: number }, (await b.json()) as { now: number }].map((c) => c.now);
    expect(clocks).toEqual([from + 60 * 60_000, from + 150 * 60_000]);
    expect(Number(getMeta(t.db, META_CLOCK))).toBe(from + 150 * 60_000);
  });
});
