import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { insertUser, type Role } from '@dpm/db/accounts-repository';
import type { Db } from '@dpm/db/client';
import { ADMIN_PASSWORD, TEST_ORIGIN, row, testApp } from '../test-app';
import { accessOf, allows } from './permissions';
import { issueToken } from './service';

type Operation = { method: string; path: string; honoPath: string };

async function operations(t: ReturnType<typeof testApp>): Promise<Operation[]> {
  const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((m) => ({
      method: m.toUpperCase(),
      path: path.replace(/\{(\w+)\}/g, 'x'),
      honoPath: path.replace(/\{(\w+)\}/g, ':$1'),
    })),
  );
}

function tokenFor(db: Db, role: Role): string {
  const id = `user-${role}`;
  insertUser(db, {
    id,
    username: role.toLowerCase(),
    passwordHash: 'scrypt$1$1$1$AA$AA',
    role,
    disabled: false,
    createdAt: 0,
    passwordChangedAt: 0,
  });
  return issueToken(db, id, 'test', Date.now()).secret;
}

/** Everything the estate and accounts hold, but the audit trail: to show a refusal changed nothing. */
function fingerprint(db: Db): string {
  const tables = [
    'servers',
    'computers',
    'data_sources',
    'protection_groups',
    'replicas',
    'recovery_points',
    'libraries',
    'tapes',
    'jobs',
    'alerts',
    'users',
    'api_tokens',
    'meta',
  ];
  const h = createHash('sha256');
  for (const t of tables) h.update(JSON.stringify(db.$client.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()));
  return h.digest('hex');
}

const call = (t: ReturnType<typeof testApp>, op: Operation, headers: Record<string, string>, body = '{}') =>
  t.raw.request(
    op.path,
    op.method === 'GET'
      ? { headers }
      : { method: op.method, headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers }, body },
  );

