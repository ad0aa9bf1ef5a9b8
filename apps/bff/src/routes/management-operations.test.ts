import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { row, testApp } from '../test-app';
import { poolCapacityGb } from '@dpm/domain/server/disk-layout';

const DOMAIN_ADMIN = { userName: 'CONTOSO\\dpmadmin', password: 'Contoso-DPM-2026!' };
const V9 = { major: 9, minor: 0, build: 100, rollup: 1 };

/** Every row of every table, as text: where a secret must never be found. */
function wholeDatabase(t: ReturnType<typeof testApp>): string {
  const tables = t.db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
    name: string;
  }[];
  return tables.map(({ name }) => JSON.stringify(t.db.$client.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
}

describe('Protection Agent Installation Wizard: Attach / Install with domain credentials', () => {
  it('refuses wrong credentials (400) and changes nothing', async () => {
    const t = testApp('scenario-1');
    const before = JSON.stringify(t.store.estate.computers['cmp-DS1']);
    const res = await t.json('/api/servers/srv-DS4/agents/attach', {
      computerIds: ['cmp-DS1'],
      method: 'Attach',
      credentials: { ...DOMAIN_ADMIN, password: 'wrong password' },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { target: 'credentials', message: expect.stringContaining('CONTOSO\\dpmadmin') },
    });
    expect(JSON.stringify(t.store.estate.computers['cmp-DS1'])).toBe(before);
    expect(row(t.db, 'SELECT action, outcome FROM audit ORDER BY id DESC LIMIT 1')).toEqual({
      action: 'agents.install',
      outcome: 'refused',
    });
  });

  it(
    'refuses a DPM server of another version with VERSION_MISMATCH (422) and attaches one of the same ' + 'version',
    async () => {
      const t = testApp('scenario-1');
      expect(
        (
          await t.json('/api/estate/servers', {
            name: 'DS5',
            fqdn: 'ds5.contoso.com',
            version: V9,
            storagePoolGb: 1000,
          })
        ).status,
      ).toBe(200);
      const candidates = (await (await t.app.request('/api/servers/srv-DS4/agents/candidates?search=DS5')).json()) as {
        computerId: string;
        dpmVersion: string;
      }[];
      // Select Computers says before any credentials why DS4 can't take DS5's agent.
      expect(candidates).toEqual([
        expect.objectContaining({
          dpmVersion: '9.0.100.0 UR1',
          hasAgent: true,
          whyNot: {
            Install: expect.objectContaining({ code: 'VERSION_MISMATCH' }) as unknown,
            Attach: expect.objectContaining({ code: 'VERSION_MISMATCH' }) as unknown,
          },
        }),
      ]);
      const ds5 = candidates[0]?.computerId ?? '';
      const before = JSON.stringify(t.store.estate.computers[ds5]);
      const refused = await t.json('/api/servers/srv-DS4/agents/attach', {
        computerIds: [ds5],
        method: 'Attach',
        credentials: DOMAIN_ADMIN,
      });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ error: { code: 'VERSION_MISMATCH' } });
      expect(JSON.stringify(t.store.estate.computers[ds5])).toBe(before);
      expect(
        (
          await t.json('/api/servers/srv-DS4/agents/attach', {
            computerIds: ['cmp-DS1'],
            method: 'Attach',
            credentials: DOMAIN_ADMIN,
          })
        ).status,
      ).toBe(200);
      expect(t.store.estate.computers['cmp-DS1']?.agent?.attachedTo).toContain('srv-DS4');
    },
  );
});

