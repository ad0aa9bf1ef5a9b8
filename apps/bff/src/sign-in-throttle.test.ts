import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, TEST_ORIGIN, row, testApp } from './test-app';
import { addressKey } from './auth/throttle';

const audits = (t: ReturnType<typeof testApp>) => row<{ n: number }>(t.db, 'SELECT count(*) AS n FROM audit').n;
const lastAudit = (t: ReturnType<typeof testApp>) =>
  row<{ actor: string; action: string; outcome: string; code: string | null; address: string | null; target: string }>(
    t.db,
    'SELECT actor, action, outcome, code, address, target FROM audit ORDER BY id DESC LIMIT 1',
  );

describe('sign-in throttling: slows guessing, never locks a user out', () => {
  const A = '203.0.113.7';
  const B = '198.51.100.20';
  const signIn = async (
    t: ReturnType<typeof testApp>,
    from: string,
    password: string,
    username = 'admin',
  ): Promise<Response> =>
    await t.raw.request(
      '/api/auth/sign-in',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: TEST_ORIGIN },
        body: JSON.stringify({ username, password }),
      },
      { incoming: { socket: { remoteAddress: from } } },
    );
  let now = Date.parse('2026-03-02T09:00:00Z');
  const advance = (ms: number) => {
    now += ms;
    vi.setSystemTime(now);
  };
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
  });
  afterEach(() => advance(2 * 60 * 60_000));
  afterAll(() => vi.useRealTimers());

  /** An attacker at `from` guessing `username`'s password as fast as the throttle lets them. */
  async function attack(
    t: ReturnType<typeof testApp>,
    from: string,
    attempts: number,
    username = 'admin',
  ): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < attempts; i += 1) {
      statuses.push((await signIn(t, from, `guess number ${i} of many`, username)).status);
      advance(200);
    }
    return statuses;
  }

  it('an attacker at one address never blocks a correct sign-in from another address', async () => {
    const t = testApp('empty');
    const statuses = await attack(t, A, 40);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
    expect((await signIn(t, B, ADMIN_PASSWORD)).status).toBe(200);
    // Many addresses, six attempts each (the sixth already waits): the account is still open to its user.
    for (let i = 0; i < 8; i += 1) await attack(t, `192.0.2.${i}`, 6);
    expect((await signIn(t, B, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('at the same address, a correct sign-in waits out the current delay only, and then resets it', async () => {
    const t = testApp('empty');
    await attack(t, A, 12);
    const blocked = await signIn(t, A, ADMIN_PASSWORD);
    expect(blocked.status).toBe(429);
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(lastAudit(t)).toMatchObject({ actor: 'admin', outcome: 'refused', code: 'THROTTLED', address: A });
    advance(retry * 1000);
    expect((await signIn(t, A, ADMIN_PASSWORD)).status).toBe(200);
    // The success reset the counters: the next failure is no longer delayed, nor the next success.
    expect((await signIn(t, A, 'one more wrong guess')).status).toBe(401);
    expect((await signIn(t, A, ADMIN_PASSWORD)).status).toBe(200);
  });

  it('one address guessing many accounts slows down for all of them, and a success there resets it', async () => {
    const t = testApp('empty');
    for (let i = 0; i < 25; i += 1) {
      await signIn(t, A, 'a wrong password', `user${i}`);
      advance(100);
    }
    const slowed = await signIn(t, A, ADMIN_PASSWORD);
    expect(slowed.status).toBe(429);
    expect((await signIn(t, B, ADMIN_PASSWORD)).status).toBe(200);
    advance(Number(slowed.headers.get('retry-after')) * 1000);
    expect((await signIn(t, A, ADMIN_PASSWORD)).status).toBe(200);
    expect((await signIn(t, A, 'a wrong password', 'user99')).status).toBe(401);
  });

  it('parallel guesses are counted as they start: only the free attempts reach the password check', async () => {
    const t = testApp('empty');
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(t, A, `parallel guess ${i}`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(15);
  });

  it('an unknown user name is audited as "unknown account" with the address, never as typed', async () => {
    const t = testApp('empty');
    const typed = 'Tr0ub4dor&3-my-real-password';
    expect((await signIn(t, A, 'whatever it was', typed)).status).toBe(401);
    expect(lastAudit(t)).toEqual({
      actor: 'unknown account',
      action: 'auth.sign-in',
      outcome: 'refused',
      code: 'CREDENTIALS_INVALID',
      address: A,
      target: 'unknown account',
    });
    await attack(t, A, 10, typed);
    expect(lastAudit(t)).toMatchObject({ actor: 'unknown account', code: 'THROTTLED' });
    expect(JSON.stringify(t.db.$client.prepare('SELECT * FROM audit').all()).toLowerCase()).not.toContain(
      typed.toLowerCase(),
    );
    const csv = await (await t.app.request('/api/audit.csv')).text();
    expect(csv.toLowerCase()).not.toContain(typed.toLowerCase());
  });

  it('keys an address by itself (IPv4) or its /64 (IPv6)', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey(null)).toBe('unknown');
  });
});

describe('text and bodies', () => {
  it(
    'refuses control characters and lone surrogates in text, naming the field; a comment takes line ' + 'breaks',
    async () => {
      const t = testApp('scenario-1');
      for (const name of ['\u0000', 'a\u001bb', '\ud800', 'x\udc00y', 'tab\tname']) {
        const res = await t.json('/api/auth/tokens', { name });
        expect(res.status, JSON.stringify(name)).toBe(400);
        expect(((await res.json()) as { error: { target: string } }).error.target).toBe('name');
      }
      expect((await t.json('/api/auth/tokens', { name: 'paired 🙂 surrogates' })).status).toBe(200);
      const names = t.db.$client.prepare('SELECT name FROM api_tokens').all() as { name: string }[];
      expect(
        names.every((n) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(n.name)),
      ).toBe(true);
      const candidates = await t.app.request('/api/servers/srv-DS1/agents/candidates?search=%07');
      expect(candidates.status).toBe(400);
      // Acknowledge's comment is a Textarea: two lines are fine, a NUL is not.
      const nul = await t.json('/api/servers/srv-DS1/alerts/unknown/acknowledge', { comment: 'a\u0000b' });
      expect(nul.status).toBe(400);
      const twoLines = await t.json('/api/servers/srv-DS1/alerts/unknown/acknowledge', {
        comment: 'first line\r\nsecond line',
      });
      expect(twoLines.status).toBe(404);
    },
  );

  it('a body-less command takes an empty body or {}, and refuses anything else without acting', async () => {
    const t = testApp('scenario-1');
    const fail = (body: string, contentType = 'application/json') =>
      t.app.request('/api/servers/srv-DS4/fail', { method: 'POST', headers: { 'content-type': contentType }, body });
    for (const body of ['this is not json {{{', '{"x": 1}', '[]', 'null', '"{}"']) {
      const before = audits(t);
      expect((await fail(body)).status, body).toBe(400);
      expect(audits(t) - before).toBe(1);
      expect(t.store.estate.servers['srv-DS4']?.state).toBe('Online');
    }
    expect((await fail('{}', 'application/jsonx')).status).toBe(415);
    expect((await fail('{}', 'application/json; charset=utf-8')).status).toBe(200);
    expect(t.store.estate.servers['srv-DS4']?.state).toBe('Failed');
    expect(
      (
        await t.app.request('/api/servers/srv-DS3/fail', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(200);
    expect(t.store.estate.servers['srv-DS3']?.state).toBe('Failed');
  });

  it('another media type is a 415, audited once, even with a valid body', async () => {
    const t = testApp('scenario-1');
    const before = audits(t);
    const res = await t.app.request('/api/clock/advance', {
      method: 'POST',
      headers: { 'content-type': 'application/jsonx' },
      body: '{"minutes":1}',
    });
    expect(res.status).toBe(415);
    expect(audits(t) - before).toBe(1);
    expect(lastAudit(t)).toMatchObject({ outcome: 'refused', code: 'INVALID_INPUT', action: 'clock.advance' });
  });
});