describe('roles on every route of the OpenAPI document', () => {
  it(
    'answers 401, 403 or lets through exactly as the role table says; refusals change nothing and are ' + 'audited',
    async () => {
      const t = testApp('scenario-1');
      const tokens: Record<Role, string> = {
        Reader: tokenFor(t.db, 'Reader'),
        Operator: tokenFor(t.db, 'Operator'),
        Administrator: t.token,
      };
      const ops = await operations(t);
      expect(ops.length).toBeGreaterThan(40);
      for (const op of ops) {
        const permission = accessOf(op.method, op.honoPath);
        const before = fingerprint(t.db);
        const auditBefore = row<{ n: number }>(t.db, "SELECT count(*) AS n FROM audit WHERE outcome = 'refused'").n;
        const anonymous = await call(t, op, {});
        if (permission.kind === 'public') {
          expect([401, 403], `${op.method} ${op.path} is public`).not.toContain(anonymous.status);
          continue;
        }
        expect(anonymous.status, `${op.method} ${op.path} anonymous`).toBe(401);
        for (const role of ['Reader', 'Operator', 'Administrator'] as const) {
          const res = await call(
            t,
            op,
            { authorization: `Bearer ${tokens[role]}` },
            op.path.endsWith('/sign-out') ? '{}' : '{"__probe":1}',
          );
          if (allows(role, permission))
            expect([401, 403], `${op.method} ${op.path} as ${role}`).not.toContain(res.status);
          else expect(res.status, `${op.method} ${op.path} as ${role}`).toBe(403);
          expect(res.status, `${op.method} ${op.path} as ${role}`).toBeLessThan(500);
        }
        if (op.method !== 'GET') {
          expect(fingerprint(t.db), `${op.method} ${op.path} changed nothing`).toBe(before);
          const refused = row<{ n: number }>(t.db, "SELECT count(*) AS n FROM audit WHERE outcome = 'refused'").n;
          expect(refused, `${op.method} ${op.path} refusals audited`).toBeGreaterThan(auditBefore);
        }
      }
    },
  );

  it('a Reader sees the estate but may not switch protection; an Administrator may', async () => {
    const t = testApp('scenario-1');
    const reader = tokenFor(t.db, 'Reader');
    const body = JSON.stringify({ replicaIds: ['rep-DS3-DS1-PS1-C'], direction: 'to-secondary' });
    const asReader = await t.raw.request('/api/servers/srv-DS3/protection/switch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reader}` },
      body,
    });
    expect(asReader.status).toBe(403);
    expect(((await asReader.json()) as { error: { message: string } }).error.message).toBe(
      'This needs the Administrator role; reader is a Reader.',
    );
    expect(t.store.estate.replicas['rep-DS3-DS1-PS1-C']?.switched).toBe(false);
    expect(row(t.db, 'SELECT actor, outcome, code FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
      actor: 'reader',
      outcome: 'refused',
      code: 'FORBIDDEN',
    });
    expect(
      (
        await t.json('/api/servers/srv-DS3/protection/switch', {
          replicaIds: ['rep-DS3-DS1-PS1-C'],
          direction: 'to-secondary',
        })
      ).status,
    ).toBe(200);
    expect(row(t.db, 'SELECT actor, outcome FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
      actor: 'admin',
      outcome: 'success',
    });
  });

  it('an Operator recovers to an alternate location but not over the original data', async () => {
    const t = testApp('demo');
    const operator = tokenFor(t.db, 'Operator');
    const point = row<{ id: string }>(
      t.db,
      "SELECT id FROM recovery_points WHERE server_id = 'srv-DS1' AND data_source_id = 'ds-PS1-C' ORDER BY time DESC " +
        'LIMIT 1',
    );
    const recover = (recoveryType: string, destination: string | null) =>
      t.raw.request('/api/servers/srv-DS1/recovery/recover', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${operator}` },
        body: JSON.stringify({ recoveryPointId: point.id, recoveryType, destination }),
      });
    expect((await recover('Recover to the original location', null)).status).toBe(403);
    expect((await recover('Recover to an alternate location', '\\\\FS1\\Restore')).status).toBe(200);
  });
});

describe('sign-in and sessions', () => {
  const signIn = (t: ReturnType<typeof testApp>, password: string, headers: Record<string, string> = {}) =>
    t.raw.request('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TEST_ORIGIN, ...headers },
      body: JSON.stringify({ username: 'admin', password }),
    });
  const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  it('signs in with an HttpOnly, SameSite=Strict cookie holding a token the server stores only hashed', async () => {
    const t = testApp('empty');
    const res = await signIn(t, ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^dpm_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const secret = cookieOf(res).split('=')[1] ?? '';
    expect(row<{ n: number }>(t.db, 'SELECT count(*) AS n FROM sessions WHERE id = ?', secret).n).toBe(0);
    const me = await t.raw.request('/api/auth/me', { headers: { cookie: cookieOf(res) } });
    expect(await me.json()).toEqual({
      username: 'admin',
      role: 'Administrator',
      capabilities: { users: true, audit: true, clock: true },
    });
    const https = await signIn(t, ADMIN_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(https.headers.get('set-cookie')).toMatch(/^__Host-dpm_session=.*Secure/);
  });

  it('refuses a wrong password with one sentence, audits it, and throttles repeated failures', async () => {
    const t = testApp('empty');
    const bad = await signIn(t, 'not the password at all');
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe(
      'The user name or password is incorrect.',
    );
    expect(row(t.db, 'SELECT actor, action, outcome, code FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
      actor: 'admin',
      action: 'auth.sign-in',
      outcome: 'refused',
      code: 'CREDENTIALS_INVALID',
    });
    for (let i = 0; i < 4; i += 1) await signIn(t, 'still not the password');
    const throttled = await signIn(t, ADMIN_PASSWORD);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBeTruthy();
  });

  it('a session after sign-out, an idle session and an expired session are refused', async () => {
    const t = testApp('empty');
    const cookie = cookieOf(await signIn(t, ADMIN_PASSWORD));
    const me = () => t.raw.request('/api/auth/me', { headers: { cookie } });
    expect((await me()).status).toBe(200);
    expect(
      (
        await t.raw.request('/api/auth/sign-out', {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', origin: TEST_ORIGIN },
          body: '{}',
        })
      ).status,
    ).toBe(200);
    expect((await me()).status).toBe(401);

    const idle = cookieOf(await signIn(t, ADMIN_PASSWORD));
    t.db.$client
      .prepare('UPDATE sessions SET last_seen_at = last_seen_at - ? WHERE revoked_at IS NULL')
      .run(31 * 60_000);
    expect((await t.raw.request('/api/auth/me', { headers: { cookie: idle } })).status).toBe(401);

    const old = cookieOf(await signIn(t, ADMIN_PASSWORD));
    t.db.$client
      .prepare('UPDATE sessions SET expires_at = ? WHERE revoked_at IS NULL AND last_seen_at > ?')
      .run(Date.now() - 1, Date.now() - 60_000);
    expect((await t.raw.request('/api/auth/me', { headers: { cookie: old } })).status).toBe(401);
  });

  it('a password change revokes every session; passwords follow the policy', async () => {
    const t = testApp('empty');
    const cookie = cookieOf(await signIn(t, ADMIN_PASSWORD));
    const change = (newPassword: string) =>
      t.raw.request('/api/auth/password', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ currentPassword: ADMIN_PASSWORD, newPassword }),
      });
    expect(((await (await change('short')).json()) as { error: { target: string } }).error.target).toBe('newPassword');
    expect((await change('password1234')).status).toBe(400);
    expect((await change('a much longer passphrase 2026')).status).toBe(200);
    expect((await t.raw.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it("never writes a password or a token to the audit trail or an answer other than the token's creation", async () => {
    const t = testApp('empty');
    const cookie = cookieOf(await signIn(t, ADMIN_PASSWORD));
    await signIn(t, 'a wrong password that is long');
    const created = (await (
      await t.raw.request('/api/auth/tokens', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: '{"name":"cli"}',
      })
    ).json()) as { token: string };
    expect(created.token).toMatch(/^dpmt_/);
    const listed = await (await t.raw.request('/api/auth/tokens', { headers: { cookie } })).text();
    expect(listed).not.toContain(created.token);
    const audit = JSON.stringify(t.db.$client.prepare('SELECT * FROM audit').all());
    for (const secret of [ADMIN_PASSWORD, 'a wrong password that is long', created.token, cookie.split('=')[1] ?? ''])
      expect(audit).not.toContain(secret);
    expect(
      (await t.raw.request('/api/auth/me', { headers: { authorization: `Bearer ${created.token}` } })).status,
    ).toBe(200);
  });
});
