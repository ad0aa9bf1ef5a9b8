import { describe, expect, it } from 'vitest';
import { testApp } from '../test-app';

const DS1 = 'srv-DS1';
const DS3 = 'srv-DS3';
const FOLDER = '\\\\FS1\\DPMRestore';

interface Target {
  whyNot: { code: string; message: string } | null;
  replicaId: string;
  serverId: string;
  server: string;
  replicaPath: string;
}
interface Point {
  id: string;
  time: number;
  location: string;
  external: boolean;
  hasDatabase: boolean;
}
interface ExternalSource {
  tapeId: string;
  dataSourceId: string;
  kind: string;
}

type App = ReturnType<typeof testApp>;

async function get<T>(t: App, path: string): Promise<T> {
  const res = await t.app.request(`/api${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

async function post(t: App, path: string, body: unknown = {}): Promise<void> {
  const res = await t.json(`/api${path}`, body);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
}

const advance = (t: App, minutes: number) => post(t, '/clock/advance', { minutes });

/** Seed 000 on the demo fixture through the API, up to DpmSync -ReallocateReplica. */
async function reallocated(t: App): Promise<void> {
  const servers = await get<{ id: string; versionParts: unknown }[]>(t, '/servers');
  const version = servers.find((s) => s.id === DS1)?.versionParts;
  await post(t, `/servers/${DS1}/fail`);
  await post(t, `/servers/${DS1}/reinstall`, { version, fqdn: 'ds1.contoso.com' });
  await post(t, `/servers/${DS1}/libraries/rescan`);
  await advance(t, 5);
  await post(t, `/servers/${DS1}/libraries/lib-DS1-1/inventory`, { kind: 'Detailed' });
  await advance(t, 10);
  await post(t, `/servers/${DS1}/tapes/tape-DS1001L8/recatalog`);
  await advance(t, 10);
  const [external] = await get<ExternalSource[]>(t, `/servers/${DS1}/recovery/external-tapes`);
  expect(external).toMatchObject({ tapeId: 'tape-DS1001L8', dataSourceId: 'ds-DS1-DPMDB', kind: 'DPMDB' });
  const [point] = await get<Point[]>(t, `/servers/${DS1}/recovery/data-sources/ds-DS1-DPMDB/points?external=true`);
  expect(point).toMatchObject({ external: true, hasDatabase: true, location: 'Tape' });
  await post(t, `/servers/${DS1}/recovery/recover`, {
    recoveryPointId: point?.id,
    recoveryType: 'Copy to a network folder',
    destination: FOLDER,
  });
  await advance(t, 10);
  await post(t, `/servers/${DS1}/dpmsync/restore-db`, { dbLocation: FOLDER, instanceName: null });
  await post(t, `/servers/${DS1}/dpmsync/sync`);
  await post(t, `/servers/${DS1}/dpmsync/reallocate-replica`);
}

describe('GET /recovery/data-sources/{id}/restore-targets (Restore to replica, seed 000)', () => {
  it('offers nothing while no replica waits for its data', async () => {
    const t = testApp('demo');
    const targets = await get<Target[]>(t, `/servers/${DS3}/recovery/data-sources/ds-PS1-C/restore-targets`);
    expect(targets.map((x) => x.replicaId)).toEqual(['rep-DS1-PS1-C']);
    expect(targets[0]?.whyNot).toMatchObject({ code: 'NOT_PENDING_FOR_RESTORE' });
  });

  it("offers on the secondary the rebuilt primary's reallocated replica, until its data is restored", async () => {
    const t = testApp('demo');
    await reallocated(t);
    const targets = await get<Target[]>(t, `/servers/${DS3}/recovery/data-sources/ds-PS1-C/restore-targets`);
    expect(targets).toEqual([
      {
        replicaId: 'rep-DS1-PS1-C',
        serverId: DS1,
        server: 'DS1',
        replicaPath: expect.stringContaining('PS1'),
        whyNot: null,
      },
    ]);
    // The primary is never offered its own replica; DS3's own copy is not restored to.
    expect(
      (await get<Target[]>(t, `/servers/${DS1}/recovery/data-sources/ds-PS1-C/restore-targets`)).filter(
        (x) => x.whyNot === null,
      ),
    ).toEqual([]);

    const [point] = await get<Point[]>(t, `/servers/${DS3}/recovery/data-sources/ds-PS1-C/points`);
    await post(t, `/servers/${DS1}/recovery/restore-to-replica`, {
      replicaId: 'rep-DS1-PS1-C',
      recoveryPointId: point?.id,
    });
    await advance(t, 90);
    expect(
      (await get<Target[]>(t, `/servers/${DS3}/recovery/data-sources/ds-PS1-C/restore-targets`)).map(
        (x) => x.whyNot?.code,
      ),
    ).toEqual(['NOT_PENDING_FOR_RESTORE']);
  });

  it('answers 404 for an unknown server', async () => {
    const t = testApp('demo');
    const res = await t.app.request('/api/servers/srv-NOPE/recovery/data-sources/ds-PS1-C/restore-targets');
    expect(res.status).toBe(404);
  });
});

interface Job {
  id: string;
  type: string;
  status: string;
  scheduledAt: number;
}
interface Queued {
  jobIds: string[];
  jobs: { jobId: string; serverId: string; type: string }[];
}
interface Library {
  id: string;
  tapes: { barcode: string; status: string }[];
}

async function command(t: App, path: string, body: unknown = {}): Promise<Queued> {
  const res = await t.json(`/api${path}`, body);
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as Queued;
}

describe('a rebuilt DPM server knows only what its database holds (seed 000, Recover a DPM database)', () => {
  it(
    'after Reinstall DPM: no jobs and no library; Rescan finds it with its tapes Unknown; Detailed inventory shows ' +
      'the old DPMDB tape Imported; the restored DPMDB brings the jobs back up to its backup',
    async () => {
      const t = testApp('demo');
      // Every job DS1's database lists, page by page: the demo's fortnight is thousands of them.
      const jobs = async () => {
        const all: Job[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: Job[]; nextCursor: string | null } = await get(
            t,
            `/servers/${DS1}/jobs?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
          all.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return all;
      };
      const before = await jobs();
      expect(before.length).toBeGreaterThan(0);
      const servers = await get<{ id: string; versionParts: unknown; dbHistoryNote: string | null }[]>(t, '/servers');
      expect(servers.find((s) => s.id === DS1)?.dbHistoryNote).toBeNull();
      await post(t, `/servers/${DS1}/fail`);
      await post(t, `/servers/${DS1}/reinstall`, {
        version: servers.find((s) => s.id === DS1)?.versionParts,
        fqdn: 'ds1.contoso.com',
      });

      expect(await jobs()).toEqual([]);
      expect(await get<Library[]>(t, `/servers/${DS1}/libraries`)).toEqual([]);
      const note = (await get<{ id: string; dbHistoryNote: string | null }[]>(t, '/servers')).find(
        (s) => s.id === DS1,
      )?.dbHistoryNote;
      expect(note).toContain('reinstalled');
      // A job of the old database is no job of DS1's any more.
      const old = before[0]?.id ?? '';
      expect((await t.app.request(`/api/servers/${DS1}/jobs/${old}`)).status).toBe(404);

      // Every notice for queued work names its job: the response lists each job it queued, with its type.
      const rescan = await command(t, `/servers/${DS1}/libraries/rescan`);
      expect(rescan.jobs).toEqual([{ jobId: rescan.jobIds[0], serverId: DS1, type: 'Library rescan' }]);
      await advance(t, 5);
      const [library] = await get<Library[]>(t, `/servers/${DS1}/libraries`);
      expect(library?.id).toBe('lib-DS1-1');
      expect(new Set(library?.tapes.map((x) => x.status))).toEqual(new Set(['Unknown']));

      const inventory = await command(t, `/servers/${DS1}/libraries/lib-DS1-1/inventory`, { kind: 'Detailed' });
      expect(inventory.jobs.map((j) => j.type)).toEqual(['Detailed inventory']);
      await advance(t, 10);
      const [inventoried] = await get<Library[]>(t, `/servers/${DS1}/libraries`);
      expect(inventoried?.tapes.find((x) => x.barcode === 'DS1001L8')?.status).toBe('Imported');

      const recatalog = await command(t, `/servers/${DS1}/tapes/tape-DS1001L8/recatalog`);
      expect(recatalog.jobs.map((j) => j.type)).toEqual(['Tape recatalog']);
      await advance(t, 10);
      const [point] = await get<Point[]>(t, `/servers/${DS1}/recovery/data-sources/ds-DS1-DPMDB/points?external=true`);
      const recovery = await command(t, `/servers/${DS1}/recovery/recover`, {
        recoveryPointId: point?.id,
        recoveryType: 'Copy to a network folder',
        destination: FOLDER,
      });
      expect(recovery.jobs.map((j) => j.type)).toEqual(['Tape recovery']);
      await advance(t, 10);

      await post(t, `/servers/${DS1}/dpmsync/restore-db`, { dbLocation: FOLDER, instanceName: null });
      const restored = await jobs();
      const backup = point?.time ?? 0;
      expect(restored.filter((j) => j.scheduledAt <= backup).length).toBeGreaterThan(0);
      expect(restored.filter((j) => j.scheduledAt <= backup).length).toBe(
        before.filter((j) => j.scheduledAt <= backup).length,
      );
      // What ran after the backup (before the failure, and the rebuild's own jobs) is in neither database.
      expect(restored.filter((j) => j.scheduledAt > backup).map((j) => j.type)).toEqual(['Database restore']);
      const restoredNote = (await get<{ id: string; dbHistoryNote: string | null }[]>(t, '/servers')).find(
        (s) => s.id === DS1,
      )?.dbHistoryNote;
      expect(restoredNote).toContain('restored from its backup of');
    },
  );
});
