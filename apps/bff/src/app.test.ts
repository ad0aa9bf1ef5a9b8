import { describe, expect, it } from 'vitest';
import { TEST_ORIGIN, row, testApp } from './test-app';

describe('system routes', () => {
  it('GET /api/health answers with the version and the database state', async () => {
    const { app, db } = testApp('scenario-1');
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      version: string;
      database: { ok: boolean; seed: string; migrations: number; servers: number };
    };
    expect(body).toMatchObject({
      status: 'ok',
      version: 'test',
      database: { ok: true, seed: 'scenario-1', servers: 4 },
    });
    expect(body.database).not.toHaveProperty('file');
    expect(body.database.migrations).toBeGreaterThanOrEqual(1);
    expect(body.database.migrations).toBe(row<{ n: number }>(db, 'SELECT count(*) AS n FROM __drizzle_migrations').n);
  });

  it('GET /api/health asks the database each time: a database gone is reported degraded', async () => {
    const { app, db } = testApp('scenario-1');
    const state = async () => ((await (await app.request('/api/health')).json()) as { status: string }).status;
    expect(await state()).toBe('ok');
    expect(await state()).toBe('ok');
    db.$client.close();
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'degraded', database: { ok: false, seed: null } });
  });

  it('GET /api/openapi.json describes every route of the API', async () => {
    const { app } = testApp('empty');
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const served = app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(30);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it('a bad query parameter gets a 400 that names the field', async () => {
    const { app } = testApp('scenario-1');
    const res = await app.request('/api/servers/srv-DS1/protection/members?limit=many');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string; target: string } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.target).toBe('limit');
    expect(body.error.message).toContain('"limit"');
  });

  it('an unknown query field is refused and named', async () => {
    const { app } = testApp('scenario-1');
    const res = await app.request('/api/servers/srv-DS1/jobs?colour=blue');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('colour');
  });

  it('the manual clock advances and runs jobs; the real clock refuses', async () => {
    const manual = testApp('scenario-1');
    const before = manual.store.now;
    const res = await manual.json('/api/clock/advance', { minutes: 30 });
    expect(res.status).toBe(200);
    expect(manual.store.now).toBe(before + 30 * 60_000);
    const real = testApp('empty', 'real');
    expect((await real.json('/api/clock/advance', { minutes: 1 })).status).toBe(409);
  });
});

