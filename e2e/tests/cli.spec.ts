import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type RunningServer } from '../fixtures';

test.use({ seed: 'demo' });

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const FOLDER = '\\\\FS1\\DPMRestore';
const DS1_REPLICAS = [
  'rep-DS1-PS1-C',
  'rep-DS1-PS1-D',
  'rep-DS1-PS1-SQL',
  'rep-DS1-PS2-C',
  'rep-DS1-PS2-D',
  'rep-DS1-PS2-SQL',
];

/** Runs the dpm command line against the test's server, as an administrator's script would. */
function dpm(server: RunningServer, ...args: string[]) {
  const r = spawnSync(process.execPath, [resolve(root, 'apps/cli/bin/dpm.mjs'), ...args], {
    env: { ...process.env, DPM_URL: server.url, DPM_TOKEN: server.token },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function post<T = unknown>(server: RunningServer, path: string, body: unknown = {}): Promise<T> {
  const res = await server.api(path, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function get<T>(server: RunningServer, path: string): Promise<T> {
  const res = await server.api(path);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

test('the seed 000 procedure with the dpm command line ends with every runbook step done', async ({ server }) => {
  test.setTimeout(120_000);
  await post(server, '/servers/srv-DS1/fail');
  // Switch Disaster Protection from the command line, as Start-DPMSwitchProtection.
  // Every data source of PS1, as in the console run (demos/rebuild-from-tape.demo.ts).
  const PS1_SOURCES = ['C:\\ on PS1', 'D:\\ on PS1', 'PS1\\MSSQLSERVER\\Sales on PS1'];
  let r = dpm(
    server,
    'Start-DPMSwitchProtection',
    '-ProtectionGroup',
    'DS1 protection',
    '-Datasource',
    ...PS1_SOURCES,
    '--server',
    'DS3',
  );
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain('switched to DS3');

  // The console's steps for which DPM has no command line: reinstall and the tape.
  await post(server, '/servers/srv-DS1/reinstall', {
    version: { major: 10, minor: 19, build: 260, rollup: 1 },
    fqdn: 'ds1.contoso.com',
  });
  await post(server, '/servers/srv-DS1/libraries/rescan');
  await server.advance(5);
  await post(server, '/servers/srv-DS1/libraries/lib-DS1-1/inventory', { kind: 'Detailed' });
  await server.advance(15);
  await post(server, '/servers/srv-DS1/tapes/tape-DS1001L8/recatalog');
  await server.advance(10);
  const [dpmdb] = await get<{ id: string }[]>(
    server,
    '/servers/srv-DS1/recovery/data-sources/ds-DS1-DPMDB/points?external=true',
  );
  await post(server, '/servers/srv-DS1/recovery/recover', {
    recoveryPointId: dpmdb?.id,
    recoveryType: 'Copy to a network folder',
    destination: FOLDER,
  });
  await server.advance(10);

  // DpmSync, with DPM's option names in any case; a wrong folder is refused with DPM's sentence.
  r = dpm(server, 'dpmsync', '-RestoreDb', '-DbLoc', '\\\\FS1\\Nowhere', '--server', 'DS1');
  expect(r.code).toBe(1);
  expect(r.err).toContain('No DPM database backup was found at \\\\FS1\\Nowhere');
  for (const step of [['-RESTOREDB', '-dbloc', FOLDER], ['-Sync'], ['-reallocatereplica']]) {
    r = dpm(server, 'DpmSync', ...step, '--server', 'DS1');
    expect(r.code, `${step.join(' ')}: ${r.err}`).toBe(0);
  }

  // Restore to replica from DS3's recovery points, then a consistency check.
  for (const id of DS1_REPLICAS) {
    const source = id.replace('rep-DS1-', 'ds-');
    const [point] = await get<{ id: string }[]>(server, `/servers/srv-DS3/recovery/data-sources/${source}/points`);
    await post(server, '/servers/srv-DS1/recovery/restore-to-replica', { replicaId: id, recoveryPointId: point?.id });
  }
  await server.advance(90);
  await post(server, '/servers/srv-DS1/protection/consistency-checks', {
    replicaIds: DS1_REPLICAS.filter((id) => !id.startsWith('rep-DS1-PS1')),
  });

  // Switch back on DS3 from the command line; DS1 takes ownership; SetDpmServer on both computers.
  r = dpm(
    server,
    'start-dpmswitchprotection',
    '-protectiongroup',
    'DS1 protection',
    '-datasource',
    ...PS1_SOURCES,
    '--server',
    'DS3',
    '--json',
  );
  expect(r.code, r.err).toBe(0);
  expect((JSON.parse(r.out) as { ok: boolean }).ok).toBe(true);
  await post(server, '/servers/srv-DS1/agents/cmp-PS1/take-ownership');
  await server.advance(120);
  await post(server, '/servers/srv-DS1/protection/consistency-checks', {
    replicaIds: DS1_REPLICAS.filter((id) => id.startsWith('rep-DS1-PS1')),
  });
  await server.advance(120);
  for (const computer of ['PS1', 'PS2']) {
    r = dpm(server, 'setdpmserver', '-dpmServerName', 'DS1', '--computer', computer);
    expect(r.code, r.err).toBe(0);
  }

  const runbook = await get<{ key: string; done: boolean; optional: boolean }[]>(server, '/servers/srv-DS1/runbook');
  expect(runbook.filter((s) => !s.done && !s.optional).map((s) => s.key)).toEqual([]);
  r = dpm(server, 'get-jobs', '--server', 'DS1', '--json');
  const jobs = JSON.parse(r.out) as { type: string; status: string }[];
  expect(jobs.filter((j) => j.type === 'Database restore' && j.status === 'Completed')).toHaveLength(1);
  r = dpm(server, 'get-alerts', '--server', 'DS1');
  expect(r.code).toBe(0);
  expect(r.out).not.toContain('Agent Ownership Required');

  // The same end state as the console run: DS1 protects PS1 and PS2 again, every replica OK,
  // DS1 owns both agents, and DS3 protects DS1's replicas again rather than PS1 directly.
  const members = await get<{ items: { status: string }[] }>(server, '/servers/srv-DS1/protection/members?limit=100');
  expect(members.items.map((m) => m.status)).toEqual(Array(6).fill('OK'));
  const estate = await get<{ computers: { name: string; agentOwner: string | null }[] }>(server, '/estate');
  expect(estate.computers.filter((c) => c.name === 'PS1' || c.name === 'PS2').map((c) => c.agentOwner)).toEqual([
    'DS1',
    'DS1',
  ]);
  const onDs3 = await get<{ items: { computer: string; switched: boolean }[] }>(
    server,
    '/servers/srv-DS3/protection/members?limit=100',
  );
  expect(onDs3.items.filter((m) => m.computer === 'PS1' && m.switched)).toEqual([]);
});
