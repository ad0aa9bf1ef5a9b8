import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { readerToken, row, testApp } from './test-app';
import { authSettings } from './auth/settings';
import { withReadShortcuts } from './read-shortcut';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** The app behind the shortcuts on a real HTTP server, counting the requests that reach the app. */
async function listening(t: ReturnType<typeof testApp>) {
  let reachedApp = 0;
  const app = getRequestListener(t.raw.fetch);
  const counted: RequestListener = (req, res) => {
    reachedApp += 1;
    void app(req, res);
  };
  const server = createServer(withReadShortcuts({ db: t.db, auth: authSettings(), store: t.store }, counted));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, reachedApp: () => reachedApp };
}

/** An answer's headers but those of the moment (date, request id) and of the connection. */
function lasting(res: Response): Record<string, string> {
  const passing = new Set(['date', 'x-request-id', 'connection', 'keep-alive', 'content-length']);
  return Object.fromEntries([...res.headers].filter(([name]) => !passing.has(name)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('Read shortcuts', () => {
  it("answer the DPM server list to a signed-in caller with the app's own answer, without the app", async () => {
    const t = testApp('scenario-1');
    const s = await listening(t);
    const reader = readerToken(t.db);
    const callers: Record<string, string>[] = [
      { authorization: `Bearer ${t.token}` },
      { cookie: await t.session() },
      { authorization: `Bearer ${reader}` },
    ];
    for (const headers of callers) {
      const fromApp = await t.raw.request('/api/servers', { headers });
      const fromShortcut = await fetch(`${s.url}/api/servers`, { headers });
      expect(fromShortcut.status).toBe(200);
      expect(fromApp.status).toBe(200);
      const body = await fromShortcut.text();
      expect(body).toBe(await fromApp.text());
      expect((JSON.parse(body) as { id: string }[]).map((x) => x.id)).toContain('srv-DS1');
      expect(lasting(fromShortcut)).toEqual(lasting(fromApp));
      expect(fromShortcut.headers.get('cache-control')).toBe('no-store');
      expect(fromShortcut.headers.get('x-request-id')).toMatch(UUID);
      expect(Number(fromShortcut.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    }
    expect(s.reachedApp()).toBe(0);
  });

  it('leave the rest to the app: not signed in (refused, audited), a query, HEAD, another path', async () => {
    const t = testApp('scenario-1');
    const s = await listening(t);
    const audited = () => row<{ n: number }>(t.db, 'SELECT count(*) AS n FROM audit').n;
    const before = audited();

    const anonymous = await fetch(`${s.url}/api/servers`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(s.reachedApp()).toBe(1);
    expect(audited()).toBe(before + 1);

    const unknown = await fetch(`${s.url}/api/servers`, { headers: { authorization: 'Bearer dpm_not-a-token' } });
    expect(unknown.status).toBe(401);
    expect(s.reachedApp()).toBe(2);

    const auth = { authorization: `Bearer ${t.token}` };
    const query = await fetch(`${s.url}/api/servers?color=%00`, { headers: auth });
    expect(query.status).toBe(400);
    expect(((await query.json()) as { error: { target: string } }).error.target).toBe('color');
    expect((await fetch(`${s.url}/api/servers`, { method: 'HEAD', headers: auth })).status).toBe(200);
    expect((await fetch(`${s.url}/api/servers/`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${s.url}/api/clock`, { headers: auth })).status).toBe(200);
    expect(s.reachedApp()).toBe(6);
  });

  it('leave what they cannot answer to the app, which reports it: the database gone is a 500, no crash', async () => {
    const t = testApp('scenario-1');
    const s = await listening(t);
    const unused = readerToken(t.db);
    t.db.$client.close();
    const res = await fetch(`${s.url}/api/servers`, { headers: { authorization: `Bearer ${unused}` } });
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { requestId: string } }).error.requestId).toMatch(UUID);
    expect(s.reachedApp()).toBe(1);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  });

  it('answer the list as it is after a change, as the app does', async () => {
    const t = testApp('scenario-1');
    const s = await listening(t);
    const headers = { authorization: `Bearer ${t.token}` };
    const before = await (await fetch(`${s.url}/api/servers`, { headers })).text();
    const res = await t.json('/api/estate/servers', {
      name: 'DPM99',
      fqdn: 'dpm99.contoso.com',
      version: t.store.estate.servers['srv-DS1']?.version,
    });
    expect(res.status).toBe(200);
    const after = await (await fetch(`${s.url}/api/servers`, { headers })).text();
    expect(after).not.toBe(before);
    expect((JSON.parse(after) as { name: string }[]).map((x) => x.name)).toContain('DPM99');
    expect(after).toBe(await (await t.raw.request('/api/servers', { headers })).text());
    expect(s.reachedApp()).toBe(0);
  });
});