describe('commands through the API', () => {
  it(
    'a rule refusal is a 422 with the rule code and sentence, changes nothing, and is audited (seed 004: ' +
      'CHAIN_INDIRECT)',
    async () => {
      const { json, db, store } = testApp('scenario-2');
      const count = () =>
        row<{ n: number }>(
          db,
          'SELECT (SELECT count(*) FROM replicas) + (SELECT count(*) FROM protection_groups) + (SELECT count(*) FROM ' +
            'jobs) AS n',
        ).n;
      const before = count();
      const res = await json('/api/servers/srv-DS3/protection/groups', {
        name: 'DS1 directly',
        members: [{ dataSourceId: 'ds-DS1-DPMDB', sourceServerId: null }],
        disk: { retentionDays: 10, syncFrequencyMinutes: 1440, recoveryPointTimes: [], expressFullTimes: [1260] },
        tape: null,
        online: null,
        replicaCreation: 'Now',
        consistencyCheck: { runIfInconsistent: false, dailyAt: null },
      });
      expect(res.status).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('CHAIN_INDIRECT');
      expect(body.error.message).toMatch(/DS3 already protects DS1's data through the chain/);
      expect(count()).toBe(before);
      expect(Object.values(store.estate.groups).some((g) => g.name === 'DS1 directly')).toBe(false);
      const audit = row(db, 'SELECT outcome, code FROM audit ORDER BY id DESC LIMIT 1');
      expect(audit).toEqual({ outcome: 'refused', code: 'CHAIN_INDIRECT' });
    },
  );

  it('a successful command is one transaction with its audit entry, and queues its job', async () => {
    const { json, db } = testApp('scenario-1');
    const res = await json('/api/servers/srv-DS1/protection/consistency-checks', { replicaIds: ['rep-DS1-PS1-C'] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { jobIds: string[] };
    expect(body.jobIds).toHaveLength(1);
    const job = row(db, 'SELECT type, status FROM jobs WHERE id = ?', body.jobIds[0]);
    expect(job).toEqual({ type: 'Consistency check', status: 'Scheduled' });
    expect(row(db, 'SELECT outcome, action FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
      outcome: 'success',
      action: 'protection.consistency-check',
    });
  });

  it('audits every mutating request and every refusal exactly once, including those no verb reached', async () => {
    const t = testApp('scenario-1');
    const count = () => row<{ n: number }>(t.db, 'SELECT count(*) AS n FROM audit').n;
    const last = () =>
      row<{ actor: string; action: string; outcome: string; code: string | null }>(
        t.db,
        'SELECT actor, action, outcome, code FROM audit ORDER BY id DESC LIMIT 1',
      );
    let before = count();
    // Accepted by the domain: one entry, the verb's.
    expect(
      (await t.json('/api/servers/srv-DS1/protection/consistency-checks', { replicaIds: ['rep-DS1-PS1-C'] })).status,
    ).toBe(200);
    expect(count()).toBe(before + 1);
    expect(last()).toMatchObject({ action: 'protection.consistency-check', outcome: 'success' });
    // Invalid input, answered by the router before any verb.
    before = count();
    expect((await t.json('/api/servers/srv-DS1/protection/consistency-checks', { replicaIds: 'all' })).status).toBe(
      400,
    );
    expect(count()).toBe(before + 1);
    expect(last()).toMatchObject({
      action: 'POST /api/servers/:serverId/protection/consistency-checks',
      outcome: 'refused',
      code: 'INVALID_INPUT',
    });
    // A server that does not exist.
    expect((await t.json('/api/servers/srv-NOPE/protection/consistency-checks', { replicaIds: ['x'] })).status).toBe(
      404,
    );
    expect(last()).toMatchObject({ outcome: 'refused', code: 'NOT_FOUND' });
    // A refusal by the domain: one entry with its rule code, not two.
    before = count();
    expect(
      (
        await t.json('/api/servers/srv-DS1/protection/recovery-points', {
          replicaIds: ['rep-DS1-PS1-C'],
          location: 'Tape',
        })
      ).status,
    ).toBe(409);
    expect(count()).toBe(before + 1);
    // A read without a session.
    expect((await t.raw.request('/api/servers')).status).toBe(401);
    expect(last()).toMatchObject({
      actor: 'anonymous',
      action: 'GET /api/servers',
      outcome: 'refused',
      code: 'UNAUTHENTICATED',
    });
    // A mutation that is not JSON.
    expect(
      (
        await t.app.request('/api/servers/srv-DS1/fail', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    expect(last()).toMatchObject({ action: 'server-recovery.mark-failed', outcome: 'refused', code: 'INVALID_INPUT' });
  });

  it('keeps the audit trail append-only: the database refuses to change or remove an entry', async () => {
    const { json, db } = testApp('scenario-1');
    expect(
      (await json('/api/servers/srv-DS1/protection/consistency-checks', { replicaIds: ['rep-DS1-PS1-C'] })).status,
    ).toBe(200);
    const before = row<{ n: number }>(db, 'SELECT count(*) AS n FROM audit').n;
    expect(before).toBeGreaterThan(0);
    expect(() => db.$client.prepare("UPDATE audit SET outcome = 'success'").run()).toThrow(
      'The audit trail is append-only.',
    );
    expect(() => db.$client.prepare('DELETE FROM audit').run()).toThrow('The audit trail is append-only.');
    expect(row<{ n: number }>(db, 'SELECT count(*) AS n FROM audit').n).toBe(before);
  });

  it('refuses a signed-in mutation from another origin, another media type and a body that is not JSON', async () => {
    const t0 = testApp('scenario-1');
    const { app } = t0;
    const cookie = await t0.session();
    const fail = (headers: Record<string, string>) =>
      t0.raw.request('/api/servers/srv-DS1/fail', {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: '{}',
      });
    expect((await fail({ origin: 'https://evil.example' })).status).toBe(403);
    // A browser that sends no Origin still says where the request comes from.
    expect((await fail({ 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await fail({ 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect(t0.store.estate.servers['srv-DS1']?.state).toBe('Online');
    const res = await app.request('/api/servers/srv-DS1/fail', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    const broken = await app.request('/api/servers/srv-DS1/protection/consistency-checks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(broken.status).toBe(400);
    expect((await fail({ origin: TEST_ORIGIN })).status).toBe(200);
  });

  it('a member of another server is not found, whatever the path says', async () => {
    const { json } = testApp('scenario-1');
    const res = await json('/api/servers/srv-DS2/protection/consistency-checks', { replicaIds: ['rep-DS1-PS1-C'] });
    expect(res.status).toBe(404);
  });
});

describe('read models', () => {
  it('pages members with a keyset cursor, sorted on the server', async () => {
    const { app } = testApp('scenario-1');
    const page = async (cursor?: string) => {
      const res = await app.request(
        `/api/servers/srv-DS4/protection/members?limit=2&sort=dataSource${cursor ? `&cursor=${cursor}` : ''}`,
      );
      return (await res.json()) as {
        items: { id: string; dataSource: string }[];
        nextCursor: string | null;
        total: number;
      };
    };
    const seen: { id: string; dataSource: string }[] = [];
    let p = await page();
    const total = p.total;
    for (;;) {
      seen.push(...p.items);
      if (!p.nextCursor) break;
      p = await page(p.nextCursor);
    }
    // DS3's database and folders, and the six replicas DS3 protects directly (DPM's chaining documentation).
    expect(total).toBe(9);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.id)).size).toBe(total);
    // Ordered by data source (SQLite NOCASE: ASCII letters folded, then code points), then id.
    for (let i = 1; i < seen.length; i += 1) {
      const [a, b] = [seen[i - 1], seen[i]] as [{ id: string; dataSource: string }, { id: string; dataSource: string }];
      const [x, y] = [a.dataSource.toLowerCase(), b.dataSource.toLowerCase()];
      expect(x < y || (x === y && a.id < b.id), `${a.dataSource} ${a.id} before ${b.dataSource} ${b.id}`).toBe(true);
    }
  });
});
