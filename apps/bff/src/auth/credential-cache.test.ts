import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { insertUser, type Role } from '@dpm/db/accounts-repository';
import { openDb, type Db } from '@dpm/db/client';
import { TEST_ORIGIN, testApp } from '../test-app';
import { credentialCache } from './credential-cache';
import { issueToken } from './service';

function userWithToken(db: Db, name: string, role: Role): { id: string; token: string } {
  const id = `user-${name}`;
  insertUser(db, {
    id,
    username: name,
    passwordHash: 'scrypt$1$1$1$AA$AA',
    role,
    disabled: false,
    createdAt: 0,
    passwordChangedAt: 0,
  });
  return { id, token: issueToken(db, id, 'test', Date.now()).secret };
}

const post = (t: ReturnType<typeof testApp>, path: string, body: unknown, headers: Record<string, string>) =>
  t.raw.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
    body: JSON.stringify(body),
  });

describe('verified credentials kept in memory', () => {
  it('answers a known token from the cache, and refuses it at once when it is revoked', async () => {
    const t = testApp('empty');
    const auth = { authorization: `Bearer ${t.token}` };
    expect((await t.raw.request('/api/servers', { headers: auth })).status).toBe(200);
    expect(credentialCache(t.db).size).toBe(1);
    expect((await t.raw.request('/api/servers', { headers: auth })).status).toBe(200);
    const tokens = (await (await t.raw.request('/api/auth/tokens', { headers: auth })).json()) as { id: string }[];
    expect(tokens).toHaveLength(1);
    expect((await post(t, `/api/auth/tokens/${tokens[0]?.id}/revoke`, {}, auth)).status).toBe(200);
    expect(credentialCache(t.db).size).toBe(0);
    const refused = await t.raw.request('/api/servers', { headers: auth });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
  });

  it('refuses a session at once after sign-out', async () => {
    const t = testApp('empty');
    const cookie = await t.session();
    const me = () => t.raw.request('/api/auth/me', { headers: { cookie } });
    expect((await me()).status).toBe(200);
    expect((await me()).status).toBe(200);
    expect(credentialCache(t.db).size).toBeGreaterThan(0);
    expect((await post(t, '/api/auth/sign-out', {}, { cookie })).status).toBe(200);
    expect((await me()).status).toBe(401);
  });

  it('applies a role change at the next request, and refuses a disabled account at once', async () => {
    const t = testApp('empty');
    const colleague = userWithToken(t.db, 'colleague', 'Administrator');
    const theirs = { authorization: `Bearer ${colleague.token}` };
    const admin = { authorization: `Bearer ${t.token}` };
    const users = () => t.raw.request('/api/users', { headers: theirs });
    expect((await users()).status).toBe(200);
    expect((await users()).status).toBe(200);
    expect((await post(t, `/api/users/${colleague.id}/role`, { role: 'Reader' }, admin)).status).toBe(200);
    expect((await users()).status).toBe(403);
    expect((await t.raw.request('/api/servers', { headers: theirs })).status).toBe(200);
    expect((await post(t, `/api/users/${colleague.id}/disabled`, { disabled: true }, admin)).status).toBe(200);
    expect((await t.raw.request('/api/servers', { headers: theirs })).status).toBe(401);
  });

  it('refuses at once a token revoked by SQL written straight to the database', async () => {
    const t = testApp('empty');
    const auth = { authorization: `Bearer ${t.token}` };
    expect((await t.raw.request('/api/servers', { headers: auth })).status).toBe(200);
    t.db.$client.prepare('UPDATE api_tokens SET revoked_at = ?').run(Date.now());
    expect((await t.raw.request('/api/servers', { headers: auth })).status).toBe(401);
  });

  it("reads the credential from the real server's request headers: a cookie, a token, then neither", async () => {
    const t = testApp('empty');
    const server = await new Promise<ReturnType<typeof serve>>((ready) => {
      const s = serve({ fetch: t.raw.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
    });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const cookie = await t.session();
      const me = (headers: Record<string, string>) => fetch(`${base}/api/auth/me`, { headers });
      expect((await me({ cookie: `other=1; ${cookie}` })).status).toBe(200);
      expect((await me({ Authorization: `Bearer ${t.token}` })).status).toBe(200);
      expect((await me({ authorization: 'Bearer dpmt_not-a-token', cookie })).status).toBe(401);
      expect((await me({ cookie: 'dpm_session=not-a-session' })).status).toBe(401);
      expect((await me({})).status).toBe(401);
    } finally {
      server.close();
    }
  });

  it("sees another connection's write to the file within a second", () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpm-credentials-'));
    try {
      const file = join(dir, 'dpm.sqlite');
      const db = openDb(file);
      const cache = credentialCache(db);
      const now = Date.now();
      cache.get('token:x', now);
      cache.set('token:x', {
        principal: { userId: 'u', username: 'u', role: 'Reader', sessionId: null },
        expiresAt: Infinity,
        lastSeenAt: now,
      });
      const other = openDb(file);
      other.$client.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('written-elsewhere', '1');
      other.$client.close();
      expect(cache.get('token:x', now + 10)).toBeDefined();
      expect(cache.get('token:x', now + 1000)).toBeUndefined();
      db.$client.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
