/**
 * Requests carry intent: what the administrator saw and wants. Two administrators acting at once,
 * or one double click, never undo each other: an intent already met is refused (ALREADY_SWITCHED,
 * NOT_SWITCHED; Switch Disaster Protection as seeds 000 and 001 describe it), and so is an edit of
 * an object changed since it was shown (STALE).
 */
import { describe, expect, it } from 'vitest';
import { insertUser } from '@dpm/db/accounts-repository';
import { issueToken } from '../auth/service';
import { row, testApp } from '../test-app';

const C_ON_DS3 = 'rep-DS3-DS1-PS1-C';

/** A second Administrator, signed in with a token of their own. */
function secondAdministrator(t: ReturnType<typeof testApp>): string {
  insertUser(t.db, {
    id: 'user-colleague',
    username: 'colleague',
    passwordHash: 'scrypt$1$1$1$AA$AA',
    role: 'Administrator',
    disabled: false,
    createdAt: 0,
    passwordChangedAt: 0,
  });
  return issueToken(t.db, 'user-colleague', 'test', Date.now()).secret;
}

const post = (t: ReturnType<typeof testApp>, token: string, path: string, body: unknown) =>
  t.raw.request(`/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

const ownershipAlerts = (t: ReturnType<typeof testApp>) =>
  row<{ n: number }>(t.db, "SELECT count(*) AS n FROM alerts WHERE name = 'Agent Ownership Required'").n;

async function race(t: ReturnType<typeof testApp>, path: string, body: unknown) {
  const tokens = [t.token, secondAdministrator(t)];
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => post(t, tokens[i % 2] ?? t.token, path, body)),
  );
  const bodies = (await Promise.all(answers.map((a) => a.json()))) as { error?: { code: string; message: string } }[];
  return { statuses: answers.map((a) => a.status), codes: bodies.map((b) => b.error?.code ?? 'ok') };
}

describe('Switch Disaster Protection says its direction', () => {
  it(
    '20 identical requests from two administrators: one switches, 19 are refused with ALREADY_SWITCHED and change ' +
      'nothing',
    async () => {
      const t = testApp('scenario-1');
      const { statuses, codes } = await race(t, '/servers/srv-DS3/protection/switch', {
        replicaIds: [C_ON_DS3],
        direction: 'to-secondary',
      });
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(19);
      expect(codes.filter((c) => c === 'ALREADY_SWITCHED')).toHaveLength(19);
      expect(t.store.estate.replicas[C_ON_DS3]?.switched).toBe(true);
      expect(t.store.estate.computers['cmp-PS1']?.agent?.ownerId).toBe('srv-DS3');
      expect(ownershipAlerts(t)).toBe(0);
      // Every request is audited once: one success, nineteen refusals with the rule code.
      expect(
        row(
          t.db,
          "SELECT count(*) AS n FROM audit WHERE action = 'protection.switch' AND outcome = 'refused' AND code = " +
            "'ALREADY_SWITCHED'",
        ),
      ).toEqual({ n: 19 });
      expect(
        row(t.db, "SELECT count(*) AS n FROM audit WHERE action = 'protection.switch' AND outcome = 'success'"),
      ).toEqual({ n: 1 });
    },
  );

  it('the same for a group; and switching back what is not switched is NOT_SWITCHED', async () => {
    const t = testApp('scenario-1');
    const back = await post(t, t.token, '/servers/srv-DS3/protection/switch', {
      groupId: 'pg-DS3-1',
      direction: 'to-primary',
    });
    expect(back.status).toBe(409);
    expect(((await back.json()) as { error: { code: string } }).error.code).toBe('NOT_SWITCHED');
    const { statuses, codes } = await race(t, '/servers/srv-DS3/protection/switch', {
      groupId: 'pg-DS3-1',
      direction: 'to-secondary',
    });
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 'ALREADY_SWITCHED')).toHaveLength(19);
    const members = Object.values(t.store.estate.replicas).filter(
      (r) => r.groupId === 'pg-DS3-1' && r.sourceServerId === 'srv-DS1' && r.dataSourceId.startsWith('ds-PS'),
    );
    expect(members.length).toBeGreaterThan(0);
    for (const r of members) expect(r.switched, r.id).toBe(true);
    expect(ownershipAlerts(t)).toBe(0);
  });

  it('switching back once raises Agent Ownership Required once, however often it is asked', async () => {
    const t = testApp('scenario-1');
    expect(
      (
        await post(t, t.token, '/servers/srv-DS3/protection/switch', {
          replicaIds: [C_ON_DS3],
          direction: 'to-secondary',
        })
      ).status,
    ).toBe(200);
    const { statuses, codes } = await race(t, '/servers/srv-DS3/protection/switch', {
      replicaIds: [C_ON_DS3],
      direction: 'to-primary',
    });
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 'NOT_SWITCHED')).toHaveLength(19);
    expect(t.store.estate.replicas[C_ON_DS3]?.switched).toBe(false);
    expect(ownershipAlerts(t)).toBe(1);
  });

  it('a request without a direction is refused naming the field', async () => {
    const t = testApp('scenario-1');
    const res = await t.json('/api/servers/srv-DS3/protection/switch', { replicaIds: [C_ON_DS3] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { target: string } }).error.target).toBe('direction');
  });

  it('the member list offers the direction that is possible, and only that one', async () => {
    const t = testApp('scenario-1');
    type Row = {
      id: string;
      operations: { id: string; enabled: boolean; intents?: { intent: string; enabled: boolean }[] }[];
    };
    const list = async () =>
      ((await (await t.app.request('/api/servers/srv-DS3/protection/members?limit=100')).json()) as { items: Row[] })
        .items;
    const intents = (rows: Row[]) =>
      rows.find((r) => r.id === C_ON_DS3)?.operations.find((o) => o.id === 'protection.switch')?.intents;
    expect(intents(await list())).toEqual([
      { intent: 'to-secondary', enabled: true, reason: null },
      { intent: 'to-primary', enabled: false, reason: expect.objectContaining({ code: 'NOT_SWITCHED' }) },
    ]);
    await post(t, t.token, '/servers/srv-DS3/protection/switch', { replicaIds: [C_ON_DS3], direction: 'to-secondary' });
    expect(intents(await list())).toEqual([
      { intent: 'to-secondary', enabled: false, reason: expect.objectContaining({ code: 'ALREADY_SWITCHED' }) },
      { intent: 'to-primary', enabled: true, reason: null },
    ]);
  });
});

describe('edits from a stale view are refused (STALE)', () => {
  it(
    'two administrators edit the same protection group: one wins, the other is told who changed it and ' + 'when',
    async () => {
      const t = testApp('scenario-1');
      const colleague = secondAdministrator(t);
      const shown = (
        (await (await t.app.request('/api/servers/srv-DS1/protection/groups/pg-DS1-1')).json()) as {
          revision: { n: number };
        }
      ).revision.n;
      const mine = await post(t, t.token, '/servers/srv-DS1/protection/groups/pg-DS1-1/modify', {
        name: 'Renamed by admin',
        expectedRevision: shown,
      });
      expect(mine.status).toBe(200);
      const theirs = await post(t, colleague, '/servers/srv-DS1/protection/groups/pg-DS1-1/modify', {
        name: 'Renamed by colleague',
        expectedRevision: shown,
      });
      expect(theirs.status).toBe(409);
      const refusal = (
        (await theirs.json()) as { error: { code: string; message: string; changed: { n: number; by: string } } }
      ).error;
      expect(refusal).toMatchObject({ code: 'STALE', changed: { n: shown + 1, by: 'admin' } });
      expect(refusal.message).toMatch(
        new RegExp(
          '^The protection group Renamed by admin was changed by admin ' +
            String.raw`at \d{4}-\d\d-\d\d \d\d:\d\d UTC since you opened it`,
        ),
      );
      expect(t.store.estate.groups['pg-DS1-1']?.name).toBe('Renamed by admin');
      expect(row(t.db, 'SELECT actor, outcome, code FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
        actor: 'colleague',
        outcome: 'refused',
        code: 'STALE',
      });
    },
  );

  it("disk allocation, the library door and a user's role follow the revision they were shown", async () => {
    const t = testApp('demo');
    const allocate = (gb: number, expectedRevision: number) =>
      post(t, t.token, '/servers/srv-DS1/protection/members/rep-DS1-PS1-C/disk-allocation', {
        allocatedGb: gb,
        expectedRevision,
      });
    expect((await allocate(95, 1)).status).toBe(200);
    expect((await allocate(96, 1)).status).toBe(409);
    expect(t.store.estate.replicas['rep-DS1-PS1-C']?.allocatedGb).toBe(95);

    const door = (locked: boolean, expectedRevision: number) =>
      post(t, t.token, '/servers/srv-DS1/libraries/lib-DS1-1/door', { locked, expectedRevision });
    expect((await door(false, 1)).status).toBe(200);
    const stale = await door(true, 1);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('STALE');

    const colleague = secondAdministrator(t);
    const user = row<{ revision: string }>(t.db, "SELECT revision FROM users WHERE id = 'user-colleague'");
    const n = (JSON.parse(user.revision) as { n: number }).n;
    expect(
      (await post(t, t.token, '/users/user-colleague/role', { role: 'Operator', expectedRevision: n })).status,
    ).toBe(200);
    const late = await post(t, t.token, '/users/user-colleague/role', { role: 'Reader', expectedRevision: n });
    expect(late.status).toBe(409);
    expect(row(t.db, "SELECT role FROM users WHERE id = 'user-colleague'")).toEqual({ role: 'Operator' });
    expect(colleague).toBeTruthy();
  });
});