describe('secrets: domain passwords and vault passphrases', () => {
  it('never appear in an answer, the database (audit included) or the log', async () => {
    const lines: string[] = [];
    const log = pino(
      { level: 'trace' },
      new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }),
    );
    const t = testApp('demo', 'manual', log);
    const PASSPHRASE = 'correct-vault-passphrase-4242';
    const WRONG = 'not-the-domain-password-9999';
    const answers: string[] = [];
    const call = async (path: string, body: unknown) => {
      const res = await t.json(path, body);
      answers.push(await res.text());
      return res.status;
    };
    expect(
      await call('/api/servers/srv-DS3/agents/attach', {
        computerIds: ['cmp-DS4'],
        method: 'Attach',
        credentials: { ...DOMAIN_ADMIN, password: WRONG },
      }),
    ).toBe(400);
    expect(
      await call('/api/servers/srv-DS3/agents/attach', {
        computerIds: ['cmp-DS4'],
        method: 'Attach',
        credentials: DOMAIN_ADMIN,
      }),
    ).toBe(200);
    expect(
      await call('/api/servers/srv-DS1/online/register', {
        vault: 'ContosoVault',
        credentialsIssuedAt: t.store.now - 60_000,
        passphrase: 'too-short',
      }),
    ).toBe(400);
    expect(
      await call('/api/servers/srv-DS1/online/register', {
        vault: 'ContosoVault',
        credentialsIssuedAt: t.store.now - 3 * 86_400_000,
        passphrase: PASSPHRASE,
      }),
    ).toBe(422);
    expect(
      await call('/api/servers/srv-DS1/online/register', {
        vault: 'ContosoVault',
        credentialsIssuedAt: t.store.now - 60_000,
        passphrase: PASSPHRASE,
      }),
    ).toBe(200);
    const online = await t.app.request('/api/servers/srv-DS1/online');
    const onlineBody = await online.text();
    answers.push(onlineBody);
    expect(JSON.parse(onlineBody)).toMatchObject({
      registered: true,
      vault: 'ContosoVault',
      passphraseSetAt: t.store.now,
    });
    answers.push(await (await t.app.request('/api/audit?limit=500')).text());
    const everywhere = [...answers, wholeDatabase(t), ...lines].join('\n');
    for (const secret of [DOMAIN_ADMIN.password, WRONG, PASSPHRASE, 'too-short'])
      expect(everywhere).not.toContain(secret);
    expect(row<{ h: string }>(t.db, 'SELECT passphrase_hash AS h FROM vault_passphrases').h).toMatch(/^scrypt\$/);
  });
});

