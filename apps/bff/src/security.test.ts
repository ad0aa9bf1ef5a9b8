import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, TEST_ORIGIN, row, testApp } from './test-app';
import { serveConsole } from './console-files';

/** A POST on a connection of its own (node:http, no keep-alive pool), answered as a fetch Response. */
function ownConnection(url: string, headers: Record<string, string>, body: string): Promise<Response> {
  return new Promise((done, fail) => {
    const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
        done(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: h }));
      });
    });
    // The server may answer and close before it has read everything: that is the point.
    req.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : fail(err),
    );
    req.end(body);
  });
}

const audits = (t: ReturnType<typeof testApp>) => row<{ n: number }>(t.db, 'SELECT count(*) AS n FROM audit').n;
const lastAudit = (t: ReturnType<typeof testApp>) =>
  row<{ actor: string; action: string; outcome: string; code: string | null; address: string | null; target: string }>(
    t.db,
    'SELECT actor, action, outcome, code, address, target FROM audit ORDER BY id DESC LIMIT 1',
  );

describe('security headers on every answer of the real server', () => {
  // @hono/node-server answers through its own Response class: headers must survive it, so the
  // server here is the real one on a free port, not app.request().
  const t = testApp('scenario-1');
  const dist = mkdtempSync(join(tmpdir(), 'dpm-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>DPM</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
  serveConsole(t.raw, dist);
  t.store.execute = () => {
    throw new Error('disk I/O error');
  };
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((ready) => {
      server = serve({ fetch: t.raw.fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const bearer = { authorization: `Bearer ${t.token}` };
  const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
  const post = (path: string, headers: Record<string, string>, body = '{}') =>
    fetch(`${base}${path}`, { method: 'POST', headers, body });
  const answers: [string, () => Promise<Response>, number][] = [
    ['an API read', () => fetch(`${base}/api/servers`, { headers: bearer }), 200],
    ['the OpenAPI document', () => fetch(`${base}/api/openapi.json`, { headers: bearer }), 200],
    ['a refused read (not signed in)', () => fetch(`${base}/api/servers`), 401],
    ['an unknown API path', () => fetch(`${base}/api/zz`, { headers: html }), 404],
    ['an unknown id', () => fetch(`${base}/api/servers/__proto__/disks`, { headers: bearer }), 404],
    ['a bad query', () => fetch(`${base}/api/servers?x=%00`, { headers: bearer }), 400],
    [
      'another media type',
      () => post('/api/clock/advance', { ...bearer, 'content-type': 'application/jsonx' }, '{"minutes":1}'),
      415,
    ],
    [
      'another origin',
      () => post('/api/auth/sign-in', { 'content-type': 'application/json', origin: 'https://evil.example' }),
      403,
    ],
    // On a connection of its own: the server closes it rather than read the rest of the body.
    [
      'a body too large',
      () =>
        ownConnection(
          `${base}/api/auth/tokens`,
          { ...bearer, 'content-type': 'application/json' },
          JSON.stringify({ name: 'x'.repeat(300_000) }),
        ),
      413,
    ],
    [
      'a failure (500)',
      () => post('/api/servers/srv-DS1/fail', { ...bearer, 'content-type': 'application/json' }),
      500,
    ],
    ['the console page', () => fetch(`${base}/`, { headers: html }), 200],
    ['a static file', () => fetch(`${base}/assets/app.js`), 200],
    ['a deep link to a server', () => fetch(`${base}/servers/srv-DS1`, { headers: html }), 200],
    ['a deep link to a work area', () => fetch(`${base}/protection`, { headers: html }), 200],
    [
      'a non-HTML request for a deep link',
      () => fetch(`${base}/protection`, { headers: { accept: 'application/json' } }),
      404,
    ],
  ];

  for (const [what, request, status] of answers) {
    it(`${what}: ${status}, with CSP, nosniff, DENY framing and no referrer`, async () => {
      const res = await request();
      await res.arrayBuffer();
      expect(res.status).toBe(status);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      if (what !== 'the console page' && what !== 'a static file' && !what.includes('deep link'))
        expect(res.headers.get('cache-control')).toBe('no-store');
    });
  }

  it('the event stream: the same headers, and never stored', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/api/events`, { headers: bearer, signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const reader = res.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toContain('event: hello');
    abort.abort();
    await reader?.cancel().catch(() => undefined);
  });

  it('unknown API paths are JSON 404s, deep links the console page', async () => {
    const unknown = await fetch(`${base}/api/zz`, { headers: html });
    expect(unknown.headers.get('content-type')).toContain('application/json');
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const deep = await fetch(`${base}/servers/srv-DS1`, { headers: html });
    expect(deep.headers.get('content-type')).toContain('text/html');
    expect(await deep.text()).toContain('<title>DPM</title>');
  });
});

describe('the origin rule for signed-in changes', () => {
  const tokens = (t: ReturnType<typeof testApp>, headers: Record<string, string>, url = '/api/auth/tokens') =>
    t.raw.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{"name":"cli"}',
    });
  const count = (t: ReturnType<typeof testApp>) => row<{ n: number }>(t.db, 'SELECT count(*) AS n FROM api_tokens').n;

  it("a session cookie needs the console's own Origin, or Sec-Fetch-Site: same-origin", async () => {
    const t = testApp('empty');
    const cookie = await t.session();
    const before = count(t);
    const variants: Record<string, string>[] = [
      { cookie },
      { cookie, origin: 'https://evil.example' },
      { cookie, origin: 'null' },
      { cookie, origin: `${TEST_ORIGIN}:8080` },
      { cookie, 'sec-fetch-site': 'cross-site' },
      { cookie, 'sec-fetch-site': 'same-site' },
      { cookie, 'sec-fetch-site': 'none' },
      { cookie, origin: TEST_ORIGIN, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of variants) {
      const auditBefore = audits(t);
      const res = await tokens(t, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { target: string } }).error.target).toBe('origin');
      expect(audits(t) - auditBefore, JSON.stringify(headers)).toBe(1);
      expect(lastAudit(t)).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN', action: 'POST /api/auth/tokens' });
    }
    expect(count(t)).toBe(before);
    expect((await tokens(t, { cookie, origin: TEST_ORIGIN })).status).toBe(200);
    expect((await tokens(t, { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await tokens(t, { cookie, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it("the expected origin is configured, never the request's Host (DNS rebinding)", async () => {
    const t = testApp('empty');
    const cookie = await t.session();
    const rebound = await tokens(
      t,
      { cookie, host: 'evil.example', origin: 'http://evil.example' },
      'http://evil.example/api/auth/tokens',
    );
    expect(rebound.status).toBe(403);
    // The console's own origin passes whatever Host the request names.
    expect(
      (await tokens(t, { cookie, host: 'evil.example', origin: TEST_ORIGIN }, 'http://evil.example/api/auth/tokens'))
        .status,
    ).toBe(200);
  });

  it('sign-in from another origin is refused (login CSRF); an API token needs no Origin', async () => {
    const t = testApp('empty');
    const signIn = await t.raw.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(signIn.status).toBe(403);
    expect(signIn.headers.get('set-cookie')).toBeNull();
    expect((await tokens(t, { authorization: `Bearer ${t.token}` })).status).toBe(200);
    expect((await tokens(t, { authorization: `Bearer ${t.token}`, origin: 'https://evil.example' })).status).toBe(200);
  });
});