describe('Management routes', () => {
  it('runs the library commands and refuses an encrypted tape without its certificate', async () => {
    const t = testApp('demo');
    const lib = '/api/servers/srv-DS1/libraries/lib-DS1-1';
    expect((await t.json(`${lib}/door`, { locked: false })).status).toBe(200);
    expect((await t.json(`${lib}/door`, { locked: false })).status).toBe(409);
    expect((await t.json(`${lib}/tapes`, { barcode: 'CLN001L8', cleaning: true })).status).toBe(200);
    expect((await t.json(`${lib}/clean-drive`, {})).status).toBe(200);
    expect((await t.json('/api/servers/srv-DS1/tapes/tape-UNK010L8/identify', {})).status).toBe(200);
    expect((await t.json('/api/servers/srv-DS1/tapes/tape-FREE03L8/remove', {})).status).toBe(200);
    const contents = await t.app.request('/api/servers/srv-DS1/tapes/tape-DS1002L8/contents');
    expect(await contents.json()).toEqual([
      expect.objectContaining({ computer: 'PS1', dataSource: 'C:\\' }),
      expect.objectContaining({ computer: 'PS1', dataSource: 'D:\\' }),
    ]);
    const tape = t.store.estate.tapes['tape-DS2017L8'];
    // Recataloged on DS1, so only the certificate stands between DS1 and its contents.
    if (tape)
      Object.assign(tape, {
        encryptedWith: 'CN=DS2 Tape Encryption',
        catalogedBy: { serverId: 'srv-DS1', generation: 1 },
      });
    const refused = await t.app.request('/api/servers/srv-DS1/tapes/tape-DS2017L8/contents');
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: { code: 'TAPE_CERTIFICATE' } });
    expect((await t.json(`${lib}/enabled`, { enabled: false })).status).toBe(409);
  });

  it(
    'agents: disable, enable, uninstall refused while protected; disks: add disk and the replicas of the ' + 'pool',
    async () => {
      const t = testApp('scenario-1');
      expect((await t.json('/api/servers/srv-DS1/agents/cmp-PS1/disable-protection', {})).status).toBe(200);
      expect(t.store.estate.computers['cmp-PS1']?.agent?.status).toBe('Disabled');
      expect((await t.json('/api/servers/srv-DS1/agents/cmp-PS1/enable-protection', {})).status).toBe(200);
      expect((await t.json('/api/servers/srv-DS1/agents/cmp-PS1/uninstall', {})).status).toBe(409);
      expect((await t.json('/api/servers/srv-DS1/agents/refresh', {})).status).toBe(200);
      expect((await t.json('/api/servers/srv-DS1/disks', { sizeGb: 500 })).status).toBe(200);
      expect(poolCapacityGb(t.store.estate.servers['srv-DS1'] ?? { disks: [] })).toBe(20_500);
      const replicas = (await (await t.app.request('/api/servers/srv-DS1/disks/replicas')).json()) as {
        id: string;
        computer: string;
        disks: string[];
      }[];
      expect(replicas.map((r) => r.computer)).toContain('PS1');
      const pool = (await (await t.app.request('/api/servers/srv-DS1/disks')).json()) as {
        storagePoolGb: number;
        disks: { id: string; name: string; replicas: number; missing: boolean }[];
      };
      expect(pool.disks.map((k) => k.name)).toEqual(['Disk 1', 'Disk 2', 'Disk 3']);
      const first = pool.disks[0];
      if (!first) throw new Error('no disk');
      const onFirst = replicas.filter((r) => r.disks.includes('Disk 1'));
      expect(onFirst).toHaveLength(first.replicas);
      // A disk in use can't be removed; once it fails, its replicas are missing and it can.
      expect((await t.json(`/api/servers/srv-DS1/disks/${first.id}/remove`, {})).status).toBe(409);
      expect((await t.json(`/api/servers/srv-DS1/disks/${first.id}/simulate-failure`, {})).status).toBe(200);
      for (const r of onFirst) expect(t.store.estate.replicas[r.id]?.status).toBe('Replica is missing');
      expect((await t.json(`/api/servers/srv-DS1/disks/${first.id}/remove`, {})).status).toBe(200);
      expect((await t.json('/api/servers/srv-DS1/disks/disk-nope/remove', {})).status).toBe(404);
    },
  );

  it('estate: VSS writer, remove computer and server', async () => {
    const t = testApp('scenario-1');
    expect((await t.json('/api/estate/servers/srv-DS1/vss-writer', { state: 'Stopped' })).status).toBe(200);
    expect(t.store.estate.servers['srv-DS1']?.vssWriter).toBe('Stopped');
    expect((await t.json('/api/estate/computers', { name: 'FS9', fqdn: 'fs9.contoso.com' })).status).toBe(200);
    const estate = (await (await t.app.request('/api/estate')).json()) as { computers: { id: string; name: string }[] };
    const fs9 = estate.computers.find((c) => c.name === 'FS9');
    expect((await t.json(`/api/estate/computers/${fs9?.id ?? ''}/remove`, {})).status).toBe(200);
    expect((await t.json('/api/estate/servers/srv-DS3/remove', {})).status).toBe(409);
  });

  it(
    'estate: Simulate unclean shutdown makes the replicas of PS1 inconsistent, raises their alerts, and is ' +
      'audited',
    async () => {
      const t = testApp('scenario-1');
      const res = await t.json('/api/estate/computers/cmp-PS1/unclean-shutdown', {});
      expect(res.status).toBe(200);
      const ps1 = Object.values(t.store.estate.replicas).filter(
        (r) => r.serverId === 'srv-DS1' && t.store.estate.dataSources[r.dataSourceId]?.computerId === 'cmp-PS1',
      );
      expect(ps1.length).toBeGreaterThan(0);
      expect(ps1.every((r) => r.status === 'Replica is inconsistent')).toBe(true);
      const alerts = (await (await t.app.request('/api/servers/srv-DS1/alerts?limit=500')).json()) as {
        items: { name: string; state: string }[];
      };
      expect(alerts.items.filter((a) => a.name === 'Replica is inconsistent' && a.state === 'Active')).toHaveLength(
        ps1.length,
      );
      const audit = await (await t.app.request('/api/audit?limit=50')).text();
      expect(audit).toContain('estate.unclean-shutdown');
      const unknown = await t.json('/api/estate/computers/FS99/unclean-shutdown', {});
      expect(unknown.status).toBe(404);
    },
  );
});
